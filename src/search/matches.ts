/**
 * Which words of a passage a query unit matched, from lunr's match metadata.
 *
 * lunr returns, per index term and field, the `[from, length]` positions the
 * tokenizer recorded. A unit matches a passage only if it has at least one
 * range here; phrases are checked for adjacency against the text itself:
 * between two words of a phrase only non-word characters may stand.
 */
import { BODY_FIELD, EXACT_FIELD, indexTerms } from './pipeline.ts';
import type { QueryUnit } from './query.ts';
import type { MatchRange } from './snippet.ts';

/** lunr's `matchData.metadata`: term → field → whitelisted metadata. */
export type MatchMetadata = Readonly<Record<string, Readonly<Record<string, { readonly position?: readonly (readonly number[])[] }>>>>;

/**
 * The ranges (into `text`, the string the positions point into) where `unit`
 * matched; empty when it did not match this passage.
 */
export function unitMatches(unit: QueryUnit, metadata: MatchMetadata, text: string): MatchRange[] {
  switch (unit.kind) {
    case 'term':
      return [
        ...indexTerms(unit.word, BODY_FIELD).flatMap((t) => positions(metadata, t, BODY_FIELD)),
        ...indexTerms(unit.word, EXACT_FIELD).flatMap((t) => positions(metadata, t, EXACT_FIELD)),
      ];
    case 'prefix':
      return Object.keys(metadata)
        .filter((t) => t.startsWith(unit.prefix))
        .flatMap((t) => positions(metadata, t, EXACT_FIELD));
    case 'phrase':
      return phraseMatches(unit.words, metadata, text);
  }
}

function positions(metadata: MatchMetadata, term: string, field: string): MatchRange[] {
  const list = metadata[term]?.[field]?.position ?? [];
  return list.map(([from, length]) => [from!, from! + length!] as const);
}

/** Occurrences of the words in order, each next word the very next word of the text. */
function phraseMatches(words: readonly string[], metadata: MatchMetadata, text: string): MatchRange[] {
  const byWord = words.map((w) => {
    const ends = new Map<number, number>();
    for (const t of indexTerms(w, EXACT_FIELD)) for (const [s, e] of positions(metadata, t, EXACT_FIELD)) ends.set(s, e);
    return ends;
  });
  const out: MatchRange[] = [];
  const [first, ...rest] = byWord;
  if (!first) return out;
  for (const [start, firstEnd] of first) {
    let end = firstEnd;
    let ok = true;
    for (const ends of rest) {
      const next = nextWordStart(text, end);
      const nextEnd = next === null ? undefined : ends.get(next);
      if (nextEnd === undefined) {
        ok = false;
        break;
      }
      end = nextEnd;
    }
    if (ok) out.push([start, end]);
  }
  return out;
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/** Offset of the first word character at or after `i`, or null at the end of the text. */
function nextWordStart(text: string, i: number): number | null {
  while (i < text.length) {
    const cp = text.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    if (WORD_CHAR.test(ch)) return i;
    i += ch.length;
  }
  return null;
}

/** Sorted ranges with overlaps and duplicates merged. */
export function mergeRanges(ranges: readonly MatchRange[]): MatchRange[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: [number, number][] = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s < last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}
