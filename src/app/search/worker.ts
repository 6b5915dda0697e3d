/**
 * The search worker: builds the text and body indexes and answers queries
 * off the reader's thread, so that neither indexing nor the indexes' memory
 * (tens of MB on a long corpus) weigh on the page.
 */
import { SearchHost } from './host.ts';
import type { SearchEnvelope, SearchReply } from './protocol.ts';

// The DOM typings describe a window; a dedicated worker's scope needs only these two members.
const scope = globalThis as unknown as {
  onmessage: ((event: MessageEvent<SearchEnvelope>) => void) | null;
  postMessage(message: SearchReply): void;
};

const host = new SearchHost();

scope.onmessage = ({ data: { id, request } }) => {
  host.handle(request).then(
    (results) => scope.postMessage({ id, ok: true, state: host.state, results }),
    (error: unknown) => scope.postMessage({ id, ok: false, state: host.state, error: error instanceof Error ? error.message : String(error) }),
  );
};
