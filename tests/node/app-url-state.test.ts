import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readUrlState, updateUrlHash, writeUrlState } from '../../src/app/url-state.ts';

describe('URL state: each part written by its own action, merged into the hash', () => {
  const full = '#doc=b&at=10-20&a=urn%3Auuid%3A1&q=Corvalan&texts=a%2Cb';

  it('round-trips the texts side by side, ids with commas included', () => {
    const state = { texts: ['one', 'two,three', 'four%'] };
    assert.deepEqual(readUrlState(writeUrlState(state)), state);
  });

  it('an empty query removes only the query', () => {
    assert.deepEqual(readUrlState(updateUrlHash(full, { query: '' })), { doc: 'b', at: { from: 10, to: 20 }, annotation: 'urn:uuid:1', texts: ['a', 'b'] });
  });

  it('a selection sets the passage and keeps the annotation, query and texts', () => {
    const state = readUrlState(updateUrlHash(full, { passage: { doc: 'a', at: { from: 1, to: 4 } } }));
    assert.deepEqual(state, { doc: 'a', at: { from: 1, to: 4 }, annotation: 'urn:uuid:1', query: 'Corvalan', texts: ['a', 'b'] });
  });

  it('opening an annotation sets it and keeps the passage, query and texts', () => {
    const state = readUrlState(updateUrlHash(full, { annotation: 'urn:uuid:2' }));
    assert.deepEqual(state, { doc: 'b', at: { from: 10, to: 20 }, annotation: 'urn:uuid:2', query: 'Corvalan', texts: ['a', 'b'] });
  });

  it('choosing the texts keeps everything else', () => {
    const state = readUrlState(updateUrlHash(full, { texts: ['c'] }));
    assert.deepEqual(state, { doc: 'b', at: { from: 10, to: 20 }, annotation: 'urn:uuid:1', query: 'Corvalan', texts: ['c'] });
  });

  it('keeps parameters it does not know', () => {
    assert.equal(updateUrlHash('#x=1', { query: 'y' }), '#x=1&q=y');
    assert.equal(updateUrlHash('#q=y', { query: null }), '');
  });

  it('ignores malformed ids in the texts list', () => {
    assert.deepEqual(readUrlState('#texts=a,%E0%A4%A,,a'), { texts: ['a'] });
  });
});
