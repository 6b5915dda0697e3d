/**
 * Spelling damage judged by the text's own evidence, never by a dictionary
 * and never by other texts: a letter doubled at a word's end where the single
 * form is common and the doubled form occurs once (`inn` beside many `in`),
 * and a name spelt two ways in the same text (`Tany` beside `Tanya` in the
 * same company, `Corvalan` beside `Corvalán`).
 */
import type { ParsedText } from '../../document/structure.ts';
import { damageFlag, type Flag } from '../finding.ts';
import { blockEndNotProse } from '../prose.ts';
import { fold, wordsIn, type Word } from '../text.ts';
import { countWords, type WordCounts } from '../word-counts.ts';

/** The single-letter form must be at least this common for a lone doubled form to be suspect. */
const MIN_SINGLE_FORM = 5;
/** A variant spelling is suspect when it occurs at most this often… */
const MAX_RARE = 2;
/** …and the other spelling at least this many times as often. */
const DOMINANCE = 3;
/**
 * A lost letter is a slip, and slips do not repeat: a shorter form written
 * the same way more often than this is a spelling (a word of another
 * language, `Secretaria` beside `Secretariat`), not damage.
 */
const MAX_LOST_LETTER = 1;
/**
 * Letters a scanner reads one for the other (`y` as `v`, `m` as `rn`, `w` as
 * `vv`): pairs that seldom turn one common English word into another, unlike
 * `c`/`e`, `l`/`i` or `u`/`n`, which would flag real words.
 */
const SCANNER_CONFUSIONS: readonly (readonly [string, string])[] = [['v', 'y'], ['rn', 'm'], ['vv', 'w']];
/** The word a misread one stands for must be this common in the text… */
const MIN_READ_FORM = 5;
/** Names shorter than this are too short to compare letter by letter. */
const MIN_NAME = 4;
/**
 * Final letters that regularly turn one word into another (plural, demonym,
 * possessive): `Soviet`/`Soviets`, `Russia`/`Russian`. Not evidence of damage.
 */
const INFLECTING_FINALS = new Set(['s', 'n', 'e', 'y', 'i']);
/**
 * Everyday words ending in a doubled consonant whose shortened form is also a
 * common word (`off`/`of`, `all`/`al`): a lone one is the word, not a slip.
 */
const DOUBLED_WORDS = new Set(['off', 'all', 'add', 'odd', 'err', 'egg', 'ebb', 'less', 'pass', 'mass', 'press', 'miss', 'till', 'butt', 'watt']);

/**
 * Neighbours too common to show that two spellings stand in the same company
 * ("in Alberta" and "in Albert Hall" say nothing).
 */
const COMMON_NEIGHBOURS = new Set([
  'the', 'a', 'an', 'of', 'in', 'on', 'at', 'by', 'to', 'for', 'with', 'from', 'and', 'or', 'but', 'as', 'is', 'was',
  'were', 'are', 'be', 'had', 'has', 'have', 'his', 'her', 'its', 'their', 'that', 'this', 'which', 'who', 'he', 'she',
  'it', 'they', 'we', 'i', 'not', 'no', 'so', 'de', 'la', 'le', 'von', 'van', 'der', 'du', 'des', 'el', 'y', 'e',
]);

/** Spelling findings in `parsed`, with counts from that text alone. Never throws. */
export function detectSpelling(parsed: ParsedText): Flag[] {
  const counts = countWords(parsed.source);
  const company = neighbourIndex(parsed.source);
  const out: Flag[] = [];
  for (const block of parsed.blocks) {
    const lines = block.segments.map((seg) => parsed.source.slice(seg.from, seg.to));
    // A reference keeps a title's or a name's own spelling (`Fórum` in a Portuguese title, `Napoléon` as a given name).
    const citation = block.type === 'note' || blockEndNotProse({ type: 'paragraph', lines }) === 'a reference entry';
    for (const seg of block.segments) {
      for (const word of wordsIn(parsed.source, seg.from, seg.to)) {
        for (const part of splitApostrophe(word)) {
          const f = doubledLetter(part, counts) ?? misread(part, counts) ?? (inAddress(parsed.source, part) ? null : variant(part, counts, company, citation));
          if (f) out.push(f);
        }
      }
    }
  }
  return out;
}

