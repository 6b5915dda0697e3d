/**
 * Exact quote search, disambiguated by context: every occurrence of the quote
 * is scored by how well the text around it matches the selector's prefix and
 * suffix. Occurrences the evidence cannot tell apart are told apart by the old
 * position, or not at all: the stage never takes the first of equals.
 */
import type { TextQuoteSelector } from '../model.ts';
import { MIN_MARGIN } from './fuzzy.ts';
import { scoreCandidate, type Candidate } from './score.ts';

/**
 * An exact occurrence whose context agrees less than this (0…1) is not trusted
 * on its own: a short quote ("the treaty") recurs, and when its own passage was
 * edited, another occurrence with foreign context must not capture it. Such
 * occurrences are left to the fuzzy stage, which holds context to a bar too
 * (MIN_CONTEXT_AGREEMENT) and weighs them against edited passages.
 * Half agreement is far above what unrelated text scores (about 0.2–0.35 for
 * 32 characters of English) and well below what light edits to the context leave.
 */
export const MIN_EXACT_CONTEXT = 0.5;

/**
 * A quote at least this long (code units) is trusted when found exactly, even
 * with foreign context: exact equality of that many characters is evidence
 * enough (the text around it may have been rewritten).
 */
export const SELF_EVIDENT_QUOTE_LENGTH = 32;

/** Occurrences looked at, at most: bounds the cost of a one-letter quote in a book. */
export const MAX_EXACT_OCCURRENCES = 10_000;

/** What the exact stage found. */
export type ExactResult =
  /** One occurrence, chosen by its evidence or, among equals, by the old position. */
  | { readonly kind: 'match'; readonly best: Candidate }
  /** Occurrences whose evidence is within MIN_MARGIN of each other, and no old position to choose by. */
  | { readonly kind: 'ambiguous'; readonly best: Candidate; readonly runnerUp: Candidate; readonly count: number }
  /** The best occurrence's context disagrees (see MIN_EXACT_CONTEXT): for the fuzzy stage to judge. */
  | { readonly kind: 'untrusted'; readonly best: Candidate }
  | { readonly kind: 'none' };

/** True when the context of an exact occurrence does not contradict it. */
function trusted(c: Candidate, quote: TextQuoteSelector): boolean {
  return c.contextScore === null || c.contextScore >= MIN_EXACT_CONTEXT || quote.exact.length >= SELF_EVIDENT_QUOTE_LENGTH;
}

/**
 * Judges scored exact occurrences of `quote` (in any order; occurrences that
 * cannot come within MIN_MARGIN of the best may be left out). `hint` is the old
 * start in code units, or null. Shared by the plain and the indexed stage, so
 * both choose alike.
 */
export function judgeExact(candidates: readonly Candidate[], quote: TextQuoteSelector, hint: number | null): ExactResult {
  const ranked = [...candidates].sort((a, b) => b.evidence - a.evidence || a.from - b.from);
  const [top, second] = ranked;
  if (!top) return { kind: 'none' };
  if (!trusted(top, quote)) return { kind: 'untrusted', best: top };
  const tied = ranked.filter((c) => c.evidence > top.evidence - MIN_MARGIN);
  if (tied.length === 1) return { kind: 'match', best: top };
  // Two or more are tied (the tie is the head of the ranking, so `second` is in it).
  if (hint === null) return second ? { kind: 'ambiguous', best: top, runnerUp: second, count: tied.length } : { kind: 'match', best: top };
  // Equals apart from where they are: the one nearest the old position (the earlier of two as near).
  const nearest = tied.reduce((a, b) => {
    const da = Math.abs(a.from - hint);
    const db = Math.abs(b.from - hint);
    return db < da || (db === da && b.from < a.from) ? b : a;
  });
  return { kind: 'match', best: nearest };
}

/**
 * Judges every exact occurrence of `quote.exact` in `text` (see `judgeExact`).
 * `hint` is the old start in code units, or null.
 */
export function matchExactQuote(text: string, quote: TextQuoteSelector, hint: number | null): ExactResult {
  const { exact } = quote;
  if (!exact) return { kind: 'none' };
  const candidates: Candidate[] = [];
  for (let at = text.indexOf(exact); at !== -1 && candidates.length < MAX_EXACT_OCCURRENCES; at = text.indexOf(exact, at + 1)) {
    candidates.push(scoreCandidate(text, quote, at, at + exact.length, 0, hint));
  }
  return judgeExact(candidates, quote, hint);
}
