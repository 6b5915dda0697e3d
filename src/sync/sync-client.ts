/**
 * Syncs the reader's own notes with their container on an annotation server
 * (W3C Web Annotation Protocol, plus the server's `_changes` feed). Local
 * first: the reader records each change here (`record`), and `sync` pushes the
 * queue (create → POST, edit → PUT, delete → DELETE, both with `If-Match`),
 * then pulls what changed on the server since the last cursor. Nothing is
 * lost: a push that fails (no network, 5xx, an answer that is not JSON) stays
 * queued for the next sync; a 412 becomes a conflict holding both versions.
 * No DOM: `fetch` and the storage are passed in.
 */
import type { Agent, Annotation } from '../annotations/model.ts';
import { validateAnnotation } from '../annotations/validate.ts';
import {
  EMPTY_SYNC_STATE,
  enqueue,
  type PendingPush,
  type RefusedPush,
  type SyncConflict,
  type SyncState,
  type SyncStorage,
  type Audience,
} from './sync-state.ts';

const ANNO_TYPE = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';
/** Change-feed pages pulled in one sync at most (a guard against a server whose `more` never ends). */
const MAX_FEED_PAGES = 1000;

/** A change on the server to apply to the own notes. */
export type RemoteChange =
  | { readonly kind: 'annotation'; readonly id: string; readonly annotation: Annotation }
  | { readonly kind: 'deleted'; readonly id: string };

/** Where the reader's own changes are queued for the server: durable once the promise resolves. */
export interface NoteOutbox {
  recordSave(annotation: Annotation): Promise<void>;
  recordDelete(id: string): Promise<void>;
}

/** What one `sync` did. */
export interface SyncReport {
  readonly pushed: number;
  readonly pulled: readonly RemoteChange[];
  /** Conflicts found by this sync (all open ones are in `client.conflicts`). */
  readonly conflicts: readonly SyncConflict[];
  /** Pushes the server refused for good in this sync. */
  readonly refused: readonly RefusedPush[];
  /** Why the sync stopped early (the queue keeps what was not sent), or null. */
  readonly error: string | null;
  /** Pushes still queued. */
  readonly pending: number;
  /** True when the server refused the token: sign in again. */
  readonly tokenRefused: boolean;
  /** Whether other people's notes (`client.shared`) changed in this sync. */
  readonly sharedChanged: boolean;
  /** Other people's notes left out because they are not valid annotations (a hostile or broken client). */
  readonly sharedRefused: number;
}

export interface SyncClientOptions {
  /** The own container, e.g. `http://127.0.0.1:8787/annotations/` (a trailing slash is added when missing). */
  readonly container: string;
  readonly token: string;
  readonly storage: SyncStorage;
  readonly fetch?: typeof fetch;
  /**
   * Whether an annotation pulled from the container (not one this client
   * pushed) is the reader's own, e.g. a note they made on another device.
   * Others' are kept apart in `shared`. Absent: every annotation is own
   * (a person's own container).
   */
  readonly isOwn?: (annotation: Record<string, unknown>) => boolean;
  /** Sent as the `creator` of every own note pushed (the signed-in person), in place of the local one. */
  readonly creator?: Agent;
}

/** A sync step that could not be done; its message is one sentence for the reader. */
export class SyncError extends Error {
  override name = 'SyncError';
}

/** The server refused the token (401): it expired or was revoked. Nothing more is tried until a new one is given. */
export class TokenRefusedError extends SyncError {
  override name = 'TokenRefusedError';
}

export class SyncClient implements NoteOutbox {
  private state: SyncState = EMPTY_SYNC_STATE;
  private readonly container: string;
  private readonly fetch: typeof fetch;
  private running: Promise<SyncReport> | null = null;

  private constructor(private readonly options: SyncClientOptions) {
    this.container = options.container.endsWith('/') ? options.container : `${options.container}/`;
    this.fetch = options.fetch ?? ((input, init) => fetch(input, init));
  }

