/**
 * Keyword-in-context snippets: a short plain-text window around the matches,
 * with the match ranges inside it. Snippets are strings, never markup: the
 * reader renders them as text, so a `<script>` in a source stays text.
 */

/** A half-open range `[start, end)`. */
export type MatchRange = readonly [number, number];

/** A window of text with the ranges of `text` that matched. */
export interface Snippet {
  readonly text: string;
  /** Ranges into `text`, ascending, not overlapping. */
  readonly marks: readonly MatchRange[];
}

/** Characters of context shown before the first match. */
const CONTEXT_BEFORE = 60;
/** Longest snippet, ellipses excluded. */
const SNIPPET_LENGTH = 200;
const ELLIPSIS = '…';

/**
 * The snippet of `text[from, to)` around `matches` (offsets into `text`, ascending):
 * whitespace runs collapsed to one space, cut at word boundaries, with `…`
 * where text was cut. Matches outside the window are left out; a match cut
 * by the window's end is clipped. With no matches the window starts at `from`.
 * Never throws; out-of-range offsets are clamped.
 */
export function makeSnippet(text: string, from: number, to: number, matches: readonly MatchRange[]): Snippet {
  from = clamp(from, 0, text.length);
  to = clamp(to, from, text.length);
  const first = matches.find(([s, e]) => s >= from && e <= to);
  let start = first ? Math.max(from, first[0] - CONTEXT_BEFORE) : from;
  if (start > from) start = nextWordStart(text, start, first ? first[0] : to);
  let end = Math.min(to, start + SNIPPET_LENGTH);
  if (end < to) end = previousWordEnd(text, end, first ? first[1] : start);
  start = avoidSplitPair(text, start);
  end = avoidSplitPair(text, end);

  let out = start > from ? ELLIPSIS : '';
  const marks: [number, number][] = [];
  // Map each source offset in the window to its offset in the collapsed text.
  const map = new Map<number, number>();
  let inSpace = false;
  for (let i = start; i < end; i++) {
    map.set(i, out.length);
    const ch = text.charAt(i);
    if (/\s/u.test(ch)) {
      if (!inSpace) out += ' ';
      inSpace = true;
    } else {
      out += ch;
      inSpace = false;
    }
  }
  map.set(end, out.length);
  for (const [s, e] of matches) {
    const cs = Math.max(s, start);
    const ce = Math.min(e, end);
    if (ce <= cs) continue;
    const ms = map.get(cs)!;
    const me = map.get(ce)!;
    const last = marks[marks.length - 1];
    if (last && ms < last[1]) continue;
    if (me > ms) marks.push([ms, me]);
  }
  if (end < to) out += ELLIPSIS;
  return { text: out, marks };
}

function clamp(n: number, lo: number, hi: number): number {
  return Number.isFinite(n) ? Math.min(hi, Math.max(lo, Math.trunc(n))) : lo;
}

/** The start of the first word at or after `i`, not past `limit`. */
function nextWordStart(text: string, i: number, limit: number): number {
  if (i === 0 || /\s/u.test(text.charAt(i - 1))) return i;
  let j = i;
  while (j < limit && !/\s/u.test(text.charAt(j))) j++;
  while (j < limit && /\s/u.test(text.charAt(j))) j++;
  return j < limit ? j : i;
}

/** The end of the last word ending at or before `i`, not before `limit`. */
function previousWordEnd(text: string, i: number, limit: number): number {
  if (i >= text.length || /\s/u.test(text.charAt(i))) return i;
  let j = i;
  while (j > limit && !/\s/u.test(text.charAt(j - 1))) j--;
  while (j > limit && /\s/u.test(text.charAt(j - 1))) j--;
  return j > limit ? j : i;
}

/** Moves an offset that falls between a surrogate pair's halves to the pair's start. */
function avoidSplitPair(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return i > 0 && c >= 0xdc00 && c <= 0xdfff ? i - 1 : i;
}
