// Signing in from the reader and sharing through a group, against a real
// server (in-process): two people sign in, one makes a group and adds the
// other, notes sent with the group audience reach the other as a layer named
// after their author, private ones never do, and signing out revokes the token.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { startServer, note, type TestServer } from './server-harness.ts';
import { ReaderSync, type OwnNotes } from '../../src/sync/reader-sync.ts';
import { AccountClient, AccountError, groupIri } from '../../src/sync/account-client.ts';
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

class Reader implements OwnNotes {
  notes = new Map<string, Annotation>();
  shared: { id: string; label: string; annotations: readonly Annotation[] }[] = [];
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
  setSharedLayers(layers: readonly { id: string; label: string; annotations: readonly Annotation[] }[]): void {
    this.shared = [...layers];
  }
  async save(a: Annotation): Promise<void> {
    this.notes.set(a.id, a);
    await this.outbox?.recordSave(a);
  }
  sharedComments(): string[] {
    return this.shared.flatMap((l) => l.annotations.map((a) => (a.body[0] as { value: string }).value)).sort();
  }
}

let people = 0;
async function person(): Promise<{ reader: Reader; link: ReaderSync; name: string }> {
  const name = `person-${++people}-${randomUUID().slice(0, 8)}`;
  const reader = new Reader();
  const link = new ReaderSync(reader, memoryStorage(), undefined, name, { auto: false });
  assert.equal(await link.signIn(`${server.url}/`, name, 'a long password', true), true, link.status);
  return { reader, link, name };
}

const own = (comment: string) => note({ comment }) as unknown as Annotation;

