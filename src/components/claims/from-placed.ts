/**
 * Claim links from annotations already anchored elsewhere (the app's
 * workspace places every target once): no second anchoring, only reading.
 */
import { RELATION_TAGS, tagsOf, type Annotation, type RelationTag } from '../../annotations/model.ts';
import type { ClaimStatus } from '../../analysis/claims/review.ts';
import { describeClaim } from './from-annotations.ts';
import type { ClaimLink } from './link.ts';

/** An anchored annotation: its targets placed as `[from, to)` code-unit ranges of the texts shown. */
export interface PlacedAnnotation {
  readonly annotation: Annotation;
  readonly placed: readonly { readonly docId: string; readonly from: number; readonly to: number; readonly targetIndex?: number }[];
  readonly status: ClaimStatus;
}

/**
 * The claim link of an anchored claim annotation, quotes cut from
 * `sourceOf(docId)`. Null when the annotation is not a claim link (motivation
 * `linking`, tag `claim`), when fewer than two targets are placed, when the
 * first two placed targets are in one text, or when a text is not given.
 */
export function claimLinkFromPlaced(entry: PlacedAnnotation, sourceOf: (docId: string) => string | null): ClaimLink | null {
  const { annotation } = entry;
  if (annotation.motivation !== 'linking' || !tagsOf(annotation).includes('claim')) return null;
  const [a, b] = [...entry.placed].sort((x, y) => (x.targetIndex ?? 0) - (y.targetIndex ?? 0));
  if (!a || !b || a.docId === b.docId) return null;
  const sa = sourceOf(a.docId);
  const sb = sourceOf(b.docId);
  if (sa === null || sb === null) return null;
  const tags = tagsOf(annotation);
  const relation: RelationTag = RELATION_TAGS.find((r) => tags.includes(r)) ?? 'related';
  return {
    id: annotation.id,
    relation,
    status: entry.status,
    ...describeClaim(annotation, relation),
    ends: [
      { docId: a.docId, from: a.from, to: a.to, quote: sa.slice(a.from, a.to) },
      { docId: b.docId, from: b.from, to: b.to, quote: sb.slice(b.from, b.to) },
    ],
  };
}
