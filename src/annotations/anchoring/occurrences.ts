/**
 * Every occurrence of a quote in one text, found through an index of the
 * text's 4-character grams instead of a scan of the whole text per quote.
 * Built once per text (linear time, typed arrays); a batch of thousands of
 * quotes in a book then costs one bucket walk each.
 */

/** Grams shorter than this cannot be looked up; such quotes are scanned for. */
export const GRAM = 4;
/** Buckets: about one per gram, between these powers of two (a short text needs no megabyte of them). */
const MIN_BUCKET_BITS = 8;
const MAX_BUCKET_BITS = 20;

function gramHash(text: string, at: number, bits: number): number {
  let h = 0;
  for (let i = 0; i < GRAM; i++) h = (Math.imul(h, 31) + text.charCodeAt(at + i)) | 0;
  return (h ^ (h >>> bits)) & ((1 << bits) - 1);
}

/** The start offsets (code units) of `text`'s 4-grams, grouped by hash bucket, ascending within each. */
export class OccurrenceIndex {
  private readonly starts: Int32Array;
  private readonly positions: Int32Array;
  private readonly bits: number;

  constructor(readonly text: string) {
    const grams = Math.max(0, text.length - GRAM + 1);
    const bits = Math.min(MAX_BUCKET_BITS, Math.max(MIN_BUCKET_BITS, Math.ceil(Math.log2(grams + 1))));
    const mask = (1 << bits) - 1;
    this.bits = bits;
    const starts = new Int32Array(mask + 2);
    const hashes = new Int32Array(grams);
    for (let at = 0; at < grams; at++) {
      const h = gramHash(text, at, bits);
      hashes[at] = h;
      starts[h + 1]!++;
    }
    for (let b = 0; b <= mask; b++) starts[b + 1]! += starts[b]!;
    const fill = starts.slice(0, mask + 1);
    const positions = new Int32Array(grams);
    for (let at = 0; at < grams; at++) positions[fill[hashes[at]!]!++] = at;
    this.starts = starts;
    this.positions = positions;
  }

  /**
   * Start offsets of the first `limit` occurrences of `quote`, ascending,
   * overlapping ones included: what `indexOf(quote, at + 1)` from the start
   * finds. Empty for an empty quote or none found.
   */
  find(quote: string, limit: number): number[] {
    const out: number[] = [];
    if (!quote) return out;
    const { text } = this;
    if (quote.length < GRAM) {
      for (let at = text.indexOf(quote); at !== -1 && out.length < limit; at = text.indexOf(quote, at + 1)) out.push(at);
      return out;
    }
    const h = gramHash(quote, 0, this.bits);
    for (let i = this.starts[h]!, end = this.starts[h + 1]!; i < end && out.length < limit; i++) {
      const at = this.positions[i]!;
      if (text.startsWith(quote, at)) out.push(at);
    }
    return out;
  }
}
