// PostgreSQL going away while the server runs: every request that needs the
// database gets a 503 problem (with Retry-After) instead of hanging or
// crashing, nothing half-written is acknowledged, and the server serves again
// once the database is back. The database is reached through a TCP relay the
// test can cut, so the shared cluster is never stopped.
import { it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import type { Server as HttpServer } from 'node:http';
import pg from 'pg';
import { createAnnotationServer } from '../../server/app.ts';
import { AccountStore } from '../../server/accounts.ts';
import { PgAnnotationStore } from '../../server/pg-store.ts';
import { StoreUnavailableError } from '../../server/store.ts';
import { ANNO_TYPE, assertProblem, note } from './server-harness.ts';
import { describePostgres, TEST_DATABASE_URL } from './server-engines.ts';

/** A TCP relay to PostgreSQL that can be cut (connections dropped, new ones refused) and restored on the same port. */
class Relay {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  async open(): Promise<void> {
    const server = createServer((client) => {
      const upstream = connect(this.target.port, this.target.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => s.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  async cut(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }
}

describePostgres('annotation server with the database down', () => {
  const target = new URL(TEST_DATABASE_URL);
  const relay = new Relay({ host: target.hostname, port: Number(target.port || 5432) });
  const schema = `t_${randomUUID().replace(/-/g, '')}`;
  let admin: pg.Client;
  let store: PgAnnotationStore;
  let http: HttpServer;
  let base = '';
  let token = '';

  before(async () => {
    admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    await relay.open();
    const viaRelay = new URL(TEST_DATABASE_URL);
    viaRelay.hostname = '127.0.0.1';
    viaRelay.port = String(relay.port);
    store = await PgAnnotationStore.open({ connectionString: viaRelay.toString(), schema, poolSize: 2 });
    const accounts = new AccountStore(store.accountRows);
    token = (await accounts.issueToken((await accounts.createUser('tester', null))!)).token;
    http = createAnnotationServer({ store });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  });

  after(async () => {
    http.closeAllConnections();
    await new Promise<void>((resolve) => http.close(() => resolve()));
    await relay.cut();
    await store.close();
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  });

  const auth = () => ({ Authorization: `Bearer ${token}` });
  const postNote = () => fetch(`${base}/annotations/`, { method: 'POST', headers: { ...auth(), 'Content-Type': ANNO_TYPE }, body: JSON.stringify(note()) });

  it('answers 503 with Retry-After while PostgreSQL is unreachable, then serves again when it is back', async () => {
    const first = await postNote();
    assert.equal(first.status, 201);
    const location = first.headers.get('location')!;

    await relay.cut();
    for (const res of [await fetch(`${base}/annotations/`, { headers: auth() }), await fetch(location, { headers: auth() }), await postNote()]) {
      const detail = await assertProblem(res, 503);
      assert.match(detail, /database cannot be reached/);
      assert.equal(res.headers.get('retry-after'), '5');
    }

    await relay.open();
    const again = await fetch(location, { headers: auth() });
    assert.equal(again.status, 200, 'the pool reconnects by itself');
    assert.equal((await postNote()).status, 201);
    const container = (await (await fetch(`${base}/annotations/`, { headers: auth() })).json()) as { total: number };
    assert.equal(container.total, 2, 'the write refused with 503 was not stored');
  });

  it('does not start when PostgreSQL cannot be reached, and says so', async () => {
    await relay.cut();
    const viaRelay = new URL(TEST_DATABASE_URL);
    viaRelay.hostname = '127.0.0.1';
    viaRelay.port = String(relay.port);
    await assert.rejects(PgAnnotationStore.open({ connectionString: viaRelay.toString(), schema }), (e: unknown) => e instanceof StoreUnavailableError && /PostgreSQL cannot be reached/.test((e as Error).message));
    await relay.open();
  });
});
