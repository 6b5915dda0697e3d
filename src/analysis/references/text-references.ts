/**
 * The references of a parsed text: each entry of its notes list (the
 * `note` blocks the footnote index resolves markers to) read into a CSL
 * item, with the source span of the entry's text.
 */
import { footnoteIndex, entryKey } from '../footnote-index.ts';
import { blockText, type Block, type ParsedText, type SourceSpan } from '../../document/structure.ts';
import type { CslItem } from './csl.ts';
import { parseReference } from './parse-entry.ts';

/** One entry's reference: the CSL item and where its text stands (UTF-16 offsets, markup such as `3. ^` excluded). */
export interface TextReference {
  readonly item: CslItem;
  readonly span: SourceSpan;
  readonly entry: Block;
}

/** The CSL item of one note entry; its id is `note-KEY` (the entry's number or label). */
export function referenceOfEntry(source: string, entry: Block): CslItem {
  // Debris segments (an image caption repeated inside the entry) are not part of the citation.
  const debris = entry.debris ?? [];
  const text = entry.segments.filter((s) => !debris.some((d) => d.from === s.from && d.to === s.to)).map((s) => source.slice(s.from, s.to)).join(' ');
  return { id: `note-${entryKey(entry) ?? entry.span.from}`, ...parseReference(text || blockText(source, entry)) };
}

/** Every note entry of `parsed`, in source order, as a reference; empty when the text has no notes list. */
export function textReferences(parsed: ParsedText): TextReference[] {
  return footnoteIndex(parsed).entries.map((entry) => ({
    item: referenceOfEntry(parsed.source, entry),
    span: { from: entry.segments[0]!.from, to: entry.segments[entry.segments.length - 1]!.to },
    entry,
  }));
}
