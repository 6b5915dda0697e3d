/**
 * A general background for word weights: how common a word is in English at
 * large, not just in the texts compared. Two texts' own statistics call a
 * word rare when they seldom use it, but "new", "problems" or "example"
 * say little about a claim wherever they stand; a word that is rare in
 * English too ("détente", "bayonets") says much. Mixing a local and a
 * global frequency is the usual remedy in retrieval when the local
 * collection is small (here: the sentences of two texts).
 */
import { COMMON_WORDS } from './common-words.ts';
import type { Candidate } from './score.ts';
import { stemKey, termKey, termsOf } from './terms.ts';

/** Background weight at or above which a word is uncommon in English. */
export const UNCOMMON = 0.85;
/** The weight of the most common English word: a floor, so that no word weighs nothing. */
const FLOOR = 0.4;

let ranks: Map<string, number> | null = null;

/** Term key → rank of its most common surface word (0 = most common). Built on first use. */
function rankTable(): Map<string, number> {
  if (ranks) return ranks;
  const table = new Map<string, number>();
  let rank = 0;
  for (const line of COMMON_WORDS) {
    for (const word of line.split(' ')) {
      const key = termKey(word);
      // A thesaurus group weighs as its own words do, not as its commonest synonym ("endanger", not "risk").
      if (key && key === stemKey(word) && !table.has(key)) table.set(key, rank);
      rank++;
    }
  }
  ranks = table;
  return table;
}

/**
 * The background weight of a term key, FLOOR…1: 1 for a word outside the
 * common list (a name, a rare word, an actor key), rising with the log of
 * its rank inside it.
 */
export function backgroundWeight(key: string): number {
  const table = rankTable();
  const rank = table.get(key);
  if (rank === undefined) return 1;
  return Math.max(FLOOR, Math.min(1, Math.log(rank + 2) / Math.log(table.size + 2)));
}

/**
 * How many of a pair's shared event words are uncommon in English at large,
 * words of change ("increasing", "severed") left out: they say which way
 * something went, not what it was.
 */
export function uncommonSharedWords(c: Pick<Candidate, 'a' | 'b' | 'sharedEventTerms'>): number {
  const directional = new Set([...c.a.directions, ...c.b.directions].flatMap((d) => termsOf(d.phrase.split(/\s+/u)[0]!).map((t) => t.key)));
  return [...c.sharedEventTerms].filter((t) => backgroundWeight(t) >= UNCOMMON && !directional.has(t)).length;
}
