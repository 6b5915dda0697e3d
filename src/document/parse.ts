/**
 * Plain text → blocks, by general rules of layout only.
 *
 * The importer recognises what a scholar sees on the page: a title, section
 * headings, paragraphs, bulleted lists, reference/notes lists and their
 * entries, image-caption debris, and footnote markers. No rule names a
 * sentence, number or date of any particular text. It never changes the text:
 * every block is a list of source ranges.
 */
import type { BlockType, FootnoteMarker, ParsedText, SourceSpan, UnsupportedTag } from './structure.ts';

export interface ParseOptions {
  /** The document's known title (from the manifest). The first block becomes the title node only if it equals it. */
  readonly title?: string | null;
}

interface Line {
  readonly from: number;
  readonly to: number;
  readonly text: string;
}

/** Words that cannot end a heading: a line ending in one of them breaks off mid-clause. */
const TRAILING_FUNCTION_WORDS = new Set([
  'a', 'an', 'the', 'of', 'to', 'in', 'on', 'at', 'by', 'for', 'with', 'and', 'or', 'but', 'nor', 'from', 'as',
  'that', 'which', 'who', 'whom', 'whose', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'has', 'have',
  'had', 'its', 'their', 'his', 'her', 'our', 'this', 'these', 'those', 'than', 'into', 'onto', 'between',
  'about', 'after', 'before', 'during', 'when', 'while', 'where', 'if', 'because', 'not', 'it', 'they',
]);

/** Longest line (in words) still taken for a heading. */
const MAX_HEADING_WORDS = 12;
const MAX_HEADING_CHARS = 90;
/** A glued marker may skip at most this many note numbers (a lost passage takes its notes with it). */
const MAX_NOTE_JUMP = 10;
/** A paragraph of at least this many words (not a caption) ends the lead zone where caption debris lives. */
const BODY_PARAGRAPH_WORDS = 8;
/** Inline tags with which an encyclopedia marks a claim as unsourced. */
const UNSUPPORTED_TAG = /\[(?:citation needed|citation required|according to whom\?|by whom\?|who\?|when\?|which\?|verification needed|failed verification|better source needed|unreliable source\?|dubious(?: [–-] discuss)?)\]/giu;
/** Positional cues that mark an image caption. */
const CAPTION_CUE = /\((?:left|right|center|centre|pictured|top|bottom|above|below)\)/iu;
const NOTES_HEADING = /^(?:notes|references|endnotes|footnotes|sources|citations|bibliography|works cited)$/iu;

const NOTE_ENTRY = /^(\s*)(\d{1,4})\.(?=\s|$)\s*(\^?)[ \t]*/u;
const BULLET = /^(\s*)[•·▪◦‣*-](?=\s)\s*/u;
const BACKLINKS = /^((?:[a-z] )+)/u;

/**
 * Parses a plain text into blocks.
 * Never throws on any string; an empty or blank text gives no blocks.
 */
export function parsePlainText(source: string, options: ParseOptions = {}): ParsedText {
  const lines = splitLines(source);
  const rawBlocks = groupByBlankLines(lines);
  const blocks: MutableBlock[] = [];
  let underNotesHeading = false;
  for (let i = 0; i < rawBlocks.length; i++) {
    const raw = rawBlocks[i]!;
    const notes = readNoteEntries(raw, underNotesHeading);
    if (notes) {
      for (const item of notes) blocks.push(item);
      continue;
    }
    const items = readBulletItems(source, raw);
    if (items) {
      for (const item of items) blocks.push(item);
      continue;
    }
    const parts = splitAtLabels(raw);
    for (let k = 0; k < parts.length; k++) {
      const part = parts[k]!;
      const block = plainBlock(part);
      blocks.push(block);
      if (part.length !== 1) continue;
      const next = parts[k + 1]?.[0] ?? rawBlocks[i + 1]?.[0];
      if (isHeadingLine(part[0]!.text) && !(next && startsLowercase(next.text))) {
        block.type = 'heading';
        underNotesHeading = NOTES_HEADING.test(part[0]!.text.trim());
      }
    }
  }
  const hasTitle = markTitle(source, blocks, options.title);
  markCaptionDebris(source, blocks, hasTitle);
  findMarkers(source, blocks);
  return { source, blocks, hasTitle };
}

