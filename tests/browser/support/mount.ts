import '../../../src/components/reader-app.ts';
import type { ReaderApp } from '../../../src/components/reader-app.ts';

let count = 0;

/** Mounts a reader on `base` (documents and layers) and resolves once it is ready. */
export async function mountReader(base: string): Promise<ReaderApp> {
  const app = document.createElement('reader-app');
  app.setAttribute('documents-base', base);
  app.setAttribute('annotations-base', base);
  app.setAttribute('store-name', `test-fixture-${Date.now()}-${count++}`);
  const ready = new Promise((r) => app.addEventListener('reader-ready', r, { once: true }));
  document.body.append(app);
  await ready;
  await app.updateComplete;
  return app;
}
