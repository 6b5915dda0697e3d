import { expect } from '@esm-bundle/chai';
import '../../src/components/reader-app.ts';
import type { ReaderApp } from '../../src/components/reader-app.ts';
import { SearchEngine } from '../../src/search/index.ts';
import { urlOf } from './support/fetch.ts';

/** Serves `/fixture-docs/…` from the real documents, with a manifest naming a prebuilt index and `index` as that index. */
let indexFetches = 0;

async function withFixture(index: unknown, run: () => Promise<void>): Promise<void> {
  indexFetches = 0;
  const manifest = await (await fetch('/documents/manifest.json')).json();
  const realFetch = window.fetch;
  window.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
    const url = urlOf(input);
    if (url.endsWith('/fixture-docs/manifest.json')) return Promise.resolve(new Response(JSON.stringify({ ...manifest, searchIndex: 'search-index.json' })));
    if (url.endsWith('/fixture-docs/search-index.json')) {
      indexFetches++;
      return Promise.resolve(new Response(JSON.stringify(index)));
    }
    if (url.includes('/fixture-docs/')) return realFetch(url.replace('/fixture-docs/', '/documents/'), init);
    return realFetch(input, init);
  });
  try {
    await run();
  } finally {
    window.fetch = realFetch;
  }
}

async function mountApp(): Promise<ReaderApp> {
  const app = document.createElement('reader-app');
  app.setAttribute('documents-base', '/fixture-docs/');
  app.setAttribute('annotations-base', '/annotations/');
  app.setAttribute('store-name', `test-index-${Date.now()}-${Math.random()}`);
  const ready = new Promise((r) => app.addEventListener('reader-ready', r, { once: true }));
  document.body.append(app);
  await ready;
  return app;
}

describe('a prebuilt search index', () => {
  it('is loaded instead of indexing at load, and finds what a built one finds', async () => {
    const manifest = await (await fetch('/documents/manifest.json')).json();
    const docs = await Promise.all(
      manifest.documents.map(async (d: { id: string; file: string; title: string | null }) => ({ id: d.id, title: d.title, source: await (await fetch(`/documents/${d.file}`)).text() })),
    );
    const prebuilt = SearchEngine.build(docs).toJSON();
    await withFixture(prebuilt, async () => {
      const app = await mountApp();
      const session = app.annotationSession!;
      expect(indexFetches, 'the prebuilt index was fetched').to.equal(1);
      expect(session.problems.filter((p) => p.includes('search index'))).to.deep.equal([]);
      const hits = (await session.search.search('Corvalan')).hits.filter((h) => h.source === 'text');
      expect(hits.length).to.be.greaterThan(3);
      app.remove();
    });
  });

  it('that is broken is named as a problem, and the reader indexes the texts itself', async () => {
    await withFixture({ format: 'something else' }, async () => {
      const app = await mountApp();
      const session = app.annotationSession!;
      expect(session.problems.join(' ')).to.contain('search-index.json was not used');
      expect((await session.search.search('Corvalan')).hits.length).to.be.greaterThan(3);
      app.remove();
    });
  });
});
