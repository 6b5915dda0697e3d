/**
 * What activating a claim link does to the two reader views: reveal both
 * passages, or follow a link from one text to its partner in the other and
 * come back. Thin functions over `ReaderView.revealSource` and a
 * ClaimNavigator; the app decides when to call them.
 */
import type { ReaderView } from '../reader-view.ts';
import type { DrawnSpan } from '../reader/highlights.ts';
import { endIn, otherEnd, type ClaimEnd, type ClaimLink } from './link.ts';
import type { ClaimNavigator, ReadingPlace } from './navigator.ts';

/** The part of a reader view these helpers use. */
export type RevealingView = Pick<ReaderView, 'revealSource'>;

/** The view showing document `docId`, or null when it is not shown (e.g. `ReaderApp.viewFor`). */
export type ViewLookup = (docId: string) => RevealingView | null;

/**
 * Scrolls each text to its end of `link` and marks that end as current;
 * focus moves to the text of `options.focus` if given, else stays put.
 * Returns the ids of the documents whose end was revealed (a text not shown,
 * or an end that maps to no text, is left out).
 */
export function showClaim(link: ClaimLink, viewFor: ViewLookup, options: { focus?: string } = {}): string[] {
  const shown: string[] = [];
  for (const end of link.ends) {
    if (reveal(viewFor, end, end.docId === options.focus)) shown.push(end.docId);
  }
  return shown;
}

/**
 * Follows `link` from its end in `fromDocId` to the partner in the other text:
 * marks the origin, scrolls the other text to the partner, marks it and moves
 * focus there, makes the link current and pushes the origin on the
 * navigator's back stack. Returns the partner end, or null (nothing pushed)
 * when the link has no end in `fromDocId` or the partner cannot be shown.
 */
export function followToPartner(link: ClaimLink, fromDocId: string, viewFor: ViewLookup, navigator: ClaimNavigator): ClaimEnd | null {
  const origin = endIn(link, fromDocId);
  const partner = otherEnd(link, fromDocId);
  if (!origin || !partner) return null;
  reveal(viewFor, origin, false);
  if (!reveal(viewFor, partner, true)) return null;
  navigator.select(link.id);
  navigator.pushBack({ docId: origin.docId, from: origin.from, to: origin.to, linkId: link.id });
  return partner;
}

/**
 * Returns to the last place left by `followToPartner`: scrolls that text
 * there, marks it and focuses it. Returns the place, or null when the back
 * stack is empty; a place whose text is no longer shown is dropped and the
 * one before it is tried.
 */
export function goBack(viewFor: ViewLookup, navigator: ClaimNavigator): ReadingPlace | null {
  for (let place = navigator.back(); place; place = navigator.back()) {
    if (reveal(viewFor, place, true)) {
      if (place.linkId) navigator.select(place.linkId);
      return place;
    }
  }
  return null;
}

/**
 * The claim links' ends in document `docId` as spans for `ReaderView.spans`:
 * classes `hl hl-claim hl-<relation> hl-claim-<status>`. Dismissed links are
 * left out unless `options.includeDismissed`.
 */
export function claimSpans(links: readonly ClaimLink[], docId: string, options: { includeDismissed?: boolean } = {}): DrawnSpan[] {
  const spans: DrawnSpan[] = [];
  for (const link of links) {
    if (link.status === 'dismissed' && !options.includeDismissed) continue;
    const end = endIn(link, docId);
    if (end) spans.push({ id: link.id, from: end.from, to: end.to, className: `hl hl-claim hl-${link.relation} hl-claim-${link.status}` });
  }
  return spans;
}

/**
 * The first of `ids` (as in `annotation-activate`'s detail) that is a claim
 * link the navigator knows, or null when none is.
 */
export function claimAmong(ids: readonly string[], navigator: ClaimNavigator): ClaimLink | null {
  for (const id of ids) {
    const link = navigator.get(id);
    if (link) return link;
  }
  return null;
}

function reveal(viewFor: ViewLookup, place: { docId: string; from: number; to: number }, focus: boolean): boolean {
  const view = viewFor(place.docId);
  return view ? view.revealSource(place.from, place.to, { focus }) : false;
}
