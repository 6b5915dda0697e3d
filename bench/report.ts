/**
 * Benchmark results: each figure with its baseline from the same run, the
 * ratio, the target and whether it is met; printed as a table or as JSON.
 */
import type { Summary } from './stats.ts';

/** A target: the figure (or its ratio to the baseline) must stay at or under / over `limit`. */
export interface Target {
  readonly on: 'value' | 'ratio';
  readonly op: '<=' | '>=';
  readonly limit: number;
}

/** One figure, as printed by `--json` (extra fields allowed: min, max, runs, note). */
export interface BenchResult {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly baseline: number | null;
  readonly ratio: number | null;
  /** The target in words, e.g. "≤ 1.5× baseline", or null when there is none. */
  readonly target: string | null;
  /** Whether the target is met; null when there is no target. */
  readonly meets: boolean | null;
  readonly min: number;
  readonly max: number;
  readonly runs: number;
  readonly baselineMin?: number;
  readonly baselineMax?: number;
  readonly note?: string;
}

function describe(target: Target, unit: string): string {
  const op = target.op === '<=' ? '≤' : '≥';
  return target.on === 'ratio' ? `${op} ${target.limit}× baseline` : `${op} ${target.limit} ${unit}`;
}

/** A result from a measured summary and an optional baseline summary and targets (all must be met). */
export function makeResult(
  name: string,
  unit: string,
  measured: Summary,
  options: { baseline?: Summary | null; targets?: readonly Target[]; note?: string } = {},
): BenchResult {
  const baseline = options.baseline ?? null;
  const ratio = baseline && baseline.median > 0 ? measured.median / baseline.median : null;
  const targets = options.targets ?? [];
  const meets = targets.length
    ? targets.every((t) => {
        const v = t.on === 'ratio' ? ratio : measured.median;
        if (v === null) return false;
        return t.op === '<=' ? v <= t.limit : v >= t.limit;
      })
    : null;
  return {
    name,
    value: measured.median,
    unit,
    baseline: baseline ? baseline.median : null,
    ratio,
    target: targets.length ? targets.map((t) => describe(t, unit)).join(', ') : null,
    meets,
    min: measured.min,
    max: measured.max,
    runs: measured.runs,
    ...(baseline ? { baselineMin: baseline.min, baselineMax: baseline.max } : {}),
    ...(options.note ? { note: options.note } : {}),
  };
}

/** A number for the table: three significant digits, no exponent. */
export function formatNumber(n: number | null): string {
  if (n === null) return '—';
  const abs = Math.abs(n);
  if (abs >= 1000) return Math.round(n).toLocaleString('en-US');
  if (abs >= 100) return n.toFixed(0);
  if (abs >= 10) return n.toFixed(1);
  if (abs >= 1) return n.toFixed(2);
  return n.toPrecision(2);
}

/** The results as a Markdown table (usable in a terminal and in the README). */
export function formatTable(results: readonly BenchResult[]): string {
  const head = ['figure', 'median', 'min–max', 'unit', 'baseline', 'ratio', 'target', 'meets'];
  const rows = results.map((r) => [
    r.name,
    formatNumber(r.value),
    `${formatNumber(r.min)}–${formatNumber(r.max)}`,
    r.unit,
    formatNumber(r.baseline),
    r.ratio === null ? '—' : `${r.ratio.toFixed(2)}×`,
    r.target ?? '—',
    r.meets === null ? '—' : r.meets ? 'yes' : 'NO',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}
