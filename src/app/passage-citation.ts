/**
 * A citation of a passage of one of the reader's texts: the text's own
 * bibliographic data (author, title, publisher, as the manifest has them)
 * and where the passage stands (its section, its paragraph, its code-point
 * range, and a deep link that opens it).
 *
 * What the text lost is never filled in: a text without a title is named
 * by its label in square brackets, as a cataloguer marks a supplied title,
 * and an unknown author is left out.
 */
import type { DocumentEntry } from '../document/manifest.ts';
import { blockText, type ParsedText } from '../document/structure.ts';
import { CodePointIndex } from '../document/code-points.ts';

/** The longest quotation a citation carries; a longer passage is cut at a word and ends in `…`. */
const MAX_QUOTE = 200;

export interface PassageLocation {
  /** The heading of the section the passage starts in, when the text has one before it. */
  readonly section: string | null;
  /** Which paragraph (1-based, counting the text's paragraphs) the passage starts in; null outside paragraphs. */
  readonly paragraph: number | null;
  /** The passage in Unicode code points of the source (as TextPositionSelector counts). */
  readonly start: number;
  readonly end: number;
}

/**
 * Where `[from, to)` (UTF-16 offsets) of `parsed` stands. Throws RangeError
 * when the range is empty, reversed or outside the text.
 */
export function passageLocation(parsed: ParsedText, from: number, to: number): PassageLocation {
  if (!(from >= 0 && to > from && to <= parsed.source.length)) throw new RangeError(`passage ${from}–${to} is not a range of a ${parsed.source.length}-character text`);
  let section: string | null = null;
  let paragraph: number | null = null;
  let count = 0;
  for (const b of parsed.blocks) {
    if (b.span.from > from) break;
    if (b.type === 'heading') section = blockText(parsed.source, b).replace(/^#+\s*|\s*#+$|\[edit\]/gu, '').replace(/\s+/gu, ' ').trim();
    if (b.type === 'paragraph') count++;
    paragraph = b.type === 'paragraph' && from < b.span.to ? count : null;
  }
  const points = new CodePointIndex(parsed.source);
  return { section, paragraph, start: points.toCodePoints(from), end: points.toCodePoints(to) };
}

function quoteOf(text: string): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  if (flat.length <= MAX_QUOTE) return flat;
  const cut = flat.slice(0, MAX_QUOTE);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), MAX_QUOTE / 2)).trimEnd()}…`;
}

/**
 * The citation as one line of text: `“quote” Author, Title (Publisher),
 * section “S”, paragraph N, characters A–B. LINK`. `link` is the deep link
 * to the passage (the caller knows the page's address).
 */
export function passageCitation(entry: Pick<DocumentEntry, 'title' | 'author' | 'publisher' | 'label' | 'iri'>, parsed: ParsedText, from: number, to: number, link: string): string {
  const at = passageLocation(parsed, from, to);
  const title = entry.title ? `“${entry.title}”` : `[${entry.label}]`;
  const work = [entry.author, entry.publisher ? `${title} (${entry.publisher})` : title].filter(Boolean).join(', ');
  const where = [
    // The text's own title standing as its first heading is no section.
    at.section && at.section !== entry.title ? `section “${at.section}”` : null,
    at.paragraph !== null ? `paragraph ${at.paragraph}` : null,
    `characters ${at.start}–${at.end}`,
  ].filter(Boolean);
  return `“${quoteOf(parsed.source.slice(from, to))}” ${work}, ${where.join(', ')}. ${link} (text: ${entry.iri})`;
}
