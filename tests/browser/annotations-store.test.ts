import { expect } from '@esm-bundle/chai';
import { AnnotationStore, type StoreChange, type StoredRecord } from '../../src/annotations/store.ts';
import { InvalidAnnotationError, StaleWriteError, StorageUnavailableError } from '../../src/annotations/store-errors.ts';
import { exportCollection } from '../../src/annotations/exchange.ts';
import { validateAnnotation } from '../../src/annotations/validate.ts';
import { commentBody, type Annotation } from '../../src/annotations/model.ts';
import { closeStores, dbName as freshName, note, open } from './support/store-fixture.ts';
const dbName = () => freshName('test-store');


/** What the store keeps for an annotation (validation adds the context). */
const kept = (a: Annotation): Annotation => validateAnnotation(a, { contextFromCollection: true }).annotation!;

/** A stored state as plain data, for deep comparison. */
function snapshot(records: readonly StoredRecord[]): Record<string, { revision: number; deleted: boolean; annotation: Annotation }> {
  const out: Record<string, { revision: number; deleted: boolean; annotation: Annotation }> = {};
  for (const r of [...records].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    out[r.id] = JSON.parse(JSON.stringify({ revision: r.revision, deleted: r.deleted, annotation: r.annotation }));
  }
  return out;
}

/** Resolves with the first change a store tells its subscribers about. */
function nextChange(store: AnnotationStore): Promise<StoreChange> {
  return new Promise((resolve) => {
    const stop = store.subscribe((change) => {
      stop();
      resolve(change);
    });
  });
}

