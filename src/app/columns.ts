/**
 * Which texts are side by side: the reader's choice (kept in the URL), and
 * how many of them the screen can show readably. Pure functions of ids and
 * widths; the app shell measures and renders.
 */

/** Most texts ever side by side: three at 1440 px, each still readable. */
export const MAX_COLUMNS = 3;

/** Texts shown when the URL names none: the first two, as the reader was built to compare. */
export const DEFAULT_COLUMNS = 2;

/**
 * The width one column needs: 420 px of text plus its own chrome (text
 * padding, margin bar, scroll bar, border) and the gap to its neighbour.
 */
export const MIN_COLUMN_PX = 420 + 16 + 20 + 12 + 2 + 6;

/** Width the side panel needs to sit beside the texts rather than over them. */
export const DOCKED_LISTS_PX = 290;

/**
 * The reader's chosen texts, from the URL's `texts`: known ids only, each
 * once, at most MAX_COLUMNS; the default when none is usable.
 */
export function readColumns(fromUrl: readonly string[] | undefined, ids: readonly string[]): readonly string[] {
  const known = (fromUrl ?? []).filter((id, i, all) => ids.includes(id) && all.indexOf(id) === i).slice(0, MAX_COLUMNS);
  return known.length ? known : ids.slice(0, DEFAULT_COLUMNS);
}

/**
 * The choice after the reader toggles text `id`: a shown text is removed
 * (never the last one), another is added at the end, replacing the last
 * column when MAX_COLUMNS are shown. Returns `columns` itself when nothing changes.
 */
export function toggleColumn(columns: readonly string[], id: string): readonly string[] {
  if (columns.includes(id)) return columns.length > 1 ? columns.filter((c) => c !== id) : columns;
  return columns.length < MAX_COLUMNS ? [...columns, id] : [...columns.slice(0, MAX_COLUMNS - 1), id];
}

/**
 * The choice that puts text `id` on screen, given that `visible` columns fit:
 * unchanged when it is already among them, else it takes the last visible place.
 */
export function bringIntoColumns(columns: readonly string[], id: string, visible: number): readonly string[] {
  const fit = Math.max(1, Math.min(visible, MAX_COLUMNS));
  const i = columns.indexOf(id);
  if (i >= 0 && i < fit) return columns;
  const others = columns.filter((c) => c !== id).slice(0, fit - 1);
  return [...others, id];
}

/** How the texts and lists share `width` px: how many chosen texts are visible, and whether the lists dock beside them. */
export function layoutFor(width: number, chosen: number): { readonly visible: number; readonly listsDocked: boolean } {
  const fit = Math.max(1, Math.min(MAX_COLUMNS, Math.floor(width / MIN_COLUMN_PX)));
  const visible = Math.max(1, Math.min(chosen, fit));
  return { visible, listsDocked: width - visible * MIN_COLUMN_PX >= DOCKED_LISTS_PX };
}
