/**
 * Heading lines in the styles a plain text may use: a short label line
 * (`plain`), Markdown `#` lines (closed `## … ##` too), setext and
 * reStructuredText underlines, html2text's `*****`-framed headings, and
 * capital-letter headings of PDF extracts. Each reader gives the heading's
 * words without the markup, as source spans.
 */
import type { SourceSpan } from '../structure.ts';
import { trimmed, words, type Line } from './lines.ts';

/** Words that cannot end a heading: a line ending in one of them breaks off mid-clause. */
const TRAILING_FUNCTION_WORDS = new Set([
  'a', 'an', 'the', 'of', 'to', 'in', 'on', 'at', 'by', 'for', 'with', 'and', 'or', 'but', 'nor', 'from', 'as',
  'that', 'which', 'who', 'whom', 'whose', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'has', 'have',
  'had', 'its', 'their', 'his', 'her', 'our', 'this', 'these', 'those', 'than', 'into', 'onto', 'between',
  'about', 'after', 'before', 'during', 'when', 'while', 'where', 'if', 'because', 'not', 'it', 'they',
]);

/** A contents entry: a title run out to its page number by dot leaders (`Conclusion ....... 19`). */
const CONTENTS_ENTRY = /\.{4,}\s*[\dIVXLCivxlc]{1,5}\s*$/u;
/** A line wholly in parentheses (`(PMDB)`): a gloss or a table cell's aside, never a section's title. */
const PARENTHESISED = /^\([^()]*\)$/u;

/** A label followed by its value as a decimal figure (`Share of households (%) 0.42`): a table row. */
const LABEL_AND_VALUE = /\s\d+[.,]\d+$/u;

/**
 * An entry of a list of abbreviations: an acronym, then its expansion, which
 * begins with the acronym's first letter and holds its letters in order
 * (`RVA River Valley Authority`, `NGO nongovernmental organization`).
 */
export function isAbbreviationEntry(text: string): boolean {
  const m = /^(\p{Lu}{2,6})\s+(\S.*)$/u.exec(text.trim());
  if (!m) return false;
  const acronym = m[1]!.toLowerCase();
  const rest = m[2]!.toLowerCase();
  if (rest[0] !== acronym[0] || /^\p{Lu}+$/u.test(m[2]!.replace(/\s/gu, ''))) return false;
  let k = 0;
  for (const c of rest) if (c === acronym[k]) k++;
  return k === acronym.length;
}

export function isLabelAndValue(text: string): boolean {
  return LABEL_AND_VALUE.test(text.trim());
}

export function isContentsEntry(text: string): boolean {
  return CONTENTS_ENTRY.test(text.trim());
}

export function isParenthesised(text: string): boolean {
  return PARENTHESISED.test(text.trim());
}

/** Whether the line's last word is a lowercase function word (`… - on`): it breaks off mid-phrase. */
export function endsInFunctionWord(text: string): boolean {
  const ws = words(text.trim());
  const last = ws[ws.length - 1];
  return last !== undefined && TRAILING_FUNCTION_WORDS.has(last.toLowerCase()) && /^\p{Ll}/u.test(last);
}

/** Longest line (in words) still taken for a heading. */
const MAX_HEADING_WORDS = 12;
const MAX_HEADING_CHARS = 90;
const MAX_DISPLAY_WORDS = 16;

/**
 * A heading is a short single line that reads as a label, not as a sentence or
 * a fragment of one: no closing punctuation, not ending in an opening bracket,
 * a dash or a function word, not ending in a lowercase past form ("…first
 * established"), starting with a capital or a digit.
 */
export function isHeadingLine(line: string): boolean {
  const text = line.trim();
  if (!text || text.length > MAX_HEADING_CHARS || isContentsEntry(text)) return false;
  if (LABEL_AND_VALUE.test(text) || isAbbreviationEntry(text)) return false;
  const ws = words(text);
  if (ws.length > MAX_HEADING_WORDS) return false;
  if (!/^[\p{Lu}\p{Lt}\p{N}]/u.test(text)) return false;
  // A question is a heading only in title case (`How Does the Budget Work?`); `What is it?` is a sentence.
  if (!/[\p{L}\p{N})]$/u.test(text) && !(text.endsWith('?') && isTitleCase(text))) return false;
  if (endsInFunctionWord(text)) return false;
  const last = ws[ws.length - 1]!;
  if (/^\p{Ll}+ed$/u.test(last) && last.length > 4) return false;
  return true;
}

/** Short words a title leaves in lowercase. */
const TITLE_MINOR = new Set([
  'a', 'an', 'the', 'of', 'and', 'or', 'nor', 'but', 'in', 'on', 'at', 'to', 'for', 'by', 'with', 'from', 'as', 'into',
  'onto', 'over', 'under', 'between', 'among', 'about', 'after', 'before', 'since', 'through', 'within', 'without',
  'vs', 'de', 'la', 'le', 'du', 'von', 'van',
]);

/** Every word with letters capitalised except short function words, and at least two capitalised: `Tension between Big Infrastructure`. */
export function isTitleCase(text: string): boolean {
  const ws = words(text).map((w) => w.replace(/^[^\p{L}\p{N}]+/u, '')).filter((w) => /^\p{L}/u.test(w));
  const capitalised = ws.filter((w) => /^[\p{Lu}\p{Lt}]/u.test(w)).length;
  return capitalised >= 2 && ws.every((w) => /^[\p{Lu}\p{Lt}]/u.test(w) || TITLE_MINOR.has(w.toLowerCase()));
}

/** Longest heading (in words) taken when it wraps over lines. */
const MAX_WRAPPED_HEADING_WORDS = 16;
const MAX_WRAPPED_HEADING_CHARS = 110;

