/**
 * The reader's own annotations, kept in IndexedDB (through `idb`).
 *
 * - Durable before "saved": a write resolves only after its transaction's
 *   `complete` event, with `durability: 'strict'` (flushed to disk).
 * - No lost update between tabs: every record has a revision; a write is a
 *   compare-and-set inside one readwrite transaction, and a write based on an
 *   older revision is rejected with StaleWriteError.
 * - Tabs stay in step: each committed change is announced on a
 *   BroadcastChannel; other instances re-read the record and tell their
 *   subscribers.
 * - Deleting keeps a tombstone (the last version), so undo can restore it and
 *   other tabs learn of the deletion.
 */
import { wrap, type DBSchema, type IDBPDatabase } from 'idb';
import type { Annotation } from './model.ts';
import { validateAnnotation } from './validate.ts';
import { InvalidAnnotationError, StaleWriteError, StorageUnavailableError, storageErrorOf } from './store-errors.ts';

/** The database name used when none is given. */
export const DEFAULT_DB_NAME = 'annotated-reader';
const DB_VERSION = 1;
const RECORDS = 'annotations';

/** One stored annotation with its revision. A tombstone (`deleted`) keeps the last version for undo. */
export interface StoredRecord {
  readonly id: string;
  /** 1 on creation, +1 on every committed change. */
  readonly revision: number;
  readonly deleted: boolean;
  readonly annotation: Annotation;
}

/** A committed change, told to subscribers: `local` from this instance, `remote` from another tab or instance. */
export interface StoreChange {
  readonly id: string;
  readonly record: StoredRecord;
  readonly origin: 'local' | 'remote';
}

export interface StoreOptions {
  /** Database (and broadcast channel) name; DEFAULT_DB_NAME when absent. */
  readonly name?: string;
  /** The IndexedDB factory; `globalThis.indexedDB` when absent. Tests inject failing ones. */
  readonly factory?: IDBFactory;
}

/** Options of a write: the revision the change is based on (default: the one this instance last saw; 0 = new). */
export interface WriteOptions {
  readonly expectedRevision?: number;
}

interface ReaderDB extends DBSchema {
  annotations: { key: string; value: StoredRecord };
}

/** Announced on the channel after each commit: one message per transaction, however many records it wrote. */
interface ChangeMessage {
  readonly changes: readonly (readonly [id: string, revision: number])[];
}

/** How many records `putMany` writes per transaction, by default. */
export const PUT_BATCH_SIZE = 200;

/** Options of `putMany`. */
export interface PutManyOptions {
  /** Records per transaction (default PUT_BATCH_SIZE). */
  readonly batchSize?: number;
  /** Aborting stops before the next batch; batches already committed stay. */
  readonly signal?: AbortSignal;
  /** Called after each committed batch with how many were saved so far and how many were to be saved. */
  readonly onProgress?: (saved: number, total: number) => void;
}

/** What `putMany` did. */
export interface PutManyResult {
  /** The records written, in order. */
  readonly saved: readonly StoredRecord[];
  /** Annotations not saved, each with the reason (invalid, not a person's, changed in another tab). */
  readonly notSaved: readonly { readonly id: string; readonly reason: string }[];
  /** Annotations never tried because the writing stopped (cancelled, or a batch failed). */
  readonly notTried: readonly Annotation[];
  /** Why the writing stopped early: 'cancelled', the storage error of the failed batch, or null when it ran to the end. */
  readonly stopped: 'cancelled' | StorageUnavailableError | null;
}

function freezeRecord(record: StoredRecord): StoredRecord {
  const deep = (v: unknown): void => {
    if (typeof v === 'object' && v !== null && !Object.isFrozen(v)) {
      Object.freeze(v);
      Object.values(v).forEach(deep);
    }
  };
  deep(record);
  return record;
}

function openRaw(factory: IDBFactory, name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(name, DB_VERSION);
    } catch (e) {
      reject(e instanceof Error ? e : new Error(String(e)));
      return;
    }
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(RECORDS)) db.createObjectStore(RECORDS, { keyPath: 'id' });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new DOMException('The database could not be opened.', 'UnknownError'));
    request.onblocked = () =>
      reject(new DOMException('Another tab holds an older version of the annotation database open; close it and reload.', 'InvalidStateError'));
  });
}

/** The user's own annotations in IndexedDB, mirrored in memory. Create with `AnnotationStore.open`. */
export class AnnotationStore {
  private readonly records = new Map<string, StoredRecord>();
  private readonly failed = new Map<string, Annotation>();
  private readonly listeners = new Set<(changes: readonly StoreChange[]) => void>();
  private readonly channel: BroadcastChannel | null;
  private closed = false;

