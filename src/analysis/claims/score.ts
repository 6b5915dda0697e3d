/**
 * The score of a candidate pair: a weighted sum of features, each in 0…1,
 * after guards that no weight can outvote (the same names in another event,
 * another event of the same kind).
 *
 * Calibration, by reasoning rather than by fitting: names, retrieval rank
 * and the mutual-best bonus together reach about 0.35, below the threshold
 * (0.5, in match.ts), so a link always needs shared wording or a shared
 * date or figure on top; a shared full date (0.3) with a modest paraphrase
 * passes; a close paraphrase passes on its own.
 */
import { backgroundWeight } from './background.ts';
import { hasUnit, oneFieldApart, sameAmount, sameDate, sameMeasure } from './compare.ts';
import { periodsApart } from './period.ts';
import type { Slots } from './slots.ts';
import type { ClaimUnit } from './units.ts';

/** IDF-weighted cosine of all terms: the main evidence that two sentences say the same thing. */
const W_LEXICAL = 0.55;
/** Overlap of the event words (terms outside names, dates, figures): what happened, not who. */
const W_EVENT = 0.35;
/** Shared rare terms (in few units of either text): a rare word shared is strong evidence, common ones are not. */
const W_RARE = 0.2;
/** Shared specific phrases (adjacent event words): the same wording of the same thing. */
const W_PHRASES = 0.2;
/** Shared names, weighted by how specific they are: the same actors, but never enough alone (see the event guard). */
const W_NAMES = 0.15;
/** Same dates; high because a full date is rare and pins an event. */
const W_DATES = 0.3;
/** Same figures in the same unit. */
const W_NUMBERS = 0.2;
/** lunr's BM25 score relative to the query's best hit: ranking evidence, small because it is relative. */
const W_BM25 = 0.1;
/** Penalty when both sides are dated and share no year. */
const W_DATE_CLASH = 0.15;
/** Both speak of one period (their years, or their context's, within PERIOD_GAP): a weak sign of one event. */
const W_PERIOD = 0.1;
/** Penalty when the periods lie apart: most likely two events. */
const W_PERIOD_CLASH = 0.2;
/** Penalty when each side names specific actors the other does not name. */
const W_NAME_CLASH = 0.15;

/** Event guard: at least this many shared event words... */
const MIN_EVENT_TERMS = 2;
/** ...carrying at least this share of the smaller side's event-word weight. */
const MIN_EVENT_OVERLAP = 0.18;
/** Share of the smaller side's event-word weight both must share to tell one event (so that differing slots conflict). */
const SAME_EVENT_OVERLAP = 0.4;
/** Date similarity at which a date pins the event: a shared month, or full dates one field apart. */
const DATE_EVENT_SIMILARITY = 0.5;
/** A month matched by a full date on one side and a bare month on the other: below DATE_EVENT_SIMILARITY. */
const PARTIAL_DATE = 0.35;
/** However short the texts, a name, phrase or term in this many units (one per text) is still specific. */
const MIN_SPECIFIC_UNITS = 2;
/** A name in at most this share of units is specific; above it, it is the texts' topic. */
const SPECIFIC_NAME_SHARE = 0.03;
/** A phrase in at most this share of units is specific. */
const SPECIFIC_PHRASE_SHARE = 0.01;
/** A word in more than this share of units is common: a phrase containing it is not specific. */
const COMMON_WORD_SHARE = 0.08;
/** A term in at most this share of units is rare. */
const RARE_SHARE = 0.01;
/** Shared rare terms that saturate the rare feature. */
const RARE_SATURATION = 3;
/** Shared specific phrases that saturate the phrase feature. */
const PHRASE_SATURATION = 2;
/** Summed name specificity (-ln share) that saturates the name feature: about two names each in 2% of units. */
const NAME_SATURATION = 8;
/** Shared rare terms that anchor a link without a name, date, figure or phrase. */
const MIN_RARE_ANCHOR = 3;
/** Shared words kept to describe a link. */
const SHOWN_WORDS = 6;
/** Shared event words that anchor a link by themselves: a long paraphrase. */
const MIN_EVENT_ANCHOR = 4;

