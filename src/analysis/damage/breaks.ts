/**
 * Breaks in the flow of prose: paragraphs that break off (`truncated`),
 * paragraphs that start mid-sentence (`missing-passage`), one sentence cut by
 * a spurious paragraph break (`split`), empty sections and a missing title.
 */
import type { Block, ParsedText } from '../../document/structure.ts';
import { flag, type Flag } from '../finding.ts';
import { blockRange, DETERMINERS, FUNCTION_WORDS, isAbbreviationAt, OPEN_ENDINGS, proseEnd, sentencesIn, wordsIn } from '../text.ts';

/** What the analyzer knows about the text's title (from the manifest). */
export interface TitleInfo {
  /** The known title; `null` when the manifest says the title is lost, undefined when nothing is known. */
  readonly title?: string | null;
}

/** Closing punctuation, optionally followed by closing quotes or brackets. */
const CLOSED = /(?:[.!?:;…]|\.\.\.)["”’»)\]]*$/u;
/** Headings of back matter: a section just before one cannot be a parent of it. */
const BACK_MATTER = /^(?:notes|references|endnotes|footnotes|sources|citations|bibliography|works cited|see also|external links|further reading|acknowledg(?:e)?ments)$/iu;
/** Characters quoted from a block in a description. */
const QUOTE_CHARS = 40;

/**
 * Break findings for one parsed text. `info.title === null` means the text is
 * known to have lost its title. Never throws.
 */
export function detectBreaks(parsed: ParsedText, info: TitleInfo = {}): Flag[] {
  const { source, blocks } = parsed;
  const out: Flag[] = [];
  if (info.title === null && !parsed.hasTitle && blocks[0]) {
    const first = blockRange(blocks[0]) ?? blocks[0].span;
    out.push(flag('damage', 'missing-passage', first, `The text's title is missing: it opens with "${clip(source.slice(first.from, first.to))}".`, 0.9));
  }
  const hardWrapped = isHardWrapped(blocks);
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (block.type === 'heading') for (const item of emptySection(source, blocks, i)) out.push(item);
    if (block.type !== 'paragraph') continue;
    if (!hardWrapped) for (const item of innerBreaks(source, block)) out.push(item);
    const next = blocks[i + 1];
    for (const item of brokenEnd(source, block, next)) out.push(item);
    for (const item of brokenStart(source, block, blocks[i - 1])) out.push(item);
    for (const item of truncatedSentences(source, block)) out.push(item);
  }
  return out;
}

function clip(text: string): string {
  const one = text.replace(/\s+/gu, ' ').trim();
  return one.length > QUOTE_CHARS ? `${one.slice(0, QUOTE_CHARS - 1)}…` : one;
}

function tail(text: string): string {
  const one = text.replace(/\s+/gu, ' ').trim();
  return one.length > QUOTE_CHARS ? `…${one.slice(one.length - QUOTE_CHARS + 1)}` : one;
}