  /** A client with the state its storage kept. Throws SyncError for a container that is not an http(s) URL. */
  static async open(options: SyncClientOptions): Promise<SyncClient> {
    let url: URL;
    try {
      url = new URL(options.container);
    } catch {
      throw new SyncError(`"${options.container}" is not a server address.`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new SyncError(`"${options.container}" is not an http(s) address.`);
    const client = new SyncClient(options);
    client.state = (await options.storage.load()) ?? EMPTY_SYNC_STATE;
    return client;
  }

  get pending(): readonly PendingPush[] {
    return this.state.queue;
  }
  get conflicts(): readonly SyncConflict[] {
    return this.state.conflicts;
  }
  get refused(): readonly RefusedPush[] {
    return this.state.refused;
  }
  /** Whether the server holds own note `id` (as far as this client knows). */
  knows(id: string): boolean {
    return id in this.state.remote;
  }

  /** Who may read own note `id` on the server: as queued to be sent, else as last sent or seen; null when unknown. */
  audienceOf(id: string): Audience | null {
    const queued = this.state.queue.find((p) => p.id === id);
    if (queued?.kind === 'put' && queued.audience) return queued.audience;
    return this.state.remote[id]?.audience ?? null;
  }

  /** Other people's notes seen in the container, by server IRI. */
  get shared(): readonly Annotation[] {
    return Object.values(this.state.shared);
  }

  /** Queues a saved own note (new or edited) to be pushed, with its audience if given; durable once this resolves. */
  async recordSave(annotation: Annotation, audience?: Audience): Promise<void> {
    await this.change((s) => enqueue(s, { kind: 'put', id: annotation.id, annotation, ...(audience ? { audience } : {}) }));
  }

  /** Queues many saved notes at once (one storage write); durable once this resolves. */
  async recordSaves(annotations: readonly Annotation[], audience?: Audience): Promise<void> {
    const ids = new Set(annotations.map((a) => a.id));
    const puts: PendingPush[] = annotations.map((annotation) => ({ kind: 'put', id: annotation.id, annotation, ...(audience ? { audience } : {}) }));
    await this.change((s) => ({ ...s, queue: [...s.queue.filter((p) => !ids.has(p.id)), ...puts] }));
  }

  /** Queues the deletion of own note `id`; durable once this resolves. */
  async recordDelete(id: string): Promise<void> {
    await this.change((s) => enqueue(s, { kind: 'delete', id }));
  }

  /**
   * Settles a conflict. 'mine' queues the reader's version over the server's
   * current one; 'theirs' drops the reader's and resolves with the server's
   * version to apply locally (null when there is no conflict for `id`).
   */
  async resolve(id: string, choice: 'mine' | 'theirs'): Promise<RemoteChange | null> {
    let conflict: SyncConflict | undefined;
    await this.change((s) => {
      conflict = s.conflicts.find((c) => c.id === id);
      if (!conflict) return s;
      const remote = { ...s.remote };
      const known = remote[id];
      if (conflict.theirs && conflict.theirEtag && known) remote[id] = { iri: known.iri, etag: conflict.theirEtag };
      else delete remote[id];
      const next: SyncState = { ...s, conflicts: s.conflicts.filter((c) => c !== conflict), remote };
      if (choice === 'theirs') return next;
      return enqueue(next, conflict.mine ? { kind: 'put', id, annotation: conflict.mine } : { kind: 'delete', id });
    });
    if (!conflict || choice === 'mine') return null;
    return conflict.theirs ? { kind: 'annotation', id, annotation: conflict.theirs } : { kind: 'deleted', id };
  }

  /** Pushes the queue, then pulls the change feed. Never throws: what went wrong is in the report. One sync at a time. */
  sync(): Promise<SyncReport> {
    this.running ??= this.run().finally(() => (this.running = null));
    return this.running;
  }

  private async run(): Promise<SyncReport> {
    let pushed = 0;
    const conflicts: SyncConflict[] = [];
    const refused: RefusedPush[] = [];
    let pulled: RemoteChange[] = [];
    let error: string | null = null;
    let tokenRefused = false;
    const sharedBefore = this.state.shared;
    this.sharedRefused = 0;
    try {
      await this.change((s) => s); // what other tabs queued meanwhile
      for (const push of [...this.state.queue]) {
        const outcome = await this.push(push);
        if (outcome.kind === 'conflict') conflicts.push(outcome.conflict);
        else if (outcome.kind === 'refused') refused.push(outcome.refused);
        else pushed++;
      }
      pulled = await this.pull();
    } catch (e) {
      if (!(e instanceof SyncError)) throw e;
      error = e.message;
      tokenRefused = e instanceof TokenRefusedError;
    }
    return { pushed, pulled, conflicts, refused, error, pending: this.state.queue.length, tokenRefused, sharedChanged: this.state.shared !== sharedBefore, sharedRefused: this.sharedRefused };
  }

  private sharedRefused = 0;

  /**
   * Applies `fn` to the state as stored now (another tab of the reader may
   * have queued a change since this one last looked), and stores the result.
   */
  private async change(fn: (s: SyncState) => SyncState): Promise<void> {
    const storage = this.options.storage;
    if (storage.update) {
      this.state = await storage.update((current) => fn(current ?? this.state));
      return;
    }
    const current = (await storage.load()) ?? this.state;
    this.state = fn(current);
    await storage.save(this.state);
  }

  /** Takes `push` off the queue (unless a newer change of that note replaced it meanwhile) and applies `fn`. */
  private async settle(push: PendingPush, fn: (s: SyncState) => SyncState): Promise<void> {
    const sent = JSON.stringify(push);
    await this.change((s) => fn({ ...s, queue: s.queue.filter((p) => JSON.stringify(p) !== sent) }));
  }

  private async push(push: PendingPush): Promise<
    { kind: 'done' } | { kind: 'conflict'; conflict: SyncConflict } | { kind: 'refused'; refused: RefusedPush }
  > {
    const known = this.state.remote[push.id];
    const withRemote = (iri: string, etag: string) => (s: SyncState) => {
      const audience = (push.kind === 'put' ? push.audience : undefined) ?? s.remote[push.id]?.audience;
      return { ...s, remote: { ...s.remote, [push.id]: { iri, etag, ...(audience ? { audience } : {}) } } };
    };
    if (push.kind === 'delete') {
      if (!known) return this.settle(push, (s) => s).then(() => ({ kind: 'done' as const }));
      const res = await this.request(known.iri, { method: 'DELETE', headers: { 'If-Match': known.etag } });
      if (res.status === 204 || res.status === 404 || res.status === 410) {
        await this.settle(push, (s) => ({ ...s, remote: without(s.remote, push.id) }));
        return { kind: 'done' };
      }
      if (res.status === 412) return this.conflict(push, known.iri);
      return this.refuse(push, res);
    }
    const outgoing = this.outgoing(push);
    const body = JSON.stringify(outgoing);
    if (!known) {
      const res = await this.request(this.container, { method: 'POST', headers: { 'Content-Type': ANNO_TYPE }, body });
      const location = res.headers.get('location');
      if (res.status === 201 && location) {
        await this.settle(push, withRemote(location, await etagOf(res)));
        return { kind: 'done' };
      }
      // Already stored under this id: a POST whose answer was lost, or a note that reached the server from
      // another device. The same version is simply acknowledged; another one is a conflict, never overwritten.
      if (res.status === 409 && location) {
        const current = await this.request(location, { method: 'GET' });
        if (current.ok) {
          const etag = await etagOf(current);
          const theirs = toLocal(await jsonOf(current), push.id);
          await this.change(withRemote(location, etag));
          if (sameAnnotation(theirs, toLocal(this.asStored(outgoing, theirs), push.id))) {
            await this.settle(push, (s) => s);
            return { kind: 'done' };
          }
          return this.conflict(push, location);
        }
      }
      return this.refuse(push, res);
    }
    const res = await this.request(known.iri, { method: 'PUT', headers: { 'Content-Type': ANNO_TYPE, 'If-Match': known.etag }, body });
    if (res.status === 200) {
      await this.settle(push, withRemote(known.iri, await etagOf(res)));
      return { kind: 'done' };
    }
    if (res.status === 412 || res.status === 404 || res.status === 410) return this.conflict(push, known.iri);
    return this.refuse(push, res);
  }

  /** The note as sent: the signed-in person as creator, the chosen audience. */
  private outgoing(push: PendingPush & { kind: 'put' }): Record<string, unknown> {
    const creator = this.options.creator;
    return { ...push.annotation, ...(creator && !push.annotation.generator ? { creator } : {}), ...(push.audience ? { 'reader:audience': push.audience } : {}) };
  }

  /**
   * `outgoing` as the server stores it: the server names the creator itself
   * (the signed-in account), so a note differs from the stored one only by
   * what the client wrote, not by the creator it sent.
   */
  private asStored(outgoing: Record<string, unknown>, theirs: Annotation): Record<string, unknown> {
    const { creator: _sent, ...rest } = outgoing;
    const creator = this.options.creator ?? theirs.creator;
    return { ...rest, ...(creator ? { creator } : {}) };
  }

  /** Fetches the server's version of `iri` and files a conflict with both versions; the push leaves the queue. */
  private async conflict(push: PendingPush, iri: string): Promise<{ kind: 'conflict'; conflict: SyncConflict }> {
    const res = await this.request(iri, { method: 'GET' });
    let theirs: Annotation | null = null;
    let theirEtag: string | null = null;
    if (res.ok) {
      theirs = toLocal(await jsonOf(res), push.id);
      theirEtag = await etagOf(res);
    } else if (res.status !== 404 && res.status !== 410) {
      throw new SyncError(`The server answered ${res.status} when asked for its version of a note.`);
    }
    const conflict: SyncConflict = { id: push.id, mine: push.kind === 'put' ? push.annotation : null, theirs, theirEtag };
    await this.settle(push, (s) => ({ ...s, conflicts: [...s.conflicts.filter((c) => c.id !== push.id), conflict] }));
    return { kind: 'conflict', conflict };
  }

  /** Files a push the server refused for good (a 4xx) with its reason; the push leaves the queue but is kept. */
  private async refuse(push: PendingPush, res: Response): Promise<{ kind: 'refused'; refused: RefusedPush }> {
    const reason = await problemOf(res);
    const refused: RefusedPush = { push, reason };
    await this.settle(push, (s) => ({ ...s, refused: [...s.refused.filter((r) => r.push.id !== push.id), refused] }));
    return { kind: 'refused', refused };
  }

  /** The changes after the cursor, page by page, the cursor saved after each page. Skips the echo of our own pushes. */
  private async pull(): Promise<RemoteChange[]> {
    const changes: RemoteChange[] = [];
    for (let page = 0; page < MAX_FEED_PAGES; page++) {
      const res = await this.request(`${this.container}_changes?since=${encodeURIComponent(this.state.cursor)}`, { method: 'GET' });
      if (!res.ok) throw new SyncError(`The server answered ${res.status} to the change feed: ${await problemOf(res)}`);
      const feed = await jsonOf(res);
      if (typeof feed.cursor !== 'string' || !Array.isArray(feed.changes)) throw new SyncError('The server\'s change feed is not in the expected shape.');
      const cursor = feed.cursor;
      await this.change((s) => {
        let next = s;
        const found: RemoteChange[] = [];
        for (const entry of feed.changes as Record<string, unknown>[]) {
          const change = this.remoteChange(next, entry);
          if (!change) continue;
          next = change.state;
          if (change.change) found.push(change.change);
        }
        changes.push(...found);
        return { ...next, cursor };
      });
      if (feed.more !== true) break;
    }
    return changes;
  }

  /** What one feed entry means locally, or null for an entry to ignore (our own echo, a note with a pending push). */
  private remoteChange(state: SyncState, entry: Record<string, unknown>): { state: SyncState; change: RemoteChange | null } | null {
    if (!entry || typeof entry.id !== 'string') return null;
    const iri = entry.id;
    if (this.isShared(state, entry)) return this.sharedChange(state, entry, iri);
    const localId = Object.entries(state.remote).find(([, r]) => r.iri === iri)?.[0] ?? localIdOf(entry.annotation, iri);
    // A pending push of this note is sent first and meets the newer version as a 412 conflict: not overwritten here.
    if (state.queue.some((p) => p.id === localId)) return null;
    // An open conflict keeps the reader's version: a newer server version only replaces the conflict's other side.
    const open = state.conflicts.find((c) => c.id === localId);
    if (open) {
      const tombstone = entry.type === 'Tombstone';
      if (!tombstone && typeof entry.etag !== 'string') return null;
      const theirs = tombstone ? null : toLocal(entry.annotation, localId);
      const updated: SyncConflict = { ...open, theirs, theirEtag: tombstone ? null : (entry.etag as string) };
      return { state: { ...state, conflicts: state.conflicts.map((c) => (c === open ? updated : c)) }, change: null };
    }
    if (entry.type === 'Tombstone') {
      return { state: { ...state, remote: without(state.remote, localId) }, change: { kind: 'deleted', id: localId } };
    }
    if (typeof entry.etag !== 'string') return null;
    if (state.remote[localId]?.etag === entry.etag) return null;
    const annotation = toLocal(entry.annotation, localId);
    const audience = audienceIn(entry.annotation);
    return { state: { ...state, remote: { ...state.remote, [localId]: { iri, etag: entry.etag, ...(audience ? { audience } : {}) } } }, change: { kind: 'annotation', id: localId, annotation } };
  }

  /** Whether a feed entry is someone else's note (never one this client knows as its own). */
  private isShared(state: SyncState, entry: Record<string, unknown>): boolean {
    const isOwn = this.options.isOwn;
    if (!isOwn) return false;
    const iri = entry.id as string;
    if (Object.values(state.remote).some((r) => r.iri === iri)) return false;
    if (entry.type === 'Tombstone') return iri in state.shared;
    const doc = entry.annotation;
    return !(doc && typeof doc === 'object' && isOwn(doc as Record<string, unknown>));
  }

  /** Keeps (or forgets, for a tombstone) someone else's note; one that is not valid is left out and counted. */
  private sharedChange(state: SyncState, entry: Record<string, unknown>, iri: string): { state: SyncState; change: null } {
    if (entry.type === 'Tombstone') return { state: { ...state, shared: without(state.shared, iri) }, change: null };
    const { via: _via, 'reader:audience': _audience, ...rest } = (entry.annotation ?? {}) as Record<string, unknown>;
    const { annotation } = validateAnnotation({ ...rest, id: iri });
    if (!annotation) {
      this.sharedRefused++;
      return { state: { ...state, shared: without(state.shared, iri) }, change: null };
    }
    return { state: { ...state, shared: { ...state.shared, [iri]: annotation } }, change: null };
  }

  private async request(url: string, init: RequestInit): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set('Accept', ANNO_TYPE);
    if (this.options.token) headers.set('Authorization', `Bearer ${this.options.token}`);
    let res: Response;
    try {
      res = await this.fetch(url, { ...init, headers });
    } catch (e) {
      throw new SyncError(`The server did not answer (${(e as Error).message}); your changes stay queued and are sent at the next sync.`);
    }
    if (res.status >= 500) throw new SyncError(`The server failed (${res.status}); your changes stay queued and are sent at the next sync.`);
    if (res.status === 401) throw new TokenRefusedError('The server no longer accepts your sign-in (401: the token expired or was revoked); sign in again. Your changes stay queued.');
    return res;
  }
}

function audienceIn(doc: unknown): Audience | null {
  const value = (doc as Record<string, unknown> | null)?.['reader:audience'];
  return value === 'private' || value === 'group' || value === 'public' ? value : null;
}

function without<T>(record: Readonly<Record<string, T>>, key: string): Record<string, T> {
  const { [key]: _, ...rest } = record;
  return rest;
}

async function jsonOf(res: Response): Promise<Record<string, unknown>> {
  const text = await res.text();
  try {
    const value = JSON.parse(text) as unknown;
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new SyncError(`The server answered with something that is not a JSON object (status ${res.status}); nothing was lost.`);
}

async function etagOf(res: Response): Promise<string> {
  const etag = res.headers.get('etag');
  if (!etag) throw new SyncError(`The server's answer (${res.status}) carries no ETag; the change stays queued.`);
  return etag;
}

async function problemOf(res: Response): Promise<string> {
  const text = await res.text().catch(() => '');
  try {
    const detail = (JSON.parse(text) as { detail?: unknown }).detail;
    if (typeof detail === 'string') return `${res.status}: ${detail}`;
  } catch {
    // not a problem document
  }
  return `The server refused it (${res.status}).`;
}

/** The reader's id of a server annotation: the id the reader POSTed it with (`via`), else a `urn:uuid:` of a UUID slug, else its IRI. */
function localIdOf(doc: unknown, iri: string): string {
  const via = (doc as { via?: unknown } | null)?.via;
  if (typeof via === 'string') return via;
  const slug = iri.slice(iri.lastIndexOf('/') + 1);
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(slug) ? `urn:uuid:${slug}` : iri;
}

/** A server annotation as the reader's own note `id`. Throws SyncError when it is not a valid annotation (a hostile server). */
function toLocal(doc: unknown, id: string): Annotation {
  if (!doc || typeof doc !== 'object') throw new SyncError('The server sent a change without its annotation.');
  const { via: _via, 'reader:audience': _audience, ...rest } = doc as Record<string, unknown>;
  const { annotation, errors } = validateAnnotation({ ...rest, id });
  if (!annotation) throw new SyncError(`The server sent an annotation that is not valid (${errors[0] ?? 'unknown reason'}).`);
  return annotation;
}

/** Whether two annotations say the same (keys in any order). */
function sameAnnotation(a: Annotation, b: Annotation): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries.sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)).map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
