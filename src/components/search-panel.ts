/**
 * The search panel: a search box, a text filter, and the results grouped by
 * text with keyword-in-context snippets. Within a text, results are listed in
 * reading order, so stepping through hits walks down the page as in a
 * browser's find bar.
 *
 * Keyboard: in the box, Enter and Shift+Enter step to the next and previous
 * hit, ArrowDown enters the result list; in the list (an ARIA listbox),
 * ArrowUp/ArrowDown/Home/End move, Enter or Space shows that result.
 *
 * @fires search-results - `{ query, hits: {docId, from, to}[] }` whenever the results change: every match, for highlighting
 * @fires search-activate - `{ docId, from, to, index }` when a hit becomes current: scroll it into view
 */
import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, query as queryElement, state } from 'lit/decorators.js';
import type { SearchHit, SearchOptions, SearchResults } from '../search/engine.ts';
import type { Snippet } from '../search/snippet.ts';
import { displayLabel, neutralise } from '../annotations/sanitize.ts';
import { emit } from './events.ts';
import { panelStyles } from './styles/panel.ts';

/** What the panel needs of a search engine (a `SearchEngine`, or a client of one in a worker). */
export interface SearchSource {
  search(query: string, options?: SearchOptions): SearchResults | Promise<SearchResults>;
  /** False while the index is still to be built (the first search builds it); absent means always ready. */
  readonly ready?: boolean;
}

/** A text the panel can filter by. */
export interface SearchPanelDocument {
  readonly id: string;
  readonly label: string;
}

/** One match in a text, in source code units. */
export interface SearchHitLocation {
  readonly docId: string;
  readonly from: number;
  readonly to: number;
}

export interface SearchResultsDetail {
  readonly query: string;
  readonly hits: readonly SearchHitLocation[];
}

export interface SearchActivateDetail extends SearchHitLocation {
  /** The position of this match in `search-results`' `hits`. */
  readonly index: number;
}

/** A match with the result (list option) it belongs to. */
interface Occurrence extends SearchHitLocation {
  readonly option: number;
}

interface Shown {
  readonly document: string;
  readonly label: string;
  readonly hits: readonly SearchHit[];
  readonly firstOption: number;
  readonly matchCount: number;
}

@customElement('search-panel')
export class SearchPanel extends LitElement {
  static override styles = [
    panelStyles,
    css`
    :host {
      display: block;
    }
    .box {
      display: grid;
      grid-template-columns: auto 1fr;
      gap: 0.3rem 0.5rem;
      align-items: center;
      padding: 0.5rem;
    }
    label {
      font-size: 0.82rem;
      color: var(--muted, inherit);
    }
    input,
    select {
      font: inherit;
      min-width: 0;
      padding: 0.3rem 0.4rem;
      border: 1px solid var(--border, #999);
      border-radius: 4px;
      background: var(--surface, #fff);
      color: inherit;
    }
    input:focus-visible,
    select:focus-visible,
    [role='listbox']:focus-visible {
      outline: 2px solid var(--focus, #1d5fa8);
      outline-offset: 1px;
    }
    .status {
      margin: 0 0.5rem 0.4rem;
      font-size: 0.82rem;
      color: var(--muted, inherit);
    }
    .hint {
      margin: 0 0.5rem 0.5rem;
    }
    [role='listbox'] {
      margin: 0;
      padding: 0 0.25rem 0.5rem;
    }
    .group-label {
      margin: 0.6rem 0.25rem 0.2rem;
      font-size: 0.85rem;
      font-weight: 600;
    }
    .count {
      font-weight: normal;
      color: var(--muted, inherit);
    }
    [role='option'] {
      padding: 0.35rem 0.45rem;
      border-radius: 4px;
      font-size: 0.88rem;
      line-height: 1.35;
      cursor: pointer;
      overflow-wrap: anywhere;
    }
    [role='option']:hover {
      background: var(--surface-2, #eee);
    }
    [role='option'][aria-selected='true'] {
      background: var(--current, rgba(29, 95, 168, 0.18));
      outline: 1px solid var(--focus, #1d5fa8);
    }
    [role='option'].current {
      box-shadow: inset 3px 0 0 var(--accent, #1d5fa8);
    }
    mark {
      background: var(--search-hit, #ffe36e);
      color: inherit;
      border-radius: 2px;
    }
    .badge {
      font-size: 0.75rem;
      margin-right: 0.3rem;
      padding: 0 0.3rem;
      border: 1px solid var(--border, #999);
      border-radius: 3px;
      color: var(--muted, inherit);
    }
  `,
  ];

