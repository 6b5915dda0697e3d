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
import { compareSlots, oneFieldApart, sameAmount, sameDate, type SlotComparison, type SlotDifference } from './compare.ts';
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
  readonly phrases: number;
  readonly event: number;
  readonly rare: number;
  readonly names: number;
  readonly dates: number;
  readonly numbers: number;
  readonly bm25: number;
  /** Negative when each side names specific actors and none is shared. */
  readonly nameClash: number;
  /** Negative when both sides date their claim and share no year. */
  readonly dateClash: number;
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
  /** Figures the texts write differently that can both hold (a bound and a figure within it). */
  readonly compatible: readonly SlotDifference[];
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
/** Shared specific phrases (adjacent event words): the same wording of the same thing, the best sign of a paraphrase. */
const W_PHRASES = 0.2;
/** Shared names (people, places): the same actors, but alone they never make a link (see the event guard). */
const W_NAMES = 0.15;
/** Same dates: one event is dated the same way; a full date counts more than a bare year. High because full dates are rare and specific. */
const W_DATES = 0.3;
/** Penalty when both sides are dated and share no year. */
const W_DATE_CLASH = 0.15;
/** Penalty when both sides name specific actors and share none of them. */
const W_NAME_CLASH = 0.15;
/** Same amounts or counts with the same unit. */
const W_NUMBERS = 0.2;
/** lunr's BM25 score relative to the best candidate for the same query: ranking evidence, small because it is relative. */
const W_BM25 = 0.1;
/** Each is the other's best partner: the strongest sign a pair is the intended one (half when best for one side only). */
const W_MUTUAL = 0.1;

/** A pair needs this total to be proposed. */
const THRESHOLD = 0.5;
/** A pair that is the best partner of neither side needs this much more. */
const NON_MUTUAL_MARGIN = 0.1;
/** At most this many partners per unit: a sentence restates at most a few sentences of another text. */
const MAX_PARTNERS = 3;
/** Candidates taken from lunr per unit before scoring. */
const CANDIDATES = 12;
/** Event guard: at least this many shared event words... */
const MIN_EVENT_TERMS = 2;
/** ...carrying at least this share of the smaller side's event-word weight. */
const MIN_EVENT_OVERLAP = 0.18;
/** However short the texts, a name, phrase or term in this many units (one per text) is still specific. */
const MIN_SPECIFIC_UNITS = 2;
/** A term in at most this share of all units counts as rare. */
const RARE_SHARE = 0.01;
/** Shared rare terms that saturate the rare feature. */
const RARE_SATURATION = 3;
/** Share of the smaller side's event-word weight both must share to tell one event (so that differing slots conflict). */
const SAME_EVENT_OVERLAP = 0.4;
/** Date similarity (see dateSimilarity) at which a date pins the event: a shared month, or full dates one field apart. */
const DATE_EVENT_SIMILARITY = 0.5;
/** A name in at most this share of units is specific enough to anchor a link; above it, it is the texts' topic. */
const SPECIFIC_NAME_SHARE = 0.03;
/** Shared rare terms that anchor a link without a name, date, figure or phrase. */
const MIN_RARE_ANCHOR = 3;
/** Shared event words that anchor a link by themselves: a long paraphrase. */
const MIN_EVENT_ANCHOR = 4;
/** A phrase in at most this share of units is specific enough to anchor a link. */
const SPECIFIC_PHRASE_SHARE = 0.01;
/** A word in more than this share of units is common: a phrase containing it is not specific. */
const COMMON_WORD_SHARE = 0.08;
/** Shared specific phrases that saturate the phrase feature. */
const PHRASE_SATURATION = 2;
/** Summed name specificity (-ln share) that saturates the name feature: about two names each in 2% of units. */
const NAME_SATURATION = 8;
/** Lexical similarity above which shared names alone make the relation `agrees`. */
const AGREE_LEXICAL = 0.35;
/**
 * A text speaking of itself ("This article examines…", "as this study
 * shows") states its scope, not a claim about events: such units are not matched.
 */
const META_DISCOURSE = /\b(?:this|the present|our) (?:article|paper|study|essay|chapter|book|research|thesis|dissertation)\b/iu;
/** Units with fewer terms than this are too short to carry a claim (headings inside paragraphs, debris). */
const MIN_TERMS = 5;

