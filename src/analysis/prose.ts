/**
 * Which lines are running prose. The break detectors judge a paragraph by
 * how sentences end, which only means something for prose: a reference
 * entry, a caption, a table row, a list item, a heading, code, verse or a
 * file's header fields end without a period by design. The importer may
 * read such a line as a paragraph (it cannot know every layout); the
 * detectors ask here before calling anything broken.
 *
 * The rules are shapes of lines, general to English texts of any genre, not
 * words of any particular text.
 */

/** Why a line or block is not prose, as a noun phrase a reader understands ("a reference entry"). */
export type NotProse =
  | 'a heading'
  | 'a reference entry'
  | 'a caption'
  | 'a table row'
  | 'a list item'
  | 'code or an indented quotation'
  | 'a block quotation'
  | 'a header field or a hatnote'
  | 'a separator line'
  | 'a run-together list';

/** Persistent identifiers, addresses and retrieval notes: a line holding one is a citation. */
const REFERENCE_STRONG = /\b(?:ISBN|ISSN|doi|DOI|arXiv|PMID|PMC|OCLC|JSTOR|S2CID|Bibcode|LCCN)\b|\bhttps?:\/\/|\bwww\.\S|\S@\S+\.\p{L}{2,}|\b(?:Retrieved|Accessed|Archived)\b|\b(?:Ibid|ibid|op\. cit)\b/u;
/** Weaker citation cues; two of them make a citation. */
const REFERENCE_WEAK: readonly RegExp[] = [
  // Author, initials: `Abers, R.` / `Roboff, K. and S.`
  /^\s*(?:\d{1,3}\.\s+)?\p{Lu}[\p{L}'’-]+,\s+(?:\p{Lu}\.\s?){1,3}/u,
  // Author, Given (year): `Harmer, Tanya (2011)`
  /^\s*(?:\d{1,3}\.\s+)?\p{Lu}[\p{L}'’-]+,\s+\p{Lu}[\p{L}'’-]+(?:\s\p{Lu}\.)?\s*\(\d{4}/u,
  /\(\d{4}[a-z]?\)|\b(?:1[5-9]|20)\d{2}[a-z]?\.\s/u,
  /\b(?:pp?|vol|vols|no|nos|ed|eds|chap|trans)\.\s*(?:\d|[ivxlc]+\b)/iu,
  /\b(?:University Press|Press|Publishers?|Verlag|Editions?|Journal|Review|Proceedings|Quarterly|Bulletin|Gazette)\b/u,
  /\b(?:Reprinted from|Originally published|Published by|Printed (?:by|for)|Copyright|©)/iu,
  /[“"][^”"]{3,}[”"]\s*[,.]?\s*(?:\p{Lu}|\d)/u,
];
/** Caption openings: `Figure 2 | …`, `Table 1.`, `Source: …`, `[Illustration]`. */
const CAPTION_START = /^\s*(?:\[?(?:Figure|Fig\.|Table|Chart|Graph|Map|Plate|Photo(?:graph)?|Image|Illustration|Music illustration|Box|Exhibit|Source|Sources|Note|Notes)\b\s*(?:[\dIVXivx]+[a-z]?\b)?\s*(?:[.:|–—-]|\]|$))/u;
/** A credit or positional cue that marks a picture's caption: `Painting by …`, `(left)`, `(1884)` at the end. */
const CAPTION_CUE = /\b(?:Painting|Photograph|Photo|Engraving|Drawing|Portrait|Lithograph|Etching|Sculpture|Bust|Statue|Illustration|Detail)\s+(?:by|of|from|after)\b|\((?:left|right|centre|center|top|bottom|above|below|pictured|inset|red|blue|green|yellow|black|white|grey|gray)\)|,?\s+by\s+\p{Lu}[\p{L}.'’ -]*\(\d{4}\)\s*$|\bc\.\s?\d{3,4}\b/iu;
/** A table row: cells separated by pipes or tabs, or by wide gaps. */
const TABLE_ROW = /\S\s*\|\s*\S|^\s*\||\|\s*$|\t\S|\S {3,}\S.* {3,}\S|^(?=[^\n]*\d)[\s\d.,:;$%–—-]+$/u;
/**
 * A label and its figure, a row of a data table set as text (`Access to
 * electricity (% households)k 99.19`, `Total land area 496,682`): no sentence
 * stop before a closing figure with a decimal point or thousands separator.
 */
const LABEL_VALUE = /^(?=[^\n]*\p{L})[^.!?\n]{2,90}\s(?:[$€£¥]\s?)?\d{1,3}(?:[.,]\d+)+%?\s*$/u;
/** A row of a list of abbreviations: an acronym, a gap of two spaces or more, its expansion (`NGO  Nongovernmental organization`). */
const ABBREVIATION_ROW = /^\s*\p{Lu}[\p{Lu}\d&-]{1,9}\s{2,}\p{L}/u;
/** A line of a table of contents: a title, dotted leaders, a page number (`Conclusions ........ 19`). */
const CONTENTS_LINE = /(?:\.\s?){4,}\s*\d{1,4}\s*$/u;
/** A bullet, or an enumerator (`3.`, `b)`, `(a)`, `iv.`); an initial (`J. Smith`) is not one. */
const LIST_ITEM = /^\s*(?:[-*+•·▪◦‣–—]\s|\(?(?:\d{1,3}|[a-z]|[ivxlc]{1,5})[.)]\s|[A-Z]\)\s|\(\s?_?[a-z\d]_?\s?\)\s)/u;
const BULLET = /^\s*[-*+•·▪◦‣–—]\s/u;
const MARKUP_HEADING = /^\s*(?:#{1,6}\s|={2,}\s|\*{3,}\s)|^\s*(\*\*|__|\*|_)(?!\s)[^]*?\S\1\s*$|\s#{1,6}\s*$/u;
const SEPARATOR = /^\s*([-=~^'`"#*+_.])\1{2,}\s*$|^\s*(?:[*\-_=]\s*){3,}$/u;
/** `Key: value` without a sentence end: header fields (`Title: …`, `date: …`) and hatnotes (`Main article: …`). */
const FIELD = /^\s*(?:\p{L}[\p{L}-]*(?: \p{L}[\p{L}-]*){0,2}):\s+\S/u;
/** A lowercase letter or a digit run straight into a capital (`MoroccoAmericasAsia`, `1610Regency`): items whose separators were lost. */
const GLUED_ITEMS = /[\p{Ll}\d]\p{Lu}\p{Ll}/gu;
const SENTENCE_END = /[.!?]["”’)\]*_]*\s*$/u;

/**
 * Why the line `line` (one line of the source, without its line break) is not
 * running prose, or null when it may be. A line with a sentence end inside it
 * can still be a reference entry or a caption.
 */
export function lineNotProse(line: string): NotProse | null {
  const text = line.replace(/\s+$/u, '');
  if (!text.trim()) return null;
  if (SEPARATOR.test(text)) return 'a separator line';
  if (/^\s*>/u.test(text)) return 'a block quotation';
  if (/^(?: {4,}|\t)\S/u.test(text)) return 'code or an indented quotation';
  if (/^\s*\.\.\s/u.test(text) || /^\s*(?:```|~~~)/u.test(text)) return 'code or an indented quotation';
  if (MARKUP_HEADING.test(text)) return 'a heading';
  if ((text.match(GLUED_ITEMS) ?? []).length >= 3) return 'a run-together list';
  if (isReference(text)) return 'a reference entry';
  if (CAPTION_START.test(text)) return 'a caption';
  if (TABLE_ROW.test(text) || LABEL_VALUE.test(text) || CONTENTS_LINE.test(text)) return 'a table row';
  // A glossary entry: its words are words (brackets may close on the next line), but it is no prose.
  if (ABBREVIATION_ROW.test(text)) return 'a list item';
  if (LIST_ITEM.test(text)) return 'a list item';
  if (FIELD.test(text) && !SENTENCE_END.test(text)) return 'a header field or a hatnote';
  if (isCapitals(text)) return 'a heading';
  if (CAPTION_CUE.test(text) && !SENTENCE_END.test(text)) return 'a caption';
  return null;
}

/** True when `text` reads as a citation: one strong cue (an identifier, an address) or two weak ones. */
export function isReference(text: string): boolean {
  if (REFERENCE_STRONG.test(text)) return true;
  let cues = 0;
  for (const re of REFERENCE_WEAK) if (re.test(text)) cues++;
  return cues >= 2;
}

/** A line set in capitals (`FIRE DIRECTION AND CONTROL.`, `ENDNOTES`): a display heading. */
function isCapitals(text: string): boolean {
  const letters = text.match(/\p{L}/gu) ?? [];
  // Six letters at least: an acronym alone (`USSR`, `NATO`) is a word, not a heading.
  if (letters.length < 6) return false;
  const upper = letters.filter((c) => /\p{Lu}/u.test(c)).length;
  return upper / letters.length >= 0.8 && text.split(/\s+/u).length <= 15;
}

/** Most words a line can have and still be read as a label (heading, caption, name) rather than a sentence. */
export const LABEL_WORDS = 10;

/**
 * A short single line without any sentence punctuation (`Units involved`,
 * `Reforms Delayed`, `Victoria and Albert Museum, London`, `move to sidebar
 * hide`): a heading, a caption, a name or a label (site chrome), when it
 * stands between paragraphs as headings do. Directly under a heading it is more likely the first words of a lost
 * sentence, so it is not taken for a label there.
 */
export function isLabelLine(text: string, underHeading: boolean): boolean {
  const line = text.trim();
  if (!line) return false;
  // A label may wrap (a map's title over two lines); a wrapped one is taken for a label only in title case.
  const wrapped = line.includes('\n');
  if (wrapped && line.split('\n').length > MAX_LABEL_LINES) return false;
  const words = line.split(/\s+/u);
  if (words.length > LABEL_WORDS) return false;
  if (/[.!?;]/u.test(line.replace(/\b\p{L}\./gu, ''))) return false;
  if (isTitleCase(words)) return true;
  return !underHeading && !wrapped;
}

/** Lines a wrapped label may run over. */
const MAX_LABEL_LINES = 3;

const MINOR = new Set(['a', 'an', 'the', 'of', 'and', 'or', 'in', 'on', 'at', 'to', 'for', 'by', 'with', 'from', 'de', 'la', 'le', 'du', 'von', 'van', 'vs', 'nor', 'but', 'as', 'into']);

/** Every word capitalised except short function words, and at least two capitalised: `Reforms Delayed`. */
function isTitleCase(words: readonly string[]): boolean {
  const letters = words.map((w) => w.replace(/^[^\p{L}\p{N}]+/u, '')).filter((w) => /^\p{L}/u.test(w));
  if (letters.length < 2) return false;
  return letters.every((w) => /^\p{Lu}/u.test(w) || MINOR.has(w.toLowerCase()));
}

/** A block as the detectors see it: its lines (source text of each segment). */
export interface BlockLines {
  readonly type: string;
  readonly lines: readonly string[];
}

/** Longest numbered block still taken for a list item; longer numbered blocks are numbered paragraphs of prose. */
const LIST_ITEM_WORDS = 25;
/** Longest block whose citation cues make it a reference entry; a long paragraph may cite in passing. */
const REFERENCE_BLOCK_WORDS = 60;

/**
 * Why a block is not running prose where it ends, or null when it is prose
 * there. Non-paragraph blocks (headings, captions, list items, notes) never
 * are; a paragraph is judged by its last line, and as a whole when it is short.
 */
export function blockEndNotProse(block: BlockLines): NotProse | null {
  const typed = typeReason(block.type);
  if (typed !== undefined) return typed;
  const last = block.lines[block.lines.length - 1] ?? '';
  return judged(block, last);
}

/** Why a block is not running prose where it starts (its first line), or null. */
export function blockStartNotProse(block: BlockLines): NotProse | null {
  const typed = typeReason(block.type);
  if (typed !== undefined) return typed;
  return judged(block, block.lines[0] ?? '');
}

function typeReason(type: string): NotProse | null | undefined {
  if (type === 'paragraph') return undefined;
  if (type === 'heading' || type === 'title') return 'a heading';
  if (type === 'list-item') return 'a list item';
  if (type === 'note') return 'a reference entry';
  return 'a caption';
}

/** A block of this many lines or more, most of them this short, is a figure's labels, not wrapped prose. */
const FIGURE_LINES = 4;
const FIGURE_LINE_WORDS = 4;
/** A caption's first line (`Box 1 | Abbreviations`) heads a block of at most this many lines that belongs to it. */
const CAPTION_BLOCK_LINES = 6;

/** Rows numbered in sequence at least this many times in one block make it a table (or list), not prose. */
const NUMBERED_ROWS = 3;

/**
 * Lines opening with numbers that count up by one (`8 March 9, 2017 …`,
 * `9 March 10, 2017 …`, `10 …`): the rows of a numbered table run together.
 * Wrapped prose rarely starts three lines with consecutive numbers.
 */
function numberedRows(lines: readonly string[]): boolean {
  let run = 0;
  let last = -1;
  for (const line of lines) {
    const m = /^\s*(\d{1,3})[.)]?\s/u.exec(line);
    if (!m) continue;
    const n = Number(m[1]);
    run = n === last + 1 ? run + 1 : 1;
    last = n;
    if (run >= NUMBERED_ROWS) return true;
  }
  return false;
}

function judged(block: BlockLines, line: string): NotProse | null {
  const whole = block.lines.join(' ');
  const words = whole.split(/\s+/u).filter(Boolean).length;
  const count = (l: string) => l.split(/\s+/u).filter(Boolean).length;
  if (block.lines.length >= FIGURE_LINES && block.lines.filter((l) => count(l) <= FIGURE_LINE_WORDS).length > block.lines.length / 2) return 'a caption';
  if (block.lines.length <= CAPTION_BLOCK_LINES && CAPTION_START.test(block.lines[0] ?? '')) return 'a caption';
  if (numberedRows(block.lines)) return 'a table row';
  const reason = lineNotProse(line);
  if (reason === 'a list item' && words > LIST_ITEM_WORDS && !BULLET.test(line)) return null;
  if (reason) return reason;
  if (words <= REFERENCE_BLOCK_WORDS && isReference(whole)) return 'a reference entry';
  if (block.lines.length > 1 && block.lines.every((l) => lineNotProse(l) === 'a table row')) return 'a table row';
  return null;
}
