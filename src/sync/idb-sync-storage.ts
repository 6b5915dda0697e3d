/**
 * The sync state (the outbox of pushes not yet acknowledged, the change-feed
 * cursor, conflicts, the notes shared by others) kept in IndexedDB, one record
 * per server container. A change is one readwrite transaction (read, change,
 * write) that resolves only once committed with `durability: 'strict'`, so a
 * queued push is on disk before the reader is told a note is saved, and two
 * tabs queueing at once never drop each other's push.
 *
 * A state an older reader kept in localStorage under the same key is moved
 * here the first time the container is opened: written to IndexedDB first,
 * removed from localStorage only after that commit.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { EMPTY_SYNC_STATE, parseSyncState, type SyncState, type SyncStorage } from './sync-state.ts';

const DB_VERSION = 1;
const STATES = 'states';

interface SyncDB extends DBSchema {
  states: { key: string; value: { key: string; state: SyncState } };
}

/** Where an older reader kept the state of this container, to move it from. */
export interface LegacyWebStorage {
  readonly storage: Pick<Storage, 'getItem' | 'removeItem'>;
  readonly key: string;
}

/** One open sync database; `storage(key)` gives the SyncStorage of one container. */
export class IdbSyncDatabase {
  private constructor(private readonly db: IDBPDatabase<SyncDB>) {}

  /** Opens (creating when needed) the database `name`. Rejects when the browser refuses IndexedDB. */
  static async open(name: string): Promise<IdbSyncDatabase> {
    const db = await openDB<SyncDB>(name, DB_VERSION, {
      upgrade(database) {
        if (!database.objectStoreNames.contains(STATES)) database.createObjectStore(STATES, { keyPath: 'key' });
      },
    });
    return new IdbSyncDatabase(db);
  }

  /** Whether a state is stored for `key` (a container never used before has none). */
  async has(key: string): Promise<boolean> {
    return (await this.db.count(STATES, key)) > 0;
  }

  /** The storage of container `key`, moving a legacy localStorage state over first when there is one. */
  async storage(key: string, legacy?: LegacyWebStorage): Promise<IdbSyncStorage> {
    const storage = new IdbSyncStorage(this.db, key);
    if (legacy) await storage.adopt(legacy);
    return storage;
  }

  close(): void {
    this.db.close();
  }
}

export class IdbSyncStorage implements SyncStorage {
  constructor(
    private readonly db: IDBPDatabase<SyncDB>,
    private readonly key: string,
  ) {}

  async load(): Promise<SyncState | null> {
    const stored = (await this.db.get(STATES, this.key))?.state;
    // A state from an older reader lacks the newer fields: they start empty.
    return stored ? { ...EMPTY_SYNC_STATE, ...stored } : null;
  }

  async save(state: SyncState): Promise<void> {
    await this.update(() => state);
  }

  /** Applies `fn` to the stored state (null when none) and stores the result, in one transaction. */
  async update(fn: (current: SyncState | null) => SyncState): Promise<SyncState> {
    const tx = this.db.transaction(STATES, 'readwrite', { durability: 'strict' });
    const stored = (await tx.store.get(this.key))?.state;
    const current = stored ? { ...EMPTY_SYNC_STATE, ...stored } : null;
    const next = fn(current);
    await tx.store.put({ key: this.key, state: next });
    await tx.done;
    return next;
  }

  /**
   * Moves a state kept in localStorage into this record. When both exist, the
   * legacy queue's pushes of notes not queued here are added (nothing queued
   * is dropped). The legacy entry is removed only after the commit.
   */
  async adopt(legacy: LegacyWebStorage): Promise<void> {
    const old = parseSyncState(legacy.storage.getItem(legacy.key));
    if (!old) return;
    await this.update((current) => {
      if (!current) return old;
      const queued = new Set(current.queue.map((p) => p.id));
      return { ...current, queue: [...current.queue, ...old.queue.filter((p) => !queued.has(p.id))] };
    });
    legacy.storage.removeItem(legacy.key);
  }
}
