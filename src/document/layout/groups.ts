/**
 * Second pass: units → groups of lines, each the raw material of one or more
 * blocks. How text lines group is the paragraph style: blank-line
 * paragraphs; one paragraph per line; or hard-wrapped lines joined until a
 * line that ends a paragraph (a short line closing a sentence).
 */
import type { LayoutProfile, SourceSpan } from '../structure.ts';
import { endsInFunctionWord, isHeadingLine, isLabelAndValue, isWrappedHeading } from './headings.ts';
import { indentOf, startsLowercase, trimmed, type Line } from './lines.ts';
import type { Unit } from './units.ts';

export type Group =
  | { readonly kind: 'text'; readonly lines: Line[]; readonly debris: SourceSpan[] }
  | { readonly kind: 'heading'; readonly lines: readonly Line[]; readonly segments: readonly SourceSpan[] }
  | { readonly kind: 'chrome'; readonly lines: Line[] };

/** A line opening a list item or a notes entry. */
const ITEM_START = /^\s*(?:[•·▪◦‣*+-]\s|\d{1,4}[.)](?:\s|$)|\[[^\]\s]{1,12}\](?:_|:)?\s|\.\.\s+\[|\[Footnote |\^\s|Jump up|\[\^)/u;
/** A line ending a sentence, a footnote number or a marker after it allowed. */
const SENTENCE_END = /[.!?:;]["”’)\]]*(?:\s*\[?\d{1,3}\]?)?\s*$|[.!?]["”’]\s*\d{1,3}\s*$/u;
/** A line ending in a word or a comma, then two spaces or more: a hard line break inside a sentence. */
const HARD_BREAK_MID_SENTENCE = /[\p{L}\p{N},)] {2,}$/u;
/** A PDF figure's caption line (`Figure 2  |  Landscape…`, `Box 1 | Abbreviations`): it starts a block of its own. */
const FIGURE_CAPTION = /^\s*(?:Figure|Fig\.|Table|Box|Chart|Map|Exhibit)\s+[\dIVX]{1,3}[a-z]?\s+\|\s/u;
/** A figure's notes or source line (`Notes: …`, `Source: Authors.`): in hard-wrapped text it starts a block of its own. */
const FIGURE_NOTE = /^\s*(?:Notes?|Sources?):\s/u;
/** Block quotations in hard-wrapped text are indented at least this much. */
const QUOTE_INDENT = 4;
/** The last line of a hard-wrapped paragraph falls short of the wrap width by this share at least. */
const SHORT_LINE = 0.8;

export function isItemStart(text: string): boolean {
  return ITEM_START.test(text);
}

/** Groups `units` in `style`; `width` is the wrap width of hard-wrapped text. */
export function groupUnits(units: readonly Unit[], style: LayoutProfile['paragraphs'], width: number): Group[] {
  const groups: Group[] = [];
  let text: Extract<Group, { kind: 'text' }> | null = null;
  let chrome: Extract<Group, { kind: 'chrome' }> | null = null;
  // In hard-wrapped text a page break is a blank line and the page's running head or foot: a paragraph left
  // unfinished before it runs on after it. The paragraph stays open over the blank while heads follow.
  let blankAfterText = false;
  let headSinceBlank = false;
  const close = () => {
    text = null;
    blankAfterText = false;
    headSinceBlank = false;
  };
  for (let u = 0; u < units.length; u++) {
    const unit = units[u]!;
    if (unit.kind !== 'chrome') chrome = null;
    switch (unit.kind) {
      case 'blank':
        if (style === 'hard-wrapped' && text && !headSinceBlank) blankAfterText = true;
        else if (!(style === 'hard-wrapped' && text && headSinceBlank)) close();
        break;
      case 'heading':
        close();
        groups.push({ kind: 'heading', lines: unit.lines, segments: unit.segments });
        break;
      case 'chrome':
        close();
        if (!chrome) groups.push((chrome = { kind: 'chrome', lines: [] }));
        for (const item of unit.lines) chrome.lines.push(item);
        break;
      case 'head': {
        const span = trimmed(unit.line);
        const open: Extract<Group, { kind: 'text' }> | null = text;
        if (open && span && blankAfterText && !unfinishedLine(lastText(open).text)) {
          // The paragraph before the page break was finished: the head stands alone.
          close();
          groups.push({ kind: 'chrome', lines: [unit.line] });
        } else if (open && span) {
          open.lines.push(unit.line);
          open.debris.push(span);
          if (blankAfterText) headSinceBlank = true;
        } else {
          groups.push({ kind: 'chrome', lines: [unit.line] });
        }
        break;
      }
      case 'text': {
        if (blankAfterText && !(headSinceBlank && startsLowercase(unit.line.text))) close();
        blankAfterText = false;
        headSinceBlank = false;
        const current: Extract<Group, { kind: 'text' }> | null = text;
        const after = units[u + 1];
        const nextLine = after?.kind === 'text' ? after.line : undefined;
        if (current && continues(current, unit.line, style, width) && !(style === 'hard-wrapped' && labelBetween(current, unit.line, nextLine, width))) {
          current.lines.push(unit.line);
        } else {
          groups.push((text = { kind: 'text', lines: [unit.line], debris: [] }));
        }
        break;
      }
    }
  }
  return groups;
}

/**
 * In hard-wrapped text, a short label line (`Summary`) set directly under a
 * short line that is not prose (a table's or a figure's last row) and
 * directly over a full-width line of prose starting with a capital stands
 * alone: it is the heading of that prose, not the end of the row above nor
 * the start of the paragraph below. Wrapped prose never has a short line in
 * mid-paragraph, so a short line above and a full one below show the break.
 */
function labelBetween(group: Extract<Group, { kind: 'text' }>, line: Line, next: Line | undefined, width: number): boolean {
  const text = line.text.trim();
  if (!next || text.length >= width * HEADING_LINE || !isHeadingLine(text) || isItemStart(line.text)) return false;
  const prev = lastText(group).text.trim();
  const below = next.text.trim();
  if (prev.length >= width * SHORT_LINE || below.length < width * SHORT_LINE) return false;
  // A line above that breaks off (`…the Needs of the`, `…as follows:`) runs on into this one.
  if (endsInFunctionWord(prev) || /[,:;–—-]$/u.test(prev)) return false;
  return /^[\p{Lu}\p{Lt}]\p{Ll}/u.test(below) && !isItemStart(next.text) && indentOf(next.text) < QUOTE_INDENT;
}

/** A line that stops mid-sentence: no sentence end at its close (a note number after the stop allowed). */
function unfinishedLine(text: string): boolean {
  return !SENTENCE_END.test(text.trim());
}

/** The group's last line that is not a running head. */
function lastText(group: Extract<Group, { kind: 'text' }>): Line {
  for (let k = group.lines.length - 1; k >= 0; k--) {
    const line = group.lines[k]!;
    if (!group.debris.some((d) => d.from >= line.from && d.to <= line.to)) return line;
  }
  return group.lines[0]!;
}

/** Lines a wrapped heading may run over. */
const MAX_HEADING_LINES = 3;
/** A heading's lines are shorter than this share of the wrap width. */
const HEADING_LINE = 0.6;

/** The group so far is a heading wrapped over two or three short lines. */
export function wrappedHeading(group: { readonly lines: readonly Line[] }, width: number): boolean {
  const lines = group.lines;
  if (lines.length < 2 || lines.length > MAX_HEADING_LINES) return false;
  if (!lines.every((l) => l.text.trim().length < width * HEADING_LINE)) return false;
  return isWrappedHeading(lines.map((l) => l.text.trim()).join(' '));
}

function continues(group: Extract<Group, { kind: 'text' }>, line: Line, style: LayoutProfile['paragraphs'], width: number): boolean {
  if (style === 'blank-lines') return true;
  // A layout we do not know: every line stands alone, as a plain paragraph.
  if (style === 'unknown') return false;
  const first = group.lines[0]!;
  // An indented line under a list item or notes entry continues it, in any style.
  if (isItemStart(first.text) && indentOf(line.text) > indentOf(first.text) && !isItemStart(line.text)) return true;
  // A deeper line that merely starts with a number (`      2011.`) continues an entry too.
  if (isItemStart(first.text) && indentOf(line.text) >= indentOf(first.text) + 2 && /^\s*\d/u.test(line.text)) return true;
  // A figure's finished source line is the figure's own: a lowercase line after it resumes the prose the figure cut.
  if (style === 'hard-wrapped' && FIGURE_NOTE.test(first.text) && SENTENCE_END.test(lastText(group).text.trim())) return false;
  // A line starting in lowercase continues a sentence broken over lines, in any style.
  if (startsLowercase(line.text) && !isItemStart(line.text)) return true;
  // One paragraph per line, but a line closed by a Markdown hard break (two trailing spaces) in mid-sentence
  // was broken on purpose inside its paragraph: the next line continues it.
  if (style === 'single-lines') return !isItemStart(line.text) && HARD_BREAK_MID_SENTENCE.test(lastText(group).text);
  if (style !== 'hard-wrapped') return false;
  if (isItemStart(line.text) || FIGURE_CAPTION.test(line.text) || FIGURE_NOTE.test(line.text)) return false;
  // A short line of a label and its decimal value (`Share of households (%) 42.75`) is a table's row; wrapped
  // prose that ends a line on a figure runs the full width.
  if (isLabelAndValue(line.text) && line.text.trim().length < width * SHORT_LINE) return false;
  const prev = lastText(group);
  const quoted = (l: Line) => indentOf(l.text) >= QUOTE_INDENT && !isItemStart(l.text);
  if (quoted(line) !== quoted(prev) && !isItemStart(first.text)) return false;
  // An aside opening in lowercase (`(basically a restructured office)`) continues the sentence too.
  if (startsLowercase(line.text) || /^\s*\(\p{Ll}/u.test(line.text)) return true;
  const prevText = prev.text.trim();
  // A label line on its own (a heading, a figure label) does not run into the capitalised line after it.
  if (group.lines.length === 1 && isHeadingLine(prevText) && prevText.length < width * 0.6) return false;
  // Nor does a heading wrapped over short lines (`Tension between Big Infrastructure` / `and Meeting the Needs`).
  if (wrappedHeading(group, width) && /^\s*[\p{Lu}\p{Lt}]/u.test(line.text)) return false;
  const short = prevText.length < width * SHORT_LINE;
  return !(short && (SENTENCE_END.test(prevText) || !/[,\p{Ll}-]$/u.test(prevText)));
}
