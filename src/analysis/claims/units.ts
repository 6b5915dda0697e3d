/**
 * The units of a text that can carry a claim, with what the matcher compares:
 * terms, event words, names, phrases and slots.
 */
import type { ParsedText } from '../../document/structure.ts';
import { AliasTable } from './aliases.ts';
import { directionsOf, type DirectionSignal } from './direction.ts';
import { periodsOf, type Period } from './period.ts';
import { segmentUnits, type Unit } from './segment.ts';
import { readSlots, type NumberSlot, type Slots } from './slots.ts';
import { termsOf, type Term } from './terms.ts';

/** A figure with what it measures: the event words around it ("industrial production" for "dropped by 9%"). */
export type MeasuredNumber = NumberSlot & { readonly measure: ReadonlySet<string> };

/** A name with the keys it compares by: an actor key when the name is a known alias, else its word keys. */
export interface UnitName {
  readonly label: string;
  readonly keys: readonly string[];
}

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
  /** Dates, names and figures; each figure carries what it measures. */
  readonly slots: Slots & { readonly numbers: readonly MeasuredNumber[] };
  /** Names with actor aliases applied ("USSR" and "Soviet Union" share one key). */
  readonly names: readonly UnitName[];
  /** Directions stated: rose/fell, established/severed, granted/refused, before/after. */
  readonly directions: readonly DirectionSignal[];
  /** The years the unit speaks of, its own or its context's (period.ts); empty when unknown. */
  readonly period: Period;
}

/**
 * A text speaking of itself ("This article examines…", "as this study
 * shows") states its scope, not a claim about events.
 */
const META_DISCOURSE = /\b(?:this|the present|our) (?:article|paper|study|essay|chapter|book|research|thesis|dissertation)\b/iu;
/** Units with fewer terms than this are too short to carry a claim (a fragment left by damage, a stray line). */
const MIN_TERMS = 5;

/** Terms before a figure (and after it) that say what it measures. */
const MEASURE_BEFORE = 5;
const MEASURE_AFTER = 3;
const STATING_VERB = /^(?:reach|stood|stand|total|amount|equal|hit|top|exceed|account|represent|worth|came|count|number|was|were|is|are)/u;

/**
 * The claim-bearing units of a parsed text, in source order; names resolved
 * through `aliases` (default: the country gazetteer alone). Never throws; may be empty.
 */
export function claimUnits(parsed: ParsedText, aliases: AliasTable = new AliasTable()): ClaimUnit[] {
  const units = segmentUnits(parsed);
  // Periods are read over every unit, so that context carries across the ones left out.
  const periods = periodsOf(parsed, units);
  return units
    .map((u, i) => ({ u, period: periods[i]! }))
    .filter(({ u }) => !META_DISCOURSE.test(u.text))
    .map(({ u, period }) => prepare(u, aliases, period))
    // Counted in words, not distinct terms: a short sentence whose words share one synonym ("overthrown in a coup") still says something.
    .filter((p) => p.termList.length >= MIN_TERMS);
}

/** A unit prepared for matching (also for a passage a reader selected). */
export function prepare(unit: Unit, aliases: AliasTable, period: Period = []): ClaimUnit {
  const raw = readSlots(unit.text);
  const names = raw.names.map((n) => aliasedName(n.label, n.keys, aliases));
  // Terms inside a name compare by its actor: "USSR" and "Soviet Union" become one term.
  const termList = aliasTerms(unit.text, termsOf(unit.text), raw.names, names, aliases);
  // Event words are what happened: not who (names), not when or how much (dates, figures).
  const spans = [...raw.names, ...raw.dates, ...raw.numbers];
  const inSlot = (from: number, to: number) => spans.some((n) => from >= n.from && to <= n.to);
  const surface = new Map<string, string>();
  for (const t of termList) if (!surface.has(t.key)) surface.set(t.key, unit.text.slice(t.from, t.to));
  const nameKeys = new Map<string, string>();
  for (const n of names) for (const k of n.keys) if (!nameKeys.has(k)) nameKeys.set(k, n.label);
  const eventTerms = termList.filter((t) => !inSlot(t.from, t.to));
  const slots = { ...raw, numbers: raw.numbers.map((n) => measured(n, eventTerms, unit.text)) };
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
    names,
    directions: directionsOf(unit.text),
    period,
  };
}

/** A name's keys: its actor when the whole name is a known alias, else each word's actor or key. */
function aliasedName(label: string, keys: readonly string[], aliases: AliasTable): UnitName {
  const whole = aliases.actorOf(label);
  if (whole) return { label, keys: [whole] };
  const words = label.split(/\s+/u);
  if (words.length !== keys.length) return { label, keys };
  return { label, keys: words.map((w, i) => (qualified(words, i) ? null : aliases.actorOf(w)) ?? keys[i]!) };
}

/**
 * A region word before a country word makes another place: "Latin America"
 * is not the United States, "South American" not American, "East European" not European.
 */
const REGION_QUALIFIER = /^(?:latin|south|north|central|east|west|eastern|western|southern|northern|pan|anglo|ibero|sub)$/iu;

function qualified(words: readonly string[], i: number): boolean {
  return i > 0 && REGION_QUALIFIER.test(words[i - 1]!);
}

/** Terms with the words of aliased names replaced by their actor key (one term per whole-name actor). */
function aliasTerms(
  text: string,
  terms: readonly Term[],
  spans: readonly { readonly from: number; readonly to: number }[],
  aliased: readonly UnitName[],
  aliases: AliasTable,
): Term[] {
  const out: Term[] = [];
  let lastWhole = -1;
  for (const t of terms) {
    const i = spans.findIndex((n) => t.from >= n.from && t.to <= n.to);
    if (i < 0) {
      out.push(t);
      continue;
    }
    const keys = aliased[i]!.keys;
    if (keys.length === 1 && keys[0]!.startsWith('@')) {
      // The whole name is one actor: its first term stands for it.
      if (lastWhole !== i) out.push({ ...t, key: keys[0]! });
      lastWhole = i;
      continue;
    }
    const nameWords = text.slice(spans[i]!.from, spans[i]!.to).split(/\s+/u);
    const at = nameWords.findIndex((w) => w === text.slice(t.from, t.to));
    const actor = at >= 0 && qualified(nameWords, at) ? null : aliases.actorOf(text.slice(t.from, t.to));
    out.push(actor ? { ...t, key: actor } : t);
  }
  return out;
}

/** A figure with the event words near it, in its clause: what it measures. */
function measured(n: NumberSlot, eventTerms: readonly Term[], text: string): MeasuredNumber {
  // Verbs that state a figure ("reached", "rose", "stood at") say nothing of what it measures.
  const words = eventTerms.filter((t) => !STATING_VERB.test(text.slice(t.from, t.to).toLowerCase()) && directionsOf(text.slice(t.from, t.to)).length === 0);
  // Within the figure's clause: the words after a comma speak of something else ("…, the office reported").
  const start = Math.max(...[',', ';', ':', '('].map((c) => text.lastIndexOf(c, n.from - 1)));
  const ends = [',', ';', ':', ')'].map((c) => text.indexOf(c, n.to)).filter((i) => i >= 0);
  const end = ends.length ? Math.min(...ends) : text.length;
  const before = words.filter((t) => t.to <= n.from && t.from > start).slice(-MEASURE_BEFORE);
  const after = words.filter((t) => t.from >= n.to && t.to <= end).slice(0, MEASURE_AFTER);
  return { ...n, measure: new Set([...before, ...after].map((t) => t.key)) };
}
