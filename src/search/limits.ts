/**
 * Limits of the search that code outside it needs, kept apart from the
 * engine so that knowing them does not load lunr.
 */

/** Characters of one body that are indexed; words past this are not searched (snippets show this much). */
export const MAX_INDEXED_BODY_LENGTH = 10_000;
