// The timeline's public API: dated events of a text, and their joins across texts by claim links.
export { compare, inTimeOrder, isoOf, labelOf, periodLabel, periodsIn, precisionOf, timelineEvents } from './events.ts';
export type { CalendarPoint, Precision, TimelineEvent } from './events.ts';
export { dayRange, joinLinkedEvents } from './joins.ts';
export type { EventJoin, EventRef, LinkedPassages, TextEvents } from './joins.ts';
