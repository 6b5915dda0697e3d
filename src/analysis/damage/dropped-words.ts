/**
 * Clauses whose words were dropped, where grammar alone shows it. Kept to a
 * few precise patterns:
 * - the infinitive marker followed directly by a modal (`to would`), or by a
 *   transitive verb and then a modal, its object gone (`attempt to do would`);
 * - a determiner followed directly by a preposition or conjunction (`the of`),
 *   or by a modal that is then used as a verb (`the will be`): `will`, `can`,
 *   `may`, `might` and `must` are also nouns (`the will of the people`, `the
 *   can of paint`), so a modal after a determiner needs a verb after it;
 * - a preposition followed directly by "per cent", its number gone (`at the rate of per cent`);
 * - a past-tense verb followed by a parenthesis that opens with "of" (other
 *   prepositions open ordinary asides: "(in part)"), its object gone (`achieved (of 36 percent`);
 * - inside a paragraph, a "sentence" that is nothing but a name
 *   (`… beyond that. Stanislav Svoboda. Prague's ambassador …`): a comma became
 *   a period, or the words around the name were lost.
 * Particles of phrasal verbs (`break off`, `set up`) are never evidence.
 * Only running prose is read (see `../prose.ts`): a reference entry is a
 * string of names and titles. Each rule backs off in a text where it fires on
 * a large share of the sentences (see `genre.ts`).
 */
import type { ParsedText } from '../../document/structure.ts';
import { damageFlag, type Flag } from '../finding.ts';
import { blockEndNotProse } from '../prose.ts';
import { blockRange, sentencesIn } from '../text.ts';
import { backOff } from './genre.ts';

const MODALS = 'would|could|should|will|shall|can|may|might|must';
/** Modals that are never nouns. */
const VERB_ONLY_MODALS = 'would|could|should|shall';
/** Words that, after a modal, show it is used as a verb (`the will be`, `the can not`). */
const AFTER_VERB_MODAL = 'be|have|not|never|also|only|still|then|now|soon|already|always|often|well|hardly|easily|probably|certainly|surely|perhaps|again|do|make|take|give|get|go|come|see';
/** Not preceded by a letter: `\b` is blind to accented letters (`Fogaça of` is not `a of`). */
const WORD_START = '(?<![\\p{L}\\p{M}])';
/** Not followed by a hyphen or a letter: `the in-laws` is a compound, not `the in`. */
const WORD_END = '(?![\\p{L}\\p{M}\\-‐])';

interface Pattern {
  readonly re: RegExp;
  readonly rule: string;
  /** What the match shows, as a clause. */
  readonly seen: string;
}

const PATTERNS: readonly Pattern[] = [
  { re: new RegExp(`${WORD_START}to\\s+(?:${MODALS})${WORD_END}`, 'giu'), rule: 'dropped/grammar:to-modal', seen: 'the infinitive "to" is followed directly by a modal verb' },
  {
    re: new RegExp(`${WORD_START}to\\s+(?:do|make|take|give|put|get|achieve|prevent)\\s+(?:${MODALS})${WORD_END}`, 'giu'),
    rule: 'dropped/grammar:verb-modal',
    seen: 'a verb that needs an object is followed directly by a modal verb, so its object (e.g. "so") is missing',
  },
  {
    re: new RegExp(`${WORD_START}[Tt]he\\s+(?:of|to|in|on|at|by|for|with|from|and|or|but|${VERB_ONLY_MODALS})${WORD_END}`, 'gu'),
    rule: 'dropped/grammar:determiner',
    seen: 'a determiner is followed directly by a preposition, conjunction or modal, so its noun is missing',
  },
  {
    // Not "a to", "a and", "a or": a letter names a point or an option there (`from a to b`).
    re: new RegExp(`${WORD_START}an?\\s+(?:of|in|on|at|by|for|with|from|but|${VERB_ONLY_MODALS})${WORD_END}`, 'gu'),
    rule: 'dropped/grammar:determiner',
    seen: 'a determiner is followed directly by a preposition or modal, so its noun is missing',
  },
  {
    re: new RegExp(`${WORD_START}(?:[Tt]he|an?)\\s+(?:will|can|may|might|must)\\s+(?:${AFTER_VERB_MODAL})${WORD_END}`, 'gu'),
    rule: 'dropped/grammar:determiner',
    seen: 'a determiner is followed directly by a modal used as a verb, so its noun is missing',
  },
  {
    // "per cent" measures a number: after a preposition, the number is gone (`at the rate of per cent`).
    re: new RegExp(`${WORD_START}(?:of|at|by|to|from)\\s+(?:per\\s?cent|percent)${WORD_END}`, 'giu'),
    rule: 'dropped/grammar:per-cent',
    seen: '"per cent" follows a preposition directly, so the number it measures is missing',
  },
  {
    re: /\b\p{Ll}{3,}ed\s+\(of\b/gu,
    rule: 'dropped/grammar:verb-parenthesis',
    seen: 'the verb is followed by a parenthesis opening with "of", so the verb\'s object is missing',
  },
];

/** A list's number or letter standing alone (`18.`, `iv.`, `(b)`). */
const ENUMERATOR = /^\(?(?:\d{1,4}|[ivxlc]{1,6}|[a-z])[.)]$/iu;
/** Two to four capitalised words and a period, nothing else. */
const NAME_ONLY = /^\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+){1,3}\.$/u;

/** Dropped-word findings in the prose paragraphs and list items of `parsed`. Never throws. */
export function detectDroppedWords(parsed: ParsedText): Flag[] {
  const { source } = parsed;
  const out: Flag[] = [];
  let examined = 0;
  for (const block of parsed.blocks) {
    if (block.type !== 'paragraph' && block.type !== 'list-item') continue;
    const range = blockRange(block);
    if (!range) continue;
    const lines = block.segments.map((s) => source.slice(s.from, s.to));
    const role = blockEndNotProse({ type: 'paragraph', lines });
    if (role === 'a reference entry' || role === 'code or an indented quotation' || role === 'a table row' || role === 'a caption') continue;
    const text = source.slice(range.from, range.to);
    const sentences = sentencesIn(source, range.from, range.to);
    examined += sentences.length;
    for (const { re, rule, seen } of PATTERNS) {
      for (const m of text.matchAll(re)) {
        const span = { from: range.from + m.index, to: range.from + m.index + m[0].length };
        const quote = m[0].replace(/\s+/gu, ' ');
        out.push(damageFlag('garbled', span, { conclusion: `Words seem dropped in "${quote}"`, evidence: [seen], confidence: 0.6, rule }));
      }
    }
    for (let k = 1; k < sentences.length; k++) {
      const s = sentences[k]!;
      const words = source.slice(s.from, s.to);
      if (!NAME_ONLY.test(words)) continue;
      // After an enumerator alone (`18. War Song.`) the name is a list entry's title, not a sentence cut from prose.
      const prior = sentences[k - 1]!;
      if (ENUMERATOR.test(source.slice(prior.from, prior.to))) continue;
      out.push(damageFlag('garbled', s, {
        conclusion: `"${words}" stands as a sentence but is only a name, so its punctuation or the words around it are damaged`,
        evidence: ['it has no verb', 'sentences stand before and after it in the same paragraph'],
        confidence: 0.5,
        rule: 'dropped/name-sentence',
      }));
    }
  }
  return backOff(out, examined);
}
