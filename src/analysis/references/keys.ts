/**
 * Citation keys a scholar can type: the first author's family name in ASCII
 * letters and the year (`harmer2011`), `a`, `b`… added when two works share
 * one, and `work` for a work with no author or year to name it by.
 */
import { fold } from '../../text/fold.ts';
import type { CslItem } from './csl.ts';

function stem(item: CslItem): string {
  const first = item.author?.[0];
  const name = fold(first?.family ?? first?.literal?.split(/\s+/u)[0] ?? '').replace(/[^a-z0-9]/gu, '');
  const year = item.issued?.['date-parts'][0]?.[0];
  return `${name || 'work'}${year ?? ''}`;
}

/** The items with `id` replaced by a unique citation key, in the same order. Returns new objects. */
export function withCitationKeys(items: readonly CslItem[]): CslItem[] {
  const stems = items.map(stem);
  const total = new Map<string, number>();
  for (const s of stems) total.set(s, (total.get(s) ?? 0) + 1);
  const used = new Map<string, number>();
  const keyed = items.map((item, i) => {
    const s = stems[i]!;
    if (total.get(s) === 1) return { ...item, id: s };
    const n = used.get(s) ?? 0;
    used.set(s, n + 1);
    // Past z, a number: keys stay unique however many works share a stem.
    return { ...item, id: `${s}${n < 26 ? String.fromCharCode(97 + n) : `-${n + 1}`}` };
  });
  // A lettered key may meet another work's own stem (`lee` + `a` and `leea`): the later one gets a number.
  const seen = new Set<string>();
  return keyed.map((item) => {
    let id = item.id;
    for (let k = 2; seen.has(id); k++) id = `${item.id}-${k}`;
    seen.add(id);
    return id === item.id ? item : { ...item, id };
  });
}
