import { expect } from '@esm-bundle/chai';
import '../../src/components/reader-app.ts';
import type { ReaderApp } from '../../src/components/reader-app.ts';

/** The reader on the real texts and shipped layers, once ready. */
async function mountReader(): Promise<ReaderApp> {
  const app = document.createElement('reader-app');
  app.setAttribute('documents-base', '/documents/');
  app.setAttribute('annotations-base', '/annotations/');
  app.setAttribute('store-name', `test-lazy-search-${Date.now()}-${Math.random()}`);
  const ready = new Promise((r) => app.addEventListener('reader-ready', r, { once: true }));
  document.body.append(app);
  await ready;
  await app.updateComplete;
  return app;
}

const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));

describe('the search index at load', () => {
  it('is not built by rendering the reader, only when idle or by a search', async () => {
    // Idle tasks are held back, so only rendering could build the index.
    const held: IdleRequestCallback[] = [];
    const realIdle = window.requestIdleCallback;
    window.requestIdleCallback = ((task: IdleRequestCallback) => held.push(task)) as typeof window.requestIdleCallback;
    try {
      const app = await mountReader();
      const session = app.annotationSession!;
      await frame();
      await frame();
      expect(app.querySelectorAll('reader-view .reader-text .hl').length, 'the annotated texts are shown').to.be.greaterThan(0);
      expect(session.search.builds, 'built while rendering').to.equal(0);
      expect(held.length, 'an idle build is scheduled').to.be.greaterThan(0);
      for (const task of held.splice(0)) task({ didTimeout: false, timeRemaining: () => 50 });
      expect(session.search.builds).to.equal(1);
      expect(session.search.ready).to.equal(true);
      expect(session.search.search('Corvalan').hits.length).to.be.greaterThan(0);
      expect(session.search.builds, 'the search used the index built when idle').to.equal(1);
      app.remove();
    } finally {
      window.requestIdleCallback = realIdle;
    }
  });

  it('is built by the first search when no idle time came', async () => {
    const realIdle = window.requestIdleCallback;
    window.requestIdleCallback = (() => 0) as typeof window.requestIdleCallback;
    try {
      const app = await mountReader();
      const session = app.annotationSession!;
      await frame();
      expect(session.search.builds).to.equal(0);
      expect(session.search.search('Corvalan').hits.length).to.be.greaterThan(0);
      expect(session.search.builds).to.equal(1);
      app.remove();
    } finally {
      window.requestIdleCallback = realIdle;
    }
  });
});
