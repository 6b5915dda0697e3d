/**
 * Dates as reference entries print them (`2009-03-31`, `27 December 2019`,
 * `December 27, 2019`, `May 2008`, `2011`), read into CSL date parts.
 * English month names only: a date in another language is not read.
 */
import type { CslDate } from './csl.ts';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\\.?';

/** A date pattern, for building larger patterns (no capture groups). */
export const DATE_PATTERN = `(?:\\d{4}-\\d{2}-\\d{2}|\\d{1,2} ${MONTH.replace('(', '(?:')} \\d{4}|${MONTH.replace('(', '(?:')} \\d{1,2}, \\d{4}|${MONTH.replace('(', '(?:')} \\d{4}|\\d{4})`;

function monthNumber(name: string): number {
  const lower = name.toLowerCase().replace(/\.$/u, '');
  return MONTHS.findIndex((m) => m.startsWith(lower)) + 1;
}

function valid(year: number, month?: number, day?: number): boolean {
  if (year < 1000 || year > 2999) return false;
  if (month !== undefined && (month < 1 || month > 12)) return false;
  return day === undefined || (day >= 1 && day <= 31);
}

/**
 * The CSL date `text` states, when the whole of `text` (trimmed, a final
 * full stop aside) is one date; null otherwise or when it is impossible
 * (month 13, year 0042).
 */
export function parseDate(text: string): CslDate | null {
  const t = text.trim().replace(/\.$/u, '');
  let m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(t);
  if (m) return make(+m[1]!, +m[2]!, +m[3]!);
  m = new RegExp(`^(\\d{1,2}) ${MONTH} (\\d{4})$`, 'iu').exec(t);
  if (m) return make(+m[3]!, monthNumber(m[2]!), +m[1]!);
  m = new RegExp(`^${MONTH} (\\d{1,2}), (\\d{4})$`, 'iu').exec(t);
  if (m) return make(+m[3]!, monthNumber(m[1]!), +m[2]!);
  m = new RegExp(`^${MONTH} (\\d{4})$`, 'iu').exec(t);
  if (m) return make(+m[2]!, monthNumber(m[1]!));
  m = /^(\d{4})[a-z]?$/u.exec(t);
  if (m) return make(+m[1]!);
  return null;
}

function make(year: number, month?: number, day?: number): CslDate | null {
  if (!valid(year, month, day)) return null;
  const parts = day !== undefined ? [year, month!, day] : month !== undefined ? [year, month] : [year];
  return { 'date-parts': [parts] };
}
