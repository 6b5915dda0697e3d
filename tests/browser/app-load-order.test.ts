import { expect } from '@esm-bundle/chai';
import '../../src/components/reader-app.ts';
import { urlOf } from './support/fetch.ts';

describe('loading the reader', () => {
  it('fetches the layers beside the texts, not after them', async () => {
    const realFetch = window.fetch;
    let textsAnswered = 0;
    let textsAnsweredAtFirstLayer: number | null = null;
    window.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = urlOf(input);
      if (url.includes('/annotations/') && url.endsWith('.jsonld')) textsAnsweredAtFirstLayer ??= textsAnswered;
      const response = await realFetch(input, init);
      if (url.endsWith('.txt')) textsAnswered++;
      return response;
    });
    try {
      const manifest = await (await realFetch('/documents/manifest.json')).json();
      const app = document.createElement('reader-app');
      app.setAttribute('documents-base', '/documents/');
      app.setAttribute('annotations-base', '/annotations/');
      app.setAttribute('store-name', `test-load-order-${crypto.randomUUID()}`);
      const ready = new Promise((r) => app.addEventListener('reader-ready', r, { once: true }));
      document.body.append(app);
      await ready;
      expect(textsAnswered).to.equal(manifest.documents.length);
      expect(textsAnsweredAtFirstLayer, 'texts answered when the first layer was asked for').to.be.lessThan(manifest.documents.length);
      app.remove();
    } finally {
      window.fetch = realFetch;
    }
  });
});
