/**
 * The search side of the protocol: one engine, built when asked, answering
 * requests one at a time in the order they came (a load's parse finishes
 * before the search sent after it). Runs in the search worker, or on the
 * reader's thread when no worker can start.
 */
import { SearchEngine, type SearchDocument } from '../../search/engine.ts';
import { LazySearch } from '../lazy-search.ts';
import { toWire, type HostState, type SearchRequest, type WireResults } from './protocol.ts';

export class SearchHost {
  private documents: readonly SearchDocument[] = [];
  // Never idle here: the reader's side decides when to build (`prepare`).
  private readonly lazy = new LazySearch(() => SearchEngine.build(this.documents), () => {});
  private tail: Promise<unknown> = Promise.resolve();

  /** How often the text index was built, and whether everything sent is indexed. */
  get state(): HostState {
    return { builds: this.lazy.builds, ready: this.lazy.ready };
  }

  /** Answers `request` after every earlier one. Rejects with the engine's error (e.g. a SearchIndexError for a bad index). */
  handle(request: SearchRequest): Promise<WireResults | null> {
    const answer = this.tail.then(() => this.answer(request));
    this.tail = answer.catch(() => undefined);
    return answer;
  }

  private answer(request: SearchRequest): WireResults | null {
    switch (request.kind) {
      case 'documents':
        this.documents = request.documents;
        return null;
      case 'load': {
        let json: unknown;
        try {
          json = JSON.parse(new TextDecoder().decode(request.bytes));
        } catch (e) {
          throw new Error(`it is not JSON: ${(e as Error).message}`, { cause: e });
        }
        this.lazy.use(SearchEngine.load(json, this.documents));
        return null;
      }
      case 'annotations':
        this.lazy.setAnnotations(request.texts);
        return null;
      case 'prepare':
        this.lazy.prepare();
        return null;
      case 'search':
        return toWire(this.lazy.search(request.query, request.options));
    }
  }
}
