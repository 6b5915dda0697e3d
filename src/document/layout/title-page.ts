/**
 * Front and back matter of a printed text that line-by-line reading takes for
 * headings. A title page, as a plain text copies it: a run of short single
 * lines (title, "by", the author, where it was printed, a date) set one under
 * another before the first section that heads prose; together they are the
 * book's front matter. And a closing signature under the last paragraph.
 */
import type { MutableBlock } from './blocks.ts';

/** Title-page lines are short. */
const MAX_LINE_CHARS = 60;
/** Fewest lines of a title page (consecutive section headings are two or three at most, and all headings). */
const MIN_LINES = 3;

function isShortLine(source: string, block: MutableBlock): boolean {
  if (block.segments.length !== 1 || block.chrome) return false;
  if (block.type !== 'heading' && block.type !== 'paragraph' && block.type !== 'caption') return false;
  const seg = block.segments[0]!;
  return seg.to - seg.from <= MAX_LINE_CHARS && !/\n/u.test(source.slice(seg.from, seg.to));
}

/**
 * Before any heading has headed prose, a run of at least three short single
 * lines ending at a heading over a paragraph, and holding a line that is not a
 * heading (`by`, a note of where the text was printed): every line of it but
 * the last heading is set aside as front matter. A run of headings alone is
 * left as it is: sections nested without text between them are real.
 */
export function setAsideTitlePage(source: string, blocks: MutableBlock[]): void {
  let start = 0;
  for (let k = 0; k < blocks.length; k++) {
    const block = blocks[k]!;
    const next = blocks[k + 1];
    if (block.type === 'heading' && next?.type === 'paragraph' && !isShortLine(source, next)) {
      const run = blocks.slice(start, k);
      if (run.length >= MIN_LINES && run.some((b) => b.type !== 'heading')) {
        for (const b of run) {
          b.type = 'caption';
          b.chrome = true;
        }
      }
      return;
    }
    if (!isShortLine(source, block)) start = k + 1;
  }
}

/**
 * A heading line after which the text has nothing but captions and chrome
 * (`_A. B. Miller._` under the last paragraph, then an illustration and the
 * licence) heads nothing: it is the author's signature, a closing caption.
 */
export function demoteClosingLine(blocks: MutableBlock[]): void {
  for (let k = blocks.length - 1; k >= 0; k--) {
    const block = blocks[k]!;
    if (block.type === 'heading') {
      if (k > 0 && blocks[k - 1]!.type === 'paragraph') block.type = 'caption';
      return;
    }
    if (block.type !== 'caption') return;
  }
}