/** A unit ready for matching. */
interface Prepared {
  readonly unit: Unit;
  readonly terms: ReadonlySet<string>;
  readonly eventTerms: ReadonlySet<string>;
  /** Term key → first surface word, for descriptions. */
  readonly surface: ReadonlyMap<string, string>;
  readonly nameKeys: ReadonlyMap<string, string>;
  /** Adjacent event-word pairs ("balanc payment", "long term"): shared wording, not just shared vocabulary. */
  readonly phrases: ReadonlyMap<string, string>;
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
  /** The event words agree enough for differing dates or figures to be a disagreement. */
  readonly sameEvent: boolean;
}

export interface MatchOptions {
  /** Makes the stable id of a match; given by the annotation layer. Default: a key string. */
  readonly idOf?: (a: ClaimSpan, b: ClaimSpan) => string;
  /** The least score a mutual-best pair needs (default THRESHOLD); a UI may lower it to show weaker proposals. */
  readonly threshold?: number;
}

/**
 * Claim pairs between every two of `texts` (each pair of texts once, in the
 * given order), best first within each pair of texts. Fewer than two texts,
 * or texts without prose, give an empty list. A text whose `parsed` was not
 * made from its `text` (offsets would point elsewhere) is left out, and so is
 * a second entry with an IRI already given. Never throws on any text.
 */
export function matchClaims(texts: readonly ClaimText[], options: MatchOptions = {}): ClaimMatch[] {
  const idOf = options.idOf ?? ((a, b) => `${a.iri}#${a.from}-${a.to}|${b.iri}#${b.from}-${b.to}`);
  const seen = new Set<string>();
  const usable = texts.filter((t) => {
    if (t.parsed.source !== t.text || seen.has(t.iri)) return false;
    seen.add(t.iri);
    return true;
  });
  if (usable.length < 2) return [];
  const prepared = usable.map((t) => segmentUnits(t.parsed)
    .filter((u) => !META_DISCOURSE.test(u.text))
    .map(prepare)
    .filter((p) => p.terms.size >= MIN_TERMS));
  const matches: ClaimMatch[] = [];
  for (let i = 0; i < usable.length; i++) {
    for (let j = i + 1; j < usable.length; j++) {
      matches.push(...matchPair(usable[i]!, prepared[i]!, usable[j]!, prepared[j]!, idOf, options.threshold ?? THRESHOLD));
    }
  }
  return matches;
}

