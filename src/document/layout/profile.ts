/**
 * Which layout a text is written in, read from the text itself: how its
 * paragraphs are separated and how its headings are marked. (Marker and notes
 * styles are read while parsing, from what is found.) A manifest entry may
 * override any part with a `layout` field.
 */
import type { LayoutProfile } from '../structure.ts';
import { groupByBlankLines, isBlank, type Line } from './lines.ts';
import { isSetextPair, markdownHeading, starredHeading } from './headings.ts';

/** A group of lines without a blank line between them this long is not one paragraph. */
const LONG_GROUP_LINES = 20;
/** Share of the prose lines sitting in long groups from which blank lines no longer separate paragraphs. */
const LONG_GROUP_SHARE = 0.4;
/** Hard-wrapped text: most lines reach near the wrap width, and the wrap width is that of a page or a terminal. */
const MAX_WRAP_WIDTH = 160;
const NEAR_WIDTH = 0.6;
const WRAPPED_SHARE = 0.5;
/** Median length of the lines of a one-paragraph-per-line text, at least. */
const MIN_PARAGRAPH_LINE = 40;
/** Marked headings: at least this many lines in the style. */
const MIN_MARKED_HEADINGS = 2;

/** Lines that are list or table markup, not prose, whatever the layout. */
const LIST_OR_TABLE = /^\s*(?:[•·▪◦‣*+-]\s|\d{1,4}[.)]\s|\[[^\]]{1,8}\]|\||\^)/u;

/** The wrap width of hard-wrapped lines: the 90th percentile of line lengths. */
export function wrapWidth(lines: readonly Line[]): number {
  const lengths = lines.map((l) => l.text.trimEnd().length).filter((n) => n > 0).sort((a, b) => a - b);
  return lengths.length ? lengths[Math.floor(lengths.length * 0.9)]! : 0;
}

function paragraphStyle(lines: readonly Line[]): { style: LayoutProfile['paragraphs']; width: number } {
  const prose = (l: Line) => !LIST_OR_TABLE.test(l.text);
  const groups = groupByBlankLines(lines);
  const all = groups.flat().filter(prose);
  if (!all.length) return { style: 'unknown', width: 0 };
  const inLong = groups.filter((g) => g.length > LONG_GROUP_LINES).flatMap((g) => g.filter(prose));
  // Lines longer than any page or terminal, stacked without blank lines: each is a paragraph.
  const stacked = groups.filter((g) => g.length > 1).flatMap((g) => g.filter(prose));
  const overlong = stacked.filter((l) => l.text.trim().length > MAX_WRAP_WIDTH).length;
  if (overlong >= 2 && overlong >= stacked.length / 4) return { style: 'single-lines', width: 0 };
  if (inLong.length < all.length * LONG_GROUP_SHARE) return { style: 'blank-lines', width: 0 };
  const width = wrapWidth(inLong);
  const near = inLong.filter((l) => l.text.trimEnd().length >= width * NEAR_WIDTH).length;
  if (width <= MAX_WRAP_WIDTH && near >= inLong.length * WRAPPED_SHARE) return { style: 'hard-wrapped', width };
  // One paragraph per line means lines of sentences; a pile of short uneven lines is no layout we know.
  const lengths = inLong.map((l) => l.text.trim().length).sort((a, b) => a - b);
  if (lengths[Math.floor(lengths.length / 2)]! < MIN_PARAGRAPH_LINE) return { style: 'unknown', width };
  return { style: 'single-lines', width };
}

function headingStyle(lines: readonly Line[], paragraphs: LayoutProfile['paragraphs']): LayoutProfile['headings'] {
  let markdown = 0;
  let setext = 0;
  let starred = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (markdownHeading(line)) markdown++;
    if (i > 0 && !isBlank(lines[i - 1]!) && isSetextPair(lines[i - 1]!, line)) setext++;
    if (starredHeading(line, lines[i + 1])) starred++;
  }
  const best = Math.max(markdown, setext, starred);
  if (best >= MIN_MARKED_HEADINGS) {
    if (best === starred) return 'starred';
    if (best === markdown) return 'markdown';
    return 'setext';
  }
  return paragraphs === 'hard-wrapped' ? 'capitals' : 'plain';
}

