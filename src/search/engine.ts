/**
 * Full-text search over the reader's texts and the bodies of annotations.
 *
 * Texts are indexed passage by passage (the blocks `parsePlainText` finds);
 * every passage keeps its document id and source range, and every match is
 * reported as a source-text range in UTF-16 code units. Annotation bodies
 * (comments, flag and link descriptions) live in a second, sharded index
 * (annotation-index.ts) that no single body can break; their hits point at
 * the annotated span. It is never serialised: it is rebuilt from the bodies.
 */
import lunr from 'lunr';
import { parsePlainText } from '../document/parse.ts';
import { mergeRanges, unitMatches, type MatchMetadata } from './matches.ts';
import { BODY_FIELD, EXACT_FIELD, buildLunrIndex, type LunrDoc } from './pipeline.ts';
import { parseQuery, type ParsedQuery, type QueryUnit } from './query.ts';
import { makeSnippet, type MatchRange, type Snippet } from './snippet.ts';
import { withLazySnippet } from './lazy-snippet.ts';
import { checksum } from '../text/checksum.ts';

export { withLazySnippet };
import { tokenize } from './tokenize.ts';
import { AnnotationIndex, type AnnotationText, type AnnotationTextKind } from './annotation-index.ts';

export { ANNOTATION_SHARD_SIZE, MAX_INDEXED_BODY_LENGTH, type AnnotationText, type AnnotationTextKind } from './annotation-index.ts';

/** A text to index: its id (the manifest id), its source, and its known title if any. */
export interface SearchDocument {
  readonly id: string;
  readonly source: string;
  readonly title?: string | null;
}

/** One passage (or annotation) that matched every part of the query. */
export interface SearchHit {
  /** The document id. */
  readonly document: string;
  /** `text` for a passage of the document, `annotation` for an annotation body on it. */
  readonly source: 'text' | 'annotation';
  /** lunr's relevance score (higher is better; comparable within one source only). */
  readonly score: number;
  /** The passage's source range, or the annotated span for an annotation hit. */
  readonly from: number;
  readonly to: number;
  /** Keyword in context: for a passage, from its text; for an annotation, from its body. */
  readonly snippet: Snippet;
  /**
   * Source-text ranges `[start, end)` in code units, ascending: the matched words
   * (a phrase as one range) for a passage; the annotated span for an annotation hit.
   */
  readonly matches: readonly MatchRange[];
  /** For an annotation hit: which annotation, its kind, and the matches inside its body text. */
  readonly annotation?: {
    readonly id: string;
    readonly kind: AnnotationTextKind;
    readonly bodyMatches: readonly MatchRange[];
  };
}

/** The hits of one document, best first. */
export interface SearchGroup {
  readonly document: string;
  readonly hits: readonly SearchHit[];
  /** Number of match ranges in all its hits (what "12 matches" counts). */
  readonly matchCount: number;
}

/** The answer to one query. Empty results carry a hint for the user. */
export interface SearchResults {
  readonly query: string;
  readonly parsed: ParsedQuery;
  /** All hits, best first. */
  readonly hits: readonly SearchHit[];
  /** The same hits grouped by document, in the engine's document order; empty groups left out. */
  readonly groups: readonly SearchGroup[];
  /** Why there are no results and what to try, or null when there are results. */
  readonly hint: string | null;
}

export interface SearchOptions {
  /** Only this document's hits; null or undefined for all. */
  readonly document?: string | null;
  /** At most this many hits (the best). */
  readonly limit?: number;
  /** Include annotation hits (default true). */
  readonly annotations?: boolean;
}

/** Thrown by `SearchEngine.build`/`load` on unusable input; the message names what is wrong. */
export class SearchIndexError extends Error {
  override name = 'SearchIndexError';
}

/** A passage entry: document index and source range. */
type Passage = readonly [doc: number, from: number, to: number];

/** The serialised form written by `toJSON` and read by `load`. */
export interface SerializedSearchIndex {
  readonly format: typeof FORMAT;
  readonly version: typeof VERSION;
  readonly documents: readonly { readonly id: string; readonly length: number; readonly checksum: string }[];
  readonly passages: readonly Passage[];
  readonly index: object;
}

const FORMAT = 'annotated-reader-search-index';
const VERSION = 1;
/** Exact (unstemmed) matches rank above matches of another form of the word. */
const EXACT_BOOST = 2;

/**
 * A search engine over a fixed set of texts (`build` or `load`) plus a
 * changeable set of annotation bodies (`addAnnotations`, `removeAnnotations`).
 * `search` never throws.
 */
export class SearchEngine {
  private readonly annotations = new AnnotationIndex();

  private constructor(
    private readonly docs: readonly SearchDocument[],
    private readonly passages: readonly Passage[],
    private readonly index: lunr.Index,
  ) {}

