/**
 * The units of a text that can carry a claim, with what the matcher compares:
 * terms, event words, names, phrases and slots.
 */
import type { ParsedText } from '../../document/structure.ts';
import { segmentUnits, type Unit } from './segment.ts';
import { readSlots, type Slots } from './slots.ts';
import { termsOf, type Term } from './terms.ts';

/** A unit ready for matching. Offsets of `termList` and `slots` are relative to `unit.text`. */
export interface ClaimUnit {
  readonly unit: Unit;
  readonly termList: readonly Term[];
  readonly terms: ReadonlySet<string>;
  /** Terms outside names, dates and figures: what happened. */
  readonly eventTerms: ReadonlySet<string>;
  /** Term key → first surface word, for descriptions. */
  readonly surface: ReadonlyMap<string, string>;
  /** Name word key → the label of the first name containing it. */
  readonly nameKeys: ReadonlyMap<string, string>;
  /** Adjacent event-word pairs ("balanc payment", "long term"): shared wording, not just shared vocabulary. */
  readonly phrases: ReadonlyMap<string, string>;
  readonly slots: Slots;
}

/**
 * A text speaking of itself ("This article examines…", "as this study
 * shows") states its scope, not a claim about events.
 */
const META_DISCOURSE = /\b(?:this|the present|our) (?:article|paper|study|essay|chapter|book|research|thesis|dissertation)\b/iu;
/** Units with fewer terms than this are too short to carry a claim (a fragment left by damage, a stray line). */
const MIN_TERMS = 5;

/** The claim-bearing units of a parsed text, in source order. Never throws; may be empty. */
export function claimUnits(parsed: ParsedText): ClaimUnit[] {
  return segmentUnits(parsed)
    .filter((u) => !META_DISCOURSE.test(u.text))
    .map(prepare)
    .filter((p) => p.terms.size >= MIN_TERMS);
}

function prepare(unit: Unit): ClaimUnit {
  const slots = readSlots(unit.text);
  const termList = termsOf(unit.text);
  // Event words are what happened: not who (names), not when or how much (dates, figures).
  const spans = [...slots.names, ...slots.dates, ...slots.numbers];
  const inSlot = (from: number, to: number) => spans.some((n) => from >= n.from && to <= n.to);
  const surface = new Map<string, string>();
  for (const t of termList) if (!surface.has(t.key)) surface.set(t.key, unit.text.slice(t.from, t.to));
  const nameKeys = new Map<string, string>();
  for (const n of slots.names) for (const k of n.keys) if (!nameKeys.has(k)) nameKeys.set(k, n.label);
  const eventTerms = termList.filter((t) => !inSlot(t.from, t.to));
  const phrases = new Map<string, string>();
  for (let i = 1; i < eventTerms.length; i++) {
    const x = eventTerms[i - 1]!;
    const y = eventTerms[i]!;
    // Adjacent up to one stop word, and not across punctuation: "balance-of-payments", "long-term credits".
    const between = unit.text.slice(x.to, y.from);
    if (/[,;:.()[\]"“”]/u.test(between) || (between.match(/\p{L}+/gu) ?? []).length > 1) continue;
    phrases.set(`${x.key} ${y.key}`, unit.text.slice(x.from, y.to));
  }
  return {
    unit,
    termList,
    terms: new Set(termList.map((t) => t.key)),
    eventTerms: new Set(eventTerms.map((t) => t.key)),
    surface,
    nameKeys,
    phrases,
    slots,
  };
}