/** The weighted features of a pair; the clash terms are zero or negative. */
export interface Features {
  readonly lexical: number;
  readonly event: number;
  readonly rare: number;
  readonly phrases: number;
  readonly names: number;
  readonly dates: number;
  readonly numbers: number;
  readonly bm25: number;
  /** Negative when each side names specific actors and none is shared. */
  readonly nameClash: number;
  /** Negative when both sides date their claim and share no year. */
  readonly dateClash: number;
  /** Positive when both speak of one period, negative when their periods lie apart, else 0. */
  readonly period: number;
}

/** A scored candidate pair. */
export interface Candidate {
  readonly a: ClaimUnit;
  readonly b: ClaimUnit;
  readonly features: Features;
  /** The sum of the features. */
  readonly base: number;
  /** The rarest shared event words, in the first text's order and spelling. */
  readonly sharedWords: readonly string[];
  /** Shared names, as the first text writes them. */
  readonly sharedNames: readonly string[];
  /** The unweighted IDF cosine. */
  readonly lexical: number;
  /** The event words agree enough for differing dates or figures to be a disagreement. */
  readonly sameEvent: boolean;
  /** Event-word keys both share (to narrow each span to its shared part). */
  readonly sharedEventTerms: ReadonlySet<string>;
  /**
   * Whether the soft guards passed too: enough of the event words shared, and
   * something specific (a name, date, figure, phrase or rare words) anchoring
   * the pair. A pair that passes only the hard guards may still be linked
   * when each is the other's best partner (match.ts).
   */
  readonly firm?: boolean;
}

/** Statistics of the units of two texts that a pair is scored against. */
export interface Corpus {
  /** Inverse document frequency of a term over the units of both texts. */
  readonly idf: (term: string) => number;
  /** Share of all units that name a name word. */
  readonly nameShare: (key: string) => number;
  /** Whether a name word is specific: in few units. */
  readonly specificName: (key: string) => boolean;
  /** Whether a phrase is specific: in few units, and made of words that are not common. */
  readonly specificPhrase: (phrase: string) => boolean;
  /** idf at or above which a term is rare. */
  readonly rareIdf: number;
}

/**
 * The statistics of `units` (the units of both texts together). With
 * `texts` (the same units, text by text), a name is specific when it is
 * specific in at least one text: only a name both texts name often is their
 * topic ("Allende" in two histories of his government), while an actor one
 * text names often and the other seldom ("Corvalán") still pins an event.
 */
export function corpusOf(units: readonly ClaimUnit[], texts: readonly (readonly ClaimUnit[])[] = []): Corpus {
  const n = Math.max(1, units.length);
  const nameShare = shares(units, (u) => u.nameKeys.keys());
  const perText = texts.filter((t) => t.length > 0).map((t) => ({ share: shares(t, (u) => u.nameKeys.keys()), few: Math.max(MIN_SPECIFIC_UNITS / 2, SPECIFIC_NAME_SHARE * t.length) / t.length }));
  const phraseShare = shares(units, (u) => u.phrases.keys());
  const termShare = shares(units, (u) => u.terms);
  // "Few units" never means fewer than one per text, however short the texts.
  const few = (share: number) => Math.max(MIN_SPECIFIC_UNITS, share * n) / n;
  const df = new Map<string, number>();
  for (const u of units) for (const t of u.terms) df.set(t, (df.get(t) ?? 0) + 1);
  return {
    // idf(t) = ln((N + 1) / (df + 0.5)): a word in every sentence weighs almost nothing.
    // Scaled by the word's weight in English at large: a word common everywhere is no evidence, however rare here.
    idf: (term) => Math.log((n + 1) / ((df.get(term) ?? 0) + 0.5)) * backgroundWeight(term),
    nameShare,
    specificName: (k) => nameShare(k) <= few(SPECIFIC_NAME_SHARE) || perText.some((t) => t.share(k) > 0 && t.share(k) <= t.few),
    // A phrase of two common words ("economic problems") is a commonplace however rarely it occurs whole.
    specificPhrase: (p) => phraseShare(p) <= few(SPECIFIC_PHRASE_SHARE) && p.split(' ').every((w) => termShare(w) <= few(COMMON_WORD_SHARE)),
    rareIdf: Math.log((n + 1) / (few(RARE_SHARE) * n + 0.5)),
  };
}

