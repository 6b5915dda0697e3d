/**
 * The annotation session behind the reader: the documents, every layer
 * (shipped, the reader's own, imported), the workspace that anchors them, the
 * store that keeps the reader's own annotations, and the search engine.
 * No rendering here; the app shell calls these methods and redraws.
 */
import type { LoadedDocument } from '../document/load.ts';
import type { Annotation } from '../annotations/model.ts';
import type { Layer } from '../annotations/layer.ts';
import { AnnotationStore } from '../annotations/store.ts';
import { StaleWriteError, StorageUnavailableError } from '../annotations/store-errors.ts';
import { exportCollection, importCollection } from '../annotations/exchange.ts';
import { makeReview } from '../analysis/claims/review.ts';
import { SearchEngine, type AnnotationText } from '../search/index.ts';
import { Workspace, type Entry, type WorkspaceLayer } from './workspace.ts';
import { loadShippedLayers } from './shipped-layers.ts';
import { editNote, makeNote, reattach, readerAgent, type Passage } from './own-annotations.ts';

export const OWN_LAYER_ID = 'own';
const IMPORTED_LAYER_ID = 'imported';

/** Why a save did not happen, for the reader. */
export class SaveFailedError extends Error {
  override name = 'SaveFailedError';
}

/** Engine members whose answer depends on the annotation bodies: reading one indexes any that wait. */
const NEEDS_ANNOTATION_INDEX: ReadonlySet<PropertyKey> = new Set(['search', 'addAnnotations', 'removeAnnotations']);

export class Session {
  readonly workspace: Workspace;
  /**
   * The search engine. The text index and the annotation bodies are indexed
   * when the page is idle or when a search first needs them, whichever comes
   * first: on a long corpus each costs seconds, which must not hold back the
   * first paint. Every search sees every text and body, as if indexed at once.
   */
  readonly search: SearchEngine;
  private builtEngine: SearchEngine | null = null;
  /** Annotation bodies not yet in the engine's index, or null when it is current. */
  private pendingTexts: AnnotationText[] | null = null;
  private flushScheduled = false;
  /** Problems met while loading layers or the store, named for the reader. */
  readonly problems: string[] = [];
  /** Null when the browser's storage is unavailable: own annotations then live in memory only. */
  private store: AnnotationStore | null = null;
  private memoryOnly = new Map<string, Annotation>();
  private imported: Annotation[] = [];
  private readonly listeners = new Set<() => void>();
  private shippedLayers: readonly Layer[] = [];
  readonly agent = readerAgent('Reader');

  private constructor(readonly documents: readonly LoadedDocument[]) {
    this.workspace = new Workspace(documents.map((d) => ({ id: d.entry.id, iri: d.entry.iri, label: d.entry.label, source: d.source })));
    // A stand-in whose every member is the real engine's, built on first use.
    this.search = new Proxy({} as SearchEngine, {
      get: (_target, property) => {
        if (NEEDS_ANNOTATION_INDEX.has(property)) this.flushAnnotationTexts();
        const engine = this.engine;
        const value: unknown = Reflect.get(engine, property, engine);
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(engine) : value;
      },
    });
  }

  /** The text index: the prebuilt one when it was loaded, else built on first need. */
  private get engine(): SearchEngine {
    this.builtEngine ??= SearchEngine.build(this.searchDocuments());
    return this.builtEngine;
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
      this.builtEngine = SearchEngine.load(await response.json(), this.searchDocuments());
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
    options: { annotationsBase: URL; layerFiles: readonly string[]; storeName?: string; searchIndex?: URL },
  ): Promise<Session> {
    const session = new Session(documents);
    const [shipped] = await Promise.all([
      loadShippedLayers(options.annotationsBase, options.layerFiles),
      session.openStore(options.storeName),
      options.searchIndex ? session.loadPrebuiltIndex(options.searchIndex) : Promise.resolve(),
    ]);
    session.shippedLayers = shipped.layers;
    for (const item of shipped.problems) session.problems.push(item);
    // One anchoring pass for every layer, not one per layer.
    session.syncOwnLayer(shipped.layers.map((layer) => ({ id: layer.id, label: layer.label, origin: 'shipped', annotations: layer.annotations })));
    return session;
  }

  private async openStore(name?: string): Promise<void> {
    try {
      this.store = await AnnotationStore.open(name ? { name } : {});
      this.store.subscribe(() => {
        this.syncOwnLayer();
        this.emit();
      });
    } catch (error) {
      this.store = null;
      this.problems.push(
        error instanceof StorageUnavailableError
          ? `${error.message} Your notes are kept in memory for this visit only; export them before you close the page.`
          : `The annotation database could not be opened (${(error as Error).message}). Your notes are kept in memory for this visit only.`,
      );
    }
  }

