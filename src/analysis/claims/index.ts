/**
 * Cross-text claim links: the matcher's proposals as W3C annotations
 * (motivation `linking`, one target per text, tagged `claim` and its
 * relation), the typed matches behind them, and the scholar's review of them.
 *
 * Modules: normalize (folding, transliteration), segment (sentences and
 * clauses), slots (dates, figures, names), terms (comparison words), units
 * (what a sentence offers for matching), period (the years a sentence speaks
 * of, its own or its section's), background and common-words (how common a
 * word is in English at large), retrieve (lunr candidates), score (weights
 * and guards), narrow (the shared clause), compare (relation), describe (the
 * sentence for a reader), match (the pipeline: guarded, mutual-best and
 * neighbour links), review (accept, dismiss, hand-made links).
 */
import {
  ANNO_CONTEXT,
  describingBody,
  stableAnnotationId,
  tagBody,
  textTarget,
  type Annotation,
} from '../../annotations/model.ts';
import { CodePointIndex } from '../../document/code-points.ts';
import { ANALYZER } from '../generator.ts';
import { matchClaims, type ClaimMatch, type ClaimSpan, type ClaimText } from './match.ts';

// The public API of the claim matcher, named export by export.
export { matchClaims } from './match.ts';
export { describe } from './describe.ts';
export type { ClaimMatch, ClaimSpan, ClaimText, MatchOptions, ScoreBreakdown } from './match.ts';
export type { Features } from './score.ts';
export { compareSlots } from './compare.ts';
export type { CompareContext, SlotComparison, SlotDifference } from './compare.ts';
export { TRANSLITERATION_RULES, fold, wordKey } from './normalize.ts';
export { segmentUnits } from './segment.ts';
export { PassageError, SUGGESTIONS, passageUnit, suggestClaims } from './suggest.ts';
export type { PassageRequest, Suggestion } from './suggest.ts';
export { AliasTable, learnAliases } from './aliases.ts';
export { directionsOf } from './direction.ts';
export type { Unit } from './segment.ts';
export { applyReviews, ClaimReviewError, makeManualLink, makeReview, reviewTargetOf } from './review.ts';
export type { ClaimEnd, ClaimStatus, ReviewDecision, ReviewedProposal } from './review.ts';

/** The stable id of a claim link: the same two spans (of the whole sentences) always give the same `urn:uuid:`. */
export function claimLinkId(a: Pick<ClaimSpan, 'iri' | 'from' | 'to'>, b: Pick<ClaimSpan, 'iri' | 'from' | 'to'>): string {
  return stableAnnotationId(`claim|${a.iri}|${a.from}|${a.to}|${b.iri}|${b.from}|${b.to}`);
}

/**
 * Claim-link proposals between every two of `texts` as W3C annotations,
 * generator the analyzer, `created` as given; `threshold` as in
 * `MatchOptions`. Fewer than two texts give an empty list; never throws on
 * any text.
 */
export function proposeClaimLinks(texts: readonly ClaimText[], options: { readonly created: string; readonly threshold?: number }): Annotation[] {
  const indexes = new Map(texts.map((t) => [t.iri, { text: t.text, index: new CodePointIndex(t.text) }]));
  return matchClaims(texts, { idOf: claimLinkId, threshold: options.threshold }).map((m) => claimAnnotation(m, options.created, indexes));
}

/** One match as a W3C annotation. */
function claimAnnotation(
  m: ClaimMatch,
  created: string,
  texts: ReadonlyMap<string, { text: string; index: CodePointIndex }>,
): Annotation {
  const target = (s: ClaimSpan) => {
    const t = texts.get(s.iri)!;
    return textTarget(s.iri, t.text, s.from, s.to, t.index);
  };
  return {
    '@context': ANNO_CONTEXT,
    id: m.id,
    type: 'Annotation',
    motivation: 'linking',
    target: [target(m.a), target(m.b)],
    body: [tagBody('claim'), tagBody(m.relation), describingBody(m.description)],
    generator: ANALYZER,
    created,
    'reader:confidence': m.confidence,
  };
}
