/**
 * Breaks in the flow of prose: paragraphs that break off (`truncated`),
 * paragraphs that start mid-sentence (`missing-passage`), one sentence cut by
 * a spurious paragraph break (`split`), empty sections and a missing title.
 *
 * Only running prose is judged (see `../prose.ts`): headings, captions,
 * reference entries, table rows, list items, code and quotations end without
 * a period by design. Each rule backs off in a text where it fires on a large
 * share of the paragraphs (see `genre.ts`).
 */
import type { Block, ParsedText } from '../../document/structure.ts';
import { damageFlag, flag, type Flag } from '../finding.ts';
import { blockEndNotProse, blockStartNotProse, isLabelLine, lineNotProse, type BlockLines, type NotProse } from '../prose.ts';
import { blockRange, DETERMINERS, FUNCTION_WORDS, isAbbreviationAt, OPEN_ENDINGS, proseEnd, sentencesIn, wordsIn } from '../text.ts';
import { backOff } from './genre.ts';

/** What the analyzer knows about the text's title (from the manifest). */
export interface TitleInfo {
  /** The known title; `null` when the manifest says the title is lost, undefined when nothing is known. */
  readonly title?: string | null;
}

/** Closing punctuation, optionally followed by a dash and closing quotes or brackets (`ey.--]` closing a bracketed song). */
const CLOSED = /(?:[.!?:;…]|\.\.\.)(?:--|[–—])?["”’»)\]]*$/u;
/** Emphasis or code markup closing a line (`_Orders._`, `**Total**`): not part of how the sentence ends. */
const TRAILING_MARKUP = /[\s_*`]+$/u;
/** Citation markers the importer may not have taken for markers: `[91]: 118, 152–169`, `[^4]`, `[a]`, a tag wrapped over a line (`[citation⏎needed]`). */
const TRAILING_CITATIONS = /(?:\s*\[[^\]]{1,40}\](?::\s*[\d\s,–—-]+)?)+$/u;
/** Headings of back matter: a section just before one cannot be a parent of it. */
const BACK_MATTER = /^(?:notes|references|endnotes|footnotes|sources|citations|bibliography|works cited|see also|external links|further reading|acknowledg(?:e)?ments)$/iu;
/**
 * A lead-in to a quotation or a list: a speech verb or "as follows" before a
 * comma, colon or dash (`…he said,`, `…as follows:--`).
 */
const LEAD_IN = /\b(?:said|says|say|saying|wrote|writes|write|stated|states|declared|declares|replied|replies|added|adds|asked|asks|answered|answers|continued|continues|concluded|explained|observed|remarked|noted|notes|reads|recalled|recalls|translates|translated|sang|sings|is|was|follows|following|thus)\s*[,:]?\s*[-–—]*$/iu;
/** Lines set between the halves of a sentence from which they are a whole figure or table, not a caption. */
const FIGURE_IN_SENTENCE_LINES = 12;
/** How many blocks back a sentence may resume after a display (code, a figure, a page's furniture). */
const DISPLAY_BLOCKS = 12;
/** Characters quoted from a block in a description. */
const QUOTE_CHARS = 40;
/**
 * The longest span a break flag marks. A flag marks the sentence that breaks
 * off or starts mid-way; a "sentence" with no end in sight (a megabyte of
 * unpunctuated text) would put the whole of it in the annotation's quote, so
 * only its last (or first) stretch is marked, cut at a space.
 */
export const MAX_FLAG_SPAN = 600;

/** The end of `span` at most `max` long, starting after a space where one is near. */
function lastStretch(source: string, span: { from: number; to: number }, max = MAX_FLAG_SPAN): { from: number; to: number } {
  if (span.to - span.from <= max) return span;
  const from = span.to - max;
  const space = source.indexOf(' ', from);
  return { from: space >= 0 && space < from + 60 && space + 1 < span.to ? space + 1 : from, to: span.to };
}

/** The start of `span` at most `max` long, ending before a space where one is near. */
function firstStretch(source: string, span: { from: number; to: number }, max = MAX_FLAG_SPAN): { from: number; to: number } {
  if (span.to - span.from <= max) return span;
  const to = span.from + max;
  const space = source.lastIndexOf(' ', to);
  return { from: span.from, to: space > to - 60 && space > span.from ? space : to };
}

/** How a paragraph's prose ends when it does not end as a sentence does. */
interface Ending {
  readonly kind: 'comma' | 'bracket' | 'dash' | 'function-word' | 'unpunctuated';
  /** What was seen, as a clause: `it ends with "of"`. */
  readonly seen: string;
}

/** Everything the rules need to know about the blocks of one text. */
interface Context {
  readonly source: string;
  readonly blocks: readonly Block[];
  readonly lines: readonly BlockLines[];
  /** Why each block is not prose where it ends / starts, or null. */
  readonly endRole: readonly (NotProse | null)[];
  readonly startRole: readonly (NotProse | null)[];
  /** Blocks that end, or start, inside a square bracket opened and closed in other blocks (`[Music illustration:` … `]`). */
  readonly bracketed: { readonly end: ReadonlySet<number>; readonly start: ReadonlySet<number> };
}

/** How many blocks a bracketed insertion (an illustration, a transcriber's note) may run over. */
const BRACKET_BLOCKS = 6;

/**
 * Blocks inside a bracketed insertion that runs over paragraphs
 * (`[Music illustration:` / a line of song / `… yah.]`): what is in it is
 * set off from the prose, and a line of it that stops without a period
 * stopped by design. Only brackets that close within BRACKET_BLOCKS blocks count.
 */
function bracketedBlocks(lines: readonly BlockLines[]): Context['bracketed'] {
  const end = new Set<number>();
  const start = new Set<number>();
  const net = lines.map((b) => {
    const text = b.lines.join('\n');
    return (text.match(/\[/gu) ?? []).length - (text.match(/\]/gu) ?? []).length;
  });
  for (let i = 0; i < lines.length; i++) {
    if (net[i]! <= 0) continue;
    let depth = net[i]!;
    for (let k = i + 1; k < lines.length && k <= i + BRACKET_BLOCKS; k++) {
      depth += net[k]!;
      if (depth > 0) continue;
      for (let j = i; j < k; j++) end.add(j);
      for (let j = i + 1; j <= k; j++) start.add(j);
      i = k;
      break;
    }
  }
  return { end, start };
}

/**
 * Break findings for one parsed text. `info.title === null` means the text is
 * known to have lost its title. Never throws.
 */
export function detectBreaks(parsed: ParsedText, info: TitleInfo = {}): Flag[] {
  const { source, blocks } = parsed;
  const out: Flag[] = [];
  if (info.title === null && !parsed.hasTitle && blocks[0]) {
    const first = blockRange(blocks[0]) ?? blocks[0].span;
    out.push(damageFlag('missing-passage', firstStretch(source, first), {
      conclusion: "The text's title is missing",
      evidence: ['the manifest records the title as lost', `the text opens with "${clip(source.slice(first.from, first.to))}"`],
      confidence: 0.9,
      rule: 'breaks/title',
    }));
  }
  const lines = blocks.map((b) => ({ type: b.type, lines: b.segments.map((s) => source.slice(lineStart(source, s.from), s.to)) }));
  const ctx: Context = { source, blocks, lines, endRole: lines.map(blockEndNotProse), startRole: lines.map(blockStartNotProse), bracketed: bracketedBlocks(lines) };
  const hardWrapped = isHardWrapped(blocks);
  const found: Flag[] = [];
  let proseSentences = 0;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (block.type === 'heading') for (const item of emptySection(source, blocks, i)) out.push(item);
    if (block.type !== 'paragraph') continue;
    const range = blockRange(block);
    if (range && (ctx.endRole[i] === null || ctx.startRole[i] === null)) proseSentences += sentencesIn(source, range.from, proseEnd(source, block)).length;
    if (!hardWrapped) for (const item of innerBreaks(source, block)) found.push(item);
    const end = brokenEnd(ctx, i);
    if (end) found.push(end);
    const start = brokenStart(ctx, i);
    if (start) found.push(start);
    if (ctx.endRole[i] === null && ctx.startRole[i] === null) for (const item of truncatedSentences(source, block)) found.push(item);
  }
  for (const item of backOff(found, proseSentences)) out.push(item);
  return out;
}

/** Where the line holding `at` starts: segments may leave out a line's indentation, which says what the line is. */
function lineStart(source: string, at: number): number {
  let k = at;
  while (k > 0 && (source[k - 1] === ' ' || source[k - 1] === '\t')) k--;
  return k;
}

function clip(text: string): string {
  const one = text.replace(/\s+/gu, ' ').trim();
  return one.length > QUOTE_CHARS ? `${one.slice(0, QUOTE_CHARS - 1)}…` : one;
}

function tail(text: string): string {
  const one = text.replace(/\s+/gu, ' ').trim();
  return one.length > QUOTE_CHARS ? `…${one.slice(one.length - QUOTE_CHARS + 1)}` : one;
}

/** How prose ending at `end` is unfinished, or null when it ends as a sentence does. */
function unfinished(source: string, from: number, end: number): Ending | null {
  const text = source.slice(from, end).replace(TRAILING_MARKUP, '').replace(TRAILING_CITATIONS, '').replace(TRAILING_MARKUP, '');
  if (!text || CLOSED.test(text)) return null;
  const quoted = `("${tail(text)}")`;
  const last = text[text.length - 1] ?? '';
  if (last === ',') return { kind: 'comma', seen: `it ends with a comma ${quoted}` };
  if (/[([{“‘«]/u.test(last)) return { kind: 'bracket', seen: `it ends with an opening bracket ${quoted}` };
  if (/[–—-]/u.test(last)) return { kind: 'dash', seen: `it ends with a dash ${quoted}` };
  const word = wordsIn(text).pop();
  if (word && word.to === text.length && OPEN_ENDINGS.has(word.text.toLowerCase())) {
    return { kind: 'function-word', seen: `it ends with "${word.text}", a word that cannot end a sentence ${quoted}` };
  }
  return { kind: 'unpunctuated', seen: `it ends without closing punctuation ${quoted}` };
}

/** The paragraph before block `i`, skipping interruptions (captions, page furniture); null at a heading or the start. */
function previousProse(ctx: Context, i: number): number | null {
  for (let j = i - 1; j >= 0; j--) {
    const role = ctx.endRole[j] ?? null;
    if (role === null) return j;
    if (!isInterruption(role)) return null;
  }
  return null;
}

/** The paragraph after block `i`, skipping interruptions; null at a heading or the end. */
function nextProse(ctx: Context, i: number): number | null {
  for (let j = i + 1; j < ctx.blocks.length; j++) {
    const role = ctx.startRole[j] ?? null;
    if (role === null) return j;
    if (!isInterruption(role)) return null;
  }
  return null;
}

/**
 * Blocks that may sit inside a running sentence without breaking it: page
 * furniture, captions, figures and tables set between two halves of a
 * paragraph by the layout. Headings, lists and quotations end the paragraph.
 */
function isInterruption(role: NotProse): boolean {
  return role === 'a caption' || role === 'a table row' || role === 'a separator line' || role === 'a header field or a hatnote';
}

/** Source lines of the blocks strictly between blocks `i` and `j`. */
function linesBetween(ctx: Context, i: number, j: number): number {
  let n = 0;
  for (let k = i + 1; k < j; k++) n += ctx.lines[k]!.lines.length;
  return n;
}

/** What follows paragraph `i`, as a clause for the evidence. */
function whatFollows(ctx: Context, i: number): string {
  const next = ctx.blocks[i + 1];
  if (!next) return 'the text ends there';
  const role = ctx.startRole[i + 1];
  const head = clip(ctx.lines[i + 1]!.lines.join(' '));
  if (role === null) {
    const first = head.replace(/^[^\p{L}\p{N}]+/u, '');
    if (/^\p{Lu}/u.test(first)) return `the next paragraph starts a new sentence with a capital ("${head}")`;
    return `the next paragraph does not continue it ("${head}")`;
  }
  return `${role} follows ("${head}")`;
}

/**
 * A paragraph that does not end as a sentence: cut by a spurious break when
 * the next paragraph reads on, else truncated. Not flagged when its last
 * line is not prose, when it is a label (a short line without punctuation
 * between paragraphs), when it leads in to a quotation, or when the sentence
 * continues after an interruption (a caption or a running head in between).
 */
function brokenEnd(ctx: Context, i: number): Flag | null {
  const { source, blocks } = ctx;
  const block = blocks[i]!;
  const range = blockRange(block);
  if (!range || ctx.endRole[i] !== null || ctx.bracketed.end.has(i)) return null;
  const end = proseEnd(source, block);
  if (end <= range.from) return null;
  const ending = unfinished(source, range.from, end);
  if (!ending) return null;
  const sentence = { from: Math.max(range.from, lastSentenceStart(source, range.from, end)), to: end };
  const j = nextProse(ctx, i);
  const nextRange = j === null ? null : blockRange(blocks[j]!);
  // A label followed by another label (`Main menu` / `move to sidebar hide`) is chrome, not one sentence.
  const continued = nextRange !== null && readsOn(source, sentence, nextRange.from) && !(isLabelLine(source.slice(range.from, end), false) && isLabelLine(source.slice(nextRange.from, nextRange.to), false));
  const underHeading = blocks[i - 1]?.type === 'heading';
  if (!continued && ending.kind === 'unpunctuated' && isLabelLine(source.slice(range.from, end), underHeading)) return null;
  if (ending.kind !== 'function-word' && leadsIn(source.slice(sentence.from, end), ctx, i)) return null;
  if (nextRange && continued) {
    const between = j! - i - 1;
    const setIn = between > 0 ? linesBetween(ctx, i, j!) : 0;
    // A caption or a page's furniture between the halves is how a page is made; a whole figure is the layout cutting the sentence.
    if (between > 0 && setIn < FIGURE_IN_SENTENCE_LINES) return null;
    const head = source.slice(nextRange.from, Math.min(nextRange.to, nextRange.from + QUOTE_CHARS));
    // Both halves of the cut sentence, each at most half the longest span.
    const half = MAX_FLAG_SPAN / 2;
    const span = { from: lastStretch(source, sentence, half).from, to: firstStretch(source, { from: nextRange.from, to: firstSentenceEnd(source, nextRange) }, half).to };
    if (between > 0) {
      // Only the first half is marked: a span over the figure would quote all of its labels.
      return damageFlag('split', lastStretch(source, sentence), {
        conclusion: 'A figure or table set inside this sentence cuts it in two; nothing seems lost',
        evidence: [ending.seen, `${setIn} lines of captions, labels or table rows follow`, `a paragraph after them continues it ("${clip(head)}")`],
        confidence: 0.6,
        rule: 'breaks/end:split-around',
      });
    }
    return damageFlag('split', span, {
      conclusion: 'A paragraph break cuts this sentence in two; nothing seems lost',
      evidence: [ending.seen, `the next paragraph continues it ("${clip(head)}")`],
      confidence: 0.7,
      rule: 'breaks/end:split',
    });
  }
  return damageFlag('truncated', lastStretch(source, sentence), {
    conclusion: 'The paragraph breaks off and the rest is lost',
    evidence: [ending.seen, whatFollows(ctx, i)],
    confidence: ending.kind === 'unpunctuated' ? 0.7 : 0.85,
    rule: `breaks/end:${ending.kind}`,
  });
}

/**
 * The paragraph's last sentence leads in to a quotation or a list: a speech
 * verb or "as follows" before its comma, colon or dash (`…he said,`,
 * `…as follows:--`), or a comma or dash before a block quotation.
 */
function leadsIn(sentence: string, ctx: Context, i: number): boolean {
  const text = sentence.replace(TRAILING_MARKUP, '');
  if (/[,:;]\s*[-–—]+$/u.test(text)) return true;
  if (/[,:–—-]$/u.test(text) && LEAD_IN.test(text)) return true;
  const next = ctx.lines[i + 1]?.lines[0] ?? '';
  const role = ctx.startRole[i + 1];
  const quotation = role === 'a block quotation' || role === 'code or an indented quotation' || role === 'a list item' || /^\s*["“‘]/u.test(next);
  return quotation && /[,:–—-]$/u.test(text);
}

/**
 * The next paragraph continues the sentence with nothing lost when it starts
 * lowercase, or when the broken sentence ends in a word (not a comma or
 * bracket) and the next paragraph starts with a figure or sum (`totalled | $50 million`).
 */
function readsOn(source: string, ending: { from: number; to: number }, nextFrom: number): boolean {
  const head = source.slice(nextFrom, nextFrom + 12);
  if (/^\p{Ll}/u.test(head)) return !/^[,;:]/u.test(head);
  const lastChar = source[ending.to - 1] ?? '';
  if (!/\p{L}/u.test(lastChar)) return false;
  const lastWord = wordsIn(source, ending.from, ending.to).pop();
  // A determiner or preposition wants a noun phrase; a figure alone rarely supplies a lost one.
  if (lastWord && DETERMINERS.has(lastWord.text.toLowerCase())) return false;
  return /^(?:\p{Lu}{1,3})?[$€£¥]?\d/u.test(head);
}

function lastSentenceStart(source: string, from: number, to: number): number {
  const sentences = sentencesIn(source, from, to);
  return sentences.length ? sentences[sentences.length - 1]!.from : from;
}

function firstSentenceEnd(source: string, range: { from: number; to: number }): number {
  const first = sentencesIn(source, range.from, range.to)[0];
  return first ? first.to : range.to;
}

/**
 * A paragraph opening with lowercase or punctuation starts mid-sentence: the
 * words before it are lost, unless the paragraph before reads on into it (a
 * split, flagged there), or a quotation, list or table stands between (the
 * sentence resumes after it), or the block is a short label without punctuation.
 */
function brokenStart(ctx: Context, i: number): Flag | null {
  const { source, blocks } = ctx;
  const block = blocks[i]!;
  const range = blockRange(block);
  if (!range || ctx.startRole[i] !== null || ctx.bracketed.start.has(i)) return null;
  const text = source.slice(range.from, range.to);
  const lower = /^\p{Ll}/u.test(text);
  const punct = /^[.,;:!?)\]]/u.test(text);
  if (!lower && !punct) return null;
  const previous = blocks[i - 1];
  const before = ctx.endRole[i - 1] ?? null;
  if (lower && before !== null && before !== 'a heading' && !isInterruption(before)) return null;
  if (lower && !/[.,;:!?]/u.test(text) && !text.includes('\n') && text.split(/\s+/u).length <= 6) return null;
  if (lower && resumesAfterDisplay(ctx, i)) return null;
  const p = lower ? previousProse(ctx, i) : null;
  if (p !== null) {
    const prevRange = blockRange(blocks[p]!)!;
    const end = proseEnd(source, blocks[p]!);
    if (unfinished(source, prevRange.from, end) && readsOn(source, { from: prevRange.from, to: end }, range.from)) return null;
  }
  const first = sentencesIn(source, range.from, range.to)[0] ?? range;
  const what = punct && range.to - range.from <= 3 ? `the paragraph holds only "${text}"` : `it starts with ${lower ? 'a lowercase word' : 'punctuation'} ("${clip(source.slice(first.from, first.to))}")`;
  const prior = !previous
    ? 'it opens the text'
    : previous.type === 'heading'
      ? `a heading comes before it ("${clip(ctx.lines[i - 1]!.lines.join(' '))}")`
      : `the paragraph before ends ${unfinished(source, blockRange(previous)?.from ?? previous.span.from, proseEnd(source, previous)) ? 'without finishing its sentence' : 'a sentence'} ("${tail(ctx.lines[i - 1]!.lines.join(' '))}")`;
  return damageFlag('missing-passage', firstStretch(source, first), {
    conclusion: 'The paragraph starts mid-sentence; the words before it are lost',
    evidence: [what, prior],
    confidence: punct ? 0.85 : 0.75,
    rule: punct ? 'breaks/start:punctuation' : 'breaks/start:lowercase',
  });
}

/**
 * A lowercase paragraph resumes a sentence set around displayed material:
 * the prose before the display ends with a colon (`The proposed
 * declaration::` / code / `prevents x from …`), or a block between (a page's
 * furniture, a paragraph the layout read as a caption) itself stops
 * mid-clause, on a comma, a dash or a function word.
 */
function resumesAfterDisplay(ctx: Context, i: number): boolean {
  const { source, blocks } = ctx;
  // A display is a few blocks long; looking further back would make the rule quadratic on a pile of labels.
  for (let j = i - 1; j >= Math.max(0, i - DISPLAY_BLOCKS); j--) {
    const block = blocks[j]!;
    if (block.type === 'heading' || block.type === 'title') return false;
    const range = blockRange(block);
    if (!range) continue;
    const end = proseEnd(source, block);
    const ending = unfinished(source, range.from, end);
    const text = source.slice(range.from, end).replace(TRAILING_MARKUP, '');
    if (j < i - 1 && /:$/u.test(text)) return true;
    if (ending && ending.kind !== 'unpunctuated' && ending.kind !== 'bracket') return true;
    if (ctx.endRole[j] === null) return false;
  }
  return false;
}

/** Inside a paragraph, a sentence whose period follows a function word ("members of.") broke off. */
function truncatedSentences(source: string, block: Block): Flag[] {
  const range = blockRange(block);
  if (!range) return [];
  const out: Flag[] = [];
  const end = proseEnd(source, block);
  for (const s of sentencesIn(source, range.from, end)) {
    const dot = source.slice(s.from, s.to).search(/\.["”’)\]]*(?:\[[^\]]*\]|\d{1,3})*$/u);
    if (dot < 0) continue;
    const at = s.from + dot;
    const word = wordsIn(source, s.from, at).pop();
    if (!word || word.to !== at || isAbbreviationAt(source, at)) continue;
    if (!FUNCTION_WORDS.has(word.text.toLowerCase())) continue;
    out.push(damageFlag('truncated', lastStretch(source, s), {
      conclusion: 'The sentence breaks off and words are lost',
      evidence: [`its period follows "${word.text}", a word that cannot end a sentence ("${tail(source.slice(s.from, at + 1))}")`],
      confidence: 0.6,
      rule: 'breaks/sentence:function-word',
    }));
  }
  return out;
}

/** Share of multi-line paragraphs above which a text counts as hard-wrapped prose. */
const HARD_WRAPPED_SHARE = 0.3;

/** True when many paragraphs span several lines: then a line break inside a sentence is ordinary wrapping. */
function isHardWrapped(blocks: readonly Block[]): boolean {
  const paragraphs = blocks.filter((b) => b.type === 'paragraph');
  const multi = paragraphs.filter((b) => b.segments.length > 1).length;
  return paragraphs.length > 0 && multi / paragraphs.length > HARD_WRAPPED_SHARE;
}

/**
 * In a text whose paragraphs are single lines, a line break inside a
 * paragraph between a prose line without closing punctuation and a lowercase
 * prose line marks where words were dropped (typically a link or a template
 * lost in extraction).
 */
function innerBreaks(source: string, block: Block): Flag[] {
  const out: Flag[] = [];
  for (let k = 1; k < block.segments.length; k++) {
    const before = block.segments[k - 1]!;
    const after = block.segments[k]!;
    if (!/^\p{Ll}/u.test(source.slice(after.from, after.from + 1))) continue;
    if (lineNotProse(source.slice(before.from, before.to)) || lineNotProse(source.slice(after.from, after.to))) continue;
    const ending = unfinished(source, before.from, before.to);
    if (ending === null) continue;
    const words = wordsIn(source, after.from, after.to).slice(0, 3);
    const end = words.length ? words[words.length - 1]!.to : after.to;
    if (/ {2,}\r?$/u.test(source.slice(before.to, lineEnd(source, before.to)))) {
      // Two spaces before the line end are a Markdown hard break: the line was broken on purpose, nothing lost.
      out.push(damageFlag('split', { from: before.from, to: before.to }, {
        conclusion: 'A line break cuts this sentence in two; nothing seems lost',
        evidence: [`the line "${tail(source.slice(before.from, before.to))}" ${ending.seen.replace(/^it /u, '').replace(/ \("[^]*"\)$/u, '')} and closes with a hard line break (two spaces)`, `the next line runs on in lowercase ("${clip(source.slice(after.from, end))}")`, 'the text otherwise keeps each paragraph on one line'],
        confidence: 0.6,
        rule: 'breaks/inner-line:split',
      }));
      continue;
    }
    out.push(damageFlag('missing-passage', { from: before.from, to: end }, {
      conclusion: 'Words are lost at a line break inside the paragraph',
      evidence: [`the line "${tail(source.slice(before.from, before.to))}" ${ending.seen.replace(/^it /u, '').replace(/ \("[^]*"\)$/u, '')}`, `the next line runs on in lowercase ("${clip(source.slice(after.from, end))}")`, 'the text otherwise keeps each paragraph on one line'],
      confidence: 0.5,
      rule: 'breaks/inner-line',
    }));
  }
  return out;
}

/** Where the line holding `at` ends (its line break, or the end of the text). */
function lineEnd(source: string, at: number): number {
  const k = source.indexOf('\n', at);
  return k < 0 ? source.length : k;
}

/** A heading followed by nothing, or directly by back matter, heads an empty section. */
function emptySection(source: string, blocks: readonly Block[], i: number): Flag[] {
  const heading = blocks[i]!;
  const range = blockRange(heading) ?? heading.span;
  const text = source.slice(range.from, range.to).trim();
  if (lineNotProse(text) === 'a table row') return [];
  const next = blocks[i + 1];
  if (next && next.type !== 'heading') return [];
  if (next && !BACK_MATTER.test(source.slice(next.segments[0]?.from ?? 0, next.segments[0]?.to ?? 0).trim())) return [];
  const where = next ? `the back-matter heading "${clip(source.slice(next.span.from, next.span.to))}" follows at once` : 'the text ends after it';
  return [flag('damage', 'missing-passage', range, `The section "${clip(text)}" is empty and its content is lost: ${where}.`, next ? 0.75 : 0.8, [where], 'breaks/empty-section')];
}
