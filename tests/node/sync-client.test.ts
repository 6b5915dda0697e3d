// The sync client against a real annotation server (in-process, over HTTP):
// push create/edit/delete, pull on a second device of the same person, the
// offline queue, 412 conflicts with both versions, hostile answers.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { rmSync } from 'node:fs';
import { startServer, note, api, spawnServer, tokenFor, killHard, tempDir, type TestServer } from './server-harness.ts';
import { SyncClient, type RemoteChange } from '../../src/sync/sync-client.ts';
import { MemorySyncStorage, WebStorageSyncStorage } from '../../src/sync/sync-state.ts';
import type { Annotation } from '../../src/annotations/model.ts';

let server: TestServer;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server.close();
});

/** A fetch that can be switched off, like a network that goes down. */
function switchableFetch(): { fetch: typeof fetch; offline: boolean } {
  const state = {
    offline: false,
    fetch: ((input: RequestInfo | URL, init?: RequestInit) => {
      if (state.offline) return Promise.reject(new TypeError('fetch failed'));
      return fetch(input, init);
    }) as typeof fetch,
  };
  return state;
}

async function device(options: { storage?: MemorySyncStorage; fetch?: typeof fetch } = {}): Promise<SyncClient> {
  const { token } = await server.accounts.issueToken(server.user);
  return SyncClient.open({ container: `${server.url}/annotations/`, token, storage: options.storage ?? new MemorySyncStorage(), fetch: options.fetch });
}

function ownNote(comment: string): Annotation {
  return note({ comment }) as unknown as Annotation;
}

function edited(a: Annotation, comment: string): Annotation {
  return { ...a, body: [{ type: 'TextualBody', value: comment, purpose: 'commenting', format: 'text/plain' }], modified: new Date().toISOString() };
}

function commentOf(a: Annotation | null | undefined): string | undefined {
  return (a?.body[0] as { value?: string } | undefined)?.value;
}

async function serverCopy(iri: string): Promise<Record<string, unknown> | null> {
  const res = await api(iri);
  return res.ok ? ((await res.json()) as Record<string, unknown>) : null;
}

function changeOf(changes: readonly RemoteChange[], id: string): RemoteChange | undefined {
  return changes.find((c) => c.id === id);
}

describe('sync client: push', () => {
  it('creates with POST, edits with PUT and deletes with DELETE, each acknowledged', async () => {
    const storage = new MemorySyncStorage();
    const client = await device({ storage });
    const a = ownNote('first words');
    await client.recordSave(a);
    let report = await client.sync();
    assert.equal(report.error, null);
    assert.equal(report.pushed, 1);
    assert.equal(report.pending, 0);
    const saved = await storage.load();
    const iri = saved!.remote[a.id]!.iri;
    assert.ok(iri.startsWith(server.url), iri);
    const stored = await serverCopy(iri);
    assert.equal(stored!.via, a.id, 'the server keeps the local id as via');
    assert.equal(commentOf(stored as unknown as Annotation), 'first words');
    assert.deepEqual(report.pulled, [], 'its own push is not pulled back');

    await client.recordSave(edited(a, 'second words'));
    report = await client.sync();
    assert.equal(report.error, null);
    assert.equal(report.pushed, 1);
    assert.equal(commentOf((await serverCopy(iri)) as unknown as Annotation), 'second words');
    assert.deepEqual(report.pulled, []);

    await client.recordDelete(a.id);
    report = await client.sync();
    assert.equal(report.error, null);
    assert.equal(report.pushed, 1);
    assert.equal((await api(iri)).status, 410);
    assert.equal((await storage.load())!.remote[a.id], undefined);
  });

  it('a note created and deleted before any sync sends nothing', async () => {
    const client = await device();
    const a = ownNote('never sent');
    await client.recordSave(a);
    await client.recordDelete(a.id);
    assert.equal(client.pending.length, 0);
    const report = await client.sync();
    assert.equal(report.pushed, 0);
  });
});

