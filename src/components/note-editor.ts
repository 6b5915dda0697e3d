/**
 * The dialog for writing or editing one's own note on a passage: the quoted
 * passage, a comment, and tags. It says "Saved" only when the app reports
 * that the note is durably stored.
 *
 * @fires note-save - `{ comment, tags }` when the reader saves
 * @fires note-cancel - when the dialog is dismissed without saving
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';

export type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'error'; message: string };

@customElement('note-editor')
export class NoteEditor extends LitElement {
  static override styles = css`
    dialog {
      border: 1px solid var(--border);
      border-radius: 8px;
      background: var(--surface);
      color: var(--text);
      font: 0.9rem/1.45 var(--font-ui);
      width: min(32rem, calc(100vw - 2rem));
      padding: 1rem 1.25rem;
    }
    dialog::backdrop {
      background: rgba(0, 0, 0, 0.3);
    }
    h2 {
      font-size: 1rem;
      margin: 0 0 0.5rem;
    }
    blockquote {
      margin: 0 0 0.75rem;
      padding: 0.4rem 0.6rem;
      border-left: 3px solid var(--own-note);
      background: var(--surface-2);
      font-family: var(--font-text);
      max-height: 8rem;
      overflow: auto;
      white-space: pre-wrap;
    }
    label {
      display: block;
      font-weight: 600;
      margin: 0.5rem 0 0.2rem;
    }
    textarea,
    input {
      box-sizing: border-box;
      width: 100%;
      font: inherit;
      color: inherit;
      background: var(--bg);
      border: 1px solid var(--border);
      border-radius: 4px;
      padding: 0.35rem 0.5rem;
    }
    textarea {
      min-height: 6rem;
      resize: vertical;
    }
    .hint {
      color: var(--muted);
      font-size: 0.78rem;
      margin: 0.15rem 0 0;
    }
    .row {
      display: flex;
      justify-content: flex-end;
      gap: 0.5rem;
      margin-top: 0.9rem;
      align-items: center;
    }
    .status {
      margin-right: auto;
      color: var(--muted);
    }
    .status.error {
      color: var(--flag-loss);
    }
    button {
      font: inherit;
      border: 1px solid var(--border);
      background: var(--surface-2);
      color: var(--text);
      border-radius: 4px;
      padding: 0.3rem 0.8rem;
      cursor: pointer;
    }
    button.primary {
      background: var(--accent);
      border-color: var(--accent);
      color: var(--surface);
    }
  `;

  /** The passage the note is on. */
  @property() quote = '';
  @property() comment = '';
  /** Comma-separated tags. */
  @property() tags = '';
  @property() mode: 'create' | 'edit' = 'create';
  @property({ attribute: false }) saveState: SaveState = { kind: 'idle' };

  @state() private isOpen = false;
  @query('dialog') private dialog!: HTMLDialogElement;
  @query('textarea') private textarea!: HTMLTextAreaElement;

  override render() {
    const saving = this.saveState.kind === 'saving';
    return html`<dialog aria-labelledby="t" @cancel=${this.onCancel} @close=${() => (this.isOpen = false)}>
      <form method="dialog" @submit=${this.onSubmit}>
        <h2 id="t">${this.mode === 'create' ? 'New note' : 'Edit note'}</h2>
        <blockquote aria-label="Passage">${this.quote}</blockquote>
        <label for="comment">Comment</label>
        <textarea id="comment" .value=${this.comment} @input=${(e: Event) => (this.comment = (e.target as HTMLTextAreaElement).value)}></textarea>
        <label for="tags">Tags</label>
        <input id="tags" .value=${this.tags} @input=${(e: Event) => (this.tags = (e.target as HTMLInputElement).value)} aria-describedby="tags-hint" />
        <p class="hint" id="tags-hint">Separate tags with commas, e.g. <em>chronology, Corvalán</em>.</p>
        <div class="row">
          <span class=${`status ${this.saveState.kind === 'error' ? 'error' : ''}`} role="status" aria-live="polite">
            ${saving ? 'Saving…' : this.saveState.kind === 'error' ? this.saveState.message : nothing}
          </span>
          <button type="button" @click=${this.onCancel}>Cancel</button>
          <button type="submit" class="primary" ?disabled=${saving}>Save</button>
        </div>
      </form>
    </dialog>`;
  }

  /** Opens the dialog as a modal with focus in the comment field. */
  async open(options: { quote: string; comment?: string; tags?: readonly string[]; mode: 'create' | 'edit' }): Promise<void> {
    this.quote = options.quote;
    this.comment = options.comment ?? '';
    this.tags = (options.tags ?? []).join(', ');
    this.mode = options.mode;
    this.saveState = { kind: 'idle' };
    await this.updateComplete;
    if (!this.dialog.open) this.dialog.showModal();
    this.isOpen = true;
    this.textarea.focus();
  }

  /** Closes the dialog (after a save the app reports as durable). */
  close(): void {
    if (this.dialog?.open) this.dialog.close();
    this.isOpen = false;
  }

  get opened(): boolean {
    return this.isOpen;
  }

  private onSubmit(event: Event): void {
    event.preventDefault();
    const tags = this.tags
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean);
    this.dispatchEvent(new CustomEvent('note-save', { detail: { comment: this.comment.trim(), tags }, bubbles: true, composed: true }));
  }

  private onCancel(event: Event): void {
    event.preventDefault();
    this.close();
    this.dispatchEvent(new CustomEvent('note-cancel', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'note-editor': NoteEditor;
  }
}
