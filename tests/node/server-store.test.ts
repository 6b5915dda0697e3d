// The SQLite store on its own: durable settings, reopening, keyset pages.
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { SqliteAnnotationStore } from '../../server/sqlite-store.ts';
import { validateAnnotation } from '../../src/annotations/validate.ts';
import { note, tempDir } from './server-harness.ts';

const dirs: string[] = [];
after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function valid(i: number) {
  const { annotation } = validateAnnotation({ ...note({ comment: `n${i}` }), id: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}` });
  assert.ok(annotation);
  return annotation;
}

describe('SQLite annotation store', () => {
  it('runs in WAL mode with synchronous=FULL, so each commit is fsynced', () => {
    const dir = tempDir();
    dirs.push(dir);
    const store = new SqliteAnnotationStore(dir);
    assert.deepEqual(store.durability(), { journalMode: 'wal', synchronous: 2 });
    store.close();
  });

  it('reopens its own database with everything in it', () => {
    const dir = tempDir();
    dirs.push(dir);
    const first = new SqliteAnnotationStore(dir);
    first.create('c', 'a', valid(1), { via: null, ownerId: 1, audience: 'private' });
    first.close();
    const again = new SqliteAnnotationStore(dir);
    assert.equal(again.get('c', 'a')?.slug, 'a');
    assert.equal(again.containerState('c').total, 1);
    again.close();
  });

  it('pages by key in both directions and counts what comes before', () => {
    const store = new SqliteAnnotationStore(':memory:');
    for (let i = 0; i < 7; i++) store.create('c', `s${i}`, valid(i), { via: null, ownerId: 1, audience: 'private' });
    store.create('other', 'x', valid(99), { via: null, ownerId: 1, audience: 'private' });
    const first = store.page('c', { after: 0 }, 3);
    assert.deepEqual(first.rows.map((r) => r.slug), ['s0', 's1', 's2']);
    assert.equal(first.hasPrev, false);
    assert.equal(first.hasNext, true);
    const second = store.page('c', { after: first.rows[2]!.seq }, 3);
    assert.deepEqual(second.rows.map((r) => r.slug), ['s3', 's4', 's5']);
    assert.equal(first.startIndex, 0);
    assert.equal(second.startIndex, null, 'not counted: counting rows before a key costs what an OFFSET does');
    const last = store.page('c', { last: true }, 3);
    assert.deepEqual(last.rows.map((r) => r.slug), ['s4', 's5', 's6']);
    assert.equal(last.hasNext, false);
    const before = store.page('c', { before: last.rows[0]!.seq }, 3);
    assert.deepEqual(before.rows.map((r) => r.slug), ['s1', 's2', 's3']);
    assert.equal(before.hasPrev, true);
    store.close();
  });

  it('keeps running counts per audience, so a member\'s total costs no scan', () => {
    const store = new SqliteAnnotationStore(':memory:');
    store.create('g', 'a', valid(1), { via: null, ownerId: 1, audience: 'private' });
    store.create('g', 'b', valid(2), { via: null, ownerId: 2, audience: 'private' });
    store.create('g', 'c', valid(3), { via: null, ownerId: 2, audience: 'group' });
    store.create('g', 'd', valid(4), { via: null, ownerId: 2, audience: 'public' });
    assert.equal(store.count('g', { visibility: { memberId: 1 } }), 3);
    assert.equal(store.count('g', { visibility: { publicOnly: true } }), 1);
    assert.equal(store.count('g', {}), 4);
    store.replace('g', 'c', valid(3), 'private', null);
    store.remove('g', 'd', null);
    assert.equal(store.count('g', { visibility: { memberId: 1 } }), 1);
    assert.equal(store.count('g', { visibility: { memberId: 2 } }), 2);
    store.close();
  });
});
