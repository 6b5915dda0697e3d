/**
 * The reader's query language, parsed by hand so that no input can fail.
 *
 * - words are searched as terms, every one required (a passage must hold them all);
 * - `"two words"` (straight or curly quotes) is a phrase: the words adjacent, in order;
 *   an unclosed quote runs to the end of the query, so a phrase being typed already searches;
 * - a word directly followed by `*` is a prefix (`Corv*`);
 * - every other character (`+ - : ~ ^ ( ) !`…) only separates words: it is text, not syntax.
 */
import { foldWord } from '../text/fold.ts';
import { tokenize } from './tokenize.ts';

/** A single word, matched after folding and stemming. */
export interface TermUnit {
  readonly kind: 'term';
  readonly word: string;
}
/** Words of a word's beginning: `Corv*`. */
export interface PrefixUnit {
  readonly kind: 'prefix';
  /** Folded prefix. */
  readonly prefix: string;
}
/** Adjacent words in order: `"Soviet Union"`. */
export interface PhraseUnit {
  readonly kind: 'phrase';
  readonly words: readonly string[];
}
export type QueryUnit = TermUnit | PrefixUnit | PhraseUnit;

/** A parsed query: what will be searched, and notes on what was left out and why. */
export interface ParsedQuery {
  readonly units: readonly QueryUnit[];
  readonly notes: readonly string[];
}

/** More units than this are dropped (a pasted page must not become a thousand clauses). */
export const MAX_UNITS = 16;
/** Longer words are dropped: no word of a real text is this long. */
export const MAX_WORD_LENGTH = 64;
/** Words in one phrase, at most. */
export const MAX_PHRASE_WORDS = 12;

const QUOTE_OPEN = /["“”„«»]/u;

/**
 * Parses user input into query units. Never throws; any string (empty,
 * operators only, unbalanced quotes, emoji, 10,000 characters) gives a
 * possibly empty list of units.
 */
export function parseQuery(input: string): ParsedQuery {
  const units: QueryUnit[] = [];
  const notes = new Set<string>();
  const push = (unit: QueryUnit): void => {
    if (units.length >= MAX_UNITS) {
      notes.add(`Only the first ${MAX_UNITS} words or phrases are searched.`);
      return;
    }
    if (!units.some((u) => sameUnit(u, unit))) units.push(unit);
  };
  const usable = (w: string): boolean => {
    if (w.length > MAX_WORD_LENGTH) {
      notes.add(`Words longer than ${MAX_WORD_LENGTH} characters are ignored.`);
      return false;
    }
    return foldWord(w) !== '';
  };

  for (const part of splitQuotes(input)) {
    const words = tokenize(part.text);
    if (part.quoted) {
      let phrase = words.map((w) => w.text).filter(usable);
      if (phrase.length > MAX_PHRASE_WORDS) {
        notes.add(`Only the first ${MAX_PHRASE_WORDS} words of a phrase are searched.`);
        phrase = phrase.slice(0, MAX_PHRASE_WORDS);
      }
      const [only] = phrase;
      if (phrase.length === 1 && only !== undefined) push({ kind: 'term', word: only });
      else if (phrase.length > 1) push({ kind: 'phrase', words: phrase });
      continue;
    }
    for (const w of words) {
      if (!usable(w.text)) continue;
      if (part.text[w.to] === '*') push({ kind: 'prefix', prefix: foldWord(w.text) });
      else push({ kind: 'term', word: w.text });
    }
  }
  return { units, notes: [...notes] };
}

interface Part {
  readonly text: string;
  readonly quoted: boolean;
}

/** Splits at quote characters; any quote character closes an open phrase. */
function splitQuotes(input: string): Part[] {
  const parts: Part[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < input.length; i++) {
    if (!QUOTE_OPEN.test(input.charAt(i))) continue;
    parts.push({ text: input.slice(start, i), quoted });
    quoted = !quoted;
    start = i + 1;
  }
  parts.push({ text: input.slice(start), quoted });
  return parts.filter((p) => p.text.trim() !== '');
}

function sameUnit(a: QueryUnit, b: QueryUnit): boolean {
  if (a.kind === 'term' && b.kind === 'term') return foldWord(a.word) === foldWord(b.word);
  if (a.kind === 'prefix' && b.kind === 'prefix') return a.prefix === b.prefix;
  if (a.kind === 'phrase' && b.kind === 'phrase') {
    return a.words.length === b.words.length && a.words.every((w, i) => foldWord(w) === foldWord(b.words[i] ?? ''));
  }
  return false;
}
