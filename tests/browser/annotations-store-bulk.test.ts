import { expect } from '@esm-bundle/chai';
import type { StoreChange } from '../../src/annotations/store.ts';
import { StorageUnavailableError } from '../../src/annotations/store-errors.ts';
import { commentBody, type Annotation } from '../../src/annotations/model.ts';
import { closeStores, dbName as freshName, note, open } from './support/store-fixture.ts';
const dbName = () => freshName('test-bulk');
import { until } from './support/wait.ts';


const notes = (count: number, from = 0): Annotation[] => Array.from({ length: count }, (_, i) => note(from + i));

/**
 * A real IndexedDB whose readwrite transactions abort as soon as a record
 * with id `poison` is put: the storage failing in the middle of a batch.
 */
function abortingOn(poison: string): IDBFactory {
  const wrapped = new WeakSet<IDBObjectStore>();
  return {
    open(name: string, version?: number) {
      const request = indexedDB.open(name, version);
      request.addEventListener('success', () => {
        const db = request.result;
        const transaction = db.transaction.bind(db);
        Object.defineProperty(db, 'transaction', {
          value: (...args: Parameters<IDBDatabase['transaction']>) => {
            const tx = transaction(...args);
            const objectStore = tx.objectStore.bind(tx);
            Object.defineProperty(tx, 'objectStore', {
              value: (storeName: string) => {
                const store = objectStore(storeName);
                if (wrapped.has(store)) return store;
                wrapped.add(store);
                const put = store.put.bind(store);
                Object.defineProperty(store, 'put', {
                  value: (value: { id: string }, key?: IDBValidKey) => {
                    const request = put(value, key);
                    // Refused after the put succeeded, as a full disk refuses at commit.
                    if (value.id === poison) request.addEventListener('success', () => tx.abort());
                    return request;
                  },
                  configurable: true,
                });
                return store;
              },
              configurable: true,
            });
            return tx;
          },
          configurable: true,
          writable: true,
        });
      });
      return request;
    },
  } as unknown as IDBFactory;
}

describe('AnnotationStore.putMany', () => {
  afterEach(closeStores);

  it('saves every record in batches, telling progress after each, durably', async () => {
    const name = dbName();
    const store = await open(name);
    const progress: [number, number][] = [];
    const result = await store.putMany(notes(450), { batchSize: 200, onProgress: (saved, total) => progress.push([saved, total]) });
    expect(progress).to.deep.equal([
      [200, 450],
      [400, 450],
      [450, 450],
    ]);
    expect(result.saved.length).to.equal(450);
    expect(result.stopped).to.equal(null);
    expect(result.notTried).to.deep.equal([]);
    const fresh = await open(name);
    expect(fresh.list().length).to.equal(450);
    expect(fresh.get(note(449).id)!.revision).to.equal(1);
  });

  it('tells each subscriber once per batch, and another instance once per batch too', async () => {
    const name = dbName();
    const store = await open(name);
    const other = await open(name);
    const here: number[] = [];
    const there: number[] = [];
    const perRecord: StoreChange[] = [];
    store.subscribeBatches((changes) => here.push(changes.length));
    store.subscribe((change) => perRecord.push(change));
    other.subscribeBatches((changes) => there.push(changes.length));
    await store.putMany(notes(450), { batchSize: 200 });
    expect(here).to.deep.equal([200, 200, 50]);
    expect(perRecord.length).to.equal(450);
    await until(() => there.reduce((a, b) => a + b, 0) === 450, 'the other instance learns all 450');
    expect(there.length).to.be.at.most(3);
    expect(other.list().length).to.equal(450);
  });

  it('writes all of a batch or none of it, and stops there, keeping the batches before', async () => {
    const name = dbName();
    const store = await open(name, abortingOn(note(250).id));
    const result = await store.putMany(notes(450), { batchSize: 200 });
    expect(result.saved.length).to.equal(200);
    expect(result.stopped).to.be.instanceOf(StorageUnavailableError);
    expect(result.notTried.map((a) => a.id)).to.deep.equal(notes(250, 200).map((a) => a.id));
    const fresh = await open(name);
    const ids = new Set(fresh.list().map((a) => a.id));
    expect(ids.size).to.equal(200);
    // Not one record of the failed batch, not even those put before the failure.
    expect(ids.has(note(200).id)).to.equal(false);
    expect(ids.has(note(249).id)).to.equal(false);
    expect(ids.has(note(199).id)).to.equal(true);
  });

  it('stops before the next batch when cancelled; what was saved stays', async () => {
    const name = dbName();
    const store = await open(name);
    const abort = new AbortController();
    const result = await store.putMany(notes(700), {
      batchSize: 200,
      signal: abort.signal,
      onProgress: (saved) => {
        if (saved >= 400) abort.abort();
      },
    });
    expect(result.stopped).to.equal('cancelled');
    expect(result.saved.length).to.equal(400);
    expect(result.notTried.length).to.equal(300);
    expect((await open(name)).list().length).to.equal(400);
  });

  it('leaves out invalid ones, machine-made ones and ones changed elsewhere, saving the rest', async () => {
    const name = dbName();
    const store = await open(name);
    const other = await open(name);
    await other.put(note(3, 'changed in the other tab'));
    const machine = { ...note(4), creator: undefined, generator: { type: 'Software' as const, name: 'analyzer' } } as Annotation;
    const broken = { ...note(5), target: 'nowhere' } as unknown as Annotation;
    const result = await store.putMany([note(1), note(2), note(3), machine, broken, note(6)]);
    expect(result.saved.map((r) => r.id)).to.deep.equal([note(1), note(2), note(6)].map((a) => a.id));
    expect(result.notSaved.map((n) => n.id).sort()).to.deep.equal([note(3), note(4), note(5)].map((a) => a.id).sort());
    expect(result.notSaved.find((n) => n.id === note(3).id)!.reason).to.match(/changed in another tab/);
    // The other tab's words are kept, and this instance now knows them.
    expect(store.get(note(3).id)!.annotation.body).to.deep.equal([commentBody('changed in the other tab')]);
  });
});
