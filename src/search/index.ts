/**
 * Full-text search: the public API, named export by export.
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
export {
  clearSearchHits,
  paintSearchHits,
  supportsHighlights,
  SEARCH_CURRENT_HIGHLIGHT,
  SEARCH_HIGHLIGHT_CSS,
  SEARCH_HIT_HIGHLIGHT,
  type HighlightTarget,
} from './highlight.ts';
export { parseQuery, type ParsedQuery, type PhraseUnit, type PrefixUnit, type QueryUnit, type TermUnit } from './query.ts';
export { makeSnippet, type MatchRange, type Snippet } from './snippet.ts';
export { tokenize, isWordGap, type WordToken } from './tokenize.ts';
