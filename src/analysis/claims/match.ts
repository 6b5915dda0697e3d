/**
 * The claim matcher: which sentence (or clause) of one text makes the same
 * claim as which sentence of another, and how the two relate.
 *
 * Pipeline: segment both texts into units; read each unit's terms and slots;
 * retrieve candidates for every unit of the first text from a lunr (BM25)
 * index over the second; score each candidate pair with the named weights
 * below; keep pairs above the threshold, preferring mutual best partners and
 * allowing each unit at most a few partners; then compare slots for the
 * relation.
 */
import lunr from 'lunr';
import type { RelationTag } from '../../annotations/model.ts';
import type { ParsedText } from '../../document/structure.ts';
import { compareSlots, sameDate, type SlotDifference } from './compare.ts';
import { segmentUnits, type Unit } from './segment.ts';
import { readSlots, type Slots } from './slots.ts';
import { termsOf } from './terms.ts';

/** One text given to the matcher: its IRI, its source, and its parse (`parsePlainText`). */
export interface ClaimText {
  readonly iri: string;
  readonly text: string;
  readonly parsed: ParsedText;
}

/** One side of a claim pair: a span of one text's source (UTF-16 offsets, end exclusive). */
export interface ClaimSpan {
  readonly iri: string;
  readonly from: number;
  readonly to: number;
  /** The span's source text. */
  readonly quote: string;
}

/** The parts of a pair's score, each already multiplied by its weight; `total` is their sum. */
export interface ScoreBreakdown {
  readonly lexical: number;
  readonly event: number;
  readonly rare: number;
  readonly names: number;
  readonly dates: number;
  readonly numbers: number;
  readonly bm25: number;
  readonly mutual: number;
  readonly total: number;
}

/** A proposed claim link between two texts. */
export interface ClaimMatch {
  /** The W3C annotation id this match is published under (stable across runs). */
  readonly id: string;
  readonly a: ClaimSpan;
  readonly b: ClaimSpan;
  readonly relation: RelationTag;
  /** What both texts state alike (dates, amounts, names), as the first text writes them. */
  readonly agreements: readonly string[];
  /** For `conflicts`: what differs. */
  readonly differences: readonly SlotDifference[];
  /** Shared content words (as the first text writes them), the topic of a `related` link. */
  readonly sharedWords: readonly string[];
  readonly score: ScoreBreakdown;
  /** 0…1. */
  readonly confidence: number;
  /** One sentence a reader understands: what both say, or what differs. */
  readonly description: string;
}

// Weights. A pair's score is the weighted sum of features, each in 0…1.
/** IDF-weighted cosine of all terms: the main evidence that two sentences say the same thing. */
const W_LEXICAL = 0.55;
/** Overlap of the event words (terms outside names): guards against the same people in a different event. */
const W_EVENT = 0.35;
/** Shared rare terms (in few units of either text): a rare word shared is strong evidence, common ones are not. */
const W_RARE = 0.2;
/** Shared names (people, places): the same actors, but alone they never make a link (see the event guard). */
const W_NAMES = 0.15;
/** Same dates: one event is dated the same way; a full date counts more than a bare year. */
const W_DATES = 0.25;
/** Same amounts or counts with the same unit. */
const W_NUMBERS = 0.2;
/** lunr's BM25 score relative to the best candidate for the same query: ranking evidence, small because it is relative. */
const W_BM25 = 0.1;
/** Each is the other's best partner: the strongest sign a pair is the intended one. */
const W_MUTUAL = 0.1;

