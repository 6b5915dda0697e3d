/**
 * Named moments of the reader's load on the page's performance timeline
 * (`reader:<phase>` marks, and measures for work done in pieces), so that a
 * benchmark or a profile reads where the time goes without instrumenting the
 * code again. Nothing is recorded outside a browser page.
 */

/** The load's phases, in the order they usually end. */
export type Phase = 'manifest' | 'texts' | 'layers' | 'anchored' | 'ready' | 'search-indexed';

/** Work done in pieces (per text, per layer): each piece is one measure of this name. */
export type Work = 'parse' | 'build-doc' | 'layer-parse';

const timeline = (): Performance | null =>
  typeof document !== 'undefined' && typeof performance !== 'undefined' && typeof performance.mark === 'function' ? performance : null;

/** Marks the end of `phase` (ms since navigation, on the page's timeline). */
export function markPhase(phase: Phase): void {
  timeline()?.mark(`reader:${phase}`);
}

/** Runs `run` and records how long it took as a `reader:<work>` measure. */
export function timeWork<T>(work: Work, run: () => T): T {
  const perf = timeline();
  if (!perf) return run();
  const start = perf.now();
  try {
    return run();
  } finally {
    perf.measure(`reader:${work}`, { start, end: perf.now() });
  }
}
