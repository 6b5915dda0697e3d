/**
 * Genre, not damage: a rule that fires on a large share of what it examines
 * in one text is measuring how that text is written (lines hard-wrapped
 * without blank lines, labels without periods, a notation with brackets),
 * not what was lost from it. Damage is the exception in a text; a rule that
 * calls a quarter of a text's paragraphs broken has stopped telling the
 * reader anything.
 *
 * The rule: within one text, the flags of a rule family are dropped when
 * there are at least MIN_FIRINGS of them and they outnumber MAX_SHARE of the
 * prose sentences the detector read. A family is the part of a flag's rule
 * before ":" (`breaks/end:comma` and `breaks/end:function-word` are both
 * `breaks/end`, the detector's judgement of how paragraphs end); families
 * are counted apart, so a text full of unpunctuated lines keeps its doubled
 * words. Sentences, not paragraphs, are counted: a short, badly damaged text
 * may have a third of its paragraphs cut, but a text read wrongly (each
 * hard-wrapped line taken for a paragraph) has most of its sentences "cut".
 */
import type { Flag } from '../finding.ts';

/** A rule family firing more often than this share of the prose sentences is measuring the genre. */
export const MAX_SHARE = 0.25;
/** Below this many firings a rule never backs off: a short, badly damaged text keeps its flags. */
export const MIN_FIRINGS = 5;

/**
 * `flags` without the flags of every rule family that fired more than
 * MAX_SHARE × `sentences` times (and at least MIN_FIRINGS times). Flags
 * without a rule are kept. Order is kept.
 */
export function backOff(flags: readonly Flag[], sentences: number): Flag[] {
  const firings = new Map<string, number>();
  for (const f of flags) if (f.rule) firings.set(familyOf(f.rule), (firings.get(familyOf(f.rule)) ?? 0) + 1);
  const genre = new Set([...firings].filter(([, n]) => isGenre(n, sentences)).map(([family]) => family));
  return genre.size ? flags.filter((f) => !f.rule || !genre.has(familyOf(f.rule))) : [...flags];
}

/** The family of a rule: `breaks/end:comma` → `breaks/end`. */
export function familyOf(rule: string): string {
  const colon = rule.indexOf(':');
  return colon < 0 ? rule : rule.slice(0, colon);
}

/** True when `firings` of one family against `sentences` prose sentences is the text's way of writing, not damage. */
export function isGenre(firings: number, sentences: number): boolean {
  return firings >= MIN_FIRINGS && firings > MAX_SHARE * Math.max(sentences, 1);
}