/** A pair needs this total to be proposed. */
const THRESHOLD = 0.62;
/** A pair that is not a mutual best needs this much more. */
const NON_MUTUAL_MARGIN = 0.12;
/** At most this many partners per unit: a sentence restates at most a few sentences of another text. */
const MAX_PARTNERS = 3;
/** Candidates taken from lunr per unit before scoring. */
const CANDIDATES = 12;
/** Event guard: at least this many shared event words... */
const MIN_EVENT_TERMS = 2;
/** ...carrying at least this share of the smaller side's event-word weight. */
const MIN_EVENT_OVERLAP = 0.18;
/** A term in at most this share of all units counts as rare. */
const RARE_SHARE = 0.01;
/** Shared rare terms that saturate the rare feature. */
const RARE_SATURATION = 3;
/** Lexical similarity above which shared names alone make the relation `agrees`. */
const AGREE_LEXICAL = 0.35;
/** Units with fewer terms than this are too short to carry a claim (headings inside paragraphs, debris). */
const MIN_TERMS = 4;

/** A unit ready for matching. */
interface Prepared {
  readonly unit: Unit;
  readonly terms: ReadonlySet<string>;
  readonly eventTerms: ReadonlySet<string>;
  /** Term key → first surface word, for descriptions. */
  readonly surface: ReadonlyMap<string, string>;
  readonly nameKeys: ReadonlyMap<string, string>;
  readonly slots: Slots;
}

interface Candidate {
  readonly a: Prepared;
  readonly b: Prepared;
  readonly features: Omit<ScoreBreakdown, 'mutual' | 'total'>;
  readonly base: number;
  readonly sharedWords: readonly string[];
  readonly sharedNames: readonly string[];
  readonly lexical: number;
}

export interface MatchOptions {
  /** Makes the stable id of a match; given by the annotation layer. Default: a key string. */
  readonly idOf?: (a: ClaimSpan, b: ClaimSpan) => string;
}

/**
 * Claim pairs between every two of `texts` (each pair of texts once, in the
 * given order), best first within each pair of texts. Fewer than two texts,
 * or texts without prose, give an empty list. Never throws on any text.
 */
export function matchClaims(texts: readonly ClaimText[], options: MatchOptions = {}): ClaimMatch[] {
  const idOf = options.idOf ?? ((a, b) => `${a.iri}#${a.from}-${a.to}|${b.iri}#${b.from}-${b.to}`);
  const prepared = texts.map((t) => segmentUnits(t.parsed).map(prepare).filter((p) => p.terms.size >= MIN_TERMS));
  const matches: ClaimMatch[] = [];
  for (let i = 0; i < texts.length; i++) {
    for (let j = i + 1; j < texts.length; j++) {
      matches.push(...matchPair(texts[i]!, prepared[i]!, texts[j]!, prepared[j]!, idOf));
    }
  }
  return matches;
}

function prepare(unit: Unit): Prepared {
  const slots = readSlots(unit.text);
  const terms = termsOf(unit.text);
  const inName = (from: number, to: number) => slots.names.some((n) => from >= n.from && to <= n.to);
  const surface = new Map<string, string>();
  for (const t of terms) if (!surface.has(t.key)) surface.set(t.key, unit.text.slice(t.from, t.to));
  const nameKeys = new Map<string, string>();
  for (const n of slots.names) n.keys.forEach((k) => nameKeys.has(k) || nameKeys.set(k, n.label));
  return {
    unit,
    terms: new Set(terms.map((t) => t.key)),
    eventTerms: new Set(terms.filter((t) => !inName(t.from, t.to)).map((t) => t.key)),
    surface,
    nameKeys,
    slots,
  };
}

