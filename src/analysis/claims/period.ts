/**
 * The period a sentence speaks of: the years it states, or, when it states
 * none, the period the text last set (by an earlier sentence or a section
 * heading such as "Relations during the Allende government: 1970–1973").
 * Histories move through time; a sentence without a year speaks of the time
 * its context set. Two sentences whose periods lie far apart speak of two
 * events, however alike their words ("practised pragmatism" in 1972 and
 * "a pragmatic operational level" in 1975).
 */
import type { ParsedText } from '../../document/structure.ts';
import { readDates } from '../../text/dates.ts';
import type { Unit } from './segment.ts';

/** A span of years, both ends included. */
export interface YearSpan {
  readonly from: number;
  readonly to: number;
}

/** The years a unit speaks of; empty when neither it nor its context states one. */
export type Period = readonly YearSpan[];

/** Years further apart than this are two periods. */
export const PERIOD_GAP = 2;

/** Two years joined as a span: "1970–1973", "from 1964 until 1973", "between 1970 and 1973". */
const SPAN = /\b\d{4}\s*[–-]\s*\d{2,4}\b|\b(?:from|between)\b[^.;]{0,80}?\b\d{4}\b[^.;]{0,80}?\b(?:to|until|till|through|and)\b[^.;]{0,80}?\b\d{4}\b/u;

/**
 * The period of each unit (same order as `units`): its own years, else the
 * years of the last unit in its section that stated some together with its
 * section heading's.
 * Never throws.
 */
export function periodsOf(parsed: ParsedText, units: readonly Unit[]): Period[] {
  const out: Period[] = [];
  // The section's period (its heading's) and the last period a sentence set; a sentence without years
  // inherits both, since a year in passing ("since 1959") need not move the narrative.
  let section: Period = [];
  let current: Period = [];
  let nextBlock = 0;
  for (const u of units) {
    // Headings passed since the last unit set the section's period.
    for (; nextBlock < u.block && nextBlock < parsed.blocks.length; nextBlock++) {
      const b = parsed.blocks[nextBlock]!;
      if (b.type !== 'heading') continue;
      section = periodIn(parsed.source.slice(b.span.from, b.span.to));
      current = [];
    }
    nextBlock = Math.max(nextBlock, u.block + 1);
    const own = periodIn(u.text);
    if (own.length > 0) {
      current = own;
      out.push(own);
    } else {
      out.push([...current, ...section]);
    }
  }
  return out;
}

/** Whether two periods are known and lie apart: no year of one within PERIOD_GAP of a year of the other. */
export function periodsApart(a: Period, b: Period): boolean {
  if (a.length === 0 || b.length === 0) return false;
  return !a.some((x) => b.some((y) => x.from - PERIOD_GAP <= y.to && y.from - PERIOD_GAP <= x.to));
}

/** The years a text states, as points, or as one span when it states two years joined as a span. */
export function periodIn(text: string): Period {
  const years = [...new Set(readDates(text).map((d) => d.year).filter((y): y is number => y !== null))].sort((x, y) => x - y);
  if (years.length === 2 && SPAN.test(text)) return [{ from: years[0]!, to: years[1]! }];
  return years.map((y) => ({ from: y, to: y }));
}
