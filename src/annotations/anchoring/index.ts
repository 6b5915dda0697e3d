/** The anchoring engine's public API: pure functions on the source text. */
export { anchorSelectors, anchorCheaply, anchorFuzzily, UNVERIFIED_POSITION_SCORE, FUZZY_WINDOW } from './anchor.ts';
export type { AnchorOptions } from './anchor.ts';
export { anchorAll, statsOf } from './batch.ts';
export type { AnchorStats, TargetAnchor } from './batch.ts';
export { MIN_QUOTE_SIMILARITY, MIN_FUZZY_SCORE, MIN_MARGIN, MIN_CONTEXT_AGREEMENT } from './fuzzy.ts';
export { MIN_EXACT_CONTEXT, SELF_EVIDENT_QUOTE_LENGTH } from './exact.ts';
export type { Anchor, Anchored, Orphaned, OrphanCode, AnchorMethod } from './types.ts';
export { AnchoringWorker, AnchoringWorkerError } from './in-worker.ts';
