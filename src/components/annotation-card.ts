/**
 * A card showing the annotations under the pointer or the keyboard selection:
 * kind, tags, description, the reader's comment, who made it, and actions.
 * Every foreign string (bodies, tags, names) is rendered as text through the
 * sanitizer: markup in a comment shows as markup, bidi controls are dropped,
 * and a long comment shows its start, says how long it is, and offers the
 * whole as a file. Tags get fixed classes, never classes made of their text.
 *
 * @fires card-action - `{ action: 'edit' | 'delete' | 'partner' | 'accept' | 'dismiss', id }`
 * @fires card-close - when Esc closes it
 */
import { LitElement, css, html, nothing } from 'lit';
import { smallButtonStyles } from './styles/controls.ts';
import { customElement, property } from 'lit/decorators.js';
import type { Entry } from '../app/workspace.ts';
import { KIND_LABELS } from '../app/workspace.ts';
import { commentBodyOf, describingBodyOf, type TextualBody } from '../annotations/model.ts';
import { bodyText, displayLabel, formatLength } from '../annotations/sanitize.ts';
import { tagClass, tagLabel } from './labels.ts';
import { emit } from './events.ts';

/** Longest description or comment drawn in a card, in code units; the rest is offered as a file. */
export const CARD_TEXT_LENGTH = 2_000;

@customElement('annotation-card')
export class AnnotationCard extends LitElement {
  static override styles = [
    smallButtonStyles,
    css`
    :host {
      position: fixed;
      z-index: 20;
      max-width: min(26rem, calc(100vw - 1rem));
      font: 0.85rem/1.45 var(--font-ui);
      color: var(--text);
    }
    :host([hidden]) {
      display: none;
    }
    .card {
      background: var(--surface);
      border: 1px solid var(--border);
      border-radius: 6px;
      box-shadow: 0 6px 24px rgba(0, 0, 0, 0.18);
      padding: 0.5rem 0.75rem;
      max-height: 50vh;
      overflow: auto;
    }
    article + article {
      border-top: 1px solid var(--border);
      margin-top: 0.5rem;
      padding-top: 0.5rem;
    }
    .kind {
      font-weight: 600;
    }
    .tag {
      display: inline-block;
      border: 1px solid var(--border);
      border-radius: 999px;
      padding: 0 0.45rem;
      margin: 0 0.2rem 0.2rem 0;
      font-size: 0.75rem;
    }
    .tag.tag-conflicts,
    .tag.tag-truncated,
    .tag.tag-missing-passage {
      border-color: var(--flag-loss);
      color: var(--flag-loss);
    }
    p {
      margin: 0.25rem 0;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .cut {
      color: var(--muted);
      font-size: 0.75rem;
    }
    .meta {
      color: var(--muted);
      font-size: 0.75rem;
    }
    .actions {
      display: flex;
      gap: 0.35rem;
      flex-wrap: wrap;
      margin-top: 0.3rem;
    }
  `,
  ];

  /** The annotations to show. */
  @property({ attribute: false }) entries: readonly Entry[] = [];
  /** Viewport point to show the card near. */
  @property({ attribute: false }) at: { x: number; y: number } = { x: 0, y: 0 };

  override render() {
    if (!this.entries.length) return nothing;
    return html`<div class="card" role="dialog" aria-label="Annotations here" @keydown=${this.onKey}>
      ${this.entries.map((e) => this.renderEntry(e))}
    </div>`;
  }

  protected override updated(): void {
    // Positioned through the CSSOM (allowed under the page's Content-Security-Policy).
    const left = Math.max(8, Math.min(this.at.x + 12, window.innerWidth - 420));
    const top = this.at.y + 18 > window.innerHeight - 200 ? Math.max(8, this.at.y - 220) : this.at.y + 18;
    this.style.setProperty('left', `${left}px`);
    this.style.setProperty('top', `${top}px`);
  }

  private renderEntry(e: Entry) {
    const a = e.annotation;
    const agent = a.creator ?? a.generator;
    const confidence = a['reader:confidence'];
    const tags = e.tags.filter((t) => t !== e.kind);
    return html`<article aria-label=${KIND_LABELS[e.kind]}>
      <div><span class="kind">${e.kind === 'flag' || e.kind === 'claim' ? tagLabel(e.subtype ?? e.kind) : e.layerId.startsWith('shared:') ? 'Shared note' : KIND_LABELS[e.kind]}</span>
        ${e.status !== 'proposed' ? html` · <em>${e.status}</em>` : nothing}</div>
      ${tags.length ? html`<div>${tags.map((t) => html`<span class=${`tag ${tagClass(t)}`}>${tagLabel(t)}</span>`)}</div>` : nothing}
      ${this.renderBody(describingBodyOf(a), 'description')}
      ${this.renderBody(commentBodyOf(a), 'comment')}
      <div class="meta">
        ${agent ? html`${agent.type === 'Software' ? 'Analyzer' : 'By'} ${displayLabel(agent.name)}` : nothing}
        ${typeof confidence === 'number' ? html` · confidence ${Math.round(confidence * 100)}%` : nothing}
        · ${new Date(a.modified ?? a.created).toLocaleDateString()}
      </div>
      <div class="actions">
        ${e.kind === 'claim' ? html`<button @click=${() => this.act('partner', a.id)}>Go to the other text</button>` : nothing}
        ${e.kind === 'claim' && e.status !== 'accepted' ? html`<button @click=${() => this.act('accept', a.id)}>Accept</button>` : nothing}
        ${(e.kind === 'claim' || e.kind === 'flag') && e.status !== 'dismissed'
          ? html`<button @click=${() => this.act('dismiss', a.id)}>Dismiss</button>`
          : nothing}
        ${e.kind === 'note' && !e.layerId.startsWith('shared:')
          ? html`<button @click=${() => this.act('edit', a.id)}>Edit</button><button @click=${() => this.act('delete', a.id)}>Delete</button>`
          : nothing}
      </div>
    </article>`;
  }

  /** A description or comment as text, cut to CARD_TEXT_LENGTH with a note and the whole offered as a file. */
  private renderBody(body: TextualBody | null, what: 'description' | 'comment') {
    if (!body) return nothing;
    const { text, cut, length } = bodyText(body, CARD_TEXT_LENGTH);
    if (!text) return nothing;
    return html`<p class=${what}>${text}${cut ? '…' : nothing}</p>
      ${cut
        ? html`<p class="cut">
            This ${what} is ${formatLength(length)} characters long; the first ${formatLength(CARD_TEXT_LENGTH)} are shown.
            <button type="button" class="whole" @click=${() => this.saveWhole(body, what)}>Save the whole ${what} as a file</button>
          </p>`
        : nothing}`;
  }

  /**
   * Offers the stored value, complete and unchanged, as a plain-text file
   * (HTML bodies too: a saved page would run its scripts when opened).
   */
  private saveWhole(body: TextualBody, what: string): void {
    const url = URL.createObjectURL(new Blob([body.value], { type: 'text/plain;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `${what}.txt`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  /** Moves focus into the card (for keyboard users who opened it with Enter). */
  focusFirst(): void {
    this.renderRoot.querySelector<HTMLElement>('button')?.focus();
  }

  private act(action: string, id: string): void {
    emit(this, 'card-action', { action, id });
  }

  private onKey(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      event.stopPropagation();
      emit(this, 'card-close', null);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'annotation-card': AnnotationCard;
  }
}
