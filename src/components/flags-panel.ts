/**
 * The flags panel: every flag of the open texts, grouped by kind with counts,
 * filtered by kind and by text, and stepped through with Next / Previous.
 *
 * Keyboard: the list is one tab stop (roving tabindex; ArrowUp/ArrowDown,
 * Home/End move within it, Enter or Space activates); `n` / `]` and `p` / `[`
 * step to the next / previous flag anywhere in the panel. Descriptions and
 * quotes are rendered as text, never as markup.
 *
 * @fires flag-activate - `{ id, docId, from, to }` a flag was chosen (click, Enter, or Next / Previous)
 */
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { knownTagLabel } from './labels.ts';
import { clip, displayLabel } from '../annotations/sanitize.ts';
import { customElement, property, state } from 'lit/decorators.js';
import { DAMAGE_TAGS } from '../annotations/model.ts';
import { emit } from './events.ts';
import { panelStyles, plainListStyles } from './styles/panel.ts';

/** One flag as the panel lists it; offsets are source offsets (code units) in the document `docId`. */
export interface FlagItem {
  readonly id: string;
  readonly docId: string;
  /** How the panel names the document. */
  readonly docLabel: string;
  /** The flag's tag (product.md §2 vocabulary); an unknown tag is listed under its own name. */
  readonly tag: string;
  readonly description: string;
  /** The flagged text. */
  readonly quote: string;
  readonly from: number;
  readonly to: number;
  /** 0…1, when the flag was machine-made. */
  readonly confidence?: number;
}

/** The detail of `flag-activate`. */
export interface FlagActivateDetail {
  readonly id: string;
  readonly docId: string;
  readonly from: number;
  readonly to: number;
}


/** Longest quote shown on an item, in characters. */
const QUOTE_CHARS = 90;
/** Longest description shown on an item: the list is no place for a book. */
const DESCRIPTION_CHARS = 600;

/** The reader-facing name of a flag kind; an unknown tag gets its own words, capitalised. */
export function flagLabel(tag: string): string {
  const known = knownTagLabel(tag);
  if (known) return known;
  const words = displayLabel(tag).replace(/[-_]+/g, ' ').trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : 'Unnamed kind';
}

/** Which colour family a tag is drawn in (a class suffix). */
function tone(tag: string): string {
  if (tag === 'truncated' || tag === 'missing-passage' || tag === 'missing-notes') return 'loss';
  if (tag === 'garbled' || tag === 'split' || tag === 'unsupported' || tag === 'contradiction') return tag;
  if (tag.endsWith('reference') || tag === 'unresolved-footnote') return 'reference';
  return 'other';
}

interface Group {
  readonly tag: string;
  readonly items: readonly FlagItem[];
}

