/**
 * Anchoring one target: from its selectors to a range of the source text.
 * Order (Hypothesis's, with a stricter fuzzy stage): the position selector if
 * the text there equals the quote; the exact quote, disambiguated by context;
 * a fuzzy search near the old position, then in the whole text; else orphaned.
 */
import { CodePointIndex } from '../../document/code-points.ts';
import type { TextPositionSelector, TextQuoteSelector, TextSelector } from '../model.ts';
import { matchExactQuote, type ExactResult } from './exact.ts';
import { MIN_CONTEXT_AGREEMENT, matchFuzzyQuote, type FuzzyResult } from './fuzzy.ts';
import type { Anchor, Orphaned } from './types.ts';

/**
 * A position selector without a quote cannot be checked against the text: it
 * is trusted (there is nothing better) but scored at this, so that callers can
 * tell it from a confirmed one.
 */
export const UNVERIFIED_POSITION_SCORE = 0.5;

/**
 * The fuzzy search first looks this many code units (at least one quote length)
 * either side of the old position: a corrected edition moves text by a few
 * characters or paragraphs, and a small window costs a fraction of the whole.
 */
export const FUZZY_WINDOW = 2000;

/** Options for anchoring; pass `index` when anchoring many targets in one text. */
export interface AnchorOptions {
  readonly index?: CodePointIndex;
}

function selectorsOf(selectors: readonly TextSelector[]): { quote: TextQuoteSelector | null; position: TextPositionSelector | null } {
  const quote = (selectors.find((s) => s.type === 'TextQuoteSelector' && s.exact) as TextQuoteSelector | undefined) ?? null;
  const position = selectors.find((s): s is TextPositionSelector => s.type === 'TextPositionSelector') ?? null;
  return { quote, position };
}

/** Code-unit range of a position selector, or null when it lies outside the text. */
function positionRange(position: TextPositionSelector, index: CodePointIndex): { from: number; to: number } | null {
  const { start, end } = position;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || start > end || end > index.length) return null;
  return { from: index.toCodeUnits(start), to: index.toCodeUnits(end) };
}

/** The old start in code units, clamped into the text (the text may have shrunk), or null. */
function hintOf(position: TextPositionSelector | null, index: CodePointIndex): number | null {
  if (!position || !Number.isInteger(position.start) || position.start < 0) return null;
  return index.toCodeUnits(Math.min(position.start, index.length));
}

/** Moves a boundary that falls between the halves of a surrogate pair to the pair's start. */
function snap(text: string, at: number): number {
  const c = text.charCodeAt(at);
  const b = text.charCodeAt(at - 1);
  return c >= 0xdc00 && c <= 0xdfff && b >= 0xd800 && b <= 0xdbff ? at - 1 : at;
}

/**
 * The cheap checks only: a confirmed position, then the exact quote. Returns
 * null when fuzzy search is needed (or when nothing can anchor: then
 * `anchorSelectors` says why).
 */
export function anchorCheaply(text: string, selectors: readonly TextSelector[], options: AnchorOptions = {}): Anchor | null {
  const index = options.index ?? new CodePointIndex(text);
  const { quote, position } = selectorsOf(selectors);
  const range = position ? positionRange(position, index) : null;
  if (range && quote && text.slice(range.from, range.to) === quote.exact) {
    return { status: 'anchored', ...range, method: 'position', score: 1 };
  }
  if (!quote) {
    if (range) return { status: 'anchored', ...range, method: 'position', score: UNVERIFIED_POSITION_SCORE };
    return {
      status: 'orphaned',
      code: 'not-found',
      reason: position ? `The position ${position.start}–${position.end} lies outside this text and there is no quote to search for.` : 'The target has no quote or position to anchor by.',
    };
  }
  return exactAnchor(matchExactQuote(text, quote, hintOf(position, index)), quote);
}

/**
 * The anchor the exact stage settles: a match, or an orphan when equal
 * occurrences cannot be told apart; null when the fuzzy stage must judge.
 */
export function exactAnchor(result: ExactResult, quote: TextQuoteSelector): Anchor | null {
  if (result.kind === 'match') return { status: 'anchored', from: result.best.from, to: result.best.to, method: 'quote', score: result.best.score };
  if (result.kind !== 'ambiguous') return null;
  return {
    status: 'orphaned',
    code: 'ambiguous',
    reason: `The quote "${shortQuote(quote)}" appears ${result.count} times amid equally fitting words, and the annotation records no position to choose by, so none was chosen.`,
  };
}

function shortQuote(quote: TextQuoteSelector): string {
  return quote.exact.length > 60 ? `${quote.exact.slice(0, 57)}…` : quote.exact;
}

