/**
 * How two linked claims relate, from their slots: `conflicts` when the same
 * event carries a different date or amount, `agrees` when comparable slots
 * agree, `related` when nothing comparable is stated.
 */
import type { RelationTag } from '../../annotations/model.ts';
import { compareDirections, type DirectionSignal } from './direction.ts';
import type { DateSlot, NumberSlot, Slots } from './slots.ts';

/** A figure, optionally with the words that say what it measures (see units.ts). */
type Figure = NumberSlot & { readonly measure?: ReadonlySet<string> };

/** One slot on which the two texts differ, written as each text has it. */
export interface SlotDifference {
  readonly kind: 'date' | 'number' | 'direction';
  /** The value in the first text ("18 December 1976"). */
  readonly a: string;
  /** The value in the second text ("19 December 1976"). */
  readonly b: string;
}

/** The relation of two claims and the slots behind it. */
export interface SlotComparison {
  readonly relation: RelationTag;
  /** Dates, amounts and names both state alike, as the first text writes them. */
  readonly agreements: readonly string[];
  readonly differences: readonly SlotDifference[];
  /** Figures written differently that can both hold ("less than $350 million" and "$98.5 million"). */
  readonly compatible: readonly SlotDifference[];
}

/** Relative gap under which two amounts count as the same figure written with rounding. */
const AMOUNT_TOLERANCE = 0.005;
/** Relative gap two estimates ("about", "some") may have and still be one figure. */
const ESTIMATE_TOLERANCE = 0.1;

/** What the matcher knows of a pair besides its slots. */
export interface CompareContext {
  /** Name labels both texts share. */
  readonly sameNames: readonly string[];
  /** The wording is close enough for shared names alone to make an agreement. */
  readonly strongWording: boolean;
  /** The pair tells one event: only then do differing dates or figures conflict. */
  readonly sameEvent: boolean;
  /** The directions each side states (rose/fell, established/severed…); none when not given. */
  readonly directions?: { readonly a: readonly DirectionSignal[]; readonly b: readonly DirectionSignal[] };
}

/**
 * Compares the slots of two linked claims: `conflicts` when they tell one
 * event and a date or figure differs, `agrees` when a date or figure is
 * shared (or, for one event told in close wording, a name), else `related`.
 */
export function compareSlots(a: Slots, b: Slots, context: CompareContext): SlotComparison {
  const { sameNames, strongWording, sameEvent } = context;
  const agreements: string[] = [];
  const differences: SlotDifference[] = [];
  const compatible: SlotDifference[] = [];

  for (const d of a.dates) if (b.dates.some((e) => sameDate(d, e))) agreements.push(d.label);
  for (const d of a.dates) {
    if (b.dates.some((e) => sameDate(d, e))) continue;
    const other = b.dates.find((e) => oneFieldApart(d, e) && !a.dates.some((x) => sameDate(x, e)));
    if (other) differences.push({ kind: 'date', a: d.label, b: other.label });
  }

  // Figures compare only when they measure the same thing: 9% of output is not 9% of the vote.
  const unitsA = comparableNumbers(a.numbers);
  const unitsB = comparableNumbers(b.numbers);
  for (const n of unitsA) if (unitsB.some((m) => sameAmount(n, m) && sameMeasure(n, m))) agreements.push(n.label);
  for (const n of unitsA) {
    if (unitsB.some((m) => sameAmount(n, m) && sameMeasure(n, m))) continue;
    const fits = unitsB.find((m) => compatibleAmounts(n, m) && sameMeasure(n, m));
    if (fits) {
      compatible.push({ kind: 'number', a: n.label, b: fits.label });
      continue;
    }
    const other = unitsB.find((m) => m.unit === n.unit && sameMeasure(n, m) && !unitsA.some((x) => compatibleAmounts(x, m)));
    if (other) differences.push({ kind: 'number', a: n.label, b: other.label });
  }

  // The same figure for the same measure is itself the sign of one event; then opposite directions disagree.
  const sharedFigure = unitsA.some((n) => unitsB.some((m) => sameAmount(n, m) && sameMeasure(n, m)));
  const directions = context.directions ? compareDirections(context.directions.a, context.directions.b) : { differences: [], agreements: [] };
  if (!sameEvent) differences.length = 0;
  if (sameEvent || sharedFigure) {
    // Phrases as written, the figure included when one follows ("risen by 9 percent" vs "dropped by 9 per cent").
    for (const d of directions.differences) differences.unshift({ kind: 'direction', a: d.a, b: d.b });
    // One event told in the same direction ("had not severed relations", "maintained relations") agrees on it.
    if (sameEvent) for (const item of directions.agreements.filter((p) => /\s/u.test(p))) agreements.push(item);
  }
  const slotAgreements = agreements.length;
  for (const item of sameNames) agreements.push(item);
  const relation: RelationTag = differences.length > 0
    ? 'conflicts'
    : slotAgreements > 0 || (sameNames.length > 0 && strongWording && sameEvent)
      ? 'agrees'
      : 'related';
  return { relation, agreements: unique(agreements), differences: uniqueDifferences(differences), compatible: uniqueDifferences(compatible) };
}