/** Share of units in which each key occurs. */
function shares(units: readonly ClaimUnit[], keysOf: (u: ClaimUnit) => Iterable<string>): (key: string) => number {
  const df = new Map<string, number>();
  for (const u of units) for (const k of new Set(keysOf(u))) df.set(k, (df.get(k) ?? 0) + 1);
  return (key) => (df.get(key) ?? 0) / Math.max(1, units.length);
}

/**
 * The scored pair, or null when a guard rejects it: too few shared event
 * words (the same names in another event), nothing specific shared, or
 * other actors in other years (another event of the same kind).
 */
export function scorePair(a: ClaimUnit, b: ClaimUnit, corpus: Corpus, bm25: number): Candidate | null {
  const c = scoreWithGuards(a, b, corpus, bm25);
  return c.passed ? { ...c.candidate, firm: c.firm } : null;
}

/**
 * The scored pair and whether every guard let it through. Suggestions on
 * demand rank pairs the guards reject too: a reader asked, and judges.
 */
export function scoreWithGuards(a: ClaimUnit, b: ClaimUnit, corpus: Corpus, bm25: number): { candidate: Candidate; passed: boolean; firm: boolean } {
  let passed = true;
  const { idf } = corpus;
  const shared = [...a.terms].filter((t) => b.terms.has(t));
  const sharedEvent = [...a.eventTerms].filter((t) => b.eventTerms.has(t));
  const weightOf = (terms: Iterable<string>) => [...terms].reduce((s, t) => s + idf(t), 0);
  const event = weightOf(sharedEvent) / Math.max(1e-9, Math.min(weightOf(a.eventTerms), weightOf(b.eventTerms)));
  // Only a pair whose event words mostly agree tells one event; then a date
  // one field apart is a disagreement about it, not two events of one month.
  const sameEvent = event >= SAME_EVENT_OVERLAP;
  const dates = dateSimilarity(a.slots, b.slots, sameEvent);
  // The event guard: names alone never make two sentences one claim; the
  // event words must overlap too (one word is enough when a dated event
  // matches to the month, since a full date is itself an event's signature).
  // Two distinct specific actors named on both sides ("Corvalán" and "Bukovsky") pin the event as a date does.
  const sharedNameKeys = [...a.nameKeys.keys()].filter((k) => b.nameKeys.has(k));
  // Two actors named side by side ("Corvalán, the Communist Party leader") describe one actor, not two taking part in one event.
  const actorKeys = sharedNameKeys.filter((k) => corpus.specificName(k));
  const twoActors = actorKeys.some((k, i) => actorKeys.slice(i + 1).some((l) => a.nameKeys.get(k) !== a.nameKeys.get(l) && !inApposition(a, k, l) && !inApposition(b, k, l)));
  const pinned = dates >= DATE_EVENT_SIMILARITY || twoActors;
  const minEventTerms = pinned ? 1 : MIN_EVENT_TERMS;
  // Too few shared event words is a hard failure; a thin share of long sentences' words is a soft one.
  if (sharedEvent.length < minEventTerms) passed = false;
  let firm = sharedEvent.length >= minEventTerms && (event >= MIN_EVENT_OVERLAP || pinned);

  const numbers = numberSimilarity(a.slots, b.slots);
  const rareCount = shared.filter((t) => idf(t) >= corpus.rareIdf).length;
  const sharedPhrases = [...a.phrases.keys()].filter((p) => b.phrases.has(p) && corpus.specificPhrase(p));
  // The anchor: something specific both state. Common words and the texts'
  // topic names (named in many sentences) are shared by chance.
  const anchored = sharedNameKeys.some((k) => corpus.specificName(k))
    || dates >= DATE_EVENT_SIMILARITY
    || numbers >= 1
    || sharedPhrases.length > 0
    || rareCount >= MIN_RARE_ANCHOR
    || sharedEvent.length >= MIN_EVENT_ANCHOR
    // A shared year with two shared event words: one dated event, told in other words.
    || (dates > 0 && sharedEvent.length >= MIN_EVENT_TERMS);
  if (!anchored) firm = false;

  // Each side names a specific actor the other does not: most likely two events of one kind.
  // A name counts as matched when any of its words is named on the other side ("Salvador Allende" / "Allende").
  const unmatchedSpecific = (x: ClaimUnit, y: ClaimUnit) =>
    x.names.some((nm) => nm.keys.some((k) => corpus.specificName(k)) && !nm.keys.some((k) => y.nameKeys.has(k)));
  const differentActors = unmatchedSpecific(a, b) && unmatchedSpecific(b, a) && !sharedNameKeys.some((k) => corpus.specificName(k));
  // Both date their claim and share no year: two events of one kind (two elections, two visits).
  const yearsA = yearsOf(a.slots);
  const yearsB = yearsOf(b.slots);
  const otherYears = yearsA.size > 0 && yearsB.size > 0 && ![...yearsA].some((y) => yearsB.has(y));
  // Other actors and other years together: another event of the same kind, however alike the wording.
  if (differentActors && otherYears) passed = false;
  // Two full dates of one month a few days apart, told in other words: two events of one month
  // ("informed on 15 September" is not "overthrew on 11 September"); told alike, they are one event dated differently.
  const sharesDate = a.slots.dates.some((d) => b.slots.dates.some((e) => sameDate(d, e)));
  const daysApart = a.slots.dates.some((d) => b.slots.dates.some((e) => oneFieldApart(d, e) && d.day !== e.day));
  if (daysApart && !sharesDate && !sameEvent) passed = false;
  // Sentences whose periods lie apart tell two events, unless a date pins one ("1976" in a sentence of 1973).
  const apart = periodsApart(a.period, b.period);
  if (apart && dates < DATE_EVENT_SIMILARITY) passed = false;
  // The same figure measuring different things ("12% unemployment", "12% of the vote"): a coincidence, not one claim.
  const figures = (x: ClaimUnit) => x.slots.numbers.filter((n) => /^[%$£€]$/u.test(n.unit));
  const coincident = figures(a).some((n) => figures(b).some((m) => sameAmount(n, m)));
  const measuredAlike = figures(a).some((n) => figures(b).some((m) => sameMeasure(n, m)));
  if (coincident && !measuredAlike) passed = false;

  const norm = (terms: Iterable<string>) => Math.sqrt([...terms].reduce((s, t) => s + idf(t) ** 2, 0));
  const lexical = shared.reduce((s, t) => s + idf(t) ** 2, 0) / Math.max(1e-9, norm(a.terms) * norm(b.terms));
  // Names weigh by how specific they are, in absolute terms: sharing only the texts' topic names adds little.
  const names = sharedNameKeys.reduce((s, k) => s + specificity(corpus.nameShare(k)), 0) / NAME_SATURATION;
  const features: Features = {
    lexical: W_LEXICAL * lexical,
    event: W_EVENT * Math.min(1, event),
    rare: W_RARE * Math.min(1, rareCount / RARE_SATURATION),
    phrases: W_PHRASES * Math.min(1, sharedPhrases.length / PHRASE_SATURATION),
    names: W_NAMES * Math.min(1, names),
    dates: W_DATES * dates,
    numbers: W_NUMBERS * numbers,
    bm25: W_BM25 * bm25,
    // A date that pins the event outweighs different actors: one event may be told through different people.
    nameClash: differentActors && dates < DATE_EVENT_SIMILARITY ? -W_NAME_CLASH : 0,
    dateClash: otherYears ? -W_DATE_CLASH : 0,
    period: apart ? -W_PERIOD_CLASH : a.period.length > 0 && b.period.length > 0 ? W_PERIOD : 0,
  };
  const candidate: Candidate = {
    a,
    b,
    features,
    base: (Object.values(features) as number[]).reduce((s, v) => s + v, 0),
    sharedWords: readableWords(a, [...sharedEvent].sort((x, y) => idf(y) - idf(x)).slice(0, SHOWN_WORDS)),
    sharedNames: [...new Set(sharedNameKeys.map((k) => a.nameKeys.get(k)!))],
    lexical,
    sameEvent,
    sharedEventTerms: new Set(sharedEvent),
  };
  return { candidate, passed, firm: passed && firm };
}

