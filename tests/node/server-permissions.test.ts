// People, tokens and groups: who may read, change and delete which annotation.
// 404 for what one may not see, 403 for what one may see but not change.
import { it, before, after } from 'node:test';
import { describeEachEngine } from './server-engines.ts';
import assert from 'node:assert/strict';
import { hashPassword, verifyPassword } from '../../server/passwords.ts';
import { ANNO_TYPE, assertProblem, assertValidAnnotation, note, startServer, type TestServer } from './server-harness.ts';

type Actor = 'owner' | 'member' | 'stranger' | 'anonymous';
type Audience = 'private' | 'group' | 'public';
type Doc = Record<string, any>;

function call(url: string, token: string | null, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (token) headers.set('Authorization', `Bearer ${token}`);
  return fetch(url, { ...init, headers });
}

async function json(method: string, url: string, token: string | null, body: unknown): Promise<Response> {
  return call(url, token, { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
}

describeEachEngine('annotation server: permissions', () => {
  let server: TestServer;
  const tokens: Record<Actor, string | null> = { owner: null, member: null, stranger: null, anonymous: null };
  let group: string;

  before(async () => {
    server = await startServer();
    tokens.owner = server.token;
    for (const name of ['member', 'stranger'] as const) {
      const user = (await server.accounts.createUser(name, null))!;
      tokens[name] = (await server.accounts.issueToken(user)).token;
    }
    const made = await json('POST', `${server.url}/groups`, tokens.owner, { name: 'Seminar' });
    assert.equal(made.status, 201);
    group = ((await made.json()) as Doc).annotations;
    assert.equal((await json('POST', `${group.replace(/annotations\/$/, '')}members`, tokens.owner, { name: 'member' })).status, 204);
  });
  after(() => server.close());

  /** A fresh annotation by the owner in the group container with `audience`; its address. */
  async function groupNote(audience: Audience): Promise<{ location: string; doc: Doc }> {
    const res = await json('POST', group, tokens.owner, { ...note(), 'reader:audience': audience });
    assert.equal(res.status, 201, await res.clone().text());
    return { location: res.headers.get('location')!, doc: (await res.json()) as Doc };
  }

  const EXPECTED: Record<Audience, Record<Actor, { read: number; update: number; delete: number }>> = {
    private: {
      owner: { read: 200, update: 200, delete: 204 },
      member: { read: 404, update: 404, delete: 404 },
      stranger: { read: 404, update: 404, delete: 404 },
      anonymous: { read: 404, update: 404, delete: 404 },
    },
    group: {
      owner: { read: 200, update: 200, delete: 204 },
      member: { read: 200, update: 403, delete: 403 },
      stranger: { read: 404, update: 404, delete: 404 },
      anonymous: { read: 404, update: 404, delete: 404 },
    },
    public: {
      owner: { read: 200, update: 200, delete: 204 },
      member: { read: 200, update: 403, delete: 403 },
      stranger: { read: 200, update: 403, delete: 403 },
      anonymous: { read: 200, update: 403, delete: 403 },
    },
  };

  for (const [audience, byActor] of Object.entries(EXPECTED) as [Audience, (typeof EXPECTED)[Audience]][]) {
    for (const [actor, expected] of Object.entries(byActor) as [Actor, { read: number; update: number; delete: number }][]) {
      it(`${audience} annotation, ${actor}: read ${expected.read}, update ${expected.update}, delete ${expected.delete}`, async () => {
        const { location, doc } = await groupNote(audience);
        const read = await call(location, tokens[actor]);
        assert.equal(read.status, expected.read);
        if (read.status === 200) assertValidAnnotation(await read.json());
        else await assertProblem(read, expected.read);

        const edited = { ...doc, body: [{ type: 'TextualBody', value: `edited by ${actor}`, purpose: 'commenting' }] };
        const update = await call(location, tokens[actor], { method: 'PUT', headers: { 'Content-Type': ANNO_TYPE }, body: JSON.stringify(edited) });
        if (expected.update !== 200) await assertProblem(update, expected.update);
        else assert.equal(update.status, 200);
        const after = (await (await call(location, tokens.owner)).json()) as Doc;
        assert.equal(after.body[0].value, expected.update === 200 ? `edited by ${actor}` : 'a comment', 'only the owner changes it');

        const del = await call(location, tokens[actor], { method: 'DELETE' });
        assert.equal(del.status, expected.delete);
        assert.equal((await call(location, tokens.owner)).status, expected.delete === 204 ? 410 : 200);
      });
    }
  }

  it('lists a group container to members only, without others\' private annotations', async () => {
    const mine = await groupNote('private');
    const shared = await groupNote('group');
    const list = async (actor: Actor) => call(`${group}?iris=1&after=0`, tokens[actor]);
    const member = (await (await list('member')).json()) as Doc;
    assert.ok(member.items.includes(shared.location));
    assert.ok(!member.items.includes(mine.location));
    assert.equal(member.partOf.total, member.items.length);
    const owner = (await (await list('owner')).json()) as Doc;
    assert.ok(owner.items.includes(mine.location));
    await assertProblem(await list('stranger'), 404);
    await assertProblem(await list('anonymous'), 404);
    await assertProblem(await json('POST', group, tokens.stranger, note()), 404);
    const search = (await (await call(`${group}_search?quote=quoted`, tokens.member)).json()) as Doc;
    assert.ok(!search.items.some((a: Doc) => a.id === mine.location), 'search hides them too');
  });

  it('gives a member a tombstone when an annotation they saw becomes private', async () => {
    const { location, doc } = await groupNote('group');
    const feed = async () => (await (await call(`${group}_changes?since=0`, tokens.member)).json()) as Doc;
    assert.ok((await feed()).changes.some((c: Doc) => c.id === location && c.annotation));
    const hide = await call(location, tokens.owner, { method: 'PUT', headers: { 'Content-Type': ANNO_TYPE }, body: JSON.stringify({ ...doc, 'reader:audience': 'private' }) });
    assert.equal(hide.status, 200);
    const entry = (await feed()).changes.find((c: Doc) => c.id === location);
    assert.equal(entry.type, 'Tombstone');
    assert.equal(entry.annotation, undefined);
  });

  it('keeps a person\'s own container theirs: others get 404, public notes are readable by their IRI', async () => {
    const own = `${server.url}/annotations/`;
    const pub = await json('POST', own, tokens.owner, { ...note(), 'reader:audience': 'public' });
    const priv = await json('POST', own, tokens.owner, note());
    assert.equal(pub.status, 201);
    assert.ok(pub.headers.get('location')!.startsWith(server.container), 'ids are the canonical /users/<id>/annotations/ IRIs');
    assert.equal((await call(pub.headers.get('location')!, null)).status, 200);
    assert.equal((await call(priv.headers.get('location')!, tokens.stranger)).status, 404);
    await assertProblem(await call(server.container, tokens.stranger), 404);
    await assertProblem(await call(own, null), 401);
  });

  it('names the signed-in person as creator when the annotation names neither creator nor generator', async () => {
    const res = await json('POST', `${server.url}/annotations/`, tokens.member, { ...note(), creator: undefined });
    assert.equal(res.status, 201);
    const doc = (await res.json()) as Doc;
    assert.equal(doc.creator.name, 'member');
    assertValidAnnotation(doc);
  });

  it('lets only the group owner add members, and hides a group from strangers', async () => {
    const base = group.replace(/annotations\/$/, '');
    await assertProblem(await json('POST', `${base}members`, tokens.member, { name: 'stranger' }), 403);
    await assertProblem(await json('POST', `${base}members`, tokens.stranger, { name: 'stranger' }), 404);
    await assertProblem(await call(base.slice(0, -1), tokens.stranger), 404);
    const shown = (await (await call(base.slice(0, -1), tokens.member)).json()) as Doc;
    assert.deepEqual(shown.members.map((m: Doc) => m.name).sort(), ['member', 'tester']);
    await assertProblem(await json('POST', `${server.url}/groups`, null, { name: 'x' }), 401);
  });
});

describeEachEngine('annotation server: accounts and tokens', () => {
  let server: TestServer;
  before(async () => (server = await startServer({ signInAttempts: 3 })));
  after(() => server.close());

  it('hashes passwords with scrypt and a fresh salt', async () => {
    const a = await hashPassword('correct horse');
    const b = await hashPassword('correct horse');
    assert.match(a, /^scrypt\$\d+\$\d+\$\d+\$[\w-]+\$[\w-]+$/);
    assert.notEqual(a, b);
    assert.equal(await verifyPassword('correct horse', a), true);
    assert.equal(await verifyPassword('correct hors', a), false);
    assert.equal(await verifyPassword('x', 'not a hash'), false);
  });

  it('creates an account, signs in, uses the token, and revokes it', async () => {
    const made = await json('POST', `${server.url}/accounts`, null, { name: 'Rosa', password: 'a long password' });
    assert.equal(made.status, 201);
    await assertProblem(await json('POST', `${server.url}/accounts`, null, { name: 'ROSA', password: 'another password' }), 409);
    await assertProblem(await json('POST', `${server.url}/accounts`, null, { name: 'Short', password: 'short' }), 400);
    await assertProblem(await json('POST', `${server.url}/accounts`, null, { name: '../etc', password: 'a long password' }), 400);
    const signIn = await json('POST', `${server.url}/tokens`, null, { name: 'rosa', password: 'a long password' });
    assert.equal(signIn.status, 201);
    const { token, expires } = (await signIn.json()) as Doc;
    assert.ok(Date.parse(expires) > Date.now());
    assert.equal((await call(`${server.url}/annotations/`, token)).status, 200);
    assert.equal((await call(`${server.url}/tokens/current`, token, { method: 'DELETE' })).status, 204);
    await assertProblem(await call(`${server.url}/annotations/`, token), 401);
  });

  it('refuses unknown and expired tokens with 401', async () => {
    await assertProblem(await call(`${server.url}/annotations/`, 'not-a-token'), 401);
    await assertProblem(await call(`${server.url}/annotations/`, null, { headers: { Authorization: 'Basic abc' } }), 401);
    const user = (await server.accounts.createUser('Expired', null))!;
    const { token } = await server.accounts.issueToken(user, -1000);
    await assertProblem(await call(`${server.url}/annotations/`, token), 401);
  });

  it('limits failed sign-ins (429 with Retry-After), even for the right password then', async () => {
    await json('POST', `${server.url}/accounts`, null, { name: 'Target', password: 'the right password' });
    for (let i = 0; i < 3; i++) await assertProblem(await json('POST', `${server.url}/tokens`, null, { name: 'Target', password: `guess ${i} guess` }), 401);
    const blocked = await json('POST', `${server.url}/tokens`, null, { name: 'Target', password: 'the right password' });
    assert.ok(Number(blocked.headers.get('retry-after')) > 0);
    await assertProblem(blocked, 429);
    // Another person at the same address is not locked out by those failures.
    await json('POST', `${server.url}/accounts`, null, { name: 'Neighbour', password: 'neighbour password' });
    assert.equal((await json('POST', `${server.url}/tokens`, null, { name: 'Neighbour', password: 'neighbour password' })).status, 201);
  });

  const BAD: [string, string, string, string | undefined, number][] = [
    ['broken JSON to /accounts', 'POST', '/accounts', '{"name":', 400],
    ['a list to /tokens', 'POST', '/tokens', '[]', 400],
    ['a sign-in without a password', 'POST', '/tokens', '{"name":"x"}', 400],
    ['a name that is not text', 'POST', '/accounts', '{"name":{"a":1},"password":"long enough"}', 400],
    ['a password of 2,000 characters', 'POST', '/accounts', JSON.stringify({ name: 'Long', password: 'p'.repeat(2000) }), 400],
    ['GET on /tokens', 'GET', '/tokens', undefined, 405],
    ['a group id that is a path', 'GET', '/groups/..%2F..%2Fetc', undefined, 404],
    ['a group container that does not exist', 'GET', '/groups/00000000-0000-4000-8000-000000000000/annotations/', undefined, 404],
    ['a person container that does not exist', 'GET', '/users/999999/annotations/', undefined, 404],
  ];
  for (const [name, method, path, body, status] of BAD) {
    it(`refuses ${name} with ${status}`, async () => {
      const init: RequestInit = body === undefined ? { method } : { method, headers: { 'Content-Type': 'application/json' }, body };
      await assertProblem(await fetch(`${server.url}${path}`, init), status);
    });
  }

  it('refuses a sign-in sent as form data with 415', async () => {
    await assertProblem(await fetch(`${server.url}/tokens`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'name=a&password=b' }), 415);
  });
});
