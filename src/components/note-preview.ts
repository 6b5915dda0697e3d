/**
 * A footnote preview card: the note's text (or why it cannot be shown), the
 * entry read as a reference (authors, year, title, linked when the entry gives
 * a URL or DOI) with a "Copy as BibTeX" button, a "Go to note" link, and, once
 * pinned, a close button. Positioned next to its
 * marker with fixed coordinates set through the CSSOM (`cssProps`; lit's
 * `styleMap` writes a style attribute on first render, which a strict CSP
 * blocks). Text is rendered as text.
 *
 * Opening, closing and focus are the `FootnoteController`'s; this element only
 * shows and reports.
 *
 * @fires note-preview-goto - the reader asked to jump to the entry
 * @fires note-preview-close - `{ restoreFocus }` the reader closed the preview (Esc or the close button)
 * @fires note-preview-copied - `{ bibtex }` the reference was copied to the clipboard
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { cssProps } from './css-props.ts';
import { safeHref } from '../annotations/sanitize.ts';
import { toBibtex } from '../analysis/references/bibtex.ts';
import type { CslItem, CslName } from '../analysis/references/csl.ts';
import { emit } from './events.ts';

/** Gap between the marker and the card, in CSS pixels. */
const GAP = 6;
/** Widest card, in CSS pixels (kept in step with `max-width` below). */
const CARD_WIDTH = 384;
/** Card height assumed when deciding whether it fits below the marker. */
const ROOM_BELOW = 180;

@customElement('note-preview')
export class NotePreview extends LitElement {
  static override styles = css`
    :host {
      position: fixed;
      inset: 0 auto auto 0;
      z-index: 40;
      pointer-events: none;
    }
    :host([hidden]) {
      display: none;
    }
    .card {
      position: fixed;
      pointer-events: auto;
      box-sizing: border-box;
      min-width: min(16rem, calc(100vw - 16px));
      max-width: min(24rem, calc(100vw - 16px));
      max-height: min(18rem, 60vh);
      overflow: auto;
      padding: 0.6rem 0.8rem 0.55rem;
      background: var(--surface, #fff);
      color: var(--text, #1e1d1a);
      border: 1px solid var(--border, #d9d5ca);
      border-radius: 6px;
      box-shadow: 0 6px 22px rgba(0, 0, 0, 0.18);
      font: 0.88rem/1.45 var(--font-ui, system-ui, sans-serif);
    }
    .card:focus-visible {
      outline: 2px solid var(--focus, #1d5fa8);
      outline-offset: 2px;
    }
    .card.pinned {
      border-color: var(--accent, #1d5fa8);
    }
    header {
      display: flex;
      align-items: baseline;
      gap: 0.5rem;
      margin-bottom: 0.3rem;
    }
    h2 {
      font: 600 0.8rem/1.2 var(--font-ui, system-ui, sans-serif);
      margin: 0;
      margin-right: auto;
      color: var(--muted, #5d5a52);
      text-transform: uppercase;
      letter-spacing: 0.04em;
    }
    .text {
      margin: 0;
      white-space: pre-line;
      font-family: var(--font-text, serif);
      overflow-wrap: anywhere;
    }
    .problem {
      margin: 0;
      color: var(--flag-reference, #1d5fa8);
    }
    .problem + .text {
      margin-top: 0.3rem;
    }
    footer {
      margin-top: 0.45rem;
      display: flex;
      gap: 0.75rem;
      align-items: center;
    }
    a {
      color: var(--accent, #1d5fa8);
    }
    button {
      font: inherit;
      font-size: 0.8rem;
      border: 1px solid var(--border, #d9d5ca);
      background: var(--surface-2, #f1efe9);
      color: inherit;
      border-radius: 4px;
      padding: 0 0.4rem;
      cursor: pointer;
    }
    .reference {
      margin: 0 0 0.35rem;
      padding-bottom: 0.35rem;
      border-bottom: 1px solid var(--border, #d9d5ca);
    }
    .reference .title {
      font-style: italic;
    }
    .copied {
      color: var(--muted, #5d5a52);
      font-size: 0.75rem;
    }
    .hint {
      color: var(--muted, #5d5a52);
      font-size: 0.75rem;
      margin-left: auto;
    }
  `;

  /** The note number shown. */
  @property({ type: Number }) number = 0;

  /** The entry's text, or null when the note cannot be resolved. */
  @property({ attribute: false }) text: string | null = null;

  /** Why the note cannot be shown (or what is wrong with its entry), or null. */
  @property({ attribute: false }) problem: string | null = null;

  /** The entry read as a reference, or null; its fields are shown above the text when it names an author, year or title. */
  @property({ attribute: false }) reference: CslItem | null = null;

