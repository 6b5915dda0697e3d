/**
 * The reader's search: the text and body indexes are built in a worker, on
 * the first search or when the page is idle after the first frames, so that
 * neither the build (seconds on a long corpus) nor the indexes (most of the
 * memory) are on the reader's thread. Where no worker starts, the same host
 * runs here. Nothing is sent before it is needed: reading any member of this
 * object builds nothing (lit probes bound values for `_$litDirective$`).
 */
import type { AnnotationText, SearchDocument, SearchOptions, SearchResults } from '../../search/engine.ts';
import { whenIdle, type IdleScheduler } from '../lazy-search.ts';
import { LocalChannel, WorkerChannel, type Answer, type SearchChannel, type Unanswered } from './channel.ts';
import { fromWire, type HostState, type SearchRequest } from './protocol.ts';
import { markPhase } from '../phases.ts';

export interface SearchClientOptions {
  /** Schedules the idle build (default: after the next frame, when idle, no deadline). */
  readonly idle?: IdleScheduler;
  /** False keeps everything on this thread (default: a worker where the platform has one). */
  readonly worker?: boolean;
}

export class SearchClient {
  private channel: SearchChannel;
  private documentsSent = false;
  /** Bodies set but not sent yet, or null when the last set was sent. */
  private unsent: readonly AnnotationText[] | null = null;
  /** The last bodies sent, by id: snippets of annotation hits are made from them. */
  private bodies: ReadonlyMap<string, string> = new Map();
  private lastSentTexts: readonly AnnotationText[] | null = null;
  private unanswered = 0;
  private host: HostState = { builds: 0, ready: false };
  private idleScheduled = false;
  /** Why the worker stopped, when it did; the search then runs on this thread. */
  failure: string | null = null;

  constructor(
    private readonly documents: readonly SearchDocument[],
    private readonly options: SearchClientOptions = {},
  ) {
    this.channel = this.open();
  }

  private open(): SearchChannel {
    if (this.options.worker === false || typeof Worker !== 'function') return new LocalChannel();
    try {
      return new WorkerChannel((unanswered, why) => this.fallBack(unanswered, why));
    } catch (error) {
      this.failure = (error as Error).message;
      return new LocalChannel();
    }
  }

  /** True when the searching happens in a worker. */
  get offThread(): boolean {
    return this.channel.offThread;
  }

  /** How many times the text index was built (0 until needed; a loaded one is not counted), as last reported. */
  get builds(): number {
    return this.host.builds;
  }

  /** True once the text index exists and every body set so far is in it: a search then answers at once. */
  get ready(): boolean {
    return this.host.ready && this.unsent === null && this.unanswered === 0;
  }

  /** Sets the annotation bodies to search; they are sent and indexed on the next search or when idle. */
  setAnnotations(texts: readonly AnnotationText[]): void {
    this.unsent = texts;
    this.prepareWhenIdle();
  }

  /**
   * Uses a prebuilt index (`SearchEngine.toJSON` as UTF-8 JSON bytes; the
   * buffer is handed over). Rejects with a sentence naming what is wrong;
   * the texts are then indexed when needed, as without one.
   */
  async load(bytes: ArrayBuffer): Promise<void> {
    await this.send({ kind: 'load', bytes }, [bytes]);
  }

  /** Builds whatever is missing when the page is next idle (once, however often called). */
  prepareWhenIdle(): void {
    if (this.idleScheduled) return;
    this.idleScheduled = true;
    (this.options.idle ?? whenIdle)(() => {
      this.idleScheduled = false;
      // Closed meanwhile (the reader was removed): nothing to build for.
      this.prepare().catch(() => undefined);
    });
  }

  /** Builds whatever is missing now; resolves once it is built. */
  async prepare(): Promise<void> {
    this.sendBodies();
    await this.send({ kind: 'prepare' });
    markPhase('search-indexed');
  }

  /** Searches every text and annotation body, building what is not built yet. Never rejects: a failure is a hint. */
  async search(query: string, options: SearchOptions = {}): Promise<SearchResults> {
    this.sendBodies();
    const bodies = this.bodies;
    try {
      const { results } = await this.send({ kind: 'search', query, options });
      return fromWire(results!, this.documents, bodies);
    } catch (error) {
      return { query, parsed: { units: [], notes: [] }, hits: [], groups: [], hint: `Search failed: ${(error as Error).message}` };
    }
  }

  /** Stops the worker. */
  close(): void {
    this.channel.close();
  }

  private sendBodies(): void {
    const texts = this.unsent;
    if (!texts) return;
    this.unsent = null;
    this.lastSentTexts = texts;
    this.bodies = new Map(texts.map((t) => [t.id, t.text]));
    void this.send({ kind: 'annotations', texts }).catch(() => undefined);
  }

  private send(request: SearchRequest, transfer: Transferable[] = []): Promise<Answer> {
    if (!this.documentsSent) {
      this.documentsSent = true;
      void this.channel.send({ kind: 'documents', documents: this.documents }).catch(() => undefined);
    }
    this.unanswered++;
    const sent = this.channel.send(request, transfer);
    const settle = (answer: { state: HostState } | null) => {
      this.unanswered--;
      if (answer) this.host = answer.state;
    };
    return sent.then(
      (answer) => (settle(answer), answer),
      (error: Error) => {
        settle(null);
        throw error;
      },
    );
  }

  /** The worker died: its state is set up again here, and its unanswered searches asked again. */
  private fallBack(unanswered: Unanswered[], why: string): void {
    this.failure = `The search worker stopped (${why}); searching continues on the page.`;
    // Said, not thrown: the reader goes on, and `failure` keeps the reason.
    console.warn(this.failure);
    const local = new LocalChannel();
    this.channel = local;
    void local.send({ kind: 'documents', documents: this.documents });
    if (this.lastSentTexts) void local.send({ kind: 'annotations', texts: this.lastSentTexts });
    for (const p of unanswered) {
      if (p.request.kind === 'search' || p.request.kind === 'prepare') local.send(p.request).then(p.resolve, p.reject);
      else if (p.request.kind === 'load') p.reject(new Error(this.failure));
      // Documents and bodies were set up above, newest first.
      else p.resolve({ state: { builds: 0, ready: false }, results: null });
    }
  }
}
