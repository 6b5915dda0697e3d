/**
 * Small text helpers shared by the detectors: words and sentences with their
 * source offsets (UTF-16 code units), and the prose end of a block once its
 * footnote markers and inline tags are set aside. Sentences, abbreviations
 * and folding come from the text toolkit (src/text), shared with claims and search.
 */
import type { Block, SourceSpan } from '../document/structure.ts';
import { fold } from '../text/fold.ts';
import { isAbbreviationAt, sentences } from '../text/segment.ts';

/** A word and where it sits in the source. */
export interface Word extends SourceSpan {
  readonly text: string;
}

/** Letters (with marks), allowing inner apostrophes and hyphens: `Allende's`, `Soviet-bloc`. */
const WORD = /\p{L}[\p{L}\p{M}]*(?:['’-]\p{L}[\p{L}\p{M}]*)*/gu;

/** Words of `source` in `[from, to)`, in order. */
export function wordsIn(source: string, from = 0, to = source.length): Word[] {
  const out: Word[] = [];
  const text = source.slice(from, to);
  for (const m of text.matchAll(WORD)) {
    out.push({ text: m[0], from: from + m.index, to: from + m.index + m[0].length });
  }
  return out;
}

/** The source range a block's visible text covers: its first segment's start to its last segment's end. Null for a block with no text. */
export function blockRange(block: Block): SourceSpan | null {
  const first = block.segments[0];
  const last = block.segments[block.segments.length - 1];
  return first && last ? { from: first.from, to: last.to } : null;
}

/**
 * Where a block's prose ends: its text end, moved back over trailing footnote
 * markers, `[citation needed]` tags and whitespace. A block that is nothing
 * but markers gives its start.
 */
export function proseEnd(source: string, block: Block): number {
  const range = blockRange(block);
  if (!range) return block.span.from;
  const inline = [...block.markers, ...block.unsupported];
  let end = range.to;
  for (;;) {
    while (end > range.from && /\s/u.test(source[end - 1]!)) end--;
    const covering = inline.find((s) => s.to === end && s.from < end);
    if (!covering) return end;
    end = covering.from;
  }
}

/**
 * Words that cannot end a sentence or a paragraph: a text ending in one broke
 * off mid-clause. Articles, possessive determiners, conjunctions and the
 * prepositions that never end an English sentence; pronoun-like words
 * (`that`, `this`, `her`) can end one and are left out.
 */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'the', 'of', 'into', 'onto', 'between', 'upon', 'via', 'amid', 'among', 'toward', 'towards',
  'and', 'or', 'nor', 'than', 'whose', 'because', 'its', 'their', 'our', 'my', 'your',
]);

/** Prepositions and auxiliaries: a paragraph (not a sentence) ending in one without punctuation broke off. */
export const OPEN_ENDINGS: ReadonlySet<string> = new Set([
  ...FUNCTION_WORDS, 'to', 'in', 'on', 'at', 'by', 'for', 'with', 'from', 'about', 'during', 'after', 'before',
  'but', 'as', 'if', 'when', 'while', 'where', 'which', 'who', 'is', 'are', 'was', 'were', 'be', 'been', 'has',
  'have', 'had', 'this', 'these', 'those', 'that',
]);

/** Determiners: a word that must be followed by a noun phrase. */
export const DETERMINERS: ReadonlySet<string> = new Set(['a', 'an', 'the', 'its', 'their', 'his', 'her', 'our', 'this', 'these', 'those']);

/** A sentence's source range. */
export type Sentence = SourceSpan;

/**
 * The sentences of `[from, to)` of the source, by the text toolkit's one
 * segmenter (src/text/segment.ts): a glued or bracketed note number after the
 * stop stays with its sentence; abbreviations and initials do not end one.
 */
export function sentencesIn(source: string, from: number, to: number): Sentence[] {
  return sentences(source, from, to);
}

// The detectors read periods and fold words as the rest of the reader does.
export { fold, isAbbreviationAt };
