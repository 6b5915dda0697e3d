/**
 * Garbled tokens, by their shape alone: letters glued to digits (`in1959`),
 * a currency sign glued to a word (`worth$650`), a doubled word (`the the`),
 * a year with a stray digit (`19801`), and quotes or brackets left unmatched
 * inside a block.
 *
 * Addresses and identifiers (`example.org/page01`, `nap01`), code and table
 * rows are not words; a bracketed passage may span blocks (`[Footnote 3: …]`
 * over two paragraphs), and short bracketed notation (`W[)a]y`) is not
 * punctuation. Each rule backs off in a text where it fires on a large share
 * of the sentences (see `genre.ts`).
 */
import type { Block, ParsedText } from '../../document/structure.ts';
import { damageFlag, type Flag } from '../finding.ts';
import { lineNotProse, type NotProse } from '../prose.ts';
import { blockRange, sentencesIn } from '../text.ts';
import { backOff } from './genre.ts';

/** Lowercase letters run into a number: `in1959`. Ordinals and decades (`1st`, `1960s`) are the digits-first shape and are not matched. */
const LETTERS_DIGITS = /(?<![\p{L}\p{N}])(\p{Ll}{2,})(\d{2,})(?![\p{L}\p{N}])/gu;
/** A number run into a lowercase word: `1959prompted` (but not `1960s`, `21st`, `3rd`, `10km`, nor a unit as scales and figures set it: `118miles`). */
const DIGITS_LETTERS = /(?<![\p{L}\p{N}$€£¥.,])(\d{2,})(?!(?:miles?|feet|foot|inch(?:es)?|yards?|metres?|meters?|acres?|tons?|tonnes?|pounds?|hours?|mins?|secs?|mph|kmh)(?![\p{L}\p{N}]))(\p{Ll}{3,})(?![\p{L}\p{N}])/gu;
/** A currency sign glued to the word before it: `worth$650`, `the$4`. `US$50` (uppercase code) is a normal form. */
const CURRENCY_GLUED = /(?<![\p{L}])(\p{Ll}+)([$€£¥])(?=\d)/gu;
/** The same word twice in a row, not a third time (a refrain, `o o o o`, is meant). */
const DOUBLED_WORD = /(?<![\p{L}\p{M}])(\p{L}[\p{L}\p{M}]*)\s+(\1)(?![\p{L}\p{M}])(?!\s+\1(?![\p{L}\p{M}]))/giu;
/** Repetitions that English grammar allows. */
const ALLOWED_DOUBLES = new Set(['had', 'that', 'is', 'do', 'very', 'so', 'no', 'bye', 'ha']);
/** A five-digit number whose first four digits are a year, in a year's place: after a year range dash or `in`/`since`/`until`/`year` (a count after `of` or `by` may well have five digits). */
const STRAY_YEAR_DIGIT = /(?:(?<=\b\d{4}\s?[–—-]\s?)|(?<=\b(?:in|since|until|year)\s))((?:1[5-9]|20)\d{2})(\d)(?![\p{N}\p{L}])/gu;
/** A token that is an address or an identifier, not a word: digits glued to letters are its normal form. */
const IDENTIFIER = /[/@#_=\\]|:\/\/|^www\.|\.[\p{L}]{2,}(?:[/.]|$)|-\p{L}*\d|\d-/u;
/** Lines whose characters are not running text: their brackets and glued tokens mean something else. */
const NOT_WORDS: ReadonlySet<NotProse> = new Set(['code or an indented quotation', 'a table row', 'a header field or a hatnote', 'a run-together list', 'a separator line']);
/** Bracketed notation of one to three characters (`[)a]`, `[=a]`): not punctuation. */
const NOTATION = /\[[^\]\s]{1,3}\]/gu;

const BRACKETS: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}', '“': '”' };
const CLOSERS: Readonly<Record<string, string>> = { ')': '(', ']': '[', '}': '{', '”': '“' };

/** A bracket or quote left alone in a block, with its source offset. */
interface Lone {
  readonly char: string;
  readonly at: number;
}

/** Token-shape findings in every block of the text. Never throws. */
export function detectTokens(parsed: ParsedText): Flag[] {
  const { source } = parsed;
  const out: Flag[] = [];
  const openers: { lone: Lone; block: number }[] = [];
  const closers: { lone: Lone; block: number }[] = [];
  let sentences = 0;
  parsed.blocks.forEach((block, index) => {
    const range = blockRange(block);
    if (!range) return;
    // A note's or list item's continuation lines are indented under its first: that indent does not make them code.
    // A continuation line is no header field either (`Porto Alegre: Representação…` wrapped from the line above).
    const hanging = block.type === 'note' || block.type === 'list-item';
    const lines = block.segments.filter((s, k) => {
      const role = lineNotProse(hanging && k > 0 ? source.slice(s.from, s.to) : lineOf(source, s));
      return !NOT_WORDS.has(role as NotProse) || (k > 0 && role === 'a header field or a hatnote');
    });
    for (const seg of lines) {
      const text = source.slice(seg.from, seg.to);
      sentences += sentencesIn(source, seg.from, seg.to).length;
      for (const f of glued(text, seg.from)) out.push(f);
    }
    if (lines.length === 0) return;
    const { open, close, flags } = unmatched(source, block, lines);
    for (const f of flags) out.push(f);
    for (const lone of open) openers.push({ lone, block: index });
    for (const lone of close) closers.push({ lone, block: index });
  });
  for (const f of acrossBlocks(openers, closers)) out.push(f);
  return backOff(out, sentences);
}

