// Unit tests of two small pieces every highlight and search hit passes through: the source ↔ position map and
// the match ranges of search.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { OffsetMap } from '../../src/document/offset-map.ts';
import { buildLunrIndex, EXACT_FIELD, indexTerms } from '../../src/search/pipeline.ts';
import { tokenize } from '../../src/search/tokenize.ts';
import { mergeRanges, unitMatches, type MatchMetadata } from '../../src/search/matches.ts';

describe('OffsetMap', () => {
  // Two blocks: source 10–15 at positions 1–6, source 20–24 at positions 8–12 (a block boundary between).
  const map = new OffsetMap([
    { from: 10, to: 15, pos: 1 },
    { from: 20, to: 24, pos: 8 },
  ]);

  it('maps offsets inside segments exactly, both ways', () => {
    assert.equal(map.toPos(12), 3);
    assert.equal(map.toPos(20), 8);
    assert.equal(map.toOffset(3), 12);
    assert.equal(map.toOffset(10), 22);
    for (let o = 10; o <= 15; o++) assert.equal(map.toOffset(map.toPos(o)!, -1), o);
  });

  it('snaps structural whitespace to the previous segment end (bias -1) or the next start (bias 1)', () => {
    assert.equal(map.toPos(17, -1), 6);
    assert.equal(map.toPos(17, 1), 8);
    assert.equal(map.toPos(0, -1), 1, 'before the first segment there is only the next');
    assert.equal(map.toPos(99, 1), 12, 'after the last there is only the previous');
    assert.equal(map.toOffset(7, -1), 15);
    assert.equal(map.toOffset(7, 1), 20);
  });

  it('shrinks a range to the text it covers, and has none for whitespace alone', () => {
    assert.deepEqual(map.toRange(12, 22), { from: 3, to: 10 });
    assert.deepEqual(map.toRange(16, 24), { from: 8, to: 12 });
    assert.equal(map.toRange(16, 19), null);
  });

  it('has nothing to say when empty', () => {
    const empty = new OffsetMap([]);
    assert.equal(empty.toPos(3), null);
    assert.equal(empty.toOffset(3), null);
    assert.equal(empty.toRange(0, 3), null);
  });
});

describe('search match ranges', () => {
  const text = 'The envoy met the envoy of Chile. Envoys met again.';
  const words = tokenize(text);
  const index = buildLunrIndex([{ ref: 'p', body: words, exact: words }]);
  const metadataFor = (query: string): MatchMetadata => {
    const result = index.query((q) => {
      for (const t of indexTerms(query, EXACT_FIELD)) q.term(t, { fields: [EXACT_FIELD], usePipeline: false });
    })[0];
    return (result?.matchData.metadata ?? {}) as MatchMetadata;
  };

  it('finds every occurrence of a term as a range of the text', () => {
    const ranges = mergeRanges(unitMatches({ kind: 'term', word: 'envoy' }, metadataFor('envoy'), text));
    assert.ok(ranges.length >= 2);
    for (const [s, e] of ranges) assert.match(text.slice(s, e), /^envoy/iu);
  });

  it('matches a phrase only where its words follow each other', () => {
    const meta = { ...metadataFor('envoy'), ...metadataFor('of') };
    const ranges = unitMatches({ kind: 'phrase', words: ['envoy', 'of'] }, meta, text);
    assert.deepEqual(ranges.map(([s, e]) => text.slice(s, e)), ['envoy of']);
  });

  it('merges overlapping and duplicate ranges, in order', () => {
    assert.deepEqual(mergeRanges([[5, 9], [0, 3], [2, 4], [5, 9], [8, 12]]), [[0, 4], [5, 12]]);
    assert.deepEqual(mergeRanges([]), []);
  });
});
