// Beyond the protocol: search by target document, quote, tag, creator and
// modified date, and the change feed (`?since=<cursor>`) with tombstones.
import { it, before, after } from 'node:test';
import { describeEachEngine } from './server-engines.ts';
import assert from 'node:assert/strict';
import { api, ANNO_TYPE, assertProblem, assertValidAnnotation, created, note, post, startServer, type TestServer } from './server-harness.ts';

type Doc = Record<string, any>;
const ONE = 'https://example.org/texts/one';
const TWO = 'https://example.org/texts/two';

describeEachEngine('annotation server: search', () => {
  let server: TestServer;
  /** A group's container: the server names the creator after the account that posts, so each author posts there. */
  let group: string;
  const at: Record<string, string> = {};
  before(async () => {
    server = await startServer({ pageSize: 2 });
    const made = (await server.accounts.createGroup(server.user, 'Seminar')).id;
    group = `${server.url}/groups/${made}/annotations/`;
    const tokens: Record<string, string> = {};
    for (const name of ['Ana Núñez', 'ana nunez', 'Ben Ode']) {
      const user = (await server.accounts.createUser(name, null))!;
      await server.accounts.addMember(made, user);
      tokens[name] = (await server.accounts.issueToken(user)).token;
    }
    const notes = {
      corvalan: { source: ONE, exact: 'Luis Corvalán met the delegation', tags: ['claim'], creator: 'Ana Núñez', created: '2026-01-05T10:00:00Z' },
      percent: { source: ONE, exact: 'rose by 50% in 1971_72', tags: ['garbled'], creator: 'Ben Ode', created: '2026-02-10T10:00:00Z' },
      zurich: { source: TWO, exact: 'talks in Zürich', tags: ['claim', 'conflicts'], creator: 'ana nunez', created: '2026-03-15T10:00:00Z' },
      plain: { source: TWO, exact: 'an ordinary sentence', tags: [], creator: 'Ben Ode', created: '2026-03-20T10:00:00Z', modified: '2026-04-01T00:00:00+02:00' },
    };
    for (const [name, options] of Object.entries(notes)) {
      const res = await post({ container: group }, note(options), { Authorization: `Bearer ${tokens[options.creator]!}` });
      assert.equal(res.status, 201, await res.clone().text());
      at[name] = res.headers.get('location')!;
    }
  });
  after(() => server.close());

  async function search(query: string, container = group): Promise<string[]> {
    const ids: string[] = [];
    let url: string | undefined = `${container}_search?${query}`;
    while (url) {
      const res: Response = await api(url);
      assert.equal(res.status, 200, await res.clone().text());
      const page = (await res.json()) as Doc;
      assert.equal(page.type, 'AnnotationPage');
      for (const item of page.items) assertValidAnnotation(item);
      ids.push(...page.items.map((a: Doc) => a.id));
      url = page.next;
    }
    return ids;
  }

  const CASES: [string, string, string[]][] = [
    ['by target document', `source=${encodeURIComponent(ONE)}`, ['corvalan', 'percent']],
    ['by tag', 'tag=claim', ['corvalan', 'zurich']],
    ['by quote, ignoring case and diacritics', 'quote=CORVALAN', ['corvalan']],
    ['by quote, "Zurich" finding "Zürich"', 'quote=zurich', ['zurich']],
    ['by quote, % and _ taken literally', `quote=${encodeURIComponent('50% in 1971_')}`, ['percent']],
    ['by quote, % alone matching no wildcard', `quote=${encodeURIComponent('%')}`, ['percent']],
    ['by creator name, ignoring case and diacritics', `creator=${encodeURIComponent('Ana Nunez')}`, ['corvalan', 'zurich']],
    ['by modified date (created when never modified)', 'modifiedFrom=2026-02-01&modifiedTo=2026-03-16', ['percent', 'zurich']],
    ['by modified date with a timezone', `modifiedFrom=${encodeURIComponent('2026-03-31T22:00:00Z')}`, ['plain']],
    ['with several filters at once', `source=${encodeURIComponent(TWO)}&tag=claim&creator=ana%20nunez`, ['zurich']],
    ['with nothing matching', 'tag=nothing-has-this', []],
  ];
  for (const [name, query, expected] of CASES) {
    it(`finds ${name}`, async () => {
      assert.deepEqual(await search(query), expected.map((n) => at[n]));
    });
  }

  it('gives the total of all matches in partOf while paging', async () => {
    const page = (await (await api(`${group}_search?creator=ben%20ode`)).json()) as Doc;
    assert.equal(page.partOf.total, 2);
    assert.equal(page.items.length, 2);
  });

  it('follows an edit and a deletion', async () => {
    const { location, doc } = await created(server, { exact: 'a passage about copper', tags: ['claim'] });
    assert.deepEqual(await search('quote=copper', server.container), [location]);
    const edited = { ...doc, target: { ...(doc.target as Doc), selector: [{ type: 'TextQuoteSelector', exact: 'a passage about nitrate' }, { type: 'TextPositionSelector', start: 0, end: 23 }] }, body: [] };
    assert.equal((await api(location, { method: 'PUT', headers: { 'Content-Type': ANNO_TYPE }, body: JSON.stringify(edited) })).status, 200);
    assert.deepEqual(await search('quote=copper', server.container), []);
    assert.deepEqual(await search('quote=nitrate', server.container), [location]);
    assert.ok(!(await search('tag=claim', server.container)).includes(location), 'the removed tag no longer finds it');
    assert.equal((await api(location, { method: 'DELETE' })).status, 204);
    assert.deepEqual(await search('quote=nitrate', server.container), []);
  });

  const BAD: [string, string][] = [
    ['an unknown parameter', 'q=x'],
    ['an empty quote', 'quote='],
    ['a source that is not an absolute IRI', 'source=one.txt'],
    ['a date that is not one', 'modifiedFrom=yesterday'],
    ['a date without a timezone', 'modifiedFrom=2026-01-01T10:00:00'],
    ['a parameter of 2,000 characters', `quote=${'a'.repeat(2000)}`],
  ];
  for (const [name, query] of BAD) {
    it(`refuses ${name} with 400`, async () => {
      await assertProblem(await api(`${server.container}_search?${query}`), 400);
    });
  }
});

