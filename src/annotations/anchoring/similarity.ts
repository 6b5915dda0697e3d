/**
 * String similarity for quote context: how alike a selector's prefix or suffix
 * is to the text beside a candidate match.
 */

/** Context longer than this is cut: 32 characters is the contract, more adds cost, not evidence. */
export const MAX_CONTEXT = 64;

/** Levenshtein distance (insertions, deletions, substitutions) between two short strings. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      row.push(Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost));
    }
    prev = row;
  }
  return prev[b.length]!;
}

/** 1 − distance / longer length: 1 for equal strings, 0 for nothing in common; 1 for two empty strings. */
export function similarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  return longer === 0 ? 1 : 1 - editDistance(a, b) / longer;
}

/**
 * How well `prefix` matches the text ending at `at`; null when there is no
 * prefix to compare (no evidence either way). Near the start of the text only
 * the part of the prefix the text has room for is compared: a passage at the
 * start of a text cannot have the words before it, and their absence says
 * nothing about whether this is the passage (null when there is no room at all).
 */
export function prefixSimilarity(text: string, at: number, prefix: string | undefined): number | null {
  if (!prefix) return null;
  const room = Math.min(at, prefix.length, MAX_CONTEXT);
  if (room <= 0) return null;
  return similarity(prefix.slice(-room), text.slice(at - room, at));
}

/** How well `suffix` matches the text starting at `at`; null when there is no suffix, or no text after `at` to compare. */
export function suffixSimilarity(text: string, at: number, suffix: string | undefined): number | null {
  if (!suffix) return null;
  const room = Math.min(text.length - at, suffix.length, MAX_CONTEXT);
  if (room <= 0) return null;
  return similarity(suffix.slice(0, room), text.slice(at, at + room));
}
