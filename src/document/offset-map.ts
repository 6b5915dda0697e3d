/**
 * A two-way map between source-text offsets and ProseMirror positions.
 *
 * Every character a document shows is a character of the source at a known
 * offset: a textblock's content is a list of source segments, separated by
 * hard breaks. The map stores those segments in order; between segments lies
 * structural whitespace (blank lines, indentation, list bullets, `3. ^`) that
 * has no position of its own. Source offsets are UTF-16 code units.
 */

/** One contiguous run of source text inside a textblock. */
export interface MappedSegment {
  /** Source offset of the first character. */
  readonly from: number;
  /** Source offset after the last character. */
  readonly to: number;
  /** ProseMirror position of the first character. */
  readonly pos: number;
}

/** Which side to snap to when an offset or position falls between segments. */
export type Bias = -1 | 1;

export class OffsetMap {
  /** Segments in source order, which is also document order. */
  readonly segments: readonly MappedSegment[];

  /** Segments must be non-overlapping and ascending both in source and in position. */
  constructor(segments: readonly MappedSegment[]) {
    this.segments = segments;
  }

  /**
   * The position of source offset `offset`. Inside a segment it is exact; in
   * structural whitespace it snaps to the end of the previous segment
   * (`bias` -1) or the start of the next (`bias` 1). Returns null only for an
   * empty map.
   */
  toPos(offset: number, bias: Bias = 1): number | null {
    const segs = this.segments;
    if (!segs.length) return null;
    const i = this.segmentAtOffset(offset);
    if (i >= 0) {
      const s = segs[i]!;
      if (offset >= s.from && offset <= s.to) return s.pos + (offset - s.from);
    }
    // offset lies before segs[i + 1] and after segs[i] (i may be -1).
    const before = i >= 0 ? segs[i] : undefined;
    const after = segs[i + 1];
    if (bias < 0 && before) return before.pos + (before.to - before.from);
    if (after) return after.pos;
    return before!.pos + (before!.to - before!.from);
  }

  /**
   * The source offset of document position `pos`. Positions between segments
   * (block boundaries, hard breaks) snap like `toPos`. Returns null only for an empty map.
   */
  toOffset(pos: number, bias: Bias = 1): number | null {
    const segs = this.segments;
    if (!segs.length) return null;
    let lo = 0;
    let hi = segs.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (segs[mid]!.pos <= pos) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    if (found >= 0) {
      const s = segs[found]!;
      const len = s.to - s.from;
      if (pos <= s.pos + len) return s.from + (pos - s.pos);
    }
    const before = found >= 0 ? segs[found] : undefined;
    const after = segs[found + 1];
    if (bias < 0 && before) return before.to;
    if (after) return after.from;
    return before!.to;
  }

  /**
   * The document range for the source range `[from, to)`, shrunk to the text
   * it covers. Returns null when the range covers no mapped text.
   */
  toRange(from: number, to: number): { from: number; to: number } | null {
    const a = this.toPos(from, 1);
    const b = this.toPos(to, -1);
    if (a === null || b === null || b < a || (b === a && to > from)) return null;
    return { from: a, to: b };
  }

  /** Index of the last segment starting at or before `offset`, or -1. */
  private segmentAtOffset(offset: number): number {
    const segs = this.segments;
    let lo = 0;
    let hi = segs.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (segs[mid]!.from <= offset) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }
}
