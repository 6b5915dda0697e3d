/**
 * The annotation session behind the reader: the documents, every layer
 * (shipped, the reader's own, imported), the workspace that anchors them, the
 * store that keeps the reader's own annotations, and the search engine.
 * No rendering here; the app shell calls these methods and redraws.
 */
import type { LoadedDocument } from '../document/load.ts';
import { commentBodyOf, targetsOf, type Annotation } from '../annotations/model.ts';
import { plainTextOf } from '../annotations/sanitize.ts';
import { MAX_INDEXED_BODY_LENGTH } from '../search/annotation-index.ts';
import type { Layer } from '../annotations/layer.ts';
import { AnnotationStore, type PutManyResult, type WriteOptions } from '../annotations/store.ts';
import { StaleWriteError, StorageUnavailableError, storageReasonOf } from '../annotations/store-errors.ts';
import { exportCollection, importCollection, importReport, isByPerson, type ImportOutcome } from '../annotations/exchange.ts';
import { toHypothesis } from '../annotations/hypothesis.ts';
import { makeReview } from '../analysis/claims/review.ts';
import type { AnnotationText } from '../search/index.ts';
import { SearchClient } from './search/client.ts';
import { markPhase } from './phases.ts';
import { Workspace, type Entry, type WorkspaceLayer } from './workspace.ts';
import { loadShippedLayers, type ShippedLayers } from './shipped-layers.ts';
import { editNote, makeNote, reattach, readerAgent, type Passage } from './own-annotations.ts';
import type { NoteOutbox, RemoteChange } from '../sync/sync-client.ts';

export const OWN_LAYER_ID = 'own';
const IMPORTED_LAYER_ID = 'imported';

/** How long the reader waits for the browser's storage to open before going on without it (ms). */
export const STORE_OPEN_TIMEOUT_MS = 10_000;

/** Why a save (or delete, or undo) did not happen, for the reader. */
export class SaveFailedError extends Error {
  override name = 'SaveFailedError';
}

/**
 * What a note editor starts from, taken when it opens (not when it saves):
 * the note as the reader saw it and the stored revision it had then. A save
 * based on it succeeds only if nobody changed the note since.
 */
export interface NoteEditBase {
  readonly id: string;
  readonly annotation: Annotation;
  /** The stored revision when the editor opened; null without storage (one tab, nothing to race). */
  readonly revision: number | null;
  /** True when the note is deleted (the other side of a conflict, after a delete elsewhere). */
  readonly deleted: boolean;
}

/**
 * An edit not saved because the note changed (or was deleted) elsewhere after
 * the editor opened. Carries both versions so the reader can choose: saving
 * `mine` again based on `theirs` overwrites it knowingly.
 */
export class EditConflictError extends SaveFailedError {
  override name = 'EditConflictError';
  constructor(
    readonly theirs: NoteEditBase,
    readonly mine: Annotation,
  ) {
    super(
      `This note was ${theirs.deleted ? 'deleted' : 'changed'} in another tab after you opened it, so your edit was not saved. Choose which version to keep.`,
    );
  }
}

/** Resolves in a later task, letting the page draw and handle input first. */
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Options of `Session.importFile`. */
export interface ImportOptions {
  /** Aborting cancels the import between two batches; what was saved stays saved. */
  readonly signal?: AbortSignal;
  /** Called after each saved batch: how many notes are saved so far, of how many. */
  readonly onProgress?: (saved: number, total: number) => void;
}

/** Where the reader's own annotations are kept. */
export type StorageState = 'durable' | 'not-answering' | 'unavailable';

const NOT_ANSWERING =
  "The browser's storage is not answering (its database did not open), so your notes are kept in memory for this visit only; export them before you close the page. Should the storage answer later, they are saved in it then.";

export class Session {
  readonly workspace: Workspace;
  /**
   * The search engine, in a worker where there is one. The text index and
   * the annotation bodies are indexed when the page is idle or when a search
   * first needs them, whichever comes first: on a long corpus each costs
   * seconds and tens of MB, which must not hold back the first paint. Every
   * search sees every text and body, as if indexed at once.
   */
  readonly search: SearchClient;
  /** Problems met while loading layers or the store, named for the reader. */
  readonly problems: string[] = [];
  /** Null when the browser's storage is unavailable: own annotations then live in memory only. */
  private store: AnnotationStore | null = null;
  /** True while the database's open has neither succeeded nor failed after the wait. */
  private storeSilent = false;
  private closed = false;
  private memoryOnly = new Map<string, Annotation>();
  private imported: Annotation[] = [];
  private readonly listeners = new Set<() => void>();
  private shippedLayers: readonly Layer[] = [];
  readonly agent = readerAgent('Reader');
  /** Where the reader's own changes are also queued for the annotation server, or null when not syncing. */
  private outbox: NoteOutbox | null = null;