/** Words at most between two names that stand in apposition ("Luis Corvalán, the Communist Party leader"). */
const APPOSITION_WORDS = 2;

/** Whether the unit names the actors of keys `k` and `l` side by side (a name and its description) and nowhere apart. */
function inApposition(unit: ClaimUnit, k: string, l: string): boolean {
  const spans = (key: string) => unit.names.flatMap((n, i) => (n.keys.includes(key) ? [unit.slots.names[i]] : [])).filter((x) => x !== undefined);
  const xs = spans(k);
  const ys = spans(l);
  if (xs.length === 0 || ys.length === 0) return false;
  const gap = (p: { from: number; to: number }, q: { from: number; to: number }) => {
    const between = p.to <= q.from ? unit.unit.text.slice(p.to, q.from) : unit.unit.text.slice(q.to, p.from);
    return (between.match(/\p{L}+/gu) ?? []).length;
  };
  return xs.every((x) => ys.every((y) => gap(x, y) <= APPOSITION_WORDS));
}

/** Keys as the unit writes them, in the unit's order. */
function readableWords(unit: ClaimUnit, keys: readonly string[]): string[] {
  const position = (k: string) => unit.termList.findIndex((t) => t.key === k);
  return [...keys].sort((x, y) => position(x) - position(y)).map((k) => unit.surface.get(k) ?? k);
}

