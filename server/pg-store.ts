/**
 * Annotation storage in PostgreSQL (the `pg` package), used when DATABASE_URL
 * is set. Annotations are jsonb beside indexed columns (sources and tags as
 * arrays with GIN indexes, quotes with a trigram index); the schema is made and
 * kept by versioned migrations (pg-migrations.ts) applied by `open`.
 *
 * No state lives in the process, so several servers may share one database:
 * each write batch takes its change numbers from the `counters` row, whose lock
 * it holds until it commits, so the change feed grows in commit order across
 * processes. Commits are durable (PostgreSQL's default `synchronous_commit=on`:
 * the WAL is flushed before COMMIT returns), and writes arriving together share
 * one (group-commit.ts).
 *
 * A database that cannot be reached makes every method reject with
 * StoreUnavailableError (the HTTP layer answers 503); the pool reconnects by
 * itself when the database is back.
 */
import pg from 'pg';
import type { Annotation } from '../src/annotations/model.ts';
import { GroupCommit, type WriteResult } from './group-commit.ts';
import { indexedFieldsOf } from './indexed-fields.ts';
import { migrate } from './pg-migrations.ts';
import { PgAccountRows } from './pg-accounts.ts';
import {
  bodyJson,
  entityTag,
  matches,
  StoreUnavailableError,
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

/** A batch's transaction: its connection, and the next of the change numbers it reserved. */
interface Tx {
  readonly client: pg.PoolClient;
  nextChange(): number;
}

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

const COLUMNS = 'container, slug, seq, change, doc::text AS json, via, etag, deleted, changed_at, owner_id, audience';

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

/** Error codes of a database that is not there (network) or going away (SQLSTATE classes 08 and 57P). */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EHOSTUNREACH', 'EPIPE', 'EAI_AGAIN', '57P01', '57P02', '57P03']);

/** `error` as StoreUnavailableError when it says the database cannot be reached; else unchanged. */
export function translate(error: unknown): unknown {
  if (error instanceof StoreUnavailableError) return error;
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  const text = message ?? String(error);
  if ((code && (UNREACHABLE.has(code) || code.startsWith('08'))) || /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(text)) {
    return new StoreUnavailableError(`PostgreSQL cannot be reached (${code ?? text.slice(0, 120)})`);
  }
  return error;
}

/** bigint columns as numbers: every id and counter here stays far below 2^53. */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary'): unknown =>
    oid === 20 ? (value: string) => Number(value) : (pg.types.getTypeParser(oid, format) as unknown)) as typeof pg.types.getTypeParser,
};

export interface PgOptions {
  /** A libpq connection URL: postgres://user:password@host:port/database. */
  readonly connectionString: string;
  /** The schema to use (created by the caller); default: the role's search_path. */
  readonly schema?: string;
  /** Connections in the pool (default 10). */
  readonly poolSize?: number;
}

export class PgAnnotationStore implements AnnotationStore {
  readonly engine = 'PostgreSQL';
  readonly accountRows: PgAccountRows;
  private readonly commits: GroupCommit<Tx>;

  private constructor(private readonly pool: pg.Pool) {
    this.accountRows = new PgAccountRows((text, params) => this.query(text, params));
    this.commits = new GroupCommit<Tx>((writes) => this.runBatch(writes));
  }

  /**
   * Connects and applies missing migrations. Rejects with StoreUnavailableError
   * when the database cannot be reached, or with the migration's error.
   */
  static async open(options: PgOptions): Promise<PgAnnotationStore> {
    if (options.schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(options.schema)) throw new RangeError(`Not a usable schema name: ${options.schema}`);
    const pool = new pg.Pool({
      connectionString: options.connectionString,
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: 5000,
      types,
      ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    });
    // An idle connection dropped by the server must not crash the process; the next query reconnects.
    pool.on('error', (error) => console.error(`annotation server: PostgreSQL connection lost: ${error.message}`));
    try {
      const client = await pool.connect();
      try {
        await migrate(client);
      } finally {
        client.release();
      }
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw translate(error);
    }
    return new PgAnnotationStore(pool);
  }

  async close(): Promise<void> {
    await this.commits.drained();
    await this.pool.end();
  }

