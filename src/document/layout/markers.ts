/**
 * Footnote markers in the body text, in the styles plain texts write them:
 * bracketed `[12]` (and reStructuredText `[12]_`), lettered `[a]` glued to the
 * word it follows, Markdown `[^12]`, caret `sentence.^12`, and numbers glued
 * to a sentence end (`outcome.12`). Also inline `[citation needed]` tags.
 */
import type { FootnoteMarker } from '../structure.ts';
import type { MutableBlock } from './blocks.ts';

/** How much of the text before a glued number its tests read (a figure's digits, the word it is glued to). */
const LEAD_CHARS = 24;
/** A dotted section number up to its last dot (`1.E.`, `2.3.`): a number, then one or more dotted parts of at most three letters or digits. */
const DOTTED_NUMBER = /(?:^|[\s(])\d{1,3}(?:\.[\p{L}\d]{1,3})+\.$/u;
/** A glued marker may skip at most this many note numbers (a lost passage takes its notes with it). */
const MAX_NOTE_JUMP = 10;

/** Inline tags with which an encyclopedia marks a claim as unsourced. */
const UNSUPPORTED_TAG = /\[(?:citation needed|citation required|according to whom\?|by whom\?|who\?|when\?|which\?|verification needed|failed verification|better source needed|unreliable source\?|dubious(?: [–-] discuss)?)\]/giu;

const BRACKETED = /\[(\d{1,4})\](_?)/gu;
/** A lettered note `[a]` follows a word, a figure or a closing sign directly (not `**[v]`, navigation chrome). */
export const LETTERED = /(?<=[\p{L}\p{N}.,;:!?)\]"”’'])\[([a-z])\](?!\()/gu;
const MARKDOWN = /\[\^([^\]\s]{1,12})\](?!:)/gu;
const CARET = /(?<=[\p{L}\p{N}.,;:!?)\]”"’'])\^(\d{1,3})(?![\d.,]*\d)/gu;

/** Which marker syntaxes the text uses, decided once for the whole text: an explicit syntax rules out glued numbers. */
export interface MarkerSyntax {
  readonly markdown: boolean;
  readonly caret: boolean;
  readonly glued: boolean;
}

export function markerSyntax(source: string): MarkerSyntax {
  const markdown = /\[\^[^\]\s]{1,12}\](?!:)/u.test(source) && /^\s{0,3}\[\^[^\]\s]{1,12}\]:/mu.test(source);
  const caret = (source.match(CARET) ?? []).length >= 2;
  return { markdown, caret, glued: !markdown && !caret };
}

/** Finds markers and unsupported tags in every block but notes and titles. */
export function findMarkers(source: string, blocks: MutableBlock[], syntax: MarkerSyntax): void {
  let lastGlued = 0;
  for (const block of blocks) {
    if (block.type === 'note' || block.type === 'title') continue;
    for (const seg of block.segments) {
      const text = source.slice(seg.from, seg.to);
      for (const m of text.matchAll(BRACKETED)) {
        // Notes are numbered from 1; `x[0]` and brackets inside inline code (``a[2]``) are indexing, not citing.
        if (Number(m[1]) === 0 || insideCode(text, m.index)) continue;
        const from = seg.from + m.index;
        block.markers.push({
          from,
          to: from + m[0].length,
          number: Number(m[1]),
          style: 'bracketed',
          digits: { from: from + 1, to: from + 1 + m[1]!.length },
        });
      }
      for (const m of text.matchAll(LETTERED)) {
        const from = seg.from + m.index;
        block.markers.push({ from, to: from + 3, number: 0, label: m[1]!, style: 'bracketed', digits: { from: from + 1, to: from + 2 } });
      }
      if (syntax.markdown) {
        for (const m of text.matchAll(MARKDOWN)) {
          const from = seg.from + m.index;
          const label = m[1]!;
          const numeric = /^\d+$/u.test(label);
          block.markers.push({
            from,
            to: from + m[0].length,
            number: numeric ? Number(label) : 0,
            ...(numeric ? {} : { label }),
            style: 'markdown',
            digits: { from: from + 2, to: from + 2 + label.length },
          });
        }
      }
      if (syntax.caret) {
        for (const m of text.matchAll(CARET)) {
          const from = seg.from + m.index;
          block.markers.push({ from, to: from + m[0].length, number: Number(m[1]), style: 'caret', digits: { from: from + 1, to: from + m[0].length } });
        }
      }
      for (const m of text.matchAll(UNSUPPORTED_TAG)) {
        const from = seg.from + m.index;
        block.unsupported.push({ from, to: from + m[0].length });
      }
      if (syntax.glued) lastGlued = findGluedMarkers(text, seg.from, block.markers, lastGlued);
    }
    block.markers.sort((a, b) => a.from - b.from);
  }
}