/** Equal at the precision both give: a bare year never equals a full date. */
export function sameDate(d: DateSlot, e: DateSlot): boolean {
  return d.year === e.year && d.month === e.month && d.day === e.day;
}

/**
 * Two full day-month dates differing in exactly one field: the signature of
 * two accounts of one event that disagree (a day off, a year off). Bare
 * years and month-years are not compared: a sentence names many of them for
 * reasons other than dating its event.
 */
export function oneFieldApart(d: DateSlot, e: DateSlot): boolean {
  if (d.day === null || e.day === null || d.month === null || e.month === null) return false;
  if (d.year === null || e.year === null) return d.year === e.year && (d.day !== e.day) !== (d.month !== e.month);
  const differing = Number(d.year !== e.year) + Number(d.month !== e.month) + Number(d.day !== e.day);
  return differing === 1;
}

/**
 * Whether two figures in one unit measure the same thing: a counted noun is
 * its own measure ("300,000 tons"); a percentage or an amount of money needs
 * a shared word near it ("production … 9%" and "production … 9 per cent").
 * Figures without measure words (older callers) are taken as comparable.
 */
export function sameMeasure(n: Figure, m: Figure): boolean {
  if (n.unit !== m.unit) return false;
  if (!['%', '$', '£', '€'].includes(n.unit)) return true;
  if (!n.measure || !m.measure) return true;
  return [...n.measure].some((k) => m.measure!.has(k));
}

/** Numbers with a unit (an amount, a percentage, a count of something); bare numbers compare nothing. */
function comparableNumbers<N extends NumberSlot>(numbers: readonly N[]): N[] {
  return numbers.filter(hasUnit);
}

/** A figure counts something: a sign, or a counted word of two letters or more (a decade's "s" in "1970s" is not one). */
export function hasUnit(n: NumberSlot): boolean {
  return n.unit.length > 1 || /^[%$£€]$/u.test(n.unit);
}

/** The same figure in the same unit, stated the same way (both exact, or the same bound). */
export function sameAmount(n: NumberSlot, m: NumberSlot): boolean {
  return n.unit === m.unit && n.bound === m.bound && close(n.value, m.value, AMOUNT_TOLERANCE);
}

/**
 * Whether two figures in one unit can both be true: an exact figure within
 * the other's bound, two estimates within ESTIMATE_TOLERANCE, two bounds
 * that overlap.
 */
export function compatibleAmounts(n: NumberSlot, m: NumberSlot): boolean {
  if (n.unit !== m.unit) return false;
  const within = (x: NumberSlot, y: NumberSlot): boolean => {
    switch (x.bound) {
      case 'at-most': return y.bound === 'at-least' ? y.value <= x.value : y.value <= x.value * (1 + AMOUNT_TOLERANCE);
      case 'at-least': return y.bound === 'at-most' ? y.value >= x.value : y.value >= x.value * (1 - AMOUNT_TOLERANCE);
      case 'about': return close(x.value, y.value, ESTIMATE_TOLERANCE);
      case 'exact': return y.bound === 'exact' ? close(x.value, y.value, AMOUNT_TOLERANCE) : within(y, x);
    }
  };
  return within(n, m);
}

function close(x: number, y: number, tolerance: number): boolean {
  const scale = Math.max(Math.abs(x), Math.abs(y), 1);
  return Math.abs(x - y) / scale <= tolerance;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

function uniqueDifferences(ds: readonly SlotDifference[]): SlotDifference[] {
  const seen = new Set<string>();
  return ds.filter((d) => {
    const k = `${d.a}\u0000${d.b}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
