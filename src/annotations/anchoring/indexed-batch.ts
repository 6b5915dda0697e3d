/**
 * `anchorAll` for long texts and many targets, with the same results.
 *
 * The plain batch scans the whole text for every quote and scores every
 * occurrence's context in full, so a short quote ("the", "in") in a book costs
 * thousands of context comparisons, about a second each. Here occurrences come
 * from a gram index built once per text, the nearest to the old position are
 * scored first, and an occurrence is dropped as soon as a ceiling on its score
 * shows it cannot beat the best so far (a bounded edit distance stops early).
 * Occurrences that could win are scored exactly as `matchExactQuote` scores
 * them, so the chosen passage is the same.
 */
import { CodePointIndex } from '../../document/code-points.ts';
import { targetsOf, type Annotation, type TextPositionSelector, type TextQuoteSelector, type TextSelector } from '../model.ts';
import { anchorCheaply, anchorFuzzily } from './anchor.ts';
import { statsOf, type AnchorStats, type TargetAnchor } from './batch.ts';
import { editDistanceWithin } from './bounded-distance.ts';
import { MAX_EXACT_OCCURRENCES, MIN_EXACT_CONTEXT, SELF_EVIDENT_QUOTE_LENGTH } from './exact.ts';
import { OccurrenceIndex } from './occurrences.ts';
import { POSITION_WEIGHT, PREFIX_WEIGHT, QUOTE_WEIGHT, SUFFIX_WEIGHT, byScore, scoreCandidate, type Candidate } from './score.ts';
import { MAX_CONTEXT } from './similarity.ts';
import type { Anchor } from './types.ts';

/** Rounding slack: an occurrence is dropped only when its ceiling is below the best by more than this. */
const SLACK = 1e-9;

/** The first quote and position selectors, as `anchor.ts` reads them. */
function selectorsOf(selectors: readonly TextSelector[]): { quote: TextQuoteSelector | null; position: TextPositionSelector | null } {
  const quote = (selectors.find((s) => s.type === 'TextQuoteSelector' && s.exact) as TextQuoteSelector | undefined) ?? null;
  const position = (selectors.find((s) => s.type === 'TextPositionSelector') as TextPositionSelector | undefined) ?? null;
  return { quote, position };
}

function hintOf(position: TextPositionSelector | null, index: CodePointIndex): number | null {
  if (!position || !Number.isInteger(position.start) || position.start < 0) return null;
  return index.toCodeUnits(Math.min(position.start, index.length));
}

/** Code-unit range of a position selector, or null when it lies outside the text (as in `anchor.ts`). */
function positionRange(position: TextPositionSelector, index: CodePointIndex): { from: number; to: number } | null {
  const { start, end } = position;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || start > end || end > index.length) return null;
  return { from: index.toCodeUnits(start), to: index.toCodeUnits(end) };
}

/** The most edits a context of length `length` may have for its similarity to stay at or above `least`. */
function editBudget(length: number, least: number): number {
  if (least <= 0) return length;
  return Math.floor(length * (1 - least) + SLACK) + 1;
}

/**
 * The best exact occurrence of `quote.exact`, or null: the same answer as
 * `matchExactQuote(text, quote, hint)`, found with `occurrences`.
 */
export function matchExactQuoteIndexed(text: string, occurrences: OccurrenceIndex, quote: TextQuoteSelector, hint: number | null): Candidate | null {
  const { exact } = quote;
  if (!exact) return null;
  const found = occurrences.find(exact, MAX_EXACT_OCCURRENCES);
  if (!found.length) return null;
  const prefix = quote.prefix ? quote.prefix.slice(-MAX_CONTEXT) : '';
  const suffix = quote.suffix ? quote.suffix.slice(0, MAX_CONTEXT) : '';
  // Without both contexts there is little to prune: score every occurrence as the plain stage does.
  const prunable = prefix !== '' && suffix !== '' && found.length > 1;
  if (prunable && hint !== null) found.sort((a, b) => Math.abs(a - hint) - Math.abs(b - hint) || a - b);
  const weight = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + (hint !== null && text.length > 0 ? POSITION_WEIGHT : 0);
  let best: Candidate | null = null;
  for (const at of found) {
    if (prunable && best) {
      const position = hint !== null && text.length > 0 ? POSITION_WEIGHT * (1 - Math.min(1, Math.abs(at - hint) / text.length)) : 0;
      const need = best.score * weight - QUOTE_WEIGHT - position - SLACK;
      const before = text.slice(Math.max(0, at - prefix.length), at);
      const preLength = Math.max(prefix.length, before.length);
      const preLeast = (need - SUFFIX_WEIGHT) / PREFIX_WEIGHT;
      const preBudget = editBudget(preLength, preLeast);
      const preDistance = editDistanceWithin(prefix, before, preBudget);
      if (preDistance > preBudget || (preLeast > 0 && 1 - preDistance / preLength < preLeast - SLACK)) continue;
      const pre = 1 - preDistance / preLength;
      const after = text.slice(at + exact.length, at + exact.length + suffix.length);
      const sufLength = Math.max(suffix.length, after.length);
      const sufLeast = (need - PREFIX_WEIGHT * pre) / SUFFIX_WEIGHT;
      const sufBudget = editBudget(sufLength, sufLeast);
      if (editDistanceWithin(suffix, after, sufBudget) > sufBudget) continue;
    }
    const c = scoreCandidate(text, quote, at, at + exact.length, 0, hint);
    if (!best || byScore(c, best) < 0) best = c;
  }
  if (!best) return null;
  const trusted = best.contextScore === null || best.contextScore >= MIN_EXACT_CONTEXT || exact.length >= SELF_EVIDENT_QUOTE_LENGTH;
  return trusted ? best : null;
}

/** The cheap checks of `anchorCheaply`, with the exact stage through the index. */
function anchorCheaplyIndexed(text: string, selectors: readonly TextSelector[], index: CodePointIndex, occurrences: () => OccurrenceIndex): Anchor | null {
  const { quote, position } = selectorsOf(selectors);
  // Without a quote, or with a position that holds it, the plain checks cost nothing.
  if (!quote) return anchorCheaply(text, selectors, { index });
  const range = position ? positionRange(position, index) : null;
  if (range && text.slice(range.from, range.to) === quote.exact) return { status: 'anchored', ...range, method: 'position', score: 1 };
  const exact = matchExactQuoteIndexed(text, occurrences(), quote, hintOf(position, index));
  return exact ? { status: 'anchored', from: exact.from, to: exact.to, method: 'quote', score: exact.score } : null;
}

/**
 * The same as `anchorAll(text, annotations, options)` (same anchors, same
 * order, same stats), faster on long texts with many targets. Never throws.
 */
export function anchorAllIndexed(
  text: string,
  annotations: readonly Annotation[],
  options: { readonly source?: string } = {},
): { anchors: TargetAnchor[]; stats: AnchorStats } {
  const index = new CodePointIndex(text);
  // Built on first need: when every position still holds its quote, no quote is searched for.
  let built: OccurrenceIndex | null = null;
  const occurrences = (): OccurrenceIndex => (built ??= new OccurrenceIndex(text));
  const anchors: TargetAnchor[] = [];
  for (const annotation of annotations) {
    targetsOf(annotation).forEach((target, targetIndex) => {
      if (options.source !== undefined && target.source !== options.source) return;
      const selectors = target.selector;
      const anchor = anchorCheaplyIndexed(text, selectors, index, occurrences) ?? anchorFuzzily(text, selectors, { index });
      anchors.push({ annotationId: annotation.id, targetIndex, anchor });
    });
  }
  return { anchors, stats: statsOf(anchors) };
}
