/**
 * Running heads and footers of PDF extracts: a short line that comes back
 * page after page (`WORLD RESOURCES REPORT | … | June 2018 | 7`, `12 |`),
 * page numbers aside. They are set aside so that a paragraph running over a
 * page break is read as one paragraph.
 */
import { isBlank, type Line } from './lines.ts';

/** A line repeated this many times (numbers aside) is a running head. */
const MIN_REPEATS = 3;
const MAX_HEAD_CHARS = 120;

/** The line with its numbers and spacing evened out: the page number changes, the head does not. */
function shape(text: string): string {
  return text.replace(/\d+/gu, '#').replace(/\s+/gu, ' ').trim();
}

/** Indexes of the running-head lines of `lines`. A line that ends a sentence is prose, however often it recurs. */
export function runningHeadLines(lines: readonly Line[]): Set<number> {
  const counts = new Map<string, number>();
  for (const line of lines) {
    if (isBlank(line)) continue;
    const key = shape(line.text);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const out = new Set<number>();
  lines.forEach((line, k) => {
    if (isBlank(line)) return;
    const key = shape(line.text);
    if (key.length > MAX_HEAD_CHARS || (counts.get(key) ?? 0) < MIN_REPEATS) return;
    // A head neither ends a sentence nor starts in lowercase (a wrapped line of prose does one or the other).
    if (/[.!?]["”’)]?$/u.test(key) || /^\p{Ll}/u.test(key) || !/[|#]|\p{L}{2}/u.test(key)) return;
    out.add(k);
  });
  return out;
}
