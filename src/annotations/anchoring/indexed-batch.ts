/**
 * `anchorAll` for long texts and many targets, with the same results.
 *
 * The plain batch scans the whole text for every quote and scores every
 * occurrence's context in full, so a short quote ("the", "in") in a book costs
 * thousands of context comparisons, about a second each. Here occurrences come
 * from a gram index built once per text, and an occurrence is dropped as soon
 * as a ceiling on its evidence shows it cannot come near the best so far (a
 * bounded edit distance stops early). Occurrences that could matter are scored
 * exactly as `matchExactQuote` scores them and judged by the same function, so
 * the chosen passage is the same.
 */
import { CodePointIndex } from '../../document/code-points.ts';
import { targetsOf, type Annotation, type TextPositionSelector, type TextQuoteSelector, type TextSelector } from '../model.ts';
import { anchorCheaply, anchorFuzzily, exactAnchor, preferNearbyPassage } from './anchor.ts';
import { statsOf, type AnchorStats, type TargetAnchor } from './batch.ts';
import { editDistanceWithin } from './bounded-distance.ts';
import { MAX_EXACT_OCCURRENCES, judgeExact, type ExactResult } from './exact.ts';
import { MIN_MARGIN } from './fuzzy.ts';
import { OccurrenceIndex } from './occurrences.ts';
import { PREFIX_WEIGHT, QUOTE_WEIGHT, SUFFIX_WEIGHT, scoreCandidate, type Candidate } from './score.ts';
import { MAX_CONTEXT } from './similarity.ts';
import type { Anchor } from './types.ts';

/** Rounding slack: an occurrence is dropped only when its ceiling is below the best by more than this. */
const SLACK = 1e-9;

/** The first quote and position selectors, as `anchor.ts` reads them. */
function selectorsOf(selectors: readonly TextSelector[]): { quote: TextQuoteSelector | null; position: TextPositionSelector | null } {
  const quote = (selectors.find((s) => s.type === 'TextQuoteSelector' && s.exact) as TextQuoteSelector | undefined) ?? null;
  const position = selectors.find((s): s is TextPositionSelector => s.type === 'TextPositionSelector') ?? null;
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
 * The exact stage's judgement of `quote.exact`: the same answer as
 * `matchExactQuote(text, quote, hint)`, found with `occurrences`.
 */
export function matchExactQuoteIndexed(text: string, occurrences: OccurrenceIndex, quote: TextQuoteSelector, hint: number | null): ExactResult {
  const { exact } = quote;
  if (!exact) return { kind: 'none' };
  const found = occurrences.find(exact, MAX_EXACT_OCCURRENCES);
  const prefix = quote.prefix ? quote.prefix.slice(-MAX_CONTEXT) : '';
  const suffix = quote.suffix ? quote.suffix.slice(0, MAX_CONTEXT) : '';
  // Without both contexts there is little to prune: score every occurrence as the plain stage does.
  const prunable = prefix !== '' && suffix !== '' && found.length > 1;
  // The nearest to the old position first: usually the best, so the rest are pruned against it.
  if (prunable && hint !== null) found.sort((a, b) => Math.abs(a - hint) - Math.abs(b - hint) || a - b);
  const weight = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT;
  const candidates: Candidate[] = [];
  let top = -Infinity;
  for (const at of found) {
    // Only occurrences with room for their whole context are pruned (near an edge of the text less of it is compared).
    if (prunable && top > -Infinity && at >= prefix.length && at + exact.length + suffix.length <= text.length) {
      // An occurrence is needed only if its evidence can come within MIN_MARGIN of the best so far (judgeExact's tie).
      const need = (top - MIN_MARGIN) * weight - QUOTE_WEIGHT - SLACK;
      const before = text.slice(at - prefix.length, at);
      const preLeast = (need - SUFFIX_WEIGHT) / PREFIX_WEIGHT;
      const preBudget = editBudget(prefix.length, preLeast);
      const preDistance = editDistanceWithin(prefix, before, preBudget);
      if (preDistance > preBudget || (preLeast > 0 && 1 - preDistance / prefix.length < preLeast - SLACK)) continue;
      const pre = 1 - preDistance / prefix.length;
      const after = text.slice(at + exact.length, at + exact.length + suffix.length);
      const sufLeast = (need - PREFIX_WEIGHT * pre) / SUFFIX_WEIGHT;
      const sufBudget = editBudget(suffix.length, sufLeast);
      if (editDistanceWithin(suffix, after, sufBudget) > sufBudget) continue;
    }
    const c = scoreCandidate(text, quote, at, at + exact.length, 0, hint);
    candidates.push(c);
    if (c.evidence > top) top = c.evidence;
  }
  return judgeExact(candidates, quote, hint);
}

/** The cheap checks of `anchorCheaply`, with the exact stage through the index. */
function anchorCheaplyIndexed(text: string, selectors: readonly TextSelector[], index: CodePointIndex, occurrences: () => OccurrenceIndex): Anchor | null {
  const { quote, position } = selectorsOf(selectors);
  // Without a quote, or with a position that holds it, the plain checks cost nothing.
  if (!quote) return anchorCheaply(text, selectors, { index });
  const range = position ? positionRange(position, index) : null;
  if (range && text.slice(range.from, range.to) === quote.exact) return { status: 'anchored', ...range, method: 'position', score: 1 };
  return exactAnchor(matchExactQuoteIndexed(text, occurrences(), quote, hintOf(position, index)), quote);
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
      const cheap = anchorCheaplyIndexed(text, selectors, index, occurrences);
      const anchor = cheap ? preferNearbyPassage(text, selectors, cheap, { index }) : anchorFuzzily(text, selectors, { index });
      anchors.push({ annotationId: annotation.id, targetIndex, anchor });
    });
  }
  return { anchors, stats: statsOf(anchors) };
}
