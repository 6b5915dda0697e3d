import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ANNOTATION_SHARD_SIZE, MAX_INDEXED_BODY_LENGTH, SearchEngine, type AnnotationText } from '../../src/search/engine.ts';
import { MAX_TERM_LENGTH, buildLunrIndex, type LunrDoc } from '../../src/search/pipeline.ts';
import { buildShardIndex } from '../../src/search/annotation-index.ts';

const SOURCE = 'The consul arrived by sea and stayed two winters.\n\nHe wrote reports home about the harbour.';

function engine(): SearchEngine {
  return SearchEngine.build([{ id: 'doc', source: SOURCE }]);
}

function body(id: string, text: string): AnnotationText {
  return { id, docId: 'doc', from: 4, to: 10, text, kind: 'comment' };
}

const annotationIds = (e: SearchEngine, query: string): string[] =>
  e.search(query).hits.filter((h) => h.source === 'annotation').map((h) => h.annotation!.id).sort();

describe('annotation bodies that could poison the index', () => {
  it('indexes a 15 MB one-word comment without a RangeError, and every other body is still found', () => {
    const e = engine();
    const huge = 'a'.repeat(15 * 1024 * 1024);
    assert.doesNotThrow(() =>
      e.addAnnotations([body('before', 'harbourmaster remarks'), body('huge', huge), body('after', 'consular harbourmaster notes')]),
    );
    assert.deepEqual(annotationIds(e, 'harbourmaster'), ['after', 'before']);
    // Later changes still index: the engine is not left broken.
    e.addAnnotations([body('later', 'a later harbourmaster remark')]);
    assert.deepEqual(annotationIds(e, 'harbourmaster'), ['after', 'before', 'later']);
  });

  it('indexes only the start of a long body, and finds words there', () => {
    const e = engine();
    const text = `opening word ${'filler '.repeat(MAX_INDEXED_BODY_LENGTH / 7 + 10)} trailingword`;
    e.addAnnotations([body('long', text)]);
    assert.deepEqual(annotationIds(e, 'opening'), ['long']);
    assert.deepEqual(annotationIds(e, 'trailingword'), []);
  });

  it('cuts a long word to its first MAX_TERM_LENGTH characters, so its start is found by prefix', () => {
    const e = engine();
    const word = `pneumono${'x'.repeat(200)}`;
    e.addAnnotations([body('word', `a ${word} b`)]);
    assert.deepEqual(annotationIds(e, 'pneumono*'), ['word']);
    const hit = e.search('pneumono*').hits.find((h) => h.source === 'annotation')!;
    // The match covers the whole word in the body, not only its indexed start.
    assert.deepEqual(hit.annotation!.bodyMatches, [[2, 2 + word.length]]);
    assert.ok(MAX_TERM_LENGTH <= 64);
  });

  it('finds every one of many bodies spread over several shards', () => {
    const e = engine();
    const n = ANNOTATION_SHARD_SIZE * 3 + 7;
    e.addAnnotations(Array.from({ length: n }, (_, i) => body(`n${i}`, `note number w${i} on the harbour`)));
    assert.equal(e.search('harbour').hits.filter((h) => h.source === 'annotation').length, n);
    for (const i of [0, ANNOTATION_SHARD_SIZE - 1, ANNOTATION_SHARD_SIZE, n - 1]) assert.deepEqual(annotationIds(e, `w${i}`), [`n${i}`]);
  });

  it('replaces and removes bodies across shards by id', () => {
    const e = engine();
    const n = ANNOTATION_SHARD_SIZE + 10;
    e.addAnnotations(Array.from({ length: n }, (_, i) => body(`n${i}`, `first wording ${i}`)));
    e.addAnnotations([body('n3', 'second wording'), body(`n${n - 1}`, 'second wording')]);
    e.removeAnnotations(['n5']);
    assert.deepEqual(annotationIds(e, 'second'), ['n3', `n${n - 1}`].sort());
    assert.equal(annotationIds(e, 'first').length, n - 3);
    assert.ok(!annotationIds(e, 'first').includes('n5'));
  });

  it('keeps indexing the other bodies when one body cannot be indexed', () => {
    const e = engine();
    // A body whose text throws when read: the failure of one body must stay with that body.
    const poisoned = body('poisoned', 'x');
    Object.defineProperty(poisoned, 'text', { get: () => { throw new RangeError('Too many properties to enumerate'); }, enumerable: true });
    const items = Array.from({ length: 20 }, (_, i) => body(`ok${i}`, `harbour note ${i}`));
    items.splice(7, 0, poisoned);
    assert.doesNotThrow(() => e.addAnnotations(items));
    assert.equal(annotationIds(e, 'harbour').length, 20);
  });

  it('leaves out only the bodies lunr fails on, and indexes the rest of their shard', () => {
    const list = Array.from({ length: 40 }, (_, i) => body(`n${i}`, i === 13 || i === 31 ? 'poison harbour' : `harbour ${i}`));
    // A builder that fails whenever a poisoned body is in the batch, as lunr did on a 15 MB word.
    const failing = (docs: readonly LunrDoc[]) => {
      if (docs.some((d) => d.body.some((w) => w.text === 'poison'))) throw new RangeError('Too many properties to enumerate');
      return buildLunrIndex(docs);
    };
    const { index, failed } = buildShardIndex(list, failing);
    assert.equal(failed, 2);
    const refs = index!.search('harbour').map((r) => Number(r.ref)).sort((a, b) => a - b);
    assert.deepEqual(refs, Array.from({ length: 40 }, (_, i) => i).filter((i) => i !== 13 && i !== 31));
  });

  it('treats the bodies the session re-adds unchanged (remove all, add all) as unchanged', () => {
    const e = engine();
    const items = Array.from({ length: ANNOTATION_SHARD_SIZE * 2 }, (_, i) => body(`n${i}`, `harbour note ${i}`));
    e.addAnnotations(items);
    e.removeAnnotations(items.map((i) => i.id));
    e.addAnnotations([...items, body('new', 'harbour new')]);
    assert.equal(annotationIds(e, 'harbour').length, items.length + 1);
    assert.equal(e.annotationShardsBuilt, 3, 'two shards at first, then only the one that took the new body');
  });
});
