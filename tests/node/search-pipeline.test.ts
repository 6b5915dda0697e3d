import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildLunrIndex, indexTerms, MAX_TERM_LENGTH } from '../../src/search/pipeline.ts';
import { tokenize } from '../../src/search/tokenize.ts';

describe('search pipeline', () => {
  describe('indexTerms', () => {
    it('folds case and accents in both fields', () => {
      assert.deepEqual(indexTerms('Café', 'exact'), ['cafe']);
      assert.deepEqual(indexTerms('Zürich', 'body'), ['zurich']);
    });

    it('stems body terms and leaves exact terms whole', () => {
      assert.deepEqual(indexTerms('Relations', 'body'), indexTerms('relation', 'body'));
      assert.deepEqual(indexTerms('Relations', 'exact'), ['relations']);
    });

    it('keeps stop words (a phrase must find every word)', () => {
      assert.deepEqual(indexTerms('the', 'body'), ['the']);
    });

    it('gives nothing for a word that folding empties', () => {
      assert.deepEqual(indexTerms('\u0301', 'exact'), []);
    });
  });

  describe('buildLunrIndex', () => {
    const text = 'Treaties were signed in Zürich.';
    const index = buildLunrIndex([{ ref: '0', body: tokenize(text, 0), exact: tokenize(text, 0) }]);

    it('finds a passage by an inflected, unaccented form of its words', () => {
      assert.deepEqual(index.query((q) => q.term(indexTerms('treaty', 'body'), { fields: ['body'], usePipeline: false })).map((r) => r.ref), ['0']);
      assert.deepEqual(index.query((q) => q.term('zurich', { fields: ['exact'], usePipeline: false })).map((r) => r.ref), ['0']);
    });

    it('records each hit as [from, length] in the source', () => {
      const [hit] = index.query((q) => q.term('zurich', { fields: ['exact'], usePipeline: false }));
      assert.ok(hit, 'the word is found');
      const positions = (hit.matchData.metadata as Record<string, Record<string, { position: [number, number][] }>>).zurich?.exact?.position;
      assert.deepEqual(positions, [[text.indexOf('Zürich'), 'Zürich'.length]]);
    });

    it('indexes a word longer than MAX_TERM_LENGTH by its start', () => {
      const long = 'x'.repeat(MAX_TERM_LENGTH + 10);
      const big = buildLunrIndex([{ ref: 'long', body: tokenize(long, 0), exact: tokenize(long, 0) }]);
      const found = big.query((q) => q.term('x'.repeat(MAX_TERM_LENGTH), { fields: ['exact'], usePipeline: false }));
      assert.deepEqual(found.map((r) => r.ref), ['long']);
    });
  });
});