describe('sync client: pull on another device of the same person', () => {
  it('sees notes made, edited and deleted on the first device, by their local id', async () => {
    const laptop = await device();
    const phone = await device();
    await phone.sync(); // catch up with what earlier tests left
    const a = ownNote('from the laptop');
    const b = ownNote('to be deleted');
    await laptop.recordSave(a);
    await laptop.recordSave(b);
    await laptop.sync();

    let report = await phone.sync();
    assert.equal(report.error, null);
    const got = changeOf(report.pulled, a.id);
    assert.equal(got?.kind, 'annotation');
    assert.equal(got.kind === 'annotation' && commentOf(got.annotation), 'from the laptop');
    assert.equal(got.kind === 'annotation' && got.annotation.id, a.id, 'mapped back to the id the laptop gave it');
    assert.ok(got.kind === 'annotation' && !('via' in got.annotation) && !('reader:audience' in got.annotation));
    assert.ok(changeOf(report.pulled, b.id));

    await laptop.recordSave(edited(a, 'edited on the laptop'));
    await laptop.recordDelete(b.id);
    await laptop.sync();
    report = await phone.sync();
    const edit = changeOf(report.pulled, a.id);
    assert.equal(edit?.kind === 'annotation' && commentOf(edit.annotation), 'edited on the laptop');
    assert.deepEqual(changeOf(report.pulled, b.id), { kind: 'deleted', id: b.id });

    // A second pull with nothing new returns nothing (the cursor moved on).
    assert.deepEqual((await phone.sync()).pulled, []);
  });

  it('maps a tombstone of a note it never saw back to its urn:uuid id', async () => {
    const laptop = await device();
    const phone = await device();
    await phone.sync();
    const a = ownNote('short-lived');
    await laptop.recordSave(a);
    await laptop.sync();
    await laptop.recordDelete(a.id);
    await laptop.sync();
    const report = await phone.sync();
    assert.deepEqual(changeOf(report.pulled, a.id), { kind: 'deleted', id: a.id });
  });
});

describe('sync client: offline', () => {
  it('keeps a push that failed (network down) queued, also across a restart, and sends it later', async () => {
    const net = switchableFetch();
    const storage = new MemorySyncStorage();
    const client = await device({ storage, fetch: net.fetch });
    const a = ownNote('written offline');
    net.offline = true;
    await client.recordSave(a);
    const report = await client.sync();
    assert.match(report.error ?? '', /did not answer.*stay queued/);
    assert.equal(report.pending, 1);
    assert.equal(report.pushed, 0);

    // The page closes; a new client over the same storage finds the queue.
    const reopened = await device({ storage, fetch: net.fetch });
    assert.equal(reopened.pending.length, 1);
    net.offline = false;
    const later = await reopened.sync();
    assert.equal(later.error, null);
    assert.equal(later.pushed, 1);
    assert.equal(later.pending, 0);
    const iri = (await storage.load())!.remote[a.id]!.iri;
    assert.equal(commentOf((await serverCopy(iri)) as unknown as Annotation), 'written offline');
  });

  /** A fetch that delivers the first POST to the server but loses its answer on the way back. */
  function losingFirstPostAnswer(): typeof fetch {
    let lose = true;
    return (async (input: RequestInfo | URL, init?: RequestInit) => {
      const res = await fetch(input, init);
      if (lose && init?.method === 'POST') {
        lose = false;
        throw new TypeError('connection reset');
      }
      return res;
    });
  }

  async function copiesOnServer(id: string): Promise<number> {
    const page = (await api(`${server.container}?iris=0`).then((r) => r.json())) as { first?: { items?: { via?: string }[] } };
    return (page.first?.items ?? []).filter((c) => c.via === id).length;
  }

  it('a POST whose answer was lost is not stored twice: the retry finds the stored one', async () => {
    const storage = new MemorySyncStorage();
    const client = await device({ storage, fetch: losingFirstPostAnswer() });
    const a = ownNote('sent once');
    await client.recordSave(a);
    assert.match((await client.sync()).error ?? '', /did not answer/);
    const report = await client.sync();
    assert.equal(report.error, null);
    assert.equal(report.pending, 0);
    assert.equal(report.conflicts.length, 0);
    assert.equal(await copiesOnServer(a.id), 1);
    // Later edits go through as PUTs on that copy.
    await client.recordSave(edited(a, 'then edited'));
    assert.equal((await client.sync()).pushed, 1);
    const iri = (await storage.load())!.remote[a.id]!.iri;
    assert.equal(commentOf((await serverCopy(iri)) as unknown as Annotation), 'then edited');
  });

  it('a note already on the server in another version is a conflict, not overwritten', async () => {
    const client = await device({ fetch: losingFirstPostAnswer() });
    const a = ownNote('version sent');
    await client.recordSave(a);
    await client.sync();
    await client.recordSave(edited(a, 'edited before the retry'));
    const report = await client.sync();
    assert.equal(report.error, null);
    assert.equal(report.conflicts.length, 1);
    assert.equal(commentOf(report.conflicts[0]!.theirs), 'version sent');
    assert.equal(commentOf(report.conflicts[0]!.mine), 'edited before the retry');
    assert.equal(await copiesOnServer(a.id), 1);
  });
});

