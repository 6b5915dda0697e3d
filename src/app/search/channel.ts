/**
 * Where search requests go: a worker, or a host on this thread. A worker
 * that cannot start (blocked by policy, missing file) or dies hands its
 * unanswered requests back through `onFail`, and the client goes on here.
 */
import type { SearchHost } from './host.ts';
import type { HostState, SearchEnvelope, SearchReply, SearchRequest, WireResults } from './protocol.ts';

/** An answer with the search side's state after it. */
export interface Answer {
  readonly state: HostState;
  readonly results: WireResults | null;
}

/** A request sent and not answered yet. */
export interface Unanswered {
  readonly request: SearchRequest;
  readonly resolve: (answer: Answer) => void;
  readonly reject: (error: Error) => void;
}

export interface SearchChannel {
  /** True when the requests go to a worker. */
  readonly offThread: boolean;
  /** Rejects with the search side's error (its message says what is wrong). */
  send(request: SearchRequest, transfer?: Transferable[]): Promise<Answer>;
  close(): void;
}

/**
 * The host on this thread: where workers are missing, and in Node. Its code
 * (the engine, lunr) is loaded on first use, so that the page does not carry
 * it while the worker does the work.
 */
export class LocalChannel implements SearchChannel {
  readonly offThread = false;
  private host: Promise<SearchHost> | null = null;

  async send(request: SearchRequest): Promise<Answer> {
    this.host ??= import('./host.ts').then(({ SearchHost }) => new SearchHost());
    const host = await this.host;
    const results = await host.handle(request);
    return { state: host.state, results };
  }

  close(): void {}
}

/** A dedicated module worker running `worker.ts`. Throws when the browser refuses to create it. */
export class WorkerChannel implements SearchChannel {
  readonly offThread = true;
  private readonly worker: Worker;
  private readonly pending = new Map<number, Unanswered>();
  private nextId = 1;
  private closed = false;

  constructor(onFail: (unanswered: Unanswered[], why: string) => void) {
    this.worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'search' });
    this.worker.onmessage = ({ data }: MessageEvent<SearchReply>) => {
      const p = this.pending.get(data.id);
      if (!p) return;
      this.pending.delete(data.id);
      if (data.ok) p.resolve({ state: data.state, results: data.results });
      else p.reject(new Error(data.error));
    };
    this.worker.onerror = (event) => {
      event.preventDefault();
      this.worker.terminate();
      const unanswered = [...this.pending.values()];
      this.pending.clear();
      onFail(unanswered, event.message || 'it could not start');
    };
  }

  send(request: SearchRequest, transfer: Transferable[] = []): Promise<Answer> {
    return new Promise((resolve, reject) => {
      if (this.closed) {
        reject(new Error('The search was closed.'));
        return;
      }
      const id = this.nextId++;
      this.pending.set(id, { request, resolve, reject });
      this.worker.postMessage({ id, request } satisfies SearchEnvelope, transfer);
    });
  }

  close(): void {
    this.closed = true;
    this.worker.terminate();
    const unanswered = [...this.pending.values()];
    this.pending.clear();
    for (const p of unanswered) p.reject(new Error('The search was closed.'));
  }
}
