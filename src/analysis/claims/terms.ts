/**
 * The words of a unit as comparison terms: folded, possessive-free,
 * stemmed (lunr's English stemmer), merged with their synonyms in a small
 * thesaurus of event words, and transliteration-reduced, without
 * stop words and digits (numbers are compared as slots, not as words).
 */
import lunr from 'lunr';
import { fold, stripPossessive, transliterationKey } from './normalize.ts';

/** One word of a unit and its comparison term. */
export interface Term {
  /** Offsets in the unit text. */
  readonly from: number;
  readonly to: number;
  readonly key: string;
}

/** Frequent words lunr's list lacks that carry no claim. */
const EXTRA_STOP_WORDS: ReadonlySet<string> = new Set([
  'also', 'however', 'although', 'though', 'upon', 'within', 'without', 'whose', 'whom', 'which', 'while', 'many',
  'much', 'more', 'most', 'even', 'still', 'yet', 'thus', 'therefore', 'moreover', 'furthermore', 'one', 'two',
  'first', 'well', 'way', 'whether', 'would', 'could', 'should', 'might', 'must', 'shall', 'may', 'part', 'per',
  'between', 'both', 'each', 'among', 'toward', 'towards', 'onto', 'into', 'since', 'until', 'unless', 'further', 'other', 'another', 'such',
  // Light verbs in all their forms: they carry the grammar of a sentence, not its claim.
  'having', 'being', 'been', 'make', 'makes', 'made', 'making', 'take', 'takes', 'took', 'taken', 'taking', 'get',
  'gets', 'got', 'getting', 'give', 'gives', 'gave', 'given', 'giving', 'keep', 'keeps', 'kept', 'keeping', 'come',
  'comes', 'came', 'coming', 'go', 'goes', 'went', 'gone', 'going', 'become', 'becomes', 'became', 'becoming', 'seem',
  'seems', 'seemed', 'put', 'puts', 'including', 'according', 'regarding', 'concerning', 'does', 'did', 'done',
  'doing', 'say', 'says', 'said', 'saw', 'see', 'seen', 'way', 'ways', 'thing', 'things', 'time', 'times',
]);

/**
 * A small thesaurus of event words that histories use interchangeably for
 * one kind of event (irregular forms listed; regular inflections are left to
 * the stemmer). Each group folds to its first word. Kept to words whose
 * every sense names the same kind of event: "free" (as in free elections) is
 * left out, "freed" is in.
 */
const EVENT_SYNONYMS: ReadonlyArray<readonly string[]> = [
  ['sever', 'suspend', 'suspension', 'break', 'broke', 'broken', 'rupture'],
  ['overthrow', 'overthrew', 'overthrown', 'oust', 'ouster', 'depose', 'topple', 'coup', 'putsch'],
  ['release', 'freed', 'liberate', 'liberation'],
  ['exchange', 'swap'],
  // "detention" is mapped before stemming (its stem is that of "détente"): see SURFACE_SYNONYMS.
  ['prison', 'prisoner', 'imprison', 'imprisonment', 'jail', 'detain'],
  ['restore', 'restoration', 'reestablish', 'resume', 'resumption'],
  ['visit', 'trip', 'travel', 'journey'],
  ['credit', 'loan', 'lend', 'lent'],
  ['aid', 'assistance', 'assist'],
  ['kill', 'murder', 'assassinate', 'assassination'],
  ['elect', 'election', 'electoral', 'polls', 'ballot'],
  ['hesitant', 'hesitancy', 'hesitation', 'hesitate', 'reluctant', 'reluctance', 'wary', 'wariness', 'unwilling', 'unwillingness', 'restraint', 'cautious', 'caution', 'disinclined', 'averse', 'aversion', 'lukewarm', 'circumspect', 'indecisive', 'indecisiveness'],
  ['repress', 'repression', 'persecute', 'persecution', 'harass', 'harassment', 'mistreat', 'mistreatment', 'threaten', 'menace', 'crackdown', 'attack', 'abuse', 'abusive', 'assault'],
  ['exile', 'emigrate', 'emigrant', 'emigration', 'flee', 'fled', 'refugee', 'exodus', 'diaspora'],
  ['endanger', 'jeopardize', 'jeopardise', 'risk', 'imperil'],
  ['win', 'won', 'victory', 'victorious', 'triumph'],
  // Derivations the stemmer leaves apart.
  ['economy', 'economic', 'economically'],
  ['advise', 'advice', 'counsel', 'recommend', 'recommendation'],
  ['burden', 'commitment', 'obligation', 'cost', 'expense'],
  ['modest', 'limited', 'meagre', 'meager', 'paltry', 'scant', 'minimal', 'insufficient'],
  ['persuade', 'convince'],
];

