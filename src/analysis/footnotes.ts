/**
 * The footnote detector: links every marker to its entry and flags what the
 * notes apparatus shows was lost — gaps in the note sequence, markers with no
 * entry, entries nothing cites, entries whose content is gone, a missing
 * notes list.
 */
import type { Block, FootnoteMarker, ParsedText } from '../document/structure.ts';
import { flag, type Finding, type Flag } from './finding.ts';
import { entryKey, footnoteIndex, markerKey, type FootnoteIndex } from './footnote-index.ts';
import { blockText } from '../document/structure.ts';
import { NOTES_HEADING } from '../document/layout/notes.ts';
import { blockRange } from './text.ts';

/** A text cited only by glued numbers needs this many before its missing notes list is reported. */
const MIN_GLUED_MARKERS = 3;
/** Characters of an entry quoted in a footnote link's description. */
const PREVIEW_CHARS = 80;

/** Citation boilerplate that survives when an entry's title and author are lost. */
const BOILERPLATE = [
  /\bRetrieved\b[^.]*\.?/giu,
  /\bArchived from the original\b[^.]*\.?/giu,
  /\b(?:S2CID|ISBN|ISSN|DOI|doi|JSTOR|OCLC|PMID|PMC|arXiv|Bibcode|hdl|LCCN)\b[:\s]*[\w./:-]+/gu,
  /\d{4}-\d{2}-\d{2}/gu,
  /\b\d{1,2} \p{L}+ \d{4}\b/gu,
  /\(in \p{L}+\)/gu,
];

/**
 * Findings of the footnote detector on one parsed text, in source order of
 * their targets. Never throws.
 */
export function detectFootnotes(parsed: ParsedText): Finding[] {
  const index = footnoteIndex(parsed);
  const { source } = parsed;
  const inNotes = citedInNotes(source, index);
  const out: Finding[] = [];
  if (!index.hasNotesList) {
    const notes = missingNotes(index);
    for (const item of notes) out.push(item);
    if (notes.length) for (const item of emptyNotesSections(parsed)) out.push(item);
  } else {
    for (const marker of index.markers) {
      const entry = index.entryOf.get(marker);
      if (entry) out.push(link(source, marker, entry));
      else out.push(flag('footnotes', 'broken-reference', marker, `Marker ${markerKey(marker)} points at no entry: the notes list has no note ${markerKey(marker)}.`, 0.85));
    }
    for (const item of entryFlags(source, index, inNotes, parsed.blocks)) out.push(item);
    for (const item of listDebris(source, parsed)) out.push(item);
    for (const item of lettersPrintedAsNumbers(index)) out.push(item);
  }
  for (const item of sequenceGaps(index, inNotes)) out.push(item);
  for (const item of repeatedGluedNumbers(index)) out.push(item);
  return out.sort((a, b) => a.from - b.from || a.to - b.to);
}

