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
  ['overthrow', 'overthrew', 'overthrown', 'oust', 'ouster', 'depose', 'topple'],
  ['release', 'freed', 'liberate', 'liberation'],
  ['exchange', 'swap'],
  // Not "detention": its stem is that of "détente".
  ['prison', 'prisoner', 'imprison', 'imprisonment', 'jail', 'detain'],
  ['restore', 'restoration', 'reestablish', 'resume', 'resumption'],
  ['visit', 'trip', 'travel', 'journey'],
  ['credit', 'loan', 'lend', 'lent'],
  ['aid', 'assistance', 'assist'],
  ['kill', 'murder', 'assassinate', 'assassination'],
  ['elect', 'election', 'electoral', 'polls', 'ballot'],
  ['hesitant', 'hesitancy', 'hesitation', 'hesitate', 'reluctant', 'reluctance', 'wary', 'wariness', 'unwilling', 'unwillingness', 'restraint', 'cautious', 'caution'],
  ['repress', 'repression', 'persecute', 'persecution', 'harass', 'harassment', 'mistreat', 'mistreatment', 'threaten', 'menace', 'crackdown'],
  ['exile', 'emigrate', 'emigrant', 'emigration', 'flee', 'fled', 'refugee', 'exodus', 'diaspora'],
  ['endanger', 'jeopardize', 'jeopardise', 'risk', 'imperil'],
  ['win', 'won', 'victory', 'victorious'],
];

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

function computeTermKey(word: string): string | null {
  const folded = stripPossessive(fold(word));
  if (folded.length < 2 || /^\d/u.test(folded) || EXTRA_STOP_WORDS.has(folded)) return null;
  if (lunr.stopWordFilter(new lunr.Token(folded, {})) === undefined) return null;
  const stemmed = stem(folded);
  return transliterationKey(SYNONYM_OF.get(stemmed) ?? stemmed);
}

/** The terms of `text`, in order. */
export function termsOf(text: string): Term[] {
  const terms: Term[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    const key = termKey(m[0]);
    if (key) terms.push({ from: m.index, to: m.index + m[0].length, key });
  }
  return terms;
}
