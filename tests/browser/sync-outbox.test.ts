// The outbox (pushes not yet acknowledged by the server) lives in IndexedDB:
// a queued change is committed before the session is told it is recorded, two
// tabs queueing at once lose nothing, and a queue an older reader kept in
// localStorage is moved over without losing an entry.
import { expect } from '@esm-bundle/chai';
import { IdbSyncDatabase } from '../../src/sync/idb-sync-storage.ts';
import { SyncClient, type NoteOutbox, type RemoteChange } from '../../src/sync/sync-client.ts';
import { ReaderSync, type OwnNotes } from '../../src/sync/reader-sync.ts';
import { ANNO_CONTEXT, textTarget, type Annotation } from '../../src/annotations/model.ts';
import type { SyncState } from '../../src/sync/sync-state.ts';

const CONTAINER = 'http://127.0.0.1:9/users/1/annotations/';
/** A server that never answers: everything stays queued. */
const unreachable = (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch;

function note(n: number): Annotation {
  return {
    '@context': ANNO_CONTEXT,
    id: `urn:uuid:00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    type: 'Annotation',
    motivation: 'commenting',
    target: textTarget('file:///documents/a.txt', 'some source text here', 0, 4),
    body: [{ type: 'TextualBody', value: `note ${n}`, purpose: 'commenting', format: 'text/plain' }],
    created: '2026-01-01T00:00:00Z',
  };
}

class Notes implements OwnNotes {
  outbox: NoteOutbox | null = null;
  async applyRemoteChanges(_changes: readonly RemoteChange[]): Promise<string[]> {
    return [];
  }
  ownAnnotations(): readonly Annotation[] {
    return [];
  }
  setOutbox(outbox: NoteOutbox | null): void {
    this.outbox = outbox;
  }
}

async function storedQueue(namespace: string, container = CONTAINER): Promise<SyncState['queue']> {
  const db = await IdbSyncDatabase.open(`annotated-reader-sync-${namespace}`);
  try {
    return (await (await db.storage(container)).load())?.queue ?? [];
  } finally {
    db.close();
  }
}

describe('the sync outbox in IndexedDB', () => {
  it('a change is in IndexedDB, read through another connection, as soon as recording it resolves', async () => {
    const ns = `outbox-${crypto.randomUUID()}`;
    const notes = new Notes();
    const link = new ReaderSync(notes, localStorage, unreachable, ns, { auto: false });
    await link.connect({ container: CONTAINER, token: 't' });
    await notes.outbox!.recordSave(note(1));
    expect((await storedQueue(ns)).map((p) => p.id)).to.deep.equal([note(1).id]);
    await notes.outbox!.recordDelete(note(1).id);
    expect(await storedQueue(ns), 'a create never sent and then deleted needs nothing sent').to.deep.equal([]);
    link.disconnect();
  });

  it('two tabs queueing at the same moment lose nothing', async () => {
    const name = `annotated-reader-sync-tabs-${crypto.randomUUID()}`;
    const [one, two] = await Promise.all([IdbSyncDatabase.open(name), IdbSyncDatabase.open(name)]);
    const open = async (db: IdbSyncDatabase) => SyncClient.open({ container: CONTAINER, token: 't', storage: await db.storage(CONTAINER), fetch: unreachable });
    const [a, b] = await Promise.all([open(one), open(two)]);
    await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? a : b).recordSave(note(i))));
    const queue = (await (await one.storage(CONTAINER)).load())!.queue;
    expect(queue.map((p) => p.id).sort()).to.deep.equal(Array.from({ length: 40 }, (_, i) => note(i).id).sort());
    one.close();
    two.close();
  });

  it("an older reader's localStorage queue is moved to IndexedDB whole, then removed from localStorage", async () => {
    const ns = `legacy-${crypto.randomUUID()}`;
    const legacyKey = `annotated-reader.sync:${ns}:${CONTAINER}`;
    const legacy: SyncState = {
      cursor: '12',
      remote: { [note(2).id]: { iri: `${CONTAINER}2`, etag: '"e2"' } },
      queue: [
        { kind: 'put', id: note(1).id, annotation: note(1) },
        { kind: 'delete', id: note(2).id },
      ],
      conflicts: [],
      refused: [],
      shared: {},
    };
    localStorage.setItem(legacyKey, JSON.stringify(legacy));
    localStorage.setItem(`annotated-reader.server:${ns}`, JSON.stringify({ container: CONTAINER, token: 't' }));
    const link = new ReaderSync(new Notes(), localStorage, unreachable, ns, { auto: false });
    await link.resume();
    expect(link.pending).to.equal(2);
    const queue = await storedQueue(ns);
    expect(queue).to.deep.equal(legacy.queue);
    expect(localStorage.getItem(legacyKey)).to.equal(null);
    link.disconnect();
    localStorage.removeItem(`annotated-reader.server:${ns}`);
  });
});
