// The two storage engines the server tests run on. SQLite needs nothing;
// PostgreSQL is reached at TEST_DATABASE_URL (default: the role and database
// .ci/run creates on the local cluster), and each store gets a schema of its
// own with a random name, dropped afterwards.
//
// When PostgreSQL cannot be reached, its suites are skipped with the reason,
// except when PG_REQUIRED=1 (set by .ci/run): then they fail.
import { describe, before, it } from 'node:test';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { AnnotationStore } from '../../server/store.ts';
import { SqliteAnnotationStore } from '../../server/sqlite-store.ts';
import { PgAnnotationStore } from '../../server/pg-store.ts';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://annotations:annotations@127.0.0.1:5432/annotations_test';
const REQUIRED = process.env.PG_REQUIRED === '1';

/** A store made for one test, and how to throw it away. */
export interface OpenedStore {
  readonly store: AnnotationStore;
  /** Closes the store (if still open) and removes its data. */
  dispose(): Promise<void>;
}

/** A place for a server process's data: the environment that selects it, and how to remove it. */
export interface ProcessStorage {
  readonly env: Record<string, string>;
  dispose(): Promise<void>;
}

export interface Engine {
  readonly name: 'SQLite' | 'PostgreSQL';
  /** A fresh, empty store; `dir` is the SQLite data folder. */
  open(dir: string): Promise<OpenedStore>;
  /** Storage for `npm run server` processes (PostgreSQL: DATABASE_URL naming a fresh schema; SQLite: nothing, the folder is --data). */
  forProcess(): Promise<ProcessStorage>;
}

async function probe(): Promise<string | null> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (error) {
    return (error as Error).message || String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Why PostgreSQL tests cannot run here, or null when they can. */
const unreachable = await probe();

let admin: pg.Pool | null = null;
function adminPool(): pg.Pool {
  admin ??= new pg.Pool({ connectionString: TEST_DATABASE_URL, max: 2, allowExitOnIdle: true });
  return admin;
}

async function freshSchema(): Promise<{ schema: string; drop(): Promise<void> }> {
  const schema = `t_${randomUUID().replace(/-/g, '')}`;
  await adminPool().query(`CREATE SCHEMA ${schema}`);
  return { schema, drop: async () => void (await adminPool().query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)) };
}

/** `TEST_DATABASE_URL` with its search_path set to `schema` (how a server process is pointed at it). */
export function urlWithSchema(schema: string): string {
  const url = new URL(TEST_DATABASE_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}

export const SQLITE: Engine = {
  name: 'SQLite',
  async open(dir) {
    const store = new SqliteAnnotationStore(dir);
    let closed = false;
    const close = store.close.bind(store);
    store.close = async () => {
      if (!closed) await close();
      closed = true;
    };
    return { store, dispose: () => store.close() };
  },
  async forProcess() {
    return { env: { DATABASE_URL: '' }, dispose: async () => undefined };
  },
};

export const POSTGRES: Engine = {
  name: 'PostgreSQL',
  async open() {
    const { schema, drop } = await freshSchema();
    const store = await PgAnnotationStore.open({ connectionString: TEST_DATABASE_URL, schema, poolSize: 4 });
    let closed = false;
    const close = store.close.bind(store);
    store.close = async () => {
      if (!closed) await close();
      closed = true;
    };
    return {
      store,
      dispose: async () => {
        await store.close();
        await drop();
      },
    };
  },
  async forProcess() {
    const { schema, drop } = await freshSchema();
    return { env: { DATABASE_URL: urlWithSchema(schema) }, dispose: drop };
  },
};

/** The engine `startServer` uses: set by `describeEachEngine` before each suite's tests run. */
export let currentEngine: Engine = SQLITE;

/**
 * Registers the suite `name` once per engine, as "name [SQLite]" and
 * "name [PostgreSQL]"; `body` gets the engine (and `startServer` uses it).
 */
export function describeEachEngine(name: string, body: (engine: Engine) => void): void {
  for (const engine of [SQLITE, POSTGRES]) describeOn(engine, name, body);
}

/** Registers a suite for PostgreSQL only, as "name [PostgreSQL]" (skipped or failed like every PostgreSQL suite). */
export function describePostgres(name: string, body: (engine: Engine) => void): void {
  describeOn(POSTGRES, name, body);
}

function describeOn(engine: Engine, name: string, body: (engine: Engine) => void): void {
  const title = `${name} [${engine.name}]`;
  if (engine === POSTGRES && unreachable) {
    const reason = `PostgreSQL is not reachable at ${TEST_DATABASE_URL.replace(/:[^:@/]*@/, ':***@')} (${unreachable}); start it (pg_ctlcluster 15 main start) or set TEST_DATABASE_URL`;
    if (REQUIRED) {
      describe(title, () => {
        it('has PostgreSQL to run on', () => {
          throw new Error(`${reason}. PG_REQUIRED=1: this run needs it.`);
        });
      });
    } else describe(title, { skip: reason }, () => body(engine));
    return;
  }
  describe(title, () => {
    before(() => {
      currentEngine = engine;
    });
    body(engine);
  });
}

/** Ends the shared admin connections (call in a file's last `after`, or let the process exit). */
export async function endEngines(): Promise<void> {
  await admin?.end();
  admin = null;
}
