// An acknowledged write survives kill -9: the server runs as its own process
// (WAL, synchronous=FULL), is killed with SIGKILL, restarted on the same data,
// and every annotation it answered 201 for is there, intact and valid.
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { ANNO_TYPE, assertValidAnnotation, killHard, note, spawnServer, tempDir, tokenFor } from './server-harness.ts';

const dirs: string[] = [];
after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** POSTs to the container of the person whose token is `token` (`/annotations/`). */
async function postTo(url: string, token: string, body: unknown): Promise<Response> {
  return fetch(`${url}/annotations/`, { method: 'POST', headers: { 'Content-Type': ANNO_TYPE, Authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
}

describe('annotation server durability', () => {
  it('finds an annotation after kill -9 and a restart', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const token = tokenFor(dir, 'writer');
    const first = await spawnServer(dir);
    const res = await postTo(first.url, token, note({ comment: 'written before the crash' }));
    assert.equal(res.status, 201);
    const location = new URL(res.headers.get('location')!).pathname;
    await killHard(first);

    const second = await spawnServer(dir);
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

  it('loses no acknowledged write when killed in the middle of many (3 rounds)', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const token = tokenFor(dir, 'writer');
    const acknowledged: string[] = [];
    for (let round = 0; round < 3; round++) {
      const proc = await spawnServer(dir);
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
    assert.ok(acknowledged.length >= 60, `at least 20 acknowledged per round (got ${acknowledged.length})`);

    const check = await spawnServer(dir);
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