describe('sync client: two tabs over one storage', () => {
  it('a change queued in one tab is sent by a sync in the other, and neither loses the other\'s', async () => {
    const storage = new MemorySyncStorage();
    const tabA = await device({ storage });
    const tabB = await device({ storage });
    const a = ownNote('queued in tab A');
    const b = ownNote('queued in tab B');
    await tabA.recordSave(a);
    await tabB.recordSave(b);
    assert.deepEqual(tabB.pending.map((p) => p.id), [a.id, b.id]);
    const report = await tabB.sync();
    assert.equal(report.pushed, 2);
    const state = (await storage.load())!;
    assert.ok(state.remote[a.id] && state.remote[b.id]);
    assert.equal(state.queue.length, 0);
  });
});

describe('sync client: conflicts', () => {
  it('a stale edit is a conflict with both versions; the server keeps the newer one', async () => {
    const laptop = await device();
    const phone = await device();
    const a = ownNote('original');
    await laptop.recordSave(a);
    await laptop.sync();
    await phone.sync();
    await laptop.recordSave(edited(a, 'laptop version'));
    await laptop.sync();
    await phone.recordSave(edited(a, 'phone version'));
    const report = await phone.sync();
    assert.equal(report.error, null);
    assert.equal(report.conflicts.length, 1);
    const [conflict] = report.conflicts;
    assert.equal(conflict!.id, a.id);
    assert.equal(commentOf(conflict!.mine), 'phone version');
    assert.equal(commentOf(conflict!.theirs), 'laptop version');
    assert.equal(conflict!.theirs!.id, a.id);
    assert.equal(phone.conflicts.length, 1, 'kept until the reader chooses');
    assert.equal(report.pending, 0);
    assert.equal(changeOf(report.pulled, a.id), undefined, 'the pull does not overwrite the pending edit');

    // Keeping mine sends it over the server's version.
    assert.equal(await phone.resolve(a.id, 'mine'), null);
    const after = await phone.sync();
    assert.equal(after.error, null);
    assert.equal(after.pushed, 1);
    const pulled = await laptop.sync();
    const change = changeOf(pulled.pulled, a.id);
    assert.equal(change?.kind === 'annotation' && commentOf(change.annotation), 'phone version');
  });

  it('choosing theirs gives back the server version to apply and pushes nothing', async () => {
    const laptop = await device();
    const phone = await device();
    const a = ownNote('base');
    await laptop.recordSave(a);
    await laptop.sync();
    await phone.sync();
    await laptop.recordSave(edited(a, 'theirs'));
    await laptop.sync();
    await phone.recordSave(edited(a, 'mine'));
    await phone.sync();
    const change = await phone.resolve(a.id, 'theirs');
    assert.equal(change?.kind === 'annotation' && commentOf(change.annotation), 'theirs');
    assert.equal(phone.conflicts.length, 0);
    const report = await phone.sync();
    assert.equal(report.pushed, 0);
    // And the next edit from the phone goes through, on the version it took.
    await phone.recordSave(edited(a, 'after theirs'));
    const next = await phone.sync();
    assert.equal(next.conflicts.length, 0);
    assert.equal(next.pushed, 1);
  });

  it('an edit of a note deleted on another device is a conflict whose other side is the deletion', async () => {
    const laptop = await device();
    const phone = await device();
    const a = ownNote('doomed');
    await laptop.recordSave(a);
    await laptop.sync();
    await phone.sync();
    await laptop.recordDelete(a.id);
    await laptop.sync();
    await phone.recordSave(edited(a, 'edited meanwhile'));
    const report = await phone.sync();
    assert.equal(report.conflicts.length, 1);
    assert.equal(report.conflicts[0]!.theirs, null);
    assert.equal(commentOf(report.conflicts[0]!.mine), 'edited meanwhile');
  });
});

