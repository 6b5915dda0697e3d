/**
 * The claim matcher: which sentence (or clause) of one text makes the same
 * claim as which sentence of another, and how the two relate.
 *
 * Pipeline: segment both texts into claim units (units.ts); retrieve
 * candidate pairs both ways with lunr's BM25 (retrieve.ts); score each pair
 * with named weights behind guards (score.ts); keep pairs above the
 * threshold, preferring mutual best partners and allowing each unit a few
 * partners (here); narrow each side to the clause that carries the shared
 * claim (narrow.ts); compare slots for the relation (compare.ts) and
 * describe it (describe.ts).
 */
import type { RelationTag } from '../../annotations/model.ts';
import type { ParsedText } from '../../document/structure.ts';
import { learnAliases } from './aliases.ts';
import { uncommonSharedWords } from './background.ts';
import { compareSlots, type SlotComparison, type SlotDifference } from './compare.ts';
import { describe } from './describe.ts';
import { narrowToEvidence } from './narrow.ts';
import { retrieveCandidates } from './retrieve.ts';
import { corpusOf, scorePair, type Candidate, type Features } from './score.ts';
import { SUBJECT_MIN, subjectSimilarity } from './subject.ts';
import { claimUnits, type ClaimUnit } from './units.ts';

/** One text given to the matcher: its IRI, its source, and its parse (`parsePlainText(text)`). */
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
export interface ScoreBreakdown extends Features {
  /** The mutual-best bonus: full when each is the other's best partner, half when best for one side. */
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
  /** What both texts state alike (dates, figures, names), as the first text writes them. */
  readonly agreements: readonly string[];
  /** For `conflicts`: what differs. */
  readonly differences: readonly SlotDifference[];
  /** Figures the texts write differently that can both hold (a bound and a figure within it). */
  readonly compatible: readonly SlotDifference[];
  /** The rarest shared event words, in the first text's order and spelling. */
  readonly sharedWords: readonly string[];
  readonly score: ScoreBreakdown;
  /**
   * Why the matcher linked the pair: `guarded` when every guard passed and
   * the score reached the threshold; `mutual` when only the hard guards
   * passed and each is the other's best partner, on uncommon shared words;
   * `neighbour` when only the hard guards passed and both sentences stand
   * next to those of a linked pair (the two texts tell that passage in one order).
   */
  readonly basis: 'guarded' | 'mutual' | 'neighbour';
  /** 0…1: the score, capped at 1. */
  readonly confidence: number;
  /** One sentence a reader understands: what both say, or what differs. */
  readonly description: string;
}

/** Options of `matchClaims`. */
export interface MatchOptions {
  /**
   * Makes the stable id of a match from the spans of its two whole sentences
   * (not the narrowed clauses, so that a change in narrowing keeps the id and
   * the scholar's decision on it). The annotation layer passes its id
   * function; default: a readable key.
   */
  readonly idOf?: (a: ClaimSpan, b: ClaimSpan) => string;
  /** The least score a pair needs (default THRESHOLD); a UI may lower it to show weaker proposals. */
  readonly threshold?: number;
}

/**
 * A pair that passes every guard needs this total to be proposed (see the
 * calibration note in score.ts); the mutual-best bonus counts towards it.
 */
export const THRESHOLD = 0.35;
/** A pair that is the best partner of neither side needs this much more. */
const NON_MUTUAL_MARGIN = 0.1;
/** Each is the other's best partner: the strongest sign a pair is the intended one (half when best for one side only). */
const W_MUTUAL = 0.1;
/** A `related` link states nothing comparable and rests on wording alone: it needs this much more. */
const RELATED_MARGIN = 0.1;
/**
 * A pair that passes only the hard guards (its shared words are a thin share
 * of two long sentences, or nothing specific anchors it) is proposed when
 * each is the other's best partner, its base score reaches the threshold
 * by this margin, and it shares enough words that are uncommon in English.
 */
const SOFT_MARGIN = 0.0;
/** Shared event words, uncommon in English at large, that a pair linked on wording alone needs. */
const SOFT_SPECIFIC_WORDS = 2;
/** A pair next to a linked pair in both texts (NEIGHBOUR_REACH sentences, same paragraphs) may score this much below the threshold. */
const NEIGHBOUR_CREDIT = 0.1;
const NEIGHBOUR_REACH = 2;
/** At most this many partners per unit: a sentence restates at most a few sentences of another text. */
const MAX_PARTNERS = 3;
/** Lexical similarity (unweighted IDF cosine) above which shared names alone make the relation `agrees`. */
const AGREE_LEXICAL = 0.35;

