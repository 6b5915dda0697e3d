/**
 * The one quantity reader: numbers and amounts stated in a text, with their
 * unit (a currency, "%", or the noun they count) and whether the text gives
 * them exactly, as a bound or as an estimate. Offsets are into the string read.
 */
import type { DateMention } from './dates.ts';
import { fold } from './fold.ts';

/** A number or an amount, with its unit (a currency, "%", or the noun it counts). */
export interface NumberMention {
  readonly kind: 'number';
  readonly from: number;
  readonly to: number;
  readonly value: number;
  /** `$`, `%`, a currency sign, the folded singular of the counted noun, or '' when none follows. */
  readonly unit: string;
  /** Whether the text states the figure exactly or as a bound ("less than", "over") or an estimate ("about"). */
  readonly bound: NumberBound;
  /** The number as the text writes it, with its qualifier and counted noun ("less than $350 million", "300,000 tons"). */
  readonly label: string;
}

/** How a figure is stated: exactly, as an upper or lower bound, or as an estimate. */
export type NumberBound = 'exact' | 'at-most' | 'at-least' | 'about';

const SCALE: Readonly<Record<string, number>> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, m: 1e6, bn: 1e9 };
const NUMBER_WORDS: Readonly<Record<string, number>> = {
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, hundred: 100,
};
/** Words between a number and the noun it counts that say nothing about the count. */
const UNIT_SKIP = /^(?:of|the|more|less|than|additional|new|other|us|u\.s\.?)$/u;

/**
 * An amount or a number. A currency sign may be glued to the word before it
 * (`and$162.0 million`, damaged spacing); a bare number may not touch a letter.
 */
const NUMBER_RE = /(?:((?:US|U\.S\.)?\s?[$£€])\s?|(?<![\p{L}\d.,$£€]))(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\d])(?:\s*(thousand|million|billion|trillion|bn|m)\b)?(\s*(?:%|percent\b|per cent\b))?/gu;
const WORD_NUMBER_RE = /\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred)\b(?:\s+(thousand|million|billion))?/giu;

/**
 * Numbers and amounts stated in `text` outside the given date spans, in text
 * order: `$350 million` (350e6, unit `$`), `350,000 tons` (350000, unit
 * `ton`), `40%`, `five thousand`. Never throws.
 */
export function readNumbers(text: string, dates: readonly DateMention[]): NumberMention[] {
  const numbers: NumberMention[] = [];
  const inDate = (from: number, to: number) => overlapsDate(dates, from, to);
  NUMBER_RE.lastIndex = 0;
  for (let m = NUMBER_RE.exec(text); m; m = NUMBER_RE.exec(text)) {
    const numFrom = m.index + m[0].indexOf(m[2]!);
    const from = m[1] ? m.index + m[0].indexOf(m[1].trim()) : numFrom;
    const to = m.index + m[0].length;
    if (inDate(numFrom, numFrom + m[2]!.length)) continue;
    const scale = m[3] ? SCALE[m[3].toLowerCase()]! : 1;
    const value = Number(m[2]!.replace(/,/gu, '')) * scale;
    const counted = m[4] || m[1] ? null : unitAfter(text, to);
    const unit = m[4] ? '%' : m[1]?.includes('£') ? '£' : m[1]?.includes('€') ? '€' : m[1] ? '$' : counted!.unit;
    const q = boundBefore(text, from);
    // The label names what is counted ("300,000 tons"); the mention itself ends with the figure.
    const labelEnd = counted && counted.unit !== '' ? counted.end : to;
    numbers.push({ kind: 'number', from, to, value, unit, bound: q.bound, label: text.slice(q.from, labelEnd).trim() });
  }
  WORD_NUMBER_RE.lastIndex = 0;
  for (let m = WORD_NUMBER_RE.exec(text); m; m = WORD_NUMBER_RE.exec(text)) {
    const to = m.index + m[0].length;
    const value = NUMBER_WORDS[m[1]!.toLowerCase()]! * (m[2] ? SCALE[m[2].toLowerCase()]! : 1);
    const q = boundBefore(text, m.index);
    const counted = unitAfter(text, to);
    const labelEnd = counted.unit !== '' ? counted.end : to;
    numbers.push({ kind: 'number', from: m.index, to, value, unit: counted.unit, bound: q.bound, label: text.slice(q.from, labelEnd) });
  }
  return numbers.sort((a, b) => a.from - b.from);
}

/** Whether `[from, to)` overlaps one of `dates` (in text order, disjoint, as `readDates` gives them). */
function overlapsDate(dates: readonly DateMention[], from: number, to: number): boolean {
  let lo = 0;
  let hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (dates[mid]!.to <= from) lo = mid + 1;
    else hi = mid;
  }
  return lo < dates.length && dates[lo]!.from < to;
}

/** Qualifiers before a figure that make it a bound or an estimate. */
const BOUNDS: ReadonlyArray<readonly [NumberBound, RegExp]> = [
  ['about', /(?<!\p{L})(?:about|around|some|nearly|almost|approximately|roughly|circa|ca\.|an estimated|close to|just under|just over)\s*$/iu],
  ['at-most', /(?<!\p{L})(?:less than|fewer than|under|below|up to|no more than|at most|not more than)\s*$/iu],
  ['at-least', /(?<!\p{L})(?:more than|over|above|at least|no less than|not less than|upwards of|in excess of)\s*$/iu],
];

/** The bound a figure at `from` carries, and where its qualifier starts. */
function boundBefore(text: string, from: number): { bound: NumberBound; from: number } {
  const before = text.slice(Math.max(0, from - 24), from);
  for (const [bound, re] of BOUNDS) {
    const m = re.exec(before);
    if (m) return { bound, from: from - before.length + m.index };
  }
  return { bound: 'exact', from };
}

/**
 * The noun a number counts: the first word after it that is not filler, as a
 * singular folded key ("dollars" as `$`), and where that word ends; no unit
 * ('') when none follows within three words.
 */
const UNIT_WINDOW = 40;
const MAX_UNIT_WORD = 64;

function unitAfter(text: string, at: number): { unit: string; end: number } {
  const word = /[\p{L}]+(?:\.(?=\p{L}))?[\p{L}]*/gu;
  // Only the next few words are looked at: a window keeps a text of bare figures linear.
  const near = text.slice(0, at + UNIT_WINDOW + MAX_UNIT_WORD);
  word.lastIndex = at;
  for (let i = 0, m = word.exec(near); m && i < 3 && m.index - at <= UNIT_WINDOW; i++, m = word.exec(near)) {
    const f = fold(m[0]);
    if (UNIT_SKIP.test(f)) continue;
    return { unit: /^dollars?$/u.test(f) ? '$' : singular(f), end: m.index + m[0].length };
  }
  return { unit: '', end: at };
}

function singular(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}
