/**
 * The weighted score of a candidate passage for a quote, 0…1. The weights are
 * Hypothesis's (match-quote.ts): the quote itself counts most, its context on
 * each side a good deal, and nearness to where the annotation used to be only
 * breaks near-ties. Evidence that is missing (no prefix, no position hint)
 * drops out of both sides of the average rather than counting as a mismatch.
 */
import { prefixSimilarity, suffixSimilarity } from './similarity.ts';
import type { TextQuoteSelector } from '../model.ts';

export const QUOTE_WEIGHT = 50; // the quoted text itself
export const PREFIX_WEIGHT = 20; // the text just before it
export const SUFFIX_WEIGHT = 20; // the text just after it
export const POSITION_WEIGHT = 2; // nearness to the old position: a tie-breaker only

/** One place in the text where the quote might be. */
export interface Candidate {
  readonly from: number;
  readonly to: number;
  /** 0…1: 1 − edit errors / quote length. */
  readonly quoteScore: number;
  /**
   * 0…1 weighted average of the context on both sides, or null when there is
   * none to compare (the selector has none, or the passage sits at the edge of
   * the text where its context would be).
   */
  readonly contextScore: number | null;
  /** 0…1 weighted average of the quote and its context: what says this is the passage. */
  readonly evidence: number;
  /** 0…1 weighted average of all evidence, nearness to the old position included (for ranking). */
  readonly score: number;
}

/**
 * Scores the passage `[from, to)` of `text` for `quote`, given the edit errors
 * of the passage against `quote.exact` and an optional hint (code units) of
 * where the passage used to start.
 */
export function scoreCandidate(
  text: string,
  quote: TextQuoteSelector,
  from: number,
  to: number,
  errors: number,
  hint: number | null,
): Candidate {
  const quoteScore = Math.max(0, 1 - errors / quote.exact.length);
  const prefix = prefixSimilarity(text, from, quote.prefix);
  const suffix = suffixSimilarity(text, to, quote.suffix);
  let contextSum = 0;
  let contextWeight = 0;
  if (prefix !== null) {
    contextSum += PREFIX_WEIGHT * prefix;
    contextWeight += PREFIX_WEIGHT;
  }
  if (suffix !== null) {
    contextSum += SUFFIX_WEIGHT * suffix;
    contextWeight += SUFFIX_WEIGHT;
  }
  let sum = QUOTE_WEIGHT * quoteScore + contextSum;
  let weight = QUOTE_WEIGHT + contextWeight;
  const evidence = sum / weight;
  if (hint !== null && text.length > 0) {
    sum += POSITION_WEIGHT * (1 - Math.min(1, Math.abs(from - hint) / text.length));
    weight += POSITION_WEIGHT;
  }
  return {
    from,
    to,
    quoteScore,
    contextScore: contextWeight ? contextSum / contextWeight : null,
    evidence,
    score: sum / weight,
  };
}

/** Candidates ordered best first; equal scores keep the earlier passage first. */
export function byScore(a: Candidate, b: Candidate): number {
  return b.score - a.score || a.from - b.from;
}
