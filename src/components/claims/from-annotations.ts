/**
 * Claim links from W3C annotations: a `linking` annotation tagged `claim` and
 * a relation, with one target in each of two texts. Targets are anchored in
 * the texts' sources (position first, then quote, then fuzzy: see
 * `annotations/anchoring`), so a link still lands after the text moved.
 */
import { anchorSelectors } from '../../annotations/anchoring/index.ts';
import { RELATION_TAGS, tagsOf, targetsOf, type Annotation, type RelationTag, type TextualBody } from '../../annotations/model.ts';
import { plainTextOf } from '../../annotations/sanitize.ts';
import { applyReviews } from '../../analysis/claims/review.ts';
import { CodePointIndex } from '../../document/code-points.ts';
import type { ClaimEnd, ClaimLink } from './link.ts';

/** A text the links may point into: its id in the reader and its source text. */
export interface ClaimDocument {
  readonly docId: string;
  readonly source: string;
}

/** A claim annotation that could not become a link, and why, in a sentence for a person. */
export interface ClaimLinkProblem {
  readonly annotationId: string | null;
  readonly message: string;
}

/** What `claimLinksFromAnnotations` gives: the links it could build and, for each claim annotation left out, why. */
export interface ClaimLinksResult {
  /** The links, in the order of the annotations. */
  readonly links: readonly ClaimLink[];
  readonly problems: readonly ClaimLinkProblem[];
}

/** Options of `claimLinksFromAnnotations`. */
export interface ClaimLinkOptions {
  /** Review annotations (`makeReview` in analysis/claims/review.ts) that set each link's status. */
  readonly reviews?: readonly Annotation[];
}

/** True when `annotation` is a claim link (motivation `linking`, tagged `claim`), well formed or not. */
export function isClaimAnnotation(annotation: Annotation): boolean {
  return annotation.motivation === 'linking' && tagsOf(annotation).includes('claim');
}

/**
 * The claim links among `annotations`, each end anchored in the text that
 * `documentOf(targetSourceIri)` returns. Annotations that are not claim links
 * are skipped silently; a claim link with other than two targets, a target in
 * a text not given, both targets in one text, a target that no longer
 * anchors, or a repeated id is left out with a problem naming it. A missing
 * relation tag counts as `related`. Never throws.
 */
export function claimLinksFromAnnotations(
  annotations: readonly Annotation[],
  documentOf: (iri: string) => ClaimDocument | null,
  options: ClaimLinkOptions = {},
): ClaimLinksResult {
  const links: ClaimLink[] = [];
  const problems: ClaimLinkProblem[] = [];
  const indexes = new Map<string, CodePointIndex>();
  const seen = new Set<string>();
  for (const annotation of annotations) {
    if (!isClaimAnnotation(annotation)) continue;
    const result = linkOf(annotation, documentOf, indexes);
    if (typeof result === 'string') {
      problems.push({ annotationId: typeof annotation.id === 'string' ? annotation.id : null, message: result });
    } else if (seen.has(result.id)) {
      problems.push({ annotationId: result.id, message: `Claim link ${result.id} appears twice; the second is ignored.` });
    } else {
      seen.add(result.id);
      links.push(result);
    }
  }
  if (!options.reviews?.length) return { links, problems };
  const reviewed = applyReviews(links, options.reviews).map((r) => (r.status === r.proposal.status ? r.proposal : { ...r.proposal, status: r.status }));
  return { links: reviewed, problems };
}

