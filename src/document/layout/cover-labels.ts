/**
 * Capitals lines of a PDF extract that are set like headings but head no
 * section: the cover's labels (a series name, a report's kicker above its
 * title) and a table's column header. Line-by-line reading takes both for
 * capitals headings; these passes give them back as captions.
 */
import type { MutableBlock } from './blocks.ts';
import { isTitleCase } from './headings.ts';
import { NOTES_HEADING } from './notes.ts';
import { isCapitalsLine } from './units.ts';

const textOf = (source: string, b: MutableBlock) => b.segments.map((s) => source.slice(s.from, s.to)).join(' ').trim();

/** A heading wholly in capitals: every line of it. */
function isCapitalsHeading(source: string, b: MutableBlock): boolean {
  return b.type === 'heading' && b.segments.length > 0 && b.segments.every((s) => isCapitalsLine(source.slice(s.from, s.to)));
}

/** A running head or cell rule (`Expert Note | Version 2 | 1`): passed over when looking for what a heading stands on. */
function isFurniture(source: string, b: MutableBlock): boolean {
  return b.type === 'caption' && /\|/u.test(textOf(source, b));
}

/** A short title line that is neither a heading nor prose: a cover's title in capitals or title case. */
function isTitleLine(source: string, b: MutableBlock): boolean {
  if (b.type !== 'caption' && b.type !== 'paragraph') return false;
  const text = textOf(source, b).replace(/\s+/gu, ' ');
  if (text.length > 90 || /[.!;]\s|[.!;]$/u.test(text)) return false;
  return isCapitalsLine(text) || isTitleCase(text);
}

/**
 * Before any heading has headed a paragraph, a capitals heading that stands
 * over another title line (`SERIES NAME` over `A Title in Title Case`, a
 * running head between them allowed) is a label of the cover, not a section:
 * a section's heading stands over its prose or over its first subheading.
 */
export function demoteCoverLabels(source: string, blocks: MutableBlock[]): void {
  for (let k = 0; k < blocks.length; k++) {
    const block = blocks[k]!;
    if (block.type !== 'heading') continue;
    let n = k + 1;
    while (n < blocks.length && isFurniture(source, blocks[n]!)) n++;
    const next = blocks[n];
    if (next?.type === 'paragraph' && !isTitleLine(source, next)) return;
    if (next && isCapitalsHeading(source, block) && isTitleLine(source, next)) {
      block.type = 'caption';
      block.chrome = true;
    }
  }
}

/** Rows numbered 1, 2, … without a period (`1 March 6, 2017 …`): a numbered table's first rows. */
const BARE_ROW_NUMBER = /^(\d{1,3})\s+\S/u;
/** A table header stands over at least this many numbered rows. */
const HEADER_ROWS = 2;

/**
 * A capitals heading directly over table rows numbered from 1 without a
 * period (`1 March 6, 2017 …`, `2 …`), read as captions, is the table's column
 * header (`NUMBER DATE POSITION`). A notes heading over its entries is not one.
 */
export function demoteTableHeaders(source: string, blocks: MutableBlock[]): void {
  for (let k = 0; k + HEADER_ROWS < blocks.length; k++) {
    const block = blocks[k]!;
    if (!isCapitalsHeading(source, block) || NOTES_HEADING.test(textOf(source, block))) continue;
    const rows = blocks.slice(k + 1, k + 1 + HEADER_ROWS);
    const numbered = rows.every((b, j) => b.type === 'caption' && !b.chrome && Number(BARE_ROW_NUMBER.exec(textOf(source, b))?.[1]) === j + 1);
    if (numbered) block.type = 'caption';
  }
}
