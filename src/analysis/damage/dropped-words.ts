/**
 * Clauses whose words were dropped, where grammar alone shows it. Kept to a
 * few precise patterns:
 * - the infinitive marker followed directly by a modal (`to would`), or by a
 *   transitive verb and then a modal, its object gone (`attempt to do would`);
 * - a determiner followed directly by a preposition, conjunction or modal (`the of`);
 * - a past-tense verb followed by a parenthesis that opens with "of" (other
 *   prepositions open ordinary asides: "(in part)"), its object gone (`achieved (of 36 percent`);
 * - inside a paragraph, a "sentence" that is nothing but a name
 *   (`… beyond that. Stanislav Svoboda. Prague's ambassador …`): a comma became
 *   a period, or the words around the name were lost.
 */
import type { ParsedText } from '../../document/structure.ts';
import { flag, type Flag } from '../finding.ts';
import { blockRange, sentencesIn } from '../text.ts';

const MODALS = 'would|could|should|will|shall|can|may|might|must';
const PATTERNS: readonly { readonly re: RegExp; readonly why: string }[] = [
  { re: new RegExp(`\\bto\\s+(?:${MODALS})\\b`, 'giu'), why: 'the infinitive "to" is followed directly by a modal verb' },
  {
    re: new RegExp(`\\bto\\s+(?:do|make|take|give|put|get|achieve|prevent)\\s+(?:${MODALS})\\b`, 'giu'),
    why: 'a verb that needs an object is followed directly by a modal verb: its object (e.g. "so") is missing',
  },
  {
    re: new RegExp(`\\b(?:the|a|an)\\s+(?:of|to|in|on|at|by|for|with|from|and|or|but|${MODALS})\\b`, 'giu'),
    why: 'a determiner is followed directly by a preposition, conjunction or modal: the noun is missing',
  },
  {
    re: /\b\p{Ll}{3,}ed\s+\(of\b/giu,
    why: 'the verb is followed by a parenthesis opening with "of": the verb\'s object is missing',
  },
];

/** Two to four capitalised words and a period, nothing else. */
const NAME_ONLY = /^\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+){1,3}\.$/u;

/** Dropped-word findings in the paragraphs and list items of `parsed`. Never throws. */
export function detectDroppedWords(parsed: ParsedText): Flag[] {
  const { source } = parsed;
  const out: Flag[] = [];
  for (const block of parsed.blocks) {
    if (block.type !== 'paragraph' && block.type !== 'list-item') continue;
    const range = blockRange(block);
    if (!range) continue;
    const text = source.slice(range.from, range.to);
    for (const { re, why } of PATTERNS) {
      for (const m of text.matchAll(re)) {
        const span = { from: range.from + m.index!, to: range.from + m.index! + m[0].length };
        out.push(flag('damage', 'garbled', span, `Words seem dropped in "${m[0].replace(/\s+/gu, ' ')}": ${why}.`, 0.6));
      }
    }
    const sentences = sentencesIn(source, range.from, range.to);
    for (let k = 1; k < sentences.length; k++) {
      const s = sentences[k]!;
      const words = source.slice(s.from, s.to);
      if (!NAME_ONLY.test(words)) continue;
      out.push(flag('damage', 'garbled', s, `"${words}" stands as a sentence but is only a name: its punctuation or the words around it are damaged.`, 0.5));
    }
  }
  return out;
}
