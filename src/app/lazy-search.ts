/**
 * The session's search engine, built only when it is needed: on the first
 * search, or when the page is idle after the reader is shown. On a long corpus
 * building the two indexes (the texts, the annotation bodies) costs seconds and
 * most of the heap, which must not hold back the first paint.
 *
 * An explicit handle, not a stand-in that forwards every property: a renderer
 * (lit probes each bound value for `_$litDirective$`) or a debugger reading any
 * other member must build nothing.
 */
import type { AnnotationText, SearchEngine, SearchOptions, SearchResults } from '../search/index.ts';
import { idleCallback } from '../search/idle.ts';

/** Runs `task` when the page has nothing else to do. */
export type IdleScheduler = (task: () => void) => void;

/**
 * After the next frame, then idle without a deadline: a timeout let the build
 * run before the first frames of a long text (at 1 MB, 1.1 s before the first
 * highlight). Without a browser's frames and idle periods (Node), soon.
 */
export const whenIdle: IdleScheduler = (task) => {
  const requestIdle = idleCallback();
  if (!requestIdle || typeof requestAnimationFrame !== 'function') {
    setTimeout(task, 0);
    return;
  }
  requestAnimationFrame(() => requestIdle(() => task()));
};

export class LazySearch {
  private engine: SearchEngine | null = null;
  /** Annotation bodies not yet in the engine's index, or null when it is current. */
  private pending: AnnotationText[] | null = null;
  private indexedIds: readonly string[] = [];
  private idleScheduled = false;
  /** How many times the text index was built here (0 until needed; a loaded one is not counted). */
  private buildCount = 0;

  /**
   * `build` makes the text index (called at most once, unless `use` replaces
   * it); `idle` schedules the build when the page is idle.
   */
  constructor(
    private readonly build: () => SearchEngine,
    private readonly idle: IdleScheduler = whenIdle,
  ) {}

  /** True once the text index exists (built or loaded) and every annotation body is in it. */
  get ready(): boolean {
    return this.engine !== null && this.pending === null;
  }

  /** How many times the text index was built by this handle (for tests: 0 means nothing was built). */
  get builds(): number {
    return this.buildCount;
  }

  /** Uses a prebuilt engine (a loaded index) instead of building one. */
  use(engine: SearchEngine): void {
    this.engine = engine;
    if (this.indexedIds.length) {
      // The bodies went into the replaced engine: they are indexed again in this one.
      this.pending ??= [];
      this.indexedIds = [];
    }
  }

  /** Searches every text and annotation body, building what is not built yet. */
  search(query: string, options?: SearchOptions): SearchResults {
    return this.prepareNow().search(query, options);
  }

  /** Sets the annotation bodies to search; they are indexed on the next search or when idle. */
  setAnnotations(texts: readonly AnnotationText[]): void {
    this.pending = [...texts];
    this.prepareWhenIdle();
  }

  /** Builds whatever is missing when the page is next idle (once, however often called). */
  prepareWhenIdle(): void {
    if (this.idleScheduled) return;
    this.idleScheduled = true;
    this.idle(() => {
      this.idleScheduled = false;
      this.prepareNow();
    });
  }

  /** Builds whatever is missing now (the text index, bodies set since), so that the next search is quick. */
  prepare(): void {
    this.prepareNow();
  }

  /** Builds whatever is missing now and returns the current engine. */
  private prepareNow(): SearchEngine {
    if (!this.engine) {
      this.engine = this.build();
      this.buildCount++;
    }
    const texts = this.pending;
    if (texts) {
      this.pending = null;
      if (this.indexedIds.length) this.engine.removeAnnotations(this.indexedIds);
      this.engine.addAnnotations(texts);
      this.indexedIds = texts.map((t) => t.id);
    }
    return this.engine;
  }
}
