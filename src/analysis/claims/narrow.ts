/**
 * Narrowing a linked sentence to the clause that carries the shared claim:
 * "…on 3 November 1964, relations were re-established on 24 November 1964,
 * and…" becomes "relations were re-established on 24 November 1964" when
 * that is all the other text speaks of. Never wider than the sentence.
 */
import type { SourceSpan } from '../../document/structure.ts';
import { oneFieldApart, sameDate } from './compare.ts';
import type { ClaimUnit } from './units.ts';

/** A narrowed span keeps at least this many words; shorter, the whole sentence is kept. */
const MIN_WORDS = 5;
/** Narrowing that keeps more than this share of the sentence is not worth it: the whole sentence is kept. */
const MAX_SHARE = 0.85;
/** Clause boundaries: punctuation that separates the pieces of a sentence. */
const BOUNDARY = /[,;:()–—]/gu;

/**
 * The source span (absolute offsets) of the part of `unit` between the first
 * and last clause piece holding shared evidence with `other`: shared event
 * words, matching or clashing dates, figures in the same unit, shared names.
 * The whole unit when no clause is clearly narrower.
 */
export function narrowToEvidence(unit: ClaimUnit, other: ClaimUnit, sharedEventTerms: ReadonlySet<string>): SourceSpan {
  const whole = { from: unit.unit.from, to: unit.unit.to };
  const evidence = evidenceOf(unit, other, sharedEventTerms);
  if (evidence.length === 0) return whole;
  const text = unit.unit.text;
  const slots = [...unit.slots.dates, ...unit.slots.numbers, ...unit.slots.names];
  const cuts: number[] = [];
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(text); m; m = BOUNDARY.exec(text)) {
    // Not inside a date, a figure or a name ("December 18, 1976", "350,000").
    if (!slots.some((s) => m.index >= s.from && m.index < s.to)) cuts.push(m.index);
  }
  const pieces: SourceSpan[] = [];
  let start = 0;
  for (const c of cuts) {
    pieces.push({ from: start, to: c });
    start = c + 1;
  }
  pieces.push({ from: start, to: text.length });
  const pieceOf = (at: number) => pieces.findIndex((p) => at >= p.from && at < p.to);
  const firsts = evidence.map((e) => pieceOf(e.from)).filter((i) => i >= 0);
  const lasts = evidence.map((e) => pieceOf(e.to - 1)).filter((i) => i >= 0);
  if (firsts.length === 0 || lasts.length === 0) return whole;
  const first = firsts.reduce((a, b) => Math.min(a, b), Infinity);
  const last = lasts.reduce((a, b) => Math.max(a, b), -Infinity);
  let from = pieces[first]!.from;
  // The sentence's closing punctuation stays with its last clause.
  let to = last === pieces.length - 1 ? text.length : pieces[last]!.to;
  while (from < to && /[\s"“‘'([]/u.test(text[from]!)) from++;
  // A clause cut after its comma starts with the conjunction that joined it; the claim starts after it.
  const conjunction = /^(?:and|but|or|yet|so)\s+/iu.exec(text.slice(from, to));
  if (conjunction && first > 0) from += conjunction[0].length;
  while (to > from && /\s/u.test(text[to - 1]!)) to--;
  const words = (text.slice(from, to).match(/\p{L}+/gu) ?? []).length;
  if (words < MIN_WORDS || to - from > MAX_SHARE * text.length) return whole;
  return { from: unit.unit.from + from, to: unit.unit.from + to };
}

/** Spans (relative to the unit text) of what the unit shares with the other. */
function evidenceOf(unit: ClaimUnit, other: ClaimUnit, sharedEventTerms: ReadonlySet<string>): SourceSpan[] {
  const spans: SourceSpan[] = unit.termList.filter((t) => sharedEventTerms.has(t.key));
  for (const d of unit.slots.dates) {
    if (other.slots.dates.some((e) => sameDate(d, e) || oneFieldApart(d, e) || (d.month !== null && d.year === e.year && d.month === e.month))) spans.push(d);
  }
  for (const n of unit.slots.numbers) if (n.unit !== '' && other.slots.numbers.some((m) => m.unit === n.unit)) spans.push(n);
  for (const n of unit.slots.names) if (n.keys.some((k) => other.nameKeys.has(k))) spans.push(n);
  return spans;
}
