import '../../../src/components/reader-app.ts';
import type { ReaderApp } from '../../../src/components/reader-app.ts';

let count = 0;

/**
 * Mounts a reader on `base` (documents, and layers unless `annotationsBase` is given) and resolves once it is
 * ready. `storeName` names its IndexedDB database (a fresh one by default).
 */
export async function mountReader(base: string, options: { annotationsBase?: string; storeName?: string } = {}): Promise<ReaderApp> {
  const app = document.createElement('reader-app');
  app.setAttribute('documents-base', base);
  app.setAttribute('annotations-base', options.annotationsBase ?? base);
  app.setAttribute('store-name', options.storeName ?? `test-fixture-${crypto.randomUUID()}-${count++}`);
  const ready = new Promise((r) => app.addEventListener('reader-ready', r, { once: true }));
  document.body.append(app);
  await ready;
  await app.updateComplete;
  return app;
}