function prepare(unit: Unit): Prepared {
  const slots = readSlots(unit.text);
  const terms = termsOf(unit.text);
  // Event words are what happened: not who (names), not when or how much (dates, figures).
  const spans = [...slots.names, ...slots.dates, ...slots.numbers];
  const inName = (from: number, to: number) => spans.some((n) => from >= n.from && to <= n.to);
  const surface = new Map<string, string>();
  for (const t of terms) if (!surface.has(t.key)) surface.set(t.key, unit.text.slice(t.from, t.to));
  const nameKeys = new Map<string, string>();
  for (const n of slots.names) n.keys.forEach((k) => nameKeys.has(k) || nameKeys.set(k, n.label));
  const eventTerms = terms.filter((t) => !inName(t.from, t.to));
  const phrases = new Map<string, string>();
  for (let i = 1; i < eventTerms.length; i++) {
    const x = eventTerms[i - 1]!;
    const y = eventTerms[i]!;
    // Adjacent up to one stop word, and not across punctuation: "balance-of-payments", "long-term credits".
    const between = unit.text.slice(x.to, y.from);
    if (/[,;:.()[\]"“”]/u.test(between) || (between.match(/\p{L}+/gu) ?? []).length > 1) continue;
    phrases.set(`${x.key} ${y.key}`, unit.text.slice(x.from, y.to));
  }
  return {
    unit,
    terms: new Set(terms.map((t) => t.key)),
    eventTerms: new Set(eventTerms.map((t) => t.key)),
    surface,
    nameKeys,
    phrases,
    slots,
  };
}

function matchPair(
  textA: ClaimText,
  unitsA: readonly Prepared[],
  textB: ClaimText,
  unitsB: readonly Prepared[],
  idOf: (a: ClaimSpan, b: ClaimSpan) => string,
  threshold: number,
): ClaimMatch[] {
  if (unitsA.length === 0 || unitsB.length === 0) return [];
  const all = [...unitsA, ...unitsB];
  const nameShare = shares(all, (u) => u.nameKeys.keys());
  const phraseShare = shares(all, (u) => u.phrases.keys());
  const termShare = shares(all, (u) => u.terms);
  // "Few units" never means fewer than one per text, however short the texts.
  const few = (share: number) => Math.max(MIN_SPECIFIC_UNITS, share * all.length) / all.length;
  const corpus: Corpus = {
    idf: inverseDocumentFrequency(all),
    nameShare,
    specificName: (k) => nameShare(k) <= few(SPECIFIC_NAME_SHARE),
    // A phrase of two common words ("economic problems") is a commonplace however rarely it occurs whole.
    specificPhrase: (p) => phraseShare(p) <= few(SPECIFIC_PHRASE_SHARE)
      && p.split(' ').every((w) => termShare(w) <= few(COMMON_WORD_SHARE)),
    rareIdf: Math.log((all.length + 1) / (few(RARE_SHARE) * all.length + 0.5)),
  };
  // Retrieval runs both ways, so that each side's best partner is among the candidates.
  const bm25 = new Map<string, number>();
  const retrieve = (queries: readonly Prepared[], documents: readonly Prepared[], keyOf: (q: number, d: number) => string) => {
    const index = buildIndex(documents);
    queries.forEach((query, qi) => {
      const hits = index.query((q) => {
        for (const term of query.terms) q.term(term, { presence: lunr.Query.presence.OPTIONAL, usePipeline: false });
      }).slice(0, CANDIDATES);
      const best = hits[0]?.score ?? 0;
      for (const hit of hits) {
        const key = keyOf(qi, Number(hit.ref));
        bm25.set(key, Math.max(bm25.get(key) ?? 0, best > 0 ? hit.score / best : 0));
      }
    });
  };
  retrieve(unitsA, unitsB, (q, d) => `${q} ${d}`);
  retrieve(unitsB, unitsA, (q, d) => `${d} ${q}`);

  const candidates: Candidate[] = [];
  for (const [key, relative] of bm25) {
    const [ia, ib] = key.split(' ').map(Number) as [number, number];
    const c = scorePair(unitsA[ia]!, unitsB[ib]!, corpus, relative);
    if (c) candidates.push(c);
  }

  // Mutual best: the best-scoring partner of each unit, on either side.
  const bestOfA = new Map<Prepared, Candidate>();
  const bestOfB = new Map<Prepared, Candidate>();
  for (const c of candidates) {
    if ((bestOfA.get(c.a)?.base ?? -1) < c.base) bestOfA.set(c.a, c);
    if ((bestOfB.get(c.b)?.base ?? -1) < c.base) bestOfB.set(c.b, c);
  }
  const scored = candidates.map((c) => {
    const sides = Number(bestOfA.get(c.a) === c) + Number(bestOfB.get(c.b) === c);
    const mutual = (W_MUTUAL * sides) / 2;
    return { c, mutual, total: c.base + mutual };
  }).filter(({ mutual, total }) => total >= threshold + (mutual > 0 ? 0 : NON_MUTUAL_MARGIN))
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

/** Share of units in which each key (a name, a phrase) occurs. */
function shares(units: readonly Prepared[], keysOf: (u: Prepared) => Iterable<string>): (key: string) => number {
  const df = new Map<string, number>();
  for (const u of units) for (const k of new Set(keysOf(u))) df.set(k, (df.get(k) ?? 0) + 1);
  return (key) => (df.get(key) ?? 0) / Math.max(1, units.length);
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

/** Corpus statistics a pair is scored against. */
interface Corpus {
  /** Inverse document frequency of a term over the units of both texts. */
  readonly idf: (term: string) => number;
  /** Share of all units (both texts) that name a name key. */
  readonly nameShare: (key: string) => number;
  /** Whether a name key is specific: in few units (see SPECIFIC_NAME_SHARE). */
  readonly specificName: (key: string) => boolean;
  /** Whether a phrase is specific: in few units (see SPECIFIC_PHRASE_SHARE). */
  readonly specificPhrase: (phrase: string) => boolean;
  /** idf at or above which a term is rare. */
  readonly rareIdf: number;
}

function scorePair(a: Prepared, b: Prepared, corpus: Corpus, bm25: number): Candidate | null {
  const { idf } = corpus;
  const shared = [...a.terms].filter((t) => b.terms.has(t));
  const sharedEvent = [...a.eventTerms].filter((t) => b.eventTerms.has(t));
  const eventWeight = (set: ReadonlySet<string>) => [...set].reduce((s, t) => s + idf(t), 0);
  const event = sharedEvent.reduce((s, t) => s + idf(t), 0) / Math.max(1e-9, Math.min(eventWeight(a.eventTerms), eventWeight(b.eventTerms)));
  // Only a pair whose event words mostly agree tells one event; then a date
  // one field apart is a disagreement about it, not two events of one month.
  const sameEvent = event >= SAME_EVENT_OVERLAP;
  const dates = dateSimilarity(a.slots, b.slots, sameEvent);
  // The event guard: names alone never make two sentences one claim; the
  // event words must overlap too (one word is enough when a dated event
  // matches to the month, since a full date is itself an event's signature).
  const minEventTerms = dates >= DATE_EVENT_SIMILARITY ? 1 : MIN_EVENT_TERMS;
  if (sharedEvent.length < minEventTerms || event < MIN_EVENT_OVERLAP) return null;

  const sharedNameKeys = [...a.nameKeys.keys()].filter((k) => b.nameKeys.has(k));
  const numbers = numberSimilarity(a.slots, b.slots);
  const rareCount = shared.filter((t) => idf(t) >= corpus.rareIdf).length;
  // The anchor: something specific both state. Common words and the texts'
  // topic names (named in many sentences) are shared by chance.
  const sharedPhrases = [...a.phrases.keys()].filter((p) => b.phrases.has(p) && corpus.specificPhrase(p));
  const anchored = sharedNameKeys.some((k) => corpus.specificName(k))
    || dates >= DATE_EVENT_SIMILARITY
    || numbers >= 1
    || sharedPhrases.length > 0
    || rareCount >= MIN_RARE_ANCHOR
    || sharedEvent.length >= MIN_EVENT_ANCHOR;
  if (!anchored) return null;

  const weighted = (set: ReadonlySet<string>) => Math.sqrt([...set].reduce((s, t) => s + idf(t) ** 2, 0));
  const lexical = shared.reduce((s, t) => s + idf(t) ** 2, 0) / Math.max(1e-9, weighted(a.terms) * weighted(b.terms));
  // Names weigh by how specific they are, in absolute terms: sharing only the texts' topic names adds little.
  const names = sharedNameKeys.reduce((s, k) => s + specificity(corpus.nameShare(k)), 0) / NAME_SATURATION;

  const features = {
    lexical: W_LEXICAL * lexical,
    event: W_EVENT * Math.min(1, event),
    rare: W_RARE * Math.min(1, rareCount / RARE_SATURATION),
    names: W_NAMES * Math.min(1, names),
    phrases: W_PHRASES * Math.min(1, sharedPhrases.length / PHRASE_SATURATION),
    dates: W_DATES * dates,
    numbers: W_NUMBERS * numbers,
    bm25: W_BM25 * bm25,
    nameClash: 0,
    dateClash: 0,
  };
  // Different specific actors on each side and none in common: most likely two events of the same kind.
  // A name counts as matched when any of its words is named on the other side ("Salvador Allende" / "Allende").
  const unmatchedSpecific = (x: Prepared, y: Prepared) =>
    x.slots.names.some((n) => n.keys.some((k) => corpus.specificName(k)) && !n.keys.some((k) => y.nameKeys.has(k)));
  const sharedSpecific = sharedNameKeys.some((k) => corpus.specificName(k));
  const differentActors = unmatchedSpecific(a, b) && unmatchedSpecific(b, a) && !sharedSpecific;
  const clash = differentActors && dates < DATE_EVENT_SIMILARITY ? -W_NAME_CLASH : 0;
  // Both date their claim and share no year: two events of one kind (two elections, two visits).
  const yearsOf = (x: Prepared) => new Set(x.slots.dates.map((d) => d.year).filter((y): y is number => y !== null));
  const yearsA = yearsOf(a);
  const yearsB = yearsOf(b);
  const otherYears = yearsA.size > 0 && yearsB.size > 0 && ![...yearsA].some((y) => yearsB.has(y)) ? -W_DATE_CLASH : 0;
  // Other actors and other years together: another event of the same kind, however alike the wording.
  if (differentActors && otherYears < 0) return null;
  const base = Object.values(features).reduce((s, v) => s + v, 0) + clash + otherYears;
  const sharedWords = sharedEvent.sort((x, y) => idf(y) - idf(x)).map((t) => a.surface.get(t) ?? t);
  const sharedNames = [...new Set(sharedNameKeys.map((k) => a.nameKeys.get(k)!))];
  return { a, b, features: { ...features, nameClash: clash, dateClash: otherYears }, base, sharedWords, sharedNames, lexical, sameEvent };
}

/** A name's weight from the share of units naming it: a name in every sentence weighs nothing. */
function specificity(share: number): number {
  return Math.max(0, -Math.log(Math.max(share, 1e-6)));
}

/**
 * 1 for a shared full date; 0.8 for two full dates one field apart when
 * the event words agree (one event dated differently: as specific as an
 * agreement), else 0.2 (two events of one month); 0.5 for a shared
 * month; 0.2 for a shared year (sentences name years for many reasons).
 */
function dateSimilarity(a: Slots, b: Slots, sameEvent: boolean): number {
  let best = 0;
  for (const d of a.dates) {
    for (const e of b.dates) {
      if (sameDate(d, e)) best = Math.max(best, d.day !== null ? 1 : d.month !== null ? 0.5 : 0.2);
      else if (oneFieldApart(d, e)) best = Math.max(best, sameEvent ? 0.8 : 0.2);
      else if (d.year === e.year && d.month !== null && d.month === e.month) best = Math.max(best, 0.5);
      else if (d.year !== null && d.year === e.year) best = Math.max(best, 0.2);
    }
  }
  return best;
}

/** 1 for the same figure in the same unit, 0.3 for the same unit with another figure (a weak sign of one topic). */
function numberSimilarity(a: Slots, b: Slots): number {
  let best = 0;
  for (const n of a.numbers) {
    if (n.unit === '') continue;
    for (const m of b.numbers) {
      if (m.unit !== n.unit) continue;
      best = Math.max(best, sameAmount(n, m) ? 1 : 0.3);
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
  const comparison = compareSlots(c.a.slots, c.b.slots, { sameNames: c.sharedNames, strongWording: c.lexical >= AGREE_LEXICAL, sameEvent: c.sameEvent });
  const sharedWords = c.sharedWords.slice(0, 6);
  return {
    id: idOf(a, b),
    a,
    b,
    relation: comparison.relation,
    agreements: comparison.agreements,
    differences: comparison.differences,
    compatible: comparison.compatible,
    sharedWords,
    score,
    confidence: Math.min(1, Math.round(score.total * 100) / 100),
    description: describe(comparison, sharedWords),
  };
}

/** The describing sentence of a link: what both say, or what differs. */
export function describe(comparison: SlotComparison, sharedWords: readonly string[]): string {
  const { relation, agreements, differences, compatible } = comparison;
  const topic = sharedWords.slice(0, 4).join(', ');
  const fits = compatible.length
    ? ` Their figures differ but can both hold: ${compatible.map((d) => `${d.a} and ${d.b}`).join('; ')}.`
    : '';
  if (relation === 'conflicts') {
    const diffs = differences.map((d) => `${d.a} vs ${d.b}`).join('; ');
    const same = agreements.length ? ` Both name ${agreements.slice(0, 4).join(', ')}.` : '';
    return `The texts tell the same event differently: ${diffs}.${same}`;
  }
  if (relation === 'agrees') return `Both texts make this claim (${topic}) and agree on ${agreements.slice(0, 5).join(', ')}.${fits}`;
  return `Both texts speak of this (${topic})${fits ? '.' + fits : ' but state nothing that can be compared.'}`;
}