  /** The engine to query; nothing is searched while it is null. */
  @property({ attribute: false }) engine: SearchSource | null = null;

  /** The texts, in display order, for the filter and the group headings. */
  @property({ attribute: false }) documents: readonly SearchPanelDocument[] = [];

  /** The query; set it from outside (e.g. from the URL) to search. */
  @property() query = '';

  /** The text to search: a document id, or "" for all texts. */
  @property() scope = '';

  @state() private results: SearchResults | null = null;
  /** True while the first search waits for the index to be built: the panel says so before the build blocks. */
  @state() private indexing = false;
  /** Index of the current match in `occurrences`, -1 before the first step. */
  @state() private current = -1;
  /** Index of the highlighted option of the list. */
  @state() private active = -1;
  /** How many results are drawn: a frequent word has thousands; more are drawn on demand or as stepping reaches them. */
  @state() private drawLimit = SearchPanel.DRAW_STEP;
  private static readonly DRAW_STEP = 200;

  @queryElement('input') private input!: HTMLInputElement;
  @queryElement('[role="listbox"]') private listbox!: HTMLElement | null;

  private shown: readonly Shown[] = [];
  private options: readonly SearchHit[] = [];
  private occurrences: readonly Occurrence[] = [];
  private searchedFor: readonly unknown[] = [];
  /** The search under way (an engine in a worker answers later), or null. */
  private pending: Promise<void> | null = null;
  private announce = false;

  /** Focuses the search box and selects its text (for the app's `/` and Ctrl/Cmd+K). */
  async focusInput(): Promise<void> {
    await this.updateComplete;
    this.input.focus();
    this.input.select();
  }

  /** Makes the next match current (wrapping around) and announces it; false when there are none. */
  next(): boolean {
    return this.step(1);
  }

  /** Makes the previous match current (wrapping around); false when there are none. */
  previous(): boolean {
    return this.step(-1);
  }

  /** Searches again with the same query: call it after the engine's contents changed (annotations added or removed). */
  searchAgain(): void {
    this.searchedFor = [];
    this.refresh();
    this.requestUpdate();
  }

