/**
 * What the URL remembers: the search query, the texts side by side, and a
 * passage or annotation to open. Kept in the hash so that a deep link works on
 * any static server:
 * `#doc=journal-warsaw-pact-chile&at=120-180`, `#a=urn:uuid:…`, `#q=Corvalan`,
 * `#texts=wikipedia-chile-russia,journal-warsaw-pact-chile`.
 *
 * Each part is written by one action of the reader and by nothing else (the
 * passage by a selection, the annotation by opening or saving one, the query
 * by the search box, the texts by the document list), and a write changes
 * only its own part: `updateUrlHash` merges into the hash, never replaces it.
 */

export interface UrlState {
  /** Document id. */
  readonly doc?: string;
  /** A passage of `doc`: source offsets (code units) `[from, to)`. */
  readonly at?: { readonly from: number; readonly to: number };
  /** An annotation id to open. */
  readonly annotation?: string;
  /** The search query. */
  readonly query?: string;
  /** Ids of the texts shown side by side, in column order. */
  readonly texts?: readonly string[];
}

/**
 * A change to one or more parts of the URL state. A part left out is kept as it
 * is; `null` (or an empty query or list) removes it.
 */
export interface UrlChange {
  /** A text and, when given, a passage of it. */
  readonly passage?: { readonly doc: string; readonly at?: { readonly from: number; readonly to: number } } | null;
  readonly annotation?: string | null;
  readonly query?: string | null;
  readonly texts?: readonly string[] | null;
}

/** Reads the state from a hash (`#…`). Unknown or malformed parts are ignored. */
export function readUrlState(hash: string): UrlState {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const state: { -readonly [K in keyof UrlState]: UrlState[K] } = {};
  const doc = params.get('doc');
  if (doc) state.doc = doc;
  const at = /^(\d+)-(\d+)$/.exec(params.get('at') ?? '');
  if (at && Number(at[2]) >= Number(at[1])) state.at = { from: Number(at[1]), to: Number(at[2]) };
  const annotation = params.get('a');
  if (annotation) state.annotation = annotation;
  const query = params.get('q');
  if (query) state.query = query;
  const texts = readIdList(params.get('texts'));
  if (texts.length) state.texts = texts;
  return state;
}

/** The hash for a state (empty string for an empty state). */
export function writeUrlState(state: UrlState): string {
  return updateUrlHash('', {
    ...(state.doc ? { passage: { doc: state.doc, ...(state.at ? { at: state.at } : {}) } } : {}),
    ...(state.annotation ? { annotation: state.annotation } : {}),
    ...(state.query ? { query: state.query } : {}),
    ...(state.texts ? { texts: state.texts } : {}),
  });
}

/**
 * The hash after `change`: the parts it names are set or removed, every other
 * parameter of `hash` (ours or not) is kept as it was. Returns `''` when
 * nothing is left.
 */
export function updateUrlHash(hash: string, change: UrlChange): string {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  if (change.passage !== undefined) {
    if (change.passage) {
      params.set('doc', change.passage.doc);
      if (change.passage.at) params.set('at', `${change.passage.at.from}-${change.passage.at.to}`);
      else params.delete('at');
    } else {
      params.delete('doc');
      params.delete('at');
    }
  }
  if (change.annotation !== undefined) setOrDelete(params, 'a', change.annotation);
  if (change.query !== undefined) setOrDelete(params, 'q', change.query);
  if (change.texts !== undefined) setOrDelete(params, 'texts', change.texts?.length ? writeIdList(change.texts) : null);
  const s = params.toString();
  return s ? `#${s}` : '';
}

function setOrDelete(params: URLSearchParams, key: string, value: string | null): void {
  if (value) params.set(key, value);
  else params.delete(key);
}

// Ids are joined by commas; a comma inside an id is percent-encoded first so the list splits back exactly.
function writeIdList(ids: readonly string[]): string {
  return ids.map((id) => id.replace(/%/g, '%25').replace(/,/g, '%2C')).join(',');
}

function readIdList(value: string | null): string[] {
  if (!value) return [];
  const ids: string[] = [];
  for (const part of value.split(',')) {
    let id: string;
    try {
      id = decodeURIComponent(part);
    } catch {
      continue; // A malformed id is ignored like any other malformed part.
    }
    if (id && !ids.includes(id)) ids.push(id);
  }
  return ids;
}
