/**
 * Dated events joined across texts by the claim links between them. The
 * claim matcher (and the scholar's reviews and hand-made links) decide which
 * passages tell the same thing; this module only finds the dated events at
 * both ends of each link and says whether their dates can be the same
 * ("1976" and "18 December 1976" can; "18 December 1976" and "19 December
 * 1976" cannot, and the pair is a conflict naming the difference).
 */
import { periodLabel, type CalendarPoint, type TimelineEvent } from './events.ts';

/** One text's events, in any order; `index` in joins refers to this array. */
export interface TextEvents {
  readonly docId: string;
  readonly events: readonly TimelineEvent[];
}

/** What the joins need of a claim link: its id, relation, whether it was dismissed, and its two ends. */
export interface LinkedPassages {
  readonly id: string;
  readonly relation: string;
  readonly dismissed: boolean;
  readonly ends: readonly { readonly docId: string; readonly from: number; readonly to: number }[];
}

/** An event of one text, by its place in that text's event list. */
export interface EventRef {
  readonly docId: string;
  readonly index: number;
}

/** Two events of two texts that a claim link says tell the same thing. */
export interface EventJoin {
  readonly linkId: string;
  readonly relation: string;
  readonly a: EventRef;
  readonly b: EventRef;
  /** When the two dates cannot be the same: what differs, as a reader writes it ("18 December 1976 vs 19 December 1976"). */
  readonly conflict: string | null;
}

/**
 * The joins the links make between the texts' events. For each link that
 * is not dismissed, each dated event inside one end is paired with the event
 * inside the other end whose date is nearest. Never throws.
 */
export function joinLinkedEvents(texts: readonly TextEvents[], links: readonly LinkedPassages[]): EventJoin[] {
  const byDoc = new Map(texts.map((t) => [t.docId, t.events]));
  const joins: EventJoin[] = [];
  const seen = new Set<string>();
  for (const link of links) {
    if (link.dismissed || link.ends.length < 2) continue;
    const [endA, endB] = link.ends;
    if (!endA || !endB || endA.docId === endB.docId) continue;
    const inA = eventsWithin(byDoc.get(endA.docId) ?? [], endA);
    const inB = eventsWithin(byDoc.get(endB.docId) ?? [], endB);
    if (!inA.length || !inB.length) continue;
    for (const i of inA) {
      const a = byDoc.get(endA.docId)![i]!;
      let best = inB[0]!;
      for (const j of inB) if (distance(a, byDoc.get(endB.docId)![j]!) < distance(a, byDoc.get(endB.docId)![best]!)) best = j;
      const b = byDoc.get(endB.docId)![best]!;
      const key = `${link.id}\u0000${i}\u0000${best}`;
      if (seen.has(key)) continue;
      seen.add(key);
      joins.push({
        linkId: link.id,
        relation: link.relation,
        a: { docId: endA.docId, index: i },
        b: { docId: endB.docId, index: best },
        conflict: overlap(a, b) ? null : `${periodLabel(a.start, a.end)} vs ${periodLabel(b.start, b.end)}`,
      });
    }
  }
  return joins;
}

/** Indexes of the events whose sentence overlaps `[from, to)`. */
function eventsWithin(events: readonly TimelineEvent[], span: { readonly from: number; readonly to: number }): number[] {
  const out: number[] = [];
  events.forEach((e, i) => {
    if (e.from < span.to && span.from < e.to) out.push(i);
  });
  return out;
}

/**
 * A point's first and last day as day numbers that keep calendar order
 * (31 days to every month: only order and overlap are asked of them).
 */
export function dayRange(p: CalendarPoint): readonly [number, number] {
  const base = p.year * 372;
  if (p.month === null) return [base, base + 371];
  const month = base + (p.month - 1) * 31;
  return p.day === null ? [month, month + 30] : [month + p.day - 1, month + p.day - 1];
}

/** Whether the two events' periods share a day: then their dates can be the same. */
function overlap(a: TimelineEvent, b: TimelineEvent): boolean {
  return dayRange(a.start)[0] <= dayRange(b.end)[1] && dayRange(b.start)[0] <= dayRange(a.end)[1];
}

/** How far apart two events' periods start, in days (for choosing the nearest partner). */
function distance(a: TimelineEvent, b: TimelineEvent): number {
  return Math.abs(dayRange(a.start)[0] - dayRange(b.start)[0]) + (overlap(a, b) ? 0 : 1e6);
}