function describeFailure(result: FuzzyResult, quote: TextQuoteSelector): Orphaned {
  const code = result.kind === 'match' || result.kind === 'none' ? 'not-found' : result.kind;
  return { status: 'orphaned', code, reason: failureSentence(result, quote) };
}

function failureSentence(result: FuzzyResult, quote: TextQuoteSelector): string {
  const q = shortQuote(quote);
  switch (result.kind) {
    case 'ambiguous':
      return `The quote "${q}" is no longer in the text, and two passages resemble it about equally (scores ${result.best.score.toFixed(2)} and ${result.runnerUp.score.toFixed(2)}), so neither was chosen.`;
    case 'weak':
      if (result.best.quoteScore === 1) {
        return `The quote "${q}" still appears in the text, but not amid words like those around the annotated passage (score ${result.best.score.toFixed(2)}), so it was not attached there.`;
      }
      if (result.best.contextScore !== null && result.best.contextScore < MIN_CONTEXT_AGREEMENT) {
        return `The quote "${q}" is no longer in the text; a similar passage (score ${result.best.score.toFixed(2)}) stands amid other words, so it is not the same one.`;
      }
      return `The quote "${q}" is no longer in the text; the most similar passage (score ${result.best.score.toFixed(2)}) is too different to be the same one.`;
    default:
      return `The quote "${q}" is no longer in the text, and no passage is close to it.`;
  }
}

/**
 * An exact occurrence far from where the passage used to be, whose context
 * is not word for word the recorded one, may be a copy of the passage while
 * the passage itself, lightly edited, still stands near its old position: the
 * text near the old position is searched fuzzily, and a passage there that
 * scores higher than the far copy is taken instead. Returns `anchor` unchanged
 * otherwise (and for anchors of other kinds).
 */
export function preferNearbyPassage(text: string, selectors: readonly TextSelector[], anchor: Anchor, options: AnchorOptions = {}): Anchor {
  if (anchor.status !== 'anchored' || anchor.method !== 'quote') return anchor;
  const index = options.index ?? new CodePointIndex(text);
  const { quote, position } = selectorsOf(selectors);
  const hint = hintOf(position, index);
  if (!quote || hint === null || Math.abs(anchor.from - hint) <= FUZZY_WINDOW) return anchor;
  const pad = Math.max(FUZZY_WINDOW, quote.exact.length);
  const nearby = matchFuzzyQuote(text, quote, hint, Math.max(0, hint - pad), Math.min(text.length, hint + quote.exact.length + pad));
  if (nearby.kind !== 'match' || nearby.best.score <= anchor.score) return anchor;
  return { status: 'anchored', from: snap(text, nearby.best.from), to: snap(text, nearby.best.to), method: 'fuzzy', score: nearby.best.score };
}

/**
 * Anchors one target's selectors in `text` (the document's source text).
 * Returns where the target's passage is now, with how it was found, or
 * `orphaned` with the reason. Never throws; offsets are code units.
 */
export function anchorSelectors(text: string, selectors: readonly TextSelector[], options: AnchorOptions = {}): Anchor {
  const index = options.index ?? new CodePointIndex(text);
  const cheap = anchorCheaply(text, selectors, { index });
  return cheap ? preferNearbyPassage(text, selectors, cheap, { index }) : anchorFuzzily(text, selectors, { index });
}

/**
 * The expensive stage alone, for targets the cheap checks did not anchor:
 * fuzzy search near the old position, then in the whole text. Returns the
 * fuzzy anchor or `orphaned` with the reason. Never throws.
 */
export function anchorFuzzily(text: string, selectors: readonly TextSelector[], options: AnchorOptions = {}): Anchor {
  const index = options.index ?? new CodePointIndex(text);
  const { quote, position } = selectorsOf(selectors);
  if (!quote) return { status: 'orphaned', code: 'not-found', reason: 'The target has no quote or position to anchor by.' };
  const hint = hintOf(position, index);
  let result: FuzzyResult;
  if (hint !== null) {
    const pad = Math.max(FUZZY_WINDOW, quote.exact.length);
    const from = Math.max(0, hint - pad);
    const to = Math.min(text.length, hint + quote.exact.length + pad);
    result = matchFuzzyQuote(text, quote, hint, from, to);
    // Outside the window the whole text is searched; a window covering everything needs no second pass.
    if (result.kind !== 'match' && (from > 0 || to < text.length)) result = matchFuzzyQuote(text, quote, hint);
  } else {
    result = matchFuzzyQuote(text, quote, null);
  }
  if (result.kind !== 'match') return describeFailure(result, quote);
  return { status: 'anchored', from: snap(text, result.best.from), to: snap(text, result.best.to), method: 'fuzzy', score: result.best.score };
}
