/**
 * A scholar's decisions on claim-link proposals, and hand-made links.
 *
 * A decision is itself a W3C annotation by a Person (motivation `assessing`)
 * on the proposal's two passages: a tagging body `accepted` or `dismissed`, a
 * describing body, and a linking body whose value is the proposal's id (a
 * TextualBody: a SpecificResource without selectors fails the W3C checks, and
 * the model's Body type has no bare external resource). Proposal ids are
 * stable (derived from the two spans), so a decision keeps applying when the
 * analyzer regenerates the same proposal; a dismissed proposal stays dismissed.
 * Pure logic: storing and showing decisions is the UI's business.
 */
import {
  ANNO_CONTEXT,
  commentBody,
  describingBody,
  newAnnotationId,
  stableAnnotationId,
  tagBody,
  targetsOf,
  textTarget,
  type Agent,
  type Annotation,
  type Body,
  type RelationTag,
  type TextualBody,
} from '../../annotations/model.ts';

/** What a scholar decided about a proposal. */
export type ReviewDecision = 'accepted' | 'dismissed';

/** A proposal's state after the decisions are applied. */
export type ClaimStatus = 'proposed' | ReviewDecision;

/** A proposal with its status and the decision that set it (null while still proposed). */
export interface ReviewedProposal<P> {
  readonly proposal: P;
  readonly status: ClaimStatus;
  readonly review: Annotation | null;
}

/** One end of a hand-made link: a range `[from, to)` (UTF-16 offsets) of the source `text` of document `iri`. */
export interface ClaimEnd {
  readonly iri: string;
  readonly text: string;
  readonly from: number;
  readonly to: number;
}

/** Thrown when a review or a hand-made link is asked for with arguments that cannot make one. */
export class ClaimReviewError extends Error {
  override name = 'ClaimReviewError';
}

/** The purpose of the body that names the reviewed proposal. */
const REFERENCE_PURPOSE = 'linking';

/**
 * The decision annotation on `proposal` by `creator` (a Person). Its id is
 * stable per proposal and creator, so a new decision by the same scholar
 * replaces the old one in a store keyed by id.
 * Throws ClaimReviewError when the creator is not a Person or the proposal has no id.
 */
export function makeReview(
  proposal: Annotation,
  decision: ReviewDecision,
  creator: Agent,
  options: { readonly created: string; readonly note?: string },
): Annotation {
  if (creator.type !== 'Person') throw new ClaimReviewError(`A review is made by a Person, not a ${creator.type} ("${creator.name}")`);
  if (!proposal.id) throw new ClaimReviewError('The proposal to review has no id');
  const reference: TextualBody = { type: 'TextualBody', purpose: REFERENCE_PURPOSE, value: proposal.id, format: 'text/plain' };
  const body: Body[] = [
    decisionBody(decision),
    describingBody(`${creator.name} ${decision} this proposed claim link.`),
    reference,
  ];
  if (options.note) body.push(commentBody(options.note));
  return {
    '@context': ANNO_CONTEXT,
    id: stableAnnotationId(`review|${proposal.id}|${creator.id ?? creator.name}`),
    type: 'Annotation',
    motivation: 'assessing',
    target: targetsOf(proposal),
    body,
    creator,
    created: options.created,
  };
}

function decisionBody(decision: ReviewDecision): TextualBody {
  return { type: 'TextualBody', purpose: 'tagging', value: decision };
}

/** The id of the proposal a review annotation decides on, or null when the annotation is not such a review. */
export function reviewTargetOf(review: Annotation): string | null {
  if (review.motivation !== 'assessing' || decisionOf(review) === null) return null;
  const ref = review.body.find((b): b is TextualBody => b.type === 'TextualBody' && b.purpose === REFERENCE_PURPOSE);
  return ref ? ref.value : null;
}

function decisionOf(review: Annotation): ReviewDecision | null {
  for (const b of review.body) {
    if (b.type === 'TextualBody' && b.purpose === 'tagging' && (b.value === 'accepted' || b.value === 'dismissed')) return b.value;
  }
  return null;
}

/**
 * Each proposal with its status: the latest decision (by `modified`, else
 * `created`) among `reviews` that names its id, or `proposed` when none does.
 * Reviews of proposals not in the list and annotations that are not reviews
 * are ignored (the caller may show them as orphans). Order is kept.
 */
export function applyReviews<P extends { readonly id: string }>(
  proposals: readonly P[],
  reviews: readonly Annotation[],
): ReviewedProposal<P>[] {
  const latest = new Map<string, Annotation>();
  for (const review of reviews) {
    const target = reviewTargetOf(review);
    if (target === null) continue;
    const previous = latest.get(target);
    if (!previous || timeOf(review) >= timeOf(previous)) latest.set(target, review);
  }
  return proposals.map((proposal) => {
    const review = latest.get(proposal.id) ?? null;
    return { proposal, status: review ? decisionOf(review)! : 'proposed', review };
  });
}

function timeOf(a: Annotation): number {
  const t = Date.parse(a.modified ?? a.created);
  return Number.isNaN(t) ? 0 : t;
}

/**
 * A claim link made by hand between two selections in two different texts,
 * by `creator` (a Person), with an optional note as a commenting body.
 * Throws ClaimReviewError when both ends are in one text, an end is empty or
 * the creator is not a Person; RangeError when an end lies outside its text.
 */
export function makeManualLink(
  a: ClaimEnd,
  b: ClaimEnd,
  relation: RelationTag,
  creator: Agent,
  note?: string,
  created: string = new Date().toISOString(),
): Annotation {
  if (creator.type !== 'Person') throw new ClaimReviewError(`A hand-made link is made by a Person, not a ${creator.type} ("${creator.name}")`);
  if (a.iri === b.iri) throw new ClaimReviewError(`A claim link joins two different texts; both ends are in ${a.iri}`);
  for (const end of [a, b]) if (end.to <= end.from) throw new ClaimReviewError(`An end of a claim link is empty: ${end.iri} ${end.from}…${end.to}`);
  const body: Body[] = [
    tagBody('claim'),
    tagBody(relation),
    describingBody(`${creator.name} linked these passages by hand: ${relation === 'conflicts' ? 'they disagree' : relation === 'agrees' ? 'they make the same claim' : 'they are related'}.`),
  ];
  if (note) body.push(commentBody(note));
  return {
    '@context': ANNO_CONTEXT,
    id: newAnnotationId(),
    type: 'Annotation',
    motivation: 'linking',
    target: [textTarget(a.iri, a.text, a.from, a.to), textTarget(b.iri, b.text, b.from, b.to)],
    body,
    creator,
    created,
  };
}