@customElement('flags-panel')
export class FlagsPanel extends LitElement {
  static override styles = [
    panelStyles,
    plainListStyles,
    css`
    :host {
      display: flex;
      flex-direction: column;
      min-height: 0;
      font: 0.88rem/1.4 var(--font-ui);
    }
    .bar {
      display: flex;
      align-items: center;
      gap: 0.4rem;
      padding: 0.4rem 0.5rem;
      border-bottom: 1px solid var(--border, #d9d5ca);
      flex-wrap: wrap;
    }
    .bar h2 {
      font: 600 0.95rem/1.2 var(--font-ui, system-ui, sans-serif);
      margin: 0 auto 0 0;
    }
    .position {
      color: var(--muted, #5d5a52);
      font-size: 0.8rem;
      min-width: 4.5em;
      text-align: center;
    }
    button {
      font: inherit;
      color: inherit;
    }
    .bar button,
    .empty button {
      border: 1px solid var(--border, #d9d5ca);
      background: var(--surface, #fff);
      border-radius: 4px;
      padding: 0.1rem 0.5rem;
      cursor: pointer;
    }
    .bar button:disabled {
      opacity: 0.5;
      cursor: default;
    }
    fieldset {
      padding: 0.3rem 0.5rem;
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.4rem;
    }
    legend {
      font-size: 0.78rem;
      padding: 0.15rem 0;
    }
    .chip {
      display: inline-flex;
      align-items: center;
      gap: 0.25rem;
      border: 1px solid var(--border, #d9d5ca);
      border-radius: 999px;
      padding: 0.05rem 0.5rem 0.05rem 0.3rem;
      font-size: 0.8rem;
      cursor: pointer;
      background: var(--surface, #fff);
    }
    .chip:has(input:not(:checked)) {
      opacity: 0.6;
      text-decoration: line-through;
    }
    .chip input {
      margin: 0;
    }
    .list {
      overflow: auto;
      min-height: 0;
      flex: 1;
      padding: 0.2rem 0.5rem 0.8rem;
    }
    h3 {
      font: 600 0.82rem/1.2 var(--font-ui, system-ui, sans-serif);
      margin: 0.7rem 0 0.3rem;
      display: flex;
      gap: 0.4rem;
      align-items: baseline;
    }
    .count {
      color: var(--muted, #5d5a52);
      font-weight: 400;
    }
    li {
      margin: 0 0 0.3rem;
    }
    .item {
      display: block;
      width: 100%;
      text-align: left;
      border: 1px solid var(--border, #d9d5ca);
      border-left: 4px solid var(--tone, var(--muted, #5d5a52));
      border-radius: 4px;
      background: var(--surface, #fff);
      padding: 0.35rem 0.5rem;
      cursor: pointer;
    }
    .item:hover {
      background: var(--surface-2, #f1efe9);
    }
    .item[aria-current='true'] {
      background: var(--current, rgba(29, 95, 168, 0.18));
    }
    .item:focus-visible {
      outline: 2px solid var(--focus, #1d5fa8);
      outline-offset: 1px;
    }
    .meta {
      display: flex;
      gap: 0.4rem;
      font-size: 0.75rem;
      color: var(--muted, #5d5a52);
      flex-wrap: wrap;
    }
    .tag {
      font-weight: 600;
      color: var(--tone, inherit);
    }
    .quote {
      display: block;
      margin: 0.15rem 0;
      overflow-wrap: anywhere;
    }
    .description {
      display: block;
      font-size: 0.82rem;
      overflow-wrap: anywhere;
    }
    .tone-loss {
      --tone: var(--flag-loss, #c2261b);
    }
    .tone-garbled {
      --tone: var(--flag-garbled, #b35c00);
    }
    .tone-split {
      --tone: var(--flag-split, #7b3fb5);
    }
    .tone-unsupported {
      --tone: var(--flag-unsupported, #6b6b6b);
    }
    .tone-contradiction {
      --tone: var(--flag-contradiction, #b0127a);
    }
    .tone-reference {
      --tone: var(--flag-reference, #1d5fa8);
    }
    .more {
      font: inherit;
      font-size: 0.8rem;
      margin: 0.2rem 0 0.6rem;
      border: 1px solid var(--border, #d9d5ca);
      background: var(--surface-2, #f1efe9);
      color: var(--text, #1e1d1a);
      border-radius: 4px;
      padding: 0.15rem 0.55rem;
      cursor: pointer;
    }
    .empty {
      padding: 0.6rem 0.5rem;
    }
  `,
  ];

  /** The flags to list. */
  @property({ attribute: false }) items: readonly FlagItem[] = [];

  /** Id of the current flag (the last one activated), or null. Set it to follow a flag chosen elsewhere. */
  @property({ attribute: false }) current: string | null = null;

  /** Heading of the panel. */
  @property() heading = 'Flags';

  @state() private hiddenTags: ReadonlySet<string> = new Set();
  @state() private hiddenDocs: ReadonlySet<string> = new Set();
  /** Id of the item holding the list's tab stop. */
  @state() private focusId: string | null = null;
  /** How many items each kind's group draws: a long text can carry thousands of one kind. */
  @state() private groupLimits: ReadonlyMap<string, number> = new Map();
  private static readonly DRAW_STEP = 100;

  /** The flags that pass the filters, in the order listed (by kind, then text, then position). */
  get visibleItems(): readonly FlagItem[] {
    return this.groups().flatMap((g) => g.items);
  }

