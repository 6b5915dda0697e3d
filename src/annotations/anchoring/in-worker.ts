/**
 * Batch anchoring in a Web Worker (product.md §3: fuzzy matching costs
 * milliseconds per quote, so many of them belong off the main thread). Falls
 * back to the main thread where workers are missing or fail to start, so the
 * caller always gets an answer.
 */
import type { Annotation } from '../model.ts';
import { anchorAll, type AnchorStats, type TargetAnchor } from './batch.ts';

/** @internal The message sent to the worker. */
export interface AnchorRequest {
  readonly id: number;
  readonly text: string;
  readonly annotations: readonly Annotation[];
  readonly source?: string;
}

/** @internal The worker's answer. */
export type AnchorResponse =
  | { readonly id: number; readonly result: { anchors: TargetAnchor[]; stats: AnchorStats } }
  | { readonly id: number; readonly error: string };

/** Thrown (as a rejection) when the worker reports an error while anchoring a batch. */
export class AnchoringWorkerError extends Error {
  override name = 'AnchoringWorkerError';
}

interface Pending {
  readonly request: AnchorRequest;
  readonly resolve: (result: { anchors: TargetAnchor[]; stats: AnchorStats }) => void;
  readonly reject: (error: Error) => void;
}

/** One worker serving `anchorAll` calls, in order. Create with `new AnchoringWorker()`; `terminate()` when done. */
export class AnchoringWorker {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor() {
    if (typeof Worker !== 'function') return;
    try {
      this.worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    } catch (e) {
      globalThis.reportError?.(e);
      return;
    }
    this.worker.onmessage = (event: MessageEvent<AnchorResponse>) => {
      const p = this.pending.get(event.data.id);
      if (!p) return;
      this.pending.delete(event.data.id);
      if ('error' in event.data) p.reject(new AnchoringWorkerError(`Anchoring failed in the worker: ${event.data.error}`));
      else p.resolve(event.data.result);
    };
    // A worker that cannot load (blocked by policy, missing file) leaves its work to the main thread.
    this.worker.onerror = (event) => {
      event.preventDefault();
      globalThis.reportError?.(new AnchoringWorkerError(`The anchoring worker failed (${event.message || 'it could not start'}); anchoring continues on the main thread.`));
      this.worker?.terminate();
      this.worker = null;
      const waiting = [...this.pending.values()];
      this.pending.clear();
      for (const p of waiting) this.runHere(p);
    };
  }

  /** True while batches go to a worker; false once it fell back to the main thread. */
  get offThread(): boolean {
    return this.worker !== null;
  }

  /**
   * `anchorAll(text, annotations, options)`, off the main thread when possible.
   * Rejects with AnchoringWorkerError only if the worker itself throws.
   */
  anchorAll(text: string, annotations: readonly Annotation[], options: { readonly source?: string } = {}): Promise<{ anchors: TargetAnchor[]; stats: AnchorStats }> {
    return new Promise((resolve, reject) => {
      const request: AnchorRequest = { id: this.nextId++, text, annotations, ...(options.source !== undefined ? { source: options.source } : {}) };
      const p: Pending = { request, resolve, reject };
      if (!this.worker) {
        this.runHere(p);
        return;
      }
      this.pending.set(request.id, p);
      this.worker.postMessage(request);
    });
  }

  /** Stops the worker; pending and later calls run on the main thread. */
  terminate(): void {
    this.worker?.terminate();
    this.worker = null;
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const p of waiting) this.runHere(p);
  }

  private runHere({ request, resolve }: Pending): void {
    resolve(anchorAll(request.text, request.annotations, request.source === undefined ? {} : { source: request.source }));
  }
}
