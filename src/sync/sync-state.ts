/**
 * What a sync client remembers between runs: where it is in the server's
 * change feed, which server IRI and entity tag each own note has, the pushes
 * not yet acknowledged, and the conflicts waiting for the reader's choice.
 * Kept behind `SyncStorage` so a push that fails offline is not lost when the
 * page closes (the reader keeps it in localStorage, tests in memory).
 */
import type { Annotation } from '../annotations/model.ts';

/** Where an own note lives on the server, and the entity tag of the version last seen there. */
export interface RemoteCopy {
  readonly iri: string;
  readonly etag: string;
  /** Who may read it there, as last sent or seen (absent when not known). */
  readonly audience?: Audience;
}

/** Who may read a note on the server (`reader:audience`): its author, the group's members, or anyone. */
export type Audience = 'private' | 'group' | 'public';
export const AUDIENCES: readonly Audience[] = ['private', 'group', 'public'];

/**
 * A change to an own note not yet acknowledged by the server (the latest one
 * per note). `audience`, when given, is sent as the note's `reader:audience`;
 * without it the server keeps the note's audience (or its container's default).
 */
export type PendingPush =
  | { readonly kind: 'put'; readonly id: string; readonly annotation: Annotation; readonly audience?: Audience }
  | { readonly kind: 'delete'; readonly id: string };

/**
 * An edit the server refused because its version changed meanwhile (412), or
 * because it was deleted there: both versions, nothing overwritten.
 */
export interface SyncConflict {
  readonly id: string;
  /** The reader's version; null when the reader deleted the note. */
  readonly mine: Annotation | null;
  /** The server's version (with local id); null when it was deleted there. */
  readonly theirs: Annotation | null;
  /** The server's current entity tag (absent when deleted there). */
  readonly theirEtag: string | null;
}

/** A push the server refused for good (4xx other than a conflict): kept, with the server's reason. */
export interface RefusedPush {
  readonly push: PendingPush;
  readonly reason: string;
}

export interface SyncState {
  /** The change-feed cursor after which to pull next ('0' at first). */
  readonly cursor: string;
  /** Local note id → its server copy. */
  readonly remote: Readonly<Record<string, RemoteCopy>>;
  readonly queue: readonly PendingPush[];
  readonly conflicts: readonly SyncConflict[];
  readonly refused: readonly RefusedPush[];
  /**
   * Other people's notes pulled from a group container, by server IRI (their
   * `id`), validated: kept so they are shown offline and after a reload.
   */
  readonly shared: Readonly<Record<string, Annotation>>;
}

export const EMPTY_SYNC_STATE: SyncState = { cursor: '0', remote: {}, queue: [], conflicts: [], refused: [], shared: {} };

/** Keeps the state durable. `load` resolves null when nothing was saved. */
export interface SyncStorage {
  load(): Promise<SyncState | null>;
  save(state: SyncState): Promise<void>;
  /**
   * Applies `fn` to the stored state and stores the result atomically (other
   * tabs' changes cannot slip in between); optional, `load` + `save` otherwise.
   */
  update?(fn: (current: SyncState | null) => SyncState): Promise<SyncState>;
}

/** State in memory only (tests; a reader without storage). */
export class MemorySyncStorage implements SyncStorage {
  private state: SyncState | null = null;
  async load(): Promise<SyncState | null> {
    return this.state && structuredClone(this.state);
  }
  async save(state: SyncState): Promise<void> {
    this.state = structuredClone(state);
  }
}

/** Parses a stored state; null when it is missing or not in this shape (it is then rebuilt from an empty one). */
export function parseSyncState(text: string | null): SyncState | null {
  if (!text) return null;
  try {
    const value = JSON.parse(text) as Partial<SyncState>;
    if (typeof value.cursor !== 'string' || typeof value.remote !== 'object' || !Array.isArray(value.queue)) return null;
    return { ...EMPTY_SYNC_STATE, ...value };
  } catch {
    return null;
  }
}

/** A storage in a `Storage` (localStorage) under `key`. */
export class WebStorageSyncStorage implements SyncStorage {
  constructor(
    private readonly storage: Pick<Storage, 'getItem' | 'setItem'>,
    private readonly key: string,
  ) {}
  async load(): Promise<SyncState | null> {
    return parseSyncState(this.storage.getItem(this.key));
  }
  async save(state: SyncState): Promise<void> {
    this.storage.setItem(this.key, JSON.stringify(state));
  }
}

/**
 * The queue with `push` added: it replaces an earlier pending push of the same
 * note (only the latest version needs sending). A delete of a note the server
 * never had just drops the pending create.
 */
export function enqueue(state: SyncState, push: PendingPush): SyncState {
  const previous = state.queue.find((p) => p.id === push.id);
  const queue = state.queue.filter((p) => p.id !== push.id);
  // A later edit does not undo an audience chosen for the note and not yet sent.
  if (push.kind === 'put' && !push.audience && previous?.kind === 'put' && previous.audience) push = { ...push, audience: previous.audience };
  if (push.kind === 'delete' && !state.remote[push.id]) return { ...state, queue };
  return { ...state, queue: [...queue, push] };
}