/** Why prose ending at `end` is unfinished, or null when it ends as a sentence does. */
function unfinished(source: string, from: number, end: number): string | null {
  const text = source.slice(from, end);
  if (CLOSED.test(text)) return null;
  const last = text[text.length - 1] ?? '';
  if (last === ',') return 'ends in a comma';
  if (/[(\[{“‘«]/u.test(last)) return 'ends in an opening bracket';
  if (/[–—-]/u.test(last)) return 'ends in a dash';
  const word = wordsIn(source, from, end).pop();
  if (word && word.to === end && OPEN_ENDINGS.has(word.text.toLowerCase())) return `ends in "${word.text}"`;
  return 'ends without closing punctuation';
}

/** A paragraph that does not end as a sentence: cut by a spurious break when the next paragraph reads on, else truncated. */
function brokenEnd(source: string, block: Block, next: Block | undefined): Flag[] {
  const range = blockRange(block);
  if (!range) return [];
  const end = proseEnd(source, block);
  if (end <= range.from) return [];
  const why = unfinished(source, range.from, end);
  if (!why) return [];
  const ending = { from: Math.max(range.from, lastSentenceStart(source, range.from, end)), to: end };
  const nextRange = next && next.type === 'paragraph' ? blockRange(next) : null;
  if (nextRange && readsOn(source, ending, nextRange.from)) {
    const head = source.slice(nextRange.from, Math.min(nextRange.to, nextRange.from + QUOTE_CHARS));
    return [flag('damage', 'split', { from: ending.from, to: nextRange.to > nextRange.from ? firstSentenceEnd(source, nextRange) : end }, `A paragraph break cuts this sentence in two: "${tail(source.slice(ending.from, end))}" continues with "${clip(head)}"; nothing seems lost.`, 0.7)];
  }
  return [flag('damage', 'truncated', ending, `The paragraph breaks off: it ${why} ("${tail(source.slice(ending.from, end))}"); the rest is lost.`, why === 'ends without closing punctuation' ? 0.7 : 0.85)];
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

/** A paragraph opening with lowercase or punctuation starts mid-sentence: the words before it are lost, unless the previous paragraph reads on into it (a split, flagged there). */
function brokenStart(source: string, block: Block, previous: Block | undefined): Flag[] {
  const range = blockRange(block);
  if (!range) return [];
  const head = source.slice(range.from, range.from + 1);
  const lower = /\p{Ll}/u.test(head);
  const punct = /[.,;:!?)\]]/u.test(head);
  if (!lower && !punct) return [];
  if (lower && previous?.type === 'paragraph') {
    const prevRange = blockRange(previous);
    if (prevRange) {
      const end = proseEnd(source, previous);
      const why = unfinished(source, prevRange.from, end);
      if (why && readsOn(source, { from: prevRange.from, to: end }, range.from)) return [];
    }
  }
  const first = sentencesIn(source, range.from, range.to)[0] ?? range;
  const what = punct && range.to - range.from <= 3 ? `holds only "${source.slice(range.from, range.to)}"` : `starts mid-sentence ("${clip(source.slice(first.from, first.to))}")`;
  return [flag('damage', 'missing-passage', first, `The paragraph ${what}: the words before it are lost.`, punct ? 0.85 : 0.75)];
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
    out.push(flag('damage', 'truncated', s, `The sentence breaks off: it ends in "${word.text}." ("${tail(source.slice(s.from, at + 1))}"); words are lost.`, 0.6));
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
 * paragraph between a line without closing punctuation and a lowercase line
 * marks where words were dropped (typically a link or a template lost in extraction).
 */
function innerBreaks(source: string, block: Block): Flag[] {
  const out: Flag[] = [];
  for (let k = 1; k < block.segments.length; k++) {
    const before = block.segments[k - 1]!;
    const after = block.segments[k]!;
    if (!/^\p{Ll}/u.test(source.slice(after.from, after.from + 1))) continue;
    if (unfinished(source, before.from, before.to) === null) continue;
    const words = wordsIn(source, after.from, after.to).slice(0, 3);
    const end = words.length ? words[words.length - 1]!.to : after.to;
    out.push(flag('damage', 'missing-passage', { from: before.from, to: end }, `Words are lost at a line break inside the paragraph: "${tail(source.slice(before.from, before.to))}" runs into "${clip(source.slice(after.from, end))}".`, 0.5));
  }
  return out;
}

/** A heading followed by nothing, or directly by back matter, heads an empty section. */
function emptySection(source: string, blocks: readonly Block[], i: number): Flag[] {
  const heading = blocks[i]!;
  const range = blockRange(heading) ?? heading.span;
  const text = source.slice(range.from, range.to).trim();
  const next = blocks[i + 1];
  if (next && next.type !== 'heading') return [];
  if (next && !BACK_MATTER.test(source.slice(next.segments[0]?.from ?? 0, next.segments[0]?.to ?? 0).trim())) return [];
  const where = next ? `the next heading follows at once` : 'the text ends here';
  return [flag('damage', 'missing-passage', range, `The section "${clip(text)}" is empty (${where}): its content is lost.`, next ? 0.75 : 0.8)];
}
