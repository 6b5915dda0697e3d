/**
 * The anchoring baseline: `approx-string-match` used the way the Hypothesis
 * client uses it (its `match-quote.ts` and `html.ts`, rewritten here from
 * their description): the position selector if the text there equals the
 * quote; else every exact occurrence of the quote, or failing that every
 * approximate one within quote-length / 2 errors, each scored by quote,
 * prefix, suffix (themselves found approximately) and position, 50/20/20/2,
 * the best taken with no minimum score.
 */
import search from 'approx-string-match';

/** What a quote target carries: the quote, its context and its old position (code units here). */
export interface QuoteTarget {
  readonly exact: string;
  readonly prefix: string;
  readonly suffix: string;
  readonly start: number;
  readonly end: number;
}

interface RawMatch {
  readonly start: number;
  readonly end: number;
  readonly errors: number;
}

function matches(text: string, str: string, maxErrors: number): RawMatch[] {
  const exact: RawMatch[] = [];
  for (let at = text.indexOf(str); at !== -1; at = text.indexOf(str, at + 1)) exact.push({ start: at, end: at + str.length, errors: 0 });
  return exact.length ? exact : search(text, str, maxErrors);
}

function textMatchScore(text: string, str: string): number {
  if (!str.length || !text.length) return 0;
  const found = matches(text, str, str.length);
  return found.length ? 1 - found[0]!.errors / str.length : 0;
}

/** Where Hypothesis would anchor `target` in `text`: `[from, to)` or null (orphaned). */
export function hypothesisAnchor(text: string, target: QuoteTarget): { from: number; to: number } | null {
  if (target.end <= text.length && text.slice(target.start, target.end) === target.exact) return { from: target.start, to: target.end };
  const quote = target.exact;
  if (!quote.length) return null;
  const found = matches(text, quote, Math.min(256, quote.length / 2));
  let best: { from: number; to: number; score: number } | null = null;
  for (const m of found) {
    const quoteScore = 1 - m.errors / quote.length;
    const prefixScore = target.prefix ? textMatchScore(text.slice(Math.max(0, m.start - target.prefix.length), m.start), target.prefix) : 1;
    const suffixScore = target.suffix ? textMatchScore(text.slice(m.end, m.end + target.suffix.length), target.suffix) : 1;
    const posScore = 1 - Math.abs(m.start - target.start) / text.length;
    const score = (50 * quoteScore + 20 * prefixScore + 20 * suffixScore + 2 * posScore) / 92;
    if (!best || score > best.score) best = { from: m.start, to: m.end, score };
  }
  return best ? { from: best.from, to: best.to } : null;
}
