/**
 * The one date reader: calendar dates stated in a text, at the precision the
 * text gives them ("18 December 1976", "Sept. 21, 1973", "December 1976",
 * "1976", "1976-12-18", "18 December"), with offsets into the string read.
 */

/** A calendar date stated in a text, at the precision the text gives it. */
export interface DateMention {
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

const MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
] as const;
/** Month names in lower case, January first. */
export const MONTH_NAMES: readonly string[] = MONTHS;
const MONTH_LABELS: readonly string[] = MONTHS.map((m) => m[0]!.toUpperCase() + m.slice(1));
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

/** The date in one written form: "18 December 1976", "December 1976", "1976". */
export function dateLabel(year: number | null, month: number | null, day: number | null): string {
  return [day, month ? MONTH_LABELS[month - 1] : null, year].filter((x) => x !== null).join(' ');
}

/**
 * Dates stated in `text`, in text order, never overlapping: where two
 * readings overlap, the more precise one wins ("18 December 1976" over
 * "December 1976" over "1976"). A month above 12 or a day outside 1…31 is
 * not a date. Never throws.
 */
export function readDates(text: string): DateMention[] {
  const taken: Array<readonly [number, number]> = [];
  const dates: DateMention[] = [];
  for (const { re, read } of DATE_PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const from = m.index;
      const to = m.index + m[0].length;
      if (overlaps(taken, from, to)) continue;
      const [year, month, day] = read(m);
      if (month === 0 || (month !== null && month > 12) || (day !== null && (day < 1 || day > 31))) continue;
      insertSpan(taken, from, to);
      dates.push({ kind: 'date', from, to, year, month, day, label: dateLabel(year, month, day) });
    }
  }
  return dates.sort((a, b) => a.from - b.from);
}

/** Whether `[from, to)` overlaps a span of `spans` (sorted by start, disjoint): a binary search, so many dates stay fast. */
function overlaps(spans: ReadonlyArray<readonly [number, number]>, from: number, to: number): boolean {
  const i = firstEndingAfter(spans, from);
  return i < spans.length && spans[i]![0] < to;
}

function insertSpan(spans: Array<readonly [number, number]>, from: number, to: number): void {
  spans.splice(firstEndingAfter(spans, from), 0, [from, to]);
}

/** Index of the first span ending after `at`. */
function firstEndingAfter(spans: ReadonlyArray<readonly [number, number]>, at: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]![1] <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
