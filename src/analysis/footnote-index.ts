/**
 * Footnote resolution: which reference entry each marker cites, and which
 * markers cite each entry. The reader's previews and backlinks use this; the
 * footnote detector builds its flags on it.
 */
import type { Block, FootnoteMarker, ParsedText } from '../document/structure.ts';

/** Markers and note entries of one text, resolved both ways. */
export interface FootnoteIndex {
  /** Every footnote marker, in source order. */
  readonly markers: readonly FootnoteMarker[];
  /** Every note entry (block type `note`), in source order. */
  readonly entries: readonly Block[];
  /** True when the text has a notes list (at least one note entry). */
  readonly hasNotesList: boolean;
  /** The entry each marker cites; a marker with no entry is absent from the map. */
  readonly entryOf: ReadonlyMap<FootnoteMarker, Block>;
  /** The markers citing each entry, in source order; an uncited entry maps to an empty array. */
  readonly citedBy: ReadonlyMap<Block, readonly FootnoteMarker[]>;
}

/** What a marker cites: its label (`a`, `I`) or its number. */
export function markerKey(marker: FootnoteMarker): string {
  return marker.label ?? String(marker.number);
}

/** What an entry is cited by: its label or its number; null for an entry with neither (list debris). */
export function entryKey(entry: Block): string | null {
  return entry.label ?? (entry.number !== undefined ? String(entry.number) : null);
}

/**
 * Resolves the markers of `parsed` to its note entries by label or number,
 * whatever the notes-list style (numbered, lettered, `[n]`, footnote blocks,
 * Markdown definitions). When two entries share a key, markers resolve to
 * the first (the repeat is flagged by the detector). Never throws; a text
 * without notes gives empty maps.
 */
export function footnoteIndex(parsed: ParsedText): FootnoteIndex {
  const markers = parsed.blocks.flatMap((b) => b.markers);
  const entries = parsed.blocks.filter((b) => b.type === 'note' && entryKey(b) !== null);
  const byKey = new Map<string, Block>();
  for (const entry of entries) if (!byKey.has(entryKey(entry)!)) byKey.set(entryKey(entry)!, entry);
  const entryOf = new Map<FootnoteMarker, Block>();
  const citedBy = new Map<Block, FootnoteMarker[]>(entries.map((e) => [e, []]));
  for (const marker of markers) {
    const entry = byKey.get(markerKey(marker));
    if (!entry) continue;
    entryOf.set(marker, entry);
    citedBy.get(entry)!.push(marker);
  }
  return { markers, entries, hasNotesList: entries.length > 0, entryOf, citedBy };
}

/** The entry a marker cites, or null when it cites none. */
export function entryForMarker(index: FootnoteIndex, marker: FootnoteMarker): Block | null {
  return index.entryOf.get(marker) ?? null;
}

/** The markers citing an entry (empty when none, or when the block is not an entry of this index). */
export function markersCiting(index: FootnoteIndex, entry: Block): readonly FootnoteMarker[] {
  return index.citedBy.get(entry) ?? [];
}

/** The marker whose source span contains `offset` (code units), or null. */
export function markerAt(index: FootnoteIndex, offset: number): FootnoteMarker | null {
  return index.markers.find((m) => m.from <= offset && offset < m.to) ?? null;
}
