/**
 * Fuzzy quote search (Myers' bit-parallel approximate matching, through the
 * `approx-string-match` package as Hypothesis uses it), with what Hypothesis
 * lacks: a minimum score and a margin over the runner-up, so that a look-alike
 * passage cannot capture an annotation whose own passage was rewritten.
 */
import search from 'approx-string-match';
import type { TextQuoteSelector } from '../model.ts';
import { byScore, scoreCandidate, type Candidate } from './score.ts';

/**
 * The least quote similarity (1 − edits / quote length) a passage may have:
 * at most one edit per four characters. A corrected typo, a changed word or
 * two, or fixed spacing stays well inside; a rewritten sentence shares far less.
 * It also sets the search's error budget, which is what makes the search cheap.
 */
export const MIN_QUOTE_SIMILARITY = 0.75;

/**
 * The least combined score (quote, context, position; see score.ts) to accept a
 * fuzzy match. A lightly edited passage in place keeps its context and scores
 * near 0.9. The score alone does not keep look-alikes out: with context on one
 * side only (any passage at the start or end of a text) a copy of the quote in
 * foreign surroundings still scores 50/70 = 0.71, so a passage whose context
 * disagrees (below MIN_CONTEXT_AGREEMENT) is not a candidate at all.
 */
export const MIN_FUZZY_SCORE = 0.7;

/**
 * The least agreement (0…1, see score.ts) of a candidate's context with the
 * recorded one, when there is context to compare. Unrelated English of 16 to
 * 32 characters reaches 0.38 in one pair out of a hundred (0.25 in one out of
 * twenty); a context lightly edited, or written without the space between it
 * and the quote, stays above 0.4. Lower than MIN_EXACT_CONTEXT: here the
 * candidate must also meet MIN_FUZZY_SCORE and MIN_MARGIN.
 */
export const MIN_CONTEXT_AGREEMENT = 0.4;

/**
 * The least lead of the best passage over the runner-up. When two passages
 * score within this of each other, the evidence cannot tell them apart and the
 * annotation is orphaned rather than attached to a possibly wrong one. 0.05 is
 * about a quarter of the context on one side disagreeing.
 */
export const MIN_MARGIN = 0.05;

/** Quotes shorter than this have no error budget worth searching with (3 × 0.25 < 1 edit). */
export const MIN_FUZZY_QUOTE_LENGTH = 4;

/** How many rounds of "find the best remaining passages, then mask them" to run for runner-ups. */
export const MAX_ROUNDS = 3;

/** A character no quote contains: masks found passages so the next round finds the next best. */
const MASK = '\u0000';

export type FuzzyResult =
  | { readonly kind: 'match'; readonly best: Candidate }
  | { readonly kind: 'none' }
  | { readonly kind: 'weak'; readonly best: Candidate }
  | { readonly kind: 'ambiguous'; readonly best: Candidate; readonly runnerUp: Candidate };

/** Merges overlapping raw matches (one passage found at several ends) into one per passage. */
function distinct(matches: { start: number; end: number; errors: number }[], length: number): { start: number; end: number; errors: number }[] {
  const sorted = [...matches].sort((a, b) => a.start - b.start || a.errors - b.errors);
  const out: { start: number; end: number; errors: number }[] = [];
  for (const m of sorted) {
    const last = out[out.length - 1];
    if (last && m.start < last.end) {
      const better = m.errors < last.errors || (m.errors === last.errors && Math.abs(m.end - m.start - length) < Math.abs(last.end - last.start - length));
      if (better) out[out.length - 1] = m;
    } else out.push(m);
  }
  return out;
}

/**
 * Searches `text[regionFrom, regionTo)` for passages like `quote.exact` and
 * judges the best: 'match' when it clears MIN_FUZZY_SCORE and MIN_MARGIN,
 * 'weak' or 'ambiguous' when it does not, 'none' when nothing is within the
 * error budget. Offsets in the result are into `text`. `hint` is the old start
 * (code units) or null.
 */
export function matchFuzzyQuote(
  text: string,
  quote: TextQuoteSelector,
  hint: number | null,
  regionFrom = 0,
  regionTo = text.length,
): FuzzyResult {
  const { exact } = quote;
  if (exact.length < MIN_FUZZY_QUOTE_LENGTH) return { kind: 'none' };
  const maxErrors = Math.floor(exact.length * (1 - MIN_QUOTE_SIMILARITY));
  let region = text.slice(regionFrom, regionTo);
  const candidates: Candidate[] = [];
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const found = distinct(search(region, exact, maxErrors), exact.length);
    if (!found.length) break;
    for (const m of found) candidates.push(scoreCandidate(text, quote, regionFrom + m.start, regionFrom + m.end, m.errors, hint));
    // The library reports only the lowest-error passages; masking them lets the next round find the runner-ups.
    let masked = '';
    let at = 0;
    for (const m of found) {
      masked += region.slice(at, m.start) + MASK.repeat(m.end - m.start);
      at = m.end;
    }
    region = masked + region.slice(at);
  }
  if (!candidates.length) return { kind: 'none' };
  candidates.sort(byScore);
  // Context that was recorded must agree: a passage amid other words is not this one, however alike;
  // nor is one at the edge of the text, where none of the recorded context can be compared.
  const recorded = Boolean(quote.prefix || quote.suffix);
  const eligible = candidates.filter((c) => (c.contextScore === null ? !recorded : c.contextScore >= MIN_CONTEXT_AGREEMENT - 1e-9));
  const best = eligible[0];
  if (!best) {
    const first = candidates[0];
    return first ? { kind: 'weak', best: first } : { kind: 'none' };
  }
  // The runner-up is any other passage, eligible or not: one nearly as good means the evidence does not single out the best.
  const runnerUp = candidates.find((c) => c !== best);
  if (best.score < MIN_FUZZY_SCORE) return { kind: 'weak', best };
  if (runnerUp && best.score - runnerUp.score < MIN_MARGIN) return { kind: 'ambiguous', best, runnerUp };
  return { kind: 'match', best };
}
