/**
 * The one sentence and clause segmenter, with source offsets (UTF-16 code
 * units of the string it is given).
 *
 * A sentence ends at a run of `.`, `!` or `?`, with any closing quotes and
 * brackets and any footnote markers after it, when whitespace and then a
 * capital, a digit, an opening quote or bracket, or `¿`/`¡` follow. A period
 * does not end a sentence after an abbreviation (`Dr.`, `Gen.`, `e.g.`), an
 * initial (`V. I. Lenin`) or inside a dotted acronym (`U.S.S.R.`); a decimal
 * (`3.5`) has no whitespace after its point. Linear in the length of the text.
 */

/** A `[from, to)` range of the string segmented. */
export interface TextSpan {
  readonly from: number;
  readonly to: number;
}

/** Options of `sentences`. */
export interface SentenceOptions {
  /**
   * Footnote markers (or other inline spans) known to the caller, in any
   * order: one that starts where a sentence's stop ends belongs to that
   * sentence. Without them, a note number glued to the stop (`outcome.1`,
   * `outcome.[12]`) is recognised by its shape.
   */
  readonly markers?: readonly TextSpan[];
}

/**
 * Words that end with a period without ending a sentence, lower-cased and
 * without the period: titles, ranks, months, reference and Latin shorthands.
 */
const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'col', 'lt', 'maj', 'capt', 'cpt', 'sgt', 'adm', 'cmdr', 'gov', 'sen',
  'rep', 'pres', 'amb', 'fr', 'rev', 'hon', 'st', 'mt', 'ft', 'jr', 'sr', 'no', 'nos', 'vol', 'vols', 'pp', 'p',
  'ch', 'cf', 'vs', 'viz', 'approx', 'ca', 'inc', 'co', 'corp', 'ltd', 'dept', 'univ', 'ed', 'eds', 'trans', 'fig',
  'op', 'cit', 'ibid', 'al', 'etc', 'e.g', 'i.e', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept',
  'oct', 'nov', 'dec',
]);

/** Longest word looked at before a period (longer runs are not abbreviations; keeps the scan linear). */
const MAX_ABBREVIATION = 12;

/**
 * True when the period at `dot` closes an abbreviation (`Dr.`, `e.g.`), an
 * initial (`J.`) or a dotted acronym (`U.S.`), so it need not end a sentence.
 */
export function isAbbreviationAt(text: string, dot: number): boolean {
  let start = dot;
  while (start > 0 && dot - start <= MAX_ABBREVIATION && /[\p{L}.]/u.test(text[start - 1]!)) start--;
  if (dot - start > MAX_ABBREVIATION) return false;
  const token = text.slice(start, dot).replace(/^\.+/u, '');
  if (!token) return false;
  if (ABBREVIATIONS.has(token.toLowerCase())) return true;
  // A single capital (an initial) or letters separated by periods (U.S, U.S.S.R, e.g).
  return /^\p{Lu}$/u.test(token) || /^(?:\p{L}\.)+\p{L}$/u.test(token);
}

const STOP = /[.!?]+/gu;
const CLOSER = /["'”’»)\]]/u;
const OPENS_SENTENCE = /[\p{Lu}\p{N}"“‘'([¿¡]/u;
const SPACE = /\s/u;
/** A note number glued to a stop: `.1`, `.12`, `.[3]`, `.[citation needed]`. */
const GLUED_NOTE = /\d{1,3}|\[[^\]\n]{1,40}\]/uy;

/**
 * The sentences of `text` in `[from, to)`, in order, each trimmed of
 * surrounding whitespace; a sentence includes its closing quotes and the
 * footnote markers after its stop. A range of whitespace gives none. Never throws.
 */
export function sentences(text: string, from = 0, to = text.length, options: SentenceOptions = {}): TextSpan[] {
  const markers = markerStarts(options.markers);
  const out: TextSpan[] = [];
  // Searching a slice that ends at `to` keeps each call linear in its own range.
  const within = text.slice(0, to);
  let start = skipSpace(text, from, to);
  STOP.lastIndex = start;
  for (let m = STOP.exec(within); m; m = STOP.exec(within)) {
    if (m[0] === '.' && isAbbreviationAt(text, m.index)) continue;
    let after = Math.min(m.index + m[0].length, to);
    while (after < to && CLOSER.test(text[after]!)) after++;
    after = afterMarkers(text, after, to, markers, m.index);
    if (after >= to || !SPACE.test(text[after]!)) continue;
    const next = skipSpace(text, after, to);
    if (next >= to || !OPENS_SENTENCE.test(text[next]!)) continue;
    out.push({ from: start, to: after });
    start = next;
    STOP.lastIndex = next;
  }
  let end = to;
  while (end > start && SPACE.test(text[end - 1]!)) end--;
  if (end > start) out.push({ from: start, to: end });
  return out;
}

/** Where footnote markers after a stop end: known markers first, else glued note shapes. */
function afterMarkers(text: string, at: number, to: number, markers: ReadonlyMap<number, number> | null, stop: number): number {
  let after = at;
  if (markers) {
    for (let end = markers.get(after); end !== undefined && end > after && end <= to; end = markers.get(after)) after = end;
    return after;
  }
  // A glued number after a digit's period is a decimal (`3.5`), not a note.
  const digitBefore = stop > 0 && /\d/u.test(text[stop - 1]!);
  for (;;) {
    GLUED_NOTE.lastIndex = after;
    const g = GLUED_NOTE.exec(text);
    if (!g || after + g[0].length > to || (digitBefore && /^\d/u.test(g[0]))) return after;
    after += g[0].length;
  }
}

function markerStarts(markers: readonly TextSpan[] | undefined): ReadonlyMap<number, number> | null {
  if (!markers) return null;
  const starts = new Map<number, number>();
  for (const m of markers) starts.set(m.from, Math.max(m.to, starts.get(m.from) ?? m.to));
  return starts;
}

function skipSpace(text: string, at: number, to: number): number {
  let i = at;
  while (i < to && SPACE.test(text[i]!)) i++;
  return i;
}

/** Minimum words on each side before a semicolon splits a sentence into clauses. */
export const MIN_CLAUSE_WORDS = 6;

/**
 * A sentence split after each semicolon that has at least `minWords` words
 * on both sides (each side a clause of its own). One span (the sentence)
 * when none does. Linear in the sentence's length. Never throws.
 */
export function clauses(text: string, sentence: TextSpan, minWords = MIN_CLAUSE_WORDS): TextSpan[] {
  // Word counts before each semicolon, in one pass.
  const semicolons: { at: number; wordsBefore: number }[] = [];
  let words = 0;
  let inWord = false;
  for (let i = sentence.from; i < sentence.to; i++) {
    const c = text[i]!;
    const letter = /\p{L}/u.test(c);
    if (letter && !inWord) words++;
    inWord = letter;
    if (c === ';') semicolons.push({ at: i, wordsBefore: words });
  }
  const parts: TextSpan[] = [];
  let from = sentence.from;
  let wordsAtFrom = 0;
  for (const s of semicolons) {
    if (s.wordsBefore - wordsAtFrom >= minWords && words - s.wordsBefore >= minWords) {
      parts.push({ from, to: s.at + 1 });
      from = s.at + 1;
      wordsAtFrom = s.wordsBefore;
    }
  }
  parts.push({ from, to: sentence.to });
  return parts;
}
