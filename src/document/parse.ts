/**
 * Plain text → blocks, by general rules of layout only.
 *
 * The importer first reads the text's layout (`layout/profile.ts`): how
 * paragraphs are separated, how headings are marked; then lines become units
 * (`layout/units.ts`), units become groups (`layout/groups.ts`), and groups
 * become blocks: a title, section headings, paragraphs, bulleted lists,
 * notes lists in several styles (`layout/notes.ts`), caption debris and
 * chrome, with footnote markers (`layout/markers.ts`). No rule names a
 * sentence, number or date of any particular text. It never changes the
 * text: every block is a list of source ranges.
 */
import type { BlockType, LayoutProfile, ParsedText, SourceSpan } from './structure.ts';
import { newBlock, type MutableBlock } from './layout/blocks.ts';
import { chromeLines } from './layout/chrome.ts';
import { groupUnits, wrappedHeading, type Group } from './layout/groups.ts';
import { isDisplayLine, isHeadingLine, isLabelAndValue, isWrappedHeading } from './layout/headings.ts';
import { demoteClosingLine, setAsideTitlePage } from './layout/title-page.ts';
import { demoteCoverLabels, demoteTableHeaders } from './layout/cover-labels.ts';
import { indentOf, splitLines, startsLowercase, trimmed, words, type Line } from './layout/lines.ts';
import { findMarkers, LETTERED, markerSyntax } from './layout/markers.ts';
import {
  NOTES_HEADING,
  readBracketNotes,
  readFootnoteBlocks,
  readMarkdownDefinitions,
  readNumberedNotes,
  readUnnumberedNotes,
} from './layout/notes.ts';
import { detectLayout, wrapWidth } from './layout/profile.ts';
import { runningHeadLines } from './layout/running-heads.ts';
import { readUnits } from './layout/units.ts';

export { isHeadingLine } from './layout/headings.ts';
export { describeProfile, readLayoutOverride, LayoutError } from './layout/profile.ts';

export interface ParseOptions {
  /** The document's known title (from the manifest). The first block becomes the title node only if it equals it. */
  readonly title?: string | null;
  /** Parts of the layout given by the manifest instead of read from the text. */
  readonly layout?: Partial<LayoutProfile>;
}

/** A paragraph of at least this many words (not a caption) ends the lead zone where caption debris lives. */
const BODY_PARAGRAPH_WORDS = 8;
/** Positional cues that mark an image caption. */
const CAPTION_CUE = /\((?:left|right|center|centre|pictured|top|bottom|above|below)\)/iu;
const BULLET = /^(\s*)[•·▪◦‣*+-](?=\s)\s*/u;
/** Verse, lists and tables set off from prose are indented at least this much… */
const SET_OFF_INDENT = 3;
/** …and most of their lines are shorter than this (a wrapped block quotation's lines are full). */
const SET_OFF_SHORT = 50;
/** An encyclopedia's hatnote pointing to another article (`Main article: Housing`): a note, never a heading. */
const HATNOTE = /^\s*(?:Main articles?|Further information|See also|Further|Related articles?)\s*:\s/iu;
/** A table row: cells set apart by `|` or by runs of spaces. */
const TABLE_ROW = /\S\s*\|\s*\S|\S {3,}\S/u;

/**
 * Parses a plain text into blocks.
 * Never throws on any string; an empty or blank text gives no blocks.
 */
