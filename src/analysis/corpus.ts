/**
 * Word counts over every text analysed together: the evidence the spelling
 * detectors use instead of a dictionary ("inn" is suspect because "in" is
 * common here and "inn" occurs once).
 */
import { wordsIn } from './text.ts';

/** Word frequencies across the corpus. */
export interface Corpus {
  /** Count of each word as written (case kept). */
  readonly exact: ReadonlyMap<string, number>;
  /** Count of each word lowercased. */
  readonly lower: ReadonlyMap<string, number>;
}

/** Counts the words of `sources`. An empty list gives an empty corpus. */
export function buildCorpus(sources: readonly string[]): Corpus {
  const exact = new Map<string, number>();
  const lower = new Map<string, number>();
  for (const source of sources) {
    for (const w of wordsIn(source)) {
      for (const part of w.text.split(/['’]/u)) {
        if (!part) continue;
        exact.set(part, (exact.get(part) ?? 0) + 1);
        const l = part.toLowerCase();
        lower.set(l, (lower.get(l) ?? 0) + 1);
      }
    }
  }
  return { exact, lower };
}