function splitApostrophe(word: Word): Word[] {
  const out: Word[] = [];
  let offset = 0;
  for (const piece of word.text.split(/(['’])/u)) {
    if (piece && !/['’]/u.test(piece)) out.push({ text: piece, from: word.from + offset, to: word.from + offset + piece.length });
    offset += piece.length;
  }
  return out;
}

/**
 * A doubled consonant at the end (`inn`) where the text uses the single form
 * often and the doubled form only here. Doubled vowels (`too`, `meet`) are
 * ordinary English spelling and are left alone.
 */
function doubledLetter(part: Word, counts: WordCounts): Flag | null {
  const m = /^(\p{Ll}+?)([b-df-hj-np-tv-z])\2$/u.exec(part.text);
  if (!m || DOUBLED_WORDS.has(part.text)) return null;
  const single = m[1]! + m[2]!;
  const singleCount = counts.lower.get(single) ?? 0;
  if ((counts.lower.get(part.text) ?? 0) > 1 || singleCount < MIN_SINGLE_FORM) return null;
  return damageFlag('garbled', part, {
    conclusion: `"${part.text}" looks miscopied, its last letter doubled`,
    evidence: [`"${part.text}" occurs only here`, `"${single}" occurs ${singleCount} times in this text`],
    confidence: 0.6,
    rule: 'spelling/doubled-final',
  });
}

/**
 * A lowercase word that occurs once where the same word with one letter a
 * scanner confuses (`v` for `y`) occurs often: the word was misread
 * (`census vet taken` beside many "yet"). Only the confusions in
 * SCANNER_CONFUSIONS, which rarely make one real word of another.
 */
function misread(part: Word, counts: WordCounts): Flag | null {
  const word = part.text;
  if (!/^\p{Ll}+$/u.test(word) || (counts.lower.get(word) ?? 0) !== 1) return null;
  for (const [a, b] of SCANNER_CONFUSIONS) {
    for (const [seen, meant] of [[a, b], [b, a]] as const) {
      for (let i = word.indexOf(seen); i >= 0; i = word.indexOf(seen, i + 1)) {
        const read = word.slice(0, i) + meant + word.slice(i + seen.length);
        const n = counts.lower.get(read) ?? 0;
        if (n < MIN_READ_FORM) continue;
        return damageFlag('garbled', part, {
          conclusion: `"${word}" looks like "${read}" misread by a scanner`,
          evidence: [`"${word}" occurs only here`, `"${read}" occurs ${n} times in this text`, `"${meant}" and "${seen}" look alike in print`],
          confidence: 0.5,
          rule: 'spelling/misread',
        });
      }
    }
  }
  return null;
}

/**
 * A capitalised word whose other spelling dominates the text: the same
 * letters without diacritics (`Corvalan`/`Corvalán`), or one letter short
 * (`Tany`/`Tanya`) when the two also stand in the same company (a shared
 * neighbouring word: "Harmer, Tany" and "Harmer, Tanya"). A name one letter
 * shorter than another name is often a different name (`Albert`/`Alberta`);
 * a capitalised word the text also uses in lowercase (`Even`/`Event`) is an
 * ordinary word at a sentence start.
 */
/** True when the word is part of an address or a path (`…/Noticias/Politica/2017/…`): not a word of the text. */
function inAddress(source: string, word: Word): boolean {
  // Addresses are short; a run without spaces longer than this is not one, and is not scanned to its ends.
  const reach = 200;
  let a = word.from;
  let b = word.to;
  while (a > 0 && word.from - a < reach && !/\s/u.test(source[a - 1]!)) a--;
  while (b < source.length && b - word.to < reach && !/\s/u.test(source[b]!)) b++;
  return /[/@\\]|:\/\/|www\./u.test(source.slice(a, b));
}

function variant(part: Word, counts: WordCounts, company: NeighbourIndex, citation: boolean): Flag | null {
  const word = part.text;
  if (word.length < MIN_NAME || !/^\p{Lu}\p{Ll}/u.test(word)) return null;
  const count = counts.exact.get(word) ?? 0;
  if (count > MAX_RARE) return null;
  const accents: [string, number][] = [];
  const longer: [string, number, string][] = [];
  for (const [other, n] of counts.exact) {
    if (other === word || n < Math.max(2, count * DOMINANCE)) continue;
    if (!/^\p{Lu}/u.test(other)) continue;
    // The same letters in capitals (`CIDADE`, `ABOUT` in a heading) are the same spelling, not an accent variant.
    if (other.toLowerCase() === word.toLowerCase()) continue;
    if (fold(other) === fold(word)) {
      accents.push([other, n]);
      continue;
    }
    // A lost letter is the usual damage, so only the shorter form is suspect (`Tany` beside `Tanya`).
    if (count > MAX_LOST_LETTER || other.length !== word.length + 1 || !oneLetterApart(word, other)) continue;
    if (counts.exact.has(word.toLowerCase())) continue;
    const shared = sharedNeighbour(company, word, other);
    if (shared) longer.push([other, n, shared]);
  }
  const times = (n: number) => (n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`);
  if (accents.length && !citation) {
    const marked = (w: string) => /\p{M}/u.test(w.normalize('NFD'));
    const list = accents.map(([w, n]) => `"${w}" ${times(n)}`).join(' and ');
    return damageFlag('garbled', part, {
      conclusion: `"${word}" is spelt two ways in this text, differing only in accents`,
      evidence: [`"${word}" occurs ${times(count)}`, `the text ${marked(word) ? 'has it without accents' : 'has it with accents'} as ${list}`],
      confidence: 0.7,
      rule: 'spelling/accents',
    });
  }
  if (!longer.length) return null;
  const [other, n, shared] = longer[0]!;
  return damageFlag('garbled', part, {
    conclusion: `"${word}" looks like "${other}" with a letter lost`,
    evidence: [`"${word}" occurs ${times(count)} and "${other}" ${times(n)} in this text`, `both stand beside "${shared}"`],
    confidence: 0.6,
    rule: 'spelling/lost-letter',
  });
}

/** For each word as written, the words next to it (before and after): folded form → as written. */
type NeighbourIndex = ReadonlyMap<string, ReadonlyMap<string, string>>;

function neighbourIndex(source: string): NeighbourIndex {
  const out = new Map<string, Map<string, string>>();
  const words = wordsIn(source).flatMap(splitApostrophe);
  const add = (word: string, neighbour: Word | undefined) => {
    if (!neighbour) return;
    const n = fold(neighbour.text);
    if (n.length < 3 || COMMON_NEIGHBOURS.has(n)) return;
    let map = out.get(word);
    if (!map) out.set(word, (map = new Map<string, string>()));
    map.set(n, neighbour.text);
  };
  for (let i = 0; i < words.length; i++) {
    add(words[i]!.text, words[i - 1]);
    add(words[i]!.text, words[i + 1]);
  }
  return out;
}

/** A distinctive word that stands next to both `a` and `b` somewhere in the text, or null. */
function sharedNeighbour(company: NeighbourIndex, a: string, b: string): string | null {
  const of = company.get(a);
  const other = company.get(b);
  if (!of || !other) return null;
  for (const [n, written] of of) if (other.has(n) && n !== fold(a) && n !== fold(b)) return written;
  return null;
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
