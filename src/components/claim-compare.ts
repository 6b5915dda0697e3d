/**
 * "Compare": for one passage (a selection, or the sentence under the caret),
 * the five passages of the other texts most likely to make the same claim,
 * ranked, with the shared words marked and the relation the matcher would
 * give. Each can be linked (the app makes a claim link by the reader) or
 * dismissed (the app remembers it; dismissed ones are not offered again).
 *
 * Keyboard: the dialog takes focus on the first suggestion's Link button;
 * Tab moves through the buttons, Escape closes.
 *
 * @fires compare-accept - `{ id, docId, from, to, relation }`: link the passage to this suggestion
 * @fires compare-dismiss - `{ id, docId, from, to }`: do not offer this suggestion again
 * @fires compare-close - no detail
 */
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { RelationTag } from '../annotations/model.ts';
import { PassageError, suggestClaims, type ClaimText, type Suggestion } from '../analysis/claims/index.ts';
import { segmentUnits } from '../analysis/claims/segment.ts';
import { parsePlainText } from '../document/parse.ts';
import { suggestionId } from './claims/suggestions.ts';
import { emit } from './events.ts';

/** A text Compare can look in: its id, IRI, source and a label for the reader. */
export interface CompareDocument {
  readonly id: string;
  readonly iri: string;
  readonly source: string;
  readonly label: string;
}

/** The passage to compare: `[from, to)` of document `docId`; an empty range means the sentence at `from`. */
export interface ComparePassage {
  readonly docId: string;
  readonly from: number;
  readonly to: number;
}

/** Detail of `compare-accept` and `compare-dismiss`: the suggestion's id and passage. */
export interface CompareChoice {
  readonly id: string;
  readonly docId: string;
  readonly from: number;
  readonly to: number;
  readonly relation: RelationTag;
  /** The compared passage as Compare read it (the sentence, when the caret asked). */
  readonly passage: { readonly docId: string; readonly from: number; readonly to: number };
}

/** Suggestions listed. */
const SHOWN = 5;
const RELATION_LABEL: Readonly<Record<RelationTag, string>> = { agrees: 'agrees', conflicts: 'conflicts', related: 'related' };

@customElement('claim-compare')
export class ClaimCompare extends LitElement {
  static override styles = css`
    :host { display: block; position: fixed; right: 1rem; top: 4.5rem; width: min(34rem, calc(100vw - 2rem)); max-height: calc(100vh - 6rem); overflow: auto; z-index: 30; box-shadow: 0 4px 16px #0003; }
    :host([hidden]) { display: none; }
    .box { border: 1px solid var(--border, #8884); border-radius: 6px; padding: 0.75rem; background: var(--panel-bg, Canvas); color: var(--text, CanvasText); }
    header { display: flex; align-items: baseline; gap: 0.5rem; }
    h2 { font-size: 1rem; margin: 0; flex: 1; }
    .passage { font-style: italic; margin: 0.5rem 0; }
    ol { margin: 0; padding-left: 1.4rem; }
    li { margin: 0.6rem 0; }
    .meta { font-size: 0.85rem; display: flex; gap: 0.5rem; flex-wrap: wrap; }
    .rel { font-weight: 600; }
    .rel-conflicts { color: var(--conflict, #b00020); }
    .rel-agrees { color: var(--agree, #1b6e20); }
    .quote { margin: 0.25rem 0; }
    mark { background: var(--mark-bg, #ffe58a); color: inherit; }
    .why { font-size: 0.85rem; margin: 0.2rem 0; }
    .actions { display: flex; gap: 0.5rem; }
    button { font: inherit; }
    button:focus-visible { outline: 2px solid var(--focus, #1a73e8); outline-offset: 2px; }
    .empty, .problem { margin: 0.5rem 0; }
  `;

  /** The texts; the passage's own text is compared with the others. */
  @property({ attribute: false }) documents: readonly CompareDocument[] = [];
  /** The passage to compare, or null (nothing shown). */
  @property({ attribute: false }) passage: ComparePassage | null = null;
  /** Ids of suggestions the reader dismissed: not offered again. */
  @property({ attribute: false }) dismissed: ReadonlySet<string> = new Set();

  @state() private suggestions: readonly Suggestion[] = [];
  @state() private problem = '';
  @state() private compared: { docId: string; from: number; to: number; quote: string } | null = null;

