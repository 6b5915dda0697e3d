/**
 * Anchoring benchmark (Node): re-anchor every target of the corpus layer in
 * an edited copy of the corpus, with the reader's batch anchoring, against
 * Hypothesis's way on a fixed sample of the same targets (the baseline costs
 * tens of milliseconds a quote, so all 10,000 would take minutes; its time is
 * scaled to the full count).
 */
import { anchorAllIndexed } from '../src/annotations/anchoring/indexed-batch.ts';
import { CodePointIndex } from '../src/document/code-points.ts';
import { OccurrenceIndex } from '../src/annotations/anchoring/occurrences.ts';
import { positionSelectorOf, quoteSelectorOf, targetsOf, type Annotation } from '../src/annotations/model.ts';
import { hypothesisAnchor, type QuoteTarget } from './hypothesis-baseline.ts';

/** What one anchoring comparison gives. */
export interface AnchoringFigures {
  /** ms for all targets, one per run. */
  readonly ours: number[];
  /** ms scaled to all targets, one per baseline run over the sample. */
  readonly baseline: number[];
  readonly sample: number;
  /** Sample targets where both give the same range, or both none. */
  readonly agree: number;
  readonly orphaned: number;
  readonly fuzzy: number;
  /** Targets (of all) that ours put where the edits moved their passage (each end within TOLERANCE). */
  readonly oursCorrect: number;
  /** The same, on the sample, for ours and for the baseline. */
  readonly sampleOursCorrect: number;
  readonly sampleBaselineCorrect: number;
  /** Targets (of all) that ours anchored, but not where the edits moved their passage. */
  readonly oursElsewhere: number;
  /** The same, on the sample, for ours and for the baseline. */
  readonly sampleOursElsewhere: number;
  readonly sampleBaselineElsewhere: number;
  /**
   * Only targets whose passage with its context (prefix, quote, suffix) occurs
   * once in the original, so that "the right passage" is defined: how many of
   * the sample, and where ours and the baseline put them.
   */
  readonly unique: { readonly sample: number; readonly ours: Outcomes; readonly baseline: Outcomes; readonly oursAll: Outcomes; readonly all: number };
}

/** Where targets went: at their true passage, orphaned, or anchored elsewhere. */
export interface Outcomes {
  readonly atTruth: number;
  readonly orphaned: number;
  readonly elsewhere: number;
}

/** Code units an end may be off and still count as the passage (an edit at the quote's edge moves it). */
export const TOLERANCE = 2;

/** Targets of `annotations` as the baseline reads them, positions in code units of the original text. */
function quoteTargets(original: string, annotations: readonly Annotation[]): QuoteTarget[] {
  const index = new CodePointIndex(original);
  return annotations.map((a) => {
    const t = targetsOf(a)[0]!;
    const q = quoteSelectorOf(t)!;
    const p = positionSelectorOf(t)!;
    return { exact: q.exact, prefix: q.prefix ?? '', suffix: q.suffix ?? '', start: index.toCodeUnits(p.start), end: index.toCodeUnits(p.end) };
  });
}

/** Runs the comparison: `runs` timed passes of ours, `baselineRuns` of the baseline over every `stride`-th target. */
export function benchAnchoring(
  original: string,
  edited: { text: string; moved: Int32Array },
  annotations: readonly Annotation[],
  options: { runs: number; baselineRuns: number; stride: number },
): AnchoringFigures {
  const ours: number[] = [];
  let result = anchorAllIndexed(edited.text, annotations);
  for (let r = 0; r < options.runs; r++) {
    const t0 = performance.now();
    result = anchorAllIndexed(edited.text, annotations);
    ours.push(performance.now() - t0);
  }
  const targets = quoteTargets(original, annotations);
  const sampleIdx = targets.map((_, i) => i).filter((i) => i % options.stride === 0);
  const baseline: number[] = [];
  let theirs: ({ from: number; to: number } | null)[] = [];
  for (let r = 0; r < options.baselineRuns; r++) {
    const t0 = performance.now();
    theirs = sampleIdx.map((i) => hypothesisAnchor(edited.text, targets[i]!));
    baseline.push(((performance.now() - t0) * targets.length) / sampleIdx.length);
  }
  const truth = (i: number) => ({ from: edited.moved[targets[i]!.start]!, to: edited.moved[targets[i]!.end]! });
  const correct = (i: number, r: { from: number; to: number } | null) =>
    r !== null && Math.abs(r.from - truth(i).from) <= TOLERANCE && Math.abs(r.to - truth(i).to) <= TOLERANCE;
  const oursAt = (i: number) => {
    const a = result.anchors[i]!.anchor;
    return a.status === 'anchored' ? { from: a.from, to: a.to } : null;
  };
  let agree = 0;
  let sampleOursCorrect = 0;
  let sampleBaselineCorrect = 0;
  let sampleOursElsewhere = 0;
  let sampleBaselineElsewhere = 0;
  sampleIdx.forEach((i, k) => {
    const a = oursAt(i);
    const b = theirs[k] ?? null;
    if (a === null ? b === null : b !== null && a.from === b.from && a.to === b.to) agree++;
    if (correct(i, a)) sampleOursCorrect++;
    else if (a !== null) sampleOursElsewhere++;
    if (correct(i, b)) sampleBaselineCorrect++;
    else if (b !== null) sampleBaselineElsewhere++;
  });
  const oursCorrect = targets.filter((_, i) => correct(i, oursAt(i))).length;
  const oursElsewhere = targets.filter((_, i) => oursAt(i) !== null && !correct(i, oursAt(i))).length;
  const occurrences = new OccurrenceIndex(original);
  const isUnique = (i: number) => {
    const t = targets[i]!;
    return occurrences.find(t.prefix + t.exact + t.suffix, 2).length === 1;
  };
  const outcomes = (indexes: readonly number[], at: (i: number, k: number) => { from: number; to: number } | null): Outcomes => {
    let atTruth = 0;
    let orphaned = 0;
    let elsewhere = 0;
    indexes.forEach((i, k) => {
      const r = at(i, k);
      if (r === null) orphaned++;
      else if (correct(i, r)) atTruth++;
      else elsewhere++;
    });
    return { atTruth, orphaned, elsewhere };
  };
  const uniqueSample = sampleIdx.map((i, k) => ({ i, k })).filter(({ i }) => isUnique(i));
  const uniqueAll = targets.map((_, i) => i).filter(isUnique);
  const unique = {
    sample: uniqueSample.length,
    ours: outcomes(uniqueSample.map(({ i }) => i), (i) => oursAt(i)),
    baseline: outcomes(uniqueSample.map(({ i }) => i), (_, n) => theirs[uniqueSample[n]!.k] ?? null),
    oursAll: outcomes(uniqueAll, (i) => oursAt(i)),
    all: uniqueAll.length,
  };
  return {
    ours,
    baseline,
    sample: sampleIdx.length,
    agree,
    orphaned: result.stats.orphaned,
    fuzzy: result.stats.fuzzy,
    oursCorrect,
    sampleOursCorrect,
    sampleBaselineCorrect,
    oursElsewhere,
    sampleOursElsewhere,
    sampleBaselineElsewhere,
    unique,
  };
}