  private constructor(
    private readonly db: IDBPDatabase<ReaderDB>,
    readonly name: string,
    initial: readonly StoredRecord[],
  ) {
    for (const r of initial) this.records.set(r.id, freezeRecord(r));
    this.channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(`${name}:changes`) : null;
    if (this.channel) this.channel.onmessage = (e: MessageEvent<ChangeMessage>) => void this.onRemoteChanges(e.data);
    // Another connection wants to upgrade or delete the database: let it, and stop using ours.
    db.addEventListener('versionchange', () => this.close());
  }

  /**
   * Opens (creating if needed) the store and reads every record into memory.
   * Throws StorageUnavailableError when IndexedDB is missing, refused or fails.
   */
  static async open(options: StoreOptions = {}): Promise<AnnotationStore> {
    const name = options.name ?? DEFAULT_DB_NAME;
    const factory = options.factory ?? (globalThis as { indexedDB?: IDBFactory }).indexedDB;
    if (!factory) {
      throw new StorageUnavailableError('This browser offers no IndexedDB storage, so annotations cannot be kept between visits. Export them to keep a copy.');
    }
    try {
      const db = wrap(await openRaw(factory, name)) as unknown as IDBPDatabase<ReaderDB>;
      const initial = await db.getAll(RECORDS);
      return new AnnotationStore(db, name, initial);
    } catch (e) {
      throw storageErrorOf(e, 'opening the annotation database') as Error;
    }
  }

