// Attribution is the server's to state: whatever `creator` a client sends, the
// stored and served note names the account that wrote it, so no group member
// can sign a note with another member's name.
import { it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachEngine } from './server-engines.ts';
import { ANNO_TYPE, api, note, startServer, type TestServer } from './server-harness.ts';

type Doc = Record<string, any>;

describeEachEngine('annotation server: attribution', () => {
  let server: TestServer;
  let group: string;
  let memberToken: string;
  let memberIri: string;
  let ownerIri: string;

  before(async () => {
    server = await startServer();
    const groupId = (await server.accounts.createGroup(server.user, 'Seminar')).id;
    group = `${server.url}/groups/${groupId}/annotations/`;
    const member = (await server.accounts.createUser('Bob', null))!;
    await server.accounts.addMember(groupId, member);
    memberToken = (await server.accounts.issueToken(member)).token;
    memberIri = `${server.url}/users/${member.id}`;
    ownerIri = `${server.url}/users/${server.user.id}`;
  });
  after(() => server.close());

  function send(method: string, url: string, token: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
    return api(url, { method, headers: { 'Content-Type': ANNO_TYPE, Authorization: `Bearer ${token}`, ...headers }, body: JSON.stringify(body) });
  }

  /** A member's POST to the group, signed with `claim` in place of their own name; the stored note's address. */
  async function postedAsMember(claim: Doc): Promise<{ location: string; doc: Doc }> {
    const res = await send('POST', group, memberToken, { ...note(), ...claim });
    assert.equal(res.status, 201, await res.clone().text());
    return { location: res.headers.get('location')!, doc: (await res.json()) as Doc };
  }

  const BOB = () => ({ id: memberIri, type: 'Person', name: 'Bob' });

  it("names the poster, not the member whose creator the note claims, in the answer, the stored note, search and the feed", async () => {
    const { location, doc } = await postedAsMember({ creator: { id: ownerIri, type: 'Person', name: 'tester' } });
    assert.deepEqual(doc.creator, BOB());
    const served = (await (await api(location)).json()) as Doc;
    assert.deepEqual(served.creator, BOB(), 'the owner of the group reads the real author');
    const byClaimed = (await (await api(`${group}_search?creator=tester`)).json()) as Doc;
    assert.ok(!byClaimed.items.some((a: Doc) => a.id === location), 'search by the claimed name does not find it');
    const byPoster = (await (await api(`${group}_search?creator=${encodeURIComponent(memberIri)}`)).json()) as Doc;
    assert.ok(byPoster.items.some((a: Doc) => a.id === location), 'search by the poster finds it');
    const feed = (await (await api(`${group}_changes?since=0`)).json()) as Doc;
    const entry = feed.changes.find((c: Doc) => c.id === location);
    assert.deepEqual(entry.annotation.creator, BOB(), 'the change feed names the poster');
  });

  it('names the poster when the note claims only a generator, and keeps the generator', async () => {
    const { doc } = await postedAsMember({ creator: undefined, generator: { type: 'Software', name: 'tester' } });
    assert.deepEqual(doc.creator, BOB());
    assert.equal(doc.generator.name, 'tester');
  });

  it("keeps the owner as creator when the owner's PUT claims someone else", async () => {
    const { location, doc } = await postedAsMember({});
    const res = await send('PUT', location, memberToken, { ...doc, creator: { id: ownerIri, type: 'Person', name: 'tester' }, motivation: 'highlighting' });
    assert.equal(res.status, 200, await res.clone().text());
    const served = (await (await api(location)).json()) as Doc;
    assert.equal(served.motivation, 'highlighting');
    assert.deepEqual(served.creator, BOB());
  });
});
