/**
 * Full-text search: the public API, named export by export. Pure (no DOM), so
 * the CLI and the search worker import it; painting hits on the page is
 * `highlight.ts`, imported by the reader alone.
 */
export {
  SearchEngine,
  SearchIndexError,
  type AnnotationText,
  type AnnotationTextKind,
  type SearchDocument,
  type SearchGroup,
  type SearchHit,
  type SearchOptions,
  type SearchResults,
  type SerializedSearchIndex,
} from './engine.ts';
export { foldWord } from '../text/fold.ts';
export { parseQuery, type ParsedQuery, type PhraseUnit, type PrefixUnit, type QueryUnit, type TermUnit } from './query.ts';
export { makeSnippet, type MatchRange, type Snippet } from './snippet.ts';
export { tokenize, isWordGap, type WordToken } from './tokenize.ts';
