/**
 * What the reader's thread and the search worker say to each other. Results
 * cross as plain data without snippets: a frequent word has thousands of hits
 * and a reader sees a screenful, so snippets are made on the reader's side on
 * first read (`fromWire`), from the texts it already holds.
 */
import type { AnnotationText, SearchDocument, SearchHit, SearchOptions, SearchResults } from '../../search/engine.ts';
import { withLazySnippet } from '../../search/lazy-snippet.ts';
import { makeSnippet } from '../../search/snippet.ts';

/** One request; the worker answers them strictly in the order sent. */
export type SearchRequest =
  | { readonly kind: 'documents'; readonly documents: readonly SearchDocument[] }
  /** A prebuilt index (`SearchEngine.toJSON`) as UTF-8 JSON bytes, decoded and parsed in the worker. */
  | { readonly kind: 'load'; readonly bytes: ArrayBuffer }
  | { readonly kind: 'annotations'; readonly texts: readonly AnnotationText[] }
  | { readonly kind: 'prepare' }
  | { readonly kind: 'search'; readonly query: string; readonly options: SearchOptions };

export interface SearchEnvelope {
  readonly id: number;
  readonly request: SearchRequest;
}

/** A hit as sent: everything but the snippet. */
export type WireHit = Omit<SearchHit, 'snippet'>;

/** Results as sent: groups name their hits by index into `hits`, which are sent once. */
export interface WireResults {
  readonly query: string;
  readonly parsed: SearchResults['parsed'];
  readonly hits: readonly WireHit[];
  readonly groups: readonly { readonly document: string; readonly hits: readonly number[]; readonly matchCount: number }[];
  readonly hint: string | null;
}

/** The search side's state after a request: how often it built the text index, and whether every body is indexed. */
export interface HostState {
  readonly builds: number;
  readonly ready: boolean;
}

export type SearchReply =
  | { readonly id: number; readonly ok: true; readonly state: HostState; readonly results: WireResults | null }
  | { readonly id: number; readonly ok: false; readonly state: HostState; readonly error: string };

/** `results` as plain data, reading no snippet. */
export function toWire(results: SearchResults): WireResults {
  const index = new Map<SearchHit, number>();
  const hits = results.hits.map((hit, i): WireHit => {
    index.set(hit, i);
    const { document, source, score, from, to, matches, annotation } = hit;
    return annotation ? { document, source, score, from, to, matches, annotation } : { document, source, score, from, to, matches };
  });
  return {
    query: results.query,
    parsed: results.parsed,
    hits,
    groups: results.groups.map((g) => ({ document: g.document, hits: g.hits.map((h) => index.get(h)!), matchCount: g.matchCount })),
    hint: results.hint,
  };
}

/**
 * Results as `SearchEngine.search` gives them, snippets made on first read:
 * a text hit's from `documents`, an annotation hit's from the body in `bodies`
 * (the bodies as they were when the search was sent).
 */
export function fromWire(wire: WireResults, documents: readonly SearchDocument[], bodies: ReadonlyMap<string, string>): SearchResults {
  const sources = new Map(documents.map((d) => [d.id, d.source]));
  const hits = wire.hits.map((hit) =>
    withLazySnippet({ ...hit }, () => {
      if (hit.annotation) {
        const body = bodies.get(hit.annotation.id) ?? '';
        return makeSnippet(body, 0, body.length, hit.annotation.bodyMatches);
      }
      return makeSnippet(sources.get(hit.document) ?? '', hit.from, hit.to, hit.matches);
    }),
  );
  return {
    query: wire.query,
    parsed: wire.parsed,
    hits,
    groups: wire.groups.map((g) => ({ document: g.document, hits: g.hits.map((i) => hits[i]!), matchCount: g.matchCount })),
    hint: wire.hint,
  };
}
