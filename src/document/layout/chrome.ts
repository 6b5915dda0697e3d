/**
 * Lines that belong to the file rather than to the text, set aside before
 * paragraphs are read: YAML front matter, header fields at the top
 * (`PEP: 3104`, `President: Abraham Lincoln`), the Project Gutenberg header
 * and licence around a book, and the page furniture of Wikipedia copies
 * (`[edit]`, `Toggle … subsection`). They are kept and shown, as chrome.
 */
import { isBlank, type Line } from './lines.ts';

const FIELD = /^[A-Z][\w-]{0,30}:(?:\s|$)/u;
const PG_START = /^\s*\*{3}\s*START OF (?:THE|THIS) PROJECT GUTENBERG/iu;
const PG_END = /^\s*\*{3}\s*END OF (?:THE|THIS) PROJECT GUTENBERG/iu;
const WIKI_FURNITURE = /^\s*(?:\[edit\]|Toggle .{1,80} subsection|Toggle the table of contents|Jump to content|move to sidebar hide|Jump[ _]to[ _]navigation(?:[ _]+Jump[ _]to[ _]search)?)\s*$/u;

/** Indexes of the chrome lines of `lines`. `marked`: the text marks its headings (Markdown, html2text), so wiki furniture is looked for. */
export function chromeLines(lines: readonly Line[], marked: boolean): Set<number> {
  const out = new Set<number>();
  let i = 0;
  const firstText = lines.findIndex((l) => !isBlank(l));
  if (firstText >= 0 && lines[firstText]!.text.trim() === '---') {
    const close = lines.findIndex((l, k) => k > firstText && /^(?:---|\.\.\.)\s*$/u.test(l.text));
    if (close > 0) for (i = firstText; i <= close; i++) out.add(i);
  }
  // Header fields: a run of `Field: value` lines (with indented continuations) at the top, ended by a blank line.
  let start = i;
  while (start < lines.length && isBlank(lines[start]!)) start++;
  let end = start;
  while (end < lines.length && (FIELD.test(lines[end]!.text) || (end > start && /^\s+\S/u.test(lines[end]!.text)))) end++;
  if (end > start && (end >= lines.length || isBlank(lines[end]!))) for (let k = start; k < end; k++) out.add(k);

  const pgStart = lines.findIndex((l) => PG_START.test(l.text));
  const pgEnd = lines.findIndex((l) => PG_END.test(l.text));
  if (pgStart >= 0) {
    // The start line may wrap: everything up to the blank line after it is header.
    let k = 0;
    for (; k <= pgStart || (k < lines.length && !isBlank(lines[k]!)); k++) out.add(k);
  }
  if (pgEnd >= 0) for (let k = pgEnd; k < lines.length; k++) out.add(k);
  if (marked) lines.forEach((l, k) => WIKI_FURNITURE.test(l.text) && out.add(k));
  return out;
}
