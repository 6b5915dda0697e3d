/** A search hit whose snippet is made when first read (apart from the engine: the page makes snippets of a worker's hits). */
import type { SearchHit } from './engine.ts';
import type { Snippet } from './snippet.ts';

/**
 * The hit with its snippet made on first read: a frequent word has thousands
 * of hits, of which a reader sees a screenful, while the highlights need only
 * the match ranges. The snippet is an enumerable property like any other
 * (JSON and deep comparison see it).
 */
export function withLazySnippet(hit: Omit<SearchHit, 'snippet'>, make: () => Snippet): SearchHit {
  let snippet: Snippet | null = null;
  return Object.defineProperty(hit, 'snippet', { get: () => (snippet ??= make()), enumerable: true }) as SearchHit;
}
