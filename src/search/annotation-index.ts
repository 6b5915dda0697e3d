/**
 * The index of annotation bodies, built so that no body can poison it.
 *
 * Bodies come from anyone (an imported file, another tab), so each is
 * hostile until indexed: a 15 MB one-word comment once made lunr's
 * `TokenSet.Builder.minimize` throw `RangeError: Too many properties to
 * enumerate`, and with one index for all bodies, no note body was found
 * again. Here:
 * - only the first MAX_INDEXED_BODY_LENGTH characters of a body are indexed
 *   (and kept for snippets), and terms are cut to MAX_TERM_LENGTH (pipeline.ts);
 * - bodies are indexed in shards of ANNOTATION_SHARD_SIZE, one lunr index
 *   each, so no single build sees a giant vocabulary, and a change rebuilds
 *   only the shards it touches; in a browser the shards are built a few at a
 *   time when the page is idle (20,000 bodies cost seconds, which must not
 *   freeze the page), and a search builds any still waiting first;
 * - a shard that fails to build is split until the failing body is alone;
 *   that body is left out (counted in `unindexed`), every other one is found.
 */
import type lunr from 'lunr';
import { buildLunrIndex, type LunrDoc } from './pipeline.ts';
import { tokenize } from './tokenize.ts';
import { idleCallback, type IdleDeadlineLike } from './idle.ts';

import { MAX_INDEXED_BODY_LENGTH } from './limits.ts';

export { MAX_INDEXED_BODY_LENGTH };
/** Bodies per lunr index. */
export const ANNOTATION_SHARD_SIZE = 250;

/** What kind of annotation body a text came from. */
export type AnnotationTextKind = 'comment' | 'flag' | 'link' | (string & {});

/** An annotation body to search: `from`/`to` is the annotated span of document `docId` (code units). */
export interface AnnotationText {
  readonly id: string;
  readonly docId: string;
  readonly from: number;
  readonly to: number;
  readonly text: string;
  readonly kind: AnnotationTextKind;
}

/** One shard: its bodies (by id, in insertion order), their index (null when empty) and how many it left out. */
interface Shard {
  readonly items: Map<string, AnnotationText>;
  /** Refs of the index (`String(position)`) point into this list. */
  list: AnnotationText[];
  index: lunr.Index | null;
  failed: number;
}

/** A body as indexed: every field checked, the text cut. Null when it is not a usable body. */
function normalise(item: AnnotationText): AnnotationText | null {
  try {
    const { id, docId, from, to, text, kind } = item;
    if (typeof id !== 'string' || typeof docId !== 'string' || typeof text !== 'string' || typeof kind !== 'string') return null;
    if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to < from) return null;
    // Never split a surrogate pair at the cut.
    let end = Math.min(text.length, MAX_INDEXED_BODY_LENGTH);
    if (end < text.length && /[\uD800-\uDBFF]/.test(text[end - 1] ?? '')) end--;
    const cut = end < text.length ? text.slice(0, end) : text;
    if (cut.trim() === '') return null;
    return { id, docId, from, to, text: cut, kind };
  } catch {
    // A body whose fields cannot even be read (a hostile getter) is no body.
    return null;
  }
}

const same = (a: AnnotationText, b: AnnotationText): boolean =>
  a.text === b.text && a.docId === b.docId && a.from === b.from && a.to === b.to && a.kind === b.kind;

/** A match of a query in one body. */
export interface BodyResult {
  readonly item: AnnotationText;
  readonly result: lunr.Index.Result;
}

/**
 * The annotation bodies of a search engine. Removals wait for the next
 * addition or search, so that the session's "remove all, add all again"
 * costs only what changed. Every search sees every body added before it.
 */
export class AnnotationIndex {
  private readonly shards: Shard[] = [];
  private readonly shardOf = new Map<string, Shard>();
  private readonly pendingRemovals = new Set<string>();
  /** How many shard indexes have been built so far (for tests and benchmarks). */
  shardsBuilt = 0;
  /** Shards whose bodies changed since their index was built. */
  private readonly dirty = new Set<Shard>();
  private idleScheduled = false;

  /** How many bodies could not be indexed (lunr failed on them alone); they are not found, the others are. */
  get unindexed(): number {
    this.applyRemovals();
    this.buildWaiting(Infinity);
    return this.shards.reduce((n, s) => n + s.failed, 0);
  }

  /** How many bodies are searchable. */
  get size(): number {
    this.applyRemovals();
    return this.shardOf.size;
  }

