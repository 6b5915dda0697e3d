import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { backOff, familyOf, isGenre, MAX_SHARE, MIN_FIRINGS } from '../../src/analysis/damage/genre.ts';
import { flag } from '../../src/analysis/finding.ts';

const f = (rule: string | undefined, at: number) => flag('damage', 'truncated', { from: at, to: at + 1 }, 'A flag.', 0.7, ['seen'], rule);

describe('genre back-off', () => {
  it('groups rules by the family before ":"', () => {
    assert.equal(familyOf('breaks/end:comma'), 'breaks/end');
    assert.equal(familyOf('tokens/doubled-word'), 'tokens/doubled-word');
  });

  it(`backs off a family firing on more than ${MAX_SHARE} of the sentences, at least ${MIN_FIRINGS} times`, () => {
    assert.equal(isGenre(MIN_FIRINGS, MIN_FIRINGS), true);
    assert.equal(isGenre(MIN_FIRINGS - 1, 1), false, 'too few firings never back off');
    assert.equal(isGenre(10, 40), false, 'exactly the share is still damage');
    assert.equal(isGenre(11, 40), true);
  });

  it('drops only the family that fires too often and keeps flags without a rule', () => {
    const flags = [
      ...[0, 1, 2, 3, 4, 5].map((i) => f(i % 2 ? 'breaks/end:comma' : 'breaks/end:unpunctuated', i)),
      f('breaks/start:lowercase', 10),
      f(undefined, 11),
    ];
    assert.deepEqual(backOff(flags, 20).map((x) => x.from), [10, 11]);
    assert.equal(backOff(flags, 40).length, flags.length);
  });
});
