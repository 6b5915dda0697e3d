/** The describing sentence of a claim link, for a reader: what both say, or what differs. */
import type { SlotComparison } from './compare.ts';

/**
 * One sentence: for `conflicts` what differs ("18 December 1976 vs
 * 19 December 1976"), for `agrees` what both state, for `related` the shared
 * words; figures that differ but can both hold are named. Never empty.
 */
export function describe(comparison: SlotComparison, sharedWords: readonly string[]): string {
  const { relation, agreements, differences, compatible } = comparison;
  const words = sharedWords.length ? ` (shared words: ${sharedWords.slice(0, 4).join(', ')})` : '';
  const fits = compatible.length
    ? ` Their figures differ but can both hold: ${compatible.map((d) => `${d.a} and ${d.b}`).join('; ')}.`
    : '';
  if (relation === 'conflicts') {
    const same = agreements.length ? ` Both name ${list(agreements.slice(0, 4))}.` : '';
    return `The texts tell the same event differently: ${differences.map((d) => `${d.a} vs ${d.b}`).join('; ')}.${same}`;
  }
  if (relation === 'agrees') return `Both texts make this claim and agree on ${list(agreements.slice(0, 5))}${words}.${fits}`;
  return fits
    ? `Both texts speak of this${words}.${fits}`
    : `Both texts speak of this${words} but state nothing that can be compared.`;
}

/** "a", "a and b", "a, b and c". */
function list(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
