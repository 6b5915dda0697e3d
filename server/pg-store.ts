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
import { toStored, type StoredRow as Row } from './stored-row.ts';
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

/** A new annotation to insert. */
interface CreateOp {
  readonly container: string;
  readonly slug: string;
  readonly annotation: Annotation;
  readonly meta: CreateMeta;
}

/** A write of a batch; creates carry their op, so a batch inserts them all in one statement. */
type Write = ((tx: Tx) => unknown) & { create?: CreateOp };

/** A batch's transaction: its connection, and the next of the change numbers it reserved. */
interface Tx {
  readonly client: pg.PoolClient;
  nextChange(): number;
}

const COLUMNS = 'container, slug, seq, change, doc::text AS json, via, etag, deleted, changed_at, owner_id, audience';

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

/** A write of a batch threw (its error is `cause`); the batch is rolled back and its writes run one by one. */
class WriteFailed extends Error {
  constructor(override readonly cause: unknown) {
    super('a write of the batch failed');
  }
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

  private constructor(
    private readonly pool: pg.Pool,
    /** One connection for write batches, so a batch never waits behind reads for a pooled one. */
    private readonly writer: pg.Pool,
  ) {
    this.accountRows = new PgAccountRows((text, params) => this.query(text, params));
    this.commits = new GroupCommit<Tx>((writes) => this.runBatch(writes));
  }

  /**
   * Connects and applies missing migrations. Rejects with StoreUnavailableError
   * when the database cannot be reached, or with the migration's error.
   */
  static async open(options: PgOptions): Promise<PgAnnotationStore> {
    if (options.schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(options.schema)) throw new RangeError(`Not a usable schema name: ${options.schema}`);
    const config = (max: number): pg.PoolConfig => ({
      connectionString: options.connectionString,
      max,
      connectionTimeoutMillis: 5000,
      types,
      ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    });
    const pool = new pg.Pool(config(options.poolSize ?? 10));
    const writer = new pg.Pool(config(1));
    // An idle connection dropped by the server must not crash the process; the next query reconnects.
    for (const p of [pool, writer]) p.on('error', (error) => console.error(`annotation server: PostgreSQL connection lost: ${error.message}`));
    try {
      const client = await pool.connect();
      try {
        await migrate(client);
      } finally {
        client.release();
      }
    } catch (error) {
      await Promise.all([pool.end(), writer.end()]).catch(() => undefined);
      throw translate(error);
    }
    return new PgAnnotationStore(pool, writer);
  }