  private constructor(readonly documents: readonly LoadedDocument[]) {
    this.workspace = new Workspace(documents.map((d) => ({ id: d.entry.id, iri: d.entry.iri, label: d.entry.label, source: d.source })));
    this.search = new SearchClient(this.searchDocuments());
  }

  private searchDocuments() {
    return this.documents.map((d) => ({ id: d.entry.id, source: d.source, title: d.entry.title }));
  }

  /**
   * Uses a prebuilt search index (for corpora too large to index at load).
   * Never throws: an index that cannot be read or no longer fits the texts is
   * named in `problems`, and the reader builds its own.
   */
  private async loadPrebuiltIndex(url: URL): Promise<void> {
    try {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      // Read as bytes: decoding and parsing (megabytes on a long corpus) happen beside the index, off the page's thread.
      await this.search.load(await response.arrayBuffer());
    } catch (error) {
      this.problems.push(`The prebuilt search index ${url.pathname.split('/').pop()} was not used (${(error as Error).message}); the reader indexes the texts itself.`);
    }
  }

  /**
   * Loads the shipped layers and opens the store. Never throws: problems are
   * collected in `problems` and everything that loaded is used.
   */
  static async open(
    documents: readonly LoadedDocument[],
    options: {
      annotationsBase: URL;
      layerFiles: readonly string[];
      /** The shipped layers when their loading began earlier (`loadShippedLayers`), e.g. beside the texts' own fetches. */
      shippedLayers?: Promise<ShippedLayers>;
      storeName?: string;
      searchIndex?: URL;
      storeOpenTimeoutMs?: number;
    },
  ): Promise<Session> {
    const session = new Session(documents);
    const [shipped] = await Promise.all([
      options.shippedLayers ?? loadShippedLayers(options.annotationsBase, options.layerFiles),
      session.openStore(options.storeName, options.storeOpenTimeoutMs ?? STORE_OPEN_TIMEOUT_MS),
      options.searchIndex ? session.loadPrebuiltIndex(options.searchIndex) : Promise.resolve(),
    ]);
    session.shippedLayers = shipped.layers;
    for (const item of shipped.problems) session.problems.push(item);
    // One anchoring pass for every layer, not one per layer.
    session.syncOwnLayer(shipped.layers.map((layer) => ({ id: layer.id, label: layer.label, origin: 'shipped', annotations: layer.annotations })));
    markPhase('anchored');
    return session;
  }

