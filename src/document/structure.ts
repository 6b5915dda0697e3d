/**
 * The structure the importer recognises in a plain text, before it becomes a
 * ProseMirror document. Everything here points into the source text.
 *
 * Offsets in this module are UTF-16 code-unit indices into the source string
 * (JavaScript string indices). The W3C `TextPositionSelector` counts code
 * points instead; `code-points.ts` converts at that boundary only.
 */

/** A half-open range `[from, to)` of the source text. */
export interface SourceSpan {
  readonly from: number;
  readonly to: number;
}

/** How a footnote marker is written in the text. */
export type MarkerStyle = 'bracketed' | 'glued' | 'markdown' | 'caret';

/**
 * The layout a text was read in (see `layout/`). Marker names are those of the
 * corpus expectations: `footnote-block` is `[n]` with `[Footnote n: …]` blocks,
 * `markdown` is `[^n]` with `[^n]: …` definitions.
 */
export interface LayoutProfile {
  /** How paragraphs are separated: blank lines, one per line, or lines hard-wrapped into paragraphs. */
  readonly paragraphs: 'blank-lines' | 'single-lines' | 'hard-wrapped' | 'unknown';
  readonly headings: 'plain' | 'markdown' | 'setext' | 'starred' | 'capitals' | 'none';
  readonly markers: 'bracketed' | 'glued' | 'caret' | 'footnote-block' | 'markdown' | 'none';
  readonly notes: 'numbered-caret' | 'jump-up' | 'bracket-n' | 'footnote-block' | 'markdown-def' | 'numbered' | 'none';
}

/** A footnote marker: `[12]` (bracketed) or a number glued to a sentence end (`outcome.1`). */
export interface FootnoteMarker extends SourceSpan {
  /** The note number the marker cites. */
  readonly number: number;
  /** The label as printed when it is not a plain number (`a`, `I`); absent for numbered markers. */
  readonly label?: string;
  readonly style: MarkerStyle;
  /** The span of the digits alone (inside the brackets for bracketed markers). */
  readonly digits: SourceSpan;
}

/** An inline `[citation needed]`-style tag: the text itself marks a claim as unsourced. */
export type UnsupportedTag = SourceSpan;

export type BlockType =
  | 'title'
  | 'heading'
  | 'paragraph'
  | 'caption'
  | 'list-item'
  | 'note';

/**
 * One block of text. Its rendered text is its segments in order; a segment
 * boundary is a line break in the source (rendered as a hard break), so every
 * character a block shows is a character of the source at a known offset.
 */
export interface Block {
  readonly type: BlockType;
  /** Contiguous source ranges, in order, never empty. */
  readonly segments: readonly SourceSpan[];
  /** The whole source range the block occupies, markup (bullets, `3. ^`) included. */
  readonly span: SourceSpan;
  readonly markers: readonly FootnoteMarker[];
  readonly unsupported: readonly UnsupportedTag[];
  /** For notes: the entry's number. */
  readonly number?: number;
  /** For notes: the entry's label when it is not a plain number (`a`, `I`); markers cite it by this label. */
  readonly label?: string;
  /** For notes: backlink letters (`a b`) that show how many places cite it. */
  readonly backlinks?: readonly string[];
  /** Segments that are image-caption debris inside the block (a gallery caption repeating its label). */
  readonly debris?: readonly SourceSpan[];
}

/** A parsed text: its blocks in source order. */
export interface ParsedText {
  readonly source: string;
  readonly blocks: readonly Block[];
  /** True when the first block was recognised as the document's title. */
  readonly hasTitle: boolean;
  /** The layout the text was read in; absent from parses that predate layout profiles. */
  readonly profile?: LayoutProfile;
}

/** The text a block shows, its segments joined by newlines (the structural whitespace between them). */
export function blockText(source: string, block: Block): string {
  return block.segments.map((s) => source.slice(s.from, s.to)).join('\n');
}
