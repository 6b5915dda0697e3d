/**
 * Annotation storage in an embedded SQLite database (better-sqlite3), the
 * default engine (see store.ts for the model).
 *
 * Durability: WAL journal with `synchronous=FULL`, so a transaction is on disk
 * (the WAL fsynced) before it commits. Writes go through group commit: those
 * arriving together share one transaction and one fsync, and each is
 * acknowledged only after it.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Annotation } from '../src/annotations/model.ts';
import { indexedFieldsOf } from './indexed-fields.ts';
import { GroupCommit, type WriteResult } from './group-commit.ts';
import { ACCOUNT_SCHEMA, SqliteAccountRows } from './sqlite-accounts.ts';
import { toStored, type StoredRow as Row } from './stored-row.ts';
import {
  bodyJson,
  entityTag,
  matches,
  type AnnotationStore,
  type Audience,
  type ContainerState,
  type CreateMeta,
  type PageKey,
  type SearchFilters,
  type StoredAnnotation,
  type StoredPage,
  type WriteOutcome,
} from './store.ts';

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

const COLUMNS = 'container, slug, seq, change, json, via, etag, deleted, changed_at, owner_id, audience';

/** The file the database lives in, inside the data folder. */
export const DATABASE_FILE = 'annotations.sqlite';

export class SqliteAnnotationStore implements AnnotationStore {
  readonly engine = 'SQLite';
  readonly accountRows: SqliteAccountRows;
  private readonly db: Database.Database;
  private readonly commits: GroupCommit<void>;
  /** Prepared statements by SQL text: preparing costs more than running most of them. */
  private readonly statements = new Map<string, Database.Statement>();

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
    this.db.exec(ACCOUNT_SCHEMA);
    this.db.pragma(`user_version = ${SCHEMA_VERSION}`);
    this.accountRows = new SqliteAccountRows(this.db);
    this.commits = new GroupCommit<void>((writes) => this.runBatch(writes));
  }

  /** One transaction for the batch, a savepoint (a nested better-sqlite3 transaction) per write; all synchronous. */
  private runBatch(writes: readonly ((tx: void) => unknown)[]): WriteResult[] {
    const results: WriteResult[] = [];
    this.db
      .transaction(() => {
        for (const write of writes) {
          try {
            results.push({ ok: true, value: this.db.transaction(() => write())() });
          } catch (error) {
            results.push({ ok: false, error });
          }
        }
      })
      .immediate();
    return results;
  }

  private stmt(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) this.statements.set(sql, (statement = this.db.prepare(sql)));
    return statement;
  }

  async close(): Promise<void> {
    await this.commits.drained();
    this.db.close();
  }

  /** The journal mode and synchronous level in force (for tests and the start-up line). */
  durability(): { journalMode: string; synchronous: number } {
    return {
      journalMode: this.db.pragma('journal_mode', { simple: true }) as string,
      synchronous: this.db.pragma('synchronous', { simple: true }) as number,
    };
  }

  async get(container: string, slug: string): Promise<StoredAnnotation | null> {
    return this.getNow(container, slug);
  }

  private getNow(container: string, slug: string): StoredAnnotation | null {
    const row = this.stmt(`SELECT ${COLUMNS} FROM annotations WHERE container = ? AND slug = ?`).get(container, slug) as Row | undefined;
    return row ? toStored(row) : null;
  }

  async byVia(container: string, via: string): Promise<StoredAnnotation | null> {
    const row = this.stmt(`SELECT ${COLUMNS} FROM annotations WHERE container = ? AND via = ? AND live = 1`).get(container, via) as Row | undefined;
    return row ? toStored(row) : null;
  }

  async hasSlug(container: string, slug: string): Promise<boolean> {
    return this.hasSlugNow(container, slug);
  }

  private hasSlugNow(container: string, slug: string): boolean {
    return this.stmt('SELECT 1 FROM annotations WHERE container = ? AND slug = ?').get(container, slug) !== undefined;
  }

  async containerState(container: string): Promise<ContainerState> {
    const row = this.stmt('SELECT total, last_change, modified FROM containers WHERE name = ?').get(container) as
      | { total: number; last_change: number; modified: string | null }
      | undefined;
    return row ? { total: row.total, lastChange: row.last_change, modified: row.modified } : { total: 0, lastChange: 0, modified: null };
  }

  create(container: string, slug: string, annotation: Annotation, meta: CreateMeta): Promise<StoredAnnotation | null> {
    return this.commits.submit(() => this.createNow(container, slug, annotation, meta));
  }

  replace(container: string, slug: string, annotation: Annotation, audience: Audience, ifMatch: readonly string[] | null): Promise<WriteOutcome> {
    return this.commits.submit(() => this.replaceNow(container, slug, annotation, audience, ifMatch));
  }

  remove(container: string, slug: string, ifMatch: readonly string[] | null): Promise<WriteOutcome> {
    return this.commits.submit(() => this.removeNow(container, slug, ifMatch));
  }

  /**
   * Stores a new annotation under `slug`. Returns null when the slug is taken
   * (now or by a deleted annotation), else the stored row.
   */
  private createNow(container: string, slug: string, annotation: Annotation, meta: CreateMeta): StoredAnnotation | null {
    if (this.hasSlugNow(container, slug)) return null;
    const change = this.nextChange();
    const json = bodyJson(annotation);
    const fields = indexedFieldsOf(annotation);
    const now = new Date().toISOString();
    const { lastInsertRowid } = this.stmt(
        `INSERT INTO annotations (container, slug, change, json, via, etag, live, changed_at, quotes, creator_name, creator_id, modified, owner_id, audience)
         VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(container, slug, change, json, meta.via, entityTag(json, change), now, fields.quotes, fields.creatorName, fields.creatorId, fields.modified, meta.ownerId, meta.audience);
    const seq = Number(lastInsertRowid);
    this.writeIndexes(seq, annotation);
    this.touchContainer(container, change, now, +1);
    this.countAudience(container, meta.audience, meta.ownerId, +1);
    return this.getNow(container, slug);
  }

  /**
   * Replaces the live annotation `slug` when `ifMatch` (an entity tag, or null
   * for unconditional) still matches.
   */
  private replaceNow(container: string, slug: string, annotation: Annotation, audience: Audience, ifMatch: readonly string[] | null): WriteOutcome {
    const current = this.getNow(container, slug);
    if (!current) return { kind: 'missing' };
    if (current.deleted) return { kind: 'gone' };
    if (!matches(ifMatch, current.etag)) return { kind: 'stale', current };
    const change = this.nextChange();
    const json = bodyJson(annotation);
    const fields = indexedFieldsOf(annotation);
    const now = new Date().toISOString();
    this.stmt(
        `UPDATE annotations SET change = ?, json = ?, etag = ?, changed_at = ?, quotes = ?, creator_name = ?, creator_id = ?, modified = ?, audience = ?
         WHERE seq = ?`,
      )
      .run(change, json, entityTag(`${audience}\n${json}`, change), now, fields.quotes, fields.creatorName, fields.creatorId, fields.modified, audience, current.seq);
    this.clearIndexes(current.seq);
    this.writeIndexes(current.seq, annotation);
    this.touchContainer(container, change, now, 0);
    this.countAudience(container, current.audience, current.ownerId, -1);
    this.countAudience(container, audience, current.ownerId, +1);
    return { kind: 'done', stored: this.getNow(container, slug)! };
  }

  /** Deletes the live annotation `slug` (leaving a tombstone) when `ifMatch` still matches. */
  private removeNow(container: string, slug: string, ifMatch: readonly string[] | null): WriteOutcome {
    const current = this.getNow(container, slug);
    if (!current) return { kind: 'missing' };
    if (current.deleted) return { kind: 'gone' };
    if (!matches(ifMatch, current.etag)) return { kind: 'stale', current };
    const change = this.nextChange();
    const now = new Date().toISOString();
    this.stmt(`UPDATE annotations SET change = ?, json = NULL, etag = ?, live = 0, deleted = ?, changed_at = ?, quotes = '' WHERE seq = ?`)
      .run(change, entityTag('', change), now, now, current.seq);
    this.clearIndexes(current.seq);
    this.touchContainer(container, change, now, -1);
    this.countAudience(container, current.audience, current.ownerId, -1);
    return { kind: 'done', stored: this.getNow(container, slug)! };
  }

  async page(container: string, key: PageKey, limit: number, filters: SearchFilters = {}): Promise<StoredPage> {
    const { where, params } = filterClause(filters);
    const base = `FROM annotations a WHERE a.container = ? AND a.live = 1${where}`;
    const select = (cond: string, order: 'ASC' | 'DESC', ...extra: unknown[]): Row[] =>
      this.stmt(`SELECT ${COLUMNS} ${base}${cond} ORDER BY a.seq ${order} LIMIT ?`).all(container, ...params, ...extra, limit + 1) as Row[];
    const exists = (cond: string, value: number): boolean =>
      this.stmt(`SELECT 1 ${base}${cond} LIMIT 1`).get(container, ...params, value) !== undefined;
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

  async count(container: string, filters: SearchFilters): Promise<number> {
    const { visibility, ...rest } = filters;
    if (Object.keys(rest).length === 0) {
      const where = !visibility || 'all' in visibility ? '' : 'publicOnly' in visibility ? " AND audience = 'public'" : " AND (audience <> 'private' OR owner_id = ?)";
      const args = visibility && 'memberId' in visibility ? [visibility.memberId] : [];
      return (this.stmt(`SELECT COALESCE(SUM(n), 0) AS n FROM audience_counts WHERE container = ?${where}`).get(container, ...args) as { n: number }).n;
    }
    const { where, params } = filterClause(filters);
    return (this.stmt(`SELECT COUNT(*) AS n FROM annotations a WHERE a.container = ? AND a.live = 1${where}`).get(container, ...params) as { n: number }).n;
  }

  async changes(container: string, since: number, limit: number): Promise<{ rows: StoredAnnotation[]; more: boolean }> {
    const rows = this.stmt(`SELECT ${COLUMNS} FROM annotations WHERE container = ? AND change > ? ORDER BY change LIMIT ?`)
      .all(container, since, limit + 1) as Row[];
    return { rows: rows.slice(0, limit).map(toStored), more: rows.length > limit };
  }

  private nextChange(): number {
    return (this.stmt(`UPDATE counters SET value = value + 1 WHERE name = 'change' RETURNING value`).get() as { value: number }).value;
  }

  private touchContainer(container: string, change: number, now: string, delta: number): void {
    this.stmt(
        `INSERT INTO containers (name, total, last_change, modified) VALUES (?, ?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET total = total + excluded.total, last_change = excluded.last_change, modified = excluded.modified`,
      )
      .run(container, delta, change, now);
  }

  private countAudience(container: string, audience: Audience, ownerId: number | null, delta: number): void {
    this.stmt(
        `INSERT INTO audience_counts (container, audience, owner_id, n) VALUES (?, ?, ?, ?)
         ON CONFLICT (container, audience, owner_id) DO UPDATE SET n = n + excluded.n`,
      )
      .run(container, audience, ownerId ?? 0, delta);
  }

  private writeIndexes(seq: number, annotation: Annotation): void {
    const fields = indexedFieldsOf(annotation);
    const source = this.stmt('INSERT OR IGNORE INTO annotation_sources (seq, source) VALUES (?, ?)');
    for (const s of fields.sources) source.run(seq, s);
    const tag = this.stmt('INSERT OR IGNORE INTO annotation_tags (seq, tag) VALUES (?, ?)');
    for (const t of fields.tags) tag.run(seq, t);
  }

  private clearIndexes(seq: number): void {
    this.stmt('DELETE FROM annotation_sources WHERE seq = ?').run(seq);
    this.stmt('DELETE FROM annotation_tags WHERE seq = ?').run(seq);
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
