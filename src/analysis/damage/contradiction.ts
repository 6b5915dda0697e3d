/**
 * A text that contradicts itself: two passages that tell the same kind of
 * event, about the same thing, on different days of the same month and year
 * ("relations were cut on 22 September 1973" … "relations having been
 * suspended on 21 September 1973").
 */
import type { ParsedText } from '../../document/structure.ts';
import { flag, type Flag } from '../finding.ts';
import { MONTH_NAMES, readDates } from '../../text/dates.ts';
import { blockRange, sentencesIn, wordsIn } from '../text.ts';

const MONTHS = MONTH_NAMES;
/**
 * Kinds of event, by word forms: two dates contradict only when both passages
 * tell an event of the same kind. General English verbs of diplomatic and
 * political history, not words of any one text.
 */
const EVENT_KINDS: Readonly<Record<string, RegExp>> = {
  'breaking off': /^(?:cut|sever(?:s|ed|ing)?|suspend(?:s|ed|ing)?|suspension|broke|broken|break(?:s|ing)?|ruptur(?:e|ed|ing)|terminat(?:e|ed|ing)|withdr[ae]w(?:n|al)?)$/u,
  establishing: /^(?:(?:re-?)?establish(?:es|ed|ing|ment)?|restor(?:e|ed|ing|ation)|resum(?:e|ed|ing|ption)|normali[sz](?:e|ed|ing|ation))$/u,
  exchange: /^(?:exchang(?:e|es|ed|ing)|swap(?:s|ped|ping)?|releas(?:e|ed|ing)|freed)$/u,
  overthrow: /^(?:coup|overthr(?:ow|ew|own|owing)|oust(?:s|ed|ing|er)?|toppl(?:e|ed|ing)|depos(?:e|ed|ing))$/u,
  signing: /^(?:sign(?:s|ed|ing)|ratif(?:y|ied|ying|ication))$/u,
  death: /^(?:died|death|killed|suicide|assassinat(?:ed|ion)|execut(?:ed|ion))$/u,
  election: /^(?:elected|election|inaugurat(?:ed|ion)|sworn)$/u,
  arrival: /^(?:visit(?:s|ed|ing)?|arriv(?:e|ed|al|ing))$/u,
};
/** Words before a date that still belong to its clause. */
const WINDOW = 12;
/** Characters allowed per word when reading the WINDOW words before a date (generous: English words average ~6). */
const MAX_WORD_CHARS = 40;
/** Dates further apart than this many days are more likely two events than one event misdated. */
const MAX_DAY_GAP = 7;
const STOP = new Set(['the', 'and', 'that', 'this', 'with', 'from', 'were', 'was', 'had', 'have', 'been', 'having', 'which', 'they', 'their', 'also', 'however', 'amid', 'into', 'after', 'before', 'when', 'then', 'only', 'would', 'could', 'over']);

interface DatedEvent {
  readonly day: number;
  readonly month: number;
  readonly year: number;
  readonly kinds: ReadonlySet<string>;
  readonly terms: ReadonlyMap<string, string>;
  readonly sentence: { readonly from: number; readonly to: number };
  readonly date: string;
}

/** Contradiction findings: a flag on each of the two passages, naming the other's date. Never throws. */
export function detectContradictions(parsed: ParsedText): Flag[] {
  const events = datedEvents(parsed);
  const out: Flag[] = [];
  for (let i = 0; i < events.length; i++) {
    for (let j = i + 1; j < events.length; j++) {
      const a = events[i]!;
      const b = events[j]!;
      if (a.month !== b.month || a.year !== b.year || a.day === b.day) continue;
      if (Math.abs(a.day - b.day) > MAX_DAY_GAP || a.sentence.from === b.sentence.from) continue;
      const kind = [...a.kinds].find((k) => b.kinds.has(k));
      const shared = [...a.terms.keys()].filter((t) => b.terms.has(t)).map((t) => a.terms.get(t)!);
      if (!kind || shared.length === 0) continue;
      const what = `the same event (${kind}, ${shared.map((w) => `"${w}"`).join(', ')})`;
      out.push(flag('damage', 'contradiction', a.sentence, `The text contradicts itself: it dates ${what} ${a.date} here but ${b.date} in a later passage.`, 0.6));
      out.push(flag('damage', 'contradiction', b.sentence, `The text contradicts itself: it dates ${what} ${b.date} here but ${a.date} in an earlier passage.`, 0.6));
    }
  }
  return out;
}

function datedEvents(parsed: ParsedText): DatedEvent[] {
  const { source } = parsed;
  const out: DatedEvent[] = [];
  for (const block of parsed.blocks) {
    if (block.type !== 'paragraph' && block.type !== 'list-item') continue;
    const range = blockRange(block);
    if (!range) continue;
    for (const sentence of sentencesIn(source, range.from, range.to)) {
      const text = source.slice(sentence.from, sentence.to);
      // Full dates only (day, month and year), in any form the one date reader knows: `21 September 1973`, `Sept. 21, 1973`.
      for (const d of readDates(text)) {
        if (d.day === null || d.month === null || d.year === null) continue;
        const { day, month, year } = d;
        // Only the last WINDOW words count; reading a bounded stretch keeps a huge sentence with many dates linear.
        const at = sentence.from + d.from;
        const before = wordsIn(source, Math.max(sentence.from, at - WINDOW * MAX_WORD_CHARS), at).slice(-WINDOW).map((w) => w.text.toLowerCase());
        const kinds = new Set(Object.entries(EVENT_KINDS).filter(([, re]) => before.some((w) => re.test(w))).map(([k]) => k));
        if (!kinds.size) continue;
        const eventWords = new Set(before.filter((w) => Object.values(EVENT_KINDS).some((re) => re.test(w))));
        const terms = new Map(before.filter((w) => w.length >= 4 && !STOP.has(w) && !eventWords.has(w) && !MONTHS.includes(w)).map((w) => [stem(w), w] as const));
        out.push({ day, month, year, kinds, terms, sentence, date: text.slice(d.from, d.to) });
      }
    }
  }
  return out;
}

/** A crude stem: plural and verb endings off, so `relation`/`relations` meet. */
function stem(word: string): string {
  return word.replace(/(?:ing|ed|es|s)$/u, '');
}