  /**
   * Indexes `documents` passage by passage.
   * Throws SearchIndexError when two documents share an id or a source is not a string.
   */
  static build(documents: readonly SearchDocument[]): SearchEngine {
    checkDocuments(documents);
    const passages: Passage[] = [];
    const lunrDocs: LunrDoc[] = [];
    documents.forEach((doc, d) => {
      const parsed = parsePlainText(doc.source, { title: doc.title ?? null });
      for (const block of parsed.blocks) {
        const words = block.segments.flatMap((s) => tokenize(doc.source.slice(s.from, s.to), s.from));
        if (words.length === 0) continue;
        const ref = String(passages.length);
        const first = block.segments[0];
        const last = block.segments.at(-1);
        if (!first || !last) continue;
        passages.push([d, first.from, last.to]);
        lunrDocs.push({ ref, body: words, exact: words });
      }
    });
    return new SearchEngine(documents, passages, buildLunrIndex(lunrDocs));
  }

  /**
   * An engine from a prebuilt index (`toJSON` output) and the same documents'
   * sources (needed for snippets and phrase checks). Throws SearchIndexError
   * when the data is not such an index, or a document is missing or differs
   * from the one indexed.
   */
  static load(json: unknown, documents: readonly SearchDocument[]): SearchEngine {
    checkDocuments(documents);
    const data = json as Partial<SerializedSearchIndex> | null;
    if (!data || typeof data !== 'object' || data.format !== FORMAT) {
      throw new SearchIndexError('Not a serialised search index (the "format" field is missing or wrong).');
    }
    if (data.version !== VERSION) {
      throw new SearchIndexError(`Search index version ${String(data.version)} is not supported (expected ${VERSION}).`);
    }
    if (!Array.isArray(data.documents) || !Array.isArray(data.passages) || !data.index) {
      throw new SearchIndexError('The serialised search index lacks "documents", "passages" or "index".');
    }
    const byId = new Map(documents.map((d) => [d.id, d]));
    const ordered = (data.documents as readonly unknown[]).map((raw) => {
      const entry = (typeof raw === 'object' && raw !== null ? raw : {}) as Partial<SerializedSearchIndex['documents'][number]>;
      const doc = typeof entry.id === 'string' ? byId.get(entry.id) : undefined;
      if (!doc) throw new SearchIndexError(`The search index covers document "${String(entry.id)}", which was not given.`);
      if (doc.source.length !== entry.length || checksum(doc.source) !== entry.checksum) {
        throw new SearchIndexError(`Document "${doc.id}" differs from the text the search index was built from.`);
      }
      return doc;
    });
    for (const p of data.passages as readonly unknown[]) {
      const ok = isTriple(p) && p[1] >= 0 && p[1] <= p[2] && p[2] <= (ordered[p[0]]?.source.length ?? -1);
      if (!ok) throw new SearchIndexError(`The search index has a bad passage entry: ${JSON.stringify(p)}.`);
    }
    let index: lunr.Index;
    try {
      index = lunr.Index.load(data.index);
    } catch (e) {
      throw new SearchIndexError(`The serialised lunr index cannot be loaded: ${(e as Error).message}`);
    }
    return new SearchEngine(ordered, data.passages, index);
  }

  /** The ids of the indexed documents, in order. */
  get documentIds(): readonly string[] {
    return this.docs.map((d) => d.id);
  }

  /** The serialised index, for `load`; plain JSON data. Annotations are not included. */
  toJSON(): SerializedSearchIndex {
    return {
      format: FORMAT,
      version: VERSION,
      documents: this.docs.map((d) => ({ id: d.id, length: d.source.length, checksum: checksum(d.source) })),
      passages: this.passages,
      index: this.index.toJSON(),
    };
  }

  /**
   * Adds annotation bodies to the search (an item with a known id replaces the
   * old one; an unchanged one costs nothing) and indexes the shards that
   * changed. Items with an empty text or a bad field are skipped; only the
   * first MAX_INDEXED_BODY_LENGTH characters of a body are searched. Never throws.
   */
  addAnnotations(items: readonly AnnotationText[]): void {
    this.annotations.add(items);
  }

  /** Removes the annotations with these ids from the search (at the next addition or search); unknown ids are ignored. */
  removeAnnotations(ids: readonly string[]): void {
    this.annotations.remove(ids);
  }

  /** How many annotation shard indexes were built so far: a measure of indexing work, for tests and benchmarks. */
  get annotationShardsBuilt(): number {
    return this.annotations.shardsBuilt;
  }

  /** How many annotation bodies lunr could not index (each is left out alone; the others are found). */
  get unindexedAnnotations(): number {
    return this.annotations.unindexed;
  }

