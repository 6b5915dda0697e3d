/**
 * A claim link as the reader shows it: two passages, one per text, that make
 * the same claim, with how they relate and what a scholar decided about it.
 * Plain immutable values; offsets are UTF-16 code units into each document's
 * source text (the reader's internal coordinates, not W3C code points).
 */
import type { RelationTag } from '../../annotations/model.ts';
import type { ClaimStatus } from '../../analysis/claims/review.ts';

/** One end of a claim link: `[from, to)` of document `docId`'s source text, and the text there. */
export interface ClaimEnd {
  readonly docId: string;
  readonly from: number;
  readonly to: number;
  readonly quote: string;
}

/** A claim link between two texts. */
export interface ClaimLink {
  /** The link annotation's id. */
  readonly id: string;
  readonly relation: RelationTag;
  readonly status: ClaimStatus;
  /** The describing sentence. */
  readonly description: string;
  /** For a conflict: what differs, as the texts write it ("18 May vs 19 May"). */
  readonly difference?: string;
  /** The generator's confidence, 0…1; absent on hand-made links. */
  readonly confidence?: number;
  /** True when a person made the link by hand (it has a creator, no generator). */
  readonly manual?: boolean;
  /** The hand-made link's note (its commenting body), if any. */
  readonly note?: string;
  readonly ends: readonly [ClaimEnd, ClaimEnd];
}

/** Relations in the order the reader lists them: disagreements first. */
export const RELATION_ORDER: readonly RelationTag[] = ['conflicts', 'agrees', 'related'];

/**
 * The end of `link` in document `docId`, or null when the link has no end there.
 */
export function endIn(link: ClaimLink, docId: string): ClaimEnd | null {
  return link.ends.find((e) => e.docId === docId) ?? null;
}

/**
 * The end of `link` that is not in document `docId`, or null when the link
 * has no end in `docId` (then neither end is "the other one").
 */
export function otherEnd(link: ClaimLink, docId: string): ClaimEnd | null {
  const [a, b] = link.ends;
  if (a.docId === docId) return b;
  if (b.docId === docId) return a;
  return null;
}

/**
 * A new array of `links` in reading order: conflicts, then agreements, then
 * related; within a relation by the start of the end in `firstDocId` (the
 * first end when a link has none there), then by id so the order is total.
 * Never changes `links`.
 */
export function orderLinks(links: readonly ClaimLink[], firstDocId?: string): ClaimLink[] {
  const rank = (l: ClaimLink) => RELATION_ORDER.indexOf(l.relation);
  const start = (l: ClaimLink) => (firstDocId !== undefined ? endIn(l, firstDocId) ?? l.ends[0] : l.ends[0]).from;
  return [...links].sort((x, y) => rank(x) - rank(y) || start(x) - start(y) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
}
