/**
 * Annotation server figures, for one engine, each beside a baseline measured in
 * the same run on the same database:
 *
 * - sustained writes: acknowledged POSTs per second from `clients` concurrent
 *   clients to the server run as its own process (`server/main.ts`); baseline:
 *   the engine's own rate of durable one-row commits made one after another
 *   (what acknowledging each write after its own fsync would allow);
 * - a page of 100 annotations with `stored` annotations stored (p50/p95 of
 *   GETs spread over the container); baseline: the bare keyset SELECT of those
 *   100 rows on the same database;
 * - the change feed after `changes` changes, read whole (`_changes`, 1,000 per
 *   response); baseline: the bare SELECT of the same rows.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import pg from 'pg';
import { AccountStore } from '../server/accounts.ts';
import { PgAnnotationStore } from '../server/pg-store.ts';
import { SqliteAnnotationStore, DATABASE_FILE } from '../server/sqlite-store.ts';
import type { AnnotationStore } from '../server/store.ts';
import { validateAnnotation } from '../src/annotations/validate.ts';
import type { Annotation } from '../src/annotations/model.ts';
import { percentile } from './stats.ts';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const ANNO_TYPE = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';

export interface ServerBenchOptions {
  readonly engine: 'SQLite' | 'PostgreSQL';
  /** PostgreSQL only: the database (a fresh schema is made in it and dropped after). */
  readonly databaseUrl?: string;
  /** Annotations stored before the page is measured. */
  readonly stored: number;
  /** Changes in the feed that is read. */
  readonly changes: number;
  /** Acknowledged writes per write run, and concurrent clients. */
  readonly writes: number;
  readonly clients: number;
  readonly runs: number;
  readonly log: (message: string) => void;
}

export interface ServerFigures {
  /** Acknowledged writes per second, one value per run; baseline: durable one-row commits per second. */
  readonly writesPerSecond: number[];
  /** The server process's CPU time per acknowledged write (ms), one value per run: what the machine's load cannot hide. */
  readonly cpuPerWrite: number[];
  readonly commitsPerSecond: number[];
  /** Page GET times (ms) and bare keyset SELECT times (ms). */
  readonly page: { p50: number; p95: number; baseP50: number; baseP95: number; samples: number };
  /** Reading the whole feed of `changes` changes (ms per run) and the bare SELECT of them. */
  readonly feed: number[];
  readonly feedBaseline: number[];
}

/** A valid annotation like the reader's, numbered `i`. */
function annotation(i: number): Annotation {
  const { annotation: a, errors } = validateAnnotation({
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: `urn:uuid:${randomUUID()}`,
    type: 'Annotation',
    motivation: 'commenting',
    created: '2026-01-02T03:04:05Z',
    creator: { type: 'Person', name: 'Bench Reader' },
    body: [
      { type: 'TextualBody', value: `note ${i} on this passage`, purpose: 'commenting', format: 'text/plain' },
      { type: 'TextualBody', value: `tag${i % 50}`, purpose: 'tagging' },
    ],
    target: {
      type: 'SpecificResource',
      source: `https://example.org/texts/${i % 7}`,
      selector: [
        { type: 'TextQuoteSelector', exact: `quoted words number ${i}`, prefix: 'before ', suffix: ' after' },
        { type: 'TextPositionSelector', start: i, end: i + 20 },
      ],
    },
  });
  if (!a) throw new Error(`bench annotation invalid: ${errors.join('; ')}`);
  return a;
}

/** Where one engine's data lives for the bench, and how to open it in-process or point a server process at it. */
interface Place {
  readonly env: Record<string, string>;
  readonly dir: string;
  open(): Promise<AnnotationStore>;
  /** The bare engine, for baselines. */
  bareQuery(sql: { sqlite: string; pg: string }, params: unknown[]): Promise<unknown[]>;
  bareCommits(count: number): Promise<number>;
  dispose(): Promise<void>;
}