  /**
   * Searches for `query` (see `parseQuery` for the syntax). Never throws: any
   * string gives results, or no results with a `hint`.
   */
  search(query: string, options: SearchOptions = {}): SearchResults {
    const text = typeof query === 'string' ? query : '';
    const parsed = parseQuery(text);
    const filter = options.document ?? null;
    const empty = (hint: string): SearchResults => ({ query: text, parsed, hits: [], groups: [], hint });
    if (filter !== null && !this.docs.some((d) => d.id === filter)) return empty(`There is no text with id "${filter}".`);
    if (parsed.units.length === 0) {
      if (text.trim() === '') return empty('Type a word to search. Put a phrase in "quotes"; end a word with * to find words starting with it.');
      return empty(parsed.notes.length ? `Nothing left to search for. ${parsed.notes.join(' ')}` : 'Nothing to search for: the query has no letters or digits.');
    }
    const hits: SearchHit[] = [
      ...this.searchPassages(parsed.units, filter),
      ...(options.annotations === false ? [] : this.searchAnnotations(parsed.units, filter)),
    ].sort((a, b) => b.score - a.score || this.docOrder(a.document) - this.docOrder(b.document) || a.from - b.from);
    const limit = options.limit ?? Infinity;
    const kept = Number.isFinite(limit) ? hits.slice(0, Math.max(0, Math.trunc(limit))) : hits;
    if (kept.length === 0) {
      const notes = parsed.notes.length ? ` (${parsed.notes.join(' ')})` : '';
      return empty(
        (parsed.units.length > 1 ? 'No passage holds all of these words or phrases. Try fewer words, ' : 'No results. Try ') +
          'another spelling, or end a word with * to find words starting with it' +
          (filter !== null ? ', or search all texts.' : '.') + notes,
      );
    }
    return { query: text, parsed, hits: kept, groups: this.group(kept), hint: null };
  }

  private docOrder(id: string): number {
    return this.docs.findIndex((d) => d.id === id);
  }

  private group(hits: readonly SearchHit[]): SearchGroup[] {
    return this.docs
      .map((d) => {
        const own = hits.filter((h) => h.document === d.id);
        return { document: d.id, hits: own, matchCount: own.reduce((n, h) => n + h.matches.length, 0) };
      })
      .filter((g) => g.hits.length > 0);
  }

  private searchPassages(units: readonly QueryUnit[], filter: string | null): SearchHit[] {
    const out: SearchHit[] = [];
    for (const result of runQuery(this.index, units)) {
      const passage = this.passages[Number(result.ref)];
      if (!passage) continue;
      const doc = this.docs[passage[0]];
      if (!doc) continue; // the index was checked against these documents on load; a stray passage finds nothing
      if (filter !== null && doc.id !== filter) continue;
      const matches = allUnitsMatch(units, result.matchData.metadata as MatchMetadata, doc.source);
      if (!matches) continue;
      out.push(
        withLazySnippet({ document: doc.id, source: 'text', score: result.score, from: passage[1], to: passage[2], matches }, () =>
          makeSnippet(doc.source, passage[1], passage[2], matches),
        ),
      );
    }
    return out;
  }

  private searchAnnotations(units: readonly QueryUnit[], filter: string | null): SearchHit[] {
    const out: SearchHit[] = [];
    for (const { item, result } of this.annotations.query((index) => runQuery(index, units))) {
      if (filter !== null && item.docId !== filter) continue;
      const bodyMatches = allUnitsMatch(units, result.matchData.metadata as MatchMetadata, item.text);
      if (!bodyMatches) continue;
      out.push(
        withLazySnippet(
          {
            document: item.docId,
            source: 'annotation',
            score: result.score,
            from: item.from,
            to: item.to,
            matches: [[item.from, item.to]],
            annotation: { id: item.id, kind: item.kind, bodyMatches },
          },
          () => makeSnippet(item.text, 0, item.text.length, bodyMatches),
        ),
      );
    }
    return out;
  }
}

/** Every unit's matches merged, or null when some unit has none (all units are required). */
function allUnitsMatch(units: readonly QueryUnit[], metadata: MatchMetadata, text: string): MatchRange[] | null {
  const all: MatchRange[] = [];
  for (const unit of units) {
    const found = unitMatches(unit, metadata, text);
    if (found.length === 0) return null;
    for (const item of found) all.push(item);
  }
  return mergeRanges(all);
}

/**
 * Runs the units as optional clauses built with `index.query` (never the
 * query-string parser); requiring every unit happens afterwards, per passage,
 * because lunr's required clauses would demand a match in every field.
 */
function runQuery(index: lunr.Index, units: readonly QueryUnit[]): lunr.Index.Result[] {
  return index.query((q) => {
    for (const unit of units) {
      if (unit.kind === 'term') {
        q.term(unit.word, { fields: [BODY_FIELD], usePipeline: true });
        q.term(unit.word, { fields: [EXACT_FIELD], usePipeline: true, boost: EXACT_BOOST });
      } else if (unit.kind === 'prefix') {
        q.term(unit.prefix, { fields: [EXACT_FIELD], usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING });
      } else {
        for (const w of unit.words) q.term(w, { fields: [EXACT_FIELD], usePipeline: true, boost: EXACT_BOOST });
      }
    }
  });
}

function checkDocuments(documents: readonly SearchDocument[]): void {
  const seen = new Set<string>();
  for (const d of documents) {
    if (typeof d?.id !== 'string' || typeof d.source !== 'string') {
      throw new SearchIndexError(`A search document needs a string "id" and "source" (got ${JSON.stringify(d?.id)}).`);
    }
    if (seen.has(d.id)) throw new SearchIndexError(`Two search documents share the id "${d.id}".`);
    seen.add(d.id);
  }
}

function isTriple(value: unknown): value is readonly [number, number, number] {
  return Array.isArray(value) && value.length === 3 && value.every(Number.isInteger);
}
