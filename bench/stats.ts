/**
 * Statistics for benchmark runs: a figure is the median of several runs,
 * reported with its min and max; frame times are summarised by percentile.
 */

/** Median, min and max of a set of runs, with how many there were. */
export interface Summary {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly runs: number;
}

/** Thrown when a summary or percentile is asked of no values (a benchmark that measured nothing). */
export class NoSamplesError extends Error {
  override name = 'NoSamplesError';
}

function sorted(values: readonly number[]): number[] {
  if (!values.length) throw new NoSamplesError('No samples to summarise.');
  if (values.some((v) => !Number.isFinite(v))) throw new RangeError(`A sample is not a finite number: ${values.join(', ')}`);
  return [...values].sort((a, b) => a - b);
}

/**
 * The `p`-th percentile (0…100) by linear interpolation between closest ranks.
 * Throws NoSamplesError on an empty list and RangeError on a non-finite value or p outside 0…100.
 */
export function percentile(values: readonly number[], p: number): number {
  if (!(p >= 0 && p <= 100)) throw new RangeError(`Percentile ${p} is outside 0…100.`);
  const s = sorted(values);
  const rank = (p / 100) * (s.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return s[lo]! + (s[hi]! - s[lo]!) * (rank - lo);
}

/** The median, min and max of `values`. Throws NoSamplesError on an empty list. */
export function summarize(values: readonly number[]): Summary {
  const s = sorted(values);
  return { median: percentile(s, 50), min: s[0]!, max: s[s.length - 1]!, runs: s.length };
}

/** Differences between consecutive timestamps (frame times from rAF timestamps). Empty for fewer than two. */
export function intervals(timestamps: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 1; i < timestamps.length; i++) out.push(timestamps[i]! - timestamps[i - 1]!);
  return out;
}