function matchPair(
  textA: ClaimText,
  unitsA: readonly Prepared[],
  textB: ClaimText,
  unitsB: readonly Prepared[],
  idOf: (a: ClaimSpan, b: ClaimSpan) => string,
): ClaimMatch[] {
  if (unitsA.length === 0 || unitsB.length === 0) return [];
  const idf = inverseDocumentFrequency([...unitsA, ...unitsB]);
  const rareIdf = Math.log(1 / RARE_SHARE);
  const index = buildIndex(unitsB);

  const candidates: Candidate[] = [];
  for (const a of unitsA) {
    const hits = index.query((q) => {
      for (const term of a.terms) q.term(term, { presence: lunr.Query.presence.OPTIONAL, usePipeline: false });
    }).slice(0, CANDIDATES);
    const best = hits[0]?.score ?? 0;
    for (const hit of hits) {
      const b = unitsB[Number(hit.ref)]!;
      const c = scorePair(a, b, idf, rareIdf, best > 0 ? hit.score / best : 0);
      if (c) candidates.push(c);
    }
  }

  // Mutual best: the best-scoring partner of each unit, on either side.
  const bestOfA = new Map<Prepared, Candidate>();
  const bestOfB = new Map<Prepared, Candidate>();
  for (const c of candidates) {
    if ((bestOfA.get(c.a)?.base ?? -1) < c.base) bestOfA.set(c.a, c);
    if ((bestOfB.get(c.b)?.base ?? -1) < c.base) bestOfB.set(c.b, c);
  }
  const scored = candidates.map((c) => {
    const mutual = bestOfA.get(c.a) === c && bestOfB.get(c.b) === c ? W_MUTUAL : 0;
    return { c, mutual, total: c.base + mutual };
  }).filter(({ mutual, total }) => total >= THRESHOLD + (mutual > 0 ? 0 : NON_MUTUAL_MARGIN))
    .sort((x, y) => y.total - x.total || x.c.a.unit.from - y.c.a.unit.from || x.c.b.unit.from - y.c.b.unit.from);

  const partners = new Map<Prepared, number>();
  const matches: ClaimMatch[] = [];
  for (const { c, mutual, total } of scored) {
    if ((partners.get(c.a) ?? 0) >= MAX_PARTNERS || (partners.get(c.b) ?? 0) >= MAX_PARTNERS) continue;
    partners.set(c.a, (partners.get(c.a) ?? 0) + 1);
    partners.set(c.b, (partners.get(c.b) ?? 0) + 1);
    matches.push(toMatch(textA, textB, c, { ...c.features, mutual, total }, idOf));
  }
  return matches;
}

/** idf(t) = ln(N / df(t)) over the units of both texts: a word in every sentence weighs nothing. */
function inverseDocumentFrequency(units: readonly Prepared[]): (term: string) => number {
  const df = new Map<string, number>();
  for (const u of units) for (const t of u.terms) df.set(t, (df.get(t) ?? 0) + 1);
  const n = units.length;
  return (term) => Math.log((n + 1) / ((df.get(term) ?? 0) + 0.5));
}

/** lunr over pre-folded terms: the whitespace-joined keys are the document, so lunr's own pipeline is emptied. */
function buildIndex(units: readonly Prepared[]): lunr.Index {
  return lunr(function build() {
    this.pipeline.reset();
    this.searchPipeline.reset();
    this.ref('id');
    this.field('terms');
    units.forEach((u, i) => this.add({ id: String(i), terms: [...u.terms].join(' ') }));
  });
}

function scorePair(a: Prepared, b: Prepared, idf: (t: string) => number, rareIdf: number, bm25: number): Candidate | null {
  const shared = [...a.terms].filter((t) => b.terms.has(t));
  const sharedEvent = [...a.eventTerms].filter((t) => b.eventTerms.has(t));
  // The event guard: names and dates alone never make two sentences one claim.
  const eventWeight = (set: ReadonlySet<string>) => [...set].reduce((s, t) => s + idf(t), 0);
  const event = sharedEvent.reduce((s, t) => s + idf(t), 0) / Math.max(1e-9, Math.min(eventWeight(a.eventTerms), eventWeight(b.eventTerms)));
  if (sharedEvent.length < MIN_EVENT_TERMS || event < MIN_EVENT_OVERLAP) return null;

  const weighted = (set: ReadonlySet<string>) => Math.sqrt([...set].reduce((s, t) => s + idf(t) ** 2, 0));
  const lexical = shared.reduce((s, t) => s + idf(t) ** 2, 0) / Math.max(1e-9, weighted(a.terms) * weighted(b.terms));
  const rare = Math.min(1, shared.filter((t) => idf(t) >= rareIdf).length / RARE_SATURATION);
  const sharedNameKeys = [...a.nameKeys.keys()].filter((k) => b.nameKeys.has(k));
  const names = sharedNameKeys.length / Math.max(1, Math.min(a.nameKeys.size, b.nameKeys.size));
  const dates = dateSimilarity(a.slots, b.slots);
  const numbers = numberSimilarity(a.slots, b.slots);

  const features = {
    lexical: W_LEXICAL * lexical,
    event: W_EVENT * Math.min(1, event),
    rare: W_RARE * rare,
    names: W_NAMES * names,
    dates: W_DATES * dates,
    numbers: W_NUMBERS * numbers,
    bm25: W_BM25 * bm25,
  };
  const base = Object.values(features).reduce((s, v) => s + v, 0);
  const sharedWords = sharedEvent.sort((x, y) => idf(y) - idf(x)).map((t) => a.surface.get(t) ?? t);
  const sharedNames = [...new Set(sharedNameKeys.map((k) => a.nameKeys.get(k)!))];
  return { a, b, features, base, sharedWords, sharedNames, lexical };
}

