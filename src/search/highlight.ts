/**
 * Paints search hits with the CSS Custom Highlight API: a passive layer that
 * needs no wrapper elements and never splits the reader's text nodes.
 *
 * Ranges come from each view's own resolver (source range → DOM Range), so
 * this module knows nothing about how a text is rendered.
 */

/** Highlight names; style them with `::highlight(search-hit)` and `::highlight(search-current)`. */
export const SEARCH_HIT_HIGHLIGHT = 'search-hit';
export const SEARCH_CURRENT_HIGHLIGHT = 'search-current';

/** One view's hits: source ranges and the view's resolver for them. */
export interface HighlightTarget {
  /** The DOM Range showing source `[from, to)`, or null when that text is not rendered. */
  resolve(from: number, to: number): Range | null;
  readonly hits: readonly { readonly from: number; readonly to: number }[];
  /** The current hit, if it belongs to this view. */
  readonly current?: { readonly from: number; readonly to: number } | null;
}

/**
 * CSS rules for the two highlights, for a stylesheet (or a lit `css` block via
 * `unsafeCSS`) inside the shadow root where the text is shown: `::highlight`
 * rules apply only within their own tree.
 */
export const SEARCH_HIGHLIGHT_CSS = `
::highlight(search-hit) { background-color: var(--search-hit, #ffe36e); }
::highlight(search-current) { background-color: var(--search-current, #ff9632); }
`;

/**
 * True when this browser has the CSS Custom Highlight API.
 */
export function supportsHighlights(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined';
}

/**
 * Replaces the `search-hit` and `search-current` highlights with the ranges of
 * `targets`' hits. A hit its resolver cannot place (returns null or throws) is
 * skipped. Does nothing when the API is missing. Never throws.
 */
export function paintSearchHits(targets: readonly HighlightTarget[]): void {
  if (!supportsHighlights()) return;
  const hits: Range[] = [];
  const current: Range[] = [];
  for (const target of targets) {
    for (const hit of target.hits) {
      const range = resolveSafely(target, hit.from, hit.to);
      if (range) hits.push(range);
    }
    if (target.current) {
      const range = resolveSafely(target, target.current.from, target.current.to);
      if (range) current.push(range);
    }
  }
  const hitLayer = new Highlight(...hits);
  const currentLayer = new Highlight(...current);
  // The current hit is also a hit: it must paint over the plain hit colour.
  currentLayer.priority = 1;
  CSS.highlights.set(SEARCH_HIT_HIGHLIGHT, hitLayer);
  CSS.highlights.set(SEARCH_CURRENT_HIGHLIGHT, currentLayer);
}

/** Removes both search highlights. Does nothing when the API is missing. */
export function clearSearchHits(): void {
  if (!supportsHighlights()) return;
  CSS.highlights.delete(SEARCH_HIT_HIGHLIGHT);
  CSS.highlights.delete(SEARCH_CURRENT_HIGHLIGHT);
}

function resolveSafely(target: HighlightTarget, from: number, to: number): Range | null {
  try {
    return target.resolve(from, to);
  } catch {
    // A view that cannot place one range (text not rendered yet) must not lose the others.
    return null;
  }
}
