// The reader syncing its own notes through the layers panel's Sharing fieldset, connected with a token.
// The test runner cannot start the annotation server, so two readers (two
// devices of one person: two stores) talk to an in-page stand-in that answers
// like the protocol does (POST 201 + Location + ETag, If-Match → 412, DELETE
// 204, the `_changes` feed with tombstones). The client against the real server
// is tested under Node (tests/node/sync-*.test.ts).
import { expect } from '@esm-bundle/chai';
import '../../src/components/reader-app.ts';
import type { ReaderApp } from '../../src/components/reader-app.ts';
import type { Session } from '../../src/app/session.ts';
import { AnnotationStore } from '../../src/annotations/store.ts';
import { noteWords } from '../../src/app/own-annotations.ts';
import type { ReaderSync } from '../../src/sync/reader-sync.ts';
import type { LitElement } from 'lit';
import { until } from './support/wait.ts';
import { bodyText, urlOf } from './support/fetch.ts';

const CONTAINER = 'https://annotations.test/annotations/';

/** An in-memory annotation container answering like the server. */
class StandInServer {
  offline = false;
  private change = 0;
  private readonly rows = new Map<string, { doc: Record<string, unknown> | null; etag: string; change: number }>();

  readonly fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    if (this.offline) throw new TypeError('Failed to fetch');
    const url = new URL(urlOf(input));
    const method = init.method ?? 'GET';
    const ifMatch = new Headers(init.headers).get('if-match');
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) => new Response(JSON.stringify(body), { status, headers });
    if (url.href.startsWith(`${CONTAINER}_changes`)) {
      const since = Number(url.searchParams.get('since') ?? 0);
      const rows = [...this.rows.entries()].filter(([, r]) => r.change > since).sort((a, b) => a[1].change - b[1].change);
      const changes = rows.map(([iri, r]) => (r.doc ? { cursor: String(r.change), id: iri, etag: r.etag, annotation: r.doc } : { cursor: String(r.change), id: iri, type: 'Tombstone', deleted: true }));
      return json(200, { type: 'ChangeFeed', cursor: String(rows.at(-1)?.[1].change ?? since), more: false, changes });
    }
    if (method === 'POST' && url.href === CONTAINER) {
      const doc = JSON.parse(bodyText(init.body)) as Record<string, unknown>;
      const iri = `${CONTAINER}${String(doc.id).replace('urn:uuid:', '')}`;
      if (this.rows.get(iri)?.doc) return json(409, { detail: 'Already stored.' }, { Location: iri });
      const stored = this.write(iri, { ...doc, id: iri, via: doc.id });
      return json(201, stored.doc, { Location: iri, ETag: stored.etag });
    }
    const row = this.rows.get(url.href);
    if (!row) return json(404, { detail: 'Nothing here.' });
    if (!row.doc) return json(410, { detail: 'Deleted.' });
    if (method === 'GET') return json(200, row.doc, { ETag: row.etag });
    if (ifMatch !== row.etag) return json(412, { detail: 'Stale.' }, { ETag: row.etag });
    if (method === 'PUT') {
      const doc = JSON.parse(bodyText(init.body)) as Record<string, unknown>;
      const stored = this.write(url.href, { ...doc, id: url.href, via: row.doc.via });
      return json(200, stored.doc, { ETag: stored.etag });
    }
    if (method === 'DELETE') {
      this.write(url.href, null);
      return new Response(null, { status: 204 });
    }
    return json(405, { detail: 'No.' });
  }) as typeof fetch;

  private write(iri: string, doc: Record<string, unknown> | null) {
    const change = ++this.change;
    const row = { doc, etag: `"${change}"`, change };
    this.rows.set(iri, row);
    return row;
  }
}

let count = 0;
async function mountDevice(server: StandInServer): Promise<ReaderApp> {
  const app = document.createElement('reader-app');
  app.setAttribute('documents-base', '/documents/');
  app.setAttribute('annotations-base', '/annotations/');
  app.setAttribute('store-name', `test-sync-${crypto.randomUUID()}-${count++}`);
  app.serverFetch = server.fetch;
  // "Sync now" only: these tests count what each sync sends and receives.
  app.serverSyncOptions = { auto: false };
  const ready = new Promise((r) => app.addEventListener('reader-ready', r, { once: true }));
  document.body.append(app);
  await ready;
  await app.updateComplete;
  return app;
}

function sessionOf(app: ReaderApp): Session {
  return (app as unknown as { session: Session }).session;
}