/** A deterministic pseudo-random sequence (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

afterEach(closeStores);

describe('AnnotationStore', () => {
  it('is durable once put resolves: a fresh connection reads the annotation', async () => {
    const name = dbName();
    const store = await open(name);
    const record = await store.put(note(1));
    expect(record.revision).to.equal(1);
    const fresh = await open(name);
    expect(snapshot(fresh.all())).to.deep.equal(snapshot([record]));
    expect(fresh.list()).to.deep.equal([kept(note(1))]);
  });

  it('keeps a tombstone on delete and restores it on undo, in every instance', async () => {
    const name = dbName();
    const store = await open(name);
    await store.put(note(1));
    await store.put(note(2));
    const tombstone = await store.delete(note(1).id);
    expect(tombstone).to.include({ deleted: true, revision: 2 });
    expect(store.list().map((a) => a.id)).to.deep.equal([note(2).id]);
    const other = await open(name);
    expect(other.get(note(1).id)).to.include({ deleted: true });
    expect(other.list().map((a) => a.id)).to.deep.equal([note(2).id]);
    const restored = await other.restore(note(1).id);
    expect(restored).to.include({ deleted: false, revision: 3 });
    expect(restored!.annotation).to.deep.equal(kept(note(1)));
    expect(await store.delete('urn:x:none')).to.equal(null);
    expect(await store.restore('urn:x:none')).to.equal(null);
  });

  it('tells another instance of each change through the broadcast channel', async () => {
    const name = dbName();
    const a = await open(name);
    const b = await open(name);
    const heard = nextChange(b);
    await a.put(note(7));
    const change = await heard;
    expect(change.origin).to.equal('remote');
    expect(change.record).to.include({ id: note(7).id, revision: 1, deleted: false });
    expect(b.list().map((x) => x.id)).to.deep.equal([note(7).id]);
    const heardDelete = nextChange(b);
    await a.delete(note(7).id);
    expect((await heardDelete).record.deleted).to.equal(true);
    expect(b.list()).to.deep.equal([]);
  });

  it('lets exactly one of two concurrent writes based on the same revision win', async () => {
    const name = dbName();
    const a = await open(name);
    await a.put(note(1));
    const b = await open(name);
    const results = await Promise.allSettled([a.put(note(1, 'from tab A')), b.put(note(1, 'from tab B'))]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).to.have.length(1);
    expect(lost).to.have.length(1);
    expect(lost[0]!.reason).to.be.instanceOf(StaleWriteError);
    const loser = results[0].status === 'rejected' ? a : b;
    const winnerText = results[0].status === 'rejected' ? 'from tab B' : 'from tab A';
    // The loser's memory already holds the winner's version: re-read and redo.
    expect(loser.get(note(1).id)!.annotation.body).to.deep.equal([commentBody(winnerText)]);
    const redone = await loser.put(note(1, 'merged'));
    expect(redone.revision).to.equal(3);
  });

  it('rejects a write based on an old revision given explicitly', async () => {
    const store = await open(dbName());
    await store.put(note(1));
    await store.put(note(1, 'second'));
    let error: unknown;
    try {
      await store.put(note(1, 'third'), { expectedRevision: 1 });
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(StaleWriteError);
    expect((error as StaleWriteError).actualRevision).to.equal(2);
  });

  it('refuses invalid annotations and ones not created by a person', async () => {
    const store = await open(dbName());
    const bad = { ...note(1), id: 'not-an-iri' };
    const machine: Annotation = { ...note(2), creator: undefined, generator: { type: 'Software', name: 'analyzer' } };
    for (const a of [bad, machine]) {
      let error: unknown;
      try {
        await store.put(a);
      } catch (e) {
        error = e;
      }
      expect(error).to.be.instanceOf(InvalidAnnotationError);
    }
    expect(store.all()).to.deep.equal([]);
  });

  it('ends 1,000 random create/edit/delete/restore/reload steps in two tabs in the expected state', async function () {
    this.timeout(240_000);
    const name = dbName();
    const rand = random(20240101);
    const tabs = [await open(name), await open(name)];
    const model = new Map<string, { revision: number; deleted: boolean; annotation: Annotation }>();
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
    let next = 1;
    /** Runs a write; on StaleWriteError re-reads the record and runs it once more, as the UI would. */
    async function withRetry<T>(tab: AnnotationStore, id: string, write: () => Promise<T>): Promise<T> {
      try {
        return await write();
      } catch (e) {
        if (!(e instanceof StaleWriteError)) throw e;
        await tab.read(id);
        return write();
      }
    }
    for (let step = 0; step < 1000; step++) {
      const t = rand() < 0.5 ? 0 : 1;
      const tab = tabs[t]!;
      const live = [...model].filter(([, v]) => !v.deleted).map(([id]) => id);
      const dead = [...model].filter(([, v]) => v.deleted).map(([id]) => id);
      const r = rand();
      if (r < 0.25 || live.length === 0) {
        const a = note(next++);
        await tab.put(a);
        model.set(a.id, { revision: 1, deleted: false, annotation: kept(a) });
      } else if (r < 0.5) {
        const id = pick(live);
        const edited: Annotation = { ...model.get(id)!.annotation, body: [commentBody(`edit ${step}`)], modified: new Date(Date.UTC(2024, 1, 1, 0, 0, step)).toISOString() };
        await withRetry(tab, id, () => tab.put(edited));
        model.set(id, { revision: model.get(id)!.revision + 1, deleted: false, annotation: kept(edited) });
      } else if (r < 0.6) {
        // Both tabs edit the same annotation at once: exactly one wins, the other is told it is stale.
        const id = pick(live);
        const base = model.get(id)!;
        const versions = [0, 1].map((k) => ({ ...base.annotation, body: [commentBody(`race ${step} tab ${k}`)] }));
        const results = await Promise.allSettled(versions.map((v, k) => tabs[k]!.put(v)));
        const winners = results.flatMap((res, k) => (res.status === 'fulfilled' ? [k] : []));
        expect(winners, `race at step ${step}`).to.have.length(1);
        for (const res of results) if (res.status === 'rejected') expect(res.reason).to.be.instanceOf(StaleWriteError);
        model.set(id, { revision: base.revision + 1, deleted: false, annotation: kept(versions[winners[0]!]!) });
      } else if (r < 0.75) {
        const id = pick(live);
        await withRetry(tab, id, () => tab.delete(id));
        model.set(id, { ...model.get(id)!, revision: model.get(id)!.revision + 1, deleted: true });
      } else if (r < 0.85 && dead.length) {
        const id = pick(dead);
        await withRetry(tab, id, () => tab.restore(id));
        model.set(id, { ...model.get(id)!, revision: model.get(id)!.revision + 1, deleted: false });
      } else {
        tab.close();
        tabs[t] = await open(name);
      }
    }
    const expected = Object.fromEntries([...model].sort(([a], [b]) => (a < b ? -1 : 1)).map(([id, v]) => [id, JSON.parse(JSON.stringify(v))]));
    const fresh = await open(name);
    expect(snapshot(fresh.all())).to.deep.equal(expected);
    for (const tab of tabs) {
      await tab.refresh();
      expect(snapshot(tab.all())).to.deep.equal(expected);
    }
    expect(model.size).to.be.greaterThan(100);
  });
});

