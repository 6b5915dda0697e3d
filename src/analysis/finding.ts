/**
 * A detector's result before it becomes a W3C annotation: a span of the
 * source text (UTF-16 code units), what it is, why, and how sure we are.
 */
import type { SourceSpan } from '../document/structure.ts';
import type { DamageTag } from '../annotations/model.ts';

/** Which shipped layer a finding belongs to. */
export type Layer = 'footnotes' | 'damage';

/** A flag: something a scholar should see is wrong at `[from, to)`. */
export interface Flag extends SourceSpan {
  readonly kind: 'flag';
  readonly layer: Layer;
  readonly tag: DamageTag;
  /** One sentence a reader understands. */
  readonly description: string;
  /** 0…1. */
  readonly confidence: number;
  /** Only on a summary flag (see flag-cap.ts): how many flags of this tag it stands for, left out of the list. */
  readonly omitted?: number;
}

/** A footnote link: the marker at `[from, to)` cites the entry at `entry`. */
export interface FootnoteLink extends SourceSpan {
  readonly kind: 'footnote';
  readonly layer: 'footnotes';
  readonly number: number;
  readonly entry: SourceSpan;
  readonly description: string;
  readonly confidence: number;
}

export type Finding = Flag | FootnoteLink;

/** A flag value (a convenience constructor that keeps the field order uniform). */
export function flag(
  layer: Layer,
  tag: DamageTag,
  span: SourceSpan,
  description: string,
  confidence: number,
): Flag {
  return { kind: 'flag', layer, tag, from: span.from, to: span.to, description, confidence };
}