export function parsePlainText(source: string, options: ParseOptions = {}): ParsedText {
  const lines = splitLines(source);
  const fileChrome = chromeLines(lines, false);
  const detected = detectLayout(lines.filter((_, k) => !fileChrome.has(k)));
  const paragraphs = options.layout?.paragraphs ?? detected.paragraphs;
  const headings = options.layout?.headings ?? detected.headings;
  const width = detected.width || wrapWidth(lines);
  const marked = headings === 'markdown' || headings === 'starred' || headings === 'setext';
  const chrome = chromeLines(lines, marked);
  const heads = paragraphs === 'hard-wrapped' ? runningHeadLines(lines) : new Set<number>();
  const units = readUnits(source, lines, headings === 'none' ? 'plain' : headings, chrome, heads);
  const groups = groupUnits(units, paragraphs, width);
  const classic = paragraphs === 'blank-lines' && headings === 'plain';
  const blocks = readBlocks(source, groups, { classic, hardWrapped: paragraphs === 'hard-wrapped', headingsAllowed: headings !== 'none', unknown: paragraphs === 'unknown' }, width);
  if (paragraphs === 'hard-wrapped' && headings !== 'none') joinWrappedHeadings(source, blocks, width);
  markShortNumberedRuns(source, blocks);
  renumberListDebris(blocks);
  demoteBareBracketEntries(blocks);
  labelLetteredNotes(source, blocks);
  setAsideTitlePage(source, blocks);
  demoteClosingLine(blocks);
  const hasTitle = markTitle(source, blocks, options.title);
  markCaptionDebris(source, blocks, hasTitle, classic);
  if (!marked) demoteFigureLabels(blocks);
  if (headings === 'capitals') {
    demoteCoverLabels(source, blocks);
    demoteTableHeaders(source, blocks);
  }
  const syntax = markerSyntax(source);
  const allowed = options.layout?.markers;
  findMarkers(source, blocks, allowed === 'none' ? { markdown: false, caret: false, glued: false } : syntax);
  if (allowed === 'none') for (const b of blocks) b.markers = [];
  if (options.layout?.notes === 'none') for (const b of blocks) if (b.type === 'note') b.type = 'paragraph';
  const profile: LayoutProfile = {
    paragraphs,
    headings,
    markers: options.layout?.markers ?? markerStyleOf(blocks),
    notes: options.layout?.notes ?? notesStyleOf(blocks),
  };
  return { source, blocks: blocks.map(freeze), hasTitle, profile };
}

function freeze(b: MutableBlock): ParsedText['blocks'][number] {
  const { noteStyle: _style, caret: _caret, chrome: _chrome, directive: _directive, ...block } = b;
  return block;
}

interface ReadOptions {
  /** Blank-line paragraphs with plain headings: the layout this importer was first built on, read as it always was. */
  readonly classic: boolean;
  readonly hardWrapped: boolean;
  readonly headingsAllowed: boolean;
  /** The layout was not recognised: every line is a plain paragraph. */
  readonly unknown: boolean;
}

function readBlocks(source: string, groups: readonly Group[], options: ReadOptions, width: number): MutableBlock[] {
  const blocks: MutableBlock[] = [];
  let underNotesHeading = false;
  let nextUnnumbered = 1;
  for (let i = 0; i < groups.length; i++) {
    const group = groups[i]!;
    if (group.kind === 'heading') {
      const block = newBlock('heading', [...group.segments], spanOf(group.lines));
      blocks.push(block);
      underNotesHeading = NOTES_HEADING.test(group.segments.map((s) => source.slice(s.from, s.to)).join(' ').trim());
      nextUnnumbered = 1;
      continue;
    }
    if (group.kind === 'chrome') {
      const segments = group.lines.map((l) => trimmed(l)).filter((s): s is SourceSpan => s !== null);
      if (segments.length) blocks.push({ ...newBlock('caption', segments, spanOf(group.lines)), chrome: true });
      continue;
    }
    const raw = group.lines;
    if (options.unknown) {
      // A layout we do not know: plain paragraphs, one per line, nothing guessed.
      blocks.push(plainBlock(raw, group.debris));
      continue;
    }
    const notes =
      readFootnoteBlocks(raw) ??
      readMarkdownDefinitions(raw) ??
      readBracketNotes(raw, underNotesHeading) ??
      readNumberedNotes(raw, underNotesHeading, options.hardWrapped) ??
      readUnnumberedNotes(raw, underNotesHeading, nextUnnumbered);
    if (notes) {
      // One push per entry: a spread of an input-sized list can overflow the stack on hostile files.
      for (const note of notes) blocks.push(note);
      if (notes[0]!.noteStyle !== 'footnote-block') nextUnnumbered = notes.reduce((max, n) => Math.max(max, n.number ?? 0), 0) + 1;
      continue;
    }
    const items = readBulletItems(source, raw, options.hardWrapped);
    if (items) {
      for (const item of items) blocks.push(item);
      continue;
    }
    if (isIndentedEntry(raw)) {
      blocks.push({ ...plainBlock(raw, group.debris), type: 'list-item' });
      continue;
    }
    if (isSetOffBlock(raw)) {
      blocks.push({ ...plainBlock(raw, group.debris), type: 'caption' });
      continue;
    }
    if (options.classic) {
      underNotesHeading = readClassic(raw, groups[i + 1], blocks, underNotesHeading, source);
      continue;
    }
    const block = plainBlock(raw, group.debris);
    const text = raw.map((l) => l.text.trim()).join(' ');
    const wrappedTitle = options.hardWrapped && options.headingsAllowed && wrappedHeading(group, width) && headsProse(groups[i + 1], width);
    if (wrappedTitle || (raw.length === 1 && options.headingsAllowed && isStandaloneHeading(text, groups[i + 1], options.hardWrapped ? width : 0))) {
      block.type = 'heading';
      underNotesHeading = NOTES_HEADING.test(text);
    } else if (underNotesHeading) {
      // Under References or Bibliography, an entry that is not a numbered note is a bibliography entry: a list item.
      block.type = 'list-item';
    } else if (options.hardWrapped && FIGURE_NOTE.test(raw[0]!.text)) {
      // A PDF figure's notes or source (`Source: Authors.`) belong to the figure, not the prose.
      block.type = 'caption';
    } else if (isLabelOrRow(raw)) {
      block.type = 'caption';
    }
    blocks.push(block);
  }
  return blocks;
}

