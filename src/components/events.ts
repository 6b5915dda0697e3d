/**
 * Every custom event the components dispatch, with its detail, declared once.
 *
 * `ReaderEvents` maps an event name to its `detail` (`null` when the event carries none); the
 * `HTMLElementEventMap` augmentation below lets `addEventListener('name', e => e.detail)` type-check without
 * casts, and `emit` is the one way components dispatch them. Detail shapes that a panel documents for its
 * users stay exported from that panel and are only referenced here (type imports: no run-time cycle).
 */
import type { AnnotationKind } from '../app/workspace.ts';
import type { ClaimActivateDetail, ClaimReviewDetail } from './claims-panel.ts';
import type { ManualLinkRequest } from './claims/manual.ts';
import type { CompareChoice } from './claim-compare.ts';
import type { FlagActivateDetail } from './flags-panel.ts';
import type { SearchActivateDetail, SearchResultsDetail } from './search-panel.ts';
import type { TimelineActivateDetail } from './timeline-panel.ts';
import type { WorksActivateDetail } from './works-panel.ts';

/** A span of source text a user selected, as `ReaderView.selectedSourceRange()` gives it. */
export interface SelectedRange {
  readonly from: number;
  readonly to: number;
  readonly text: string;
}

/** Detail of `note-conflict-choice`: keep my edit (with its text) or take the stored version. */
export type ConflictChoiceDetail = { readonly choice: 'mine'; readonly comment: string; readonly tags: string[] } | { readonly choice: 'theirs' };

/** Event name → detail type, for every custom event a component dispatches. */
export interface ReaderEvents {
  // App and reader view
  'reader-ready': null;
  'reader-updated': null;
  'annotation-activate': { readonly docId: string; readonly ids: string[] };
  'annotation-hover': { readonly docId: string; readonly ids: string[]; readonly x: number; readonly y: number };
  'reader-selection': { readonly docId: string; readonly range: SelectedRange | null };
  'note-activate': { readonly docId: string; readonly number: number; readonly from: number; readonly marker: HTMLElement };
  'span-marker': { readonly id: string };
  'bucket-activate': { readonly top: number };
  'bucket-step': { readonly direction: 'up' | 'down' };
  // Side panel and picker
  'tab-change': { readonly tab: string };
  'text-show': { readonly id: string };
  'columns-change': { readonly ids: string[] };
  // Notes, editor, card, footnote preview
  'note-save': { readonly comment: string; readonly tags: string[] };
  'note-conflict-choice': ConflictChoiceDetail;
  'note-cancel': null;
  'note-activate-item': { readonly id: string };
  'card-action': { readonly action: string; readonly id: string };
  'card-close': null;
  'orphan-reattach': { readonly annotationId: string; readonly targetIndex: number };
  'note-preview-goto': null;
  'note-preview-copied': { readonly bibtex: string };
  'note-preview-close': { readonly restoreFocus: boolean };
  // Layers panel
  'kind-toggle': { readonly kind: AnnotationKind; readonly visible: boolean };
  'connectors-toggle': { readonly visible: boolean };
  'layer-toggle': { readonly id: string; readonly visible: boolean };
  'export-request': { readonly layerIds: string[] };
  'export-hypothesis': Record<string, never>;
  'import-file': { readonly name: string; readonly text: string };
  'import-cancel': Record<string, never>;
  // Listing panels
  'flag-activate': FlagActivateDetail;
  'search-results': SearchResultsDetail;
  'search-activate': SearchActivateDetail;
  'timeline-activate': TimelineActivateDetail;
  'works-activate': WorksActivateDetail;
  'works-copied': { readonly text: string };
  // Claims panel and Compare
  'claim-activate': ClaimActivateDetail;
  'claim-remove': ClaimActivateDetail;
  'claim-review': ClaimReviewDetail;
  'claim-filter': { readonly showDismissed: boolean };
  'claim-back': null;
  'claim-manual': ManualLinkRequest;
  'compare-accept': CompareChoice;
  'compare-dismiss': CompareChoice;
  'compare-close': null;
}

/** The event object of `name`, for handler parameters in templates (`@name=${(e: ReaderEvent<'name'>) => …}`). */
export type ReaderEvent<K extends keyof ReaderEvents> = CustomEvent<ReaderEvents[K]>;

/**
 * Dispatch `name` from `el` with `detail`. Events bubble and, by default, cross shadow roots (`composed`),
 * because the app listens above the panels' shadow roots; pass `{ composed: false }` for events meant only
 * for the enclosing component.
 */
export function emit<K extends keyof ReaderEvents>(el: EventTarget, name: K, detail: ReaderEvents[K], options: { composed?: boolean } = {}): void {
  el.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: options.composed ?? true }));
}

declare global {
  // Mapped once from ReaderEvents so that the two cannot drift apart.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementEventMap extends ReaderEventMap {}
}

type ReaderEventMap = { [K in keyof ReaderEvents]: ReaderEvent<K> };