  /** The live (not deleted) annotations in memory, oldest `created` first. */
  list(): readonly Annotation[] {
    return [...this.records.values()]
      .filter((r) => !r.deleted)
      .map((r) => r.annotation)
      .sort((a, b) => (a.created < b.created ? -1 : a.created > b.created ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /** Every record in memory, tombstones included, in no particular order. */
  all(): readonly StoredRecord[] {
    return [...this.records.values()];
  }

  /** The record this instance last saw for `id` (tombstones included), or null when it knows none. */
  get(id: string): StoredRecord | null {
    return this.records.get(id) ?? null;
  }

  /**
   * Annotations whose last save failed for want of storage (latest version per
   * id); a later successful write of the id removes it. Export these with
   * `list()` so nothing the user wrote is lost.
   */
  unsaved(): readonly Annotation[] {
    return [...this.failed.values()];
  }

  /**
   * Reads `id` from the database into memory (telling subscribers if it
   * changed) and returns it, or null when the database has no such record.
   * Throws StorageUnavailableError.
   */
  async read(id: string): Promise<StoredRecord | null> {
    this.assertOpen();
    let record: StoredRecord | undefined;
    try {
      record = await this.db.get(RECORDS, id);
    } catch (e) {
      throw storageErrorOf(e, `reading ${id}`) as Error;
    }
    if (record) this.learn(record, 'remote');
    return this.records.get(id) ?? null;
  }

  /** Re-reads every record (after a missed broadcast, or on demand). Throws StorageUnavailableError. */
  async refresh(): Promise<void> {
    this.assertOpen();
    let all: StoredRecord[];
    try {
      all = await this.db.getAll(RECORDS);
    } catch (e) {
      throw storageErrorOf(e, 'reading the annotations') as Error;
    }
    this.learnAll(all.map((r) => [r, 'remote'] as const));
  }

  /**
   * Creates or replaces an annotation (a tombstoned id comes back to life).
   * Resolves with the new record once the transaction has completed durably.
   * Throws InvalidAnnotationError (not valid, or its creator is not a Person),
   * StaleWriteError (someone else wrote first; memory now holds their
   * version), StorageUnavailableError (the annotation is then kept in
   * `unsaved()`).
   */
  async put(annotation: Annotation, options: WriteOptions = {}): Promise<StoredRecord> {
    const { annotation: clean, errors } = validateAnnotation(annotation, { contextFromCollection: true });
    if (!clean) throw new InvalidAnnotationError(`The annotation ${String(annotation?.id)} cannot be saved because ${errors.join('; ')}.`);
    if (clean.creator?.type !== 'Person') {
      throw new InvalidAnnotationError(`The annotation ${clean.id} cannot be saved as the reader's own: its creator must be a Person.`);
    }
    try {
      const record = await this.write(clean.id, options, 'saving', (current) => ({
        id: clean.id,
        revision: (current?.revision ?? 0) + 1,
        deleted: false,
        annotation: clean,
      }));
      this.failed.delete(clean.id);
      return record!;
    } catch (e) {
      if (e instanceof StorageUnavailableError) this.failed.set(clean.id, clean);
      throw e;
    }
  }

  /**
   * Deletes `id`, keeping a tombstone with its last version (the one in
   * `unsaved()` when its last save was refused). Resolves, once durable, with
   * the tombstone, or null when there is no such annotation; an already deleted
   * one is returned unchanged. Throws StaleWriteError, StorageUnavailableError
   * (nothing changed then, in memory either).
   */
  async delete(id: string, options: WriteOptions = {}): Promise<StoredRecord | null> {
    // A version whose save was refused is deleted too, and its tombstone keeps
    // it, so undo brings back the latest words (and a note that never reached
    // the database can be deleted durably instead of lingering in memory).
    const unsaved = this.failed.get(id);
    const tombstone = await this.write(id, options, 'deleting', (current) => {
      if (unsaved) return { id, revision: (current?.revision ?? 0) + 1, deleted: true, annotation: unsaved };
      return current && !current.deleted ? { ...current, revision: current.revision + 1, deleted: true } : null;
    });
    if (this.failed.get(id) === unsaved) this.failed.delete(id);
    return tombstone;
  }

  /**
   * Undoes a delete: brings the tombstone's last version back. Resolves with the
   * live record, or null when there is no such record; a live one is returned
   * unchanged. Throws StaleWriteError, StorageUnavailableError.
   */
  restore(id: string, options: WriteOptions = {}): Promise<StoredRecord | null> {
    return this.write(id, options, 'restoring', (current) => (current && current.deleted ? { ...current, revision: current.revision + 1, deleted: false } : null));
  }

  /** Calls `listener` after every committed change, local or remote. Returns the function that unsubscribes. */
  subscribe(listener: (change: StoreChange) => void): () => void {
    return this.subscribeBatches((changes) => {
      for (const change of changes) listener(change);
    });
  }

  /**
   * Calls `listener` once per committed transaction (or remote announcement)
   * with all its changes: a bulk write of 20,000 records is a hundred calls,
   * not 20,000. Returns the function that unsubscribes.
   */
  subscribeBatches(listener: (changes: readonly StoreChange[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Closes the connection and the channel; later calls throw StorageUnavailableError. Safe to call twice. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.channel?.close();
    this.db.close();
    this.listeners.clear();
  }

  /**
   * The compare-and-set: inside one readwrite transaction, reads the record,
   * checks its revision, and writes what `change` makes of it (null: nothing to
   * change; the current record is returned). Resolves after `complete`.
   */
  private async write(
    id: string,
    options: WriteOptions,
    doing: 'saving' | 'deleting' | 'restoring',
    change: (current: StoredRecord | undefined) => StoredRecord | null,
  ): Promise<StoredRecord | null> {
    this.assertOpen();
    const expected = options.expectedRevision ?? this.records.get(id)?.revision ?? 0;
    let next: StoredRecord | null;
    let current: StoredRecord | undefined;
    try {
      const tx = this.db.transaction(RECORDS, 'readwrite', { durability: 'strict' });
      current = await tx.store.get(id);
      const actual = current?.revision ?? 0;
      if (actual !== expected) {
        tx.abort();
        await tx.done.catch(() => undefined); // the abort we asked for
        if (current) this.learn(current, 'remote');
        throw new StaleWriteError(id, expected, actual);
      }
      next = change(current);
      if (next) void tx.store.put(next);
      await tx.done;
    } catch (e) {
      throw storageErrorOf(e, `${doing} ${id}`) as Error;
    }
    if (!next) return current ? this.records.get(id) ?? null : null;
    this.learn(next, 'local');
    this.channel?.postMessage({ changes: [[id, next.revision]] } satisfies ChangeMessage);
    return this.records.get(id)!;
  }

  /**
   * Saves many annotations (an import) in batches of `batchSize`, each batch
   * one durable readwrite transaction: all of a batch is written or none of
   * it. Within a batch each record is compared-and-set as in `put` (based on
   * the revision this instance last saw); one changed in another tab meanwhile
   * is left out and listed in `notSaved`, like an invalid one or one whose
   * creator is not a Person. Subscribers hear once per batch, other tabs get
   * one message per batch. Stops before the next batch when `signal` aborts,
   * and after a batch the storage refused (nothing of that batch is written;
   * the error is `stopped`, the rest `notTried`). Never rejects for a storage
   * failure; throws StorageUnavailableError only when the store is closed.
   */
  async putMany(annotations: readonly Annotation[], options: PutManyOptions = {}): Promise<PutManyResult> {
    this.assertOpen();
    const size = Math.max(1, Math.trunc(options.batchSize ?? PUT_BATCH_SIZE));
    const notSaved: { id: string; reason: string }[] = [];
    const valid: Annotation[] = [];
    for (const annotation of annotations) {
      const { annotation: clean, errors } = validateAnnotation(annotation, { contextFromCollection: true });
      if (!clean) notSaved.push({ id: String(annotation?.id), reason: `it is not valid: ${errors.join('; ')}` });
      else if (clean.creator?.type !== 'Person') notSaved.push({ id: clean.id, reason: 'its creator is not a Person, so it cannot be kept as the reader\'s own' });
      else valid.push(clean);
    }
    const saved: StoredRecord[] = [];
    for (let at = 0; at < valid.length; at += size) {
      if (options.signal?.aborted || this.closed) {
        return { saved, notSaved, notTried: valid.slice(at), stopped: 'cancelled' };
      }
      const batch = valid.slice(at, at + size);
      try {
        const { written, stale } = await this.writeBatch(batch);
        for (const s of stale) notSaved.push({ id: s, reason: 'it was changed in another tab meanwhile; that version is kept' });
        for (const r of written) {
          saved.push(r);
          this.failed.delete(r.id);
        }
      } catch (e) {
        const error = storageErrorOf(e, `saving ${batch.length} imported annotations`);
        if (!(error instanceof StorageUnavailableError)) throw error;
        return { saved, notSaved, notTried: valid.slice(at), stopped: error };
      }
      options.onProgress?.(saved.length, valid.length);
    }
    return { saved, notSaved, notTried: [], stopped: null };
  }

  /** One batch of `putMany`: a single transaction; resolves after `complete` with what it wrote and which ids were stale. */
  private async writeBatch(batch: readonly Annotation[]): Promise<{ written: StoredRecord[]; stale: string[] }> {
    const tx = this.db.transaction(RECORDS, 'readwrite', { durability: 'strict' });
    const currents = await Promise.all(batch.map((a) => tx.store.get(a.id)));
    const written: StoredRecord[] = [];
    const stale: string[] = [];
    const theirs: StoredRecord[] = [];
    try {
      batch.forEach((annotation, i) => {
        const current = currents[i];
        const expected = this.records.get(annotation.id)?.revision ?? 0;
        if ((current?.revision ?? 0) !== expected) {
          stale.push(annotation.id);
          if (current) theirs.push(current);
          return;
        }
        const next: StoredRecord = { id: annotation.id, revision: (current?.revision ?? 0) + 1, deleted: false, annotation };
        // A failed put aborts the transaction, and `tx.done` reports it.
        tx.store.put(next).catch(() => undefined);
        written.push(next);
      });
    } catch (e) {
      // A put refused at once (the transaction died under us): nothing of the batch is written.
      try {
        tx.abort();
      } catch {
        // Already aborted.
      }
      await tx.done.catch(() => undefined);
      throw e;
    }
    await tx.done;
    this.learnAll([...theirs.map((r) => [r, 'remote'] as const), ...written.map((r) => [r, 'local'] as const)]);
    if (written.length) this.channel?.postMessage({ changes: written.map((r) => [r.id, r.revision] as const) } satisfies ChangeMessage);
    return { written, stale };
  }

  /** Takes `record` into memory if it is newer than what is there, and tells subscribers. */
  private learn(record: StoredRecord, origin: 'local' | 'remote'): void {
    this.learnAll([[record, origin]]);
  }

  /** Takes the newer of `records` into memory and tells each subscriber once, with all of them. */
  private learnAll(records: readonly (readonly [StoredRecord, 'local' | 'remote'])[]): void {
    const changes: StoreChange[] = [];
    for (const [record, origin] of records) {
      const known = this.records.get(record.id);
      if (known && known.revision >= record.revision) continue;
      const frozen = freezeRecord(record);
      this.records.set(record.id, frozen);
      changes.push({ id: record.id, record: frozen, origin });
    }
    if (!changes.length) return;
    for (const listener of [...this.listeners]) {
      try {
        listener(changes);
      } catch (e) {
        // A failing subscriber must not stop the others or the store; report it as uncaught.
        globalThis.reportError?.(e);
      }
    }
  }

  /** Another tab committed: read the records it names that are newer than ours, in one transaction. */
  private async onRemoteChanges(message: ChangeMessage): Promise<void> {
    if (this.closed || !message || !Array.isArray(message.changes)) return;
    const wanted = (message.changes as readonly unknown[])
      .filter((c): c is ChangeMessage['changes'][number] => Array.isArray(c) && typeof c[0] === 'string' && Number.isInteger(c[1]))
      .filter(([id, revision]) => (this.records.get(id)?.revision ?? 0) < revision)
      .map(([id]) => id);
    if (!wanted.length) return;
    try {
      const tx = this.db.transaction(RECORDS, 'readonly');
      const found = await Promise.all(wanted.map((id) => tx.store.get(id)));
      await tx.done;
      this.learnAll(found.filter((r): r is StoredRecord => !!r).map((r) => [r, 'remote'] as const));
    } catch (e) {
      // Closed meanwhile: nothing to update. Otherwise the next local write or refresh meets the same
      // storage trouble and reports it to the user; report it as uncaught here too.
      if (!this.closed) globalThis.reportError?.(storageErrorOf(e, 'reading changes made in another tab'));
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new StorageUnavailableError(`The annotation store "${this.name}" is closed; reload the page to open it again.`);
  }
}