describe('sync client: hostile or failing server', () => {
  const container = () => `${server.url}/annotations/`;

  it('a 500: a clear error, the push stays queued', async () => {
    const storage = new MemorySyncStorage();
    const fail = (async () => new Response('{"detail":"boom"}', { status: 500 })) as typeof fetch;
    const client = await SyncClient.open({ container: container(), token: 't', storage, fetch: fail });
    const a = ownNote('must not be lost');
    await client.recordSave(a);
    const report = await client.sync();
    assert.match(report.error ?? '', /server failed \(500\).*stay queued/);
    assert.equal(report.pending, 1);
    assert.deepEqual((await storage.load())!.queue.map((p) => p.id), [a.id]);
  });

  for (const [name, feed] of [
    ['broken JSON', '{"cursor": "1", "chan'],
    ['JSON that is not a feed', '[1,2,3]'],
    ['an object without changes', '{"cursor": "9"}'],
  ] as const) {
    it(`a change feed of ${name}: a clear error, the cursor unchanged`, async () => {
      const storage = new MemorySyncStorage();
      const hostile = (async () => new Response(feed, { status: 200 })) as typeof fetch;
      const client = await SyncClient.open({ container: container(), token: 't', storage, fetch: hostile });
      const report = await client.sync();
      assert.match(report.error ?? '', /not (a JSON object|in the expected shape)/);
      assert.equal((await storage.load())?.cursor ?? '0', '0');
    });
  }

  it('a pulled annotation that is not valid is refused with a clear error and the cursor stays', async () => {
    const storage = new MemorySyncStorage();
    const feed = { cursor: '5', more: false, changes: [{ id: `${server.url}/annotations/x`, etag: '"1"', annotation: { type: 'Annotation', id: 'x' } }] };
    const client = await SyncClient.open({
      container: `${server.url}/annotations/`,
      token: 't',
      storage,
      fetch: (async () => new Response(JSON.stringify(feed), { status: 200 })),
    });
    const report = await client.sync();
    assert.match(report.error ?? '', /not valid/);
    assert.equal((await storage.load())?.cursor ?? '0', '0');
  });

  it('a push the server refuses for good (400) is kept with its reason, not retried forever', async () => {
    const client = await device();
    const bad = { ...ownNote('x'), target: { type: 'SpecificResource' } } as unknown as Annotation;
    await client.recordSave(bad);
    const report = await client.sync();
    assert.equal(report.refused.length, 1);
    assert.match(report.refused[0]!.reason, /^400: /);
    assert.equal(client.refused[0]!.push.id, bad.id);
    assert.equal(report.pending, 0);
  });

  it('an unknown token is a clear error, nothing lost', async () => {
    const storage = new MemorySyncStorage();
    const client = await SyncClient.open({ container: `${server.url}/annotations/`, token: 'not-a-token', storage });
    await client.recordSave(ownNote('kept'));
    const report = await client.sync();
    assert.match(report.error ?? '', /token/);
    assert.equal(report.pending, 1);
  });

  it('refuses a container that is not an http(s) address', async () => {
    await assert.rejects(SyncClient.open({ container: 'javascript:alert(1)', token: '', storage: new MemorySyncStorage() }), /not an http/);
    await assert.rejects(SyncClient.open({ container: 'nope', token: '', storage: new MemorySyncStorage() }), /not a server address/);
  });
});

describe('sync state in Web Storage', () => {
  it('round-trips, and a damaged entry starts afresh', async () => {
    const map = new Map<string, string>();
    const storage = { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) };
    const kept = new WebStorageSyncStorage(storage, 'sync');
    assert.equal(await kept.load(), null);
    await kept.save({ cursor: '7', remote: { a: { iri: 'http://x/a', etag: '"1"' } }, queue: [{ kind: 'delete', id: 'a' }], conflicts: [], refused: [], shared: {} });
    assert.equal((await kept.load())!.cursor, '7');
    map.set('sync', '{broken');
    assert.equal(await kept.load(), null);
  });
});

describe('sync client against the server process', () => {
  it('with a token from `npm run server -- token`, a note goes from one device to another through `server/main.ts`', async () => {
    const dir = tempDir();
    const token = tokenFor(dir, 'ada');
    const proc = await spawnServer(dir);
    try {
      const container = `${proc.url}/annotations/`;
      const laptop = await SyncClient.open({ container, token, storage: new MemorySyncStorage() });
      const phone = await SyncClient.open({ container, token: tokenFor(dir, 'ada'), storage: new MemorySyncStorage() });
      const a = ownNote('through the process');
      await laptop.recordSave(a);
      assert.equal((await laptop.sync()).pushed, 1);
      const report = await phone.sync();
      assert.equal(report.error, null);
      const got = changeOf(report.pulled, a.id);
      assert.equal(got?.kind === 'annotation' && commentOf(got.annotation), 'through the process');
    } finally {
      await killHard(proc);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
