/**
 * The dialog for writing or editing one's own note on a passage: the quoted
 * passage, a comment, and tags. It says "Saved" only when the app reports
 * that the note is durably stored.
 *
 * When the app reports a conflict (the note changed in another tab after the
 * dialog opened), it shows both versions and nothing is saved until the
 * reader chooses: keep mine (save over theirs), keep theirs (discard the
 * edit), or copy mine and keep editing. Escape does not discard the edit then.
 *
 * @fires note-save - `{ comment, tags }` when the reader saves
 * @fires note-conflict-choice - `{ choice: 'mine', comment, tags }` or `{ choice: 'theirs' }`
 * @fires note-cancel - when the dialog is dismissed without saving
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { emit, type ConflictChoiceDetail } from './events.ts';

export type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'error'; message: string };

/** The other side of a conflict: the version saved elsewhere (its last words, when it was deleted). */
export interface TheirVersion {
  readonly comment: string;
  readonly tags: readonly string[];
  readonly deleted: boolean;
}

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
    .notice,
    .conflict {
      border: 1px solid var(--flag-loss);
      border-radius: 5px;
      padding: 0.4rem 0.6rem;
      margin: 0.5rem 0;
    }
    .conflict h3 {
      font-size: 0.9rem;
      margin: 0 0 0.3rem;
    }
    .conflict p {
      margin: 0 0 0.4rem;
    }
    .version {
      border-left: 3px solid var(--border);
      padding: 0.2rem 0.5rem;
      margin: 0.3rem 0;
      background: var(--surface-2);
    }
    .version h4 {
      font-size: 0.8rem;
      margin: 0;
      color: var(--muted);
    }
    .version .words {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
      max-height: 6rem;
      overflow: auto;
      margin: 0.15rem 0;
    }
    .conflict .row {
      margin-top: 0.4rem;
      justify-content: flex-start;
      flex-wrap: wrap;
    }
  `;

  /** The passage the note is on. */
  @property() quote = '';
  @property() comment = '';
  /** Comma-separated tags. */
  @property() tags = '';
  @property() mode: 'create' | 'edit' = 'create';
  @property({ attribute: false }) saveState: SaveState = { kind: 'idle' };
  /** Set by the app when a save met a newer version saved elsewhere; null otherwise. */
  @property({ attribute: false }) conflict: TheirVersion | null = null;
  /** A warning shown while editing, e.g. that the note changed elsewhere meanwhile. */
  @property() notice = '';

  /**
   * Follows the dialog. A 'close' event arrives after `close()` returns, so it
   * may come after a quick reopen: it reads the dialog rather than assume.
   */
  @state() private isOpen = false;
  @state() private copyStatus = '';
  @query('dialog') private dialog!: HTMLDialogElement;
  @query('textarea') private textarea!: HTMLTextAreaElement;

  override render() {
    const saving = this.saveState.kind === 'saving';
    return html`<dialog aria-labelledby="t" @cancel=${this.onCancel} @close=${() => (this.isOpen = this.dialog.open)}>
      <form method="dialog" @submit=${this.onSubmit}>
        <h2 id="t">${this.mode === 'create' ? 'New note' : 'Edit note'}</h2>
        <blockquote aria-label="Passage">${this.quote}</blockquote>
        <label for="comment">Comment</label>
        <textarea id="comment" .value=${this.comment} @input=${(e: Event) => (this.comment = (e.target as HTMLTextAreaElement).value)}></textarea>
        <label for="tags">Tags</label>
        <input id="tags" .value=${this.tags} @input=${(e: Event) => (this.tags = (e.target as HTMLInputElement).value)} aria-describedby="tags-hint" />
        <p class="hint" id="tags-hint">Separate tags with commas, e.g. <em>chronology, Corvalán</em>.</p>
        ${this.notice && !this.conflict ? html`<p class="notice" role="status">${this.notice}</p>` : nothing}
        ${this.conflict ? this.renderConflict(this.conflict, saving) : nothing}
        <div class="row">
          <span class=${`status ${this.saveState.kind === 'error' ? 'error' : ''}`} role="status" aria-live="polite">
            ${saving ? 'Saving…' : this.saveState.kind === 'error' ? this.saveState.message : this.copyStatus || nothing}
          </span>
          <button type="button" class="cancel" ?hidden=${!!this.conflict} @click=${this.onCancel}>Cancel</button>
          <button type="submit" class="primary" ?hidden=${!!this.conflict} ?disabled=${saving}>Save</button>
        </div>
      </form>
    </dialog>`;
  }

  private renderConflict(theirs: TheirVersion, saving: boolean) {
    const tags = this.tagList();
    return html`<section class="conflict" role="alert" aria-labelledby="conflict-title">
      <h3 id="conflict-title">${theirs.deleted ? 'Deleted in another tab' : 'Changed in another tab'}</h3>
      <p>
        This note was ${theirs.deleted ? 'deleted' : 'changed'} in another tab after you opened it. Nothing is saved until you
        choose; you can still change your text first.
      </p>
      <div class="version" data-version="theirs">
        <h4>${theirs.deleted ? 'Theirs: deleted' : 'Theirs (saved)'}</h4>
        ${theirs.deleted ? html`<p class="words">The note was deleted. Its last words: ${theirs.comment || '(no comment)'}</p>` : html`<p class="words">${theirs.comment || '(no comment)'}</p>`}
        <p class="words">Tags: ${theirs.tags.length ? theirs.tags.join(', ') : '(none)'}</p>
      </div>
      <div class="version" data-version="mine">
        <h4>Yours (not saved)</h4>
        <p class="words">${this.comment.trim() || '(no comment)'}</p>
        <p class="words">Tags: ${tags.length ? tags.join(', ') : '(none)'}</p>
      </div>
      <div class="row">
        <button type="button" class="primary" ?disabled=${saving} @click=${() => this.choose('mine')}>Keep mine</button>
        <button type="button" ?disabled=${saving} @click=${() => this.choose('theirs')}>Keep theirs</button>
        <button type="button" @click=${this.copyMine}>Copy mine</button>
      </div>
    </section>`;
  }

  /** Opens the dialog as a modal with focus in the comment field. */
  async open(options: { quote: string; comment?: string; tags?: readonly string[]; mode: 'create' | 'edit' }): Promise<void> {
    this.quote = options.quote;
    this.comment = options.comment ?? '';
    this.tags = (options.tags ?? []).join(', ');
    this.mode = options.mode;
    this.saveState = { kind: 'idle' };
    this.conflict = null;
    this.notice = '';
    this.copyStatus = '';
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

  private tagList(): string[] {
    return this.tags
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean);
  }

  private onSubmit(event: Event): void {
    event.preventDefault();
    // In a conflict only an explicit choice saves (Enter in a field must not overwrite theirs).
    if (this.conflict) return;
    emit(this, 'note-save', { comment: this.comment.trim(), tags: this.tagList() });
  }

  private choose(choice: 'mine' | 'theirs'): void {
    const detail: ConflictChoiceDetail = choice === 'mine' ? { choice, comment: this.comment.trim(), tags: this.tagList() } : { choice };
    emit(this, 'note-conflict-choice', detail);
  }

  /** Puts the reader's version on the clipboard; when the clipboard is refused, selects it in the field instead. */
  private readonly copyMine = async (): Promise<void> => {
    const tags = this.tagList();
    const text = `${this.comment.trim()}${tags.length ? `\nTags: ${tags.join(', ')}` : ''}`;
    try {
      await navigator.clipboard.writeText(text);
      this.copyStatus = 'Your version is on the clipboard.';
    } catch {
      this.textarea.focus();
      this.textarea.select();
      this.copyStatus = 'The clipboard was refused: your comment is selected in the field; copy it with Ctrl+C.';
    }
  };

  private onCancel(event: Event): void {
    event.preventDefault();
    // Escape must not throw away an edit whose conflict is still open: the reader chooses explicitly.
    if (this.conflict) return;
    this.close();
    emit(this, 'note-cancel', null);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'note-editor': NoteEditor;
  }
}