  private async query<R extends pg.QueryResultRow>(text: string, params: unknown[] = [], client?: pg.PoolClient): Promise<R[]> {
    try {
      return (await (client ?? this.pool).query<R>(text, params)).rows;
    } catch (error) {
      throw translate(error);
    }
  }

  /**
   * One transaction per batch on one connection: reserve a change number per
   * write (locking the counter until COMMIT), then each write in a savepoint.
   */
  private async runBatch(writes: readonly ((tx: Tx) => unknown)[]): Promise<WriteResult[]> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      throw translate(error);
    }
    let broken = false;
    try {
      await client.query('BEGIN');
      const [{ value: last }] = (await client.query<{ value: number }>(`UPDATE counters SET value = value + $1 WHERE name = 'change' RETURNING value`, [writes.length])).rows as [{ value: number }];
      let next = last - writes.length + 1;
      const tx: Tx = { client, nextChange: () => next++ };
      const results: WriteResult[] = [];
      for (const write of writes) {
        await client.query('SAVEPOINT write');
        try {
          const value = await write(tx);
          await client.query('RELEASE SAVEPOINT write');
          results.push({ ok: true, value });
        } catch (error) {
          await client.query('ROLLBACK TO SAVEPOINT write');
          results.push({ ok: false, error: translate(error) });
        }
      }
      await client.query('COMMIT');
      return results;
    } catch (error) {
      broken = true;
      await client.query('ROLLBACK').catch(() => undefined);
      throw translate(error);
    } finally {
      // A connection that failed mid-transaction is discarded rather than reused.
      client.release(broken ? true : undefined);
    }
  }

  async get(container: string, slug: string): Promise<StoredAnnotation | null> {
    const [row] = await this.query<Row>(`SELECT ${COLUMNS} FROM annotations WHERE container = $1 AND slug = $2`, [container, slug]);
    return row ? toStored(row) : null;
  }

  async byVia(container: string, via: string): Promise<StoredAnnotation | null> {
    const [row] = await this.query<Row>(`SELECT ${COLUMNS} FROM annotations WHERE container = $1 AND via = $2 AND live`, [container, via]);
    return row ? toStored(row) : null;
  }

  async hasSlug(container: string, slug: string): Promise<boolean> {
    return (await this.query('SELECT 1 FROM annotations WHERE container = $1 AND slug = $2', [container, slug])).length > 0;
  }

  async containerState(container: string): Promise<ContainerState> {
    const [row] = await this.query<{ total: number; last_change: number; modified: string | null }>(
      'SELECT total, last_change, modified FROM containers WHERE name = $1',
      [container],
    );
    return row ? { total: row.total, lastChange: row.last_change, modified: row.modified } : { total: 0, lastChange: 0, modified: null };
  }

  create(container: string, slug: string, annotation: Annotation, meta: CreateMeta): Promise<StoredAnnotation | null> {
    return this.commits.submit(async ({ client, nextChange }) => {
      const change = nextChange();
      const json = bodyJson(annotation);
      const fields = indexedFieldsOf(annotation);
      const now = new Date().toISOString();
      // The (container, slug) key refuses a slug used before, live or deleted: no row comes back.
      const [row] = await this.query<Row>(
        `INSERT INTO annotations (container, slug, change, doc, via, etag, live, changed_at, quotes, creator_name, creator_id, modified, owner_id, audience, sources, tags)
         VALUES ($1, $2, $3, $4::jsonb, $5, $6, true, $7, $8, $9, $10, $11, $12, $13, $14, $15)
         ON CONFLICT (container, slug) DO NOTHING
         RETURNING ${COLUMNS}`,
        [container, slug, change, json, meta.via, entityTag(json, change), now, fields.quotes, fields.creatorName, fields.creatorId, fields.modified, meta.ownerId, meta.audience, [...fields.sources], [...fields.tags]],
        client,
      );
      if (!row) return null;
      await this.touch(client, container, change, now, +1, [[meta.audience, meta.ownerId, +1]]);
      return toStored(row);
    });
  }

  replace(container: string, slug: string, annotation: Annotation, audience: Audience, ifMatch: readonly string[] | null): Promise<WriteOutcome> {
    return this.commits.submit(async ({ client, nextChange }): Promise<WriteOutcome> => {
      const [found] = await this.query<Row>(`SELECT ${COLUMNS} FROM annotations WHERE container = $1 AND slug = $2 FOR UPDATE`, [container, slug], client);
      if (!found) return { kind: 'missing' };
      const current = toStored(found);
      if (current.deleted) return { kind: 'gone' };
      if (!matches(ifMatch, current.etag)) return { kind: 'stale', current };
      const change = nextChange();
      const json = bodyJson(annotation);
      const fields = indexedFieldsOf(annotation);
      const now = new Date().toISOString();
      const [row] = await this.query<Row>(
        `UPDATE annotations SET change = $1, doc = $2::jsonb, etag = $3, changed_at = $4, quotes = $5, creator_name = $6, creator_id = $7, modified = $8,
           audience = $9, sources = $10, tags = $11
         WHERE seq = $12 RETURNING ${COLUMNS}`,
        [change, json, entityTag(`${audience}\n${json}`, change), now, fields.quotes, fields.creatorName, fields.creatorId, fields.modified, audience, [...fields.sources], [...fields.tags], current.seq],
        client,
      );
      await this.touch(client, container, change, now, 0, [
        [current.audience, current.ownerId, -1],
        [audience, current.ownerId, +1],
      ]);
      return { kind: 'done', stored: toStored(row!) };
    });
  }

  remove(container: string, slug: string, ifMatch: readonly string[] | null): Promise<WriteOutcome> {
    return this.commits.submit(async ({ client, nextChange }): Promise<WriteOutcome> => {
      const [found] = await this.query<Row>(`SELECT ${COLUMNS} FROM annotations WHERE container = $1 AND slug = $2 FOR UPDATE`, [container, slug], client);
      if (!found) return { kind: 'missing' };
      const current = toStored(found);
      if (current.deleted) return { kind: 'gone' };
      if (!matches(ifMatch, current.etag)) return { kind: 'stale', current };
      const change = nextChange();
      const now = new Date().toISOString();
      const [row] = await this.query<Row>(
        `UPDATE annotations SET change = $1, doc = NULL, etag = $2, live = false, deleted = $3, changed_at = $3, quotes = '', sources = '{}', tags = '{}'
         WHERE seq = $4 RETURNING ${COLUMNS}`,
        [change, entityTag('', change), now, current.seq],
        client,
      );
      await this.touch(client, container, change, now, -1, [[current.audience, current.ownerId, -1]]);
      return { kind: 'done', stored: toStored(row!) };
    });
  }

  /** Moves the container's total, last change and per-audience counts, in one statement. */
  private async touch(
    client: pg.PoolClient,
    container: string,
    change: number,
    now: string,
    delta: number,
    audiences: readonly (readonly [Audience, number | null, number])[],
  ): Promise<void> {
    const params: unknown[] = [container, delta, change, now];
    const values = audiences.map(([audience, owner, n]) => {
      params.push(audience, owner ?? 0, n);
      const i = params.length;
      return `($1, $${i - 2}, $${i - 1}::bigint, $${i}::bigint)`;
    });
    await this.query(
      `WITH c AS (
         INSERT INTO containers (name, total, last_change, modified) VALUES ($1, $2, $3, $4)
         ON CONFLICT (name) DO UPDATE SET total = containers.total + excluded.total, last_change = excluded.last_change, modified = excluded.modified
       )
       INSERT INTO audience_counts (container, audience, owner_id, n)
       SELECT container, audience, owner_id, SUM(n) FROM (VALUES ${values.join(', ')}) AS v (container, audience, owner_id, n)
       GROUP BY container, audience, owner_id
       ON CONFLICT (container, audience, owner_id) DO UPDATE SET n = audience_counts.n + excluded.n`,
      params,
      client,
    );
  }

  async page(container: string, key: PageKey, limit: number, filters: SearchFilters = {}): Promise<StoredPage> {
    const select = async (cond: string, order: 'ASC' | 'DESC', extra: unknown[] = []): Promise<Row[]> => {
      const { where, params } = filterClause(filters, 2 + extra.length);
      return this.query<Row>(
        `SELECT ${COLUMNS} FROM annotations a WHERE a.container = $1 AND a.live${cond}${where} ORDER BY a.seq ${order} LIMIT ${limit + 1}`,
        [container, ...extra, ...params],
      );
    };
    const exists = async (cond: string, value: number): Promise<boolean> => {
      const { where, params } = filterClause(filters, 3);
      return (await this.query(`SELECT 1 FROM annotations a WHERE a.container = $1 AND a.live${cond}${where} LIMIT 1`, [container, value, ...params])).length > 0;
    };
    let rows: Row[];
    let hasPrev: boolean;
    let hasNext: boolean;
    if ('after' in key) {
      rows = await select(' AND a.seq > $2', 'ASC', [key.after]);
      hasNext = rows.length > limit;
      rows = rows.slice(0, limit);
      hasPrev = rows.length ? await exists(' AND a.seq < $2', rows[0]!.seq) : await exists(' AND a.seq <= $2', key.after);
    } else {
      rows = 'before' in key ? await select(' AND a.seq < $2', 'DESC', [key.before]) : await select('', 'DESC');
      hasPrev = rows.length > limit;
      rows = rows.slice(0, limit).reverse();
      hasNext = rows.length ? await exists(' AND a.seq > $2', rows[rows.length - 1]!.seq) : 'before' in key && (await exists(' AND a.seq >= $2', key.before));
    }
    return { rows: rows.map(toStored), startIndex: hasPrev ? null : 0, hasPrev, hasNext };
  }

  async count(container: string, filters: SearchFilters): Promise<number> {
    const { visibility, ...rest } = filters;
    if (Object.keys(rest).length === 0) {
      const where = !visibility || 'all' in visibility ? '' : 'publicOnly' in visibility ? " AND audience = 'public'" : " AND (audience <> 'private' OR owner_id = $2)";
      const args = visibility && 'memberId' in visibility ? [visibility.memberId] : [];
      const [row] = await this.query<{ n: string | number }>(`SELECT COALESCE(SUM(n), 0) AS n FROM audience_counts WHERE container = $1${where}`, [container, ...args]);
      return Number(row!.n);
    }
    const { where, params } = filterClause(filters, 2);
    const [row] = await this.query<{ n: number }>(`SELECT COUNT(*) AS n FROM annotations a WHERE a.container = $1 AND a.live${where}`, [container, ...params]);
    return row!.n;
  }

  async changes(container: string, since: number, limit: number): Promise<{ rows: StoredAnnotation[]; more: boolean }> {
    const rows = await this.query<Row>(`SELECT ${COLUMNS} FROM annotations WHERE container = $1 AND change > $2 ORDER BY change LIMIT $3`, [container, since, limit + 1]);
    return { rows: rows.slice(0, limit).map(toStored), more: rows.length > limit };
  }
}

