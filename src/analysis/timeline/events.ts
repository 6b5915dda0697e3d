/**
 * Dated events: every sentence of a text's running prose that states a date,
 * placed in time. One event per date the sentence states ("from 1964, when
 * Frei was elected, until 1973" gives the range 1964–1973; "on 11 September
 * 1973 … by 22 September" gives two events), each carrying its sentence.
 *
 * Dates are read by the text toolkit's one date reader (`text/dates.ts`);
 * this module adds what only a sentence shows: ranges ("1964–1973", "from
 * 1964 to 1973", "between May and August 1973"), parts of a year ("in the
 * first eight months of 1973"), decades ("the 1970s"), and the year of a date
 * that leaves it unsaid ("on 22 September"), taken from the last year the
 * paragraph stated before it. A date whose year cannot be known is left out,
 * never guessed. Reference entries, notes, captions and headings are not
 * statements of events and are skipped.
 */
import type { ParsedText } from '../../document/structure.ts';
import { MONTH_NAMES, readDates, type DateMention } from '../../text/dates.ts';
import { sentences } from '../../text/segment.ts';
import { isReference } from '../prose.ts';

/** How finely a date is known. */
export type Precision = 'day' | 'month' | 'year';

/** A point on the calendar at some precision: month and day are null when not known. */
export interface CalendarPoint {
  readonly year: number;
  readonly month: number | null;
  readonly day: number | null;
}

