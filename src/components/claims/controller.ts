/**
 * The claim-link behaviour of an app holding reader views and a claims
 * panel, as one lit controller: it listens on its host for the panel's
 * `claim-activate` and `claim-back`, the views' `annotation-activate`, and
 * the step keys, and moves the views through a ClaimNavigator.
 *
 * Optional: an app may call the functions of `activate.ts` itself instead.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { claimAmong, followToPartner, goBack, showClaim, type ViewLookup } from './activate.ts';
import { stepForKey } from './keys.ts';
import type { ClaimLink } from './link.ts';
import { ClaimNavigator, type NavigatorOptions } from './navigator.ts';
import type { ReaderEvent } from '../events.ts';

/** The navigator options, plus how to find the view of a document. */
export interface ClaimsControllerOptions extends NavigatorOptions {
  /** The view showing a document, or null (e.g. `ReaderApp.viewFor`). */
  readonly viewFor: ViewLookup;
  /**
   * Whether a claim activated in a text (`annotation-activate`) is followed to
   * its partner at once. Default true; an app that first opens a card sets
   * false and calls `follow` from the card.
   */
  readonly followOnActivate?: boolean;
}

/**
 * Attach with `new ClaimsController(host, { viewFor })`; give it the links with
 * `setLinks`, and bind the panel's `current` and `canGoBack` to its getters.
 * Listeners are added on connect and removed on disconnect.
 */
export class ClaimsController implements ReactiveController {
  /** The navigator holding the links, the current one and the back stack. */
  readonly navigator: ClaimNavigator;

  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly viewFor: ViewLookup;
  private readonly followOnActivate: boolean;

  constructor(host: ReactiveControllerHost & HTMLElement, options: ClaimsControllerOptions) {
    this.host = host;
    this.viewFor = options.viewFor;
    this.followOnActivate = options.followOnActivate ?? true;
    this.navigator = new ClaimNavigator([], options);
    host.addController(this);
  }

  /** The current link's id, for the panel's `current`; null when none. */
  get current(): string | null {
    return this.navigator.current?.id ?? null;
  }

  /** Whether there is a place to go back to, for the panel's `canGoBack`. */
  get canGoBack(): boolean {
    return this.navigator.canGoBack;
  }

  /** Replaces the links (after loading, a review or a reload) and asks the host to render. */
  setLinks(links: readonly ClaimLink[]): void {
    this.navigator.setLinks(links);
    this.host.requestUpdate();
  }

  /** Shows link `id` in both texts and makes it current; returns false when there is no such link. */
  show(id: string): boolean {
    const link = this.navigator.select(id);
    if (!link) return false;
    showClaim(link, this.viewFor);
    this.host.requestUpdate();
    return true;
  }

  /** Shows the next (1) or previous (-1) link in both texts; returns it, or null when there is none. */
  step(direction: 1 | -1): ClaimLink | null {
    const link = direction === 1 ? this.navigator.next() : this.navigator.previous();
    if (link) {
      showClaim(link, this.viewFor);
      this.host.requestUpdate();
    }
    return link;
  }

  /**
   * Follows link `id` from its end in `fromDocId` to the partner in the other
   * text (see `followToPartner`). Returns false when there is no such link or
   * the partner cannot be shown.
   */
  follow(id: string, fromDocId: string): boolean {
    const link = this.navigator.get(id);
    if (!link || !followToPartner(link, fromDocId, this.viewFor, this.navigator)) return false;
    this.host.requestUpdate();
    return true;
  }

  /** Returns to the last place left by following a link; false when there is none. */
  back(): boolean {
    const place = goBack(this.viewFor, this.navigator);
    this.host.requestUpdate();
    return place !== null;
  }

  hostConnected(): void {
    this.host.addEventListener('claim-activate', this.onClaimActivate);
    this.host.addEventListener('claim-back', this.onBack);
    this.host.addEventListener('annotation-activate', this.onAnnotationActivate);
    this.host.addEventListener('keydown', this.onKey);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('claim-activate', this.onClaimActivate);
    this.host.removeEventListener('claim-back', this.onBack);
    this.host.removeEventListener('annotation-activate', this.onAnnotationActivate);
    this.host.removeEventListener('keydown', this.onKey);
  }

  private readonly onClaimActivate = (event: ReaderEvent<'claim-activate'>): void => {
    this.show(event.detail.id);
  };

  private readonly onBack = (): void => {
    this.back();
  };

  /** A claim link activated in a text: follow it to the partner in the other text. */
  private readonly onAnnotationActivate = (event: ReaderEvent<'annotation-activate'>): void => {
    const detail = event.detail;
    if (!this.followOnActivate) return;
    const link = claimAmong(detail.ids, this.navigator);
    if (link) this.follow(link.id, detail.docId);
  };

  private readonly onKey = (event: KeyboardEvent): void => {
    // The claims panel handles its own keys (and marks them handled).
    if (event.defaultPrevented || event.composedPath().some((t) => t instanceof Element && t.localName === 'claims-panel')) return;
    const direction = stepForKey(event);
    if (direction === 0) return;
    if (this.step(direction)) event.preventDefault();
  };
}
