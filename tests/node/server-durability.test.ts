// An acknowledged write survives kill -9, on both engines: the server runs as
// its own process (SQLite: WAL, synchronous=FULL, group commit; PostgreSQL:
// synchronous commit), is killed with SIGKILL, restarted on the same data, and
// every annotation it answered 201 for is there, intact and valid.
import { it, after } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { ANNO_TYPE, assertValidAnnotation, killHard, note, spawnServer, tempDir, tokenFor } from './server-harness.ts';
import { describeEachEngine, type ProcessStorage } from './server-engines.ts';

const dirs: string[] = [];
after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** POSTs to the container of the person whose token is `token` (`/annotations/`). */
async function postTo(url: string, token: string, body: unknown): Promise<Response> {
  return fetch(`${url}/annotations/`, { method: 'POST', headers: { 'Content-Type': ANNO_TYPE, Authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
}

/** Kill rounds per engine: each fires 60 writes and kills the server after 20 acknowledgements. */
const ROUNDS = 5;

describeEachEngine('annotation server durability', (engine) => {
  const storages: ProcessStorage[] = [];
  after(async () => {
    for (const s of storages) await s.dispose();
  });
  async function storage(): Promise<{ dir: string; env: Record<string, string> }> {
    const dir = tempDir();
    dirs.push(dir);
    const s = await engine.forProcess();
    storages.push(s);
    return { dir, env: s.env };
  }

  it('finds an annotation after kill -9 and a restart', async () => {
    const { dir, env } = await storage();
    const token = tokenFor(dir, 'writer', env);
    const first = await spawnServer(dir, env);
    const res = await postTo(first.url, token, note({ comment: 'written before the crash' }));
    assert.equal(res.status, 201);
    const location = new URL(res.headers.get('location')!).pathname;
    await killHard(first);

    const second = await spawnServer(dir, env);
    try {
      const got = await fetch(`${second.url}${location}`, { headers: { Authorization: `Bearer ${token}` } });
      assert.equal(got.status, 200);
      const doc = (await got.json()) as { body: { value: string }[] };
      assertValidAnnotation(doc);
      assert.equal(doc.body[0]!.value, 'written before the crash');
    } finally {
      await killHard(second);
    }
  });

  it(`loses no acknowledged write when killed in the middle of many (${ROUNDS} rounds)`, async () => {
    const { dir, env } = await storage();
    const token = tokenFor(dir, 'writer', env);
    const acknowledged: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const proc = await spawnServer(dir, env);
      // Fire 60 writes at once and kill the server as soon as 20 are acknowledged, with the rest in flight.
      let acks = 0;
      let killed: Promise<void> | null = null;
      const writes = Array.from({ length: 60 }, (_, i) =>
        postTo(proc.url, token, note({ comment: `round ${round} write ${i}` }))
          .then(async (res) => {
            if (res.status === 201) {
              acknowledged.push(new URL(res.headers.get('location')!).pathname);
              await res.arrayBuffer();
              if (++acks === 20) killed = killHard(proc);
            }
          })
          .catch(() => undefined), // cut off by the kill: not acknowledged, may or may not be stored
      );
      await Promise.all(writes);
      await (killed ?? killHard(proc));
    }
    assert.ok(acknowledged.length >= 20 * ROUNDS, `at least 20 acknowledged per round (got ${acknowledged.length})`);

    const check = await spawnServer(dir, env);
    try {
      for (const path of acknowledged) {
        const res = await fetch(`${check.url}${path}`, { headers: { Authorization: `Bearer ${token}` } });
        assert.equal(res.status, 200, `acknowledged ${path} was lost`);
        assertValidAnnotation(await res.json());
      }
      const container = (await (await fetch(`${check.url}/annotations/`, { headers: { Authorization: `Bearer ${token}` } })).json()) as { total: number };
      assert.ok(container.total >= acknowledged.length);
    } finally {
      await killHard(check);
    }
  });
});