/** A numbered list counts from here: runs starting later are numbered paragraphs (`350.`, `351.` of regulations). */
const LIST_FIRST_NUMBER = 2;
/** At least this many entries in sequence… */
const LIST_RUN = 3;
/** …each at most this long, make a list; longer numbered blocks are run-in paragraphs (`1. Building. Investments in …`). */
const LIST_ENTRY_WORDS = 60;

/**
 * Paragraphs numbered in sequence from 1 (or 2, after a first entry read
 * otherwise), each short (`1. It included …`, `2. It transformed …`): the
 * entries of a list, not prose paragraphs.
 */
function markShortNumberedRuns(source: string, blocks: MutableBlock[]): void {
  const numberOf = (b: MutableBlock) => {
    if (b.type !== 'paragraph') return null;
    const m = /^(\d{1,3})[.)]\s/u.exec(textOf(source, b).trimStart());
    return m && words(textOf(source, b)).length <= LIST_ENTRY_WORDS ? Number(m[1]) : null;
  };
  for (let i = 0; i < blocks.length; i++) {
    const first = numberOf(blocks[i]!);
    if (first === null || first > LIST_FIRST_NUMBER) continue;
    let k = i + 1;
    while (k < blocks.length && numberOf(blocks[k]!) === first + (k - i)) k++;
    if (k - i >= LIST_RUN) for (let j = i; j < k; j++) blocks[j]!.type = 'list-item';
    i = k - 1;
  }
}

/**
 * A short label line directly above a one-line heading is the heading's first
 * line when the two read as one title-case heading (`The Changing Role of the
 * Participatory` / `Budget: 2005–16`): the label line was cut off from it
 * because alone it looks finished.
 */
function joinWrappedHeadings(source: string, blocks: MutableBlock[], width: number): void {
  for (let k = blocks.length - 2; k >= 0; k--) {
    const first = blocks[k]!;
    const heading = blocks[k + 1]!;
    if (heading.type !== 'heading' || heading.segments.length !== 1 || first.segments.length !== 1) continue;
    if (first.type !== 'caption' && first.type !== 'paragraph') continue;
    if ((first as { chrome?: boolean }).chrome) continue;
    const gap = source.slice(first.span.to, heading.span.from);
    if (!/^[ \t]*\r?\n[ \t]*$/u.test(gap)) continue;
    const line = textOf(source, first).trim();
    if (line.length >= width * 0.6 || !isWrappedHeading(`${line} ${textOf(source, heading)}`)) continue;
    blocks.splice(k, 2, newBlock('heading', [...first.segments, ...heading.segments], { from: first.span.from, to: heading.span.to }));
  }
}

/** The group after a heading candidate is wrapped prose: two lines or more, the first near the wrap width, not figures. */
function headsProse(next: Group | undefined, wrapWidth: number): boolean {
  if (next?.kind !== 'text' || next.lines.length < 2) return false;
  const first = next.lines[0]!.text;
  return first.trim().length >= wrapWidth * 0.6 && !mostlyFigures(first) && !startsLowercase(first);
}

/**
 * A one-line group that is a heading in a text whose headings are not marked:
 * a display line (capitals, italics) or a label line with letters, not a
 * table row, not followed by a lowercase continuation.
 */
