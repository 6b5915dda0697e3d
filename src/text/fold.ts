/**
 * The one fold: what makes two spellings of a word the same word for search,
 * claim matching and the spelling check ("Corvalán" = "Corvalan",
 * "Zürich" = "zurich", "Straße" = "strasse", "ﬁnal" = "final").
 *
 * Folding applies to words looked up or compared, never to the text a reader
 * sees: offsets always come from the unfolded source, so a folded word may
 * differ in length from the original without moving anything.
 */

/** Letters that Unicode does not decompose into a base letter plus a mark (after lower-casing). */
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
/** An English possessive ending (`Corvalán's`, `Soviets'`). */
const POSSESSIVE = /'s?$/u;

/**
 * Case and diacritic folding of any string: compatibility-decomposed (NFKD),
 * combining marks removed, lower-cased, letters without a decomposition
 * spelt out (ß → ss, ø → o), typographic apostrophes made ASCII, recomposed
 * (NFC). Returns "" for a string of marks alone. Never throws.
 */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(MARKS, '')
    .toLowerCase()
    .replace(UNDECOMPOSED_RE, (c) => UNDECOMPOSED[c] ?? c)
    .replace(APOSTROPHES, "'")
    .normalize('NFC');
}

/** A trailing possessive (`Allende's`, `Allende’s`, `Soviets'`) removed; otherwise the word itself. */
export function stripPossessive(word: string): string {
  return word.replace(/['’ʼ＇]s?$/u, '');
}

/**
 * The folded form of one word, as search indexes it and claims compare it:
 * `fold`, then a trailing possessive dropped. "Corvalán’s" → "corvalan".
 * Never throws.
 */
export function foldWord(word: string): string {
  return fold(word).replace(POSSESSIVE, '');
}
