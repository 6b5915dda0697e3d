import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { intervals, NoSamplesError, percentile, summarize } from '../../bench/stats.ts';
import { formatTable, makeResult } from '../../bench/report.ts';

describe('bench statistics', () => {
  it('gives the median of an odd and an even number of runs, with min and max', () => {
    assert.deepEqual(summarize([5, 1, 3]), { median: 3, min: 1, max: 5, runs: 3 });
    assert.deepEqual(summarize([4, 1, 3, 2]), { median: 2.5, min: 1, max: 4, runs: 4 });
  });

  it('interpolates percentiles between closest ranks', () => {
    const values = Array.from({ length: 21 }, (_, i) => i * 10);
    assert.equal(percentile(values, 95), 190);
    assert.equal(percentile([0, 10], 95), 9.5);
    assert.equal(percentile([7], 95), 7);
  });

  it('refuses empty samples and nonsense percentiles by name', () => {
    assert.throws(() => summarize([]), NoSamplesError);
    assert.throws(() => percentile([1], 101), RangeError);
    assert.throws(() => summarize([1, Number.NaN]), RangeError);
  });

  it('turns frame timestamps into frame times', () => {
    assert.deepEqual(intervals([0, 16, 40]), [16, 24]);
    assert.deepEqual(intervals([5]), []);
  });
});

describe('bench results', () => {
  it('computes the ratio to the baseline and checks every target', () => {
    const r = makeResult('x', 'ms', summarize([30]), {
      baseline: summarize([20]),
      targets: [
        { on: 'ratio', op: '<=', limit: 1.5 },
        { on: 'value', op: '<=', limit: 25 },
      ],
    });
    assert.equal(r.ratio, 1.5);
    assert.equal(r.meets, false);
    assert.equal(r.target, '≤ 1.5× baseline, ≤ 25 ms');
  });

  it('leaves ratio and meets empty without a baseline or a target', () => {
    const r = makeResult('y', 'MB', summarize([3]));
    assert.equal(r.ratio, null);
    assert.equal(r.meets, null);
    assert.equal(r.baseline, null);
  });

  it('fails a ratio target when there is no baseline to divide by', () => {
    const r = makeResult('z', 'ms', summarize([3]), { targets: [{ on: 'ratio', op: '<=', limit: 2 }] });
    assert.equal(r.meets, false);
  });

  it('prints one table row per result with a NO for a missed target', () => {
    const table = formatTable([
      makeResult('met', 'ms', summarize([1]), { targets: [{ on: 'value', op: '<=', limit: 2 }] }),
      makeResult('missed', 'ms', summarize([3]), { targets: [{ on: 'value', op: '<=', limit: 2 }] }),
    ]);
    const lines = table.split('\n');
    assert.equal(lines.length, 4);
    assert.match(lines[2]!, /\| met .*\| yes +\|$/);
    assert.match(lines[3]!, /\| missed .*\| NO +\|$/);
  });
});
