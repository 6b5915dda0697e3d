/**
 * Code points ↔ UTF-16 code units.
 *
 * The W3C `TextPositionSelector` counts Unicode code points; JavaScript strings
 * and ProseMirror count UTF-16 code units. Everything inside the reader uses
 * code units; conversion happens only where selectors are read or written.
 * For a text without astral characters (the common case) both are identity.
 */
export class CodePointIndex {
  /** Code-unit offsets of the high surrogates of astral characters, ascending. */
  private readonly astral: number[] = [];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          this.astral.push(i);
          i++;
        }
      }
    }
  }

  /** The number of code points in the text. */
  get length(): number {
    return this.text.length - this.astral.length;
  }

  /** Code-unit offset of code-point offset `cp`. Throws RangeError outside `[0, length]`. */
  toCodeUnits(cp: number): number {
    if (!Number.isInteger(cp) || cp < 0 || cp > this.length) {
      throw new RangeError(`Code point offset ${cp} outside 0…${this.length}`);
    }
    // The k-th astral pair starts at code point astral[k] - k; count the pairs starting before cp.
    let lo = 0;
    let hi = this.astral.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.astral[mid]! - mid < cp) lo = mid + 1;
      else hi = mid;
    }
    return cp + lo;
  }

  /**
   * Code-point offset of code-unit offset `cu`; an offset between a surrogate
   * pair's halves counts as the pair's start. Throws RangeError outside `[0, text.length]`.
   */
  toCodePoints(cu: number): number {
    if (!Number.isInteger(cu) || cu < 0 || cu > this.text.length) {
      throw new RangeError(`Code unit offset ${cu} outside 0…${this.text.length}`);
    }
    let lo = 0;
    let hi = this.astral.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.astral[mid]! < cu) lo = mid + 1;
      else hi = mid;
    }
    return cu - lo;
  }
}