  async close(): Promise<void> {
    await this.commits.drained();
    await Promise.all([this.pool.end(), this.writer.end()]);
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
   * write (locking the counter until COMMIT), run the writes, commit. No
   * savepoints on this path (each costs two round trips per write): when a
   * write throws, the transaction is rolled back and each write of the batch
   * runs again in a transaction of its own, so only the failing one fails.
   */
  private async runBatch(writes: readonly ((tx: Tx) => unknown)[]): Promise<WriteResult[]> {
    try {
      return (await this.transaction(writes)).map((value) => ({ ok: true, value }));
    } catch (error) {
      if (!(error instanceof WriteFailed)) throw error;
      if (writes.length === 1) return [{ ok: false, error: error.cause }];
      const results: WriteResult[] = [];
      for (const write of writes) {
        try {
          results.push({ ok: true, value: (await this.transaction([write]))[0] });
        } catch (e) {
          if (!(e instanceof WriteFailed)) throw e;
          results.push({ ok: false, error: e.cause });
        }
      }
      return results;
    }
  }

  /** Runs `writes` in one transaction; WriteFailed when one of them throws, StoreUnavailableError when the database goes. */
  private async transaction(writes: readonly ((tx: Tx) => unknown)[]): Promise<unknown[]> {
    let client: pg.PoolClient;
    try {
      client = await this.writer.connect();
    } catch (error) {
      throw translate(error);
    }
    let broken = false;
    try {
      await client.query('BEGIN');
      const [{ value: last }] = (await client.query<{ value: number }>(`UPDATE counters SET value = value + $1 WHERE name = 'change' RETURNING value`, [writes.length])).rows as [{ value: number }];
      let next = last - writes.length + 1;
      const tx: Tx = { client, nextChange: () => next++ };
      const values: unknown[] = new Array(writes.length);
      const fail = (error: unknown) => {
        const translated = translate(error);
        return translated instanceof StoreUnavailableError ? translated : new WriteFailed(translated);
      };
      const creates = (writes as readonly Write[]).flatMap((write, i) => (write.create ? [{ op: write.create, i }] : []));
      if (creates.length) {
        const stored = await this.insertMany(tx, creates.map((c) => c.op)).catch((error: unknown) => {
          throw fail(error);
        });
        creates.forEach((c, k) => (values[c.i] = stored[k]));
      }
      for (const [i, write] of (writes as readonly Write[]).entries()) {
        if (write.create) continue;
        try {
          values[i] = await write(tx);
        } catch (error) {
          throw fail(error);
        }
      }
      await client.query('COMMIT');
      return values;
    } catch (error) {
      broken = !(error instanceof WriteFailed);
      await client.query('ROLLBACK').catch(() => undefined);
      throw error instanceof WriteFailed ? error : translate(error);
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
    // Alone, the write inserts itself; in a batch, `transaction` inserts every create in one statement.
    const op: CreateOp = { container, slug, annotation, meta };
    const write: Write = async (tx) => (await this.insertMany(tx, [op]))[0];
    write.create = op;
    return this.commits.submit(write) as Promise<StoredAnnotation | null>;
  }

  /**
   * Inserts `ops` in one statement (one round trip however many), with the
   * containers' totals and the audience counts; each op's stored row, or null
   * when its slug was used before (an earlier op of the same batch included).
   */
  private async insertMany(tx: Tx, ops: readonly CreateOp[]): Promise<(StoredAnnotation | null)[]> {
    const columns: unknown[][] = Array.from({ length: 15 }, () => []);
    const now = new Date().toISOString();
    const changes = ops.map(({ container, slug, annotation, meta }) => {
      const change = tx.nextChange();
      const json = bodyJson(annotation);
      const f = indexedFieldsOf(annotation);
      const row = [container, slug, change, json, meta.via, entityTag(json, change), now, f.quotes, f.creatorName, f.creatorId, f.modified, meta.ownerId, meta.audience, JSON.stringify(f.sources), JSON.stringify(f.tags)];
      row.forEach((value, i) => columns[i]!.push(value));
      return change;
    });
    const rows = await this.query<Row>(
      `WITH input AS (
         SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[],
                              $11::text[], $12::bigint[], $13::text[], $14::text[], $15::text[])
           WITH ORDINALITY AS i (container, slug, change, doc, via, etag, changed_at, quotes, creator_name, creator_id, modified, owner_id, audience, sources, tags, ord)
       ), ins AS (
         INSERT INTO annotations (container, slug, change, doc, via, etag, live, changed_at, quotes, creator_name, creator_id, modified, owner_id, audience, sources, tags)
         SELECT container, slug, change, doc::jsonb, via, etag, true, changed_at, quotes, creator_name, creator_id, modified, owner_id, audience,
                ARRAY(SELECT jsonb_array_elements_text(sources::jsonb)), ARRAY(SELECT jsonb_array_elements_text(tags::jsonb))
         FROM input ORDER BY ord
         ON CONFLICT (container, slug) DO NOTHING
         RETURNING ${COLUMNS}
       ), c AS (
         INSERT INTO containers (name, total, last_change, modified) SELECT container, COUNT(*), MAX(change), MAX(changed_at) FROM ins GROUP BY container
         ON CONFLICT (name) DO UPDATE SET total = containers.total + excluded.total,
           last_change = GREATEST(containers.last_change, excluded.last_change), modified = excluded.modified
       ), n AS (
         INSERT INTO audience_counts (container, audience, owner_id, n) SELECT container, audience, COALESCE(owner_id, 0), COUNT(*) FROM ins GROUP BY 1, 2, 3
         ON CONFLICT (container, audience, owner_id) DO UPDATE SET n = audience_counts.n + excluded.n
       )
       SELECT * FROM ins`,
      columns,
      tx.client,
    );
    const byChange = new Map(rows.map((row) => [row.change, toStored(row)]));
    return changes.map((change) => byChange.get(change) ?? null);
  }

  replace(container: string, slug: string, annotation: Annotation, audience: Audience, ifMatch: readonly string[] | null): Promise<WriteOutcome> {
    return this.commits.submit(async ({ client, nextChange }): Promise<WriteOutcome> => {
      const current = await this.lockLive(client, container, slug, ifMatch);
      if (!('seq' in current)) return current;
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
      const current = await this.lockLive(client, container, slug, ifMatch);
      if (!('seq' in current)) return current;
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

  /**
   * The live annotation at `slug`, locked for this batch's transaction, when `ifMatch` allows a write to it;
   * otherwise the outcome that refuses the write (missing, gone, or stale with the current version).
   */
  private async lockLive(client: pg.PoolClient, container: string, slug: string, ifMatch: readonly string[] | null): Promise<StoredAnnotation | Exclude<WriteOutcome, { kind: 'done' }>> {
    const [found] = await this.query<Row>(`SELECT ${COLUMNS} FROM annotations WHERE container = $1 AND slug = $2 FOR UPDATE`, [container, slug], client);
    if (!found) return { kind: 'missing' };
    const current = toStored(found);
    if (current.deleted) return { kind: 'gone' };
    if (!matches(ifMatch, current.etag)) return { kind: 'stale', current };
    return current;
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
