import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { bringIntoColumns, layoutFor, MAX_COLUMNS, readColumns, toggleColumn } from '../../src/app/columns.ts';

const ids = ['a', 'b', 'c', 'd', 'e'];

describe('texts side by side', () => {
  it('reads the choice from the URL: known ids, once each, at most three; else the first two', () => {
    assert.deepEqual(readColumns(['c', 'x', 'c', 'a'], ids), ['c', 'a']);
    assert.deepEqual(readColumns(['a', 'b', 'c', 'd'], ids), ['a', 'b', 'c']);
    assert.deepEqual(readColumns(['x'], ids), ['a', 'b']);
    assert.deepEqual(readColumns(undefined, ['only']), ['only']);
  });

  it('toggles a text: adds at the end, replaces the last at the maximum, never removes the last one', () => {
    assert.deepEqual(toggleColumn(['a'], 'b'), ['a', 'b']);
    assert.deepEqual(toggleColumn(['a', 'b', 'c'], 'd'), ['a', 'b', 'd']);
    assert.deepEqual(toggleColumn(['a', 'b'], 'a'), ['b']);
    const one = ['a'];
    assert.equal(toggleColumn(one, 'a'), one);
  });

  it('brings a text on screen in the last visible place, or leaves a visible one where it is', () => {
    const cols = ['a', 'b', 'c'];
    assert.equal(bringIntoColumns(cols, 'b', 3), cols);
    assert.deepEqual(bringIntoColumns(cols, 'e', 3), ['a', 'b', 'e']);
    assert.deepEqual(bringIntoColumns(cols, 'c', 2), ['a', 'c']);
    assert.deepEqual(bringIntoColumns(cols, 'e', 1), ['e']);
  });

  it('fits three readable columns at 1440 px with the lists over them, two with the lists docked', () => {
    assert.deepEqual(layoutFor(1440, 3), { visible: 3, listsDocked: false });
    assert.deepEqual(layoutFor(1440, 2), { visible: 2, listsDocked: true });
    assert.deepEqual(layoutFor(1440, 1), { visible: 1, listsDocked: true });
    assert.equal(layoutFor(1000, 3).visible, 2);
    assert.equal(layoutFor(300, 3).visible, 1);
    assert.ok(layoutFor(10000, 10).visible <= MAX_COLUMNS);
  });
});
