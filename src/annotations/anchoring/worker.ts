/**
 * The worker side of `AnchoringWorker`: anchors a batch off the main thread,
 * where fuzzy search on a long text cannot freeze the page.
 */
import { anchorAll } from './batch.ts';
import type { AnchorRequest, AnchorResponse } from './in-worker.ts';

// The DOM typings describe a window; a dedicated worker's scope needs only these two members.
const scope = globalThis as unknown as {
  onmessage: ((event: MessageEvent<AnchorRequest>) => void) | null;
  postMessage(message: AnchorResponse): void;
};

scope.onmessage = (event) => {
  const { id, text, annotations, source } = event.data;
  try {
    scope.postMessage({ id, result: anchorAll(text, annotations, source === undefined ? {} : { source }) });
  } catch (e) {
    scope.postMessage({ id, error: e instanceof Error ? e.message : String(e) });
  }
};
