/**
 * Lines of a plain text with their source offsets: the unit every layout
 * reader works on. A CR before a LF is not part of the line.
 */
import type { SourceSpan } from '../structure.ts';

export interface Line {
  readonly from: number;
  readonly to: number;
  readonly text: string;
}

/** Every line of `source`, blank ones included, in order. */
export function splitLines(source: string): Line[] {
  const lines: Line[] = [];
  let from = 0;
  while (from <= source.length) {
    let to = source.indexOf('\n', from);
    if (to < 0) to = source.length;
    const end = to > from && source[to - 1] === '\r' ? to - 1 : to;
    lines.push({ from, to: end, text: source.slice(from, end) });
    from = to + 1;
  }
  return lines;
}

export function isBlank(line: Line): boolean {
  return line.text.trim() === '';
}

/** The line from `skip` on, without leading and trailing whitespace and without `cut` characters at its end, as a source span. */
export function trimmed(line: Line, skip = 0, cut = 0): SourceSpan | null {
  const text = line.text.slice(0, line.text.length - cut);
  let start = skip;
  while (start < text.length && /\s/u.test(text[start]!)) start++;
  let end = text.length;
  while (end > start && /\s/u.test(text[end - 1]!)) end--;
  return end > start ? { from: line.from + start, to: line.from + end } : null;
}

export function indentOf(text: string): number {
  return text.length - text.trimStart().length;
}

export function words(text: string): string[] {
  return text.split(/\s+/u).filter(Boolean);
}

export function startsLowercase(text: string): boolean {
  return /^\s*\p{Ll}/u.test(text);
}

/** Lines separated by blank lines, as groups. */
export function groupByBlankLines(lines: readonly Line[]): Line[][] {
  const groups: Line[][] = [];
  let current: Line[] = [];
  for (const line of lines) {
    if (isBlank(line)) {
      if (current.length) groups.push(current);
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length) groups.push(current);
  return groups;
}