function panel(app: ReaderApp): HTMLElement {
  return app.querySelector('layers-panel sync-panel fieldset.server') as HTMLElement;
}

function status(app: ReaderApp): string {
  return panel(app).querySelector('[role=status]')!.textContent.trim();
}

async function connect(app: ReaderApp): Promise<void> {
  const form = panel(app).querySelector('form.server-form') as HTMLFormElement;
  (form.elements.namedItem('container') as HTMLInputElement).value = CONTAINER;
  (form.elements.namedItem('token') as HTMLInputElement).value = 'a-token';
  (form.querySelector('button.server-connect') as HTMLButtonElement).click();
  await until(() => status(app).startsWith('Connected'), 'connected');
}

/** Presses Sync now and resolves with the status line once that sync has finished and is drawn. */
async function syncNow(app: ReaderApp): Promise<string> {
  const link = (app as unknown as { serverSync: ReaderSync }).serverSync;
  const finished = link.finishedSyncs;
  await until(() => !(panel(app).querySelector('button.server-sync') as HTMLButtonElement).disabled, 'Sync now enabled');
  (panel(app).querySelector('button.server-sync') as HTMLButtonElement).click();
  await until(() => link.finishedSyncs > finished, 'sync done');
  await app.updateComplete;
  await (app.querySelector('sync-panel') as LitElement).updateComplete;
  return status(app);
}

function ownComment(app: ReaderApp, id: string): string | undefined {
  const a = sessionOf(app).ownAnnotations().find((n) => n.id === id);
  return a && noteWords(a).comment;
}

describe('syncing own notes with the annotation server', () => {
  it('a note made on one device reaches the other, durably stored there; an edit conflict offers the choice', async () => {
    const server = new StandInServer();
    const laptop = await mountDevice(server);
    const phone = await mountDevice(server);
    await connect(laptop);
    await connect(phone);

    const note = await sessionOf(laptop).createNote('wikipedia-chile-russia', 0, 12, 'from the laptop', ['synced']);
    expect(await syncNow(laptop)).to.match(/^Synced: 1 sent, 0 received/);
    expect(await syncNow(phone)).to.match(/^Synced: 0 sent, 1 received/);
    expect(ownComment(phone, note.id)).to.equal('from the laptop');
    // Stored through the phone's store: durable, and its other tabs hear it.
    const phoneStore = await AnnotationStore.open({ name: phone.getAttribute('store-name')! });
    expect(phoneStore.list().some((a) => a.id === note.id)).to.equal(true);
    phoneStore.close();

    // Both edit; the laptop syncs first, the phone's edit meets a 412.
    await sessionOf(laptop).updateNote(note.id, 'laptop edit', []);
    await syncNow(laptop);
    await sessionOf(phone).updateNote(note.id, 'phone edit', []);
    expect(await syncNow(phone)).to.contain('choose which version to keep');
    const conflict = panel(phone).querySelector('.server-conflicts li') as HTMLElement;
    expect(conflict.textContent).to.contain('phone edit').and.to.contain('laptop edit');
    expect(ownComment(phone, note.id), 'not overwritten before the choice').to.equal('phone edit');
    (conflict.querySelector('button.keep-theirs') as HTMLButtonElement).click();
    await until(() => ownComment(phone, note.id) === 'laptop edit', "the server's version applied");
    await until(() => !panel(phone).querySelector('.server-conflicts'), 'conflict settled');
    laptop.remove();
    phone.remove();
  });

  it('a change made offline waits in the queue and is sent when the server answers; a delete reaches the other device', async () => {
    const server = new StandInServer();
    const laptop = await mountDevice(server);
    const phone = await mountDevice(server);
    await connect(laptop);
    await connect(phone);
    server.offline = true;
    const note = await sessionOf(laptop).createNote('wikipedia-chile-russia', 20, 30, 'written offline', []);
    expect(await syncNow(laptop)).to.match(/did not answer[\s\S]*1 wait for the next sync/);
    server.offline = false;
    expect(await syncNow(laptop)).to.match(/^Synced: 1 sent/);
    await syncNow(phone);
    expect(ownComment(phone, note.id)).to.equal('written offline');
    await sessionOf(laptop).deleteNote(note.id);
    await syncNow(laptop);
    await syncNow(phone);
    expect(ownComment(phone, note.id)).to.equal(undefined);
    laptop.remove();
    phone.remove();
  });
});
