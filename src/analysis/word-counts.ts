/**
 * Word counts of one text: the evidence the spelling detector uses instead of
 * a dictionary ("inn" is suspect because "in" is common in this text and
 * "inn" occurs once). Always one text: a flag must never depend on which other
 * texts are loaded beside it.
 */
import { wordsIn } from './text.ts';

/** How often each word occurs in one text. */
export interface WordCounts {
  /** Count of each word as written (case kept). */
  readonly exact: ReadonlyMap<string, number>;
  /** Count of each word lowercased. */
  readonly lower: ReadonlyMap<string, number>;
}

/** Counts the words of `source`, split at apostrophes (`Allende's` counts `Allende`). An empty text gives empty counts. */
export function countWords(source: string): WordCounts {
  const exact = new Map<string, number>();
  const lower = new Map<string, number>();
  for (const w of wordsIn(source)) {
    for (const part of w.text.split(/['’]/u)) {
      if (!part) continue;
      exact.set(part, (exact.get(part) ?? 0) + 1);
      const l = part.toLowerCase();
      lower.set(l, (lower.get(l) ?? 0) + 1);
    }
  }
  return { exact, lower };
}