describe('AnnotationStore storage failures', () => {
  it('reports a refused IndexedDB as StorageUnavailableError with a clear message', async () => {
    const refusing = {
      open() {
        throw new DOMException('The user denied permission to access the database.', 'SecurityError');
      },
    } as unknown as IDBFactory;
    let error: unknown;
    try {
      await open(dbName(), refusing);
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(StorageUnavailableError);
    expect((error as Error).message).to.match(/storage \(IndexedDB\) failed while opening the annotation database \(SecurityError/);
  });

  it('reports an open request that fails', async () => {
    const failing = {
      open() {
        const request = { error: new DOMException('Internal error opening backing store.', 'UnknownError') } as unknown as IDBOpenDBRequest;
        setTimeout(() => request.onerror?.call(request, new Event('error')));
        return request;
      },
    } as unknown as IDBFactory;
    let error: unknown;
    try {
      await open(dbName(), failing);
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(StorageUnavailableError);
    expect((error as Error).message).to.match(/UnknownError/);
  });

  it('reports a full quota on save, keeps the unsaved annotation, and can still export everything', async () => {
    let full = false;
    // A real IndexedDB whose connections start refusing transactions once `full` is set.
    const filling = {
      open(name: string, version?: number) {
        const request = indexedDB.open(name, version);
        request.addEventListener('success', () => {
          const db = request.result;
          const transaction = db.transaction.bind(db);
          Object.defineProperty(db, 'transaction', {
            value: (...args: Parameters<IDBDatabase['transaction']>) => {
              if (full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
              return transaction(...args);
            },
            configurable: true,
            writable: true,
          });
        });
        return request;
      },
    } as unknown as IDBFactory;
    const store = await open(dbName(), filling);
    await store.put(note(1));
    full = true;
    let error: unknown;
    try {
      await store.put(note(2));
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(StorageUnavailableError);
    expect((error as Error).message).to.match(/storage for this site is full/);
    expect(store.unsaved().map((a) => a.id)).to.deep.equal([note(2).id]);
    const exported = exportCollection([{ id: 'urn:x:own', file: 'own', label: 'Mine', annotations: [...store.list(), ...store.unsaved()] }], { label: 'Rescue' });
    expect(exported.items.map((a) => a.id)).to.deep.equal([note(1).id, note(2).id]);
    full = false;
    await store.put(note(2));
    expect(store.unsaved()).to.deep.equal([]);
  });

  it('deletes an annotation whose save was refused durably, keeping its latest words for undo, and says so when the delete is refused too', async () => {
    let full = false;
    const filling = {
      open(name: string, version?: number) {
        const request = indexedDB.open(name, version);
        request.addEventListener('success', () => {
          const db = request.result;
          const transaction = db.transaction.bind(db);
          Object.defineProperty(db, 'transaction', {
            value: (...args: Parameters<IDBDatabase['transaction']>) => {
              if (full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
              return transaction(...args);
            },
            configurable: true,
            writable: true,
          });
        });
        return request;
      },
    } as unknown as IDBFactory;
    const name = dbName();
    const store = await open(name, filling);
    await store.put(note(1, 'stored'));
    full = true;
    for (const a of [note(1, 'refused edit'), note(2, 'refused new')]) {
      try {
        await store.put(a);
      } catch {
        // Expected: the quota.
      }
    }
    expect(store.unsaved().map((a) => a.id)).to.deep.equal([note(1).id, note(2).id]);
    let error: unknown;
    try {
      await store.delete(note(1).id);
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(StorageUnavailableError);
    expect((error as Error).message).to.match(/while deleting/);
    expect(store.unsaved().map((a) => a.id), 'a refused delete changes nothing').to.deep.equal([note(1).id, note(2).id]);
    full = false;
    expect(await store.delete(note(1).id)).to.include({ deleted: true, revision: 2 });
    expect(await store.delete(note(2).id)).to.include({ deleted: true, revision: 1 });
    expect(store.unsaved()).to.deep.equal([]);
    expect(store.list()).to.deep.equal([]);
    const fresh = await open(name);
    expect(fresh.get(note(1).id)!.annotation.body).to.deep.equal([commentBody('refused edit')]);
    const restored = await fresh.restore(note(2).id);
    expect(restored!.annotation.body).to.deep.equal([commentBody('refused new')]);
  });

  it('refuses to work after close with a clear error', async () => {
    const store = await open(dbName());
    store.close();
    let error: unknown;
    try {
      await store.put(note(1));
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(StorageUnavailableError);
    expect((error as Error).message).to.match(/closed/);
  });
});
