/**
 * The list of texts: which are side by side, and the others one click or key
 * away. A button opens a listbox of every text by its title (or label when the
 * title is lost); arrow keys move, Space or Enter chooses, Esc closes.
 *
 * Two modes: on wide screens the listbox is multi-select (the texts side by
 * side); on narrow screens, where one text is shown at a time, choosing a text
 * shows it.
 *
 * @fires columns-change - `{ ids }` the texts to show side by side, in order (wide screens)
 * @fires text-show - `{ id }` the text to bring to the front (narrow screens)
 */
import { displayLabel } from '../annotations/sanitize.ts';
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { MAX_COLUMNS, toggleColumn } from '../app/columns.ts';
import { emit } from './events.ts';

/** A text as the list shows it. */
export interface PickerText {
  readonly id: string;
  /** The work's title, or null when the text lost it. */
  readonly title: string | null;
  /** The manifest's reader-facing label. */
  readonly label: string;
  /** Why the text cannot be shown, when it cannot. */
  readonly problem?: string;
}

@customElement('document-picker')
export class DocumentPicker extends LitElement {
  static override styles = css`
    :host {
      position: relative;
      display: inline-block;
      font-family: var(--font-ui);
      font-size: 0.85rem;
    }
    .toggle {
      font: inherit;
      border: 1px solid var(--border);
      background: var(--surface-2);
      color: var(--text);
      border-radius: 4px;
      padding: 0.25rem 0.6rem;
      cursor: pointer;
    }
    .popup {
      position: absolute;
      right: 0;
      top: calc(100% + 0.3rem);
      z-index: 45;
      width: min(26rem, calc(100vw - 1rem));
      max-height: min(70vh, 32rem);
      display: flex;
      flex-direction: column;
      background: var(--surface);
      color: var(--text);
      border: 1px solid var(--border);
      border-radius: 6px;
      box-shadow: 0 6px 24px rgba(0, 0, 0, 0.18);
    }
    @media (max-width: 900px) {
      /* On narrow screens the button sits at the left of the toolbar. */
      .popup {
        right: auto;
        left: 0;
      }
    }
    .hint {
      margin: 0;
      padding: 0.45rem 0.75rem;
      color: var(--muted);
      border-bottom: 1px solid var(--border);
    }
    [role='listbox'] {
      list-style: none;
      margin: 0;
      padding: 0.25rem;
      overflow: auto;
      outline: none;
    }
    [role='option'] {
      display: grid;
      grid-template-columns: 1.4rem 1fr;
      align-items: start;
      gap: 0 0.3rem;
      padding: 0.35rem 0.5rem;
      border-radius: 4px;
      cursor: pointer;
    }
    [role='option']:hover {
      background: var(--surface-2);
    }
    [role='option']:focus-visible {
      outline: 2px solid var(--focus);
      outline-offset: -2px;
    }
    .mark {
      grid-row: span 2;
      color: var(--accent);
      font-weight: 700;
    }
    .name {
      font-weight: 600;
    }
    .sub {
      color: var(--muted);
      font-size: 0.78rem;
    }
    .problem {
      color: var(--flag-loss);
    }
    .status {
      margin: 0;
      padding: 0.35rem 0.75rem;
      border-top: 1px solid var(--border);
      color: var(--muted);
    }
    .status.empty {
      padding: 0;
      border-top: none;
    }
  `;

  /** Every text of the manifest, in its order. */
  @property({ attribute: false }) texts: readonly PickerText[] = [];
  /** Ids of the texts side by side (wide) or the text in front first (narrow). */
  @property({ attribute: false }) chosen: readonly string[] = [];
  /** Narrow screens: one text at a time, choosing one shows it. */
  @property({ type: Boolean }) single = false;
  /** Whether the list is open. */
  @property({ type: Boolean, reflect: true }) open = false;

  @state() private active = 0;
  @state() private status = '';

