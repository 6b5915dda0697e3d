/**
 * The reader's own notes, and every orphaned annotation (one whose passage
 * could not be found), each with its quote. Orphans are never dropped: they
 * can be re-attached by hand to the passage selected in a text. Comments,
 * tags, quotes and reasons are foreign strings: shown as text, neutralised,
 * and cut (the card shows more and offers the whole).
 *
 * @fires note-activate-item - `{ id }` show a note in its text
 * @fires card-action - `{ action: 'edit' | 'delete', id }`
 * @fires orphan-reattach - `{ annotationId, targetIndex }` attach to the current selection
 */
import { LitElement, css, html, nothing } from 'lit';
import { smallButtonStyles } from './styles/controls.ts';
import { customElement, property, state } from 'lit/decorators.js';
import type { Entry, OrphanTarget } from '../app/workspace.ts';
import { commentBodyOf, quoteSelectorOf, targetsOf } from '../annotations/model.ts';
import { bodyText, displayLabel, formatLength } from '../annotations/sanitize.ts';
import { tagLabel } from './labels.ts';
import { emit } from './events.ts';
import { panelStyles, plainListStyles } from './styles/panel.ts';

/** Longest comment drawn in the list, in code units. */
export const LIST_TEXT_LENGTH = 500;
/** Longest quote or reason drawn in the list. */
const QUOTE_LENGTH = 300;
/** Notes (and orphans) drawn at first, and drawn more by "Show more": 20,000 imported notes must not freeze the page. */
export const LIST_PAGE = 200;

@customElement('notes-panel')
export class NotesPanel extends LitElement {
  static override styles = [
    panelStyles,
    plainListStyles,
    smallButtonStyles,
    css`
    :host {
      display: block;
      padding: 0.5rem 0.75rem;
      font: 0.85rem/1.45 var(--font-ui);
    }
    h3 {
      font-size: 0.85rem;
      margin: 0.75rem 0 0.35rem;
    }
    li {
      border: 1px solid var(--border);
      border-radius: 5px;
      padding: 0.4rem 0.5rem;
      margin-bottom: 0.4rem;
      background: var(--surface);
    }
    q {
      font-family: var(--font-text);
      display: block;
      color: var(--muted);
      overflow-wrap: anywhere;
    }
    .comment {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
      margin: 0.2rem 0;
    }
    .reason {
      color: var(--flag-loss);
      font-size: 0.78rem;
    }
    .actions {
      display: flex;
      gap: 0.3rem;
      margin-top: 0.25rem;
      flex-wrap: wrap;
    }
    .cut {
      color: var(--muted);
      font-size: 0.75rem;
    }
    .tag {
      display: inline-block;
      border: 1px solid var(--border);
      border-radius: 999px;
      padding: 0 0.4rem;
      font-size: 0.72rem;
      margin-right: 0.2rem;
    }
  `,
  ];

  @property({ attribute: false }) notes: readonly Entry[] = [];
  @property({ attribute: false }) orphans: readonly OrphanTarget[] = [];
  /** The reader's decisions on machine proposals (accepted / dismissed). */
  @property({ attribute: false }) decisions: readonly Entry[] = [];
  /** True when a passage is selected in a text, so an orphan can be re-attached there. */
  @property({ type: Boolean }) canReattach = false;
  /** Labels of documents by id. */
  @property({ attribute: false }) docLabels: Readonly<Record<string, string>> = {};
  @state() private notesShown = LIST_PAGE;
  @state() private orphansShown = LIST_PAGE;