/**
 * Claim pairs between every two of `texts` (each pair of texts once, in the
 * given order), best first within each pair of texts. Fewer than two texts,
 * or texts without prose, give an empty list. A text whose `parsed` was not
 * made from its `text` (offsets would point elsewhere) is left out, and so is
 * a second entry with an IRI already given. Never throws on any text.
 */
export function matchClaims(texts: readonly ClaimText[], options: MatchOptions = {}): ClaimMatch[] {
  const idOf = options.idOf ?? ((a, b) => `${a.iri}#${a.from}-${a.to}|${b.iri}#${b.from}-${b.to}`);
  const threshold = options.threshold ?? THRESHOLD;
  const seen = new Set<string>();
  const usable = texts.filter((t) => {
    if (t.parsed.source !== t.text || seen.has(t.iri)) return false;
    seen.add(t.iri);
    return true;
  });
  // Aliases are learned from all the texts together: one text may define what another abbreviates.
  const aliases = learnAliases(usable.map((t) => t.text));
  const units = usable.map((t) => claimUnits(t.parsed, aliases));
  const matches: ClaimMatch[] = [];
  for (let i = 0; i < usable.length; i++) {
    for (let j = i + 1; j < usable.length; j++) {
      for (const item of matchPair(usable[i]!, units[i]!, usable[j]!, units[j]!, idOf, threshold)) matches.push(item);
    }
  }
  return matches;
}

function matchPair(
  textA: ClaimText,
  unitsA: readonly ClaimUnit[],
  textB: ClaimText,
  unitsB: readonly ClaimUnit[],
  idOf: (a: ClaimSpan, b: ClaimSpan) => string,
  threshold: number,
): ClaimMatch[] {
  if (unitsA.length === 0 || unitsB.length === 0) return [];
  // Texts on different subjects make no automatic links, however alike a sentence or two may read.
  if (subjectSimilarity(unitsA, unitsB) < SUBJECT_MIN) return [];
  const corpus = corpusOf([...unitsA, ...unitsB], [unitsA, unitsB]);
  const candidates = retrieveCandidates(unitsA, unitsB)
    .map((r) => scorePair(unitsA[r.a]!, unitsB[r.b]!, corpus, r.bm25))
    .filter((c): c is Candidate => c !== null);

  // Best partners among the pairs the hard guards let through.
  const bestOfA = bestPartners(candidates, (c) => c.a, (c) => c.base);
  const bestOfB = bestPartners(candidates, (c) => c.b, (c) => c.base);
  // The same by plain wording (IDF cosine): a pair linked on wording alone must be best both ways by both measures.
  const closestOfA = bestPartners(candidates, (c) => c.a, (c) => c.lexical);
  const closestOfB = bestPartners(candidates, (c) => c.b, (c) => c.lexical);
  const scored = candidates
    .map((c) => {
      const bestA = bestOfA.get(c.a) === c;
      const bestB = bestOfB.get(c.b) === c;
      const mutual = (W_MUTUAL * (Number(bestA) + Number(bestB))) / 2;
      const closest = closestOfA.get(c.a) === c && closestOfB.get(c.b) === c;
      return { c, mutual, total: c.base + mutual, bothBest: bestA && bestB && closest };
    })
    .filter(({ c, mutual, total, bothBest }) => c.firm
      ? total >= threshold + (mutual > 0 ? 0 : NON_MUTUAL_MARGIN)
      : bothBest && c.base >= threshold + SOFT_MARGIN && uncommonSharedWords(c) >= SOFT_SPECIFIC_WORDS)
    .sort((x, y) => y.total - x.total || x.c.a.unit.from - y.c.a.unit.from || x.c.b.unit.from - y.c.b.unit.from);

  const partners = new Map<ClaimUnit, number>();
  const matches: ClaimMatch[] = [];
  const linked: Candidate[] = [];
  for (const { c, mutual, total } of scored) {
    if ((partners.get(c.a) ?? 0) >= MAX_PARTNERS || (partners.get(c.b) ?? 0) >= MAX_PARTNERS) continue;
    const match = toMatch(textA, textB, c, { ...c.features, mutual, total }, idOf);
    if (match.relation === 'related' && total < threshold + RELATED_MARGIN) continue;
    partners.set(c.a, (partners.get(c.a) ?? 0) + 1);
    partners.set(c.b, (partners.get(c.b) ?? 0) + 1);
    matches.push(match);
    linked.push(c);
  }
  // Two accounts of one story tell it in the same order: a pair whose sentences stand next to those of
  // a pair already linked continues that alignment, and needs less evidence of its own.
  for (const c of candidates) {
    if (linked.includes(c) || c.base < threshold - NEIGHBOUR_CREDIT || uncommonSharedWords(c) < SOFT_SPECIFIC_WORDS) continue;
    if (!linked.some((l) => neighbours(l, c))) continue;
    if ((partners.get(c.a) ?? 0) >= MAX_PARTNERS || (partners.get(c.b) ?? 0) >= MAX_PARTNERS) continue;
    const match = toMatch(textA, textB, c, { ...c.features, mutual: 0, total: c.base }, idOf, 'neighbour');
    if (match.relation === 'conflicts') continue;
    partners.set(c.a, (partners.get(c.a) ?? 0) + 1);
    partners.set(c.b, (partners.get(c.b) ?? 0) + 1);
    matches.push(match);
  }
  return matches;
}

