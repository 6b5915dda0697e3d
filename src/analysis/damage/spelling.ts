/**
 * Spelling damage judged by corpus evidence, never by a dictionary: a letter
 * doubled at a word's end where the single form is common and the doubled form
 * occurs once (`inn` beside many `in`), and a word spelt two ways across the
 * corpus (`Tany` beside `Tanya`, `Corvalan` beside `Corvalán`).
 */
import type { ParsedText } from '../../document/structure.ts';
import type { Corpus } from '../corpus.ts';
import { flag, type Flag } from '../finding.ts';
import { fold, wordsIn } from '../text.ts';

/** The single-letter form must be at least this common for a lone doubled form to be suspect. */
const MIN_SINGLE_FORM = 5;
/** A variant spelling is suspect when it occurs at most this often… */
const MAX_RARE = 2;
/** …and the other spelling at least this many times as often. */
const DOMINANCE = 3;
/** Names shorter than this are too short to compare letter by letter. */
const MIN_NAME = 4;
/**
 * Final letters that regularly turn one word into another (plural, demonym,
 * possessive): `Soviet`/`Soviets`, `Russia`/`Russian`. Not evidence of damage.
 */
const INFLECTING_FINALS = new Set(['s', 'n', 'e', 'y', 'i']);

/** Spelling findings in `parsed`, with counts from `corpus` (which should include `parsed`). Never throws. */
export function detectSpelling(parsed: ParsedText, corpus: Corpus): Flag[] {
  const out: Flag[] = [];
  for (const block of parsed.blocks) {
    for (const seg of block.segments) {
      for (const word of wordsIn(parsed.source, seg.from, seg.to)) {
        for (const part of splitApostrophe(word)) {
          const f = doubledLetter(part, corpus) ?? variant(part, corpus);
          if (f) out.push(f);
        }
      }
    }
  }
  return out;
}

interface Part {
  readonly text: string;
  readonly from: number;
  readonly to: number;
}

function splitApostrophe(word: { text: string; from: number }): Part[] {
  const out: Part[] = [];
  let offset = 0;
  for (const piece of word.text.split(/(['’])/u)) {
    if (piece && !/['’]/u.test(piece)) out.push({ text: piece, from: word.from + offset, to: word.from + offset + piece.length });
    offset += piece.length;
  }
  return out;
}

/**
 * A doubled consonant at the end (`inn`) where the corpus uses the single form
 * often and the doubled form only here. Doubled vowels (`too`, `meet`) are
 * ordinary English spelling and are left alone.
 */
function doubledLetter(part: Part, corpus: Corpus): Flag | null {
  const m = /^(\p{Ll}+?)([b-df-hj-np-tv-z])\2$/u.exec(part.text);
  if (!m) return null;
  const single = m[1]! + m[2]!;
  const singleCount = corpus.lower.get(single) ?? 0;
  if ((corpus.lower.get(part.text) ?? 0) > 1 || singleCount < MIN_SINGLE_FORM) return null;
  return flag('damage', 'garbled', part, `"${part.text}" doubles its last letter: the corpus has "${single}" ${singleCount} times and "${part.text}" only here.`, 0.6);
}

/**
 * A capitalised word whose other spelling dominates the corpus: the same
 * letters without diacritics (`Corvalan`/`Corvalán`) or one letter short or
 * long (`Tany`/`Tanya`), excluding inflecting endings.
 */
function variant(part: Part, corpus: Corpus): Flag | null {
  const word = part.text;
  if (word.length < MIN_NAME || !/^\p{Lu}\p{Ll}/u.test(word)) return null;
  const count = corpus.exact.get(word) ?? 0;
  if (count > MAX_RARE) return null;
  const others: [string, number][] = [];
  for (const [other, n] of corpus.exact) {
    if (other === word || n < Math.max(2, count * DOMINANCE)) continue;
    if (!/^\p{Lu}/u.test(other)) continue;
    // A lost letter is the usual damage, so only the shorter form is suspect (`Tany` beside `Tanya`).
    if (fold(other) === fold(word) || (other.length === word.length + 1 && oneLetterApart(word, other))) others.push([other, n]);
  }
  if (!others.length) return null;
  const list = others.map(([w, n]) => `"${w}" (${n}×)`).join(', ');
  const diacritic = others.some(([w]) => fold(w) === fold(word));
  const how = diacritic ? 'differs only in its accents from' : 'lacks one letter of';
  return flag('damage', 'garbled', part, `"${word}" (${count}×) ${how} ${list} in the corpus: the word is spelt two ways.`, diacritic ? 0.7 : 0.6);
}

/** True when `a` and `b` differ by one inserted or deleted letter that is not an inflecting ending. */
function oneLetterApart(a: string, b: string): boolean {
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  if (long.length !== short.length + 1 || short.length < MIN_NAME) return false;
  for (let i = 0; i < long.length; i++) {
    if (long.slice(0, i) + long.slice(i + 1) !== short) continue;
    const atEnd = i === long.length - 1;
    if (atEnd && INFLECTING_FINALS.has(long[i]!.toLowerCase())) return false;
    // A doubled letter (`Yuri`/`Yurii`) is a transliteration habit, not damage.
    if (long[i] === long[i - 1] || long[i] === long[i + 1]) return false;
    return true;
  }
  return false;
}
