// Bad input to the annotation server: each gets a 4xx with one sentence of
// problem JSON, nothing is stored, and the server keeps serving.
import { it, before, after } from 'node:test';
import { describeEachEngine } from './server-engines.ts';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { MAX_FILE_LENGTH } from '../../src/annotations/validate.ts';
import { api, ANNO_TYPE, assertProblem, created, note, post, startServer, type TestServer } from './server-harness.ts';

type Case = { name: string; status: number; send: (server: TestServer) => Promise<Response> };

const json = (server: TestServer, body: string, contentType = ANNO_TYPE) => post(server, body, { 'Content-Type': contentType });

const CASES: Case[] = [
  { name: 'broken JSON', status: 400, send: (s) => json(s, '{"type": "Annotation",') },
  { name: 'an empty body', status: 400, send: (s) => json(s, '') },
  { name: 'a JSON list', status: 400, send: (s) => json(s, JSON.stringify([note()])) },
  { name: 'a JSON string', status: 400, send: (s) => json(s, '"hello"') },
  { name: 'an object that is no annotation', status: 400, send: (s) => json(s, '{"hello": "world"}') },
  { name: 'an annotation without a target', status: 400, send: (s) => post(s, { ...note(), target: undefined }) },
  { name: 'a target source that is a relative path', status: 400, send: (s) => post(s, { ...note(), target: { ...(note().target as object), source: 'documents/one.txt' } }) },
  { name: 'a creator that is not an agent', status: 400, send: (s) => post(s, { ...note(), creator: 'Ada' }) },
  { name: 'an audience the container does not have', status: 400, send: (s) => post(s, { ...note(), 'reader:audience': 'group' }) },
  { name: 'a wrong Content-Type', status: 415, send: (s) => json(s, JSON.stringify(note()), 'text/plain') },
  { name: 'no Content-Type', status: 415, send: (s) => api(s.container, { method: 'POST', body: new Blob([JSON.stringify(note())]) }) },
  { name: 'an id that is a path', status: 400, send: (s) => post(s, note({ id: '../../etc/passwd' })) },
  { name: 'an id that is not text', status: 400, send: (s) => post(s, { ...note(), id: { '@id': 'x' } }) },
  { name: 'an id of 5,000 characters', status: 400, send: (s) => post(s, note({ id: `urn:x:${'a'.repeat(5000)}` })) },
  { name: "an id in the container that cannot be a slug", status: 400, send: (s) => post(s, note({ id: `${s.container}_changes` })) },
  { name: 'a body over the import limit', status: 413, send: (s) => json(s, `{"pad": "${'x'.repeat(MAX_FILE_LENGTH)}"}`) },
  { name: 'invalid UTF-8', status: 400, send: (s) => api(s.container, { method: 'POST', headers: { 'Content-Type': ANNO_TYPE }, body: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]) }) },
  { name: 'a path that climbs out of the container', status: 404, send: (s) => api(`${s.container}..%2F..%2Fetc%2Fpasswd`) },
  { name: 'a path with broken percent-encoding', status: 404, send: (s) => api(`${s.container}%E0%A4%A`) },
  { name: 'an overlong slug', status: 404, send: (s) => api(`${s.container}${'a'.repeat(300)}`) },
  { name: 'an unknown container parameter', status: 400, send: (s) => api(`${s.container}?offset=100000`) },
  { name: 'a page key that is not a number', status: 400, send: (s) => api(`${s.container}?after=1%20OR%201=1`) },
  { name: 'a page key beyond any integer', status: 400, send: (s) => api(`${s.container}?after=99999999999999999999`) },
  { name: 'an unknown page name', status: 400, send: (s) => api(`${s.container}?page=-1`) },
  { name: 'iris=2', status: 400, send: (s) => api(`${s.container}?iris=2&after=0`) },
  { name: 'a PUT to an address that holds nothing', status: 404, send: (s) => api(`${s.container}nothing-here`, { method: 'PUT', headers: { 'Content-Type': ANNO_TYPE }, body: JSON.stringify(note()) }) },
];

describeEachEngine('annotation server: bad input', () => {
  let server: TestServer;
  before(async () => (server = await startServer()));
  after(() => server.close());

  for (const c of CASES) {
    it(`refuses ${c.name} with ${c.status} and stores nothing`, async () => {
      const key = `user:${server.user.id}`;
      const before = (await server.store.containerState(key)).total;
      await assertProblem(await c.send(server), c.status);
      assert.equal((await server.store.containerState(key)).total, before);
    });
  }

  it('refuses a PUT whose id is another annotation, or whose body is invalid, and keeps the stored one', async () => {
    const { location, doc } = await created(server, { comment: 'kept' });
    const other = await created(server);
    const put = (body: unknown) => api(location, { method: 'PUT', headers: { 'Content-Type': ANNO_TYPE }, body: JSON.stringify(body) });
    await assertProblem(await put({ ...doc, id: other.location }), 400);
    await assertProblem(await put({ ...doc, motivation: 'shouting' }), 400);
    await assertProblem(await put([doc]), 400);
    const now = (await (await api(location)).json()) as { body: { value: string }[] };
    assert.equal(now.body[0]!.value, 'kept');
  });

  it('answers a request it cannot parse as HTTP with 400 and keeps serving', async () => {
    const { port } = new URL(server.url);
    const reply = await new Promise<string>((resolve) => {
      let text = '';
      const socket = connect(Number(port), '127.0.0.1', () => socket.write('NOT HTTP AT ALL\r\n\r\n'));
      socket.on('data', (d) => (text += d.toString('utf8')));
      socket.on('close', () => resolve(text));
      socket.on('error', () => resolve(text));
    });
    assert.match(reply, /^HTTP\/1\.1 400 /);
    assert.equal((await api(server.container)).status, 200);
  });
});
