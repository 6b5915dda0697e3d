/**
 * Whether two texts share a subject: the actors they name. Two accounts of
 * one history name the same people, places and states again and again (the
 * two seed texts: about 0.5); a speech and an unrelated article share a few
 * incidental names (below 0.3 on the development corpus). Automatic links
 * are made only between texts that share a subject; a reader can still ask
 * for suggestions between any two texts.
 */
import type { ClaimUnit } from './units.ts';

/** Least subject similarity for automatic links between two texts. */
export const SUBJECT_MIN = 0.3;

/**
 * Cosine of the two texts' name profiles: each name key (actor aliases
 * applied) weighted by the log of the number of units naming it. 0 when
 * either text names nobody.
 */
export function subjectSimilarity(a: readonly ClaimUnit[], b: readonly ClaimUnit[]): number {
  const pa = profile(a);
  const pb = profile(b);
  let dot = 0;
  for (const [k, x] of pa) dot += x * (pb.get(k) ?? 0);
  const norm = (p: Map<string, number>) => Math.sqrt([...p.values()].reduce((s, x) => s + x * x, 0));
  const n = norm(pa) * norm(pb);
  return n === 0 ? 0 : dot / n;
}

function profile(units: readonly ClaimUnit[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const u of units) for (const k of u.nameKeys.keys()) counts.set(k, (counts.get(k) ?? 0) + 1);
  return new Map([...counts].map(([k, c]) => [k, Math.log(1 + c)]));
}