function isStandaloneHeading(text: string, next: Group | undefined, wrapWidth: number): boolean {
  if (TABLE_ROW.test(text) || HATNOTE.test(text)) return false;
  const nextLine = next?.kind === 'text' ? next.lines[0]!.text : '';
  if (nextLine && startsLowercase(nextLine)) return false;
  if (isDisplayLine(text)) return true;
  // In hard-wrapped text, a label line standing over a paragraph of full-width lines heads it.
  // A row of figures under it (a chart's axis) makes it the chart's label, not a heading.
  if (!(wrapWidth > 0 && isHeadingLine(text) && next?.kind === 'text' && next.lines.length >= 2) || mostlyFigures(nextLine)) return false;
  return nextLine.trim().length >= wrapWidth * 0.6 || headsColumn(text, next.lines);
}

/** Lines of a column under a heading: at least this many… */
const COLUMN_LINES = 3;
/** …the first as long as the column's longest but this share… */
const COLUMN_FULL = 0.85;
/** …and a heading over it at most this share of the first's length. */
const HEADING_OF_COLUMN = 0.5;

/**
 * A label over a paragraph set in a narrower column than the text's wrap
 * width (a two-column page, back matter in a box): the paragraph's first line
 * runs the column's full width, and the label is much shorter than it.
 */
function headsColumn(text: string, lines: readonly Line[]): boolean {
  if (lines.length < COLUMN_LINES) return false;
  const lengths = lines.slice(0, 5).map((l) => l.text.trim().length);
  const first = lengths[0]!;
  return first >= Math.max(...lengths) * COLUMN_FULL && text.trim().length <= first * HEADING_OF_COLUMN;
}

