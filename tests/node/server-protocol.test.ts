// The W3C Web Annotation Protocol (https://www.w3.org/TR/annotation-protocol/)
// as the server implements it: the headers, status codes and shapes that the
// protocol's MUSTs and SHOULDs ask of annotations, containers and pages.
import { it, before, after } from 'node:test';
import { describeEachEngine } from './server-engines.ts';
import assert from 'node:assert/strict';
import { api, ANNO_TYPE, assertValidAnnotation, created, note, post, startServer, type TestServer } from './server-harness.ts';

const PREFER = (iri: string) => `return=representation;include="${iri}"`;
const MINIMAL = 'http://www.w3.org/ns/ldp#PreferMinimalContainer';
const IRIS = 'http://www.w3.org/ns/oa#PreferContainedIRIs';
const DESCRIPTIONS = 'http://www.w3.org/ns/oa#PreferContainedDescriptions';

type Doc = Record<string, any>;
const allowOf = (res: Response) => (res.headers.get('allow') ?? '').split(/\s*,\s*/);

describeEachEngine('annotation server: annotations', () => {
  let server: TestServer;
  before(async () => (server = await startServer()));
  after(() => server.close());

  it('answers POST with 201, Location, ETag and the annotation under its new IRI', async () => {
    const sent = note({ comment: 'first note' });
    const res = await post(server, sent);
    assert.equal(res.status, 201);
    const location = res.headers.get('location')!;
    assert.ok(location.startsWith(server.container), location);
    assert.match(res.headers.get('etag') ?? '', /^"[^"]+"$/);
    assert.equal(res.headers.get('content-type'), ANNO_TYPE);
    const doc = (await res.json()) as Doc;
    assert.equal(doc.id, location);
    assert.equal(doc.via, sent.id, 'the client IRI is kept as via');
    assert.equal(doc.body[0].value, 'first note');
    assertValidAnnotation(doc);
  });

  it('serves GET with the media type, ETag, ldp:Resource Link, Allow and Vary: Accept', async () => {
    const { location, etag } = await created(server);
    const res = await api(location);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), ANNO_TYPE);
    assert.equal(res.headers.get('etag'), etag);
    assert.match(res.headers.get('link') ?? '', /<http:\/\/www\.w3\.org\/ns\/ldp#Resource>;\s*rel="type"/);
    for (const method of ['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']) assert.ok(allowOf(res).includes(method), method);
    assert.match(res.headers.get('vary') ?? '', /\bAccept\b/);
    assertValidAnnotation(await res.json());
  });

  it('answers HEAD with the GET headers and no body, and OPTIONS with Allow', async () => {
    const { location, etag } = await created(server);
    const head = await api(location, { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(head.headers.get('etag'), etag);
    assert.equal(head.headers.get('content-type'), ANNO_TYPE);
    assert.equal(await head.text(), '');
    const options = await api(location, { method: 'OPTIONS' });
    assert.equal(options.status, 200);
    assert.ok(allowOf(options).includes('PUT'));
  });

  it('answers plain JSON to a client that only accepts it, and 406 to one that accepts neither', async () => {
    const { location } = await created(server);
    const json = await api(location, { headers: { Accept: 'application/json' } });
    assert.equal(json.headers.get('content-type'), 'application/json');
    const turtle = await api(location, { headers: { Accept: 'text/turtle' } });
    assert.equal(turtle.status, 406);
  });

  it('replaces with PUT and a current If-Match (200, new ETag); a stale If-Match gets 412, never 304', async () => {
    const { location, etag, doc } = await created(server, { comment: 'before' });
    const edited = { ...doc, body: [{ type: 'TextualBody', value: 'after', purpose: 'commenting' }] };
    const put = await api(location, { method: 'PUT', headers: { 'Content-Type': ANNO_TYPE, 'If-Match': etag }, body: JSON.stringify(edited) });
    assert.equal(put.status, 200);
    const newTag = put.headers.get('etag')!;
    assert.notEqual(newTag, etag);
    const putDoc = (await put.json()) as Doc;
    assert.equal(putDoc.body[0].value, 'after');
    assert.ok(putDoc.modified, 'the server records when it changed');
    assertValidAnnotation(putDoc);

    const stale = await api(location, { method: 'PUT', headers: { 'Content-Type': ANNO_TYPE, 'If-Match': etag }, body: JSON.stringify(doc) });
    assert.equal(stale.status, 412);
    assert.equal(stale.headers.get('etag'), newTag, 'the 412 says which version is current');
    const now = (await (await api(location)).json()) as Doc;
    assert.equal(now.body[0].value, 'after', 'a stale PUT changes nothing');

    const staleGet = await api(location, { headers: { 'If-Match': etag } });
    assert.equal(staleGet.status, 412);
    const weak = await api(location, { method: 'PUT', headers: { 'Content-Type': ANNO_TYPE, 'If-Match': `W/${newTag}` }, body: JSON.stringify(doc) });
    assert.equal(weak.status, 412, 'If-Match compares strongly');
  });

  it('answers a current If-None-Match on GET with 304', async () => {
    const { location, etag } = await created(server);
    const res = await api(location, { headers: { 'If-None-Match': etag } });
    assert.equal(res.status, 304);
  });

  it('deletes with DELETE (204), then answers 410; a stale If-Match gets 412 and deletes nothing', async () => {
    const { location, etag, doc } = await created(server);
    const put = await api(location, { method: 'PUT', headers: { 'Content-Type': ANNO_TYPE }, body: JSON.stringify({ ...doc, motivation: 'highlighting' }) });
    assert.equal(put.status, 200);
    const stale = await api(location, { method: 'DELETE', headers: { 'If-Match': etag } });
    assert.equal(stale.status, 412);
    assert.equal((await api(location)).status, 200);
    const del = await api(location, { method: 'DELETE', headers: { 'If-Match': put.headers.get('etag')! } });
    assert.equal(del.status, 204);
    assert.equal(await del.text(), '');
    assert.equal((await api(location)).status, 410);
    assert.equal((await api(location, { method: 'DELETE' })).status, 410);
    assert.equal((await api(`${server.container}no-such-note`, { method: 'DELETE' })).status, 404);
  });

  it('answers a POST of an id it already holds with 409 and the address, storing one copy', async () => {
    const sent = note();
    const first = await post(server, sent);
    assert.equal(first.status, 201);
    const again = await post(server, sent);
    assert.equal(again.status, 409);
    assert.equal(again.headers.get('location'), first.headers.get('location'));
  });

  it('exposes the protocol headers to browser scripts (CORS) and answers preflights', async () => {
    const { location } = await created(server);
    const res = await api(location, { headers: { Origin: 'http://127.0.0.1:5173' } });
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    const exposed = (res.headers.get('access-control-expose-headers') ?? '').toLowerCase();
    for (const h of ['etag', 'location', 'link', 'allow', 'content-location', 'vary']) assert.ok(exposed.includes(h), h);
    const preflight = await api(location, {
      method: 'OPTIONS',
      headers: { Origin: 'http://127.0.0.1:5173', 'Access-Control-Request-Method': 'PUT', 'Access-Control-Request-Headers': 'if-match, content-type' },
    });
    assert.equal(preflight.status, 200);
    assert.match(preflight.headers.get('access-control-allow-methods') ?? '', /\bPUT\b/);
    const allowed = (preflight.headers.get('access-control-allow-headers') ?? '').toLowerCase();
    for (const h of ['if-match', 'content-type', 'prefer', 'authorization']) assert.ok(allowed.includes(h), h);
    // Browsers send preflights without the token: /annotations/ must answer them all the same.
    const bare = await fetch(`${server.url}/annotations/`, { method: 'OPTIONS', headers: { Origin: 'http://127.0.0.1:5173', 'Access-Control-Request-Method': 'POST' } });
    assert.equal(bare.status, 200);
    assert.match(bare.headers.get('access-control-allow-methods') ?? '', /\bPOST\b/);
  });
});

describeEachEngine('annotation server: container and pages', () => {
  let server: TestServer;
  const locations: string[] = [];
  before(async () => {
    server = await startServer({ pageSize: 3 });
    for (let i = 0; i < 8; i++) locations.push((await created(server, { comment: `note ${i}` })).location);
  });
  after(() => server.close());

  it('is an LDP Basic Container and AnnotationCollection with the protocol headers', async () => {
    const res = await api(server.container);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), ANNO_TYPE);
    const link = res.headers.get('link') ?? '';
    assert.match(link, /<http:\/\/www\.w3\.org\/ns\/ldp#BasicContainer>;\s*rel="type"/);
    assert.match(link, /rel="http:\/\/www\.w3\.org\/ns\/ldp#constrainedBy"/);
    for (const method of ['GET', 'HEAD', 'OPTIONS', 'POST']) assert.ok(allowOf(res).includes(method), method);
    assert.equal(res.headers.get('accept-post'), ANNO_TYPE);
    assert.match(res.headers.get('vary') ?? '', /\bAccept\b/);
    assert.match(res.headers.get('etag') ?? '', /^"[^"]+"$/);
    const doc = (await res.json()) as Doc;
    assert.equal(res.headers.get('content-location'), doc.id, 'Content-Location and id match');
    assert.ok(doc.id.endsWith('/'));
    assert.deepEqual(doc['@context'], ['http://www.w3.org/ns/anno.jsonld', 'http://www.w3.org/ns/ldp.jsonld']);
    assert.ok(doc.type.includes('BasicContainer') && doc.type.includes('AnnotationCollection'));
    assert.equal(doc.total, 8);
    assert.equal(doc.first.type, 'AnnotationPage');
    assert.equal(doc.first.items.length, 3);
    for (const item of doc.first.items) assertValidAnnotation(item);
    assert.equal(typeof doc.last, 'string');
  });

  it('honours Prefer: minimal container, contained IRIs, contained descriptions', async () => {
    const minimal = await api(server.container, { headers: { Prefer: PREFER(MINIMAL) } });
    const m = (await minimal.json()) as Doc;
    assert.equal(typeof m.first, 'string', 'minimal: first is only linked');
    assert.equal(m.total, 8);
    assert.equal(minimal.headers.get('preference-applied'), 'return=representation');
    assert.match(minimal.headers.get('vary') ?? '', /\bPrefer\b/);

    const iris = await api(server.container, { headers: { Prefer: PREFER(IRIS) } });
    const i = (await iris.json()) as Doc;
    assert.deepEqual(i.first.items, locations.slice(0, 3));
    assert.equal(iris.headers.get('content-location'), i.id);

    const full = await api(server.container, { headers: { Prefer: PREFER(DESCRIPTIONS) } });
    const f = (await full.json()) as Doc;
    assert.deepEqual(f.first.items.map((a: Doc) => a.id), locations.slice(0, 3));
    assert.notEqual(iris.headers.get('etag'), full.headers.get('etag'), 'each representation has its own tag');
  });

  it('pages by key: next from first and prev from last each visit every annotation once, in order', async () => {
    const container = (await (await api(server.container, { headers: { Prefer: PREFER(MINIMAL) } })).json()) as Doc;
    const forward: string[] = [];
    const starts: number[] = [];
    let page: Doc | null = (await (await api(container.first)).json()) as Doc;
    assert.equal(page.prev, undefined, 'the first page has no prev');
    while (page) {
      assert.equal(page.type, 'AnnotationPage');
      assert.equal(page.partOf.id, server.container);
      assert.equal(page.partOf.total, 8);
      starts.push(page.startIndex);
      forward.push(...page.items.map((a: Doc) => a.id));
      page = page.next ? ((await (await api(page.next)).json()) as Doc) : null;
    }
    assert.deepEqual(forward, locations);
    // startIndex where it costs no count: the first page; pages in the middle leave it out.
    assert.deepEqual(starts, [0, undefined, undefined]);

    const backward: string[] = [];
    page = (await (await api(container.last)).json()) as Doc;
    assert.equal(page.next, undefined, 'the last page has no next');
    assert.equal(page.startIndex, 8 - page.items.length, 'the last page knows its place from the total');
    while (page) {
      backward.unshift(...page.items.map((a: Doc) => a.id));
      page = page.prev ? ((await (await api(page.prev)).json()) as Doc) : null;
    }
    assert.deepEqual(backward, locations);
  });

  it('does not skip an annotation when an earlier one is deleted between pages (no OFFSET)', async () => {
    const local = await startServer({ pageSize: 2 });
    try {
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) ids.push((await created(local, { comment: `n${i}` })).location);
      const first = (await (await api(`${local.container}?iris=1&after=0`)).json()) as Doc;
      assert.deepEqual(first.items, ids.slice(0, 2));
      assert.equal((await api(ids[0]!, { method: 'DELETE' })).status, 204);
      const second = (await (await api(first.next)).json()) as Doc;
      assert.deepEqual(second.items, ids.slice(2, 4), 'the page after the last one seen');
    } finally {
      await local.close();
    }
  });

  it('pages of IRIs and of descriptions are both reachable by URL', async () => {
    const iris = (await (await api(`${server.container}?iris=1&after=0`)).json()) as Doc;
    assert.ok(iris.items.every((x: unknown) => typeof x === 'string'));
    assert.ok(iris.next.includes('iris=1'));
    const full = (await (await api(`${server.container}?iris=0&after=0`)).json()) as Doc;
    for (const a of full.items) assertValidAnnotation(a);
  });

  it('shows an empty container without first or last', async () => {
    const empty = await startServer();
    try {
      const doc = (await (await api(empty.container)).json()) as Doc;
      assert.equal(doc.total, 0);
      assert.equal(doc.first, undefined);
      assert.equal(doc.last, undefined);
    } finally {
      await empty.close();
    }
  });

  it('redirects the container path without its slash, and 405s methods it does not allow', async () => {
    const res = await api(server.container.slice(0, -1), { redirect: 'manual' });
    assert.equal(res.status, 308);
    assert.equal(res.headers.get('location'), server.container);
    const del = await api(server.container, { method: 'DELETE' });
    assert.equal(del.status, 405);
    assert.ok(allowOf(del).includes('POST'));
  });
});
