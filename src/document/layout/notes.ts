/**
 * Notes lists in the styles plain texts carry them:
 *
 * - numbered entries with a backlink sign, as Wikipedia prints them:
 *   `3. ^ a b Smith…`, `3. **^** Smith…`, `3. ^ _**a**_ _**b**_ Smith…`,
 *   `3. ^ Jump up to: a b Smith…`; numbered entries without a sign under a
 *   Notes/Endnotes heading (`1. Smith, 2014: 29.`);
 * - unnumbered `Jump up ^ Smith…` / `^ Smith…` entries under a notes heading;
 * - bracketed entries `[3] Smith…` and reStructuredText `.. [3] Smith…`;
 * - Gutenberg footnote blocks `[Footnote 3: Smith…]`, wherever they stand;
 * - Markdown definitions `[^3]: Smith…`.
 *
 * Each reader takes a group of lines and returns its entries, or null when
 * the group is not a notes list of its style.
 */
import { indentOf, trimmed, type Line } from './lines.ts';
import { newBlock, type MutableBlock } from './blocks.ts';

export const NOTES_HEADING = /^(?:(?:explanatory |general )?notes|references|endnotes|footnotes|sources|citations|bibliography|works cited|notes and references)$/iu;

/** `3.` then an optional backlink sign in any of its converted forms. */
const NUMBERED = /^(\s*)(\d{1,4})\.(?=\s|$)\s*((?:\*\*\^\*\*|\^)?\s*(?:Jump up(?: to)?:?\s*\^?)?)[ \t]*/u;
const JUMP_UP = /^(\s*)(?:\^\s*)?Jump up(?: to:?)?\s*\^?\s*/u;
const CARET_ONLY = /^(\s*)\^\s+(?=\S)/u;
/** Backlink letters: `a b c ` (the last may be glued to the entry: `a bBhatta`) or `_**a**_ _**b**_ `. */
const LETTERS = /^((?:[a-z] )+[a-z])(?=\s|\p{Lu}|["“])\s*/u;
const MD_LETTERS = /^((?:_\*\*[a-z]\*\*_\s*)+)/u;

function backlinks(rest: string): { letters: string[]; length: number } | null {
  const md = MD_LETTERS.exec(rest);
  const m = md ?? LETTERS.exec(rest);
  if (!m) return null;
  const letters = m[1]!.replace(/[_*]/gu, ' ').trim().split(/\s+/u);
  // Backlink letters run a, b, c…; anything else is the entry's own text.
  if (letters.length < 2 || !letters.every((l, k) => l === String.fromCharCode(97 + k))) return null;
  return { letters, length: m[0].length };
}

function entry(line: Line, skip: number, style: NonNullable<MutableBlock['noteStyle']>): MutableBlock {
  const content = trimmed(line, skip);
  const block = newBlock('note', content ? [content] : [], { from: line.from, to: line.to });
  block.noteStyle = style;
  return block;
}

function continueEntry(last: MutableBlock, line: Line, skip = 0): void {
  const content = trimmed(line, skip);
  if (content) last.segments.push(content);
  last.span = { from: last.span.from, to: line.to };
}

/**
 * Numbered entries (`3. …`) with indented continuation lines. A list whose
 * entries carry a backlink sign is a notes list anywhere; one without, only
 * under a notes heading. `lenient`: continuation lines need no indent (the
 * group was already cut at the entry's end, as in hard-wrapped text).
 */
export function readNumberedNotes(raw: readonly Line[], underNotesHeading: boolean, lenient = false): MutableBlock[] | null {
  const first = NUMBERED.exec(raw[0]!.text);
  if (!first) return null;
  const entryIndent = first[1]!.length;
  // Entries align on their indent or, right-aligned, on the period after the number;
  // a number deeper in (`      2011.`) is a continuation line.
  const dot = (m: RegExpExecArray) => m[1]!.length + m[2]!.length;
  const entryAt = (text: string): RegExpExecArray | null => {
    const m = NUMBERED.exec(text);
    return m && (m[1]!.length === entryIndent || dot(m) === dot(first)) ? m : null;
  };
  let caret = false;
  for (const line of raw) {
    const m = entryAt(line.text);
    if (m) {
      if (m[3]!.trim()) caret = true;
    } else if (!lenient && indentOf(line.text) <= entryIndent) {
      return null;
    }
  }
  if (!caret && !underNotesHeading) return null;
  const entries: MutableBlock[] = [];
  for (const line of raw) {
    const m = entryAt(line.text);
    if (!m) {
      continueEntry(entries[entries.length - 1]!, line);
      continue;
    }
    let skip = m[0].length;
    const sign = m[3]!.trim();
    const links = sign ? backlinks(line.text.slice(skip)) : null;
    if (links) skip += links.length;
    const style = /Jump up/u.test(sign) ? 'jump-up' : sign ? 'numbered-caret' : 'numbered';
    const block = entry(line, skip, style);
    block.number = Number(m[2]);
    block.backlinks = links?.letters ?? [];
    block.caret = sign !== '';
    entries.push(block);
  }
  return entries;
}

/**
 * Unnumbered entries under a notes heading that begin with their backlink
 * sign (`Jump up ^ Smith…`, `^ Smith…`), numbered in order from `next`.
 */
export function readUnnumberedNotes(raw: readonly Line[], underNotesHeading: boolean, next: number): MutableBlock[] | null {
  if (!underNotesHeading) return null;
  const start = (text: string) => JUMP_UP.exec(text) ?? CARET_ONLY.exec(text);
  const first = start(raw[0]!.text);
  if (!first) return null;
  const entries: MutableBlock[] = [];
  for (const line of raw) {
    const m = start(line.text);
    if (!m) {
      if (indentOf(line.text) <= first[1]!.length) return null;
      continueEntry(entries[entries.length - 1]!, line);
      continue;
    }
    let skip = m[0].length;
    const links = backlinks(line.text.slice(skip));
    if (links) skip += links.length;
    const block = entry(line, skip, /Jump up/u.test(m[0]) ? 'jump-up' : 'numbered-caret');
    block.number = next + entries.length;
    block.backlinks = links?.letters ?? [];
    block.caret = true;
    entries.push(block);
  }
  return entries;
}

const BRACKET_ENTRY = /^(\s*)(\.\.\s+)?\[(\d{1,4}|[a-z]|#[\w-]*)\][ \t]+(?=\S)/u;

/**
 * Bracketed entries: `[3] Smith…` lines (a list of at least two, or under a
 * notes heading) and reStructuredText `.. [3] Smith…` definitions (anywhere).
 * Continuation lines are indented.
 */
export function readBracketNotes(raw: readonly Line[], underNotesHeading: boolean): MutableBlock[] | null {
  const first = BRACKET_ENTRY.exec(raw[0]!.text);
  if (!first) return null;
  const rst = first[2] !== undefined;
  let count = 0;
  for (const line of raw) {
    const m = BRACKET_ENTRY.exec(line.text);
    if (m) count++;
    else if (indentOf(line.text) <= first[1]!.length && !/^\\/u.test(line.text)) return null;
  }
  if (!rst && !underNotesHeading && count < 2) return null;
  const entries: MutableBlock[] = [];
  for (const line of raw) {
    const m = BRACKET_ENTRY.exec(line.text);
    if (!m) {
      continueEntry(entries[entries.length - 1]!, line, /^\\/u.test(line.text) ? 1 : 0);
      continue;
    }
    const block = entry(line, m[0].length, 'bracket-n');
    setLabel(block, m[3]!);
    if (m[2] !== undefined) block.directive = true;
    block.caret = true;
    entries.push(block);
  }
  return entries;
}

const FOOTNOTE_BLOCK = /^\s*\[Footnote ([\w]{1,6}):\s*/u;

/** Gutenberg footnote blocks: `[Footnote 3: text…]`, the closing bracket ending the note. */
export function readFootnoteBlocks(raw: readonly Line[]): MutableBlock[] | null {
  if (!FOOTNOTE_BLOCK.test(raw[0]!.text)) return null;
  const entries: MutableBlock[] = [];
  let open = false;
  for (const line of raw) {
    const m = FOOTNOTE_BLOCK.exec(line.text);
    if (m && !open) {
      const closes = /\]\s*$/u.test(line.text);
      const block = entry(line, m[0].length, 'footnote-block');
      if (closes) cutClosingBracket(line, block);
      setLabel(block, m[1]!);
      block.caret = true;
      entries.push(block);
      open = !closes;
      continue;
    }
    if (!open) return null;
    const last = entries[entries.length - 1]!;
    continueEntry(last, line);
    if (/\]\s*$/u.test(line.text)) {
      cutClosingBracket(line, last);
      open = false;
    }
  }
  return entries;
}

/** The closing `]` of a footnote block is markup, not note text. */
function cutClosingBracket(line: Line, block: MutableBlock): void {
  const last = block.segments[block.segments.length - 1];
  if (!last || last.to <= line.from) return;
  const cut = trimmed(line, last.from - line.from, line.text.length - line.text.trimEnd().length + 1);
  if (cut) block.segments[block.segments.length - 1] = cut;
  else block.segments.pop();
}

const MD_DEF = /^(\s{0,3})\[\^([^\]\s]{1,12})\]:[ \t]*/u;

/** Markdown footnote definitions: `[^3]: text`, continuation lines indented. */
export function readMarkdownDefinitions(raw: readonly Line[]): MutableBlock[] | null {
  if (!MD_DEF.test(raw[0]!.text)) return null;
  const entries: MutableBlock[] = [];
  for (const line of raw) {
    const m = MD_DEF.exec(line.text);
    if (!m) {
      continueEntry(entries[entries.length - 1]!, line);
      continue;
    }
    const block = entry(line, m[0].length, 'markdown-def');
    setLabel(block, m[2]!);
    block.caret = true;
    entries.push(block);
  }
  return entries;
}

/** A numeric label is the entry's number; any other (`a`, `I`, `#note`) its label. */
function setLabel(block: MutableBlock, label: string): void {
  if (/^\d+$/u.test(label)) block.number = Number(label);
  else block.label = label;
}