/** LIKE's wildcards and escape taken literally. */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The SQL conditions (each starting with AND) for `filters`, numbering parameters from `$first`. */
function filterClause(filters: SearchFilters, first: number): { where: string; params: unknown[] } {
  let where = '';
  const params: unknown[] = [];
  const param = (value: unknown): string => {
    params.push(value);
    return `$${first + params.length - 1}`;
  };
  if (filters.source !== undefined) where += ` AND a.sources @> ARRAY[${param(filters.source)}::text]`;
  if (filters.tag !== undefined) where += ` AND a.tags @> ARRAY[${param(filters.tag)}::text]`;
  // LIKE (not strpos) so the trigram index can answer it; the text's own % and _ are escaped.
  if (filters.quote !== undefined) where += ` AND a.quotes LIKE ${param(`%${likeLiteral(filters.quote)}%`)}`;
  if (filters.creator !== undefined) {
    const p = param(filters.creator);
    where += ` AND (a.creator_name = ${p} OR a.creator_id = ${p})`;
  }
  if (filters.modifiedFrom !== undefined) where += ` AND a.modified >= ${param(filters.modifiedFrom)}`;
  if (filters.modifiedTo !== undefined) where += ` AND a.modified <= ${param(filters.modifiedTo)}`;
  const visibility = filters.visibility;
  if (visibility && 'memberId' in visibility) where += ` AND (a.audience <> 'private' OR a.owner_id = ${param(visibility.memberId)})`;
  else if (visibility && 'publicOnly' in visibility) where += " AND a.audience = 'public'";
  return { where, params };
}
