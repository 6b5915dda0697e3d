/**
 * A text's structure (`parsePlainText`'s blocks) worked out at build time and
 * shipped beside it, so that the browser does not parse a long text at load
 * (1 MB: ~0.5 s of parsing against ~30 ms to build the ProseMirror document
 * from the blocks). It is used only when it is current: made from this very
 * text (length and checksum) in this format; otherwise the text is parsed as
 * if there were none. The production build writes one per text
 * (vite.config.ts), so it is never older than the parser that made it.
 */
import type { DocumentEntry } from './manifest.ts';
import { parsePlainText } from './parse.ts';
import type { Block, LayoutProfile, ParsedText } from './structure.ts';
import { checksum } from '../text/checksum.ts';

const FORMAT = 'annotated-reader-structure';
const VERSION = 1;

/** The file written beside a text: its blocks, and what they were made from. */
export interface PrebuiltStructure {
  readonly format: typeof FORMAT;
  readonly version: typeof VERSION;
  /** The text's length in code units and checksum: the structure fits only this text. */
  readonly length: number;
  readonly checksum: string;
  readonly hasTitle: boolean;
  readonly profile?: LayoutProfile;
  readonly blocks: readonly Block[];
}

/** The structure file's name for a text file (`a.txt` → `a.txt.structure.json`). */
export function structureFileName(file: string): string {
  return `${file}.structure.json`;
}

/** Parses `source` as the reader would for `entry` and returns the file to ship beside it. */
export function prebuildStructure(entry: Pick<DocumentEntry, 'title' | 'layout'>, source: string): PrebuiltStructure {
  const parsed = parsePlainText(source, { title: entry.title, ...(entry.layout ? { layout: entry.layout } : {}) });
  return {
    format: FORMAT,
    version: VERSION,
    length: source.length,
    checksum: checksum(source),
    hasTitle: parsed.hasTitle,
    ...(parsed.profile ? { profile: parsed.profile } : {}),
    blocks: parsed.blocks,
  };
}

/**
 * The parsed text from a structure file, or null when `json` is not one or
 * was made from another text (then the caller parses the text itself).
 */
export function readPrebuiltStructure(json: unknown, source: string): ParsedText | null {
  const data = json as Partial<PrebuiltStructure> | null;
  if (!data || typeof data !== 'object' || data.format !== FORMAT || data.version !== VERSION) return null;
  if (data.length !== source.length || data.checksum !== checksum(source)) return null;
  if (typeof data.hasTitle !== 'boolean' || !Array.isArray(data.blocks)) return null;
  if (!(data.blocks as readonly Block[]).every((b) => fits(b, source.length))) return null;
  return { source, blocks: data.blocks, hasTitle: data.hasTitle, ...(data.profile ? { profile: data.profile } : {}) };
}

/** A block whose ranges lie inside the text: a damaged file must not put a view out of range. */
function fits(block: Block, length: number): boolean {
  const inside = (s: { from: number; to: number } | undefined) => !!s && Number.isInteger(s.from) && Number.isInteger(s.to) && 0 <= s.from && s.from <= s.to && s.to <= length;
  return (
    typeof block?.type === 'string' &&
    Array.isArray(block.segments) &&
    (block.segments as Block['segments']).every(inside) &&
    inside(block.span) &&
    Array.isArray(block.markers) &&
    (block.markers as Block['markers']).every((m) => inside(m) && inside(m.digits)) &&
    Array.isArray(block.unsupported) &&
    (block.unsupported as Block['unsupported']).every(inside)
  );
}
