/**
 * What anchoring a target's selectors in a source text gives. Offsets are
 * UTF-16 code units into the source text, end exclusive.
 */

/** How an anchor was found, cheapest first. */
export type AnchorMethod = 'position' | 'quote' | 'fuzzy';

export interface Anchored {
  readonly status: 'anchored';
  readonly from: number;
  readonly to: number;
  readonly method: AnchorMethod;
  /** 0…1: 1 for a position confirmed by its quote; the weighted quote-and-context score otherwise. */
  readonly score: number;
}

/**
 * Why no passage was chosen, for machines: `not-found` (nothing in the text is
 * like the quote, or there is nothing to search by), `ambiguous` (several
 * passages fit equally well and nothing tells them apart), `weak` (the most
 * similar passage, or the words around it, are too unlike the annotated one).
 */
export type OrphanCode = 'not-found' | 'ambiguous' | 'weak';

export interface Orphaned {
  readonly status: 'orphaned';
  readonly code: OrphanCode;
  /** A sentence for a person saying why no passage was chosen. */
  readonly reason: string;
}

export type Anchor = Anchored | Orphaned;