  /**
   * Adds bodies (a known id is replaced; an unchanged one costs nothing).
   * The shards that changed are indexed when the page is idle, or at the
   * next search. Unusable items are skipped. Never throws.
   */
  add(items: readonly AnnotationText[]): void {
    const incoming = new Map<string, AnnotationText>();
    for (const raw of items) {
      const item = raw ? normalise(raw) : null;
      if (item) incoming.set(item.id, item);
    }
    const dirty = new Set<Shard>();
    for (const id of this.pendingRemovals) {
      const next = incoming.get(id);
      const shard = this.shardOf.get(id);
      if (!shard) continue;
      // Removed then added unchanged: it stays where it is.
      if (next && same(shard.items.get(id)!, next)) {
        incoming.delete(id);
        continue;
      }
      shard.items.delete(id);
      this.shardOf.delete(id);
      dirty.add(shard);
    }
    this.pendingRemovals.clear();
    for (const item of incoming.values()) {
      const shard = this.shardOf.get(item.id);
      if (shard) {
        if (same(shard.items.get(item.id)!, item)) continue;
        shard.items.set(item.id, item);
        dirty.add(shard);
        continue;
      }
      const target = this.openShard();
      target.items.set(item.id, item);
      this.shardOf.set(item.id, target);
      dirty.add(target);
    }
    this.markDirty(dirty);
  }

  /** Removes these bodies (applied at the next `add` or `query`); unknown ids are ignored. */
  remove(ids: readonly string[]): void {
    for (const id of ids) if (typeof id === 'string' && this.shardOf.has(id)) this.pendingRemovals.add(id);
  }

  /** Runs `run` on every shard's index and returns each match with its body. Never throws. */
  query(run: (index: lunr.Index) => lunr.Index.Result[]): BodyResult[] {
    this.applyRemovals();
    this.buildWaiting(Infinity);
    const out: BodyResult[] = [];
    for (const shard of this.shards) {
      if (!shard.index) continue;
      let results: lunr.Index.Result[];
      try {
        results = run(shard.index);
      } catch {
        // A query lunr cannot run on one shard finds nothing there; the other shards still answer.
        continue;
      }
      for (const result of results) {
        const item = shard.list[Number(result.ref)];
        if (item) out.push({ item, result });
      }
    }
    return out;
  }

  private applyRemovals(): void {
    if (!this.pendingRemovals.size) return;
    const dirty = new Set<Shard>();
    for (const id of this.pendingRemovals) {
      const shard = this.shardOf.get(id);
      if (!shard) continue;
      shard.items.delete(id);
      this.shardOf.delete(id);
      dirty.add(shard);
    }
    this.pendingRemovals.clear();
    this.markDirty(dirty);
  }

  private markDirty(shards: Iterable<Shard>): void {
    for (const shard of shards) this.dirty.add(shard);
    const requestIdle = idleCallback();
    if (!this.dirty.size || this.idleScheduled || !requestIdle) return;
    this.idleScheduled = true;
    const slice = (deadline: IdleDeadlineLike): void => {
      this.idleScheduled = false;
      // At least one shard per slice, then as many as fit in the idle time.
      this.buildWaiting(1);
      while (this.dirty.size && deadline.timeRemaining() > 0) this.buildWaiting(1);
      if (this.dirty.size) this.markDirty([]);
    };
    requestIdle(slice, { timeout: 2000 });
  }

  /** Builds up to `count` waiting shards. */
  private buildWaiting(count: number): void {
    for (const shard of this.dirty) {
      if (count-- <= 0) return;
      this.dirty.delete(shard);
      this.build(shard);
    }
  }

  /** The last shard if it has room, else a new one. */
  private openShard(): Shard {
    const last = this.shards[this.shards.length - 1];
    if (last && last.items.size < ANNOTATION_SHARD_SIZE) return last;
    const shard: Shard = { items: new Map(), list: [], index: null, failed: 0 };
    this.shards.push(shard);
    return shard;
  }

  private build(shard: Shard): void {
    this.shardsBuilt++;
    shard.list = [...shard.items.values()];
    const { index, failed } = buildShardIndex(shard.list);
    shard.index = index;
    shard.failed = failed;
  }
}

/** Builds one lunr index over `docs` (pipeline.ts); a parameter so tests can make it fail. */
export type IndexBuilder = (docs: readonly LunrDoc[]) => lunr.Index;

/**
 * The index of `list`, refs being positions in it, and how many bodies it
 * left out. When the build throws, the bodies are tried by halves down to
 * single ones; a body that fails alone is left out, the rest are indexed
 * together. Null index when nothing could be indexed. Never throws.
 */
export function buildShardIndex(list: readonly AnnotationText[], build: IndexBuilder = buildLunrIndex): { index: lunr.Index | null; failed: number } {
  const docs: LunrDoc[] = list.map((item, i) => {
    const words = tokenize(item.text);
    return { ref: String(i), body: words, exact: words };
  });
  if (!docs.length) return { index: null, failed: 0 };
  try {
    return { index: build(docs), failed: 0 };
  } catch {
    // Rare: find the failing bodies by halves.
  }
  const good: LunrDoc[] = [];
  const bisect = (part: readonly LunrDoc[]): void => {
    try {
      build(part);
      for (const d of part) good.push(d);
    } catch {
      if (part.length <= 1) return;
      const mid = part.length >> 1;
      bisect(part.slice(0, mid));
      bisect(part.slice(mid));
    }
  };
  bisect(docs);
  try {
    return { index: good.length ? build(good) : null, failed: docs.length - good.length };
  } catch {
    return { index: null, failed: docs.length };
  }
}
