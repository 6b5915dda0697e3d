// The reader's server link (ReaderSync) over a real server, with the session
// stood in for by a map of own notes: connecting queues the notes already
// there, own changes reach the other device, conflicts are settled by choice,
// and the settings and queue survive a reload (Web Storage).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startServer, note, type TestServer } from './server-harness.ts';
import { ReaderSync, type OwnNotes } from '../../src/sync/reader-sync.ts';
import type { NoteOutbox, RemoteChange } from '../../src/sync/sync-client.ts';
import type { Annotation } from '../../src/annotations/model.ts';
import { memoryStorage } from './support/memory-storage.ts';

let server: TestServer;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server.close();
});

/** A device's own notes, saved the way the session does: stored, then queued in the outbox. */
class Device implements OwnNotes {
  notes = new Map<string, Annotation>();
  outbox: NoteOutbox | null = null;
  async applyRemoteChanges(changes: readonly RemoteChange[]): Promise<string[]> {
    for (const c of changes) {
      if (c.kind === 'annotation') this.notes.set(c.id, c.annotation);
      else this.notes.delete(c.id);
    }
    return [];
  }
  ownAnnotations(): readonly Annotation[] {
    return [...this.notes.values()];
  }
  setOutbox(outbox: NoteOutbox | null): void {
    this.outbox = outbox;
  }
  async save(a: Annotation): Promise<void> {
    this.notes.set(a.id, a);
    await this.outbox?.recordSave(a);
  }
  async remove(id: string): Promise<void> {
    this.notes.delete(id);
    await this.outbox?.recordDelete(id);
  }
}

function commentOf(a: Annotation | undefined): string | undefined {
  return (a?.body[0] as { value?: string } | undefined)?.value;
}

function edited(a: Annotation, comment: string): Annotation {
  return { ...a, body: [{ type: 'TextualBody', value: comment, purpose: 'commenting', format: 'text/plain' }], modified: new Date().toISOString() };
}

async function connected(device: Device, storage = memoryStorage()): Promise<ReaderSync> {
  const link = new ReaderSync(device, storage);
  await link.connect({ container: `${server.url}/annotations/`, token: (await server.accounts.issueToken(server.user)).token });
  return link;
}

describe('reader sync', () => {
  it('sends the notes made before connecting, then each change, to the other device', async () => {
    const laptop = new Device();
    const before = note({ comment: 'written before connecting' }) as unknown as Annotation;
    laptop.notes.set(before.id, before);
    const laptopLink = await connected(laptop);
    assert.match(laptopLink.status, /1 changes wait/);
    await laptopLink.syncNow();
    assert.match(laptopLink.status, /^Synced: 1 sent/);

    const phone = new Device();
    const phoneLink = await connected(phone);
    await phoneLink.syncNow();
    assert.equal(commentOf(phone.notes.get(before.id)), 'written before connecting');

    await laptop.save(edited(before, 'edited on the laptop'));
    await laptopLink.syncNow();
    await phoneLink.syncNow();
    assert.equal(commentOf(phone.notes.get(before.id)), 'edited on the laptop');

    await phone.remove(before.id);
    await phoneLink.syncNow();
    await laptopLink.syncNow();
    assert.equal(laptop.notes.has(before.id), false);
  });

  it('a conflict is named in the status and settled by the reader\'s choice', async () => {
    const laptop = new Device();
    const phone = new Device();
    const laptopLink = await connected(laptop);
    const phoneLink = await connected(phone);
    await phoneLink.syncNow();
    const a = note({ comment: 'shared' }) as unknown as Annotation;
    await laptop.save(a);
    await laptopLink.syncNow();
    await phoneLink.syncNow();
    await laptop.save(edited(a, 'laptop'));
    await laptopLink.syncNow();
    await phone.save(edited(a, 'phone'));
    await phoneLink.syncNow();
    assert.match(phoneLink.status, /1 notes changed on the server and here/);
    assert.equal(phoneLink.conflicts.length, 1);
    assert.equal(commentOf(phone.notes.get(a.id)), 'phone', 'the reader\'s version is not overwritten');
    await phoneLink.resolve(a.id, 'theirs');
    assert.equal(commentOf(phone.notes.get(a.id)), 'laptop');
    assert.equal(phoneLink.conflicts.length, 0);
  });

  it('settings and the queue survive a reload; a change made offline is sent once the server answers', async () => {
    const storage = memoryStorage();
    let offline = true;
    const net = ((input: RequestInfo | URL, init?: RequestInit) => (offline ? Promise.reject(new TypeError('fetch failed')) : fetch(input, init))) as typeof fetch;
    const device = new Device();
    const link = new ReaderSync(device, storage, net);
    await link.connect({ container: `${server.url}/annotations/`, token: (await server.accounts.issueToken(server.user)).token });
    const a = note({ comment: 'offline note' }) as unknown as Annotation;
    await device.save(a);
    await link.syncNow();
    assert.match(link.status, /did not answer.*\n0 sent, 1 wait/s);

    // The page reloads: a new link over the same storage finds the settings and the queue.
    const reloaded = new Device();
    const again = new ReaderSync(reloaded, storage, net);
    await again.resume();
    assert.equal(again.connected, true);
    offline = false;
    await again.syncNow();
    assert.match(again.status, /^Synced: 1 sent/);
  });

  it('a bad address is said, not thrown, and nothing is queued', async () => {
    const device = new Device();
    const link = new ReaderSync(device, memoryStorage());
    await link.connect({ container: 'not an address', token: 'x' });
    assert.equal(link.connected, false);
    assert.match(link.status, /not a server address/);
    assert.equal(device.outbox, null);
  });
});
