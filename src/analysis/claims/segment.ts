/**
 * Sentence and clause units of a parsed text, with source offsets, cut by the
 * text toolkit's one segmenter (src/text/segment.ts).
 *
 * Only running prose is segmented: paragraphs and list items. Titles,
 * headings, captions and notes make no claims a scholar would cross-link.
 * Boundaries are sentence-final punctuation followed by space and a capital,
 * skipping footnote markers glued after the stop (`outcome.1 Similarly`);
 * abbreviations (`U.S.`, `Dr.`, `Gen.`), initials (`V. I. Lenin`) and decimals
 * (`3.5`) do not end a sentence.
 */
import type { Block, ParsedText, SourceSpan } from '../../document/structure.ts';
import { clauses, sentences } from '../../text/segment.ts';

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
    for (const sentence of sentences(masked, start, end, { markers: block.markers })) {
      for (const clause of clauses(masked, sentence)) {
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

function trimSpan(masked: string, span: SourceSpan): SourceSpan {
  let { from, to } = span;
  while (from < to && /\s/u.test(masked[from]!)) from++;
  while (to > from && /\s/u.test(masked[to - 1]!)) to--;
  return { from, to };
}