  override render() {
    const all = this.items;
    const groups = this.groups();
    const visible = groups.flatMap((g) => g.items);
    const tags = this.tagsInOrder(all);
    const docs = this.docsInOrder(all);
    const index = visible.findIndex((f) => f.id === this.current);
    const stop = this.tabStop(visible);
    return html`
      <div class="bar" role="toolbar" aria-label="Step through flags" @keydown=${this.onPanelKey}>
        <h2 id="flags-heading">${this.heading} <span class="count">${visible.length === all.length ? all.length : `${visible.length} of ${all.length}`}</span></h2>
        <button type="button" class="prev" ?disabled=${!visible.length} aria-label="Previous flag (p)" @click=${() => this.step(-1)}>‹ Previous</button>
        <span class="position" aria-live="polite">${index >= 0 ? `${index + 1} of ${visible.length}` : visible.length ? `– of ${visible.length}` : ''}</span>
        <button type="button" class="next" ?disabled=${!visible.length} aria-label="Next flag (n)" @click=${() => this.step(1)}>Next ›</button>
      </div>
      ${all.length
        ? html`<fieldset class="kinds" @keydown=${this.onPanelKey}>
              <legend>Kinds</legend>
              ${tags.map(
                (tag) => html`<label class="chip tone-${tone(tag)}">
                  <input type="checkbox" data-tag=${tag} .checked=${!this.hiddenTags.has(tag)} @change=${this.onTagFilter} />
                  ${flagLabel(tag)} <span class="count">${all.filter((f) => f.tag === tag).length}</span>
                </label>`,
              )}
            </fieldset>
            ${docs.length > 1
              ? html`<fieldset class="docs" @keydown=${this.onPanelKey}>
                  <legend>Texts</legend>
                  ${docs.map(
                    ([docId, label]) => html`<label class="chip">
                      <input type="checkbox" data-doc=${docId} .checked=${!this.hiddenDocs.has(docId)} @change=${this.onDocFilter} />
                      ${displayLabel(label)} <span class="count">${all.filter((f) => f.docId === docId).length}</span>
                    </label>`,
                  )}
                </fieldset>`
              : nothing}`
        : nothing}
      <div class="list" aria-labelledby="flags-heading" @keydown=${this.onListKey}>
        ${!all.length
          ? html`<p class="empty">No flags.</p>`
          : !visible.length
            ? html`<p class="empty">No flags match the filters. <button type="button" class="show-all" @click=${this.showAll}>Show all</button></p>`
            : groups.map(
                // Heading ids are numbered: a tag is text, and text makes no id.
                (g, gi) => html`<section class="group" data-tag=${g.tag}>
                  <h3 id="group-${gi}" class="tone-${tone(g.tag)}">
                    <span class="tag">${flagLabel(g.tag)}</span> <span class="count">${g.items.length}</span>
                  </h3>
                  <ul aria-labelledby="group-${gi}">
                    ${g.items.slice(0, this.drawnIn(g.tag, g.items, stop)).map((f) => this.renderItem(f, f.id === stop))}
                  </ul>
                  ${g.items.length > this.drawnIn(g.tag, g.items, stop)
                    ? html`<button type="button" class="more" @click=${() => this.drawMore(g.tag, g.items, stop)}>
                        Show more (${g.items.length - this.drawnIn(g.tag, g.items, stop)} not shown)
                      </button>`
                    : nothing}
                </section>`,
              )}
      </div>
    `;
  }

  /** How many of a group's items are drawn: its limit, stretched to reach the current flag and the tab stop. */
  private drawnIn(tag: string, items: readonly FlagItem[], stop: string | null): number {
    const reach = items.findIndex((f) => f.id === this.current || f.id === stop);
    return Math.max(this.groupLimits.get(tag) ?? FlagsPanel.DRAW_STEP, reach + 1);
  }

  private drawMore(tag: string, items: readonly FlagItem[], stop: string | null): void {
    this.groupLimits = new Map(this.groupLimits).set(tag, this.drawnIn(tag, items, stop) + FlagsPanel.DRAW_STEP);
  }