/** A dated statement of one text. */
export interface TimelineEvent {
  /** Sentence span in the source, code units. */
  readonly from: number;
  readonly to: number;
  /** Where the date itself is written in the sentence, code units. */
  readonly mention: { readonly from: number; readonly to: number };
  /** The first and last point of the period the sentence dates (equal for a single date). */
  readonly start: CalendarPoint;
  readonly end: CalendarPoint;
  /** The coarser precision of the two ends. */
  readonly precision: Precision;
  /** The sentence, whitespace runs collapsed. */
  readonly text: string;
}

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
};
const DASH = '(?:\\s*[–—-]\\s*|\\s+to\\s+|\\s+until\\s+|\\s+and\\s+|\\s+through\\s+)';
/** Most characters between "from X" and "until Y" for the two to be one period. */
const FROM_UNTIL_GAP = 120;
/** `the first eight months of 1973`, `the last 3 months of 1973`. */
const PART_OF_YEAR = /\bthe\s+(first|last)\s+(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+months\s+of\s+((?:1\d|20)\d{2})\b/giu;
/** `the first half of 1973`, `the second half of 1973`. */
const HALF_OF_YEAR = /\bthe\s+(first|second)\s+half\s+of\s+((?:1\d|20)\d{2})\b/giu;
/** `the 1970s`, `the 1960s and 1970s` (each decade its own range). */
const DECADE = /(?<![\d$£€])((?:1\d|20)\d)0s\b/gu;
/** `2 – 4 April 2009`, `2-4 April 2009`: days of one month. */
const DAY_RANGE = /\b(\d{1,2})\s*[–-]\s*(\d{1,2})\s+(January|February|March|April|May|June|July|August|September|October|November|December),?\s+((?:1\d|20)\d{2})\b/gu;
/** `May to August 1962`, `May–August 1962`, `between May and August 1962`: months of one year. */
const MONTH_RANGE = /\b(January|February|March|April|May|June|July|August|September|October|November|December)\s*(?:[–-]|\s(?:to|until|through|and)\s)\s*(January|February|March|April|May|June|July|August|September|October|November|December),?\s+((?:1\d|20)\d{2})\b/gu;
/** `1970–73`: a year range whose end gives only its last two digits. */
const SHORT_RANGE = /(?<![\d$£€.,])((?:1\d|20)\d{2})[–-](\d{2})(?![\d,.]\d|s\b)/gu;

/**
 * The dated events of `parsed`, in text order. `parsed.source` is the text;
 * offsets are code units of it. Never throws.
 */
export function timelineEvents(parsed: ParsedText): TimelineEvent[] {
  const { source } = parsed;
  const out: TimelineEvent[] = [];
  for (const block of parsed.blocks) {
    if (block.type !== 'paragraph' && block.type !== 'list-item') continue;
    const first = block.segments[0];
    const last = block.segments[block.segments.length - 1];
    if (!first || !last) continue;
    if (isReference(source.slice(first.from, last.to))) continue;
    // The year a date like "22 September" belongs to: the last one the paragraph stated.
    let year: number | null = null;
    for (const sentence of sentences(source, first.from, last.to)) {
      const text = source.slice(sentence.from, sentence.to);
      const periods = periodsIn(text, year);
      for (const p of periods) {
        out.push({
          from: sentence.from,
          to: sentence.to,
          mention: { from: sentence.from + p.from, to: sentence.from + p.to },
          start: p.start,
          end: p.end,
          precision: coarser(precisionOf(p.start), precisionOf(p.end)),
          text: text.replace(/\s+/gu, ' '),
        });
      }
      const stated = readDates(text).filter((d) => d.year !== null);
      if (stated.length) year = stated[stated.length - 1]!.year;
    }
  }
  return out;
}

/** A period a sentence states, with its place in the sentence. */
interface Period {
  readonly from: number;
  readonly to: number;
  readonly start: CalendarPoint;
  readonly end: CalendarPoint;
}

/**
 * The periods `sentence` states, in order: ranges and parts of years first
 * (they hold dates the plain reading would split), then single dates outside
 * them. `contextYear` completes a date without a year.
 */
export function periodsIn(sentence: string, contextYear: number | null = null): Period[] {
  const periods: Period[] = [];
  const taken = (from: number, to: number) => periods.some((p) => p.from < to && from < p.to);
  for (const m of sentence.matchAll(PART_OF_YEAR)) {
    const n = /^\d/u.test(m[2]!) ? Number(m[2]) : NUMBER_WORDS[m[2]!.toLowerCase()]!;
    if (n < 1 || n > 12) continue;
    const y = Number(m[3]);
    const first = m[1]!.toLowerCase() === 'first';
    periods.push({ from: m.index, to: m.index + m[0].length, start: point(y, first ? 1 : 13 - n), end: point(y, first ? n : 12) });
  }
  for (const m of sentence.matchAll(HALF_OF_YEAR)) {
    if (taken(m.index, m.index + m[0].length)) continue;
    const y = Number(m[2]);
    const first = m[1]!.toLowerCase() === 'first';
    periods.push({ from: m.index, to: m.index + m[0].length, start: point(y, first ? 1 : 7), end: point(y, first ? 6 : 12) });
  }
  for (const m of sentence.matchAll(DAY_RANGE)) {
    const [a, b, y] = [Number(m[1]), Number(m[2]), Number(m[4])];
    const month = MONTH_NAMES.indexOf(m[3]!.toLowerCase()) + 1;
    if (a < 1 || b > 31 || a >= b || taken(m.index, m.index + m[0].length)) continue;
    periods.push({ from: m.index, to: m.index + m[0].length, start: point(y, month, a), end: point(y, month, b) });
  }
  for (const m of sentence.matchAll(MONTH_RANGE)) {
    const [a, b] = [MONTH_NAMES.indexOf(m[1]!.toLowerCase()) + 1, MONTH_NAMES.indexOf(m[2]!.toLowerCase()) + 1];
    const y = Number(m[3]);
    if (a >= b || taken(m.index, m.index + m[0].length)) continue;
    if (/\sand\s/u.test(m[0]) && !/\bbetween\s+$/iu.test(sentence.slice(Math.max(0, m.index - 8), m.index))) continue;
    periods.push({ from: m.index, to: m.index + m[0].length, start: point(y, a), end: point(y, b) });
  }
  for (const m of sentence.matchAll(SHORT_RANGE)) {
    const y = Number(m[1]);
    const end = Math.floor(y / 100) * 100 + Number(m[2]);
    if (end <= y || taken(m.index, m.index + m[0].length)) continue;
    periods.push({ from: m.index, to: m.index + m[0].length, start: point(y), end: point(end) });
  }
  const dates = readDates(sentence).filter((d) => !taken(d.from, d.to));
  // Two dates joined by a dash, "to", "until", "and" or "through" are one period ("from 1964 to 1973").
  const used = new Set<DateMention>();
  for (let i = 0; i + 1 < dates.length; i++) {
    const a = dates[i]!;
    const b = dates[i + 1]!;
    const between = sentence.slice(a.to, b.from);
    if (!new RegExp(`^${DASH}$`, 'u').test(between)) continue;
    if (/\band\b/u.test(between) && !/\bbetween\s+$/iu.test(sentence.slice(Math.max(0, a.from - 8), a.from))) continue;
    const start = completed(a, b.year ?? contextYear);
    const end = completed(b, a.year ?? contextYear);
    if (!start || !end || compare(start, end) >= 0) continue;
    periods.push({ from: a.from, to: b.to, start, end });
    used.add(a).add(b);
    i++;
  }
  // "from 1964, when Frei was elected, until 1973": a period whose ends a clause separates.
  for (let i = 0; i + 1 < dates.length; i++) {
    const a = dates[i]!;
    const b = dates[i + 1]!;
    if (used.has(a) || used.has(b) || b.from - a.to > FROM_UNTIL_GAP) continue;
    if (!/\bfrom\s+(?:the\s+)?$/iu.test(sentence.slice(Math.max(0, a.from - 10), a.from))) continue;
    if (!/\b(?:until|till|to|through)\s+(?:the\s+)?$/iu.test(sentence.slice(Math.max(0, b.from - 10), b.from))) continue;
    const start = completed(a, b.year ?? contextYear);
    const end = completed(b, a.year ?? contextYear);
    if (!start || !end || compare(start, end) >= 0) continue;
    periods.push({ from: a.from, to: b.to, start, end });
    used.add(a).add(b);
  }
  for (const d of dates) {
    if (used.has(d)) continue;
    const p = completed(d, contextYear);
    if (p) periods.push({ from: d.from, to: d.to, start: p, end: p });
  }
  for (const m of sentence.matchAll(DECADE)) {
    if (taken(m.index, m.index + m[0].length)) continue;
    const y = Number(m[1]) * 10;
    periods.push({ from: m.index, to: m.index + m[0].length, start: point(y), end: point(y + 9) });
  }
  return periods.sort((a, b) => a.from - b.from);
}

function point(year: number, month: number | null = null, day: number | null = null): CalendarPoint {
  return { year, month, day };
}

/** `d` as a calendar point, its year taken from `year` when it states none; null when no year is known. */
function completed(d: DateMention, year: number | null): CalendarPoint | null {
  const y = d.year ?? year;
  return y === null ? null : point(y, d.month, d.day);
}

export function precisionOf(p: CalendarPoint): Precision {
  return p.day !== null ? 'day' : p.month !== null ? 'month' : 'year';
}

const RANK: Readonly<Record<Precision, number>> = { day: 0, month: 1, year: 2 };

function coarser(a: Precision, b: Precision): Precision {
  return RANK[a] >= RANK[b] ? a : b;
}

/** Orders two points by their first instant: 1973 < 1973-01 < 1973-01-01 at equal starts, so coarser comes first. */
export function compare(a: CalendarPoint, b: CalendarPoint): number {
  return a.year - b.year || (a.month ?? 0) - (b.month ?? 0) || (a.day ?? 0) - (b.day ?? 0);
}

/** `1973`, `1973-09`, `1973-09-11`. */
export function isoOf(p: CalendarPoint): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(p.year).padStart(4, '0')}${p.month !== null ? `-${pad(p.month)}` : ''}${p.day !== null ? `-${pad(p.day)}` : ''}`;
}

/** A point as a reader writes it: "11 September 1973", "September 1973", "1973". */
export function labelOf(p: CalendarPoint): string {
  const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  return [p.day, p.month !== null ? MONTHS[p.month - 1] : null, p.year].filter((x) => x !== null).join(' ');
}

/** The period as a reader writes it: "1964–1973", "January–August 1973", "18 December 1976". */
export function periodLabel(start: CalendarPoint, end: CalendarPoint): string {
  return compare(start, end) === 0 && precisionOf(start) === precisionOf(end) ? labelOf(start) : `${labelOf(start)} – ${labelOf(end)}`;
}

/** Events in time order: by start, then by end, then by text position. */
export function inTimeOrder<T extends Pick<TimelineEvent, 'start' | 'end' | 'from'>>(events: readonly T[]): T[] {
  return [...events].sort((a, b) => compare(a.start, b.start) || compare(a.end, b.end) || a.from - b.from);
}