/** The paragraph and heading style of `lines`, and the wrap width of hard-wrapped text (0 otherwise). */
export function detectLayout(lines: readonly Line[]): { paragraphs: LayoutProfile['paragraphs']; headings: LayoutProfile['headings']; width: number } {
  const { style, width } = paragraphStyle(lines);
  return { paragraphs: style, headings: headingStyle(lines, style), width };
}

const CHOICES: { readonly [K in keyof LayoutProfile]: readonly LayoutProfile[K][] } = {
  paragraphs: ['blank-lines', 'single-lines', 'hard-wrapped', 'unknown'],
  headings: ['plain', 'markdown', 'setext', 'starred', 'capitals', 'none'],
  markers: ['bracketed', 'glued', 'caret', 'footnote-block', 'markdown', 'none'],
  notes: ['numbered-caret', 'jump-up', 'bracket-n', 'footnote-block', 'markdown-def', 'numbered', 'none'],
};

/** Thrown when a manifest's `layout` names a style the importer does not know; the message names field and value. */
export class LayoutError extends Error {
  override name = 'LayoutError';
}

/**
 * Reads a manifest entry's `layout` field: any of `paragraphs`, `headings`,
 * `markers`, `notes` with one of the known styles. Throws LayoutError naming
 * the first unknown field or value.
 */
export function readLayoutOverride(json: unknown): Partial<LayoutProfile> {
  if (!json || typeof json !== 'object' || Array.isArray(json)) throw new LayoutError('"layout" must be an object such as {"paragraphs": "hard-wrapped"}.');
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(json as Record<string, unknown>)) {
    const allowed = (CHOICES as Record<string, readonly string[]>)[key];
    if (!allowed) throw new LayoutError(`"layout" has an unknown field "${key}" (known: ${Object.keys(CHOICES).join(', ')}).`);
    if (typeof value !== 'string' || !allowed.includes(value)) {
      throw new LayoutError(`"layout.${key}" must be one of ${allowed.join(', ')}.`);
    }
    out[key] = value;
  }
  return out;
}

const WORDS: { readonly [K in keyof LayoutProfile]: Readonly<Record<LayoutProfile[K], string>> } = {
  paragraphs: {
    'blank-lines': 'blank-line paragraphs',
    'single-lines': 'one paragraph per line',
    'hard-wrapped': 'hard-wrapped lines',
    unknown: 'unrecognised layout',
  },
  headings: {
    plain: 'plain headings',
    markdown: 'Markdown headings',
    setext: 'setext headings',
    starred: 'starred headings',
    capitals: 'capitals headings',
    none: 'no headings',
  },
  markers: {
    bracketed: 'bracketed notes',
    glued: 'glued note numbers',
    caret: 'caret notes',
    'footnote-block': '[Footnote n] notes',
    markdown: 'Markdown [^n] notes',
    none: 'no note markers',
  },
  notes: {
    'numbered-caret': 'numbered ^ notes list',
    'jump-up': '"Jump up" notes list',
    'bracket-n': '[n] notes list',
    'footnote-block': 'footnote blocks',
    'markdown-def': 'note definitions',
    numbered: 'numbered endnotes',
    none: 'no notes list',
  },
};

/** The profile in words, for the document header: "hard-wrapped lines, setext headings, caret notes". */
export function describeProfile(profile: LayoutProfile): string {
  const parts = [WORDS.paragraphs[profile.paragraphs], WORDS.headings[profile.headings], WORDS.markers[profile.markers]];
  if (profile.notes !== 'none') parts.push(WORDS.notes[profile.notes]);
  return parts.join(', ');
}