  /** Runs the search now if the query, scope or engine changed since the last one. */
  private refresh(): void {
    const key = [this.engine, this.query, this.scope, this.documents];
    if (key.every((v, i) => v === this.searchedFor[i])) return;
    this.searchedFor = key;
    const text = this.query.trim() === '' ? '' : this.query;
    const engine = this.engine;
    if (!engine || !text) {
      this.indexing = false;
      this.pending = null;
      this.show(null);
      return;
    }
    const ask = () => engine.search(text, { document: this.scope || null });
    if (engine.ready === false) {
      // Building the index takes a moment: say "Indexing…" first, and ask once that is on screen
      // (an engine on this thread blocks while it builds; one in a worker answers when built).
      this.indexing = true;
      this.await(key, new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(ask())))));
      return;
    }
    this.indexing = false;
    const answer = ask();
    if (answer instanceof Promise) this.await(key, answer);
    else {
      this.pending = null;
      this.show(answer);
    }
  }

  /** Shows `answer` once it comes, unless a newer query took over meanwhile. */
  private await(key: readonly unknown[], answer: Promise<SearchResults>): void {
    const pending = answer.then((results) => {
      if (this.searchedFor !== key) return;
      this.pending = null;
      this.indexing = false;
      this.show(results);
      this.requestUpdate();
    });
    this.pending = pending;
  }

  private show(results: SearchResults | null): void {
    this.results = results;
    this.layout();
    this.current = -1;
    this.active = this.options.length ? 0 : -1;
    this.drawLimit = SearchPanel.DRAW_STEP;
    this.announce = true;
  }

  /** Groups in document order, results in reading order, matches flattened in list order. */
  private layout(): void {
    const groups = this.results?.groups ?? [];
    const order = (id: string): number => {
      const i = this.documents.findIndex((d) => d.id === id);
      return i < 0 ? this.documents.length : i;
    };
    const sorted = [...groups].sort((a, b) => order(a.document) - order(b.document));
    const shown: Shown[] = [];
    const options: SearchHit[] = [];
    const occurrences: Occurrence[] = [];
    for (const g of sorted) {
      const hits = [...g.hits].sort((a, b) => a.from - b.from || (a.source === 'text' ? -1 : 1));
      shown.push({
        document: g.document,
        label: this.documents.find((d) => d.id === g.document)?.label ?? g.document,
        hits,
        firstOption: options.length,
        matchCount: g.matchCount,
      });
      for (const hit of hits) {
        for (const [from, to] of hit.matches) occurrences.push({ docId: hit.document, from, to, option: options.length });
        options.push(hit);
      }
    }
    this.shown = shown;
    this.options = options;
    this.occurrences = occurrences;
  }

  private step(delta: 1 | -1): boolean {
    this.refresh();
    const pending = this.pending;
    if (pending) {
      // Enter right after typing: step once this query's results are in.
      void pending.then(() => this.pending === null && this.step(delta));
      return true;
    }
    const n = this.occurrences.length;
    if (n === 0) return false;
    const from = this.current < 0 ? (delta > 0 ? -1 : n) : this.current;
    this.activate((from + delta + n) % n);
    return true;
  }

  private activate(index: number): void {
    const occ = this.occurrences[index];
    if (!occ) return;
    this.current = index;
    this.active = occ.option;
    emit(this, 'search-activate', { docId: occ.docId, from: occ.from, to: occ.to, index });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('engine') || changed.has('query') || changed.has('scope') || changed.has('documents')) this.refresh();
    // Stepping or arrowing past the drawn results draws the next ones.
    const reached = Math.max(this.active, this.occurrences[this.current]?.option ?? -1);
    if (reached >= this.drawLimit) this.drawLimit = reached + SearchPanel.DRAW_STEP;
  }

  protected override updated(): void {
    if (this.announce) {
      this.announce = false;
      const hits = this.occurrences.map(({ docId, from, to }) => ({ docId, from, to }));
      emit(this, 'search-results', { query: this.query, hits });
    }
    this.renderRoot.querySelector(`#option-${this.active}`)?.scrollIntoView?.({ block: 'nearest' });
  }

  override render(): TemplateResult {
    return html`
      <div class="box" role="search">
        <label for="q">Search</label>
        <input
          id="q"
          type="search"
          role="searchbox"
          autocomplete="off"
          spellcheck="false"
          placeholder='Words, "a phrase", prefix*'
          aria-describedby="status"
          aria-controls="results"
          .value=${this.query}
          @input=${this._onInput}
          @keydown=${this._onInputKeydown}
        />
        <label for="scope">In</label>
        <select id="scope" @change=${this._onScope}>
          <option value="" ?selected=${this.scope === ''}>All texts</option>
          ${this.documents.map((d) => html`<option value=${d.id} ?selected=${this.scope === d.id}>${displayLabel(d.label)}</option>`)}
        </select>
      </div>
      <p id="status" class="status" role="status">${this.statusText()}</p>
      ${this.results?.hint ? html`<p class="hint">${this.results.hint}</p>` : nothing}
      ${this.results && !this.results.hint && this.results.parsed.notes.length
        ? html`<p class="hint">${this.results.parsed.notes.join(' ')}</p>`
        : nothing}
      ${this.options.length ? this.renderList() : nothing}
    `;
  }

  private statusText(): string {
    if (this.indexing) return 'Indexing the texts for search…';
    if (!this.results) return '';
    if (this.results.hint) return 'No results.';
    const matches = this.occurrences.length;
    const texts = this.shown.length;
    const head = `${matches} ${matches === 1 ? 'match' : 'matches'} in ${texts} ${texts === 1 ? 'text' : 'texts'}`;
    return this.current >= 0 ? `${head}; match ${this.current + 1} of ${matches}.` : `${head}.`;
  }

  private renderList(): TemplateResult {
    const currentOption = this.occurrences[this.current]?.option ?? -1;
    return html`
      <div
        id="results"
        role="listbox"
        tabindex="0"
        aria-label="Search results"
        aria-activedescendant=${this.active >= 0 ? `option-${this.active}` : nothing}
        @keydown=${this._onListKeydown}
      >
        ${this.shown.map(
          (g, gi) => html`
            <div role="group" aria-labelledby="group-${gi}">
              <div class="group-label" id="group-${gi}" role="presentation">
                ${displayLabel(g.label)}
                <span class="count">— ${g.matchCount} ${g.matchCount === 1 ? 'match' : 'matches'} in ${g.hits.length}
                ${g.hits.length === 1 ? 'result' : 'results'}</span>
              </div>
              ${g.hits.slice(0, Math.max(0, this.drawLimit - g.firstOption)).map((hit, k) => {
                const i = g.firstOption + k;
                return html`<div
                  role="option"
                  id="option-${i}"
                  class=${i === currentOption ? 'current' : ''}
                  aria-selected=${i === this.active ? 'true' : 'false'}
                  @click=${() => this.activateOption(i)}
                >
                  ${hit.annotation ? html`<span class="badge">${annotationLabel(hit.annotation.kind)}</span>` : nothing}${renderSnippet(hit.snippet)}
                </div>`;
              })}
            </div>
          `,
        )}
      </div>
      ${this.options.length > this.drawLimit
        ? html`<button type="button" class="more" @click=${() => (this.drawLimit += SearchPanel.DRAW_STEP)}>
            Show more results (${this.options.length - this.drawLimit} not shown)
          </button>`
        : nothing}
    `;
  }

  private activateOption(option: number): void {
    const index = this.occurrences.findIndex((o) => o.option === option);
    if (index >= 0) this.activate(index);
  }

  private _onInput(e: Event): void {
    this.query = (e.target as HTMLInputElement).value;
  }

  private _onScope(e: Event): void {
    this.scope = (e.target as HTMLSelectElement).value;
  }

  private _onInputKeydown(e: KeyboardEvent): void {
    if (e.key === 'Enter') {
      e.preventDefault();
      if (e.shiftKey) this.previous();
      else this.next();
    } else if (e.key === 'ArrowDown' && this.options.length) {
      e.preventDefault();
      this.active = Math.max(0, this.active);
      this.listbox?.focus();
    }
  }

  private _onListKeydown(e: KeyboardEvent): void {
    const n = this.options.length;
    if (n === 0) return;
    // A Map: `in` on an object literal would also find "constructor", "toString"…
    const moves = new Map([
      ['ArrowDown', Math.min(n - 1, this.active + 1)],
      ['ArrowUp', Math.max(0, this.active - 1)],
      ['Home', 0],
      ['End', n - 1],
    ]);
    const move = moves.get(e.key);
    if (move !== undefined) {
      e.preventDefault();
      this.active = move;
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      this.activateOption(this.active);
    }
  }
}

/**
 * The snippet as text nodes with `<mark>` around matches: lit escapes every
 * part, and each part is neutralised on its own (bidi controls dropped), so
 * the marks stay where they were.
 */
function renderSnippet(snippet: Snippet): TemplateResult[] {
  const parts: TemplateResult[] = [];
  let at = 0;
  for (const [s, e] of snippet.marks) {
    parts.push(html`${neutralise(snippet.text.slice(at, s))}<mark>${neutralise(snippet.text.slice(s, e))}</mark>`);
    at = e;
  }
  parts.push(html`${neutralise(snippet.text.slice(at))}`);
  return parts;
}

function annotationLabel(kind: string): string {
  switch (kind) {
    case 'comment':
      return 'Note';
    case 'flag':
      return 'Flag';
    case 'link':
      return 'Link';
    default:
      return 'Annotation';
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'search-panel': SearchPanel;
  }
}