interface MutableBlock {
  type: BlockType;
  segments: SourceSpan[];
  span: SourceSpan;
  markers: FootnoteMarker[];
  unsupported: UnsupportedTag[];
  number?: number;
  backlinks?: string[];
  debris?: SourceSpan[];
}

function splitLines(source: string): Line[] {
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

function groupByBlankLines(lines: Line[]): Line[][] {
  const groups: Line[][] = [];
  let current: Line[] = [];
  for (const line of lines) {
    if (line.text.trim() === '') {
      if (current.length) groups.push(current);
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length) groups.push(current);
  return groups;
}

/** The line without its leading and trailing whitespace, as a source span. */
function trimmed(line: Line, skip = 0): SourceSpan | null {
  const text = line.text;
  let start = skip;
  while (start < text.length && /\s/u.test(text[start]!)) start++;
  let end = text.length;
  while (end > start && /\s/u.test(text[end - 1]!)) end--;
  return end > start ? { from: line.from + start, to: line.from + end } : null;
}

function indentOf(text: string): number {
  return text.length - text.trimStart().length;
}

function newBlock(type: BlockType, segments: SourceSpan[], span: SourceSpan): MutableBlock {
  return { type, segments, span, markers: [], unsupported: [] };
}

/**
 * A block is a notes list when every line is a numbered entry (`3. …`) or an
 * indented continuation, and it looks like a references list: entries carry
 * the `^` backlink sign, or the section heading names notes/references.
 */
function readNoteEntries(raw: Line[], underNotesHeading: boolean): MutableBlock[] | null {
  const first = NOTE_ENTRY.exec(raw[0]!.text);
  if (!first) return null;
  const entryIndent = first[1]!.length;
  let caret = false;
  for (const line of raw) {
    const m = NOTE_ENTRY.exec(line.text);
    if (m) {
      if (m[3]) caret = true;
    } else if (indentOf(line.text) <= entryIndent) {
      return null;
    }
  }
  if (!caret && !underNotesHeading) return null;

  const entries: MutableBlock[] = [];
  for (const line of raw) {
    const m = NOTE_ENTRY.exec(line.text);
    if (m) {
      let skip = m[0].length;
      let backlinks: string[] = [];
      const rest = line.text.slice(skip);
      const links = m[3] ? BACKLINKS.exec(rest) : null;
      if (links) {
        const letters = links[1]!.trim().split(' ');
        // Backlink letters run a, b, c…; anything else is the entry's own text.
        if (letters.length >= 2 && letters.every((l, k) => l === String.fromCharCode(97 + k))) {
          backlinks = letters;
          skip += links[1]!.length;
        }
      }
      const content = trimmed(line, skip);
      const block = newBlock('note', content ? [content] : [], { from: line.from, to: line.to });
      block.number = Number(m[2]);
      block.backlinks = backlinks;
      entries.push(block);
    } else {
      const last = entries[entries.length - 1]!;
      const content = trimmed(line);
      if (content) last.segments.push(content);
      last.span = { from: last.span.from, to: line.to };
    }
  }
  return entries;
}

/** A block of bulleted lines; an indented line under an item continues it. */
function readBulletItems(source: string, raw: Line[]): MutableBlock[] | null {
  const first = BULLET.exec(raw[0]!.text);
  if (!first) return null;
  const bulletIndent = first[1]!.length;
  for (const line of raw) {
    if (!BULLET.test(line.text) && indentOf(line.text) <= bulletIndent) return null;
  }
  const items: MutableBlock[] = [];
  for (const line of raw) {
    const m = BULLET.exec(line.text);
    const content = trimmed(line, m ? m[0].length : 0);
    if (m) {
      items.push(newBlock('list-item', content ? [content] : [], { from: line.from, to: line.to }));
    } else {
      const last = items[items.length - 1]!;
      if (content) {
        last.segments.push(content);
        // A gallery item's caption repeats its label: keep it, but as debris.
        const head = last.segments[0]!;
        if (source.slice(content.from, content.to) === source.slice(head.from, head.to)) {
          last.debris = [...(last.debris ?? []), content];
        }
      }
      last.span = { from: last.span.from, to: line.to };
    }
  }
  return items.filter((item) => item.segments.length > 0);
}

/** A label line is much shorter than the block's longest line: hard-wrapped prose has lines of even length. */
const LABEL_LINE_RATIO = 0.6;

/**
 * Lines stacked without a blank line between them are one paragraph (hard-wrapped
 * prose), unless one of them is a short label: then each label stands alone, as
 * in an infobox (`Title` / `Map of …`). A label followed by a lowercase line is
 * the end of a broken sentence and stays with it.
 */
function splitAtLabels(raw: Line[]): Line[][] {
  if (raw.length === 1) return [raw];
  const longest = raw.map((l) => l.text.trim().length).reduce((a, b) => Math.max(a, b), -Infinity);
  const isLabel = (k: number): boolean => {
    const line = raw[k]!.text;
    const next = raw[k + 1];
    return (
      isHeadingLine(line) &&
      line.trim().length <= longest * LABEL_LINE_RATIO &&
      !(next && startsLowercase(next.text))
    );
  };
  const parts: Line[][] = [];
  let current: Line[] = [];
  for (let k = 0; k < raw.length; k++) {
    if (isLabel(k)) {
      if (current.length) parts.push(current);
      parts.push([raw[k]!]);
      current = [];
    } else {
      current.push(raw[k]!);
    }
  }
  if (current.length) parts.push(current);
  return parts;
}

function plainBlock(raw: Line[]): MutableBlock {
  const segments = raw.map((line) => trimmed(line)).filter((s): s is SourceSpan => s !== null);
  return newBlock('paragraph', segments, { from: raw[0]!.from, to: raw[raw.length - 1]!.to });
}

function words(text: string): string[] {
  return text.split(/\s+/u).filter(Boolean);
}

function startsLowercase(text: string): boolean {
  return /^\s*\p{Ll}/u.test(text);
}

/**
 * A heading is a short single line that reads as a label, not as a sentence or
 * a fragment of one: no closing punctuation, not ending in an opening bracket,
 * a dash or a function word, not ending in a lowercase past form ("…first
 * established"), starting with a capital or a digit.
 */
export function isHeadingLine(line: string): boolean {
  const text = line.trim();
  if (!text || text.length > MAX_HEADING_CHARS) return false;
  const ws = words(text);
  if (ws.length > MAX_HEADING_WORDS) return false;
  if (!/^[\p{Lu}\p{Lt}\p{N}]/u.test(text)) return false;
  if (!/[\p{L}\p{N})]$/u.test(text)) return false;
  const last = ws[ws.length - 1]!;
  if (TRAILING_FUNCTION_WORDS.has(last.toLowerCase()) && /^\p{Ll}/u.test(last)) return false;
  if (/^\p{Ll}+ed$/u.test(last) && last.length > 4) return false;
  return true;
}

function textOf(source: string, block: MutableBlock): string {
  return block.segments.map((s) => source.slice(s.from, s.to)).join('\n');
}

function markTitle(source: string, blocks: MutableBlock[], title: string | null | undefined): boolean {
  const first = blocks[0];
  if (!first || !title) return false;
  if (first.segments.length !== 1 || textOf(source, first).trim() !== title.trim()) return false;
  first.type = 'title';
  return true;
}

/**
 * Image-caption debris: a block repeating the title, a short block with a
 * positional caption cue ("(left)"), and heading-like labels adjacent to those
 * in the lead zone (before the first body paragraph). Inside a list item, a
 * continuation line repeating the item is its image caption.
 */
function markCaptionDebris(source: string, blocks: MutableBlock[], hasTitle: boolean): void {
  const titleText = hasTitle ? textOf(source, blocks[0]!).trim() : null;
  let bodyStart = blocks.length;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (block.type !== 'paragraph' && block.type !== 'heading') continue;
    const text = textOf(source, block);
    const firstLine = source.slice(block.segments[0]!.from, block.segments[0]!.to).trim();
    const repeatsTitle = i > 0 && titleText !== null && firstLine === titleText;
    const cued = block.type === 'paragraph' && CAPTION_CUE.test(text) && words(text).length <= 40;
    if (repeatsTitle || cued) block.type = 'caption';
    else if (i < bodyStart && block.type === 'paragraph' && words(text).length >= BODY_PARAGRAPH_WORDS) bodyStart = i;
  }
  // Labels next to a caption in the lead zone belong to the same figure or infobox.
  let changed = true;
  while (changed) {
    changed = false;
    for (let i = 0; i < bodyStart; i++) {
      const block = blocks[i]!;
      if (block.type !== 'heading') continue;
      if (blocks[i - 1]?.type === 'caption' || blocks[i + 1]?.type === 'caption') {
        block.type = 'caption';
        changed = true;
      }
    }
  }
}