/** Whether two pairs stand side by side in both texts (one sentence apart in each, not the same pair of sentences). */
export function neighbours(x: Pick<Candidate, 'a' | 'b'>, y: Pick<Candidate, 'a' | 'b'>): boolean {
  const da = Math.abs(x.a.unit.index - y.a.unit.index);
  const db = Math.abs(x.b.unit.index - y.b.unit.index);
  return da <= NEIGHBOUR_REACH && db <= NEIGHBOUR_REACH && da + db > 0 && x.a.unit.block === y.a.unit.block && x.b.unit.block === y.b.unit.block;
}

/** Each unit's best candidate by `measure`. */
function bestPartners(candidates: readonly Candidate[], side: (c: Candidate) => ClaimUnit, measure: (c: Candidate) => number): Map<ClaimUnit, Candidate> {
  const best = new Map<ClaimUnit, Candidate>();
  for (const c of candidates) {
    const current = best.get(side(c));
    if (!current || measure(current) < measure(c)) best.set(side(c), c);
  }
  return best;
}


/** How the two units of a scored pair relate: their slots and directions compared. */
export function comparisonOf(c: Candidate): SlotComparison {
  return compareSlots(c.a.slots, c.b.slots, {
    sameNames: c.sharedNames,
    strongWording: c.lexical >= AGREE_LEXICAL,
    sameEvent: c.sameEvent,
    directions: { a: c.a.directions, b: c.b.directions },
  });
}

function toMatch(
  textA: ClaimText,
  textB: ClaimText,
  c: Candidate,
  score: ScoreBreakdown,
  idOf: (a: ClaimSpan, b: ClaimSpan) => string,
  basis: ClaimMatch['basis'] = c.firm ? 'guarded' : 'mutual',
): ClaimMatch {
  const spanA = narrowToEvidence(c.a, c.b, c.sharedEventTerms);
  const spanB = narrowToEvidence(c.b, c.a, c.sharedEventTerms);
  const a: ClaimSpan = { iri: textA.iri, ...spanA, quote: textA.text.slice(spanA.from, spanA.to) };
  const b: ClaimSpan = { iri: textB.iri, ...spanB, quote: textB.text.slice(spanB.from, spanB.to) };
  const comparison = comparisonOf(c);
  const sharedWords = c.sharedWords.slice(0, 6);
  const sentence = (t: ClaimText, u: ClaimUnit): ClaimSpan => ({ iri: t.iri, from: u.unit.from, to: u.unit.to, quote: t.text.slice(u.unit.from, u.unit.to) });
  return {
    id: idOf(sentence(textA, c.a), sentence(textB, c.b)),
    a,
    b,
    relation: comparison.relation,
    agreements: comparison.agreements,
    differences: comparison.differences,
    compatible: comparison.compatible,
    sharedWords,
    score,
    basis,
    confidence: Math.min(1, Math.round(score.total * 100) / 100),
    description: describe(comparison, sharedWords),
  };
}
