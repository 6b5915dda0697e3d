/**
 * A card showing the annotations under the pointer or the keyboard selection:
 * kind, tags, description, the reader's comment, who made it, and actions.
 * Every body is rendered as text: markup in a comment shows as markup.
 *
 * @fires card-action - `{ action: 'edit' | 'delete' | 'partner' | 'accept' | 'dismiss', id }`
 * @fires card-close - when Esc closes it
 */
import { LitElement, css, html, nothing } from 'lit';
import { smallButtonStyles } from './styles/controls.ts';
import { customElement, property } from 'lit/decorators.js';
import type { Entry } from '../app/workspace.ts';
import { KIND_LABELS } from '../app/workspace.ts';
import { tagLabel } from './labels.ts';

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
    .tag.conflicts,
    .tag.truncated,
    .tag.missing-passage {
      border-color: var(--flag-loss);
      color: var(--flag-loss);
    }
    p {
      margin: 0.25rem 0;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
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
      <div><span class="kind">${e.kind === 'flag' || e.kind === 'claim' ? tagLabel(e.subtype ?? e.kind) : KIND_LABELS[e.kind]}</span>
        ${e.status !== 'proposed' ? html` · <em>${e.status}</em>` : nothing}</div>
      ${tags.length ? html`<div>${tags.map((t) => html`<span class=${`tag ${t}`}>${tagLabel(t)}</span>`)}</div>` : nothing}
      ${e.description ? html`<p>${e.description}</p>` : nothing}
      ${e.comment ? html`<p class="comment">${e.comment}</p>` : nothing}
      <div class="meta">
        ${agent ? html`${agent.type === 'Software' ? 'Analyzer' : 'By'} ${agent.name}` : nothing}
        ${typeof confidence === 'number' ? html` · confidence ${Math.round(confidence * 100)}%` : nothing}
        · ${new Date(a.modified ?? a.created).toLocaleDateString()}
      </div>
      <div class="actions">
        ${e.kind === 'claim' ? html`<button @click=${() => this.act('partner', a.id)}>Go to the other text</button>` : nothing}
        ${e.kind === 'claim' && e.status !== 'accepted' ? html`<button @click=${() => this.act('accept', a.id)}>Accept</button>` : nothing}
        ${(e.kind === 'claim' || e.kind === 'flag') && e.status !== 'dismissed'
          ? html`<button @click=${() => this.act('dismiss', a.id)}>Dismiss</button>`
          : nothing}
        ${e.kind === 'note'
          ? html`<button @click=${() => this.act('edit', a.id)}>Edit</button><button @click=${() => this.act('delete', a.id)}>Delete</button>`
          : nothing}
      </div>
    </article>`;
  }

  /** Moves focus into the card (for keyboard users who opened it with Enter). */
  focusFirst(): void {
    this.renderRoot.querySelector<HTMLElement>('button')?.focus();
  }

  private act(action: string, id: string): void {
    this.dispatchEvent(new CustomEvent('card-action', { detail: { action, id }, bubbles: true, composed: true }));
  }

  private onKey(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      event.stopPropagation();
      this.dispatchEvent(new CustomEvent('card-close', { bubbles: true, composed: true }));
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'annotation-card': AnnotationCard;
  }
}
