import { expect } from '@esm-bundle/chai';
import '../../src/components/reader-app.ts';
import type { ReaderApp } from '../../src/components/reader-app.ts';
import type { SearchPanel } from '../../src/components/search-panel.ts';
import { SearchClient } from '../../src/app/search/client.ts';
import type { SearchEnvelope } from '../../src/app/search/protocol.ts';
import { until } from './support/wait.ts';

/** The reader on the real texts and shipped layers, once ready. */
async function mountReader(): Promise<ReaderApp> {
  const app = document.createElement('reader-app');
  app.setAttribute('documents-base', '/documents/');
  app.setAttribute('annotations-base', '/annotations/');
  app.setAttribute('store-name', `test-lazy-search-${crypto.randomUUID()}`);
  const ready = new Promise((r) => app.addEventListener('reader-ready', r, { once: true }));
  document.body.append(app);
  await ready;
  await app.updateComplete;
  return app;
}

const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));

/** Records the kind of every request posted to a search worker until `restore` is called. */
function spyOnSearchRequests(): { kinds: string[]; restore: () => void } {
  const kinds: string[] = [];
  const real = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (this: Worker, message: unknown, ...rest: unknown[]) {
    const request = (message as Partial<SearchEnvelope> | null)?.request;
    if (request && typeof request.kind === 'string') kinds.push(request.kind);
    return (real as (...args: unknown[]) => void).call(this, message, ...rest);
  } as typeof real;
  return { kinds, restore: () => (Worker.prototype.postMessage = real) };
}

describe('the search index at load', () => {
  it('is neither built nor sent anywhere while the reader renders; the idle build happens in a worker', async () => {
    // Idle tasks are held back, so only rendering could build the index.
    const held: IdleRequestCallback[] = [];
    const realIdle = window.requestIdleCallback;
    window.requestIdleCallback = ((task: IdleRequestCallback) => held.push(task));
    const spy = spyOnSearchRequests();
    try {
      const app = await mountReader();
      const session = app.annotationSession!;
      await frame();
      await frame();
      expect(app.querySelectorAll('reader-view .reader-text .hl').length, 'the annotated texts are shown').to.be.greaterThan(0);
      // What a renderer or a debugger reads of a bound value.
      const probed = session.search as unknown as Record<string, unknown>;
      for (const key of ['_$litDirective$', 'then', 'engine', 'documentIds', 'toJSON']) void probed[key];
      expect(spy.kinds, 'nothing sent to a worker while rendering').to.deep.equal([]);
      expect(session.search.builds).to.equal(0);
      expect(session.search.ready).to.equal(false);
      expect(held.length, 'an idle build is scheduled').to.be.greaterThan(0);
      for (const task of held.splice(0)) task({ didTimeout: false, timeRemaining: () => 50 });
      await until(() => session.search.ready, 'the idle build');
      expect(session.search.offThread, 'built in a worker').to.equal(true);
      expect(spy.kinds).to.include.members(['documents', 'annotations', 'prepare']);
      expect(session.search.builds).to.equal(1);
      expect((await session.search.search('Corvalan')).hits.length).to.be.greaterThan(0);
      expect(session.search.builds, 'the search used the index built when idle').to.equal(1);
      expect(spy.kinds.at(-1)).to.equal('search');
      app.remove();
    } finally {
      spy.restore();
      window.requestIdleCallback = realIdle;
    }
  });

  it('is built in the worker by the first search when no idle time came', async () => {
    const realIdle = window.requestIdleCallback;
    window.requestIdleCallback = (() => 0);
    try {
      const app = await mountReader();
      const session = app.annotationSession!;
      await frame();
      expect(session.search.builds).to.equal(0);
      expect((await session.search.search('Corvalan')).hits.length).to.be.greaterThan(0);
      expect(session.search.builds).to.equal(1);
      expect(session.search.offThread).to.equal(true);
      app.remove();
    } finally {
      window.requestIdleCallback = realIdle;
    }
  });

  it('answers typing in the search panel from the worker, with snippets and highlighted hits', async () => {
    const app = await mountReader();
    const session = app.annotationSession!;
    const panel = app.querySelector('search-panel') as SearchPanel;
    const input = panel.shadowRoot!.querySelector('input')!;
    input.value = 'Corvalan';
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    const status = () => panel.shadowRoot!.querySelector('#status')!.textContent ?? '';
    await until(() => /^\d+ match(es)? in 2 texts/.test(status()), 'results in the panel');
    expect(session.search.offThread).to.equal(true);
    const snippets = [...panel.shadowRoot!.querySelectorAll('[role="option"] mark')].map((m) => m.textContent);
    expect(snippets.length).to.be.greaterThan(0);
    expect(snippets.every((s) => /corval[aá]n/i.test(s ?? '')), snippets.join(', ')).to.equal(true);
    app.remove();
  });
});

describe('SearchClient', () => {
  const docs = [{ id: 'mill', title: 'The mill', source: 'The mill stood idle for a year.\n\nThen the river rose and the wheel turned again.\n' }];
  const note = { id: 'n1', docId: 'mill', from: 4, to: 8, text: 'A quern was ground here', kind: 'comment' as const };

  it('finds text and annotation bodies through the worker, snippets made on this side', async () => {
    const client = new SearchClient(docs, { idle: () => {} });
    try {
      client.setAnnotations([note]);
      const results = await client.search('quern river');
      expect(results.hits, 'no passage has both').to.have.length(0);
      const river = await client.search('river');
      expect(river.hits.map((h) => [h.source, h.snippet.text])).to.deep.equal([['text', 'Then the river rose and the wheel turned again.']]);
      const quern = await client.search('quern');
      expect(quern.hits[0]!.annotation!.id).to.equal('n1');
      expect(quern.hits[0]!.snippet.text).to.equal('A quern was ground here');
      expect(quern.groups[0]!.hits[0]).to.equal(quern.hits[0]);
      expect(client.offThread).to.equal(true);
    } finally {
      client.close();
    }
  });

  it('goes on on the page when its worker fails, answering the search it had not answered', async () => {
    const client = new SearchClient(docs, { idle: () => {} });
    client.setAnnotations([note]);
    const asked = client.search('quern');
    // What a worker that cannot load or dies reports.
    const worker = (client as unknown as { channel: { worker: Worker } }).channel.worker;
    worker.dispatchEvent(new ErrorEvent('error', { message: 'simulated failure' }));
    const results = await asked;
    expect(results.hits.map((h) => h.annotation?.id)).to.deep.equal(['n1']);
    expect(client.offThread).to.equal(false);
    expect(client.failure).to.contain('simulated failure');
    expect((await client.search('river')).hits).to.have.length(1);
    client.close();
  });

  it('runs on the page when asked to', async () => {
    const client = new SearchClient(docs, { worker: false, idle: () => {} });
    expect(client.offThread).to.equal(false);
    expect((await client.search('wheel')).hits).to.have.length(1);
  });
});