/** Finds bracketed and glued footnote markers and unsupported-claim tags in every block but note entries. */
function findMarkers(source: string, blocks: MutableBlock[]): void {
  let lastGlued = 0;
  for (const block of blocks) {
    if (block.type === 'note' || block.type === 'title') continue;
    for (const seg of block.segments) {
      const text = source.slice(seg.from, seg.to);
      for (const m of text.matchAll(/\[(\d{1,4})\]/gu)) {
        const from = seg.from + m.index!;
        block.markers.push({
          from,
          to: from + m[0].length,
          number: Number(m[1]),
          style: 'bracketed',
          digits: { from: from + 1, to: from + 1 + m[1]!.length },
        });
      }
      for (const m of text.matchAll(UNSUPPORTED_TAG)) {
        const from = seg.from + m.index!;
        block.unsupported.push({ from, to: from + m[0].length });
      }
      lastGlued = findGluedMarkers(text, seg.from, block.markers, lastGlued);
    }
    block.markers.sort((a, b) => a.from - b.from);
  }
}

/**
 * A number glued to a sentence end (`outcome.1 Next`, `“illusory.”27`) is a
 * note marker only if it continues the note sequence: not below the last
 * marker, at most MAX_NOTE_JUMP above it. It must be followed by the end of
 * the line or by a new sentence. Years, decimals, counts and ranges fail
 * one of these tests: `1,000 days`, `3.5 percent`, `1973–1980` are not
 * glued to a sentence end followed by a new sentence, or break the sequence.
 */