/** A figure's notes or source line in a PDF extract. */
const FIGURE_NOTE = /^\s*(?:Notes?|Sources?):\s/u;
/** A sentence ending inside a line, the next one starting after it: `…over time. Porto Alegre’s`. */
const INNER_SENTENCE_END = /\p{Ll}{2}[.!?]["”’)]?\d{0,3}\s+["“‘]?\p{Lu}\p{Ll}/u;
/** Lines a group needs before a sentence end inside one shows it is wrapped prose. */
const WRAPPED_PROSE_LINES = 3;
/** A line ending a sentence (a note marker or inline tag after the stop allowed). */
const ENDS_SENTENCE = /[.!?:;]["”’)\]*_]*(?:\s*\[[^\]]{1,20}\])*\d{0,3}$/u;

/**
 * A label, caption, table or site chrome rather than a paragraph: table rows
 * (cells set off by `|` or runs of spaces, Markdown rules, lines of figures),
 * or lines none of which ends a sentence (prose paragraphs end with one).
 */
function isLabelOrRow(raw: readonly Line[]): boolean {
  const row = (l: Line) =>
    TABLE_ROW.test(l.text.trim()) || /^\s*\|/u.test(l.text) || /^\s*-{3,}\s*$/u.test(l.text) || mostlyFigures(l.text) || isLabelAndValue(l.text);
  if (raw.every(row) || raw.filter(row).length > raw.length / 2) return true;
  if (raw.length === 1 && isCollapsedWidget(raw[0]!.text)) return true;
  // Wrapped prose whose sentence ends all fall inside lines (`…over time. Porto Alegre’s`) is still prose.
  if (raw.length >= WRAPPED_PROSE_LINES && raw.some((l) => INNER_SENTENCE_END.test(l.text))) return false;
  return !raw.some((l) => ENDS_SENTENCE.test(l.text.trim()));
}

/**
 * A web page's collapsed widget or loading placeholder (`Loading content...`,
 * `Quick Facts Reign, Spouse ...`): one short line that trails off in three
 * dots without a sentence before them, and is not a quotation.
 */
function isCollapsedWidget(text: string): boolean {
  const t = text.trim();
  if (t.length > 90 || !/[^.]\s?\.{3}$/u.test(t) || /^["'“‘>(]/u.test(t)) return false;
  return !/[.!?]["”’)]*\s/u.test(t.slice(0, -3));
}

/**
 * A block set off from the prose: an illustration placeholder (`[Illustration]`,
 * `[Music illustration: …]`), or lines all indented (verse, a word list, a
 * table) most of which are too short to be wrapped prose.
 */
function isSetOffBlock(raw: readonly Line[]): boolean {
  if (/^\s*\[(?:[\w ]{0,20}illustration\b)/iu.test(raw[0]!.text)) return true;
  return raw.every((l) => indentOf(l.text) >= SET_OFF_INDENT) && raw.filter((l) => l.text.trim().length < SET_OFF_SHORT).length > raw.length / 2;
}

/** An indented entry of a numbered list or glossary (`     4. A collection…`, `     _Term._ Meaning…`) is a list item, not prose. */
function isIndentedEntry(raw: readonly Line[]): boolean {
  return raw.every((l) => indentOf(l.text) >= SET_OFF_INDENT) && /^\s*(?:\d{1,4}(?:\s*[-,–]\s*\d{1,4})*\.\s|_[^_]{1,40}\._\s)/u.test(raw[0]!.text);
}

/** A line of figures (a table row): fewer than two in five of its characters are letters. */
function mostlyFigures(text: string): boolean {
  const chars = text.replace(/\s/gu, '');
  return chars.length > 0 && (chars.match(/\p{L}/gu) ?? []).length < chars.length * 0.4;
}

/**
 * The classic reading of a blank-line group: lines stacked without a blank
 * line are one paragraph unless one of them is a short label (an infobox);
 * a single label line is a heading unless a lowercase line continues it. A
 * single display line (`THE SNAKE DANCE.`) is a heading too.
 */
function readClassic(raw: Line[], nextGroup: Group | undefined, blocks: MutableBlock[], underNotesHeading: boolean, source: string): boolean {
  void source;
  const parts = splitAtLabels(raw);
  for (let k = 0; k < parts.length; k++) {
    const part = parts[k]!;
    const block = plainBlock(part, []);
    blocks.push(block);
    if (part.length !== 1) continue;
    const nextGroupLine = nextGroup && nextGroup.kind !== 'chrome' ? nextGroup.lines[0] : undefined;
    const next = parts[k + 1]?.[0] ?? nextGroupLine;
    const text = part[0]!.text;
    if ((isHeadingLine(text) || isDisplayLine(text)) && !(next && startsLowercase(next.text))) {
      block.type = 'heading';
      underNotesHeading = NOTES_HEADING.test(text.trim());
    }
  }
  return underNotesHeading;
}

function spanOf(lines: readonly Line[]): SourceSpan {
  return { from: lines[0]!.from, to: lines[lines.length - 1]!.to };
}

/** A block of bulleted lines; an indented line under an item continues it (any line, in hard-wrapped text). */
function readBulletItems(source: string, raw: Line[], lenient: boolean): MutableBlock[] | null {
  const first = BULLET.exec(raw[0]!.text);
  if (!first) return null;
  const bulletIndent = first[1]!.length;
  for (const line of raw) {
    if (!lenient && !BULLET.test(line.text) && indentOf(line.text) <= bulletIndent) return null;
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

function plainBlock(raw: readonly Line[], debris: readonly SourceSpan[]): MutableBlock {
  const segments = raw.map((line) => trimmed(line)).filter((s): s is SourceSpan => s !== null);
  const block = newBlock('paragraph', segments, { from: raw[0]!.from, to: raw[raw.length - 1]!.to });
  if (debris.length) block.debris = [...debris];
  return block;
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
 * In a notes list whose references carry the backlink sign, an entry without
 * it (a style sheet, an empty item, a dead-link tag the converter numbered) is
 * conversion debris: the printed numbers run on through it, the markers do
 * not. Such a list is renumbered by its references alone, and the debris
 * entries keep no number.
 */
function renumberListDebris(blocks: MutableBlock[]): void {
  for (const list of noteLists(blocks)) {
    const numbered = list.filter((b) => b.noteStyle === 'numbered-caret' || b.noteStyle === 'jump-up' || b.noteStyle === 'numbered');
    const withCaret = numbered.filter((b) => b.caret);
    const debris = numbered.filter((b) => !b.caret);
    if (debris.length === 0 || withCaret.length < numbered.length * 0.75) continue;
    const consecutive = numbered.every((b, k) => k === 0 || b.number === numbered[k - 1]!.number! + 1);
    if (!consecutive) continue;
    let n = numbered[0]!.number!;
    for (const b of numbered) {
      if (b.caret) b.number = n++;
      else delete b.number;
    }
  }
}

/**
 * Where notes are reStructuredText directives (`.. [3] text`), a `[3] text`
 * line without the directive is not a footnote in that syntax (an author may
 * write one so on purpose, to keep an entry out of the notes): it is an
 * entry of the bibliography, not a note markers resolve to.
 */
function demoteBareBracketEntries(blocks: MutableBlock[]): void {
  if (!blocks.some((b) => b.type === 'note' && b.directive)) return;
  for (const b of blocks) {
    if (b.type !== 'note' || b.noteStyle !== 'bracket-n' || b.directive) continue;
    b.type = 'list-item';
    delete b.number;
    delete b.label;
    delete b.noteStyle;
  }
}

/** Runs of consecutive note blocks: one notes list each. */
function noteLists(blocks: readonly MutableBlock[]): MutableBlock[][] {
  const lists: MutableBlock[][] = [];
  let current: MutableBlock[] = [];
  for (const b of blocks) {
    if (b.type === 'note' && b.noteStyle !== 'footnote-block') current.push(b);
    else if (b.type === 'heading' || b.type === 'paragraph') {
      if (current.length) lists.push(current);
      current = [];
    }
  }
  if (current.length) lists.push(current);
  return lists;
}

/**
 * Lettered notes (`[a]`, `[b]` in the text) printed as a numbered list of
 * their own (a Wikipedia "Notes" list before the "References"): the first
 * list with exactly as many entries as there are letters cited takes them,
 * in order.
 */
function labelLetteredNotes(source: string, blocks: MutableBlock[]): void {
  const letters = new Set<string>();
  for (const b of blocks) {
    if (b.type === 'note' || b.type === 'title') continue;
    for (const s of b.segments) for (const m of source.slice(s.from, s.to).matchAll(LETTERED)) letters.add(m[1]!);
  }
  if (!letters.size || blocks.some((b) => b.type === 'note' && b.label && /^[a-z]$/u.test(b.label))) return;
  const cited = [...letters].sort();
  if (!cited.every((l, k) => l === String.fromCharCode(97 + k))) return;
  const lists = noteLists(blocks);
  const list = lists.length >= 2 ? lists.find((l) => l.length === cited.length) : undefined;
  if (!list) return;
  list.forEach((b, k) => {
    b.label = cited[k]!;
  });
}

/**
 * Image-caption debris: a block repeating the title, a short block with a
 * positional caption cue ("(left)"), and heading-like labels adjacent to those
 * in the lead zone (before the first body paragraph). Inside a list item, a
 * continuation line repeating the item is its image caption.
 */
function markCaptionDebris(source: string, blocks: MutableBlock[], hasTitle: boolean, classic: boolean): void {
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
  // Labels next to a caption in the lead zone belong to the same figure or infobox
  // (where headings are marked up, a heading is a heading wherever it stands).
  let changed = classic;
  while (changed) {
    changed = false;
    for (let i = 0; i < bodyStart; i++) {
      const block = blocks[i]!;
      if (block.type !== 'heading') continue;
      const figure = (b: MutableBlock | undefined) => b?.type === 'caption' && !b.chrome;
      if (figure(blocks[i - 1]) || figure(blocks[i + 1])) {
        block.type = 'caption';
        changed = true;
      }
    }
  }
}

/**
 * A heading standing between two of a figure's caption blocks (`Figure 4 |
 * …`, its box labels, then `MUNICIPAL COUNCIL`, then more labels) is one of
 * the figure's labels set in capitals: a section heading is followed by its
 * text. Only where headings are not marked up: a marked heading is one
 * wherever it stands.
 */
function demoteFigureLabels(blocks: MutableBlock[]): void {
  const figure = (b: MutableBlock | undefined) => b?.type === 'caption' && !b.chrome;
  for (let i = 1; i < blocks.length - 1; i++) {
    if (blocks[i]!.type === 'heading' && figure(blocks[i - 1]) && figure(blocks[i + 1])) blocks[i]!.type = 'caption';
  }
}

function markerStyleOf(blocks: readonly MutableBlock[]): LayoutProfile['markers'] {
  const counts = new Map<string, number>();
  for (const b of blocks) for (const m of b.markers) counts.set(m.style, (counts.get(m.style) ?? 0) + 1);
  if (!counts.size) return 'none';
  if (blocks.some((b) => b.noteStyle === 'footnote-block') && counts.has('bracketed')) return 'footnote-block';
  return [...counts].sort((a, b) => b[1] - a[1])[0]![0] as LayoutProfile['markers'];
}

function notesStyleOf(blocks: readonly MutableBlock[]): LayoutProfile['notes'] {
  const counts = new Map<string, number>();
  for (const b of blocks) if (b.type === 'note' && b.noteStyle) counts.set(b.noteStyle, (counts.get(b.noteStyle) ?? 0) + 1);
  if (!counts.size) return 'none';
  return [...counts].sort((a, b) => b[1] - a[1])[0]![0] as LayoutProfile['notes'];
}

export type { BlockType };