async function place(options: ServerBenchOptions): Promise<Place> {
  const dir = mkdtempSync(join(tmpdir(), 'anno-bench-'));
  if (options.engine === 'SQLite') {
    let db: Database.Database | null = null;
    const bare = () => (db ??= new Database(join(dir, DATABASE_FILE), { readonly: false }));
    return {
      env: { DATABASE_URL: '' },
      dir,
      open: async () => new SqliteAnnotationStore(dir),
      bareQuery: async (sql, params) => bare().prepare(sql.sqlite).all(...params),
      bareCommits: async (count) => {
        // The same settings as the server's database, one row per transaction.
        const file = new Database(join(dir, 'baseline.sqlite'));
        file.pragma('journal_mode = WAL');
        file.pragma('synchronous = FULL');
        file.exec('CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, doc TEXT)');
        const insert = file.prepare('INSERT INTO t (doc) VALUES (?)');
        const doc = JSON.stringify(annotation(0));
        const t0 = performance.now();
        for (let i = 0; i < count; i++) insert.run(doc);
        const seconds = (performance.now() - t0) / 1000;
        file.close();
        return count / seconds;
      },
      dispose: async () => {
        db?.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  if (!options.databaseUrl) throw new Error('the PostgreSQL bench needs a database URL');
  const schema = `bench_${randomUUID().replace(/-/g, '')}`;
  const admin = new pg.Pool({ connectionString: options.databaseUrl, max: 2 });
  await admin.query(`CREATE SCHEMA ${schema}`);
  const url = new URL(options.databaseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    env: { DATABASE_URL: url.toString() },
    dir,
    open: () => PgAnnotationStore.open({ connectionString: options.databaseUrl!, schema }),
    bareQuery: async (sql, params) => (await admin.query(sql.pg.replaceAll('annotations', `${schema}.annotations`), params)).rows as unknown[],
    bareCommits: async (count) => {
      await admin.query(`CREATE TABLE IF NOT EXISTS ${schema}.t (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, doc jsonb)`);
      const doc = JSON.stringify(annotation(0));
      const t0 = performance.now();
      for (let i = 0; i < count; i++) await admin.query(`INSERT INTO ${schema}.t (doc) VALUES ($1)`, [doc]);
      return count / ((performance.now() - t0) / 1000);
    },
    dispose: async () => {
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Starts `server/main.ts` on a free port over `where`; resolves with its origin once it listens. */
function startServer(where: Place): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--port', '0', '--data', where.dir], {
    cwd: ROOT,
    env: { ...process.env, ...where.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      const m = /^annotation server listening on (http:\/\/127\.0\.0\.1:\d+)\/$/.exec(line);
      if (m) resolve({ url: m[1]!, child });
    });
    child.on('exit', (code) => reject(new Error(`the server exited (${code}) before listening: ${stderr.slice(-500)}`)));
  });
}

/** CPU seconds (user + system) process `pid` has used; 0 where /proc is missing. */
function cpuSeconds(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // utime and stime are fields 14 and 15 of the whole line, in clock ticks (100 a second on Linux).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** `count` annotations into `container`, in rounds of writes that commit together. */
async function fill(store: AnnotationStore, container: string, from: number, count: number, ownerId: number): Promise<void> {
  for (let start = 0; start < count; start += 500) {
    const round = Array.from({ length: Math.min(500, count - start) }, (_, k) =>
      store.create(container, `s${from + start + k}`, annotation(from + start + k), { via: null, ownerId, audience: 'private' }),
    );
    await Promise.all(round);
  }
}

/** POSTs `body` over `agent`'s kept-alive connections; resolves with the status once the answer is read. */
function postOnce(agent: Agent, target: URL, token: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      target,
      { method: 'POST', agent, headers: { 'Content-Type': ANNO_TYPE, Authorization: `Bearer ${token}`, 'Content-Length': Buffer.byteLength(body) } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Acknowledged writes per second: `clients` loops POSTing until `total` are
 * acknowledged. node:http with kept-alive connections, not fetch: the client
 * shares the machine with the server, so it should cost as little as it can.
 */
async function writeRun(url: string, token: string, total: number, clients: number): Promise<number> {
  let next = 0;
  const bodies = Array.from({ length: 64 }, (_, i) => JSON.stringify({ ...annotation(i), id: undefined }));
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  const target = new URL(`${url}/annotations/`);
  const client = async () => {
    while (next < total) {
      const i = next++;
      const status = await postOnce(agent, target, token, bodies[i % bodies.length]!);
      if (status !== 201) throw new Error(`a bench write got ${status}`);
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: clients }, client));
  const perSecond = total / ((performance.now() - t0) / 1000);
  agent.destroy();
  return perSecond;
}

export async function benchServer(options: ServerBenchOptions): Promise<ServerFigures> {
  const { log } = options;
  const where = await place(options);
  try {
    // Prepare: a person, their token, `stored` annotations in their container, a second container with `changes` changes.
    const store = await where.open();
    const accounts = new AccountStore(store.accountRows);
    const user = (await accounts.createUser('bench', null))!;
    const { token } = await accounts.issueToken(user);
    const container = `user:${user.id}`;
    log(`${options.engine}: storing ${options.stored.toLocaleString('en-US')} annotations`);
    await fill(store, container, 0, options.stored, user.id);
    const feedUser = (await accounts.createUser('feed', null))!;
    const feedToken = (await accounts.issueToken(feedUser)).token;
    await fill(store, `user:${feedUser.id}`, 0, options.changes, feedUser.id);
    // The measured writes go to a container of their own, so the pages measured keep `stored` annotations.
    const writerToken = (await accounts.issueToken((await accounts.createUser('writer', null))!)).token;
    await store.close();

    const server = await startServer(where);
    try {
      const writesPerSecond: number[] = [];
      const cpuPerWrite: number[] = [];
      const commitsPerSecond: number[] = [];
      for (let run = 0; run < options.runs; run++) {
        log(`${options.engine}: write run ${run + 1}/${options.runs}`);
        const cpu0 = cpuSeconds(server.child.pid);
        writesPerSecond.push(await writeRun(server.url, writerToken, options.writes, options.clients));
        cpuPerWrite.push(((cpuSeconds(server.child.pid) - cpu0) * 1000) / options.writes);
        commitsPerSecond.push(await where.bareCommits(Math.max(100, Math.round(options.writes / 10))));
      }

      log(`${options.engine}: pages`);
      const seqs = (await where.bareQuery(
        { sqlite: 'SELECT seq FROM annotations WHERE container = ? AND live = 1 ORDER BY seq', pg: 'SELECT seq FROM annotations WHERE container = $1 AND live ORDER BY seq' },
        [container],
      )) as { seq: number | string }[];
      const keys = seqs.map((r) => Number(r.seq));
      const samples = Math.max(20, options.runs * 20);
      const pageTimes: number[] = [];
      const bareTimes: number[] = [];
      for (let i = 0; i < samples; i++) {
        const after = keys[Math.floor(((i * 7919) % samples) * (keys.length / samples))] ?? 0;
        let t0 = performance.now();
        const res = await fetch(`${server.url}/annotations/?iris=0&after=${after}`, { headers: { Authorization: `Bearer ${token}` } });
        const doc = (await res.json()) as { items?: unknown[] };
        pageTimes.push(performance.now() - t0);
        if (res.status !== 200 || !doc.items?.length) throw new Error(`a page GET got ${res.status}`);
        t0 = performance.now();
        await where.bareQuery(
          {
            sqlite: 'SELECT json FROM annotations WHERE container = ? AND live = 1 AND seq > ? ORDER BY seq LIMIT 100',
            pg: 'SELECT doc::text FROM annotations WHERE container = $1 AND live AND seq > $2 ORDER BY seq LIMIT 100',
          },
          [container, after],
        );
        bareTimes.push(performance.now() - t0);
      }

      log(`${options.engine}: change feed`);
      const feed: number[] = [];
      const feedBaseline: number[] = [];
      for (let run = 0; run < options.runs; run++) {
        let t0 = performance.now();
        let since = '0';
        let read = 0;
        for (;;) {
          const res = await fetch(`${server.url}/annotations/_changes?since=${since}`, { headers: { Authorization: `Bearer ${feedToken}` } });
          const doc = (await res.json()) as { cursor: string; more: boolean; changes: unknown[] };
          read += doc.changes.length;
          since = doc.cursor;
          if (!doc.more) break;
        }
        feed.push(performance.now() - t0);
        if (read !== options.changes) throw new Error(`the feed gave ${read} changes, not ${options.changes}`);
        t0 = performance.now();
        await where.bareQuery(
          {
            sqlite: 'SELECT slug, change, json FROM annotations WHERE container = ? AND change > 0 ORDER BY change',
            pg: 'SELECT slug, change, doc::text FROM annotations WHERE container = $1 AND change > 0 ORDER BY change',
          },
          [`user:${feedUser.id}`],
        );
        feedBaseline.push(performance.now() - t0);
      }
      return {
        writesPerSecond,
        cpuPerWrite,
        commitsPerSecond,
        page: { p50: percentile(pageTimes, 50), p95: percentile(pageTimes, 95), baseP50: percentile(bareTimes, 50), baseP95: percentile(bareTimes, 95), samples },
        feed,
        feedBaseline,
      };
    } finally {
      await stop(server.child);
    }
  } finally {
    await where.dispose();
  }
}
