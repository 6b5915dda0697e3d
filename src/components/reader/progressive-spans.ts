/**
 * Which annotation spans of a text are drawn so far. On a long text with many
 * annotations, drawing every span before the first paint costs more than the
 * text itself (10,000 spans took 438 ms): the spans near what is on screen are
 * drawn first, the others as the reader scrolls to them or the page is idle.
 * Only the bookkeeping lives here; the view decides when to draw.
 */
import type { DrawnSpan } from './highlights.ts';

export class ProgressiveSpans {
  private readonly drawnFlags: Uint8Array;
  private count = 0;
  /** Span indexes by distance from `around`, built on the first `more`. */
  private order: Int32Array | null = null;
  private cursor = 0;

  constructor(readonly spans: readonly DrawnSpan[]) {
    this.drawnFlags = new Uint8Array(spans.length);
  }

  /** True once every span is drawn. */
  get complete(): boolean {
    return this.count === this.spans.length;
  }

  /** How many spans are drawn. */
  get drawnCount(): number {
    return this.count;
  }

  /** Marks the spans overlapping source range `[from, to]` drawn; true when any was not yet. */
  cover(from: number, to: number): boolean {
    const before = this.count;
    this.spans.forEach((span, i) => {
      if (!this.drawnFlags[i] && span.to >= from && span.from <= to) this.mark(i);
    });
    return this.count > before;
  }

  /** Marks up to `n` more spans drawn, the nearest to source offset `around` first; true when any was not yet. */
  more(n: number, around: number): boolean {
    if (!this.order) {
      const distance = (i: number) => Math.abs(this.spans[i]!.from - around);
      this.order = Int32Array.from(this.spans.keys()).sort((a, b) => distance(a) - distance(b));
    }
    const before = this.count;
    while (this.cursor < this.order.length && this.count - before < n) {
      const i = this.order[this.cursor++]!;
      if (!this.drawnFlags[i]) this.mark(i);
    }
    return this.count > before;
  }

  /** The drawn spans, in the order given. */
  drawn(): DrawnSpan[] {
    return this.spans.filter((_, i) => this.drawnFlags[i]);
  }

  private mark(i: number): void {
    this.drawnFlags[i] = 1;
    this.count++;
  }
}
