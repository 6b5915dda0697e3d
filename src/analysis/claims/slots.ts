/**
 * Slots of a claim: the dates, numbers and amounts, and names it states,
 * each with a normalised value so that two texts' slots can be compared.
 * Offsets are relative to the unit text they were read from.
 */
import { dateLabel, MONTH_NAMES, readDates, type DateMention } from '../../text/dates.ts';
import { readNumbers, type NumberBound, type NumberMention } from '../../text/quantities.ts';
import { fold, wordKey } from './normalize.ts';

// The date and quantity readers live in the text toolkit (src/text); claims read slots through them.
export { dateLabel, readDates, readNumbers, type NumberBound };

/** A calendar date at the precision the text gives it (read by the text toolkit's one date reader). */
export type DateSlot = DateMention;

/** A number or an amount, with its unit (read by the text toolkit's one quantity reader). */
export type NumberSlot = NumberMention;

/** A capitalised name sequence (a person, a place, an organisation). */
export interface NameSlot {
  readonly kind: 'name';
  readonly from: number;
  readonly to: number;
  /** The comparison keys of its words (folded, transliteration-reduced). */
  readonly keys: readonly string[];
  readonly label: string;
}

/** The slots of one unit, each list in text order. */
export interface Slots {
  readonly dates: readonly DateSlot[];
  readonly numbers: readonly NumberSlot[];
  readonly names: readonly NameSlot[];
}

/** Capitalised words that are not names when they open a sentence or stand alone. */
const NOT_NAMES: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'in', 'on', 'at', 'by', 'for', 'of', 'to', 'and', 'but', 'or', 'as', 'after', 'before', 'when',
  'while', 'although', 'though', 'however', 'this', 'that', 'these', 'those', 'it', 'its', 'their', 'his', 'her',
  'he', 'she', 'they', 'we', 'i', 'there', 'both', 'since', 'during', 'with', 'from', 'until', 'even', 'nonetheless',
  'moreover', 'furthermore', 'lastly', 'finally', 'thus', 'then', 'also', 'yet', 'so', 'if', 'because', 'such', 'many',
  'some', 'most', 'other', 'another', 'one', 'all', 'no', 'not', 'starting', 'following', 'according', 'despite',
  'economically', 'politically', 'similarly', 'meanwhile', 'instead', 'indeed', 'still', 'what', 'which', 'who',
  'whose', 'where', 'why', 'how', 'our', 'my', 'your',
  // Titles and offices: the person is the name, not the office ("Mayor Dorn", "KGB Chairman Andropov").
  'mr', 'mrs', 'ms', 'dr', 'sir', 'lord', 'lady', 'gen', 'general', 'president', 'vice', 'prime', 'minister', 'premier',
  'chancellor', 'mayor', 'governor', 'senator', 'ambassador', 'chairman', 'secretary', 'deputy', 'king', 'queen',
  'prince', 'princess', 'emperor', 'pope', 'bishop', 'cardinal', 'colonel', 'captain', 'admiral', 'marshal',
  'lieutenant', 'sergeant', 'major', 'commander', 'professor', 'director', 'leader', 'chief', 'first',
  ...MONTH_NAMES,
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
]);
/** Lower-case particles inside names (Eduardo Frei Montalva, Luis de la Cruz). */
const NAME_PARTICLES = /^(?:de|del|la|las|los|van|von|der|da|do|dos|y|al|el|bin|ibn)$/u;

/**
 * Capitalised name sequences in `text` (people, places, parties), with their
 * word keys; sentence-opening function words and months are not names.
 */
export function readNames(text: string): NameSlot[] {
  const names: NameSlot[] = [];
  const word = /[\p{L}][\p{L}\p{M}'’-]*/gu;
  let run: Array<{ from: number; to: number; w: string }> = [];
  const flush = () => {
    while (run.length && NAME_PARTICLES.test(run[run.length - 1]!.w)) run.pop();
    const kept = run.filter((r, i) => !NOT_NAMES.has(fold(stripApos(r.w))) && !NAME_PARTICLES.test(r.w) && !(i === 0 && run.length === 1 && opensSentence(text, r.from) && /\p{Ll}ly$/u.test(r.w)));
    if (kept.length) {
      const from = kept[0]!.from;
      const to = kept[kept.length - 1]!.to;
      names.push({ kind: 'name', from, to, keys: kept.map((r) => wordKey(r.w)), label: text.slice(from, to) });
    }
    run = [];
  };
  let lastEnd = 0;
  for (let m = word.exec(text); m; m = word.exec(text)) {
    const gap = text.slice(lastEnd, m.index);
    const capital = /^\p{Lu}/u.test(m[0]);
    const joinable = run.length > 0 && /^[\s]+$/u.test(gap);
    if (!joinable) flush();
    if (capital || (joinable && NAME_PARTICLES.test(m[0]))) run.push({ from: m.index, to: m.index + m[0].length, w: m[0] });
    else flush();
    lastEnd = m.index + m[0].length;
  }
  flush();
  return names;
}

/** Whether a word stands first in its sentence (only space, quotes or brackets before it since a stop or the start). */
function opensSentence(text: string, at: number): boolean {
  return /(?:^|[.!?]\s)[\s"“‘'([]*$/u.test(text.slice(Math.max(0, at - 8), at));
}

function stripApos(w: string): string {
  return w.replace(/['’]s?$/u, '');
}

/** All slots of a unit text. */
export function readSlots(text: string): Slots {
  const dates = readDates(text);
  return { dates, numbers: readNumbers(text, dates), names: readNames(text) };
}