describe('reader sync: accounts and groups', () => {
  it('signs in with a new account and syncs with the own container', async () => {
    const { link, name } = await person();
    assert.equal(link.account?.name, name);
    assert.match(link.status, new RegExp(`^Signed in as ${name}`));
    assert.match(link.settings!.container, /\/users\/\d+\/annotations\/$/);
    assert.equal(await link.syncNow(), true, link.status);
  });

  it('a wrong password, an unknown server and a bad address are said plainly, and nothing is connected', async () => {
    const reader = new Reader();
    const link = new ReaderSync(reader, memoryStorage(), undefined, 'wrong', { auto: false });
    assert.equal(await link.signIn(`${server.url}/`, 'tester', 'not the password'), false);
    assert.equal(link.status, 'Not signed in: The name or the password is wrong.');
    assert.equal(await link.signIn('http://127.0.0.1:1/', 'x', 'a long password'), false);
    assert.match(link.status, /^Not signed in: The server at http:\/\/127\.0\.0\.1:1 did not answer/);
    assert.equal(await link.signIn('no address', 'x', 'a long password'), false);
    assert.match(link.status, /is not a server address/);
    assert.equal(link.connected, false);
  });

  it("group members see each other's group notes as a layer named after the author; private notes stay private", async () => {
    const alice = await person();
    const bob = await person();
    await alice.link.createGroup('Seminar');
    assert.ok(alice.link.group, alice.link.status);
    assert.equal(alice.link.audience, 'group', 'choosing a group shares new notes with it');
    await alice.link.addMember(bob.name);
    assert.match(alice.link.status, /is now a member of Seminar/);
    await bob.link.chooseGroup(alice.link.group.id);
    assert.equal(bob.link.group?.name, 'Seminar', bob.link.status);

    await alice.reader.save(own('for the seminar'));
    alice.link.setAudience('private');
    await alice.reader.save(own('only for alice'));
    assert.equal(await alice.link.syncNow(), true, alice.link.status);
    assert.equal(await bob.link.syncNow(), true, bob.link.status);
    assert.deepEqual(bob.reader.sharedComments(), ['for the seminar']);
    assert.equal(bob.reader.shared[0]!.label, `${alice.name}'s notes (Seminar)`);
    assert.equal(bob.reader.notes.size, 0, "others' notes are never taken as one's own");

    // Bob's reply reaches Alice; her own notes come back as her own, not as shared.
    await bob.reader.save(own('a reply'));
    await bob.link.syncNow();
    await alice.link.syncNow();
    assert.deepEqual(alice.reader.sharedComments(), ['a reply']);
    assert.equal(alice.reader.notes.size, 2);
  });

  it("a note whose client claims another member as creator reaches the others under the poster's name, not the claimed one", async () => {
    const alice = await person();
    const bob = await person();
    const mallory = await person();
    await alice.link.createGroup('Forgery check');
    await alice.link.addMember(bob.name);
    await alice.link.addMember(mallory.name);
    await bob.link.chooseGroup(alice.link.group!.id);
    await mallory.link.chooseGroup(alice.link.group!.id);
    // Mallory's client signs the note with Alice's IRI and name, bypassing the reader.
    const aliceIri = alice.link.account!.container.replace(/\/annotations\/$/, '');
    const forged = { ...note({ comment: 'signed as alice' }), creator: { id: aliceIri, type: 'Person', name: alice.name } };
    const res = await fetch(mallory.link.settings!.container, {
      method: 'POST',
      headers: { 'Content-Type': 'application/ld+json', Authorization: `Bearer ${mallory.link.settings!.token}` },
      body: JSON.stringify(forged),
    });
    assert.equal(res.status, 201, await res.clone().text());
    assert.equal(await bob.link.syncNow(), true, bob.link.status);
    assert.deepEqual(bob.reader.shared.map((l) => l.label), [`${mallory.name}'s notes (Forgery check)`]);
    assert.equal(await alice.link.syncNow(), true, alice.link.status);
    assert.equal(alice.reader.notes.size, 0, 'Alice does not receive it as her own note');
    assert.deepEqual(alice.reader.shared.map((l) => l.label), [`${mallory.name}'s notes (Forgery check)`]);
  });

  it('an edit keeps the audience a note has; changing one note\'s audience takes it from the others, or gives it to them', async () => {
    const alice = await person();
    const bob = await person();
    await alice.link.createGroup('Reading group');
    await alice.link.addMember(bob.name);
    await bob.link.chooseGroup(alice.link.group!.id);
    const a = own('first shared');
    await alice.reader.save(a);
    await alice.link.syncNow();
    assert.equal(alice.link.audienceOf(a.id), 'group');
    alice.link.setAudience('private');
    await alice.reader.save({ ...a, body: [{ type: 'TextualBody', value: 'edited, still shared', purpose: 'commenting', format: 'text/plain' }] });
    await alice.link.syncNow();
    await bob.link.syncNow();
    assert.deepEqual(bob.reader.sharedComments(), ['edited, still shared'], 'the default for new notes does not change an edited one');
    await alice.link.setNoteAudience(a.id, 'private');
    assert.equal(alice.link.audienceOf(a.id), 'private');
    await alice.link.syncNow();
    await bob.link.syncNow();
    assert.deepEqual(bob.reader.sharedComments(), [], 'made private: gone from the others');
    await alice.link.setNoteAudience(a.id, 'group');
    await alice.link.syncNow();
    await bob.link.syncNow();
    assert.deepEqual(bob.reader.sharedComments(), ['edited, still shared']);
  });

  it('a stranger cannot choose the group; signing out revokes the token and keeps what is queued', async () => {
    const alice = await person();
    const eve = await person();
    await alice.link.createGroup('Closed');
    await eve.link.chooseGroup(alice.link.group!.id);
    assert.match(eve.link.status, /^The group was not chosen: There is nothing at this address\./);
    assert.equal(eve.link.group, null);

    const token = eve.link.settings!.token;
    await eve.reader.save(own('written before signing out'));
    await eve.link.signOut();
    assert.equal(eve.link.connected, false);
    assert.match(eve.link.status, /^Signed out\./);
    const res = await fetch(`${server.url}/annotations/`, { headers: { Authorization: `Bearer ${token}` } });
    assert.equal(res.status, 401, 'the token no longer works');
    assert.equal(await eve.link.signIn(`${server.url}/`, eve.name, 'a long password'), true);
    assert.match(eve.link.status, /1 changes wait to be sent/);
  });

  it('a token revoked elsewhere asks for a new sign-in; what was queued waits for it, not lost', async () => {
    const { reader, link, name } = await person();
    await reader.save(own('queued before the token went'));
    await server.accounts.revokeToken(link.settings!.token);
    assert.equal(await link.syncNow(), false);
    assert.match(link.status, /no longer accepts your sign-in \(401.*sign in again/);
    assert.equal(link.phase, 'signed-out');
    assert.equal(link.connected, false);
    assert.equal(await link.signIn(`${server.url}/`, name, 'a long password'), true);
    assert.equal(link.pending, 1);
    assert.equal(await link.syncNow(), true, link.status);
    assert.match(link.status, /^Synced: 1 sent/);
  });

  it('syncs by itself, and a periodic sync that changes nothing leaves the status line (a live region) as it was', async () => {
    const reader = new Reader();
    const name = `person-auto-${randomUUID().slice(0, 8)}`;
    const link = new ReaderSync(reader, memoryStorage(), undefined, name, { auto: { debounceMs: 10, periodMs: 20, backoffMs: 20 } });
    const statuses: string[] = [];
    link.onChange(() => statuses.push(link.status));
    try {
      assert.equal(await link.signIn(`${server.url}/`, name, 'a long password', true), true, link.status);
      await reader.save(own('sent without asking'));
      while (link.finishedSyncs < 4) await new Promise((r) => setTimeout(r, 10));
      assert.equal(link.pending, 0);
      assert.ok(!statuses.includes('Syncing…'), 'automatic syncs do not announce themselves');
      assert.equal(link.status, 'Synced: 0 sent, 0 received.');
    } finally {
      link.disconnect();
    }
  });

  it('reads group addresses in their three forms and refuses others', () => {
    const id = '0f8fad5b-d9cb-469f-a165-70867728950e';
    const origin = 'http://127.0.0.1:8787';
    for (const form of [id, `${origin}/groups/${id}`, `${origin}/groups/${id}/annotations/`]) assert.equal(groupIri(origin, form), `${origin}/groups/${id}`);
    assert.throws(() => groupIri(origin, 'http://elsewhere.test/groups/' + id), AccountError);
    assert.throws(() => groupIri(origin, `${origin}/users/1/annotations/`), /is not a group on/);
  });

  it('an answer that is not JSON is an AccountError, not a crash', async () => {
    const client = new AccountClient((async () => new Response('<html>proxy error</html>', { status: 200 })));
    await assert.rejects(client.signIn('http://127.0.0.1:9/', 'a', 'b'), /not JSON/);
  });
});