/**
 * A heading wrapped over two or three short lines of a PDF extract, joined
 * (`Tension between Big Infrastructure and Meeting the Needs of the Urban
 * Under-served`): a title-case label without a sentence stop, not breaking
 * off on a function word.
 */
export function isWrappedHeading(joined: string): boolean {
  const text = joined.replace(/\s+/gu, ' ').trim();
  if (!text || text.length > MAX_WRAPPED_HEADING_CHARS || words(text).length > MAX_WRAPPED_HEADING_WORDS) return false;
  if (!/^[\p{Lu}\p{Lt}\p{N}]/u.test(text) || !/[\p{L}\p{N})?]$/u.test(text)) return false;
  // A cell rule (`Expert Note | Version 2`) marks a running head or a table row.
  if (/[.!;]\s|\|/u.test(text) || endsInFunctionWord(text) || isContentsEntry(text)) return false;
  return isTitleCase(text);
}

/**
 * A line set in capitals (`THE SNAKE DANCE.`, `PART II.--COMBAT.`) or wholly
 * in underscores for italics (`_Teamwork._`), short enough to be a heading: in a
 * text whose headings are plain lines, such a line is one even with a final
 * period, as printed books set them.
 */
export function isDisplayLine(line: string): boolean {
  const text = line.trim();
  // Display lines may run longer than label headings: a chapter title in capitals is still one.
  if (!text || text.length > MAX_HEADING_CHARS || words(text).length > MAX_DISPLAY_WORDS) return false;
  if (isParenthesised(text) || isContentsEntry(text)) return false;
  if (/^_[^_]+_$/u.test(text)) return /^_\p{Lu}/u.test(text);
  const letters = text.match(/\p{L}/gu) ?? [];
  if (letters.length < 4) return false;
  return letters.every((c) => c === c.toUpperCase()) && /^["'“(]?[\p{Lu}\p{N}]/u.test(text) && /[\p{L}.)"”]$/u.test(text);
}

/** Headings that name the page's furniture rather than a section of the text. */
const FURNITURE = /^(?:contents|table of contents|navigation menu|menu)$/iu;

export function isFurnitureHeading(text: string): boolean {
  return FURNITURE.test(text.trim());
}

const ATX = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/u;

/** A Markdown `#` heading: its words without the `#` marks, or null. A line naming a web address is a source line, not a heading. */
export function markdownHeading(line: Line): SourceSpan | null {
  const m = ATX.exec(line.text);
  if (!m || !m[2]!.trim()) return null;
  if (/\b(?:https?:\/\/|www\.)/u.test(m[2]!)) return null;
  const skip = line.text.indexOf(m[2]!, m[1]!.length);
  return trimmed(line, skip, line.text.length - skip - m[2]!.length);
}

/** An underline (or overline) of a setext or reStructuredText heading: one punctuation character repeated. */
const UNDERLINE = /^([=\-~'^"`+*#:.])\1{2,}\s*$/u;

export function isUnderline(text: string): boolean {
  return UNDERLINE.test(text);
}

/**
 * Whether `title` is underlined by `under`: the underline is a run of one
 * punctuation character at least half as long as the title, and the title a
 * short line that is not itself a rule.
 */
export function isSetextPair(title: Line, under: Line): boolean {
  if (!isUnderline(under.text)) return false;
  const text = title.text.trim();
  if (!text || isUnderline(text) || /^\s{4,}/u.test(title.text) || text.length > 120) return false;
  return under.text.trim().length >= Math.min(3, Math.ceil(text.length / 2));
}

const STARRED = /^\s*(\*{2,})[ \t]+(.*?)[ \t]*(\*{2,})\s*$/u;
const STARRED_OPEN = /^\s*(\*{2,})[ \t]+(\S.*)$/u;
const STARRED_CLOSE = /^(.*?)[ \t]*(\*{2,})\s*$/u;
const EDIT = /\[edit\]/u;

/** An html2text heading: its lines (one or two) as words without stars and `[edit]`, its level (stars), and whether it carried `[edit]`. */
export interface StarredHeading {
  readonly segments: SourceSpan[];
  readonly lines: number;
  readonly stars: number;
  readonly edit: boolean;
}

export function starredHeading(line: Line, next: Line | undefined): StarredHeading | null {
  const one = STARRED.exec(line.text);
  if (one) {
    const span = withoutEdit(line, line.text.indexOf(one[2]!, one[1]!.length), one[2]!);
    return span ? { segments: [span], lines: 1, stars: one[1]!.length, edit: EDIT.test(one[2]!) } : null;
  }
  const open = STARRED_OPEN.exec(line.text);
  if (!open || !next) return null;
  const close = STARRED_CLOSE.exec(next.text);
  if (!close || !close[1]!.trim() || /^\s*\*{2,}/u.test(next.text)) return null;
  const first = withoutEdit(line, line.text.indexOf(open[2]!, open[1]!.length), open[2]!);
  const second = withoutEdit(next, 0, close[1]!);
  const segments = [first, second].filter((s): s is SourceSpan => s !== null);
  return segments.length ? { segments, lines: 2, stars: open[1]!.length, edit: EDIT.test(open[2]!) || EDIT.test(close[1]!) } : null;
}

function withoutEdit(line: Line, start: number, content: string): SourceSpan | null {
  const edit = content.search(EDIT);
  const kept = edit >= 0 ? content.slice(0, edit) : content;
  const from = line.from + start;
  const text = kept.trimEnd();
  const lead = text.length - text.trimStart().length;
  return text.trim() ? { from: from + lead, to: from + text.length } : null;
}
