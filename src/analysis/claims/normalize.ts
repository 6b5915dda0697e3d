/**
 * Folding of words for cross-text comparison: case, diacritics, possessives
 * and a small table of general transliteration rules. Two spellings of one
 * name in two texts ("Corvalán"/"Corvalan", "Zürich"/"Zurich",
 * "Brezhnev"/"Breschnew") should reduce to the same key.
 */

// Case, diacritic and possessive folding is the text toolkit's one fold (src/text/fold.ts),
// shared with search so that a word folds the same way in both.
import { fold, stripPossessive } from '../../text/fold.ts';

export { fold, stripPossessive };

/**
 * General transliteration rules, applied in order to a folded word. Each
 * rule merges spellings that romanisation systems (English, German, French,
 * Spanish, scholarly) write differently for the same sound; none names a word.
 */
const TRANSLITERATION: ReadonlyArray<readonly [RegExp, string, string]> = [
  // German/Polish renderings of Slavic sibilants: "tsch"/"cz" → "ch", "sch"/"sz" → "sh".
  [/tsch/gu, 'ch', 'tsch → ch'],
  [/sch/gu, 'sh', 'sch → sh'],
  [/tch/gu, 'ch', 'tch → ch (French)'],
  // "ck" and "k" spell the same sound (Kozlowski/Kozlowsky aside, Brock/Brok).
  [/ck/gu, 'k', 'ck → k'],
  // Greek-derived "ph" is "f" in many spellings (Josef/Joseph).
  [/ph/gu, 'f', 'ph → f'],
  // Final -i/-y of Slavic names and their adjectival endings -ii, -iy, -ij, -yi, -yy
  // (Yuri/Yury/Yurii/Jurij, Dmitri/Dmitry, Gorkii/Gorky) → -y.
  [/(?:ii|iy|ij|yi|yj|yy|i)$/gu, 'y', '-i/-ii/-iy/-ij/-yi/-yy → -y'],
  // "j" is the German/Polish "y" sound (Juri/Yuri, Jelzin/Yeltsin); merged everywhere, on both sides alike.
  [/j/gu, 'y', 'j → y'],
  // "w" is the German/Polish "v" (Wladimir/Vladimir, Breschnew/Brezhnev).
  [/w/gu, 'v', 'w → v'],
  // "zh" (English) and "sh" after folding; "z" before "h" is the same sibilant as German "sch".
  [/zh/gu, 'sh', 'zh → sh'],
  // Doubled letters are often simplified in one spelling (Allende/Alende) or doubled by damage.
  [/(\p{L})\1+/gu, '$1', 'doubled letters → single'],
];

/** The transliteration table as readable rules (for documentation and the UI). */
export const TRANSLITERATION_RULES: readonly string[] = TRANSLITERATION.map(([, , doc]) => doc);

/** A folded word reduced by the transliteration table. */
export function transliterationKey(folded: string): string {
  let s = folded;
  for (const [re, to] of TRANSLITERATION) s = s.replace(re, to);
  return s;
}

/** The comparison key of a surface word: folded, possessive stripped, transliteration-reduced. */
export function wordKey(word: string): string {
  return transliterationKey(stripPossessive(fold(word)));
}
