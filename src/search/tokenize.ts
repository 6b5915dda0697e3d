/**
 * A Unicode word tokenizer that keeps every word's source offsets.
 *
 * A word is a run of letters, digits and combining marks (`\p{L}\p{N}\p{M}`);
 * an apostrophe between two such characters stays inside the word (`wasn't`,
 * `Corvalán’s`). Everything else separates words, so operator characters in a
 * query (`+`, `:`, `^`, `~`) are never part of a term.
 */

/** One word of a text: its characters and where they sit, `[from, to)` in code units. */
export interface WordToken {
  readonly text: string;
  readonly from: number;
  readonly to: number;
}

const WORD = /[\p{L}\p{N}\p{M}]+(?:['’ʼ][\p{L}\p{N}\p{M}]+)*/gu;
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/**
 * The words of `text`, in order; offsets are shifted by `offset` so that a
 * slice of a larger source can report source offsets. Never throws; a text
 * without letters or digits gives an empty list.
 */
export function tokenize(text: string, offset = 0): WordToken[] {
  const out: WordToken[] = [];
  for (const m of text.matchAll(WORD)) {
    const from = offset + m.index;
    out.push({ text: m[0], from, to: from + m[0].length });
  }
  return out;
}

/**
 * True when `source.slice(from, to)` holds no word character, so that a word
 * ending at `from` and one starting at `to` are neighbours (a phrase may span
 * punctuation and line breaks, never another word or a footnote number).
 */
export function isWordGap(source: string, from: number, to: number): boolean {
  if (to < from) return false;
  // Iterate by code point: a surrogate half alone is no letter to the regex.
  for (const ch of source.slice(from, to)) {
    if (WORD_CHAR.test(ch)) return false;
  }
  return true;
}