  private renderItem(f: FlagItem, isStop: boolean) {
    const confidence = f.confidence === undefined ? null : Math.round(Math.max(0, Math.min(1, f.confidence)) * 100);
    return html`<li>
      <button
        type="button"
        class="item tone-${tone(f.tag)}"
        data-id=${f.id}
        tabindex=${isStop ? 0 : -1}
        aria-current=${f.id === this.current ? 'true' : 'false'}
        @click=${() => this.activate(f)}
        @focus=${() => (this.focusId = f.id)}
      >
        <span class="meta">
          <span class="tag">${flagLabel(f.tag)}</span>
          <span class="doc">${displayLabel(f.docLabel)}</span>
          ${confidence === null ? nothing : html`<span class="confidence">confidence ${confidence}%</span>`}
        </span>
        <span class="quote">“${shorten(f.quote)}”</span>
        <span class="description">${displayLabel(f.description, DESCRIPTION_CHARS)}</span>
      </button>
    </li>`;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('current') && this.current !== null) this.focusId = this.current;
  }

  /**
   * Steps to the next (`1`) or previous (`-1`) flag of the filtered list,
   * wrapping at either end, and fires `flag-activate` for it. Returns the
   * flag, or null when no flag passes the filters.
   */
  step(direction: 1 | -1): FlagItem | null {
    const visible = this.visibleItems;
    if (!visible.length) return null;
    const at = visible.findIndex((f) => f.id === this.current);
    const next = at < 0 ? (direction > 0 ? 0 : visible.length - 1) : (at + direction + visible.length) % visible.length;
    const flag = visible[next]!;
    this.activate(flag);
    void this.updateComplete.then(() => this.itemButton(flag.id)?.scrollIntoView({ block: 'nearest' }));
    return flag;
  }

  private activate(f: FlagItem): void {
    this.current = f.id;
    this.focusId = f.id;
    const detail: FlagActivateDetail = { id: f.id, docId: f.docId, from: f.from, to: f.to };
    emit(this, 'flag-activate', detail);
  }

  private groups(): Group[] {
    const visible = this.items.filter((f) => !this.hiddenTags.has(f.tag) && !this.hiddenDocs.has(f.docId));
    const docOrder = new Map(this.docsInOrder(this.items).map(([id], i) => [id, i]));
    return this.tagsInOrder(visible).map((tag) => ({
      tag,
      items: visible
        .filter((f) => f.tag === tag)
        .sort((a, b) => docOrder.get(a.docId)! - docOrder.get(b.docId)! || a.from - b.from || a.to - b.to),
    }));
  }

  /** Tags present, in vocabulary order, unknown tags after them alphabetically. */
  private tagsInOrder(items: readonly FlagItem[]): string[] {
    const present = new Set(items.map((f) => f.tag));
    const known = (DAMAGE_TAGS as readonly string[]).filter((t) => present.has(t));
    const other = [...present].filter((t) => !known.includes(t)).sort();
    return [...known, ...other];
  }

  /** Documents present, in order of first appearance, with their labels. */
  private docsInOrder(items: readonly FlagItem[]): [string, string][] {
    const seen = new Map<string, string>();
    for (const f of items) if (!seen.has(f.docId)) seen.set(f.docId, f.docLabel);
    return [...seen];
  }

  /** The id holding the tab stop: the focused, else the current, else the first visible flag. */
  private tabStop(visible: readonly FlagItem[]): string | null {
    for (const id of [this.focusId, this.current]) if (id && visible.some((f) => f.id === id)) return id;
    return visible[0]?.id ?? null;
  }

  private itemButton(id: string): HTMLButtonElement | null {
    return this.renderRoot.querySelector<HTMLButtonElement>(`button.item[data-id="${CSS.escape(id)}"]`);
  }

  private onTagFilter(event: Event): void {
    const input = event.target as HTMLInputElement;
    const tag = input.dataset.tag ?? '';
    const next = new Set(this.hiddenTags);
    if (input.checked) next.delete(tag);
    else next.add(tag);
    this.hiddenTags = next;
  }

  private onDocFilter(event: Event): void {
    const input = event.target as HTMLInputElement;
    const doc = input.dataset.doc ?? '';
    const next = new Set(this.hiddenDocs);
    if (input.checked) next.delete(doc);
    else next.add(doc);
    this.hiddenDocs = next;
  }

  private showAll(): void {
    this.hiddenTags = new Set();
    this.hiddenDocs = new Set();
  }

  private onPanelKey(event: KeyboardEvent): void {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const dir = event.key === 'n' || event.key === ']' ? 1 : event.key === 'p' || event.key === '[' ? -1 : 0;
    if (!dir) return;
    event.preventDefault();
    const flag = this.step(dir);
    // Stepping from inside the list keeps the keyboard there; from the toolbar, focus stays on the button.
    if (flag && (event.currentTarget as Element).classList.contains('list')) {
      void this.updateComplete.then(() => this.itemButton(flag.id)?.focus());
    }
  }

  private onListKey(event: KeyboardEvent): void {
    const buttons = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('button.item')];
    const i = buttons.indexOf(event.target as HTMLButtonElement);
    if (i < 0) {
      this.onPanelKey(event);
      return;
    }
    let next = -1;
    if (event.key === 'ArrowDown') next = Math.min(buttons.length - 1, i + 1);
    else if (event.key === 'ArrowUp') next = Math.max(0, i - 1);
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = buttons.length - 1;
    if (next < 0) {
      this.onPanelKey(event);
      return;
    }
    event.preventDefault();
    const button = buttons[next]!;
    this.focusId = button.dataset.id ?? null;
    buttons.forEach((b) => (b.tabIndex = b === button ? 0 : -1));
    button.focus();
  }
}

/** The quote on one line, cut to QUOTE_CHARS with an ellipsis. */
function shorten(quote: string): string {
  // Only the start is looked at: a huge passage costs what a short one does.
  const start = clip(quote, QUOTE_CHARS * 4);
  const one = start.text.replace(/\s+/g, ' ').trim();
  return one.length > QUOTE_CHARS ? `${one.slice(0, QUOTE_CHARS - 1)}…` : start.cut ? `${one}…` : one;
}

declare global {
  interface HTMLElementTagNameMap {
    'flags-panel': FlagsPanel;
  }
}
