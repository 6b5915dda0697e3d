import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { termKey, termsOf } from '../../src/analysis/claims/terms.ts';

describe('claim terms', () => {
  describe('termKey', () => {
    it('gives inflected forms of a word one key', () => {
      assert.equal(termKey('relations'), termKey('relation'));
      assert.equal(termKey('Treaties'), termKey('treaty'));
    });

    it('has no key for a stop word, a number or a single letter', () => {
      for (const word of ['the', '1973', 'a']) assert.equal(termKey(word), null, word);
    });

    it('answers the same for a word asked twice (the cache changes nothing)', () => {
      assert.equal(termKey('negotiations'), termKey('negotiations'));
    });
  });

  describe('termsOf', () => {
    it('lists the content words in order with their offsets, skipping stop words', () => {
      const text = 'The treaties were signed.';
      const terms = termsOf(text);
      assert.ok(terms.length > 0);
      assert.deepEqual(terms.map((t) => text.slice(t.from, t.to)), ['treaties', 'signed']);
      assert.equal(terms[0]?.key, termKey('treaty'));
    });

    it('finds nothing in an empty text', () => {
      assert.deepEqual(termsOf(''), []);
    });
  });
});
