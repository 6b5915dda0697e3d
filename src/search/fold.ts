/**
 * Diacritic and case folding for search terms.
 *
 * Folding only ever applies to index terms and query terms, never to the text
 * a reader sees: match offsets always come from the unfolded source, so a term
 * may change length here without moving any highlight.
 */

/** Letters that Unicode does not decompose into a base letter plus a mark. */
const UNDECOMPOSED: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};
const UNDECOMPOSED_RE = /[ßæœøłđðþı]/gu;
const MARKS = /\p{M}+/gu;
/** Typographic apostrophes and the modifier letter apostrophe, read as the ASCII one. */
const APOSTROPHES = /[’‘ʼ＇]/gu;
/** An English possessive ending (`Corvalán's`): searching the name alone should find it. */
const POSSESSIVE = /'s?$/u;

/**
 * The folded form of a word: compatibility-decomposed (NFKD), combining marks
 * removed, lowercased, typographic apostrophes made ASCII and a trailing
 * possessive `'s` dropped. "Corvalán’s" → "corvalan", "Zürich" → "zurich".
 * Returns "" for a string of marks alone. Never throws.
 */
export function foldTerm(word: string): string {
  return word
    .normalize('NFKD')
    .replace(MARKS, '')
    .toLowerCase()
    .replace(UNDECOMPOSED_RE, (c) => UNDECOMPOSED[c] ?? c)
    .replace(APOSTROPHES, "'")
    .replace(POSSESSIVE, '')
    .normalize('NFC');
}
