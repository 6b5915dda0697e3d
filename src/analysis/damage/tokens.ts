/**
 * Garbled tokens, by their shape alone: letters glued to digits (`in1959`),
 * a currency sign glued to a word (`worth$650`), a doubled word (`the the`),
 * a year with a stray digit (`19801`), and quotes or brackets left unmatched
 * inside a block.
 */
import type { Block, ParsedText } from '../../document/structure.ts';
import { flag, type Flag } from '../finding.ts';
import { blockRange } from '../text.ts';

/** Lowercase letters run into a number: `in1959`. Ordinals and decades (`1st`, `1960s`) are the digits-first shape and are not matched. */
const LETTERS_DIGITS = /(?<![\p{L}\p{N}])(\p{Ll}{2,})(\d{2,})(?![\p{L}\p{N}])/gu;
/** A number run into a lowercase word: `1959prompted` (but not `1960s`, `21st`, `3rd`, `10km`). */
const DIGITS_LETTERS = /(?<![\p{L}\p{N}$€£¥.,])(\d{2,})(\p{Ll}{3,})(?![\p{L}\p{N}])/gu;
/** A currency sign glued to the word before it: `worth$650`, `the$4`. `US$50` (uppercase code) is a normal form. */
const CURRENCY_GLUED = /(?<![\p{L}])(\p{Ll}+)([$€£¥])(?=\d)/gu;
/** The same word twice in a row. */
const DOUBLED_WORD = /(?<![\p{L}\p{M}])(\p{L}[\p{L}\p{M}]*)\s+(\1)(?![\p{L}\p{M}])/giu;
/** Repetitions that English grammar allows. */
const ALLOWED_DOUBLES = new Set(['had', 'that', 'is', 'do', 'very', 'so', 'no', 'bye', 'ha']);
/** A five-digit number whose first four digits are a year, in a year's place: after a year range dash or `in`/`since`/`until`/`year` (a count after `of` or `by` may well have five digits). */
const STRAY_YEAR_DIGIT = /(?:(?<=\b\d{4}\s?[–—-]\s?)|(?<=\b(?:in|since|until|year)\s))((?:1[5-9]|20)\d{2})(\d)(?![\p{N}\p{L}])/gu;

const BRACKETS: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}', '“': '”' };
const CLOSERS: Readonly<Record<string, string>> = { ')': '(', ']': '[', '}': '{', '”': '“' };

/** Token-shape findings in every block of the text. Never throws. */
export function detectTokens(parsed: ParsedText): Flag[] {
  const { source } = parsed;
  const out: Flag[] = [];
  for (const block of parsed.blocks) {
    const range = blockRange(block);
    if (!range) continue;
    const text = source.slice(range.from, range.to);
    const at = (i: number, len: number) => ({ from: range.from + i, to: range.from + i + len });
    for (const m of text.matchAll(LETTERS_DIGITS)) {
      out.push(flag('damage', 'garbled', at(m.index!, m[0].length), `"${m[0]}": a space is missing between "${m[1]}" and "${m[2]}".`, 0.85));
    }
    for (const m of text.matchAll(DIGITS_LETTERS)) {
      out.push(flag('damage', 'garbled', at(m.index!, m[0].length), `"${m[0]}": a space is missing between "${m[1]}" and "${m[2]}".`, 0.75));
    }
    for (const m of text.matchAll(CURRENCY_GLUED)) {
      const amount = /^[$€£¥][\d.,]+/u.exec(text.slice(m.index! + m[1]!.length))![0];
      out.push(flag('damage', 'garbled', at(m.index!, m[1]!.length + amount.length), `"${m[1]}${amount}": a space is missing before the sum "${amount}".`, 0.85));
    }
    for (const m of text.matchAll(DOUBLED_WORD)) {
      if (m[1]!.toLowerCase() !== m[2]!.toLowerCase() || ALLOWED_DOUBLES.has(m[1]!.toLowerCase())) continue;
      out.push(flag('damage', 'garbled', at(m.index!, m[0].length), `"${m[1]}" is written twice in a row.`, 0.8));
    }
    for (const m of text.matchAll(STRAY_YEAR_DIGIT)) {
      out.push(flag('damage', 'garbled', at(m.index!, m[0].length), `"${m[0]}" is not a year: it reads as the year ${m[1]} with a stray digit "${m[2]}".`, 0.75));
    }
    for (const item of unmatched(block, range.from, text)) out.push(item);
  }
  return out;
}

/**
 * Brackets and curly double quotes that open without closing (or close
 * without opening) inside one block; an opening bracket ending a block is a
 * break-off, flagged by the break detector instead. Straight double quotes
 * are unmatched when their count in the block is odd.
 */
function unmatched(block: Block, base: number, text: string): Flag[] {
  const out: Flag[] = [];
  const stack: { char: string; at: number }[] = [];
  const lone: { char: string; at: number }[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (BRACKETS[c]) stack.push({ char: c, at: i });
    else if (CLOSERS[c]) {
      let open = stack.length - 1;
      while (open >= 0 && stack[open]!.char !== CLOSERS[c]) open--;
      if (open >= 0) stack.splice(open, 1);
      else lone.push({ char: c, at: i });
    }
  }
  const trimmedEnd = text.trimEnd().length;
  for (const s of stack) {
    if (s.at === trimmedEnd - 1) continue;
    out.push(flag('damage', 'garbled', { from: base + s.at, to: base + s.at + 1 }, `"${s.char}" opens here but is never closed in this paragraph.`, 0.6));
  }
  for (let k = 0; k < lone.length; k++) {
    const s = lone[k]!;
    const pair = lone[k + 1];
    // Two closing quotes around a phrase (`”petit bourgeois”`): the first one is reversed.
    if (s.char === '”' && pair?.char === '”' && !text.slice(s.at + 1, pair.at).includes('“') && pair.at - s.at <= 80) {
      out.push(flag('damage', 'garbled', { from: base + s.at, to: base + pair.at + 1 }, `"${text.slice(s.at, pair.at + 1)}" opens with a closing quote mark: the opening quote is miscopied.`, 0.7));
      k++;
      continue;
    }
    out.push(flag('damage', 'garbled', { from: base + s.at, to: base + s.at + 1 }, `"${s.char}" closes here but nothing in this paragraph opened it.`, 0.6));
  }
  const straight = [...text.matchAll(/"/gu)].map((m) => m.index!);
  if (straight.length % 2 === 1 && block.type !== 'title') {
    const last = straight[straight.length - 1]!;
    out.push(flag('damage', 'garbled', { from: base + last, to: base + last + 1 }, `The paragraph has an odd number of straight quotes (${straight.length}): one is unmatched.`, 0.5));
  }
  return out;
}