function yearsOf(slots: Slots): Set<number> {
  return new Set(slots.dates.map((d) => d.year).filter((y): y is number => y !== null));
}

/** A name's weight from the share of units naming it: a name in every sentence weighs nothing. */
function specificity(share: number): number {
  return Math.max(0, -Math.log(Math.max(share, 1e-6)));
}

/**
 * 1 for a shared full date; 0.8 for two full dates one field apart when
 * the event words agree (one event dated differently: as specific as an
 * agreement), else 0.2 (two events of one month); 0.5 for a shared
 * month, PARTIAL_DATE when only one side gives the day; 0.2 for a shared year (sentences name years for many reasons).
 */
function dateSimilarity(a: Slots, b: Slots, sameEvent: boolean): number {
  let best = 0;
  for (const d of a.dates) {
    for (const e of b.dates) {
      if (sameDate(d, e)) best = Math.max(best, d.day !== null ? 1 : d.month !== null ? 0.5 : 0.2);
      else if (oneFieldApart(d, e)) best = Math.max(best, sameEvent ? 0.8 : 0.2);
      // One side gives the day, the other only the month ("15 September 1973", "to September 1973"): the same month, not a pinned event.
      else if (d.year === e.year && d.month !== null && d.month === e.month) best = Math.max(best, PARTIAL_DATE);
      else if (d.year !== null && d.year === e.year) best = Math.max(best, 0.2);
    }
  }
  return best;
}

/**
 * 1 for the same figure of the same measure, 0.3 for the same measure with
 * another figure (a weak sign of one topic); a figure of another measure
 * counts nothing (9% of the vote is not 9% of output).
 */
function numberSimilarity(a: ClaimUnit['slots'], b: ClaimUnit['slots']): number {
  let best = 0;
  for (const n of a.numbers) {
    if (!hasUnit(n)) continue;
    for (const m of b.numbers) {
      if (!sameMeasure(n, m)) continue;
      best = Math.max(best, sameAmount(n, m) ? 1 : 0.3);
    }
  }
  return best;
}