/** True when `at` lies inside an inline code span of `line` (an odd number of backtick runs before it). */
function insideCode(line: string, at: number): boolean {
  return ((line.slice(0, at).match(/`+/gu) ?? []).length) % 2 === 1;
}

/**
 * A number glued to a sentence end (`outcome.1 Next`, `“illusory.”27`) is a
 * note marker only if it continues the note sequence: not below the last
 * marker, at most MAX_NOTE_JUMP above it. It must be followed by the end of
 * the line or by a new sentence. Years, decimals, counts and ranges fail
 * one of these tests: `1,000 days`, `3.5 percent`, `1973–1980` are not
 * glued to a sentence end followed by a new sentence, or break the sequence.
 *
 * PDF extraction adds shapes of its own, each held to a stricter test:
 * a kerning space before the stop or before the number (`inequality .12 In`,
 * `citizenry .” 45`); a number glued to a comma or semicolon inside a
 * sentence (`period,5 which`), after a word only; and a number glued to a
 * word with no punctuation at all (`Council80 but`), only as the very next
 * note number, after a lowercase word.
 */
function findGluedMarkers(text: string, base: number, out: FootnoteMarker[], last: number): number {
  const glued = /([\p{L}\p{N})\]”"’'])( ?)([.!?,;])?(["”’)]?)( ?)(\d{1,3})(?=\s|$)/gu;
  for (const m of text.matchAll(glued)) {
    const [, before, spaceBefore, stop, close, spaceAfter, digits] = m;
    const n = Number(digits);
    const clause = stop === ',' || stop === ';';
    if (spaceBefore && !stop) continue;
    if (spaceAfter && !(stop && !clause && close)) continue;
    // The text before the match, a few characters of it: a whole line may be megabytes long.
    const lead = text.slice(Math.max(0, m.index - LEAD_CHARS), m.index + 1);
    if (!stop && !close && !(n === last + 1 && /\p{Ll}/u.test(before!) && /\p{Ll}{2}$/u.test(lead))) continue;
    if (!stop && /\p{N}/u.test(before!)) continue;
    if (clause && !/\p{L}/u.test(before!)) continue;
    if (n < 1 || n < last || n > last + MAX_NOTE_JUMP) continue;
    const end = m.index + m[0].length;
    // The last part of a dotted section number (`paragraphs 1.E.1`, `see 2.3.4`), not a number glued to a sentence end.
    if (stop === '.' && !close && DOTTED_NUMBER.test(text.slice(Math.max(0, end - digits!.length - LEAD_CHARS), end - digits!.length))) continue;
    const after = text.slice(end);
    const inSentence = clause || (!stop && !close);
    if (after.trim() !== '' && !(inSentence ? /^\s+[\p{L}“"(]/u : /^\s+["“‘([]?[\p{Lu}\p{N}]/u).test(after)) continue;
    if (/\p{N}/u.test(before!)) {
      // After a number, only a year-like or grouped figure ends a sentence ("in 1972.71");
      // a short integer part is a decimal ("4.7 Then").
      const figure = /[\d,]+$/u.exec(lead)![0];
      // `Figure 4.19` at a sentence end: a figure's number, then the very next note number.
      const label = /\b(?:Figure|Fig|Table|Box|Chart|Map|Plate|Exhibit)\s+\d{1,2}$/u.test(lead) && n === last + 1;
      if (n === last || (figure.replace(/,/gu, '').length < 3 && !label)) continue;
    }
    const digitsFrom = base + end - digits!.length;
    out.push({ from: digitsFrom, to: base + end, number: n, style: 'glued', digits: { from: digitsFrom, to: base + end } });
    last = n;
  }
  return last;
}