/** The whole line of a segment, its indentation included. */
function lineOf(source: string, seg: { from: number; to: number }): string {
  let k = seg.from;
  while (k > 0 && (source[k - 1] === ' ' || source[k - 1] === '\t')) k--;
  return source.slice(k, seg.to);
}

/** The whitespace-delimited token of `text` around `[from, to)`. */
function tokenAround(text: string, from: number, to: number): string {
  let a = from;
  let b = to;
  while (a > 0 && !/\s/u.test(text[a - 1]!)) a--;
  while (b < text.length && !/\s/u.test(text[b]!)) b++;
  return text.slice(a, b);
}

/** A word and a number run together, either way round: what was seen, and how sure that a space was lost. */
const GLUED_RULES: readonly { re: RegExp; seen: (m: RegExpMatchArray) => string; confidence: number; rule: string }[] = [
  { re: LETTERS_DIGITS, seen: (m) => `the word "${m[1]}" runs straight into the number "${m[2]}"`, confidence: 0.85, rule: 'tokens/glued:letters-digits' },
  { re: DIGITS_LETTERS, seen: (m) => `the number "${m[1]}" runs straight into the word "${m[2]}"`, confidence: 0.75, rule: 'tokens/glued:digits-letters' },
];

function glued(text: string, base: number): Flag[] {
  const out: Flag[] = [];
  const at = (i: number, len: number) => ({ from: base + i, to: base + i + len });
  const word = (m: RegExpMatchArray) => !IDENTIFIER.test(tokenAround(text, m.index!, m.index! + m[0].length).replace(/[.,;:!?)\]"”’]+$/u, ''));
  for (const { re, seen, confidence, rule } of GLUED_RULES) {
    for (const m of text.matchAll(re)) {
      if (!word(m)) continue;
      out.push(damageFlag('garbled', at(m.index, m[0].length), { conclusion: `A space is missing in "${m[0]}"`, evidence: [seen(m)], confidence, rule }));
    }
  }
  for (const m of text.matchAll(CURRENCY_GLUED)) {
    if (!word(m)) continue;
    const amount = /^[$€£¥][\d.,]+/u.exec(text.slice(m.index + m[1]!.length))![0];
    out.push(damageFlag('garbled', at(m.index, m[1]!.length + amount.length), {
      conclusion: `A space is missing in "${m[1]}${amount}"`,
      evidence: [`the word "${m[1]}" runs straight into the sum "${amount}"`],
      confidence: 0.85,
      rule: 'tokens/glued:currency',
    }));
  }
  for (const m of text.matchAll(DOUBLED_WORD)) {
    if (m[1]!.toLowerCase() !== m[2]!.toLowerCase() || ALLOWED_DOUBLES.has(m[1]!.toLowerCase())) continue;
    const before = /(\p{L}[\p{L}\p{M}]*)\s+$/u.exec(text.slice(0, m.index));
    if (before && before[1]!.toLowerCase() === m[1]!.toLowerCase()) continue;
    out.push(damageFlag('garbled', at(m.index, m[0].length), {
      conclusion: `"${m[1]}" is written twice`,
      evidence: [`"${m[1]} ${m[2]}" repeats the word with nothing between`, 'English does not repeat it so'],
      confidence: 0.8,
      rule: 'tokens/doubled-word',
    }));
  }
  for (const m of text.matchAll(STRAY_YEAR_DIGIT)) {
    out.push(damageFlag('garbled', at(m.index, m[0].length), {
      conclusion: `"${m[0]}" is not a year but reads as the year ${m[1]} with a stray digit "${m[2]}"`,
      evidence: [`it stands where a year stands ("${text.slice(Math.max(0, m.index - 12), m.index).trim()} ${m[0]}")`, 'it has five digits'],
      confidence: 0.75,
      rule: 'tokens/stray-year-digit',
    }));
  }
  return out;
}

/**
 * Brackets and curly double quotes that open without closing (or close
 * without opening) inside one block, among its word lines. An opening bracket
 * ending a block is a break-off, flagged by the break detector instead; lone
 * ones are returned for pairing across blocks. Straight double quotes are
 * unmatched when their count in the block is odd.
 */
function unmatched(source: string, block: Block, lines: readonly { from: number; to: number }[]): { open: Lone[]; close: Lone[]; flags: Flag[] } {
  const flags: Flag[] = [];
  // One stack per kind of bracket: a closer pops the latest opener of its own kind in constant time, so a
  // paragraph of thousands of mixed brackets stays linear.
  const stacks = new Map<string, Lone[]>();
  const lone: Lone[] = [];
  let last = -1;
  // The block's markup around its text (`[Footnote 3: ` … `]` of a note) may open a bracket its text closes, or close one.
  const first = block.segments[0];
  const final = block.segments[block.segments.length - 1];
  const markup = first && first.from > block.span.from ? [{ from: block.span.from, to: first.from }] : [];
  const closing = final && final.to < block.span.to ? [{ from: final.to, to: block.span.to }] : [];
  for (const seg of [...markup, ...lines, ...closing]) {
    const text = source.slice(seg.from, seg.to).replace(NOTATION, (n) => ' '.repeat(n.length));
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      const at = seg.from + i;
      if (!/\s/u.test(c)) last = at;
      if (BRACKETS[c]) {
        const kind = stacks.get(c);
        if (kind) kind.push({ char: c, at });
        else stacks.set(c, [{ char: c, at }]);
      } else if (CLOSERS[c]) {
        if (stacks.get(CLOSERS[c])?.pop() === undefined) lone.push({ char: c, at });
      }
    }
  }
  const open: Lone[] = [];
  for (const kind of stacks.values()) for (const s of kind) if (s.at !== last) open.push(s);
  open.sort((a, b) => a.at - b.at);
  const close: Lone[] = [];
  for (let k = 0; k < lone.length; k++) {
    const s = lone[k]!;
    const pair = lone[k + 1];
    // Two closing quotes around a phrase (`”petit bourgeois”`): the first one is reversed.
    if (s.char === '”' && pair?.char === '”' && !source.slice(s.at + 1, pair.at).includes('“') && pair.at - s.at <= 80) {
      flags.push(damageFlag('garbled', { from: s.at, to: pair.at + 1 }, {
        conclusion: `"${source.slice(s.at, pair.at + 1)}" opens with a closing quote mark, so its opening quote is miscopied`,
        evidence: ['two closing quote marks stand around the phrase', 'no opening quote mark comes before it in the paragraph'],
        confidence: 0.7,
        rule: 'tokens/brackets:reversed-quote',
      }));
      k++;
      continue;
    }
    close.push(s);
  }
  const straight: number[] = [];
  for (const seg of lines) for (const m of source.slice(seg.from, seg.to).matchAll(/"/gu)) straight.push(seg.from + m.index);
  // A notes entry quotes from its source as it likes (an excerpt starting mid-quotation): only prose is counted.
  if (straight.length % 2 === 1 && block.type !== 'title' && block.type !== 'note') {
    const at = straight[straight.length - 1]!;
    flags.push(damageFlag('garbled', { from: at, to: at + 1 }, {
      conclusion: 'A straight quote mark is unmatched',
      evidence: [`the paragraph has an odd number of straight quote marks (${straight.length})`],
      confidence: 0.5,
      rule: 'tokens/brackets:odd-quotes',
    }));
  }
  return { open, close, flags };
}

/** How many blocks later a closing bracket may still close a bracket left open (a bracketed note or illustration over several paragraphs). */
const SPAN_BLOCKS = 6;

/**
 * Lone brackets paired across nearby blocks (`[Footnote 13: …` … `…]`): the
 * pairs are a bracketed passage over several paragraphs; the rest are flagged.
 */
function acrossBlocks(openers: readonly { lone: Lone; block: number }[], closers: readonly { lone: Lone; block: number }[]): Flag[] {
  const events = [...openers.map((o) => ({ ...o, open: true })), ...closers.map((c) => ({ ...c, open: false }))].sort((a, b) => a.lone.at - b.lone.at);
  // Per kind, as in `unmatched`; the search below stops at the first opener too far back, so it stays short.
  const stacks = new Map<string, { lone: Lone; block: number }[]>();
  const out: Flag[] = [];
  const report = (l: Lone, open: boolean) =>
    out.push(damageFlag('garbled', { from: l.at, to: l.at + 1 }, {
      conclusion: open ? `"${l.char}" opens and is never closed` : `"${l.char}" closes but nothing opened it`,
      evidence: [open ? `no "${BRACKETS[l.char]}" follows in this paragraph or the next ${SPAN_BLOCKS}` : `no "${CLOSERS[l.char]}" comes before it in this paragraph or the ${SPAN_BLOCKS} before`],
      confidence: 0.6,
      rule: 'tokens/brackets:unmatched',
    }));
  for (const e of events) {
    if (e.open) {
      const kind = stacks.get(e.lone.char);
      if (kind) kind.push(e);
      else stacks.set(e.lone.char, [e]);
      continue;
    }
    const kind = stacks.get(CLOSERS[e.lone.char]!) ?? [];
    let k = kind.length - 1;
    while (k >= 0 && e.block - kind[k]!.block <= SPAN_BLOCKS && e.block === kind[k]!.block) k--;
    if (k >= 0 && e.block - kind[k]!.block <= SPAN_BLOCKS) {
      kind.splice(k, 1);
      continue;
    }
    report(e.lone, false);
  }
  for (const kind of stacks.values()) for (const s of kind) report(s.lone, true);
  return out.sort((a, b) => a.from - b.from);
}