  /** What the last copy did ("Copied", or why it failed), shown next to the button; cleared when the reference changes. */
  @property({ attribute: false }) copyStatus: string | null = null;

  /** True when the reader pinned the preview: it stays until closed, and acts as a dialog. */
  @property({ type: Boolean, reflect: true }) pinned = false;

  /** The marker's box in viewport coordinates; the card is placed below it, or above when there is no room. */
  @property({ attribute: false }) anchor: DOMRect | null = null;

  override render() {
    const label = `Note ${this.number}`;
    const canGo = this.text !== null;
    return html`<div
      class=${this.pinned ? 'card pinned' : 'card'}
      part="card"
      role=${this.pinned ? 'dialog' : 'tooltip'}
      aria-label=${label}
      tabindex="-1"
      ${cssProps(this.place())}
      @keydown=${this.onKey}
    >
      <header>
        <h2>${label}</h2>
        ${this.pinned
          ? html`<button type="button" class="close" aria-label="Close the preview of note ${this.number}" @click=${this.onClose}>×</button>`
          : nothing}
      </header>
      ${this.problem ? html`<p class="problem">${this.problem}</p>` : nothing}
      ${this.renderReference()}
      ${this.text ? html`<p class="text">${this.text}</p>` : nothing}
      ${canGo
        ? html`<footer>
            <a class="goto" href="#note-${this.number}" @click=${this.onGo}>Go to note ${this.number}</a>
            ${this.shownReference()
              ? html`<button type="button" class="copy-bibtex" @click=${this.onCopy}>Copy as BibTeX</button>
                  ${this.copyStatus ? html`<span class="copied" role="status">${this.copyStatus}</span>` : nothing}`
              : nothing}
            ${this.pinned ? html`<span class="hint">Esc closes</span>` : nothing}
          </footer>`
        : nothing}
    </div>`;
  }

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('reference') && !changed.has('copyStatus')) this.copyStatus = null;
  }

  /** The reference when it has something worth showing (an author, a year or a title), else null. */
  private shownReference(): CslItem | null {
    const r = this.reference;
    return r && (r.author?.length || r.issued || r.title) ? r : null;
  }

  private renderReference() {
    const r = this.shownReference();
    if (!r) return nothing;
    const names = r.author?.map(nameOf).join('; ');
    const year = r.issued?.['date-parts'][0]?.[0];
    // Only an http(s) URL or a DOI becomes a link, through safeHref like every link the reader makes from data.
    const href = safeHref(r.URL) ?? (r.DOI ? safeHref(`https://doi.org/${r.DOI}`) : null);
    const title = r.title ? (href ? html`<a class="title" href=${href} target="_blank" rel="noopener noreferrer">${r.title}</a>` : html`<span class="title">${r.title}</span>`) : nothing;
    return html`<p class="reference">
      ${names ? html`<span class="authors">${names}</span>` : nothing}${year !== undefined ? html` <span class="year">(${year})</span>` : nothing}${names || year !== undefined ? (r.title ? '. ' : '') : nothing}${title}
    </p>`;
  }

  /** Moves keyboard focus into the card (used when it is pinned from the keyboard). */
  focusCard(): void {
    this.renderRoot.querySelector<HTMLElement>('.card')?.focus();
  }

  private place(): Record<string, string> {
    const a = this.anchor;
    if (!a) return {};
    const vw = window.innerWidth;
    const vh = window.innerHeight;
    const left = Math.max(8, Math.min(a.left, vw - Math.min(CARD_WIDTH, vw - 16) - 8));
    if (a.bottom + GAP + ROOM_BELOW <= vh || a.top < ROOM_BELOW) return { left: `${left}px`, top: `${a.bottom + GAP}px` };
    return { left: `${left}px`, bottom: `${vh - a.top + GAP}px` };
  }

  private onGo(event: Event): void {
    event.preventDefault();
    emit(this, 'note-preview-goto', null);
  }

  private async onCopy(): Promise<void> {
    const r = this.shownReference();
    if (!r) return;
    const bibtex = toBibtex(r);
    try {
      await navigator.clipboard.writeText(bibtex);
      this.copyStatus = 'Copied';
      emit(this, 'note-preview-copied', { bibtex });
    } catch {
      // The clipboard may be refused (no permission, an insecure page): say so rather than fail silently.
      this.copyStatus = 'Copy refused by the browser';
    }
  }

  private onClose(): void {
    emit(this, 'note-preview-close', { restoreFocus: true });
  }

  private onKey(event: KeyboardEvent): void {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    this.onClose();
  }
}

/** `Family, Given`, or the literal name, or whichever part is known. */
function nameOf(name: CslName): string {
  return name.literal ?? [name.family, name.given].filter(Boolean).join(', ');
}

declare global {
  interface HTMLElementTagNameMap {
    'note-preview': NotePreview;
  }
}
