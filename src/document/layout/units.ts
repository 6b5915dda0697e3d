/**
 * First pass over the lines: each line is blank, chrome, a running head, part
 * of a heading (with the heading's words as spans), or text. Headings are
 * read in the text's heading style only, so that a Markdown text's short
 * labels are not taken for headings and a plain text's `#` is just a sign.
 */
import type { LayoutProfile, SourceSpan } from '../structure.ts';
import { endsInFunctionWord, isContentsEntry, isFurnitureHeading, isParenthesised, isSetextPair, isUnderline, markdownHeading, starredHeading } from './headings.ts';
import { isBlank, trimmed, words, type Line } from './lines.ts';

export type Unit =
  | { readonly kind: 'blank'; readonly line: Line }
  | { readonly kind: 'chrome'; readonly lines: readonly Line[] }
  | { readonly kind: 'head'; readonly line: Line }
  | { readonly kind: 'heading'; readonly lines: Line[]; readonly segments: SourceSpan[] }
  | { readonly kind: 'text'; readonly line: Line };

/** Capitals headings of PDF extracts span at most this many lines. */
const MAX_CAPITALS_LINES = 4;

/** A line in capitals (digits and punctuation allowed): `2. THE CHALLENGE IN`. */
export function isCapitalsLine(text: string): boolean {
  const t = text.trim();
  const letters = t.match(/\p{L}/gu) ?? [];
  if (letters.length < 4 || words(t).length > 14) return false;
  // A parenthesised gloss (`(PMDB)`) or a contents entry is not a heading, capitals or not.
  if (isParenthesised(t) || isContentsEntry(t)) return false;
  if (!letters.every((c) => c === c.toUpperCase() && c !== c.toLowerCase())) return false;
  // Mostly letters: `8. IBGE, 2010.` is a reference, not a heading.
  if (letters.length < t.replace(/\s/gu, '').length * 0.6) return false;
  return !/\|/u.test(t) && !/\d{2,}\s*$/u.test(t);
}

/** A numbered line right after another numbered line is a list entry, whatever its case. */
function inNumberedRun(lines: readonly Line[], i: number): boolean {
  const numbered = /^\s*\d{1,4}\.\s/u;
  if (!numbered.test(lines[i]!.text)) return false;
  let k = i - 1;
  while (k >= 0 && !numbered.test(lines[k]!.text) && !isBlank(lines[k]!) && i - k < 4) k--;
  return k >= 0 && numbered.test(lines[k]!.text);
}

/**
 * A line that runs on into the next: it ends on a comma, colon, semicolon or
 * hyphen (`Porto Alegre, Brazil:` before `EPTC.`). A line in capitals after it
 * is the rest of its sentence, not a heading.
 */
function runsOn(line: Line | undefined): boolean {
  return line !== undefined && !isBlank(line) && /[,:;-]$/u.test(line.text.trim());
}

export function readUnits(
  source: string,
  lines: readonly Line[],
  headings: LayoutProfile['headings'],
  chrome: ReadonlySet<number>,
  heads: ReadonlySet<number>,
): Unit[] {
  const units: Unit[] = [];
  const starredLevels: { unit: number; stars: number; edit: boolean }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const next = lines[i + 1];
    if (chrome.has(i)) units.push({ kind: 'chrome', lines: [line] });
    else if (heads.has(i)) units.push({ kind: 'head', line });
    else if (isBlank(line)) units.push({ kind: 'blank', line });
    else if ((headings === 'markdown' || headings === 'capitals') && markdownHeading(line)) {
      const span = markdownHeading(line)!;
      // A `#` line breaking off on a function word (`### Read more on`) is a site's widget label, not a section.
      if (endsInFunctionWord(source.slice(span.from, span.to))) units.push({ kind: 'chrome', lines: [line] });
      else units.push({ kind: 'heading', lines: [line], segments: [span] });
    } else if (headings === 'setext' && next && isSetextPair(line, next) && !isUnderline(line.text.trim())) {
      units.push({ kind: 'heading', lines: [line, next], segments: [trimmed(line)!] });
      i++;
    } else if (headings === 'setext' && isUnderline(line.text.trim()) && next && lines[i + 2] && isSetextPair(next, lines[i + 2]!)) {
      // An overline: the heading follows, underlined.
      units.push({ kind: 'heading', lines: [line, next, lines[i + 2]!], segments: [trimmed(next)!] });
      i += 2;
    } else if (headings === 'starred' && starredHeading(line, next)) {
      const h = starredHeading(line, next)!;
      starredLevels.push({ unit: units.length, stars: h.stars, edit: h.edit });
      units.push({ kind: 'heading', lines: h.lines === 2 ? [line, next!] : [line], segments: h.segments });
      i += h.lines - 1;
    } else if (headings === 'capitals' && isCapitalsLine(line.text) && !inNumberedRun(lines, i) && !runsOn(lines[i - 1])) {
      const run = [line];
      while (run.length < MAX_CAPITALS_LINES && lines[i + 1] && !heads.has(i + 1) && isCapitalsLine(lines[i + 1]!.text)) run.push(lines[++i]!);
      units.push({ kind: 'heading', lines: run, segments: run.map((l) => trimmed(l)!) });
    } else units.push({ kind: 'text', line });
  }
  setAsideFurniture(source, units, setAsideStarredChrome(units, starredLevels), headings === 'markdown' || headings === 'starred');
  return units;
}

/**
 * In an html2text copy whose section headings carry `[edit]`, a framed heading
 * without it, below the top level, is the site's (`Navigation menu`,
 * `Personal tools`): it becomes chrome, and so does its section. Returns the
 * indexes of the units set aside.
 */
function setAsideStarredChrome(units: Unit[], levels: readonly { unit: number; stars: number; edit: boolean }[]): Set<number> {
  const out = new Set<number>();
  if (levels.filter((l) => l.edit).length < 2) return out;
  const top = levels.reduce((max, l) => Math.max(max, l.stars), 0);
  for (const l of levels) {
    if (l.edit || l.stars === top) continue;
    const unit = units[l.unit] as Extract<Unit, { kind: 'heading' }>;
    units[l.unit] = { kind: 'chrome', lines: unit.lines };
    out.add(l.unit);
  }
  return out;
}

/**
 * A Contents heading and everything up to the next heading is the page's
 * table of contents: chrome. So is the section of a heading set aside as the site's.
 */
function setAsideFurniture(source: string, units: Unit[], siteHeadings: ReadonlySet<number>, webPage: boolean): void {
  let inFurniture = false;
  for (let k = 0; k < units.length; k++) {
    const u = units[k]!;
    if (u.kind === 'heading') {
      const furniture = isFurnitureHeading(u.segments.map((s) => source.slice(s.from, s.to)).join(' '));
      if (furniture) units[k] = { kind: 'chrome', lines: u.lines };
      // A web page's contents run to the next heading; a printed contents list has no such end, so only its heading goes.
      inFurniture = furniture && webPage;
    } else if (siteHeadings.has(k)) {
      inFurniture = true;
    } else if (inFurniture && u.kind !== 'blank') {
      units[k] = { kind: 'chrome', lines: 'lines' in u ? u.lines : [u.line] };
    }
  }
}
