/**
 * The generated scale corpus: the two texts' paragraphs, shuffled and varied
 * (other words from the same texts, other numbers) until the corpus is long
 * enough; stand-off annotations on it; and random edits of it, for
 * re-anchoring. Everything is deterministic for a given seed.
 */
import { CodePointIndex } from '../src/document/code-points.ts';
import { describingBody, stableAnnotationId, tagBody, textTarget, type Agent, type Annotation, type AnnotationCollection } from '../src/annotations/model.ts';
import { Random } from './random.ts';

/** The chance that a word is swapped for another word of the texts. */
export const WORD_SWAP_RATE = 0.2;

/** Paragraphs of `texts`: runs of non-blank lines, trimmed of trailing spaces; empty ones dropped. */
export function paragraphsOf(texts: readonly string[]): string[] {
  return texts.flatMap((t) => t.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n+/)).map((p) => p.replace(/\s+$/, '')).filter((p) => p.trim() !== '');
}

/** Replaces every digit run by a random one of the same length (no leading zero unless it had one). */
function varyNumbers(paragraph: string, random: Random): string {
  return paragraph.replace(/\d+/g, (digits) => {
    let out = '';
    for (let i = 0; i < digits.length; i++) out += String(i === 0 && digits[0] !== '0' ? random.int(1, 9) : random.int(0, 9));
    return out;
  });
}

/** Swaps some words (letters only) for other words from `vocabulary`. */
function varyWords(paragraph: string, vocabulary: readonly string[], random: Random): string {
  return paragraph.replace(/\p{L}+/gu, (word) => (random.next() < WORD_SWAP_RATE ? random.pick(vocabulary) : word));
}

/**
 * A corpus of at least `minLength` code units made from `texts`: rounds of
 * their paragraphs in a shuffled order, each paragraph with varied words and
 * numbers, joined by blank lines. Throws RangeError when the texts have no
 * paragraph. Same inputs and seed, same corpus.
 */
export function generateCorpus(texts: readonly string[], options: { minLength: number; seed: number }): string {
  const paragraphs = paragraphsOf(texts);
  if (!paragraphs.length) throw new RangeError('The texts have no paragraph to build a corpus from.');
  const vocabulary = [...new Set(texts.flatMap((t) => t.match(/\p{L}{3,}/gu) ?? []))];
  const random = new Random(options.seed);
  const out: string[] = [];
  let length = 0;
  while (length < options.minLength) {
    for (const p of random.shuffle(paragraphs)) {
      const varied = varyWords(varyNumbers(p, random), vocabulary.length ? vocabulary : ['word'], random);
      out.push(varied);
      length += varied.length + 2;
      if (length >= options.minLength) break;
    }
  }
  return `${out.join('\n\n')}\n`;
}

/** Where the annotations go and who made them. */
export interface AnnotationPlan {
  readonly count: number;
  readonly seed: number;
  /** The document's IRI (the targets' `source`). */
  readonly iri: string;
}

/** The generator agent named on generated annotations. */
export const BENCH_AGENT: Agent = { id: 'urn:x-reader:bench', type: 'Software', name: 'Reader benchmark corpus generator' };

/**
 * Word ranges of `text`: `count` spans of one to six words, at most one in
 * each of `count` equal slices of the text, so none overlap; ascending.
 * Fewer when the text has too few words. Offsets are code units.
 */
export function pickSpans(text: string, count: number, seed: number): { from: number; to: number }[] {
  const random = new Random(seed);
  const words = [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => ({ from: m.index, to: m.index + m[0].length }));
  const spans: { from: number; to: number }[] = [];
  if (!words.length || count <= 0) return spans;
  const per = words.length / count;
  for (let slot = 0; slot < count; slot++) {
    const first = Math.floor(slot * per);
    const end = Math.floor((slot + 1) * per);
    if (end <= first) continue;
    const start = random.int(first, end - 1);
    const last = Math.min(end - 1, start + random.int(0, 5));
    spans.push({ from: words[start]!.from, to: words[last]!.to });
  }
  return spans;
}

/**
 * `plan.count` W3C annotations (assessing, tagged `garbled`, with a
 * description) on non-overlapping word spans of `text`, each target with both
 * selectors. Deterministic ids.
 */
export function generateAnnotations(text: string, plan: AnnotationPlan): Annotation[] {
  const index = new CodePointIndex(text);
  return pickSpans(text, plan.count, plan.seed).map((span, n) => ({
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: stableAnnotationId(`bench:${plan.seed}:${n}`),
    type: 'Annotation',
    motivation: 'assessing',
    target: textTarget(plan.iri, text, span.from, span.to, index),
    body: [tagBody('garbled'), describingBody(`Benchmark annotation ${n + 1}: a generated span to draw and re-anchor.`)],
    generator: BENCH_AGENT,
    created: '2026-01-01T00:00:00Z',
  }));
}

/** An AnnotationCollection (one layer file) holding `items`. */
export function collectionOf(items: readonly Annotation[], label: string, seed: number): AnnotationCollection {
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: stableAnnotationId(`bench-collection:${seed}`),
    type: 'AnnotationCollection',
    label,
    total: items.length,
    generator: BENCH_AGENT,
    items,
  };
}

/** Letters edits insert or substitute. */
const EDIT_LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/**
 * `text` with random one-character edits (a third each substitutions,
 * insertions before the character, and deletions) at about `rate` of its positions, with how many
 * were made, and where each original offset went (`moved[i]`: the edited
 * offset of original code unit `i`, or of where it was deleted; length + 1
 * entries). Surrogate pairs are never split.
 */
export function applyEdits(text: string, options: { rate: number; seed: number }): { text: string; edits: number; moved: Int32Array } {
  const random = new Random(options.seed);
  const out: string[] = [];
  const moved = new Int32Array(text.length + 1);
  let length = 0;
  let edits = 0;
  const push = (s: string) => {
    out.push(s);
    length += s.length;
  };
  for (let i = 0; i < text.length; i++) {
    moved[i] = length;
    const c = text.charCodeAt(i);
    // A surrogate pair is copied whole and never edited.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      moved[i + 1] = length + 1;
      push(text.slice(i, i + 2));
      i++;
      continue;
    }
    const unit = text[i]!;
    if (random.next() >= options.rate) {
      push(unit);
      continue;
    }
    edits++;
    const kind = random.int(0, 2);
    if (kind === 0) push(random.pick([...EDIT_LETTERS]));
    else if (kind === 1) {
      push(random.pick([...EDIT_LETTERS]));
      moved[i] = length;
      push(unit);
    }
  }
  moved[text.length] = length;
  return { text: out.join(''), edits, moved };
}