  override render() {
    return html`
      <section aria-labelledby="own">
        <h3 id="own">Your notes (${this.notes.length})</h3>
        ${this.notes.length
          ? html`<ul>
              ${this.notes.slice(0, this.notesShown).map((e) => this.renderNote(e))}
            </ul>
            ${this.renderMore(this.notes.length - this.notesShown, () => (this.notesShown += LIST_PAGE))}`
          : html`<p class="empty">Select a passage in either text and press <kbd>A</kbd> (or “Annotate selection”) to write a note.</p>`}
      </section>
      ${this.decisions.length
        ? html`<section aria-labelledby="dec">
            <h3 id="dec">Your decisions (${this.decisions.length})</h3>
            <ul>
              ${this.decisions.map(
                (d) => html`<li>
                  <span class="tag">${d.tags.includes('dismissed') ? 'dismissed' : 'accepted'}</span>
                  <q>${quoteText(d)}</q>
                  <div class="actions">
                    <button @click=${() => emit(this, 'card-action', { action: 'delete', id: d.annotation.id })}>Withdraw decision</button>
                  </div>
                </li>`,
              )}
            </ul>
          </section>`
        : nothing}
      <section aria-labelledby="orph">
        <h3 id="orph">Orphaned annotations (${this.orphans.length})</h3>
        ${this.orphans.length
          ? html`<p class="empty">Their passage could not be found in the text as it is now. Select the right passage and re-attach.</p>
              <ul>
                ${this.orphans.slice(0, this.orphansShown).map((o) => this.renderOrphan(o))}
              </ul>
              ${this.renderMore(this.orphans.length - this.orphansShown, () => (this.orphansShown += LIST_PAGE))}`
          : html`<p class="empty">None: every annotation found its passage.</p>`}
      </section>
    `;
  }

  /** "Show more" under a list with `hidden` items not drawn yet. */
  private renderMore(hidden: number, more: () => void) {
    if (hidden <= 0) return nothing;
    return html`<button type="button" class="more" @click=${more}>Show ${Math.min(hidden, LIST_PAGE)} more (${formatLength(hidden)} not shown)</button>`;
  }

  private renderNote(e: Entry) {
    // docLabels is a plain object: only its own keys count (a doc id "constructor" finds nothing).
    const where = e.placed.map((p) => displayLabel(Object.hasOwn(this.docLabels, p.docId) ? this.docLabels[p.docId] : p.docId)).join(', ');
    return html`<li>
      <q>${displayLabel(quoteText(e), QUOTE_LENGTH)}</q>
      ${this.renderComment(e)}
      ${e.tags.length ? html`<div>${e.tags.map((t) => html`<span class="tag">${tagLabel(t)}</span>`)}</div>` : nothing}
      <div class="actions">
        <button @click=${() => emit(this, 'note-activate-item', { id: e.annotation.id })} ?disabled=${!e.placed.length} aria-label=${`Show note in ${where || 'text'}`}>Show</button>
        <button @click=${() => emit(this, 'card-action', { action: 'edit', id: e.annotation.id })}>Edit</button>
        <button @click=${() => emit(this, 'card-action', { action: 'delete', id: e.annotation.id })}>Delete</button>
      </div>
    </li>`;
  }

  /** The comment's start; a long one says how long it is (Show opens the card, which offers the whole). */
  private renderComment(e: Entry) {
    const body = commentBodyOf(e.annotation);
    if (!body) return nothing;
    const { text, cut, length } = bodyText(body, LIST_TEXT_LENGTH);
    if (!text) return nothing;
    return html`<p class="comment">${text}${cut ? '…' : nothing}</p>
      ${cut ? html`<p class="cut">${formatLength(length)} characters in all; Show opens the note, where the whole can be saved.</p>` : nothing}`;
  }

  private renderOrphan(o: OrphanTarget) {
    return html`<li>
      <q>${o.quote ? displayLabel(o.quote, QUOTE_LENGTH) : '(no quote)'}</q>
      <div class="reason">${displayLabel(o.reason, QUOTE_LENGTH * 2)}</div>
      <div class="actions">
        <button
          ?disabled=${!this.canReattach}
          title=${this.canReattach ? 'Attach to the selected passage' : 'Select a passage in a text first'}
          @click=${() => emit(this, 'orphan-reattach', { annotationId: o.annotationId, targetIndex: o.targetIndex })}
        >
          Re-attach to selection
        </button>
      </div>
    </li>`;
  }

}

function quoteText(e: Entry): string {
  const target = targetsOf(e.annotation)[0];
  return (target && quoteSelectorOf(target)?.exact) ?? '';
}

declare global {
  interface HTMLElementTagNameMap {
    'notes-panel': NotesPanel;
  }
}
