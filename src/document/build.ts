/**
 * Parsed blocks → a ProseMirror document and its offset map.
 */
import type { Mark, Node as PMNode } from 'prosemirror-model';
import { schema } from './schema.ts';
import { OffsetMap, type MappedSegment } from './offset-map.ts';
import type { Block, ParsedText, SourceSpan } from './structure.ts';

/**
 * Longest run of blocks in one section node before it is continued in the
 * next. Sections bound the cost of decoration updates (top-level children ×
 * decorations) and are the unit the browser skips when off screen
 * (content-visibility), so they should be a few screens long, not dozens.
 */
const MAX_SECTION_BLOCKS = 40;

export interface BuiltDocument {
  readonly doc: PMNode;
  readonly map: OffsetMap;
  /** Headings in order: their text and source offset, for the outline. */
  readonly outline: readonly OutlineEntry[];
}

export interface OutlineEntry {
  readonly index: number;
  readonly text: string;
  readonly from: number;
}

interface InlineMarkSpan extends SourceSpan {
  readonly mark: Mark;
}

/**
 * Builds the document for a parsed text. Never throws on parser output; a text
 * with no blocks gives a document with one empty section.
 */
export function buildDocument(parsed: ParsedText): BuiltDocument {
  const { source, blocks } = parsed;
  const segments: MappedSegment[] = [];
  const outline: OutlineEntry[] = [];
  const top: PMNode[] = [];
  // Document positions are counted as nodes are laid out: doc content starts at 0.
  let pos = 0;

  const inlineContent = (block: Block, start: number): PMNode[] => {
    const marks = marksOf(block);
    const out: PMNode[] = [];
    let p = start;
    block.segments.forEach((seg, k) => {
      if (k > 0) {
        out.push(schema.nodes.hard_break.create());
        p += 1;
      }
      segments.push({ from: seg.from, to: seg.to, pos: p });
      for (const item of textWithMarks(source, seg, marks)) out.push(item);
      p += seg.to - seg.from;
    });
    return out;
  };

  let i = 0;
  if (parsed.hasTitle && blocks[0]?.type === 'title') {
    const content = inlineContent(blocks[0], pos + 1);
    const title = schema.nodes.title.create(null, content);
    top.push(title);
    pos += title.nodeSize;
    i = 1;
  }

  // At least one section, so that an empty text still gives a valid document.
  do {
    // One section: an optional heading, then blocks until the next heading.
    const sectionStart = pos;
    const children: PMNode[] = [];
    let inner = sectionStart + 1;
    let count = 0;
    const first = blocks[i];
    const continued = first !== undefined && first.type !== 'heading' && top.some((n) => n.type.name === 'section');
    if (first?.type === 'heading') {
      const index = outline.length;
      outline.push({ index, text: segText(source, first), from: first.segments[0]?.from ?? first.span.from });
      const heading = schema.nodes.heading.create({ index }, inlineContent(first, inner + 1));
      children.push(heading);
      inner += heading.nodeSize;
      i++;
    }
    while (i < blocks.length && blocks[i]!.type !== 'heading' && count < MAX_SECTION_BLOCKS) {
      const block = blocks[i]!;
      if (block.type === 'list-item' || block.type === 'note') {
        const listType = block.type === 'note' ? schema.nodes.notes : schema.nodes.bullet_list;
        const items: PMNode[] = [];
        let itemPos = inner + 1;
        while (i < blocks.length && blocks[i]!.type === block.type && count < MAX_SECTION_BLOCKS) {
          const b = blocks[i]!;
          const item =
            b.type === 'note'
              ? schema.nodes.note.create({ number: b.number ?? 0, backlinks: (b.backlinks ?? []).join(' ') }, inlineContent(b, itemPos + 1))
              : schema.nodes.list_item.create(null, inlineContent(b, itemPos + 1));
          items.push(item);
          itemPos += item.nodeSize;
          i++;
          count++;
        }
        const list = listType.create(null, items);
        children.push(list);
        inner += list.nodeSize;
        continue;
      }
      const type = block.type === 'caption' ? schema.nodes.caption : schema.nodes.paragraph;
      const node = type.create(null, inlineContent(block, inner + 1));
      children.push(node);
      inner += node.nodeSize;
      i++;
      count++;
    }
    const section = schema.nodes.section.create({ continued }, children);
    top.push(section);
    pos += section.nodeSize;
  } while (i < blocks.length);

  const doc = schema.nodes.doc.create(null, top);
  return { doc, map: new OffsetMap(segments), outline };
}

function segText(source: string, block: Block): string {
  return block.segments.map((s) => source.slice(s.from, s.to)).join(' ');
}

function marksOf(block: Block): InlineMarkSpan[] {
  const spans: InlineMarkSpan[] = [];
  for (const m of block.markers) spans.push({ from: m.from, to: m.to, mark: schema.marks.noteref.create({ number: m.number, style: m.style }) });
  for (const u of block.unsupported) spans.push({ from: u.from, to: u.to, mark: schema.marks.unsupported.create() });
  for (const d of block.debris ?? []) spans.push({ from: d.from, to: d.to, mark: schema.marks.debris.create() });
  return spans;
}

/** The segment's text as text nodes, split where marks start and end. */
function textWithMarks(source: string, seg: SourceSpan, marks: readonly InlineMarkSpan[]): PMNode[] {
  const cuts = new Set<number>([seg.from, seg.to]);
  for (const m of marks) {
    if (m.to <= seg.from || m.from >= seg.to) continue;
    cuts.add(Math.max(m.from, seg.from));
    cuts.add(Math.min(m.to, seg.to));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: PMNode[] = [];
  for (let k = 0; k + 1 < points.length; k++) {
    const a = points[k]!;
    const b = points[k + 1]!;
    if (b <= a) continue;
    const active = marks.filter((m) => m.from <= a && m.to >= b).map((m) => m.mark);
    out.push(schema.text(source.slice(a, b), active));
  }
  return out;
}
