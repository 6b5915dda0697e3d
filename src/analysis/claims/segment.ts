/**
 * Sentence and clause segmentation of a parsed text, with source offsets.
 *
 * Only running prose is segmented: paragraphs and list items. Titles,
 * headings, captions and notes make no claims a scholar would cross-link.
 * Boundaries are sentence-final punctuation followed by space and a capital,
 * skipping footnote markers glued after the stop (`outcome.1 Similarly`);
 * abbreviations (`U.S.`, `Dr.`, `Gen.`), initials (`V. I. Lenin`) and decimals
 * (`3.5`) do not end a sentence.
 */
import type { Block, ParsedText, SourceSpan } from '../../document/structure.ts';

/** One sentence, or one clause of a long sentence, of a text. */
export interface Unit {
  /** Index of the unit in its text, in source order. */
  readonly index: number;
  /** Index of the block (in `ParsedText.blocks`) the unit lies in. */
  readonly block: number;
  /** Source range, trimmed of surrounding space; footnote markers at the end included. */
  readonly from: number;
  readonly to: number;
  /** The unit's source text with footnote markers and inline tags blanked to spaces (same length). */
  readonly text: string;
}

/** Block types whose text is running prose. */
const PROSE_BLOCKS: ReadonlySet<Block['type']> = new Set(['paragraph', 'list-item']);

/**
 * Words that end with a period without ending a sentence (compared folded,
 * without the period). Titles, military ranks, months, and reference terms.
 */
const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'col', 'lt', 'maj', 'capt', 'cpt', 'sgt', 'adm', 'cmdr', 'gov', 'sen',
  'rep', 'pres', 'amb', 'fr', 'rev', 'st', 'mt', 'jr', 'sr', 'no', 'nos', 'vol', 'vols', 'pp', 'p', 'ch', 'cf', 'vs',
  'viz', 'approx', 'ca', 'inc', 'co', 'corp', 'ltd', 'dept', 'univ', 'ed', 'eds', 'trans', 'jan', 'feb', 'mar', 'apr',
  'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'e.g', 'i.e', 'fig', 'op', 'cit', 'ibid', 'al',
]);

/** Minimum words on each side before a semicolon splits a sentence into clauses. */
const MIN_CLAUSE_WORDS = 6;

/**
 * The units (sentences, and clauses of sentences joined by semicolons) of
 * the prose blocks of `parsed`, in source order. Never throws; a text with
 * no prose gives an empty list.
 */
export function segmentUnits(parsed: ParsedText): Unit[] {
  const units: Unit[] = [];
  const masked = maskMarkup(parsed);
  parsed.blocks.forEach((block, blockIndex) => {
    if (!PROSE_BLOCKS.has(block.type) || block.segments.length === 0) return;
    const start = block.segments[0]!.from;
    const end = block.segments[block.segments.length - 1]!.to;
    for (const sentence of sentenceSpans(masked, start, end, block)) {
      for (const clause of clauseSpans(masked, sentence)) {
        const span = trimSpan(masked, clause);
        if (span.to - span.from < 2 || !/\p{L}/u.test(masked.slice(span.from, span.to))) continue;
        units.push({ index: units.length, block: blockIndex, from: span.from, to: span.to, text: masked.slice(span.from, span.to) });
      }
    }
  });
  return units;
}

/**
 * The source with every block's footnote markers, inline tags and debris
 * blanked to spaces, so that note numbers never read as numbers of a claim.
 * Same length as the source: offsets stay valid.
 */
function maskMarkup(parsed: ParsedText): string {
  const spans: SourceSpan[] = parsed.blocks.flatMap((b) => [...b.markers, ...b.unsupported, ...(b.debris ?? [])]);
  if (spans.length === 0) return parsed.source;
  const chars = parsed.source.split('');
  for (const s of spans) for (let i = s.from; i < s.to; i++) if (chars[i] !== '\n') chars[i] = ' ';
  return chars.join('');
}

/** Sentence spans of `[start, end)` of the masked source. */
function sentenceSpans(masked: string, start: number, end: number, block: Block): SourceSpan[] {
  const spans: SourceSpan[] = [];
  let from = start;
  const stop = /[.!?]+/gu;
  stop.lastIndex = start;
  for (let m = stop.exec(masked); m && m.index < end; m = stop.exec(masked)) {
    let after = m.index + m[0].length;
    if (after >= end) break;
    if (m[0] === '.' && !endsSentence(masked, m.index, from)) continue;
    // Closing quotes and brackets belong to the sentence they close.
    while (after < end && /["'”’»)\]]/u.test(masked[after]!)) after++;
    // Markers were blanked; skip their spaces too only when a marker sits there.
    let next = after;
    for (const marker of block.markers) if (marker.from <= next && marker.to > next) next = marker.to;
    const gap = /^\s+/u.exec(masked.slice(next, end));
    if (!gap) continue;
    const following = masked[next + gap[0].length];
    if (following === undefined || !/[\p{Lu}\p{N}"“‘'(\[¿¡]/u.test(following)) continue;
    spans.push({ from, to: next });
    from = next + gap[0].length;
  }
  if (from < end) spans.push({ from, to: end });
  return spans;
}

/** False when the period at `dot` closes an abbreviation or an initial rather than a sentence. */
function endsSentence(masked: string, dot: number, sentenceStart: number): boolean {
  const before = /(\S+)$/u.exec(masked.slice(Math.max(sentenceStart, dot - 20), dot));
  if (!before) return true;
  const word = before[1]!.replace(/^["'“‘(\[]+/u, '');
  // A single capital (an initial, "V. I. Lenin") or a dotted acronym ("U.S", "U.S.S.R").
  if (/^\p{Lu}$/u.test(word) || /^(?:\p{L}\.)+\p{L}$/u.test(word)) return false;
  return !ABBREVIATIONS.has(word.toLowerCase());
}

/** A sentence split at semicolons when both sides are clauses of their own. */
function clauseSpans(masked: string, sentence: SourceSpan): SourceSpan[] {
  const parts: SourceSpan[] = [];
  let from = sentence.from;
  for (let i = sentence.from; i < sentence.to; i++) {
    if (masked[i] !== ';') continue;
    const left = masked.slice(from, i);
    const right = masked.slice(i + 1, sentence.to);
    if (wordCount(left) >= MIN_CLAUSE_WORDS && wordCount(right) >= MIN_CLAUSE_WORDS) {
      parts.push({ from, to: i + 1 });
      from = i + 1;
    }
  }
  parts.push({ from, to: sentence.to });
  return parts;
}

function wordCount(s: string): number {
  return (s.match(/\p{L}+/gu) ?? []).length;
}

function trimSpan(masked: string, span: SourceSpan): SourceSpan {
  let { from, to } = span;
  while (from < to && /\s/u.test(masked[from]!)) from++;
  while (to > from && /\s/u.test(masked[to - 1]!)) to--;
  return { from, to };
}
