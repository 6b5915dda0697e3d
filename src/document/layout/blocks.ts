/** The block under construction, shared by the layout readers (the parser freezes it into a `Block`). */
import type { BlockType, FootnoteMarker, LayoutProfile, SourceSpan, UnsupportedTag } from '../structure.ts';

export interface MutableBlock {
  type: BlockType;
  segments: SourceSpan[];
  span: SourceSpan;
  markers: FootnoteMarker[];
  unsupported: UnsupportedTag[];
  number?: number;
  label?: string;
  backlinks?: string[];
  debris?: SourceSpan[];
  /** For notes: the notes-list style the entry was read in. */
  noteStyle?: Exclude<LayoutProfile['notes'], 'none'>;
  /** For notes: whether the entry carried a backlink sign (`^`), which tells a reference from list debris. */
  caret?: boolean;
  /** For notes: written as a reStructuredText footnote directive (`.. [3] text`). */
  directive?: boolean;
  /** For captions: set aside as the file's chrome (front matter, licence), not a figure's caption. */
  chrome?: boolean;
}

export function newBlock(type: BlockType, segments: SourceSpan[], span: SourceSpan): MutableBlock {
  return { type, segments, span, markers: [], unsupported: [] };
}
