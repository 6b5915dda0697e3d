/**
 * lunr configuration shared by every index the reader builds or loads.
 *
 * Each indexed passage has two fields: `body`, folded and stemmed (so
 * "relations" finds "related"), and `exact`, folded only (so prefixes and
 * phrases match the words as written). The same functions run in the index
 * pipeline and the search pipeline; they are registered with lunr when this
 * module loads, which is before any `lunr.Index.load` can run, because every
 * module that loads an index imports this one.
 */
import lunr from 'lunr';
import { foldWord } from '../text/fold.ts';
import type { WordToken } from './tokenize.ts';

/** The stemmed field. */
export const BODY_FIELD = 'body';
/** The folded, unstemmed field: prefixes and phrases are matched here. */
export const EXACT_FIELD = 'exact';
export type SearchField = typeof BODY_FIELD | typeof EXACT_FIELD;

/** lunr's English stemmer mangles other scripts; only plain Latin words are stemmed. */
const STEMMABLE = /^[a-z]+$/u;

interface FieldMetadata {
  readonly fields?: readonly string[];
}

/** Pipeline step: the folded term (see `foldWord`), or nothing when folding leaves no character. */
export const foldStep: lunr.PipelineFunction = (token) => {
  const folded = token.update((s) => foldWord(s));
  return folded.toString() === '' ? null : folded;
};

/** Pipeline step: stems terms of the `body` field only; `exact` terms pass unchanged. */
export const stemBodyStep: lunr.PipelineFunction = (token, i, tokens) => {
  const meta = (token as unknown as { metadata: FieldMetadata }).metadata;
  if (!meta?.fields?.includes(BODY_FIELD) || !STEMMABLE.test(token.toString())) return token;
  return (lunr.stemmer as unknown as lunr.PipelineFunction)(token, i, tokens);
};

lunr.Pipeline.registerFunction(foldStep, 'reader-fold');
lunr.Pipeline.registerFunction(stemBodyStep, 'reader-stem-body');

/** Metadata keys lunr keeps per term occurrence: `position` is `[from, length]` in source code units. */
const METADATA = ['position'];

/**
 * Longest term indexed, in code units: a longer word is indexed by its start
 * (its position still covers all of it). Queries ignore longer words anyway
 * (query.ts), and one giant term makes lunr's token-set builder create a node
 * per character, which a 15 MB word turned into a RangeError.
 */
export const MAX_TERM_LENGTH = 64;

/** The first MAX_TERM_LENGTH code units of `word`, never ending in half a surrogate pair. */
function termOf(word: string): string {
  if (word.length <= MAX_TERM_LENGTH) return word;
  const end = /[\uD800-\uDBFF]/.test(word.charAt(MAX_TERM_LENGTH - 1)) ? MAX_TERM_LENGTH - 1 : MAX_TERM_LENGTH;
  return word.slice(0, end);
}

/**
 * lunr tokenizer adapter: the field value is the passage's `WordToken[]`
 * (already carrying source offsets), each turned into a lunr token (its
 * first MAX_TERM_LENGTH characters) with its position and field. Any other
 * value gives no tokens.
 */
function tokensToLunr(value: unknown, metadata?: object): lunr.Token[] {
  if (!Array.isArray(value)) return [];
  return (value as WordToken[]).map(
    (w) => new lunr.Token(termOf(w.text), { ...(metadata ?? {}), position: [w.from, w.to - w.from] }),
  );
}

/** A passage as lunr sees it: ref plus the same words for both fields. */
export interface LunrDoc {
  readonly ref: string;
  readonly body: readonly WordToken[];
  readonly exact: readonly WordToken[];
}

/**
 * Builds a lunr index over `docs` with the reader's tokenizer and pipelines.
 * Throws only what lunr throws for a duplicate-free list of refs (nothing in practice).
 */
export function buildLunrIndex(docs: readonly LunrDoc[]): lunr.Index {
  return lunr(function () {
    this.ref('ref');
    this.field(BODY_FIELD);
    this.field(EXACT_FIELD);
    this.tokenizer = tokensToLunr as unknown as typeof lunr.tokenizer;
    this.pipeline.reset();
    this.pipeline.add(foldStep, stemBodyStep);
    this.searchPipeline.reset();
    this.searchPipeline.add(foldStep, stemBodyStep);
    this.metadataWhitelist = METADATA;
    for (const doc of docs) this.add(doc);
  });
}

const termPipeline = new lunr.Pipeline();
termPipeline.add(foldStep, stemBodyStep);

/**
 * The index term(s) a query word becomes in `field`, through the same search
 * pipeline lunr runs; empty when folding leaves nothing.
 */
export function indexTerms(word: string, field: SearchField): string[] {
  const run = termPipeline.runString as unknown as (s: string, meta: object) => string[];
  return run.call(termPipeline, word, { fields: [field] });
}
