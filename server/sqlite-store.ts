/**
 * Annotation storage in an embedded SQLite database (better-sqlite3).
 *
 * Durability: WAL journal with `synchronous=FULL`, so a transaction is on disk
 * (the WAL fsynced) before its call returns; the HTTP layer answers only after
 * that, so an acknowledged write survives `kill -9` and power loss.
 *
 * One row per annotation ever created in a container. A delete keeps the row as
 * a tombstone (no JSON, `deleted` set) so the change feed can report it. `seq`
 * orders a container and is the key of keyset paging; `change` is the row's
 * place in the change feed and moves forward on every write.
 *
 * Annotations are stored without their `id`: the id is the container's IRI plus
 * the slug, made by the HTTP layer, so the data survives a change of host name.
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Annotation } from '../src/annotations/model.ts';
import { indexedFieldsOf } from './indexed-fields.ts';

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

const SCHEMA_VERSION = 1;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
INSERT OR IGNORE INTO counters (name, value) VALUES ('change', 0);
CREATE TABLE IF NOT EXISTS containers (
  name TEXT PRIMARY KEY,
  total INTEGER NOT NULL DEFAULT 0,
  last_change INTEGER NOT NULL DEFAULT 0,
  modified TEXT
);
CREATE TABLE IF NOT EXISTS annotations (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  container TEXT NOT NULL,
  slug TEXT NOT NULL,
  change INTEGER NOT NULL UNIQUE,
  json TEXT,
  via TEXT,
  etag TEXT NOT NULL,
  live INTEGER NOT NULL,
  deleted TEXT,
  changed_at TEXT NOT NULL,
  quotes TEXT NOT NULL DEFAULT '',
  creator_name TEXT,
  creator_id TEXT,
  modified TEXT NOT NULL,
  owner_id INTEGER,
  audience TEXT NOT NULL DEFAULT 'private' CHECK (audience IN ('private', 'group', 'public')),
  UNIQUE (container, slug)
);
CREATE INDEX IF NOT EXISTS annotations_page ON annotations (container, live, seq);
CREATE INDEX IF NOT EXISTS annotations_changes ON annotations (container, change);
CREATE INDEX IF NOT EXISTS annotations_modified ON annotations (container, live, modified);
CREATE INDEX IF NOT EXISTS annotations_via ON annotations (container, via);
CREATE TABLE IF NOT EXISTS audience_counts (
  container TEXT NOT NULL,
  audience TEXT NOT NULL,
  owner_id INTEGER NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (container, audience, owner_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS annotation_sources (seq INTEGER NOT NULL, source TEXT NOT NULL, PRIMARY KEY (source, seq)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS annotation_sources_seq ON annotation_sources (seq);
CREATE TABLE IF NOT EXISTS annotation_tags (seq INTEGER NOT NULL, tag TEXT NOT NULL, PRIMARY KEY (tag, seq)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS annotation_tags_seq ON annotation_tags (seq);
`;

interface Row {
  container: string;
  slug: string;
  seq: number;
  change: number;
  json: string | null;
  via: string | null;
  etag: string;
  deleted: string | null;
  changed_at: string;
  owner_id: number | null;
  audience: Audience;
}

const COLUMNS = 'container, slug, seq, change, json, via, etag, deleted, changed_at, owner_id, audience';

function toStored(row: Row): StoredAnnotation {
  return {
    container: row.container,
    slug: row.slug,
    seq: row.seq,
    change: row.change,
    json: row.json,
    via: row.via,
    etag: row.etag,
    deleted: row.deleted,
    changedAt: row.changed_at,
    ownerId: row.owner_id,
    audience: row.audience,
  };
}

/** The annotation's JSON without its `id` (the server's IRI is put back on the way out). */
function bodyJson(annotation: Annotation): string {
  const { id: _id, ...rest } = annotation;
  return JSON.stringify(rest);
}

function entityTag(json: string, change: number): string {
  return `"${createHash('sha256').update(`${change}\n${json}`).digest('base64url').slice(0, 22)}"`;
}

/** The file the database lives in, inside the data folder. */
export const DATABASE_FILE = 'annotations.sqlite';

export class SqliteAnnotationStore {
  private readonly db: Database.Database;