  /** True when own annotations are durably stored (IndexedDB works). */
  get durable(): boolean {
    return this.store !== null;
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
    return this.store ? [...this.store.list(), ...this.store.unsaved()] : [...this.memoryOnly.values()];
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
      const text = [e.comment, e.description, e.kind === 'note' ? e.tags.join(' ') : ''].filter(Boolean).join(' — ');
      const p = e.placed[0];
      if (!text || !p) continue;
      texts.push({ id: e.annotation.id, docId: p.docId, from: p.from, to: p.to, text, kind: e.kind === 'note' ? 'comment' : e.kind === 'flag' ? 'flag' : 'link' });
    }
    this.pendingTexts = texts;
    this.scheduleFlush();
  }

  /** Puts waiting annotation bodies into the engine's index; does nothing when none wait. */
  private flushAnnotationTexts(): void {
    const texts = this.pendingTexts;
    if (!texts) return;
    this.pendingTexts = null;
    this.engine.removeAnnotations(this.indexedAnnotationIds);
    this.engine.addAnnotations(texts);
    this.indexedAnnotationIds = texts.map((t) => t.id);
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    const run = () => {
      this.flushScheduled = false;
      this.flushAnnotationTexts();
      // Builds the text index too, when no search has needed it yet.
      void this.engine;
    };
    if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 1000 });
    else setTimeout(run, 0);
  }

  private indexedAnnotationIds: string[] = [];

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
   * Throws SaveFailedError with a message for the reader.
   */
  async save(annotation: Annotation): Promise<void> {
    if (!this.store) {
      this.memoryOnly.set(annotation.id, annotation);
      this.syncOwnLayer();
      this.emit();
      return;
    }
    try {
      await this.store.put(annotation);
    } catch (error) {
      if (error instanceof StaleWriteError) {
        throw new SaveFailedError('This note was changed in another tab first; the other version is shown now. Make your change again.');
      }
      if (error instanceof StorageUnavailableError) {
        this.syncOwnLayer();
        this.emit();
        throw new SaveFailedError(`${error.message} The note is kept for this visit; export it to keep a copy.`);
      }
      throw new SaveFailedError(`The note could not be saved: ${(error as Error).message}`);
    }
    this.syncOwnLayer();
    this.emit();
  }

  /** Creates and saves a note. Resolves with it once durable. */
  async createNote(docId: string, from: number, to: number, comment: string, tags: readonly string[]): Promise<Annotation> {
    const note = makeNote(this.passage(docId, from, to), comment, tags, this.agent);
    await this.save(note);
    return note;
  }

  async updateNote(id: string, comment: string, tags: readonly string[]): Promise<void> {
    const current = this.ownAnnotations().find((a) => a.id === id);
    if (!current) throw new SaveFailedError('This note no longer exists (it may have been deleted in another tab).');
    const next = editNote(current, comment, tags);
    if (next !== current) await this.save(next);
  }

  /** Deletes an own annotation; `undoDelete` brings it back. */
  async deleteNote(id: string): Promise<void> {
    if (!this.store) {
      this.deletedInMemory.set(id, this.memoryOnly.get(id)!);
      this.memoryOnly.delete(id);
    } else {
      await this.store.delete(id);
    }
    this.syncOwnLayer();
    this.emit();
  }

  private deletedInMemory = new Map<string, Annotation>();

  async undoDelete(id: string): Promise<void> {
    if (!this.store) {
      const a = this.deletedInMemory.get(id);
      if (a) this.memoryOnly.set(id, a);
    } else {
      await this.store.restore(id);
    }
    this.syncOwnLayer();
    this.emit();
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

  /** An AnnotationCollection of the chosen layers (all when none is named). */
  exportLayers(layerIds: readonly string[]): string {
    const layers: Layer[] = this.workspace
      .allLayers()
      .filter((l) => !layerIds.length || layerIds.includes(l.id))
      .map((l: WorkspaceLayer) => ({ id: l.id.includes(':') ? l.id : `urn:x-reader:layer:${l.id}`, file: l.id, label: l.label, annotations: l.annotations }));
    return JSON.stringify(exportCollection(layers, { label: `Annotations exported ${new Date().toISOString().slice(0, 10)}` }), null, 2);
  }

  /**
   * Imports a collection file, merged by id without duplicates. Annotations by
   * a person are saved as the reader's own (durable); machine annotations join
   * the imported layer for this visit. Resolves with a sentence reporting what
   * was added, updated and skipped, and why.
   */
  async importFile(name: string, text: string): Promise<string> {
    const existing = [...this.shippedLayers.flatMap((l) => l.annotations), ...this.ownAnnotations(), ...this.imported];
    const result = importCollection(text, existing, { fileName: name });
    const byId = new Map(this.imported.map((a) => [a.id, a]));
    const failures: string[] = [];
    for (const a of [...result.added, ...result.updated]) {
      if (a.creator?.type === 'Person') {
        try {
          await this.save(a);
        } catch (error) {
          failures.push(`${a.id}: ${(error as Error).message}`);
        }
      } else {
        byId.set(a.id, a);
      }
    }
    this.imported = [...byId.values()];
    this.syncOwnLayer();
    this.emit();
    const skipped = result.skipped.map((s) => `${s.index !== null ? `#${s.index + 1}` : 'file'}${s.id ? ` (${s.id})` : ''}: ${s.reason}`);
    const machine = this.imported.length ? ` Machine annotations are shown for this visit only.` : '';
    return (
      `${name}: ${result.added.length} added, ${result.updated.length} updated, ${result.skipped.length} skipped` +
      `${skipped.length ? ` — ${skipped.slice(0, 5).join('; ')}${skipped.length > 5 ? '; …' : ''}` : ''}.` +
      `${failures.length ? ` Not saved: ${failures.join('; ')}.` : ''}${machine}`
    );
  }

  /** Entries of one kind, in document order. */
  entriesOf(kind: Entry['kind']): Entry[] {
    return this.workspace.all().filter((e) => e.kind === kind);
  }

  close(): void {
    this.store?.close();
    this.listeners.clear();
  }
}
