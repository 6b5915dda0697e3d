/**
 * Slots of a claim: the dates, numbers and amounts, and names it states,
 * each with a normalised value so that two texts' slots can be compared.
 * Offsets are relative to the unit text they were read from.
 */
import { fold, wordKey } from './normalize.ts';

/** A calendar date at the precision the text gives it. */
export interface DateSlot {
  readonly kind: 'date';
  readonly from: number;
  readonly to: number;
  readonly year: number | null;
  /** 1…12, or null for a bare year. */
  readonly month: number | null;
  /** 1…31, or null when the text gives no day. */
  readonly day: number | null;
  /** The date written out in one form ("18 December 1976", "December 1976", "1976"). */
  readonly label: string;
}

/** A number or an amount, with its unit (a currency, "%", or the noun it counts). */
export interface NumberSlot {
  readonly kind: 'number';
  readonly from: number;
  readonly to: number;
  readonly value: number;
  /** `$`, `%`, a currency word, the folded key of the counted noun, or '' when none follows. */
  readonly unit: string;
  /** Whether the text states the figure exactly or as a bound ("less than", "over") or an estimate ("about"). */
  readonly bound: NumberBound;
  /** The number as the text writes it, with its qualifier and counted noun ("less than $350 million", "300,000 tons"). */
  readonly label: string;
}

/** How a figure is stated: exactly, as an upper or lower bound, or as an estimate. */
export type NumberBound = 'exact' | 'at-most' | 'at-least' | 'about';

/** A capitalised name sequence (a person, a place, an organisation). */
export interface NameSlot {
  readonly kind: 'name';
  readonly from: number;
  readonly to: number;
  /** The comparison keys of its words (folded, transliteration-reduced). */
  readonly keys: readonly string[];
  readonly label: string;
}

/** The slots of one unit, each list in text order. */
export interface Slots {
  readonly dates: readonly DateSlot[];
  readonly numbers: readonly NumberSlot[];
  readonly names: readonly NameSlot[];
}

const MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
] as const;
const MONTH_NAMES: readonly string[] = MONTHS.map((m) => m[0]!.toUpperCase() + m.slice(1));
/** Month names and their usual abbreviations. */
const MONTH_RE = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)';
const DAY_RE = '(\\d{1,2})(?:st|nd|rd|th)?';
/** Years a history text states: 1000–2099. */
const YEAR_RE = '(1\\d{3}|20\\d{2})';

const DATE_PATTERNS: ReadonlyArray<{ re: RegExp; read: (m: RegExpExecArray) => [number | null, number | null, number | null] }> = [
  // 18 December 1976, 18th of December, 1976
  { re: new RegExp(`\\b${DAY_RE}\\s+(?:of\\s+)?${MONTH_RE}(?![\\p{L}]),?\\s+${YEAR_RE}\\b`, 'gu'), read: (m) => [+m[3]!, monthOf(m[2]!), +m[1]!] },
  // December 18, 1976
  { re: new RegExp(`\\b${MONTH_RE}(?![\\p{L}])\\s+${DAY_RE},?\\s+${YEAR_RE}\\b`, 'gu'), read: (m) => [+m[3]!, monthOf(m[1]!), +m[2]!] },
  // 1976-12-18
  { re: new RegExp(`\\b${YEAR_RE}-(\\d{2})-(\\d{2})\\b`, 'gu'), read: (m) => [+m[1]!, +m[2]!, +m[3]!] },
  // December 1976, December of 1976
  { re: new RegExp(`\\b${MONTH_RE}(?![\\p{L}])\\s+(?:of\\s+)?${YEAR_RE}\\b`, 'gu'), read: (m) => [+m[2]!, monthOf(m[1]!), null] },
  // 18 December (year left unsaid)
  { re: new RegExp(`\\b${DAY_RE}\\s+(?:of\\s+)?${MONTH_RE}(?![\\p{L}])`, 'gu'), read: (m) => [null, monthOf(m[2]!), +m[1]!] },
  // December 18
  { re: new RegExp(`\\b${MONTH_RE}(?![\\p{L}])\\s+${DAY_RE}\\b(?![,.]?\\d)`, 'gu'), read: (m) => [null, monthOf(m[1]!), +m[2]!] },
  // 1976 (not a decade "1970s", not part of an amount)
  { re: new RegExp(`(?<![\\d$£€.,])${YEAR_RE}(?![\\d,.]\\d|s\\b|\\s*(?:%|percent|per cent|million|billion|thousand))`, 'gu'), read: (m) => [+m[1]!, null, null] },
];

function monthOf(word: string): number {
  const w = word.toLowerCase().replace(/\.$/u, '');
  return MONTHS.findIndex((m) => m.startsWith(w)) + 1;
}

/** The date in one written form. */
export function dateLabel(year: number | null, month: number | null, day: number | null): string {
  return [day, month ? MONTH_NAMES[month - 1] : null, year].filter((x) => x !== null).join(' ');
}

