/** The claims UI helpers: link values, building them from annotations, navigation, view activation, keys, hand-made links. */
export { RELATION_ORDER, endIn, orderLinks, otherEnd } from './link.ts';
export type { ClaimEnd, ClaimLink } from './link.ts';
export { claimLinksFromAnnotations, describeClaim, differenceIn, isClaimAnnotation } from './from-annotations.ts';
export { claimLinkFromPlaced } from './from-placed.ts';
export type { PlacedAnnotation } from './from-placed.ts';
export type { ClaimDocument, ClaimLinkOptions, ClaimLinkProblem, ClaimLinksResult } from './from-annotations.ts';
export { ClaimNavigator } from './navigator.ts';
export type { NavigatorOptions, ReadingPlace } from './navigator.ts';
export { claimAmong, claimSpans, followToPartner, goBack, showClaim } from './activate.ts';
export type { RevealingView, ViewLookup } from './activate.ts';
export { stepForKey } from './keys.ts';
export { ClaimsController } from './controller.ts';
export type { ClaimsControllerOptions } from './controller.ts';
export { manualLinkFrom, selectionsWith } from './manual.ts';
export type { ManualLinkRequest, ManualLinkResult, SelectedPassage, Selections } from './manual.ts';
