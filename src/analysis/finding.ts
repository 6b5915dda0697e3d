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
  /**
   * One sentence a reader understands: what is wrong and what was seen (the
   * describing body of the annotation).
   */
  readonly description: string;
  /**
   * What was seen, one observation each ("the paragraph ends with "the"",
   * "the next paragraph starts with a capital"). `description` says them in a
   * sentence. Empty for flags whose description alone states the evidence.
   */
  readonly evidence: readonly string[];
  /**
   * The detector rule that fired, `detector/family:variant` (`breaks/end:function-word`);
   * a family backs off in a text where it fires too often (`damage/genre.ts`).
   * Absent for flags no such count applies to.
   */
  readonly rule?: string;
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
  evidence: readonly string[] = [],
  rule?: string,
): Flag {
  const base = { kind: 'flag' as const, layer, tag, from: span.from, to: span.to, description, evidence, confidence };
  return rule ? { ...base, rule } : base;
}

/** What a damage flag concludes and what it saw. */
export interface Judgement {
  /** The conclusion, without final punctuation: `The paragraph breaks off and the rest is lost`. */
  readonly conclusion: string;
  /** The observations, each a clause without final punctuation: `it ends with "the"`. */
  readonly evidence: readonly string[];
  readonly confidence: number;
  /** The rule that fired, `detector/rule`. */
  readonly rule: string;
}

/**
 * A damage flag whose description is its conclusion followed by its evidence:
 * "The paragraph breaks off and the rest is lost: it ends with "the", and the
 * next paragraph starts a new sentence with a capital ("Cuban…")."
 */
export function damageFlag(tag: DamageTag, span: SourceSpan, judgement: Judgement): Flag {
  const { conclusion, evidence, confidence, rule } = judgement;
  return flag('damage', tag, span, `${conclusion}: ${sayEvidence(evidence)}.`, confidence, evidence, rule);
}

/** Observations joined as one clause list: "a", "a and b", "a, b, and c". */
export function sayEvidence(evidence: readonly string[]): string {
  if (evidence.length <= 1) return evidence[0] ?? 'seen in the text';
  if (evidence.length === 2) return `${evidence[0]}, and ${evidence[1]}`;
  return `${evidence.slice(0, -1).join('; ')}; and ${evidence[evidence.length - 1]}`;
}