function link(source: string, marker: FootnoteMarker, entry: Block): Finding {
  const range = blockRange(entry) ?? entry.span;
  const text = source.slice(range.from, range.to).replace(/\s+/gu, ' ').trim();
  const preview = text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS - 1)}…` : text;
  return {
    kind: 'footnote',
    layer: 'footnotes',
    number: marker.number,
    from: marker.from,
    to: marker.to,
    entry: range,
    description: `Note ${markerKey(marker)}: ${preview || '(empty entry)'}`,
    confidence: marker.style === 'bracketed' ? 0.98 : 0.85,
  };
}

function missingNotes(index: FootnoteIndex): Flag[] {
  const { markers } = index;
  const bracketed = markers.some((m) => m.style === 'bracketed');
  if (markers.length === 0 || (!bracketed && markers.length < MIN_GLUED_MARKERS)) return [];
  const numbers = markers.filter((m) => m.label === undefined).map((m) => m.number);
  if (!numbers.length) return [];
  const lo = numbers.reduce((a, b) => Math.min(a, b), Infinity);
  const hi = numbers.reduce((a, b) => Math.max(a, b), -Infinity);
  const out: Flag[] = [
    flag('footnotes', 'missing-notes', markers[0]!, `The text cites notes ${lo}–${hi} (${markers.length} markers) but has no notes list: none of them can be resolved.`, 0.9),
  ];
  for (const m of markers) {
    out.push(flag('footnotes', 'unresolved-footnote', m, `Note ${markerKey(m)} cannot be found: the text has no notes list.`, 0.9));
  }
  return out;
}

/** A bracketed citation inside a note's text (`[12]`): explanatory notes cite the references too. */
const NOTE_CITATION = /\[(\d{1,3})\](?![(\d])/gu;

/**
 * How many times each entry key is cited from inside another entry: an
 * explanatory note ("Numbers vary by account.[4]") cites a reference that
 * the body may never cite itself. Only in texts whose markers are bracketed.
 */
function citedInNotes(source: string, index: FootnoteIndex): ReadonlyMap<string, number> {
  const out = new Map<string, number>();
  if (!index.markers.some((m) => m.style === 'bracketed')) return out;
  for (const entry of index.entries) {
    const own = entryKey(entry);
    for (const seg of entry.segments) {
      for (const m of source.slice(seg.from, seg.to).matchAll(NOTE_CITATION)) {
        if (m[1] !== own) out.set(m[1]!, (out.get(m[1]!) ?? 0) + 1);
      }
    }
  }
  return out;
}

/**
 * Where the text cites notes but has no notes list, a section headed as one
 * (`Notes`, `References`) that holds no entry is where the list was lost: a
 * page saved before its notes loaded, a list cut in copying.
 */
function emptyNotesSections(parsed: ParsedText): Flag[] {
  const { source, blocks } = parsed;
  const out: Flag[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const heading = blocks[i]!;
    if (heading.type !== 'heading') continue;
    const title = blockText(source, heading).replace(/\s+/gu, ' ').trim();
    if (!NOTES_HEADING.test(title)) continue;
    let j = i + 1;
    while (j < blocks.length && blocks[j]!.type !== 'heading' && blocks[j]!.type !== 'title') j++;
    const content = blocks.slice(i + 1, j).map((b) => blockText(source, b).replace(/\s+/gu, ' ').trim()).join(' ');
    const end = j > i + 1 ? blocks[j - 1]!.span.to : heading.span.to;
    const holds = content ? `holds only "${content.length > PREVIEW_CHARS / 2 ? `${content.slice(0, PREVIEW_CHARS / 2 - 1)}…` : content}"` : 'is empty';
    out.push(flag('footnotes', 'missing-passage', { from: heading.span.from, to: end }, `The section "${title}" ${holds}: the notes the text cites were lost from it.`, 0.8));
  }
  return out;
}

function entryFlags(source: string, index: FootnoteIndex, inNotes: ReadonlyMap<string, number>, blocks: readonly Block[]): Flag[] {
  const out: Flag[] = [];
  const position = new Map(blocks.map((b, k) => [b, k]));
  let previousEntry: Block | null = null;
  const seen = new Map<string, Block>();
  let previous: number | null = null;
  for (const entry of index.entries) {
    const key = entryKey(entry)!;
    // A lettered or named entry has no place in the number sequence.
    const n = entry.label === undefined ? entry.number! : Number.NaN;
    const range = blockRange(entry) ?? entry.span;
    const citing = index.citedBy.get(entry) ?? [];
    const cites = citing.length + (inNotes.get(key) ?? 0);
    if (seen.has(key)) {
      out.push(flag('footnotes', 'garbled', entry.span, `The notes list numbers two entries ${key}; markers citing ${key} resolve to the first.`, 0.8));
    } else {
      seen.set(key, entry);
      if (cites === 0) {
        out.push(flag('footnotes', 'uncited-reference', range, `No marker in the text cites note ${key}: the passage that cited it was probably lost.`, 0.8));
      }
      const expected = entry.backlinks?.length ?? 0;
      if (expected >= 2 && cites > 0 && cites < expected) {
        out.push(flag('footnotes', 'missing-passage', range, `Note ${key} lists ${expected} backlinks (${entry.backlinks!.join(' ')}) but only ${cites} marker${cites === 1 ? '' : 's'} cite${cites === 1 ? 's' : ''} it: a citing passage is missing.`, 0.6));
      }
    }
    const lost = lostContent(source, entry);
    if (lost) out.push(flag('footnotes', 'broken-reference', range, `Note ${key} ${lost}`, 0.8));
    if (Number.isNaN(n)) continue;
    if (previous !== null && n > previous + 1 && !gapFilled(source, blocks, position.get(previousEntry!)!, position.get(entry)!, previous + 1)) {
      out.push(flag('footnotes', 'missing-passage', entry.span, `The notes list jumps from ${previous} to ${n}: ${describeRange(previous + 1, n - 1)} missing from it.`, 0.8));
    }
    previous = previous === null ? n : Math.max(previous, n);
    previousEntry = entry;
  }
  return out;
}

/**
 * Numbered items of a notes list that hold no reference (the importer keeps
 * them out of the numbering, `renumberListDebris`): an empty item, a style
 * sheet, a dead-link tag a converter numbered. Each pushes the printed
 * numbers one further from the markers, which a reader comparing the two
 * needs to know.
 */
function listDebris(source: string, parsed: ParsedText): Flag[] {
  const out: Flag[] = [];
  for (const block of parsed.blocks) {
    if (block.type !== 'note' || entryKey(block) !== null) continue;
    const range = blockRange(block);
    const text = range ? source.slice(range.from, range.to).replace(/\s+/gu, ' ').trim() : '';
    const what = !text ? 'is empty' : /\{[^}]*:[^}]*\}/u.test(text) ? `holds style-sheet code ("${clip(text)}"), not a reference` : `holds no reference, only "${clip(text)}"`;
    out.push(flag('footnotes', 'broken-reference', block.span, `This numbered item of the notes list ${what}: it is conversion debris, and from here on the printed numbers run ahead of the markers citing the entries.`, 0.8));
  }
  return out;
}

/**
 * Lettered notes (`[a]`, `[b]` in the text) whose list prints numbers (the
 * importer matched them by count, `labelLetteredNotes`): the letters were
 * lost in conversion, and the list's numbers collide with those of the
 * numbered citations. One flag over the list.
 */
function lettersPrintedAsNumbers(index: FootnoteIndex): Flag[] {
  const lettered = index.entries.filter((e) => e.label !== undefined && /^[a-z]$/u.test(e.label) && e.number !== undefined);
  if (!lettered.length) return [];
  const first = lettered[0]!;
  const last = lettered[lettered.length - 1]!;
  const letters = `${first.label}–${last.label}`;
  const numbers = `${first.number}–${last.number}`;
  return [flag('footnotes', 'broken-reference', { from: first.span.from, to: last.span.to }, `The text cites notes ${letters} by letter, but this list prints them as ${numbers}: the letters were lost in conversion, and the numbers collide with those of the numbered citations.`, 0.7)];
}

function clip(text: string): string {
  return text.length > PREVIEW_CHARS / 2 ? `${text.slice(0, PREVIEW_CHARS / 2 - 1)}…` : text;
}

/**
 * The missing entry is there in another form: a block between the two
 * entries opens with its number (`[15] …` written outside the notes syntax,
 * on purpose or not). Nothing was lost from the list.
 */
function gapFilled(source: string, blocks: readonly Block[], from: number, to: number, missing: number): boolean {
  for (let k = from + 1; k < to; k++) {
    const m = /^\s*\[?(\d{1,4})[\].]/u.exec(source.slice(blocks[k]!.span.from, blocks[k]!.span.from + 12));
    if (m && Number(m[1]) === missing) return true;
  }
  return false;
}

/** Why an entry's content is lost, as the end of a sentence, or null when it has a title or author. */
function lostContent(source: string, entry: Block): string | null {
  const range = blockRange(entry);
  if (!range) return 'is empty: its content is lost.';
  const text = source.slice(range.from, range.to).trim();
  let rest = text;
  for (const pattern of BOILERPLATE) rest = rest.replace(pattern, ' ');
  const letters = (rest.match(/\p{L}/gu) ?? []).length;
  if (letters < 3) {
    return `keeps only "${text.replace(/\s+/gu, ' ')}": its title and author are lost.`;
  }
  if (/^[.,;:]/u.test(text)) {
    return `begins with "${text[0]}": the words before it (its title or author) are lost.`;
  }
  return null;
}

/**
 * Where the numbers of first citations jump past numbers that nothing cites,
 * the passage carrying those notes is gone. Flagged on the first marker after the jump.
 */
/**
 * First citations out of number order more often than this: the notes are
 * not numbered in reading order (an author's own numbering, a bibliography
 * cited by number), so a skipped number says nothing about a lost passage.
 */
const MAX_OUT_OF_ORDER = 1;

function sequenceGaps(index: FootnoteIndex, inNotes: ReadonlyMap<string, number>): Flag[] {
  const numbered = index.markers.filter((m) => m.label === undefined);
  if (outOfOrder(numbered) > MAX_OUT_OF_ORDER) return [];
  const cited = new Set([...numbered.map((m) => m.number), ...[...inNotes.keys()].map(Number)]);
  const out: Flag[] = [];
  // A notes list that itself starts above 1, at the first number cited, continues a numbering begun
  // elsewhere (an excerpt of a book numbered throughout): nothing before it was lost from this text.
  const listed = index.entries.filter((e) => e.label === undefined && e.number !== undefined).map((e) => e.number!);
  const firstListed = listed.reduce((a, b) => Math.min(a, b), listed.length ? Infinity : 0);
  let highest = numbered[0] && numbered[0].number === firstListed ? firstListed - 1 : 0;
  for (const marker of numbered) {
    const n = marker.number;
    if (n > highest + 1) {
      const missing: number[] = [];
      for (let k = highest + 1; k < n; k++) if (!cited.has(k)) missing.push(k);
      if (missing.length) out.push(gapFlag(marker, highest, n, missing));
    }
    highest = Math.max(highest, n);
  }
  return out;
}

/** How many numbers are first cited after a higher number was first cited (the rule's own evidence against it). */
function outOfOrder(markers: readonly FootnoteMarker[]): number {
  const seen = new Set<number>();
  let highest = 0;
  let count = 0;
  for (const m of markers) {
    if (seen.has(m.number)) continue;
    seen.add(m.number);
    if (m.number < highest) count++;
    highest = Math.max(highest, m.number);
  }
  return count;
}

function gapFlag(marker: FootnoteMarker, from: number, to: number, missing: readonly number[]): Flag {
  const what = describeList(missing);
  const opening = from === 0 ? `The first note cited is ${to}` : `Note numbers jump from ${from} to ${to}`;
  const lost = `the passage carrying ${what} is missing.`;
  // Glued numbers are numbered in reading order, so a jump is strong evidence; reused bracketed numbers less so.
  return flag('footnotes', 'missing-passage', marker, `${opening}: ${lost}`, marker.style === 'glued' ? 0.9 : 0.7);
}

/** A glued note number repeating the one before it: sequential endnotes never repeat. */
function repeatedGluedNumbers(index: FootnoteIndex): Flag[] {
  const out: Flag[] = [];
  const glued = index.markers.filter((m) => m.style === 'glued');
  const seen = new Set<number>();
  for (const m of glued) {
    if (seen.has(m.number)) {
      out.push(flag('footnotes', 'garbled', m, `Note number ${m.number} occurs a second time: sequential notes never repeat, so a number was miscopied.`, 0.6));
    }
    seen.add(m.number);
  }
  return out;
}

/** "note 7" or "notes 32–37" or "notes 2, 5 and 9". */
function describeList(numbers: readonly number[]): string {
  if (numbers.length === 1) return `note ${numbers[0]}`;
  const contiguous = numbers.every((n, i) => i === 0 || n === numbers[i - 1]! + 1);
  if (contiguous) return `notes ${numbers[0]}–${numbers[numbers.length - 1]}`;
  return `notes ${numbers.slice(0, -1).join(', ')} and ${numbers[numbers.length - 1]}`;
}

function describeRange(from: number, to: number): string {
  return from === to ? `note ${from} is` : `notes ${from}–${to} are`;
}

