/**
 * The direction a claim states: an amount that rose or fell, relations
 * established or severed, something granted or refused, an event before or
 * after another; a negation nearby turns the direction round ("had not
 * severed relations" states what "maintained relations" states).
 *
 * Two accounts of one event in opposite directions disagree however alike
 * their words and figures: "risen by 9 percent" against "dropped by 9 per
 * cent". Words are recognised by general English forms, never by a text.
 */

/** What a direction is about. `order` signals carry the word they order against ("before the coup"). */
export type Axis = 'amount' | 'relations' | 'grant' | 'order';

/** One directional word of a unit, its sign after negation, and the phrase that shows it. */
export interface DirectionSignal {
  readonly axis: Axis;
  readonly sign: 1 | -1;
  /** For `order`: the folded word after "before"/"after"; '' otherwise. */
  readonly about: string;
  /** Offsets of the phrase in the unit text ("rose by 9%", "severed relations"). */
  readonly from: number;
  readonly to: number;
  readonly phrase: string;
}

const LEXICON: ReadonlyArray<readonly [Axis, 1 | -1, RegExp]> = [
  ['amount', 1, /^(?:rise|rises|rose|risen|rising|increase[sd]?|increasing|grow|grows|grew|grown|growing|expand(?:s|ed|ing)?|climb(?:s|ed|ing)?|gain(?:s|ed)?|boost(?:s|ed)?|doubled|tripled|surge[sd]?|soar(?:s|ed|ing)?|jump(?:s|ed)?|raised?|raising)$/u],
  ['amount', -1, /^(?:fall|falls|fell|fallen|falling|drop(?:s|ped|ping)?|decline[sd]?|declining|decrease[sd]?|decreasing|reduce[sd]?|reducing|shrank|shrunk|shrink(?:s|ing)?|lowered|slump(?:s|ed)?|plunge[sd]?|diminish(?:es|ed|ing)?|halved|cut|cuts|cutting)$/u],
  ['relations', 1, /^(?:establish(?:es|ed|ing)?|re-?establish(?:es|ed|ing)?|restore[sd]?|restoring|resume[sd]?|resuming|normali[sz]ed?|maintain(?:s|ed|ing)?|renew(?:s|ed)?|launched|opened)$/u],
  ['relations', -1, /^(?:sever(?:s|ed|ing)?|suspend(?:s|ed|ing)?|suspension|break(?:s|ing)?|broke|broken|rupture[sd]?|cut|cuts|cutting|closed)$/u],
  ['grant', 1, /^(?:grant(?:s|ed|ing)?|approve[sd]?|approving|authori[sz]e[sd]?|agree[sd]?|accept(?:s|ed)?|provide[sd]?|providing|offer(?:s|ed|ing)?|extend(?:s|ed)?)$/u],
  ['grant', -1, /^(?:refuse[sd]?|refusing|den(?:y|ies|ied)|reject(?:s|ed|ing)?|withh[eo]ld(?:s|ing)?)$/u],
  ['order', 1, /^after$/u],
  ['order', -1, /^before$/u],
];

