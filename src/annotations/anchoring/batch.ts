/**
 * Anchoring every annotation of a document at once: the cheap checks for all
 * targets first, then fuzzy search only for what is left.
 */
import { CodePointIndex } from '../../document/code-points.ts';
import { targetsOf, type Annotation, type TextSelector } from '../model.ts';
import { anchorCheaply, anchorFuzzily, preferNearbyPassage } from './anchor.ts';
import type { Anchor } from './types.ts';

/** One target of one annotation, anchored (or not). */
export interface TargetAnchor {
  readonly annotationId: string;
  /** The target's index in the annotation's target list. */
  readonly targetIndex: number;
  readonly anchor: Anchor;
}

/** How many targets were anchored by each method, and how many were orphaned. */
export interface AnchorStats {
  readonly total: number;
  readonly position: number;
  readonly quote: number;
  readonly fuzzy: number;
  readonly orphaned: number;
}

/** Counts anchors by outcome. */
export function statsOf(anchors: readonly TargetAnchor[]): AnchorStats {
  const stats = { total: anchors.length, position: 0, quote: 0, fuzzy: 0, orphaned: 0 };
  for (const { anchor } of anchors) {
    if (anchor.status === 'orphaned') stats.orphaned++;
    else stats[anchor.method]++;
  }
  return stats;
}

/**
 * Anchors the targets of `annotations` in `text`. With `source`, only targets
 * whose `source` equals it are anchored (a claim link has one target per
 * document); without, every target is. Results keep the annotations' order.
 * Never throws.
 */
export function anchorAll(
  text: string,
  annotations: readonly Annotation[],
  options: { readonly source?: string } = {},
): { anchors: TargetAnchor[]; stats: AnchorStats } {
  const index = new CodePointIndex(text);
  const jobs: { annotationId: string; targetIndex: number; selectors: readonly TextSelector[]; anchor: Anchor | null }[] = [];
  for (const annotation of annotations) {
    targetsOf(annotation).forEach((target, targetIndex) => {
      if (options.source !== undefined && target.source !== options.source) return;
      const selectors = target.selector;
      jobs.push({ annotationId: annotation.id, targetIndex, selectors, anchor: anchorCheaply(text, selectors, { index }) });
    });
  }
  const anchors = jobs.map((job) => ({
    annotationId: job.annotationId,
    targetIndex: job.targetIndex,
    anchor: job.anchor ? preferNearbyPassage(text, job.selectors, job.anchor, { index }) : anchorFuzzily(text, job.selectors, { index }),
  }));
  return { anchors, stats: statsOf(anchors) };
}