describeEachEngine('annotation server: change feed', () => {
  let server: TestServer;
  before(async () => (server = await startServer()));
  after(() => server.close());

  async function feed(since: string, limit?: number): Promise<Doc> {
    const res = await api(`${server.container}_changes?since=${since}${limit ? `&limit=${limit}` : ''}`);
    assert.equal(res.status, 200);
    return (await res.json()) as Doc;
  }

  it('lists creations, then from a cursor only later changes, with tombstones for deletions', async () => {
    const empty = await feed('0');
    assert.deepEqual(empty.changes, []);
    assert.equal(empty.cursor, '0');

    const a = await created(server, { comment: 'a' });
    const b = await created(server, { comment: 'b' });
    const all = await feed('0');
    assert.deepEqual(all.changes.map((c: Doc) => c.id), [a.location, b.location]);
    for (const c of all.changes) assertValidAnnotation(c.annotation);
    const cursor = all.cursor;

    const edited = { ...a.doc, body: [{ type: 'TextualBody', value: 'a, edited', purpose: 'commenting' }] };
    assert.equal((await api(a.location, { method: 'PUT', headers: { 'Content-Type': ANNO_TYPE }, body: JSON.stringify(edited) })).status, 200);
    assert.equal((await api(b.location, { method: 'DELETE' })).status, 204);

    const later = await feed(cursor);
    assert.equal(later.changes.length, 2);
    const [edit, tomb] = later.changes as Doc[];
    assert.equal(edit!.id, a.location);
    assert.equal(edit!.annotation.body[0].value, 'a, edited');
    assert.equal(edit!.etag, (await api(a.location)).headers.get('etag'));
    assert.equal(tomb!.id, b.location);
    assert.equal(tomb!.type, 'Tombstone');
    assert.ok(tomb!.deleted);
    assert.equal(tomb!.annotation, undefined);
    assert.ok(Number(later.cursor) > Number(cursor));
    assert.deepEqual((await feed(later.cursor)).changes, [], 'nothing after the newest cursor');
    assert.equal(later.next, `${server.container}_changes?since=${later.cursor}`);
  });

  it('pages with limit and says when more follow', async () => {
    const start = (await feed('0')).cursor;
    for (let i = 0; i < 5; i++) await created(server);
    const seen: string[] = [];
    let page = await feed(start, 2);
    seen.push(...page.changes.map((c: Doc) => c.id));
    assert.equal(page.more, true);
    while (page.more) {
      page = await feed(page.cursor, 2);
      seen.push(...page.changes.map((c: Doc) => c.id));
    }
    assert.equal(seen.length, 5);
    assert.equal(new Set(seen).size, 5);
  });

  it('refuses a cursor that is not a whole number', async () => {
    await assertProblem(await api(`${server.container}_changes?since=-1`), 400);
    await assertProblem(await api(`${server.container}_changes?since=abc`), 400);
    await assertProblem(await api(`${server.container}_changes?from=1`), 400);
  });
});
