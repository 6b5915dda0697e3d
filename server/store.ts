/**
 * The storage interface the HTTP layer talks to, with two engines behind it:
 * embedded SQLite (sqlite-store.ts, the default) and PostgreSQL (pg-store.ts,
 * when DATABASE_URL is set). Both run the same test suite.
 *
 * One row per annotation ever created in a container. A delete keeps the row as
 * a tombstone (no JSON, `deleted` set) so the change feed can report it. `seq`
 * orders a container and is the key of keyset paging; `change` is the row's
 * place in the change feed and moves forward on every write.
 *
 * Annotations are stored without their `id`: the id is the container's IRI plus
 * the slug, made by the HTTP layer, so the data survives a change of host name.
 *
 * Every write resolves only after its transaction is durably committed (see
 * group-commit.ts), so an acknowledged write survives `kill -9`.
 */
import { createHash } from 'node:crypto';
import type { Annotation } from '../src/annotations/model.ts';
import type { AccountRows } from './accounts.ts';

/** One stored annotation (live or tombstone). */
export interface StoredAnnotation {
  readonly container: string;
  readonly slug: string;
  /** Container order; the keyset-paging key. */
  readonly seq: number;
  /** Place in the change feed of this row's last write. */
  readonly change: number;
  /** The annotation without `id`, as JSON text; null for a tombstone. */
  readonly json: string | null;
  /** The client's own IRI for it (sent as `via`), or null. */
  readonly via: string | null;
  /** Strong entity tag, quoted. */
  readonly etag: string;
  /** When it was deleted (ISO instant), or null. */
  readonly deleted: string | null;
  /** When this row last changed (ISO instant). */
  readonly changedAt: string;
  /** The account that created it (null for annotations written without one). */
  readonly ownerId: number | null;
  /** Who may read it besides its owner. */
  readonly audience: Audience;
}

/** Who may read an annotation: its owner only, its group's members, or anyone. */
export type Audience = 'private' | 'group' | 'public';

/**
 * Which rows of a container a reader may list: all of them (the container's
 * own person), a group member's view (all but others' private ones), or the
 * public ones only.
 */
export type Visibility = { readonly all: true } | { readonly memberId: number } | { readonly publicOnly: true };

/** A page of a container or search, in container order. */
export interface StoredPage {
  readonly rows: readonly StoredAnnotation[];
  /**
   * Live annotations before the first row (the page's `startIndex`) when known
   * without counting: 0 for a page with nothing before it, else null. Counting
   * the rows before a key costs as much as an OFFSET would, at every depth.
   */
  readonly startIndex: number | null;
  readonly hasPrev: boolean;
  readonly hasNext: boolean;
}

/** Where a page starts: after a key (0 = the first page), before a key, or the last page. */
export type PageKey = { readonly after: number } | { readonly before: number } | { readonly last: true };

/** Search filters; all given ones must hold. */
export interface SearchFilters {
  readonly source?: string;
  readonly tag?: string;
  /** Folded text that must occur in a quote. */
  readonly quote?: string;
  /** Folded creator name, or the creator's IRI. */
  readonly creator?: string;
  /** Inclusive bounds on `modified` (else `created`), as UTC ISO instants. */
  readonly modifiedFrom?: string;
  readonly modifiedTo?: string;
  /** Rows the reader may see (default: all). */
  readonly visibility?: Visibility;
}

/** A container's summary: how many live annotations, its last change and when. */
export interface ContainerState {
  readonly total: number;
  readonly lastChange: number;
  readonly modified: string | null;
}

/** What a conditional write found. */
export type WriteOutcome =
  | { readonly kind: 'done'; readonly stored: StoredAnnotation }
  | { readonly kind: 'missing' }
  | { readonly kind: 'gone' }
  | { readonly kind: 'stale'; readonly current: StoredAnnotation };

/** Who wrote a new annotation, for whom, and the client's own IRI for it. */
export interface CreateMeta {
  readonly via: string | null;
  readonly ownerId: number | null;
  readonly audience: Audience;
}

/** Annotation storage; every method rejects with StoreUnavailableError when the database cannot be reached. */
export interface AnnotationStore {
  /** Which engine, for the start-up line and test names: "SQLite" or "PostgreSQL". */
  readonly engine: string;
  /** The rows of people, tokens and groups, kept in the same database. */
  readonly accountRows: AccountRows;
  /** The row of `slug` in `container` (a tombstone too), or null. */
  get(container: string, slug: string): Promise<StoredAnnotation | null>;
  /** The live annotation of `container` that the client knew as `via`, or null. */
  byVia(container: string, via: string): Promise<StoredAnnotation | null>;
  /** True when `slug` was ever used in `container` (live or deleted). */
  hasSlug(container: string, slug: string): Promise<boolean>;
  /** The container's total, last change and modification time (zeros for one never written). */
  containerState(container: string): Promise<ContainerState>;
  /** Stores a new annotation under `slug`; null when the slug is taken (now or by a deleted annotation). */
  create(container: string, slug: string, annotation: Annotation, meta: CreateMeta): Promise<StoredAnnotation | null>;
  /** Replaces the live annotation `slug` when `ifMatch` (entity tags, or null for unconditional) still matches. */
  replace(container: string, slug: string, annotation: Annotation, audience: Audience, ifMatch: readonly string[] | null): Promise<WriteOutcome>;
  /** Deletes the live annotation `slug` (leaving a tombstone) when `ifMatch` still matches. */
  remove(container: string, slug: string, ifMatch: readonly string[] | null): Promise<WriteOutcome>;
  /**
   * A page of at most `limit` live annotations of `container` in container
   * order, found by key (never by offset, so deep pages cost what the first
   * does), narrowed by `filters` when given.
   */
  page(container: string, key: PageKey, limit: number, filters?: SearchFilters): Promise<StoredPage>;
  /** How many live annotations of `container` pass `filters` (visibility alone is answered from running counts). */
  count(container: string, filters: SearchFilters): Promise<number>;
  /** Rows of `container` changed after feed position `since`, oldest change first, at most `limit`; `more` when others follow. */
  changes(container: string, since: number, limit: number): Promise<{ rows: StoredAnnotation[]; more: boolean }>;
  /** Waits for pending writes, then closes the database. */
  close(): Promise<void>;
}

/** The database cannot be reached (PostgreSQL down, connection lost): the HTTP layer answers 503. */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
}

/** The annotation's JSON without its `id` (the server's IRI is put back on the way out). */
export function bodyJson(annotation: Annotation): string {
  const { id: _id, ...rest } = annotation;
  return JSON.stringify(rest);
}

/** A strong entity tag for a row's content at feed position `change`. */
export function entityTag(json: string, change: number): string {
  return `"${createHash('sha256').update(`${change}\n${json}`).digest('base64url').slice(0, 22)}"`;
}

/** True when a conditional write may go ahead against the current tag. */
export function matches(ifMatch: readonly string[] | null, etag: string): boolean {
  return !ifMatch || ifMatch.includes('*') || ifMatch.includes(etag);
}