/** Dates stated in `text`, most precise reading first wins; never overlapping. */
export function readDates(text: string): DateSlot[] {
  const taken: Array<readonly [number, number]> = [];
  const dates: DateSlot[] = [];
  for (const { re, read } of DATE_PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const from = m.index;
      const to = m.index + m[0].length;
      if (taken.some(([a, b]) => from < b && to > a)) continue;
      const [year, month, day] = read(m);
      if (month === 0 || (month !== null && month > 12) || (day !== null && (day < 1 || day > 31))) continue;
      taken.push([from, to]);
      dates.push({ kind: 'date', from, to, year, month, day, label: dateLabel(year, month, day) });
    }
  }
  return dates.sort((a, b) => a.from - b.from);
}

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
 * Numbers and amounts stated in `text` outside the given date spans:
 * `$350 million` (350e6, unit `$`), `350,000 tons` (350000, unit `ton`), `40%`.
 */
export function readNumbers(text: string, dates: readonly DateSlot[]): NumberSlot[] {
  const numbers: NumberSlot[] = [];
  const inDate = (from: number, to: number) => dates.some((d) => from < d.to && to > d.from);
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
    // The label names what is counted ("300,000 tons"); the slot itself ends with the figure.
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
function unitAfter(text: string, at: number): { unit: string; end: number } {
  const word = /[\p{L}]+(?:\.(?=\p{L}))?[\p{L}]*/gu;
  word.lastIndex = at;
  for (let i = 0, m = word.exec(text); m && i < 3 && m.index - at <= 40; i++, m = word.exec(text)) {
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

/** Capitalised words that are not names when they open a sentence or stand alone. */
const NOT_NAMES: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'in', 'on', 'at', 'by', 'for', 'of', 'to', 'and', 'but', 'or', 'as', 'after', 'before', 'when',
  'while', 'although', 'though', 'however', 'this', 'that', 'these', 'those', 'it', 'its', 'their', 'his', 'her',
  'he', 'she', 'they', 'we', 'i', 'there', 'both', 'since', 'during', 'with', 'from', 'until', 'even', 'nonetheless',
  'moreover', 'furthermore', 'lastly', 'finally', 'thus', 'then', 'also', 'yet', 'so', 'if', 'because', 'such', 'many',
  'some', 'most', 'other', 'another', 'one', 'all', 'no', 'not', 'starting', 'following', 'according', 'despite',
  'economically', 'politically', 'similarly', 'meanwhile', 'instead', 'indeed', 'still', 'what', 'which', 'who',
  'whose', 'where', 'why', 'how', 'our', 'my', 'your',
  // Titles and offices: the person is the name, not the office ("Mayor Dorn", "KGB Chairman Andropov").
  'mr', 'mrs', 'ms', 'dr', 'sir', 'lord', 'lady', 'gen', 'general', 'president', 'vice', 'prime', 'minister', 'premier',
  'chancellor', 'mayor', 'governor', 'senator', 'ambassador', 'chairman', 'secretary', 'deputy', 'king', 'queen',
  'prince', 'princess', 'emperor', 'pope', 'bishop', 'cardinal', 'colonel', 'captain', 'admiral', 'marshal',
  'lieutenant', 'sergeant', 'major', 'commander', 'professor', 'director', 'leader', 'chief', 'first',
  ...MONTHS,
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
]);
/** Lower-case particles inside names (Eduardo Frei Montalva, Luis de la Cruz). */
const NAME_PARTICLES = /^(?:de|del|la|las|los|van|von|der|da|do|dos|y|al|el|bin|ibn)$/u;

/**
 * Capitalised name sequences in `text` (people, places, parties), with their
 * word keys; sentence-opening function words and months are not names.
 */
export function readNames(text: string): NameSlot[] {
  const names: NameSlot[] = [];
  const word = /[\p{L}][\p{L}\p{M}'’-]*/gu;
  let run: Array<{ from: number; to: number; w: string }> = [];
  const flush = () => {
    while (run.length && NAME_PARTICLES.test(run[run.length - 1]!.w)) run.pop();
    const kept = run.filter((r) => !NOT_NAMES.has(fold(stripApos(r.w))) && !NAME_PARTICLES.test(r.w));
    if (kept.length) {
      const from = kept[0]!.from;
      const to = kept[kept.length - 1]!.to;
      names.push({ kind: 'name', from, to, keys: kept.map((r) => wordKey(r.w)), label: text.slice(from, to) });
    }
    run = [];
  };
  let lastEnd = 0;
  for (let m = word.exec(text); m; m = word.exec(text)) {
    const gap = text.slice(lastEnd, m.index);
    const capital = /^\p{Lu}/u.test(m[0]);
    const joinable = run.length > 0 && /^[\s]+$/u.test(gap);
    if (!joinable) flush();
    if (capital || (joinable && NAME_PARTICLES.test(m[0]))) run.push({ from: m.index, to: m.index + m[0].length, w: m[0] });
    else flush();
    lastEnd = m.index + m[0].length;
  }
  flush();
  return names;
}

function stripApos(w: string): string {
  return w.replace(/['’]s?$/u, '');
}

/** All slots of a unit text. */
export function readSlots(text: string): Slots {
  const dates = readDates(text);
  return { dates, numbers: readNumbers(text, dates), names: readNames(text) };
}
