/**
 * What the URL remembers: the search query, the text in front (narrow
 * screens), and a passage or annotation to open. Kept in the hash so that a
 * deep link works on any static server:
 * `#doc=journal-warsaw-pact-chile&at=120-180`, `#a=urn:uuid:…`, `#q=Corvalan`.
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
  return state;
}

/** The hash for a state (empty string for an empty state). */
export function writeUrlState(state: UrlState): string {
  const params = new URLSearchParams();
  if (state.doc) params.set('doc', state.doc);
  if (state.at) params.set('at', `${state.at.from}-${state.at.to}`);
  if (state.annotation) params.set('a', state.annotation);
  if (state.query) params.set('q', state.query);
  const s = params.toString();
  return s ? `#${s}` : '';
}
