/** The describing sentence of a claim link, for a reader: what both say, or what differs. */
import type { SlotComparison } from './compare.ts';

/**
 * One sentence: for `conflicts` what differs ("18 December 1976 vs
 * 19 December 1976"), for `agrees` what both state, for `related` the shared
 * topic words; figures that differ but can both hold are named.
 */
export function describe(comparison: SlotComparison, sharedWords: readonly string[]): string {
  const { relation, agreements, differences, compatible } = comparison;
  const topic = sharedWords.slice(0, 4).join(', ');
  const fits = compatible.length
    ? ` Their figures differ but can both hold: ${compatible.map((d) => `${d.a} and ${d.b}`).join('; ')}.`
    : '';
  if (relation === 'conflicts') {
    const diffs = differences.map((d) => `${d.a} vs ${d.b}`).join('; ');
    const same = agreements.length ? ` Both name ${agreements.slice(0, 4).join(', ')}.` : '';
    return `The texts tell the same event differently: ${diffs}.${same}`;
  }
  if (relation === 'agrees') return `Both texts make this claim (${topic}) and agree on ${agreements.slice(0, 5).join(', ')}.${fits}`;
  return `Both texts speak of this (${topic})${fits ? `.${fits}` : ' but state nothing that can be compared.'}`;
}
