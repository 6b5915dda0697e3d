/**
 * Levenshtein distance with a ceiling: exact when the distance is at most
 * `k`, and `k + 1` as soon as it is known to exceed `k`. Only a band of
 * 2k + 1 diagonals is filled, and the work stops when a whole row exceeds
 * `k`, so comparing unrelated context costs a few rows instead of the square.
 * Strings of at most 32 code units (quote context is 32) take the
 * bit-parallel algorithm (Myers 1999, Hyyrö's global form): one machine word
 * per column, about 32 steps in all.
 */

/** Longest string the bit-parallel path handles: one 32-bit word. */
const WORD = 32;
/** Per code unit, the bits of the positions where it occurs in the current pattern; cleared after each use. */
const peq = new Uint32Array(0x10000);

/** Levenshtein distance of `a` (1…32 code units, the longer) and `b`. */
function bitParallelDistance(a: string, b: string): number {
  const n = a.length;
  const last = 1 << (n - 1);
  for (let i = 0; i < n; i++) peq[a.charCodeAt(i)]! |= 1 << i;
  let pv = -1;
  let mv = 0;
  let score = n;
  for (let j = 0; j < b.length; j++) {
    let eq = peq[b.charCodeAt(j)]!;
    const xv = eq | mv;
    eq |= ((eq & pv) + pv) ^ pv;
    mv |= ~(eq | pv);
    pv &= eq;
    if (mv & last) score++;
    if (pv & last) score--;
    mv = (mv << 1) | 1;
    pv = (pv << 1) | ~(xv | mv);
    mv &= xv;
  }
  for (let i = 0; i < n; i++) peq[a.charCodeAt(i)] = 0;
  return score;
}

/** The distance between `a` and `b` if it is ≤ `k`, else `k + 1`. `k` below 0 is treated as 0. */
export function editDistanceWithin(a: string, b: string, k: number): number {
  const limit = Math.max(0, Math.floor(k));
  if (a === b) return 0;
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > limit) return limit + 1;
  if (!n || !m) return Math.max(n, m);
  if (n <= WORD && m <= WORD) return Math.min(n >= m ? bitParallelDistance(a, b) : bitParallelDistance(b, a), limit + 1);
  const over = limit + 1;
  let prev = new Int32Array(m + 1);
  let row = new Int32Array(m + 1);
  for (let j = 0; j <= m; j++) prev[j] = j <= limit ? j : over;
  for (let i = 1; i <= n; i++) {
    const lo = Math.max(1, i - limit);
    const hi = Math.min(m, i + limit);
    row.fill(over);
    row[0] = i <= limit ? i : over;
    let rowMin = row[lo - 1]!;
    for (let j = lo; j <= hi; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost, over);
      row[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return over;
    [prev, row] = [row, prev];
  }
  return Math.min(prev[m]!, over);
}
