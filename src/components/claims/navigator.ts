/**
 * Stepping through claim links and following them between the two texts.
 *
 * A small controller with no DOM: it holds the links in reading order, the
 * current link, and a back stack of the places the reader left when following
 * a link, so that "back" returns there. The views are moved by `activate.ts`.
 */
import { endIn, orderLinks, otherEnd, type ClaimEnd, type ClaimLink } from './link.ts';

/** Where the reader was: a range of one text, and the link followed from it, if any. */
export interface ReadingPlace {
  readonly docId: string;
  readonly from: number;
  readonly to: number;
  readonly linkId?: string;
}

/** Options of a ClaimNavigator. */
export interface NavigatorOptions {
  /** The document whose positions order links within a relation (usually the left text). */
  readonly firstDocId?: string;
  /** Which links `next`/`previous` step through; by default every link not dismissed. */
  readonly steppable?: (link: ClaimLink) => boolean;
  /** The most places kept on the back stack; older ones are forgotten. Default 50. */
  readonly maxBack?: number;
}

const notDismissed = (link: ClaimLink) => link.status !== 'dismissed';

/**
 * Claim links in reading order with a current link and a back stack. The
 * links themselves are never changed; `setLinks` replaces the list. Methods
 * return null for "nothing there" and never throw.
 */
export class ClaimNavigator {
  private ordered: readonly ClaimLink[] = [];
  private byId: ReadonlyMap<string, ClaimLink> = new Map();
  private currentId: string | null = null;
  private readonly stack: ReadingPlace[] = [];
  private readonly firstDocId: string | undefined;
  private readonly steppable: (link: ClaimLink) => boolean;
  private readonly maxBack: number;

  /** A navigator over `links` (any order), with no current link and an empty back stack. */
  constructor(links: readonly ClaimLink[] = [], options: NavigatorOptions = {}) {
    this.firstDocId = options.firstDocId;
    this.steppable = options.steppable ?? notDismissed;
    this.maxBack = Math.max(1, options.maxBack ?? 50);
    this.setLinks(links);
  }

  /** Every link, in reading order (conflicts, agrees, related; then by position in the first text). */
  get links(): readonly ClaimLink[] {
    return this.ordered;
  }

  /** The current link, or null when none is selected or it has gone from the list. */
  get current(): ClaimLink | null {
    return this.currentId === null ? null : this.byId.get(this.currentId) ?? null;
  }

  /** True when `back()` has a place to return to. */
  get canGoBack(): boolean {
    return this.stack.length > 0;
  }

  /**
   * Replaces the links (after a review or a reload). The current link stays
   * current if it is still there; the back stack is kept (its places are
   * ranges of the texts, which do not change).
   */
  setLinks(links: readonly ClaimLink[]): void {
    this.ordered = orderLinks(links, this.firstDocId);
    this.byId = new Map(this.ordered.map((l) => [l.id, l]));
    if (this.currentId !== null && !this.byId.has(this.currentId)) this.currentId = null;
  }

  /** The link with `id`, or null when there is none. */
  get(id: string): ClaimLink | null {
    return this.byId.get(id) ?? null;
  }

  /** Makes link `id` current and returns it; returns null (current unchanged) when there is no such link. */
  select(id: string): ClaimLink | null {
    const link = this.byId.get(id) ?? null;
    if (link) this.currentId = id;
    return link;
  }

  /**
   * Makes the next steppable link current and returns it, wrapping from the
   * last to the first; with no current link, the first. Null when no link is
   * steppable.
   */
  next(): ClaimLink | null {
    return this.step(1);
  }

  /** As `next`, backwards: wraps from the first to the last; with no current link, the last. */
  previous(): ClaimLink | null {
    return this.step(-1);
  }

  /**
   * The end of link `linkId` in the text other than `docId`, or null when
   * there is no such link or it has no end in `docId`.
   */
  partnerOf(linkId: string, docId: string): ClaimEnd | null {
    const link = this.byId.get(linkId);
    return link ? otherEnd(link, docId) : null;
  }

  /** The end of link `linkId` in `docId`, or null when there is none. */
  endOf(linkId: string, docId: string): ClaimEnd | null {
    const link = this.byId.get(linkId);
    return link ? endIn(link, docId) : null;
  }

  /** Remembers where the reader was before following a link. */
  pushBack(place: ReadingPlace): void {
    this.stack.push(place);
    if (this.stack.length > this.maxBack) this.stack.splice(0, this.stack.length - this.maxBack);
  }

  /** The last remembered place, removed from the stack, or null when there is none. */
  back(): ReadingPlace | null {
    return this.stack.pop() ?? null;
  }

  private step(direction: 1 | -1): ClaimLink | null {
    const list = this.ordered.filter(this.steppable);
    if (!list.length) return null;
    const at = this.currentId === null ? -1 : list.findIndex((l) => l.id === this.currentId);
    let index: number;
    if (at >= 0) index = (at + direction + list.length) % list.length;
    else if (this.currentId !== null) index = this.nearest(list, direction);
    else index = direction === 1 ? 0 : list.length - 1;
    const link = list[index]!;
    this.currentId = link.id;
    return link;
  }

  /** When the current link is not steppable (just dismissed), the steppable one after (or before) it in reading order. */
  private nearest(list: readonly ClaimLink[], direction: 1 | -1): number {
    const position = this.ordered.findIndex((l) => l.id === this.currentId);
    const rank = (l: ClaimLink) => this.ordered.indexOf(l);
    if (direction === 1) {
      const i = list.findIndex((l) => rank(l) > position);
      return i >= 0 ? i : 0;
    }
    for (let i = list.length - 1; i >= 0; i--) if (rank(list[i]!) < position) return i;
    return list.length - 1;
  }
}

// The builder lives in its own module; named here too because callers look for it beside the navigator.
export { claimLinksFromAnnotations } from './from-annotations.ts';
export type { ClaimEnd, ClaimLink } from './link.ts';