/** 1 for a shared full date, 0.6 for a shared month, 0.3 for a shared year; a day-level clash still shares its month. */
function dateSimilarity(a: Slots, b: Slots): number {
  let best = 0;
  for (const d of a.dates) {
    for (const e of b.dates) {
      if (sameDate(d, e)) best = Math.max(best, d.day !== null ? 1 : d.month !== null ? 0.6 : 0.3);
      else if (d.year === e.year && d.month !== null && d.month === e.month) best = Math.max(best, 0.6);
      else if (d.year !== null && d.year === e.year) best = Math.max(best, 0.3);
    }
  }
  return best;
}

/** 1 for the same amount in the same unit, 0.4 for the same unit with another value (a disagreement about one figure). */
function numberSimilarity(a: Slots, b: Slots): number {
  let best = 0;
  for (const n of a.numbers) {
    if (n.unit === '') continue;
    for (const m of b.numbers) {
      if (m.unit !== n.unit) continue;
      best = Math.max(best, n.value === m.value ? 1 : 0.4);
    }
  }
  return best;
}

function toMatch(
  textA: ClaimText,
  textB: ClaimText,
  c: Candidate,
  score: ScoreBreakdown,
  idOf: (a: ClaimSpan, b: ClaimSpan) => string,
): ClaimMatch {
  const a: ClaimSpan = { iri: textA.iri, from: c.a.unit.from, to: c.a.unit.to, quote: textA.text.slice(c.a.unit.from, c.a.unit.to) };
  const b: ClaimSpan = { iri: textB.iri, from: c.b.unit.from, to: c.b.unit.to, quote: textB.text.slice(c.b.unit.from, c.b.unit.to) };
  const comparison = compareSlots(c.a.slots, c.b.slots, c.sharedNames, c.lexical >= AGREE_LEXICAL);
  const sharedWords = c.sharedWords.slice(0, 6);
  return {
    id: idOf(a, b),
    a,
    b,
    relation: comparison.relation,
    agreements: comparison.agreements,
    differences: comparison.differences,
    sharedWords,
    score,
    confidence: Math.min(1, Math.round(score.total * 100) / 100),
    description: describe(comparison.relation, comparison.agreements, comparison.differences, sharedWords),
  };
}

/** The describing sentence of a link. */
export function describe(
  relation: RelationTag,
  agreements: readonly string[],
  differences: readonly SlotDifference[],
  sharedWords: readonly string[],
): string {
  const topic = sharedWords.slice(0, 4).join(', ');
  if (relation === 'conflicts') {
    const diffs = differences.map((d) => `${d.a} vs ${d.b}`).join('; ');
    const same = agreements.length ? ` Both name ${agreements.slice(0, 4).join(', ')}.` : '';
    return `The texts tell the same event differently: ${diffs}.${same}`;
  }
  if (relation === 'agrees') return `Both texts make this claim (${topic}) and agree on ${agreements.slice(0, 5).join(', ')}.`;
  return `Both texts speak of this (${topic}) but state nothing that can be compared.`;
}