  private readonly parsed = new Map<string, ClaimText>();

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('passage') || changed.has('documents') || changed.has('dismissed')) this.compute();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('passage') && this.passage) this.focusFirst();
  }

  /** Moves focus to the first suggestion's Link button (or the Close button when there is none). */
  focusFirst(): void {
    void this.updateComplete.then(() => {
      const target = this.renderRoot.querySelector<HTMLButtonElement>('button.accept') ?? this.renderRoot.querySelector<HTMLButtonElement>('button.close');
      target?.focus();
    });
  }

  private textOf(doc: CompareDocument): ClaimText {
    let t = this.parsed.get(doc.iri);
    if (!t || t.text !== doc.source) {
      t = { iri: doc.iri, text: doc.source, parsed: parsePlainText(doc.source) };
      this.parsed.set(doc.iri, t);
    }
    return t;
  }

  private compute(): void {
    this.suggestions = [];
    this.problem = '';
    this.compared = null;
    const passage = this.passage;
    if (!passage) return;
    const own = this.documents.find((d) => d.id === passage.docId);
    if (!own) {
      this.problem = `The text "${passage.docId}" is not loaded.`;
      return;
    }
    const others = this.documents.filter((d) => d.id !== own.id);
    if (others.length === 0) {
      this.problem = 'There is no other text to compare with.';
      return;
    }
    try {
      // Ask for enough to still show five after leaving out the dismissed ones.
      const all = suggestClaims({ text: this.textOf(own), from: passage.from, to: passage.to }, others.map((d) => this.textOf(d)), SHOWN + this.dismissed.size);
      const compared = passage.to > passage.from ? passage : sentenceSpanAt(this.textOf(own), passage.from);
      this.compared = { docId: own.id, from: compared.from, to: compared.to, quote: own.source.slice(compared.from, compared.to) };
      const end = { iri: own.iri, source: own.source, from: compared.from, to: compared.to };
      this.suggestions = all.filter((s) => !this.dismissed.has(this.idOf(end, s))).slice(0, SHOWN);
    } catch (error) {
      if (!(error instanceof PassageError)) throw error;
      this.problem = `${error.message} Place the caret in a sentence of running text, or select a passage.`;
    }
  }

  private idOf(end: { iri: string; source: string; from: number; to: number }, s: Suggestion): string {
    const other = this.documents.find((d) => d.iri === s.iri)!;
    return suggestionId(end, { iri: s.iri, source: other.source, from: s.from, to: s.to });
  }

  override render() {
    if (!this.passage) return nothing;
    const compared = this.compared;
    return html`<section class="box" role="dialog" aria-labelledby="compare-title" @keydown=${this.onKey}>
      <header>
        <h2 id="compare-title">Compare: what do the other texts say here?</h2>
        <button class="close" @click=${this.close} aria-label="Close Compare">Close</button>
      </header>
      ${compared ? html`<p class="passage">“${compared.quote}”</p>` : nothing}
      ${this.problem ? html`<p class="problem" role="alert">${this.problem}</p>` : nothing}
      ${!this.problem && this.suggestions.length === 0 ? html`<p class="empty">No passage of the other texts shares anything with this one.</p>` : nothing}
      ${this.suggestions.length
        ? html`<ol aria-label="Passages likeliest to make the same claim, best first">
            ${this.suggestions.map((s, i) => this.renderSuggestion(s, i))}
          </ol>`
        : nothing}
    </section>`;
  }

  private renderSuggestion(s: Suggestion, i: number) {
    const doc = this.documents.find((d) => d.iri === s.iri);
    const label = doc?.label ?? s.iri;
    return html`<li class="suggestion" data-rank=${String(i + 1)} data-relation=${s.relation}>
      <div class="meta">
        <span class="doc">${label}</span>
        <span class="rel rel-${s.relation}">${RELATION_LABEL[s.relation]}</span>
        ${s.confident ? html`<span class="confident">the matcher links this by itself</span>` : nothing}
      </div>
      <p class="quote">${this.marked(s)}</p>
      <p class="why">${s.description}</p>
      <div class="actions">
        <button class="accept" @click=${() => this.choose('compare-accept', s)} aria-label=${`Link as ${s.relation}: passage ${i + 1} in ${label}`}>Link as ${RELATION_LABEL[s.relation]}</button>
        <button class="dismiss" @click=${() => this.choose('compare-dismiss', s)} aria-label=${`Dismiss passage ${i + 1} in ${label}`}>Dismiss</button>
      </div>
    </li>`;
  }

  /** The suggested passage with its shared words in <mark>. */
  private marked(s: Suggestion) {
    const parts: unknown[] = [];
    let at = s.from;
    for (const [f, t] of s.marks) {
      parts.push(s.quote.slice(at - s.from, f - s.from), html`<mark>${s.quote.slice(f - s.from, t - s.from)}</mark>`);
      at = t;
    }
    parts.push(s.quote.slice(at - s.from));
    return parts;
  }

  private choose(type: 'compare-accept' | 'compare-dismiss', s: Suggestion): void {
    const compared = this.compared;
    const doc = this.documents.find((d) => d.iri === s.iri);
    const own = this.documents.find((d) => d.id === compared?.docId);
    if (!compared || !doc || !own) return;
    const detail: CompareChoice = {
      id: this.idOf({ iri: own.iri, source: own.source, from: compared.from, to: compared.to }, s),
      docId: doc.id,
      from: s.from,
      to: s.to,
      relation: s.relation,
      passage: { docId: compared.docId, from: compared.from, to: compared.to },
    };
    emit(this, type, detail);
  }

  private readonly close = (): void => {
    emit(this, 'compare-close', null);
  };

  private readonly onKey = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.close();
    }
  };
}

/** The sentence (claim unit) containing source offset `at`, as `suggestClaims` reads it for a caret. */
function sentenceSpanAt(t: ClaimText, at: number): { from: number; to: number } {
  const unit = segmentUnits(t.parsed).find((u) => at >= u.from && at <= u.to);
  return unit ? { from: unit.from, to: unit.to } : { from: at, to: at };
}


declare global {
  interface HTMLElementTagNameMap {
    'claim-compare': ClaimCompare;
  }
}
