/**
 * Suggestions on demand: for one passage a reader points at (a selection,
 * or the sentence under the caret), the passages of the other texts most
 * likely to make the same claim, ranked, with the shared words and the
 * relation the matcher would give.
 *
 * Unlike automatic links, suggestions are not cut at a threshold or by the
 * guards: a reader asked and will judge. They are ranked by the same
 * weighted score, so the pairs the matcher would link come first; a pair the
 * guards would reject is ranked lower (GUARD_PENALTY) but still shown.
 */
import type { RelationTag } from '../../annotations/model.ts';
import { learnAliases } from './aliases.ts';
import type { SlotDifference } from './compare.ts';
import { describe } from './describe.ts';
import { comparisonOf, THRESHOLD, type ClaimText } from './match.ts';
import { corpusOf, scoreWithGuards } from './score.ts';
import { segmentUnits } from './segment.ts';
import { claimUnits, prepare, type ClaimUnit } from './units.ts';

/** A passage of another text that may make the same claim. Offsets are UTF-16 code units of that text's source. */
export interface Suggestion {
  readonly iri: string;
  readonly from: number;
  readonly to: number;
  readonly quote: string;
  /** The ranking score (higher is likelier), rounded to 3 places. */
  readonly score: number;
  readonly relation: RelationTag;
  /** Words and names both passages use, as the suggested passage writes them. */
  readonly shared: readonly string[];
  /** Where the shared words stand in the suggested passage: `[from, to)` source offsets. */
  readonly marks: ReadonlyArray<readonly [number, number]>;
  /** For `conflicts`: what differs. */
  readonly differences: readonly SlotDifference[];
  /** One sentence for a reader: what both say, or what differs. */
  readonly description: string;
  /** Whether the matcher links this pair by itself (its guards and threshold passed). */
  readonly confident: boolean;
}

/** The passage a suggestion is asked for: `[from, to)` of `text`; an empty range means the sentence around `from`. */
export interface PassageRequest {
  readonly text: ClaimText;
  readonly from: number;
  readonly to: number;
}

/** Suggestions shown by default. */
export const SUGGESTIONS = 5;
/** What failing a guard costs in the ranking: below every pair the matcher would link, above nothing. */
const GUARD_PENALTY = 0.2;

/** Thrown when the passage asked for is outside its text or holds no words. */
export class PassageError extends Error {
  override name = 'PassageError';
}

/**
 * The passage's sentence unit: the selection itself when it holds words, or
 * the sentence (clause) containing `from` when the range is empty.
 * Throws PassageError when the range lies outside the text or has no words.
 */
export function passageUnit(request: PassageRequest, aliases = learnAliases([request.text.text])): ClaimUnit {
  const { text, from, to } = request;
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to < from || to > text.text.length) {
    throw new PassageError(`The passage ${from}–${to} is not within the text (${text.text.length} characters).`);
  }
  if (to === from) {
    const unit = segmentUnits(text.parsed).find((u) => from >= u.from && from <= u.to);
    if (!unit) throw new PassageError(`No sentence of running text stands at ${from}.`);
    return prepare(unit, aliases);
  }
  const quote = text.text.slice(from, to);
  if (!/\p{L}/u.test(quote)) throw new PassageError(`The passage ${from}–${to} holds no words.`);
  return prepare({ index: -1, block: -1, from, to, text: quote }, aliases);
}

/**
 * The `limit` passages of `others` likeliest to make the claim of the
 * passage in `request`, best first. Texts with the passage's own IRI are
 * skipped. Throws PassageError for a passage outside its text or without words.
 */
export function suggestClaims(request: PassageRequest, others: readonly ClaimText[], limit = SUGGESTIONS): Suggestion[] {
  const candidates = others.filter((t) => t.iri !== request.text.iri && t.parsed.source === t.text);
  const aliases = learnAliases([request.text.text, ...candidates.map((t) => t.text)]);
  const query = passageUnit(request, aliases);
  const own = claimUnits(request.text.parsed, aliases);
  const pools = candidates.map((t) => ({ text: t, units: claimUnits(t.parsed, aliases) }));
  // Word weights come from every text involved, as for automatic links.
  const corpus = corpusOf([query, ...own, ...pools.flatMap((p) => p.units)], [own, ...pools.map((p) => p.units)]);
  const ranked: Suggestion[] = [];
  for (const { text, units } of pools) {
    for (const unit of units) {
      const { candidate, passed, firm } = scoreWithGuards(query, unit, corpus, 0);
      // Nothing in common at all: not a suggestion, however few passages there are.
      if (candidate.lexical === 0 && candidate.features.dates === 0) continue;
      const comparison = comparisonOf(candidate);
      const score = candidate.base - (passed ? 0 : GUARD_PENALTY);
      const marks = markShared(unit, query);
      ranked.push({
        iri: text.iri,
        from: unit.unit.from,
        to: unit.unit.to,
        quote: text.text.slice(unit.unit.from, unit.unit.to),
        score: Math.round(score * 1000) / 1000,
        relation: comparison.relation,
        shared: [...new Set(marks.map(([f, t]) => text.text.slice(unit.unit.from + f, unit.unit.from + t)))],
        marks: marks.map(([f, t]) => [unit.unit.from + f, unit.unit.from + t] as const),
        differences: comparison.differences,
        description: describe(comparison, candidate.sharedWords),
        // Every guard passed and the threshold reached without the mutual-best bonus: the matcher would link it.
        confident: passed && firm && candidate.base >= THRESHOLD,
      });
    }
  }
  return ranked.sort((x, y) => y.score - x.score || x.iri.localeCompare(y.iri) || x.from - y.from).slice(0, Math.max(0, limit));
}

/** Spans (relative to `unit.text`) of the terms and names `unit` shares with `other`, in text order. */
function markShared(unit: ClaimUnit, other: ClaimUnit): Array<[number, number]> {
  const spans: Array<[number, number]> = unit.termList.filter((t) => other.terms.has(t.key)).map((t) => [t.from, t.to]);
  for (const d of unit.slots.dates) {
    if (other.slots.dates.some((e) => e.year === d.year && e.month === d.month && e.day === d.day)) spans.push([d.from, d.to]);
  }
  return spans.sort((x, y) => x[0] - y[0]).filter((s, i, all) => i === 0 || s[0] >= all[i - 1]![1]);
}