  /**
   * Opens the store, waiting at most `timeoutMs`: an IndexedDB whose open never
   * settles must not leave the reader loading forever. After the wait, notes
   * are kept in memory; if the store opens later, they move into it.
   */
  private async openStore(name: string | undefined, timeoutMs: number): Promise<void> {
    const opening = AnnotationStore.open(name ? { name } : {});
    let timer: ReturnType<typeof setTimeout> | undefined;
    const silence = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), timeoutMs)));
    try {
      const store = await Promise.race([opening, silence]);
      if (store) {
        this.attachStore(store);
        return;
      }
      this.storeSilent = true;
      this.problems.push(NOT_ANSWERING);
      opening.then(
        (late) => void this.adoptLateStore(late),
        () => undefined, // It failed after all: notes stay in memory, as the reader was already told.
      );
    } catch (error) {
      this.store = null;
      this.problems.push(
        error instanceof StorageUnavailableError
          ? `${error.message} Your notes are kept in memory for this visit only; export them before you close the page.`
          : `The annotation database could not be opened (${(error as Error).message}). Your notes are kept in memory for this visit only.`,
      );
    } finally {
      clearTimeout(timer);
    }
  }

  private attachStore(store: AnnotationStore): void {
    this.store = store;
    // Once per committed transaction (an import's batch of 200 is one); an import syncs once at its end.
    // Changes from other tabs that arrive while a sync runs (another tab's import: a batch every few
    // hundred ms, a sync of 20,000 notes costs more) are taken together in one sync.
    // Local changes need nothing here: the method that made them syncs once they are stored.
    store.subscribeBatches((changes) => {
      if (this.importing || this.syncScheduled || changes.every((c) => c.origin === 'local')) return;
      this.syncScheduled = true;
      setTimeout(() => {
        this.syncScheduled = false;
        if (this.closed) return;
        this.syncOwnLayer();
        this.emit();
      }, 0);
    });
  }

  private syncScheduled = false;

  /** True while an import saves its notes: they are anchored and shown once, when it ends. */
  private importing = false;

  /**
   * The store opened after the reader stopped waiting: what this visit wrote
   * in memory is saved in it (a refused save stays listed as unsaved), then
   * the reader works with storage as usual.
   */
  private async adoptLateStore(store: AnnotationStore): Promise<void> {
    const copied = new Map<string, Annotation>();
    const notCopied = new Map<string, Annotation>();
    // Notes written while copying are copied too: loop until none waits.
    for (;;) {
      const waiting = [...this.memoryOnly.values()].filter((a) => copied.get(a.id) !== a);
      if (!waiting.length || this.closed) break;
      for (const a of waiting) {
        copied.set(a.id, a);
        try {
          await store.put(a);
          notCopied.delete(a.id);
        } catch (error) {
          // Refused for want of space: the store lists it as unsaved. Otherwise it stays in memory.
          if (!(error instanceof StorageUnavailableError)) notCopied.set(a.id, a);
        }
      }
    }
    if (this.closed) {
      store.close();
      return;
    }
    const deletedMeanwhile = [...copied.keys()].filter((id) => !this.memoryOnly.has(id));
    this.memoryOnly = notCopied;
    this.storeSilent = false;
    this.attachStore(store);
    const at = this.problems.indexOf(NOT_ANSWERING);
    if (at >= 0) this.problems.splice(at, 1);
    this.problems.push(
      `The browser's storage answered late; the notes of this visit are now saved in it${notCopied.size ? `, except ${notCopied.size} that stay in memory for this visit: export them` : ''}.`,
    );
    for (const id of deletedMeanwhile) await store.delete(id).catch(() => undefined);
    this.syncOwnLayer();
    this.emit();
  }

  /** True when own annotations are durably stored (IndexedDB works). */
  get durable(): boolean {
    return this.store !== null;
  }

  /** How many own annotations are shown but not stored (their save was refused, or storage answered late and refused them). */
  get unsavedCount(): number {
    return this.store ? this.store.unsaved().length + this.memoryOnly.size : 0;
  }

  /** Whether own annotations are stored, or kept in memory because storage is refused or silent. */
  get storageState(): StorageState {
    return this.store ? 'durable' : this.storeSilent ? 'not-answering' : 'unavailable';
  }

  /** Calls `listener` whenever annotations change (here or in another tab). Returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }

  /** The reader's own annotations (notes, reviews, re-attached copies). */
  ownAnnotations(): readonly Annotation[] {
    if (!this.store) return [...this.memoryOnly.values()];
    // A version whose save was refused replaces the stored one: it is what the reader wrote last.
    const unsaved = this.store.unsaved();
    const replaced = new Set(unsaved.map((a) => a.id));
    return [...this.store.list().filter((a) => !replaced.has(a.id)), ...unsaved, ...this.memoryOnly.values()];
  }

  /** Sets the own (and imported) layers, after `before` when given, and re-anchors once. */
  private syncOwnLayer(before: readonly WorkspaceLayer[] = []): void {
    const layers: WorkspaceLayer[] = [...before, { id: OWN_LAYER_ID, label: 'Your annotations', origin: 'own', annotations: this.ownAnnotations() }];
    if (this.imported.length) layers.push({ id: IMPORTED_LAYER_ID, label: 'Imported', origin: 'imported', annotations: this.imported });
    this.workspace.setLayers(layers);
    this.reindexAnnotations();
  }

  /** Annotation bodies join the search index, marked as annotation hits. */
  private reindexAnnotations(): void {
    const texts: AnnotationText[] = [];
    for (const e of this.workspace.all()) {
      if (e.kind === 'review') continue;
      // The comment as a reader sees it: an HTML body's text, not its markup (which would be searched and shown raw).
      const body = commentBodyOf(e.annotation);
      const comment = body ? plainTextOf(body, MAX_INDEXED_BODY_LENGTH) : '';
      const text = [comment, e.description, e.kind === 'note' ? e.tags.join(' ') : ''].filter(Boolean).join(' — ');
      const p = e.placed[0];
      if (!text || !p) continue;
      texts.push({ id: e.annotation.id, docId: p.docId, from: p.from, to: p.to, text, kind: e.kind === 'note' ? 'comment' : e.kind === 'flag' ? 'flag' : 'link' });
    }
    this.search.setAnnotations(texts);
  }

  private document(id: string): LoadedDocument {
    const d = this.documents.find((x) => x.entry.id === id);
    if (!d) throw new RangeError(`No document with id ${id}`);
    return d;
  }

  passage(docId: string, from: number, to: number): Passage {
    const d = this.document(docId);
    return { iri: d.entry.iri, source: d.source, from, to };
  }

  /**
   * Keeps `annotation` as the reader's own. Resolves only once it is durable
   * (IndexedDB transaction complete) — or, without storage, kept in memory.
   * Throws SaveFailedError with a message for the reader; EditConflictError
   * when `options.expectedRevision` is given and the note has another now.
   */
  async save(annotation: Annotation, options: WriteOptions = {}): Promise<void> {
    if (!this.store) {
      this.memoryOnly.set(annotation.id, annotation);
      this.syncOwnLayer();
      this.emit();
      await this.outbox?.recordSave(annotation);
      return;
    }
    try {
      await this.store.put(annotation, options);
    } catch (error) {
      if (error instanceof StaleWriteError) {
        const theirs = this.store.get(annotation.id);
        if (options.expectedRevision !== undefined && theirs) {
          throw new EditConflictError({ id: theirs.id, annotation: theirs.annotation, revision: theirs.revision, deleted: theirs.deleted }, annotation);
        }
        throw new SaveFailedError('Not saved: this note was changed in another tab first; the other version is shown now. Make your change again.');
      }
      if (error instanceof StorageUnavailableError) {
        this.syncOwnLayer();
        this.emit();
        throw new SaveFailedError(`Not saved. ${error.message}`);
      }
      throw new SaveFailedError(`Not saved: ${(error as Error).message}`);
    }
    this.syncOwnLayer();
    this.emit();
    await this.outbox?.recordSave(annotation);
  }

  /** Creates and saves a note. Resolves with it once durable. */
  async createNote(docId: string, from: number, to: number, comment: string, tags: readonly string[]): Promise<Annotation> {
    const note = makeNote(this.passage(docId, from, to), comment, tags, this.agent);
    await this.save(note);
    return note;
  }

  /**
   * What an editor of own note `id` starts from: call it when the editor
   * opens and pass the result to `updateNote`. Null when there is no such note.
   */
  beginEdit(id: string): NoteEditBase | null {
    const inMemory = this.memoryOnly.get(id);
    if (!this.store || inMemory) return inMemory ? { id, annotation: inMemory, revision: null, deleted: false } : null;
    const record = this.store.get(id);
    // A version whose save was refused is what the reader sees; its base is still the stored revision.
    const unsaved = this.store.unsaved().find((a) => a.id === id);
    if (unsaved) return { id, annotation: unsaved, revision: record?.revision ?? 0, deleted: false };
    return record && !record.deleted ? { id, annotation: record.annotation, revision: record.revision, deleted: false } : null;
  }

  /**
   * Saves the reader's edit of note `id`, made from `base` (by default the
   * note as it is now). Resolves once durable, with 'unchanged' when the edit
   * changes nothing. Throws EditConflictError when the note changed or was
   * deleted since `base` (nothing is saved then), SaveFailedError otherwise.
   */
  async updateNote(id: string, comment: string, tags: readonly string[], base: NoteEditBase | null = this.beginEdit(id)): Promise<'saved' | 'unchanged'> {
    if (!base) throw new SaveFailedError('This note no longer exists (it may have been deleted in another tab).');
    const next = editNote(base.annotation, comment, tags);
    // Unchanged words on a deleted note still mean "bring it back".
    if (next === base.annotation && !base.deleted) return 'unchanged';
    await this.save(next, base.revision === null ? {} : { expectedRevision: base.revision });
    return 'saved';
  }

  /**
   * Deletes an own annotation, resolving once the delete is durable;
   * `undoDelete` brings it back. Throws SaveFailedError when nothing was
   * deleted (the annotation is then unchanged).
   */
  async deleteNote(id: string): Promise<void> {
    if (!this.store || this.memoryOnly.has(id)) {
      const a = this.memoryOnly.get(id);
      if (!a) throw new SaveFailedError('Nothing was deleted: this note no longer exists.');
      this.deletedInMemory.set(id, a);
      this.memoryOnly.delete(id);
    } else {
      let tombstone;
      try {
        tombstone = await this.store.delete(id);
      } catch (error) {
        throw new SaveFailedError(`Not deleted. ${this.reasonOf(error)}`);
      }
      if (!tombstone) throw new SaveFailedError('Nothing was deleted: this note no longer exists.');
    }
    this.syncOwnLayer();
    this.emit();
    await this.outbox?.recordDelete(id);
  }

  private deletedInMemory = new Map<string, Annotation>();

  /** Brings back an annotation deleted by `deleteNote`, once durable. Throws SaveFailedError. */
  async undoDelete(id: string): Promise<void> {
    const inMemory = this.deletedInMemory.get(id);
    if (inMemory) {
      this.deletedInMemory.delete(id);
      // Deleted while storage was missing, restored once it answered: into storage it goes.
      if (this.store) return this.save(inMemory);
      this.memoryOnly.set(id, inMemory);
    } else if (!this.store) {
      throw new SaveFailedError('Not restored: there is nothing to bring back.');
    } else {
      try {
        await this.store.restore(id);
      } catch (error) {
        throw new SaveFailedError(`Not restored. ${this.reasonOf(error)}`);
      }
      const restored = this.store.get(id);
      if (restored && !restored.deleted) await this.outbox?.recordSave(restored.annotation);
    }
    this.syncOwnLayer();
    this.emit();
  }

  /**
   * Queues the reader's own changes from now on for the annotation server
   * (null stops). Changes pulled from it are applied with `applyRemoteChanges`.
   */
  setOutbox(outbox: NoteOutbox | null): void {
    this.outbox = outbox;
  }

  /**
   * Shows other people's notes (pulled from a group on the annotation server)
   * as layers of their own, one per person; an empty list removes them. They
   * are not the reader's: never stored as own notes, never queued back.
   */
  setSharedLayers(layers: readonly { id: string; label: string; annotations: readonly Annotation[] }[]): void {
    this.workspace.replaceLayers('shared', layers.map((l) => ({ ...l, origin: 'shared' as const })));
    this.reindexAnnotations();
    this.emit();
  }

  /**
   * Applies changes pulled from the annotation server to the own notes,
   * through the store (durable, and other tabs hear them), without queueing
   * them back. Resolves with a sentence per change that could not be stored.
   */
  async applyRemoteChanges(changes: readonly RemoteChange[]): Promise<string[]> {
    const problems: string[] = [];
    for (const change of changes) {
      try {
        if (!this.store) {
          if (change.kind === 'annotation') this.memoryOnly.set(change.id, change.annotation);
          else this.memoryOnly.delete(change.id);
        } else if (change.kind === 'annotation') {
          await this.store.put(change.annotation);
        } else {
          await this.store.delete(change.id);
        }
      } catch (error) {
        problems.push(`A note from the server was not stored: ${this.reasonOf(error)}`);
      }
    }
    if (changes.length) {
      this.syncOwnLayer();
      this.emit();
    }
    return problems;
  }

  /** A store error as a sentence for the reader. */
  private reasonOf(error: unknown): string {
    if (error instanceof StaleWriteError) return 'It was changed in another tab first; the other version is shown now.';
    return (error as Error).message;
  }

  /** Records the reader's decision on a machine proposal (claim link or flag). */
  async review(id: string, decision: 'accepted' | 'dismissed'): Promise<void> {
    const entry = this.workspace.get(id);
    if (!entry) throw new SaveFailedError(`No annotation ${id} to review.`);
    await this.save({ ...makeReview(entry.annotation, decision, this.agent, { created: new Date().toISOString() }), modified: new Date().toISOString() });
  }

  /** Moves an orphaned target to a passage chosen by hand, kept as the reader's own copy. */
  async reattachOrphan(annotationId: string, targetIndex: number, docId: string, from: number, to: number): Promise<void> {
    const entry = this.workspace.get(annotationId);
    if (!entry) throw new SaveFailedError(`No annotation ${annotationId} to re-attach.`);
    await this.save(reattach(entry.annotation, targetIndex, this.passage(docId, from, to), this.agent));
  }

  /** The reader's own notes in Hypothesis's API format (`{total, rows}`), as JSON text. */
  exportHypothesis(): string {
    const texts = this.documents.map((d) => ({ iri: d.entry.iri, title: d.entry.title }));
    // Notes only: reviews of machine proposals and hand-made claim links have no Hypothesis counterpart.
    const notes = this.ownAnnotations().filter((a) => ['commenting', 'highlighting', 'tagging'].includes(a.motivation) && targetsOf(a).length === 1);
    return JSON.stringify(toHypothesis(notes, texts), null, 2);
  }

  /** An AnnotationCollection of exactly the named layers: none named, none exported (an empty collection). */
  exportLayers(layerIds: readonly string[]): string {
    const layers: Layer[] = this.workspace
      .allLayers()
      .filter((l) => layerIds.includes(l.id))
      .map((l: WorkspaceLayer) => ({ id: l.id.includes(':') ? l.id : `urn:x-reader:layer:${l.id}`, file: l.id, label: l.label, annotations: l.annotations }));
    return JSON.stringify(exportCollection(layers, { label: `Annotations exported ${new Date().toISOString().slice(0, 10)}` }), null, 2);
  }

  /**
   * Imports a collection file, merged by id without duplicates. Annotations by
   * a person are saved as the reader's own, in batches (`AnnotationStore.putMany`),
   * with `onProgress` told after each; `signal` cancels between batches, and
   * what was saved stays saved. Machine annotations join the imported layer for
   * this visit. Everything is anchored and shown once, at the end. Resolves
   * with the report (`importReport`): one sentence a line, joined by "\n",
   * saying what really happened and why. Never rejects.
   */
  async importFile(name: string, text: string, options: ImportOptions = {}): Promise<string> {
    const existing = [...this.shippedLayers.flatMap((l) => l.annotations), ...this.ownAnnotations(), ...this.imported];
    const texts = this.documents.map((d) => ({ iri: d.entry.iri, title: d.entry.title, source: d.source }));
    const result = importCollection(text, existing, { fileName: name, texts });
    const byId = new Map(this.imported.map((a) => [a.id, a]));
    const people: Annotation[] = [];
    for (const a of [...result.added, ...result.updated]) {
      if (isByPerson(a)) people.push(a);
      else byId.set(a.id, a);
    }
    // Reading, anchoring and drawing 20,000 annotations each take a while: one task each, not one
    // task for all, so the page answers (and the progress shows) in between.
    await nextTask();
    const outcome = await this.keepImported(people, options);
    this.imported = [...byId.values()];
    this.syncOwnLayer();
    await nextTask();
    this.emit();
    const shownForVisit = result.added.length + result.updated.length - people.length;
    return importReport(name, result, { ...outcome, shownForVisit }).join('\n');
  }

  /** Saves an import's notes by a person: in batches into the store, or into memory without one. */
  private async keepImported(people: readonly Annotation[], options: ImportOptions): Promise<ImportOutcome> {
    if (!people.length) return {};
    if (!this.store) {
      for (const a of people) this.memoryOnly.set(a.id, a);
      options.onProgress?.(people.length, people.length);
      return {};
    }
    this.importing = true;
    options.onProgress?.(0, people.length);
    let written: PutManyResult;
    try {
      written = await this.store.putMany(people, { ...(options.signal ? { signal: options.signal } : {}), onProgress: (saved, total) => options.onProgress?.(saved, total) });
    } catch (error) {
      // The store closed under the import: nothing more can be saved.
      return { notSaved: people.map((a) => ({ id: a.id, reason: (error as Error).message })) };
    } finally {
      this.importing = false;
    }
    const outcome: ImportOutcome = { notSaved: written.notSaved };
    if (!written.stopped) return outcome;
    return {
      ...outcome,
      stopped: {
        why: written.stopped === 'cancelled' ? 'cancelled' : (({ reason, full }) => ({ failed: reason, full }))(storageReasonOf(written.stopped)),
        saved: written.saved.length,
        toSave: written.saved.length + written.notTried.length,
        notTried: written.notTried.map((a) => a.id),
      },
    };
  }

  /** Entries of one kind, in document order. */
  entriesOf(kind: Entry['kind']): Entry[] {
    return this.workspace.all().filter((e) => e.kind === kind);
  }

  close(): void {
    this.closed = true;
    this.store?.close();
    this.search.close();
    this.listeners.clear();
  }
}