/** Words that turn the direction of the next directional word round. */
const NEGATION = /^(?:not|never|no|neither|nor|without|n't|hardly|failed)$/u;
/** Words of the relations axis: a relations verb means nothing without them nearby. */
const RELATIONS_NOUN = /^(?:relations?|ties|diplomatic|embass(?:y|ies)|recognition)$/u;
/** How many words a negation reaches forward, and a relations noun either way. */
const NEGATION_REACH = 3;
const NOUN_REACH = 4;
/** Words after an amount verb that its phrase may include, to show its figure ("rose by 9 percent"). */
const PHRASE_REACH = 5;

/** The directional signals of `text`, in text order. Never throws. */
export function directionsOf(text: string): DirectionSignal[] {
  const words = [...text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’%.-]*/gu)].map((m) => ({
    w: m[0].toLowerCase().replace(/[.]+$/u, ''),
    from: m.index,
    to: m.index + m[0].replace(/[.]+$/u, '').length,
  }));
  const signals: DirectionSignal[] = [];
  words.forEach((word, i) => {
    const near = (reach: number) => words.slice(Math.max(0, i - reach), i + reach + 1).some((x) => RELATIONS_NOUN.test(x.w));
    const negated = words.slice(Math.max(0, i - NEGATION_REACH), i).some((x) => NEGATION.test(x.w) || x.w.endsWith("n't"));
    for (const [axis, sign, re] of LEXICON) {
      if (!re.test(word.w)) continue;
      // A relations verb needs its noun; an amount verb near "relations" is a relations verb ("cut relations").
      if (axis === 'relations' && !near(NOUN_REACH)) continue;
      if (axis === 'amount' && near(2)) continue;
      const about = axis === 'order' ? (words[i + 1]?.w === 'the' ? words[i + 2]?.w : words[i + 1]?.w) ?? '' : '';
      if (axis === 'order' && (about === '' || /^\d/u.test(about))) continue;
      const end = phraseEnd(text, words, i, axis);
      signals.push({
        axis,
        sign: (negated && axis !== 'order' ? -sign : sign) as 1 | -1,
        about,
        from: word.from,
        to: end,
        phrase: text.slice(word.from, end),
      });
      break;
    }
  });
  return signals;
}

/** Where a signal's phrase ends: an amount verb takes its figure along, a relations verb its noun. */
function phraseEnd(text: string, words: ReadonlyArray<{ w: string; from: number; to: number }>, i: number, axis: Axis): number {
  const own = words[i]!.to;
  const reach = words.slice(i + 1, i + 1 + PHRASE_REACH);
  const clauseEnd = text.slice(own).search(/[,;:()]|\.(?:\s|$)/u);
  const limit = clauseEnd < 0 ? text.length : own + clauseEnd;
  if (axis === 'amount') {
    const figure = reach.findIndex((x) => /\d/u.test(x.w));
    if (figure >= 0 && reach[figure]!.to <= limit) {
      const unit = reach[figure + 1];
      const withUnit = unit && /^(?:percent|per|%)$/u.test(unit.w) ? (unit.w === 'per' ? reach[figure + 2] ?? unit : unit) : null;
      return Math.min(limit, (withUnit ?? reach[figure]!).to);
    }
  }
  if (axis === 'relations' || axis === 'order') {
    const noun = reach.find((x) => axis === 'order' || RELATIONS_NOUN.test(x.w));
    if (noun && noun.to <= limit && (axis === 'order' || noun.w.startsWith('relation') || noun.w === 'ties')) return noun.to;
  }
  return own;
}

/** A direction on which two claims disagree: the phrases as each text writes them. */
export interface DirectionDifference {
  readonly axis: Axis;
  readonly a: string;
  readonly b: string;
}

/**
 * Axes on which `a` and `b` point in opposite directions (each side all one
 * way on that axis, the two ways opposite), and axes on which they point
 * alike. An `order` axis compares only signals about the same word.
 */
export function compareDirections(
  a: readonly DirectionSignal[],
  b: readonly DirectionSignal[],
): { readonly differences: DirectionDifference[]; readonly agreements: string[] } {
  const differences: DirectionDifference[] = [];
  const agreements: string[] = [];
  const keyOf = (s: DirectionSignal) => `${s.axis}|${s.about}`;
  const keys = new Set(a.map(keyOf));
  for (const key of keys) {
    const sa = a.filter((s) => keyOf(s) === key);
    const sb = b.filter((s) => keyOf(s) === key);
    if (sb.length === 0) continue;
    const signA = oneWay(sa);
    const signB = oneWay(sb);
    if (signA === 0 || signB === 0) continue;
    if (signA !== signB) differences.push({ axis: sa[0]!.axis, a: sa[0]!.phrase, b: sb[0]!.phrase });
    else agreements.push(sa[0]!.phrase);
  }
  return { differences, agreements };
}

/** The sign all of `signals` share, or 0 when they point both ways. */
function oneWay(signals: readonly DirectionSignal[]): -1 | 0 | 1 {
  const signs = new Set(signals.map((s) => s.sign));
  return signs.size === 1 ? [...signs][0]! : 0;
}
