/**
 * Exact quote search, disambiguated by context: every occurrence of the quote
 * is scored by how well the text around it matches the selector's prefix and
 * suffix (and, to break ties, by nearness to the old position).
 */
import type { TextQuoteSelector } from '../model.ts';
import { byScore, scoreCandidate, type Candidate } from './score.ts';

/**
 * An exact occurrence whose context agrees less than this (0…1) is not trusted
 * on its own: a short quote ("the treaty") recurs, and when its own passage was
 * edited, another occurrence with foreign context must not capture it. Such
 * occurrences are left to the fuzzy stage, which weighs them against edited
 * passages whose context still fits. Half agreement is far above what unrelated
 * text scores (about 0.2–0.35 for 32 characters of English) and well below
 * what light edits to the context leave.
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

/**
 * The best exact occurrence of `quote.exact` in `text`, or null when there is
 * none or none is trusted (see MIN_EXACT_CONTEXT). `hint` is the old start in
 * code units, or null.
 */
export function matchExactQuote(text: string, quote: TextQuoteSelector, hint: number | null): Candidate | null {
  const { exact } = quote;
  if (!exact) return null;
  let best: Candidate | null = null;
  let count = 0;
  for (let at = text.indexOf(exact); at !== -1 && count < MAX_EXACT_OCCURRENCES; at = text.indexOf(exact, at + 1), count++) {
    const c = scoreCandidate(text, quote, at, at + exact.length, 0, hint);
    if (!best || byScore(c, best) < 0) best = c;
  }
  if (!best) return null;
  const trusted = best.contextScore === null || best.contextScore >= MIN_EXACT_CONTEXT || exact.length >= SELF_EVIDENT_QUOTE_LENGTH;
  return trusted ? best : null;
}
