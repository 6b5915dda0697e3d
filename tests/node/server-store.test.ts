// The annotation store on its own, the same cases on both engines: reopening,
// keyset pages, running counts, conditional writes, group commit. Plus each
// engine's own durability settings and migrations.
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import pg from 'pg';
import { SqliteAnnotationStore } from '../../server/sqlite-store.ts';
import { PgAnnotationStore } from '../../server/pg-store.ts';
import { MIGRATIONS, migrate } from '../../server/pg-migrations.ts';
import type { AnnotationStore } from '../../server/store.ts';
import { validateAnnotation } from '../../src/annotations/validate.ts';
import { note, tempDir } from './server-harness.ts';
import { describeEachEngine, describePostgres, TEST_DATABASE_URL, type OpenedStore } from './server-engines.ts';

const dirs: string[] = [];
after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function valid(i: number, options: Parameters<typeof note>[0] = {}) {
  const { annotation } = validateAnnotation({ ...note({ comment: `n${i}`, ...options }), id: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}` });
  assert.ok(annotation);
  return annotation;
}

const meta = (ownerId = 1, audience: 'private' | 'group' | 'public' = 'private') => ({ via: null, ownerId, audience });

describeEachEngine('annotation store', (engine) => {
  const opened: OpenedStore[] = [];
  after(async () => {
    for (const o of opened) await o.dispose();
  });
  async function open(): Promise<AnnotationStore> {
    const dir = tempDir();
    dirs.push(dir);
    const o = await engine.open(dir);
    opened.push(o);
    return o.store;
  }

  it('pages by key in both directions and counts what comes before', async () => {
    const store = await open();
    for (let i = 0; i < 7; i++) await store.create('c', `s${i}`, valid(i), meta());
    await store.create('other', 'x', valid(99), meta());
    const first = await store.page('c', { after: 0 }, 3);
    assert.deepEqual(first.rows.map((r) => r.slug), ['s0', 's1', 's2']);
    assert.equal(first.hasPrev, false);
    assert.equal(first.hasNext, true);
    const second = await store.page('c', { after: first.rows[2]!.seq }, 3);
    assert.deepEqual(second.rows.map((r) => r.slug), ['s3', 's4', 's5']);
    assert.equal(first.startIndex, 0);
    assert.equal(second.startIndex, null, 'not counted: counting rows before a key costs what an OFFSET does');
    const last = await store.page('c', { last: true }, 3);
    assert.deepEqual(last.rows.map((r) => r.slug), ['s4', 's5', 's6']);
    assert.equal(last.hasNext, false);
    const before = await store.page('c', { before: last.rows[0]!.seq }, 3);
    assert.deepEqual(before.rows.map((r) => r.slug), ['s1', 's2', 's3']);
    assert.equal(before.hasPrev, true);
  });

  it("keeps running counts per audience, so a member's total costs no scan", async () => {
    const store = await open();
    await store.create('g', 'a', valid(1), meta(1, 'private'));
    await store.create('g', 'b', valid(2), meta(2, 'private'));
    await store.create('g', 'c', valid(3), meta(2, 'group'));
    await store.create('g', 'd', valid(4), meta(2, 'public'));
    assert.equal(await store.count('g', { visibility: { memberId: 1 } }), 3);
    assert.equal(await store.count('g', { visibility: { publicOnly: true } }), 1);
    assert.equal(await store.count('g', {}), 4);
    await store.replace('g', 'c', valid(3), 'private', null);
    await store.remove('g', 'd', null);
    assert.equal(await store.count('g', { visibility: { memberId: 1 } }), 1);
    assert.equal(await store.count('g', { visibility: { memberId: 2 } }), 2);
    assert.equal((await store.containerState('g')).total, 3);
  });

  it('refuses a slug used before, live or deleted', async () => {
    const store = await open();
    assert.ok(await store.create('c', 'a', valid(1), meta()));
    assert.equal(await store.create('c', 'a', valid(2), meta()), null);
    await store.remove('c', 'a', null);
    assert.equal(await store.create('c', 'a', valid(3), meta()), null);
    assert.equal((await store.get('c', 'a'))?.deleted !== null, true, 'a tombstone');
    assert.ok(await store.create('other', 'a', valid(4), meta()), 'slugs are per container');
  });

  it('replaces and removes only when If-Match names the current tag', async () => {
    const store = await open();
    const made = (await store.create('c', 'a', valid(1), meta()))!;
    const stale = await store.replace('c', 'a', valid(2), 'private', ['"not-it"']);
    assert.equal(stale.kind, 'stale');
    const done = await store.replace('c', 'a', valid(2), 'public', [made.etag]);
    assert.equal(done.kind, 'done');
    assert.notEqual(done.kind === 'done' && done.stored.etag, made.etag);
    assert.equal((await store.remove('c', 'a', [made.etag])).kind, 'stale');
    assert.equal((await store.remove('c', 'nothing', null)).kind, 'missing');
    assert.equal((await store.remove('c', 'a', ['*'])).kind, 'done');
    assert.equal((await store.replace('c', 'a', valid(3), 'private', null)).kind, 'gone');
  });

  it('reports every write in the change feed in order, deletions as tombstones', async () => {
    const store = await open();
    await store.create('c', 'a', valid(1), meta());
    await store.create('c', 'b', valid(2), meta());
    await store.replace('c', 'a', valid(3), 'private', null);
    await store.remove('c', 'b', null);
    const { rows, more } = await store.changes('c', 0, 10);
    assert.equal(more, false);
    assert.deepEqual(rows.map((r) => [r.slug, r.deleted !== null]), [['a', false], ['b', true]]);
    assert.ok(rows[0]!.change < rows[1]!.change);
    const after = await store.changes('c', rows[0]!.change, 10);
    assert.deepEqual(after.rows.map((r) => r.slug), ['b']);
    assert.equal((await store.containerState('c')).lastChange, rows[1]!.change);
  });

  it('searches by source, tag, quote, creator and modified date', async () => {
    const store = await open();
    await store.create('c', 'a', valid(1, { source: 'https://example.org/a', tags: ['flag'], exact: 'Alpha words 50%', creator: 'ada' }), meta());
    await store.create('c', 'b', valid(2, { source: 'https://example.org/b', tags: ['other'], exact: 'beta words', creator: 'bob', modified: '2026-03-01T00:00:00Z' }), meta());
    const slugs = async (filters: Parameters<AnnotationStore['page']>[3]) => (await store.page('c', { after: 0 }, 10, filters)).rows.map((r) => r.slug);
    assert.deepEqual(await slugs({ source: 'https://example.org/a' }), ['a']);
    assert.deepEqual(await slugs({ tag: 'other' }), ['b']);
    assert.deepEqual(await slugs({ quote: 'words' }), ['a', 'b']);
    assert.deepEqual(await slugs({ quote: 'ta wo' }), ['b'], 'any part of a quote, not only whole words');
    assert.deepEqual(await slugs({ quote: '50%' }), ['a']);
    assert.deepEqual(await slugs({ quote: 'a%' }), [], '% is a character, not a wildcard');
    assert.deepEqual(await slugs({ creator: 'bob' }), ['b']);
    assert.deepEqual(await slugs({ modifiedFrom: '2026-02-01T00:00:00.000Z' }), ['b']);
    assert.equal(await store.count('c', { quote: 'words' }), 2);
  });

  it('commits writes that arrive together in one batch, each acknowledged with its own outcome', async () => {
    const store = await open();
    const writes = Array.from({ length: 50 }, (_, i) => store.create('c', `s${i % 40}`, valid(i), meta()));
    const results = await Promise.all(writes);
    assert.equal(results.filter((r) => r !== null).length, 40, 'ten reused slugs refused, the others stored');
    assert.equal((await store.containerState('c')).total, 40);
    const changes = (await store.changes('c', 0, 100)).rows.map((r) => r.change);
    assert.equal(new Set(changes).size, 40, 'each write has its own place in the feed');
  });

  it('rejects only the write that fails inside a batch; the others commit', async () => {
    const store = await open();
    const good = store.create('c', 'good', valid(1), meta());
    // An audience the schema refuses: this write throws inside the batch.
    const bad = store.create('c', 'bad', valid(2), { via: null, ownerId: 1, audience: 'everyone' as 'public' });
    const alsoGood = store.create('c', 'also', valid(3), meta());
    assert.ok(await good);
    await assert.rejects(bad);
    assert.ok(await alsoGood);
    assert.equal(await store.get('c', 'bad'), null);
    assert.equal((await store.containerState('c')).total, 2);
  });
});

describe('SQLite annotation store settings', () => {
  it('runs in WAL mode with synchronous=FULL, so each commit is fsynced', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const store = new SqliteAnnotationStore(dir);
    assert.deepEqual(store.durability(), { journalMode: 'wal', synchronous: 2 });
    await store.close();
  });

  it('reopens its own database with everything in it', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const first = new SqliteAnnotationStore(dir);
    await first.create('c', 'a', valid(1), meta());
    await first.close();
    const again = new SqliteAnnotationStore(dir);
    assert.equal((await again.get('c', 'a'))?.slug, 'a');
    assert.equal((await again.containerState('c')).total, 1);
    await again.close();
  });
});

describePostgres('migrations', () => {
  it('applies each migration once, in order, and reopens a migrated schema', async () => {
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    const schema = `t_${crypto.randomUUID().replace(/-/g, '')}`;
    await admin.query(`CREATE SCHEMA ${schema}`);
    try {
      const first = await PgAnnotationStore.open({ connectionString: TEST_DATABASE_URL, schema });
      await first.create('c', 'a', valid(1), meta());
      await first.close();
      const versions = (await admin.query(`SELECT version FROM ${schema}.schema_migrations ORDER BY version`)).rows.map((r) => r.version);
      assert.deepEqual(versions, MIGRATIONS.map((m) => m.version));
      const again = await PgAnnotationStore.open({ connectionString: TEST_DATABASE_URL, schema });
      assert.equal((await again.get('c', 'a'))?.slug, 'a', 'nothing re-created');
      await again.close();
    } finally {
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    }
  });

  it('refuses a database written by a newer server', async () => {
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    const schema = `t_${crypto.randomUUID().replace(/-/g, '')}`;
    await admin.query(`CREATE SCHEMA ${schema}`);
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL, options: `-c search_path=${schema}` });
    await client.connect();
    try {
      await migrate(client as unknown as pg.PoolClient);
      await admin.query(`INSERT INTO ${schema}.schema_migrations (version, name, applied) VALUES (999, 'future', 'x')`);
      await assert.rejects(PgAnnotationStore.open({ connectionString: TEST_DATABASE_URL, schema }), /newer server \(schema 999/);
    } finally {
      await client.end();
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    }
  });
});

describePostgres('several server processes on one database', () => {
  it('two stores writing one container at once: every write once in the feed, and a reader following the feed misses none', async () => {
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    const schema = `t_${crypto.randomUUID().replace(/-/g, '')}`;
    await admin.query(`CREATE SCHEMA ${schema}`);
    const [a, b] = await Promise.all([PgAnnotationStore.open({ connectionString: TEST_DATABASE_URL, schema }), PgAnnotationStore.open({ connectionString: TEST_DATABASE_URL, schema })]);
    try {
      let writing = true;
      const seen = new Set<string>();
      // A reader that follows the feed by cursor while both write: a change numbered below the cursor that commits
      // later would be missed for good.
      const follower = (async () => {
        let since = 0;
        for (;;) {
          const done = !writing;
          const { rows } = await a.changes('c', since, 1000);
          for (const row of rows) seen.add(row.slug);
          if (rows.length) since = rows[rows.length - 1]!.change;
          if (done && !rows.length) return;
        }
      })();
      const writes: Promise<unknown>[] = [];
      for (let i = 0; i < 300; i++) writes.push((i % 2 ? a : b).create('c', `s${i}`, valid(i), meta()));
      const made = await Promise.all(writes);
      writing = false;
      await follower;
      assert.equal(made.filter(Boolean).length, 300);
      const { rows } = await b.changes('c', 0, 1000);
      assert.equal(rows.length, 300);
      assert.equal(new Set(rows.map((r) => r.change)).size, 300, 'no change number twice');
      assert.equal(seen.size, 300, 'the follower saw every write');
      assert.equal((await a.containerState('c')).total, 300);
      assert.equal(await b.count('c', {}), 300);
    } finally {
      await Promise.all([a.close(), b.close()]);
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    }
  });
});
