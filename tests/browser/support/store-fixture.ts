/**
 * Stores for the AnnotationStore tests: each test opens stores in databases of
 * its own, and `closeStores` (run after each test) closes and deletes them.
 */
import { AnnotationStore } from '../../../src/annotations/store.ts';
import { commentBody, textTarget, type Annotation } from '../../../src/annotations/model.ts';

export const TEXT = 'The consul wrote home about the harbour, the winter storms and the price of copper.';
export const IRI = 'file:///documents/sample.txt';
const opened: AnnotationStore[] = [];
const names: string[] = [];

/** A fresh database name, deleted by `closeStores`. */
export function dbName(prefix = 'test-store'): string {
  const name = `${prefix}-${crypto.randomUUID()}`;
  names.push(name);
  return name;
}

/** Opens a store, closed by `closeStores`. */
export async function open(name: string, factory?: IDBFactory): Promise<AnnotationStore> {
  const store = await AnnotationStore.open({ name, ...(factory ? { factory } : {}) });
  opened.push(store);
  return store;
}

/** Note number `n` by a Person on TEXT; `created` grows with `n`. */
export function note(n: number, text = `note ${n}`): Annotation {
  return {
    id: `urn:uuid:00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    type: 'Annotation',
    motivation: 'commenting',
    target: textTarget(IRI, TEXT, n % 40, (n % 40) + 5),
    body: [commentBody(text)],
    creator: { type: 'Person', name: 'Reader' },
    created: new Date(Date.UTC(2024, 0, 1, 0, 0, n)).toISOString(),
  };
}

/** Closes every store opened and deletes every database named since the last call. */
export async function closeStores(): Promise<void> {
  for (const s of opened.splice(0)) s.close();
  await Promise.all(
    names.splice(0).map(
      (name) =>
        new Promise<void>((resolve) => {
          const r = indexedDB.deleteDatabase(name);
          r.onsuccess = r.onerror = r.onblocked = () => resolve();
        }),
    ),
  );
}