  /**
   * Opens (creating if needed) the database in folder `dataDir`, or in memory
   * for `':memory:'`. Throws if the folder cannot be made or the file is not a
   * database.
   */
  constructor(dataDir: string) {
    let file = dataDir;
    if (dataDir !== ':memory:') {
      mkdirSync(dataDir, { recursive: true });
      file = join(dataDir, DATABASE_FILE);
    }
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    // FULL: the WAL is fsynced at every commit (NORMAL would only sync at checkpoints).
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    const version = this.db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) throw new Error(`The database was written by a newer server (schema ${version}).`);
    this.db.exec(SCHEMA);
    this.db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }

  close(): void {
    this.db.close();
  }

  /** The journal mode and synchronous level in force (for tests and the start-up line). */
  durability(): { journalMode: string; synchronous: number } {
    return {
      journalMode: this.db.pragma('journal_mode', { simple: true }) as string,
      synchronous: this.db.pragma('synchronous', { simple: true }) as number,
    };
  }

  /** The row of `slug` in `container` (a tombstone too), or null. */
  get(container: string, slug: string): StoredAnnotation | null {
    const row = this.db.prepare(`SELECT ${COLUMNS} FROM annotations WHERE container = ? AND slug = ?`).get(container, slug) as Row | undefined;
    return row ? toStored(row) : null;
  }

  /** The live annotation of `container` that the client knew as `via`, or null. */
  byVia(container: string, via: string): StoredAnnotation | null {
    const row = this.db.prepare(`SELECT ${COLUMNS} FROM annotations WHERE container = ? AND via = ? AND live = 1`).get(container, via) as Row | undefined;
    return row ? toStored(row) : null;
  }

  /** The database handle, for the account tables kept beside the annotations. */
  get database(): Database.Database {
    return this.db;
  }

  /** True when `slug` was ever used in `container` (live or deleted). */
  hasSlug(container: string, slug: string): boolean {
    return this.db.prepare('SELECT 1 FROM annotations WHERE container = ? AND slug = ?').get(container, slug) !== undefined;
  }

  /** The container's total, last change and modification time (zeros for one never written). */
  containerState(container: string): ContainerState {
    const row = this.db.prepare('SELECT total, last_change, modified FROM containers WHERE name = ?').get(container) as
      | { total: number; last_change: number; modified: string | null }
      | undefined;
    return row ? { total: row.total, lastChange: row.last_change, modified: row.modified } : { total: 0, lastChange: 0, modified: null };
  }

  /**
   * Stores a new annotation under `slug`. Returns null when the slug is taken
   * (now or by a deleted annotation), else the stored row.
   */
  create(
    container: string,
    slug: string,
    annotation: Annotation,
    meta: { via: string | null; ownerId: number | null; audience: Audience },
  ): StoredAnnotation | null {
    return this.db.transaction((): StoredAnnotation | null => {
      if (this.hasSlug(container, slug)) return null;
      const change = this.nextChange();
      const json = bodyJson(annotation);
      const fields = indexedFieldsOf(annotation);
      const now = new Date().toISOString();
      const { lastInsertRowid } = this.db
        .prepare(
          `INSERT INTO annotations (container, slug, change, json, via, etag, live, changed_at, quotes, creator_name, creator_id, modified, owner_id, audience)
           VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(container, slug, change, json, meta.via, entityTag(json, change), now, fields.quotes, fields.creatorName, fields.creatorId, fields.modified, meta.ownerId, meta.audience);
      const seq = Number(lastInsertRowid);
      this.writeIndexes(seq, annotation);
      this.touchContainer(container, change, now, +1);
      this.countAudience(container, meta.audience, meta.ownerId, +1);
      return this.get(container, slug);
    }).immediate();
  }

  /**
   * Replaces the live annotation `slug` when `ifMatch` (an entity tag, or null
   * for unconditional) still matches.
   */
  replace(container: string, slug: string, annotation: Annotation, audience: Audience, ifMatch: readonly string[] | null): WriteOutcome {
    return this.db.transaction((): WriteOutcome => {
      const current = this.get(container, slug);
      if (!current) return { kind: 'missing' };
      if (current.deleted) return { kind: 'gone' };
      if (ifMatch && !ifMatch.includes('*') && !ifMatch.includes(current.etag)) return { kind: 'stale', current };
      const change = this.nextChange();
      const json = bodyJson(annotation);
      const fields = indexedFieldsOf(annotation);
      const now = new Date().toISOString();
      this.db
        .prepare(
          `UPDATE annotations SET change = ?, json = ?, etag = ?, changed_at = ?, quotes = ?, creator_name = ?, creator_id = ?, modified = ?, audience = ?
           WHERE seq = ?`,
        )
        .run(change, json, entityTag(`${audience}\n${json}`, change), now, fields.quotes, fields.creatorName, fields.creatorId, fields.modified, audience, current.seq);
      this.clearIndexes(current.seq);
      this.writeIndexes(current.seq, annotation);
      this.touchContainer(container, change, now, 0);
      this.countAudience(container, current.audience, current.ownerId, -1);
      this.countAudience(container, audience, current.ownerId, +1);
      return { kind: 'done', stored: this.get(container, slug)! };
    }).immediate();
  }

  /** Deletes the live annotation `slug` (leaving a tombstone) when `ifMatch` still matches. */
  remove(container: string, slug: string, ifMatch: readonly string[] | null): WriteOutcome {
    return this.db.transaction((): WriteOutcome => {
      const current = this.get(container, slug);
      if (!current) return { kind: 'missing' };
      if (current.deleted) return { kind: 'gone' };
      if (ifMatch && !ifMatch.includes('*') && !ifMatch.includes(current.etag)) return { kind: 'stale', current };
      const change = this.nextChange();
      const now = new Date().toISOString();
      this.db
        .prepare(`UPDATE annotations SET change = ?, json = NULL, etag = ?, live = 0, deleted = ?, changed_at = ?, quotes = '' WHERE seq = ?`)
        .run(change, entityTag('', change), now, now, current.seq);
      this.clearIndexes(current.seq);
      this.touchContainer(container, change, now, -1);
      this.countAudience(container, current.audience, current.ownerId, -1);
      return { kind: 'done', stored: this.get(container, slug)! };
    }).immediate();
  }

  /**
   * A page of at most `limit` live annotations of `container` in container
   * order, found by key (never by offset, so deep pages cost what the first does),
   * narrowed by `filters` when given.
   */
  page(container: string, key: PageKey, limit: number, filters: SearchFilters = {}): StoredPage {
    const { where, params } = filterClause(filters);
    const base = `FROM annotations a WHERE a.container = ? AND a.live = 1${where}`;
    const select = (cond: string, order: 'ASC' | 'DESC', ...extra: unknown[]): Row[] =>
      this.db.prepare(`SELECT ${COLUMNS} ${base}${cond} ORDER BY a.seq ${order} LIMIT ?`).all(container, ...params, ...extra, limit + 1) as Row[];
    const exists = (cond: string, value: number): boolean =>
      this.db.prepare(`SELECT 1 ${base}${cond} LIMIT 1`).get(container, ...params, value) !== undefined;
    let rows: Row[];
    let hasPrev: boolean;
    let hasNext: boolean;
    if ('after' in key) {
      rows = select(' AND a.seq > ?', 'ASC', key.after);
      hasNext = rows.length > limit;
      rows = rows.slice(0, limit);
      hasPrev = rows.length ? exists(' AND a.seq < ?', rows[0]!.seq) : exists(' AND a.seq <= ?', key.after);
    } else {
      rows = 'before' in key ? select(' AND a.seq < ?', 'DESC', key.before) : select('', 'DESC');
      hasPrev = rows.length > limit;
      rows = rows.slice(0, limit).reverse();
      hasNext = rows.length ? exists(' AND a.seq > ?', rows[rows.length - 1]!.seq) : 'before' in key && exists(' AND a.seq >= ?', key.before);
    }
    return { rows: rows.map(toStored), startIndex: hasPrev ? null : 0, hasPrev, hasNext };
  }

  /**
   * How many live annotations of `container` pass `filters`. Visibility alone
   * is answered from running counts (constant time); other filters count
   * their matches.
   */
  count(container: string, filters: SearchFilters): number {
    const { visibility, ...rest } = filters;
    if (Object.keys(rest).length === 0) {
      const where = !visibility || 'all' in visibility ? '' : 'publicOnly' in visibility ? " AND audience = 'public'" : " AND (audience <> 'private' OR owner_id = ?)";
      const args = visibility && 'memberId' in visibility ? [visibility.memberId] : [];
      return (this.db.prepare(`SELECT COALESCE(SUM(n), 0) AS n FROM audience_counts WHERE container = ?${where}`).get(container, ...args) as { n: number }).n;
    }
    const { where, params } = filterClause(filters);
    return (this.db.prepare(`SELECT COUNT(*) AS n FROM annotations a WHERE a.container = ? AND a.live = 1${where}`).get(container, ...params) as { n: number }).n;
  }

  /** Rows of `container` changed after feed position `since`, oldest change first, at most `limit`; `more` when others follow. */
  changes(container: string, since: number, limit: number): { rows: StoredAnnotation[]; more: boolean } {
    const rows = this.db
      .prepare(`SELECT ${COLUMNS} FROM annotations WHERE container = ? AND change > ? ORDER BY change LIMIT ?`)
      .all(container, since, limit + 1) as Row[];
    return { rows: rows.slice(0, limit).map(toStored), more: rows.length > limit };
  }

  private nextChange(): number {
    return (this.db.prepare(`UPDATE counters SET value = value + 1 WHERE name = 'change' RETURNING value`).get() as { value: number }).value;
  }

  private touchContainer(container: string, change: number, now: string, delta: number): void {
    this.db
      .prepare(
        `INSERT INTO containers (name, total, last_change, modified) VALUES (?, ?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET total = total + excluded.total, last_change = excluded.last_change, modified = excluded.modified`,
      )
      .run(container, delta, change, now);
  }

  private countAudience(container: string, audience: Audience, ownerId: number | null, delta: number): void {
    this.db
      .prepare(
        `INSERT INTO audience_counts (container, audience, owner_id, n) VALUES (?, ?, ?, ?)
         ON CONFLICT (container, audience, owner_id) DO UPDATE SET n = n + excluded.n`,
      )
      .run(container, audience, ownerId ?? 0, delta);
  }

  private writeIndexes(seq: number, annotation: Annotation): void {
    const fields = indexedFieldsOf(annotation);
    const source = this.db.prepare('INSERT OR IGNORE INTO annotation_sources (seq, source) VALUES (?, ?)');
    for (const s of fields.sources) source.run(seq, s);
    const tag = this.db.prepare('INSERT OR IGNORE INTO annotation_tags (seq, tag) VALUES (?, ?)');
    for (const t of fields.tags) tag.run(seq, t);
  }

  private clearIndexes(seq: number): void {
    this.db.prepare('DELETE FROM annotation_sources WHERE seq = ?').run(seq);
    this.db.prepare('DELETE FROM annotation_tags WHERE seq = ?').run(seq);
  }
}

/** The SQL conditions (each starting with AND) and their parameters for `filters`. */
function filterClause(filters: SearchFilters): { where: string; params: unknown[] } {
  let where = '';
  const params: unknown[] = [];
  if (filters.source !== undefined) {
    where += ' AND EXISTS (SELECT 1 FROM annotation_sources s WHERE s.source = ? AND s.seq = a.seq)';
    params.push(filters.source);
  }
  if (filters.tag !== undefined) {
    where += ' AND EXISTS (SELECT 1 FROM annotation_tags t WHERE t.tag = ? AND t.seq = a.seq)';
    params.push(filters.tag);
  }
  if (filters.quote !== undefined) {
    // instr, not LIKE: the user's text needs no escaping of % and _.
    where += ' AND instr(a.quotes, ?) > 0';
    params.push(filters.quote);
  }
  if (filters.creator !== undefined) {
    where += ' AND (a.creator_name = ? OR a.creator_id = ?)';
    params.push(filters.creator, filters.creator);
  }
  if (filters.modifiedFrom !== undefined) {
    where += ' AND a.modified >= ?';
    params.push(filters.modifiedFrom);
  }
  if (filters.modifiedTo !== undefined) {
    where += ' AND a.modified <= ?';
    params.push(filters.modifiedTo);
  }
  const visibility = filters.visibility;
  if (visibility && 'memberId' in visibility) {
    where += " AND (a.audience <> 'private' OR a.owner_id = ?)";
    params.push(visibility.memberId);
  } else if (visibility && 'publicOnly' in visibility) {
    where += " AND a.audience = 'public'";
  }
  return { where, params };
}