/** The link, or a sentence saying why there is none. */
function linkOf(
  annotation: Annotation,
  documentOf: (iri: string) => ClaimDocument | null,
  indexes: Map<string, CodePointIndex>,
): ClaimLink | string {
  const name = typeof annotation.id === 'string' && annotation.id ? `Claim link ${annotation.id}` : 'A claim link without an id';
  if (typeof annotation.id !== 'string' || !annotation.id) return `${name} cannot be shown: it has no id.`;
  const targets = targetsOf(annotation);
  if (targets.length !== 2) return `${name} has ${targets.length} target(s); a claim link joins exactly two passages.`;
  const ends: ClaimEnd[] = [];
  for (const target of targets) {
    const source = typeof target?.source === 'string' ? target.source : '';
    const doc = source ? documentOf(source) : null;
    if (!doc) return `${name} points into ${source ? `"${source}"` : 'no text'}, which is not one of the texts shown.`;
    let index = indexes.get(doc.docId);
    if (!index) indexes.set(doc.docId, (index = new CodePointIndex(doc.source)));
    const anchor = anchorSelectors(doc.source, Array.isArray(target.selector) ? target.selector : [], { index });
    if (anchor.status === 'orphaned') return `${name}: its passage in ${doc.docId} was not found. ${anchor.reason}`;
    ends.push({ docId: doc.docId, from: anchor.from, to: anchor.to, quote: doc.source.slice(anchor.from, anchor.to) });
  }
  if (ends[0]!.docId === ends[1]!.docId) return `${name} has both passages in ${ends[0]!.docId}; a claim link joins two different texts.`;
  const tags = tagsOf(annotation);
  const relation: RelationTag = RELATION_TAGS.find((r) => tags.includes(r)) ?? 'related';
  return { id: annotation.id, relation, status: 'proposed', ...describeClaim(annotation, relation), ends: [ends[0]!, ends[1]!] };
}

/**
 * What a claim annotation says besides its ends: the describing sentence (or
 * a default for the relation), for a conflict what differs, the generator's
 * confidence when it is a number in 0…1, and for a link made by a person
 * (a Person creator, no generator) `manual` and its note. Texts are plain
 * (HTML bodies reduced to text, controls removed).
 */
export function describeClaim(
  annotation: Annotation,
  relation: RelationTag,
): Pick<ClaimLink, 'description' | 'difference' | 'confidence' | 'manual' | 'note'> {
  const description = textOfPurpose(annotation, 'describing');
  const note = textOfPurpose(annotation, 'commenting');
  const difference = relation === 'conflicts' ? differenceIn(description) : null;
  const confidence = annotation['reader:confidence'];
  const manual = !annotation.generator && annotation.creator?.type === 'Person';
  return {
    description: description || defaultDescription(relation),
    ...(difference ? { difference } : {}),
    ...(typeof confidence === 'number' && confidence >= 0 && confidence <= 1 ? { confidence } : {}),
    ...(manual ? { manual } : {}),
    ...(note ? { note } : {}),
  };
}

function textOfPurpose(annotation: Annotation, purpose: 'describing' | 'commenting'): string {
  const body = annotation.body.find((b): b is TextualBody => b?.type === 'TextualBody' && b.purpose === purpose);
  return body ? plainTextOf(body).trim() : '';
}

function defaultDescription(relation: RelationTag): string {
  if (relation === 'conflicts') return 'The two passages disagree.';
  if (relation === 'agrees') return 'The two passages make the same claim.';
  return 'The two passages speak of the same matter.';
}

/**
 * What differs, read from a describing sentence that writes it as
 * "A vs B" (several joined by ";"), as the matcher and hand-made notes do:
 * "… differently: 18 May vs 19 May; 3 vs 4." gives "18 May vs 19 May; 3 vs 4".
 * Null when the sentence names no difference.
 */
export function differenceIn(description: string): string | null {
  const found: string[] = [];
  // A part runs from a clause start (start, ":" or ";") to ";" or a sentence end; "1.5" is not a sentence end.
  for (const m of description.matchAll(/(?:^|[:;])\s*([^:;]*?\S\s+vs\.?\s+[^;]*?)(?=\s*;|\.\s|\.?$)/g)) {
    found.push(m[1]!.trim());
  }
  return found.length ? found.join('; ') : null;
}