/**
 * Surface words whose stem collides with an unrelated word's ("detention"
 * and "détente" both stem to "detent"): mapped to a thesaurus word before stemming.
 */
const SURFACE_SYNONYMS: ReadonlyMap<string, string> = new Map([
  ['detention', 'detain'],
  ['detentions', 'detain'],
]);

/**
 * Readiness words that, negated ("not willing", "not yet ready", "not
 * sufficiently confident"), state reluctance: they take the reluctance
 * term, so a negated paraphrase meets "hesitant" and "unwilling".
 */
const READINESS = /^(?:willing|inclined|ready|prepared|eager|keen|confident)$/u;
/** Negations that turn a readiness word into reluctance, and how many words back they reach. */
const NEGATORS = /^(?:not|never|no|hardly)$|n['’]t$/u;
const NEGATION_REACH = 3;
/** Words a "cut" needs near it to mean a break of relations, not a cut in an amount. */
const RELATIONS = /^(?:relations?|ties)$/u;
const RELATIONS_REACH = 3;

const stem = (folded: string): string => lunr.stemmer(new lunr.Token(folded, {})).toString();

/** Stem of a thesaurus word → stem of its group's first word. */
const SYNONYM_OF: ReadonlyMap<string, string> = new Map(
  EVENT_SYNONYMS.flatMap((group) => group.map((w) => [stem(w), stem(group[0]!)] as const)),
);

const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’]*/gu;

/** Keys already computed: texts repeat their words, and stemming is the costly step. */
const KEY_CACHE = new Map<string, string | null>();
/** Entries after which the cache starts afresh, so that a long session does not grow it without end. */
const KEY_CACHE_LIMIT = 50_000;

/** The comparison key of one surface word, or null for a stop word, a digit string or a single letter. */
export function termKey(word: string): string | null {
  const cached = KEY_CACHE.get(word);
  if (cached !== undefined) return cached;
  if (KEY_CACHE.size >= KEY_CACHE_LIMIT) KEY_CACHE.clear();
  const key = computeTermKey(word);
  KEY_CACHE.set(word, key);
  return key;
}

/**
 * The key of a word without the thesaurus: folded, stemmed,
 * transliteration-reduced; null as for `termKey`.
 */
export function stemKey(word: string): string | null {
  const folded = SURFACE_SYNONYMS.get(stripPossessive(fold(word))) ?? stripPossessive(fold(word));
  if (folded.length < 2 || /^\d/u.test(folded) || EXTRA_STOP_WORDS.has(folded)) return null;
  if (lunr.stopWordFilter(new lunr.Token(folded, {})) === undefined) return null;
  return transliterationKey(stem(folded));
}

function computeTermKey(word: string): string | null {
  const folded = SURFACE_SYNONYMS.get(stripPossessive(fold(word))) ?? stripPossessive(fold(word));
  if (folded.length < 2 || /^\d/u.test(folded) || EXTRA_STOP_WORDS.has(folded)) return null;
  if (lunr.stopWordFilter(new lunr.Token(folded, {})) === undefined) return null;
  const stemmed = stem(folded);
  return transliterationKey(SYNONYM_OF.get(stemmed) ?? stemmed);
}

/** The terms of `text`, in order; a negated readiness word becomes reluctance, a "cut" of relations a break. */
export function termsOf(text: string): Term[] {
  const words: Array<{ from: number; to: number; w: string }> = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) words.push({ from: m.index, to: m.index + m[0].length, w: m[0].toLowerCase() });
  const terms: Term[] = [];
  words.forEach((word, i) => {
    const key = contextKey(words, i) ?? termKey(text.slice(word.from, word.to));
    if (key) terms.push({ from: word.from, to: word.to, key });
  });
  return terms;
}

/** The key a word takes from its neighbours, or null when it keeps its own. */
function contextKey(words: ReadonlyArray<{ w: string }>, i: number): string | null {
  const w = words[i]!.w;
  if (READINESS.test(w) && words.slice(Math.max(0, i - NEGATION_REACH), i).some((x) => NEGATORS.test(x.w))) return termKey('unwilling');
  if (/^cut(?:s|ting)?$/u.test(w) && words.slice(i + 1, i + 1 + RELATIONS_REACH).some((x) => RELATIONS.test(x.w))) return termKey('sever');
  return null;
}