  override render() {
    const shown = this.chosen.length;
    return html`
      <button
        class="toggle"
        type="button"
        aria-haspopup="listbox"
        aria-expanded=${String(this.open)}
        aria-controls="texts"
        title="Choose the texts to read (T)"
        @click=${() => this.setOpen(!this.open)}
      >
        ${this.single ? 'Texts' : `Texts: ${shown} of ${this.texts.length} shown`}
      </button>
      ${this.open
        ? html`<div class="popup" @keydown=${this.onKey} @focusout=${this.onFocusOut}>
            <p class="hint" id="texts-hint">
              ${this.single
                ? 'Choose the text to read.'
                : `Choose up to ${MAX_COLUMNS} texts to read side by side (Space or Enter; Esc closes).`}
            </p>
            <ul
              id="texts"
              role="listbox"
              aria-label=${this.single ? 'Text to read' : 'Texts side by side'}
              aria-describedby="texts-hint"
              aria-multiselectable=${this.single ? 'false' : 'true'}
            >
              ${this.texts.map((t, i) => this.renderOption(t, i))}
            </ul>
            <p class=${this.status ? 'status' : 'status empty'} role="status" aria-live="polite">${this.status}</p>
          </div>`
        : nothing}
    `;
  }

  private renderOption(t: PickerText, i: number) {
    const selected = this.single ? this.chosen[0] === t.id : this.chosen.includes(t.id);
    const name = displayLabel(t.title ?? t.label, 300);
    return html`<li
      role="option"
      id=${`text-${i}`}
      data-id=${t.id}
      aria-selected=${String(selected)}
      tabindex=${i === this.active ? 0 : -1}
      @click=${() => this.choose(i)}
      @focus=${() => (this.active = i)}
    >
      <span class="mark" aria-hidden="true">${selected ? '✓' : ''}</span>
      <span class="name">${name}</span>
      <span class="sub">
        ${t.title ? displayLabel(t.label) : 'Title missing'}${t.problem ? html` · <span class="problem">${t.problem}</span>` : nothing}
      </span>
    </li>`;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('pointerdown', this.onOutsidePointer);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('pointerdown', this.onOutsidePointer);
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('open') && this.open) this.focusActive();
  }

  /** Opens the list with focus on the first chosen text (or closes it). */
  setOpen(open: boolean): void {
    if (open && !this.open) {
      const first = this.texts.findIndex((t) => this.chosen.includes(t.id));
      this.active = Math.max(0, first);
      this.status = '';
    }
    this.open = open;
    if (!open) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLButtonElement>('.toggle')?.focus());
  }

  private focusActive(): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#text-${this.active}`)?.focus());
  }

  private choose(i: number): void {
    const text = this.texts[i];
    if (!text) return;
    this.active = i;
    if (this.single) {
      emit(this, 'text-show', { id: text.id });
      this.setOpen(false);
      return;
    }
    const next = toggleColumn(this.chosen, text.id);
    const name = text.title ?? text.label;
    if (next === this.chosen) {
      this.status = 'At least one text stays shown.';
      return;
    }
    const replaced = this.chosen.find((id) => !next.includes(id) && id !== text.id);
    const nameOf = (id: string) => {
      const t = this.texts.find((x) => x.id === id);
      return t?.title ?? t?.label ?? id;
    };
    this.status = !next.includes(text.id)
      ? `${name} closed.`
      : replaced
        ? `${name} shown instead of ${nameOf(replaced)} (at most ${MAX_COLUMNS} side by side).`
        : `${name} shown.`;
    emit(this, 'columns-change', { ids: [...next] });
  }


  private onKey(event: KeyboardEvent): void {
    const n = this.texts.length;
    let next: number;
    if (event.key === 'ArrowDown') next = Math.min(n - 1, this.active + 1);
    else if (event.key === 'ArrowUp') next = Math.max(0, this.active - 1);
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = n - 1;
    else if (event.key === ' ' || event.key === 'Enter') {
      event.preventDefault();
      this.choose(this.active);
      return;
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.setOpen(false);
      return;
    } else return;
    event.preventDefault();
    this.active = next;
    this.focusActive();
  }

  private readonly onOutsidePointer = (event: PointerEvent): void => {
    if (this.open && !event.composedPath().includes(this)) this.open = false;
  };

  private onFocusOut(event: FocusEvent): void {
    // Closes when focus leaves the list for elsewhere on the page (not when it moves inside).
    const to = event.relatedTarget as Node | null;
    if (to && !this.renderRoot.contains(to)) this.open = false;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'document-picker': DocumentPicker;
  }
}