function findGluedMarkers(text: string, base: number, out: FootnoteMarker[], last: number): number {
  const glued = /([\p{L}\p{N})\]”"’'])([.!?])?(["”’)]?)(\d{1,3})(?=\s|$)/gu;
  for (const m of text.matchAll(glued)) {
    const [, before, stop, close, digits] = m;
    if (!stop && !close) continue;
    if (!stop && /\p{N}/u.test(before!)) continue;
    const n = Number(digits);
    if (n < 1 || n < last || n > last + MAX_NOTE_JUMP) continue;
    const end = m.index! + m[0].length;
    const after = text.slice(end);
    if (after.trim() !== '' && !/^\s+["“‘(\[]?[\p{Lu}\p{N}]/u.test(after)) continue;
    if (/\p{N}/u.test(before!)) {
      // After a number, only a year-like or grouped figure ends a sentence ("in 1972.71");
      // a short integer part is a decimal ("4.7 Then").
      const figure = /[\d,]+$/u.exec(text.slice(0, m.index! + 1))![0];
      if (n === last || figure.replace(/,/gu, '').length < 3) continue;
    }
    const digitsFrom = base + end - digits!.length;
    out.push({ from: digitsFrom, to: base + end, number: n, style: 'glued', digits: { from: digitsFrom, to: base + end } });
    last = n;
  }
  return last;
}
