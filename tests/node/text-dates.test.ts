import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readDates } from '../../src/text/dates.ts';
import { readNumbers } from '../../src/text/quantities.ts';
import { readSlots } from '../../src/analysis/claims/slots.ts';
import { detectContradictions } from '../../src/analysis/damage/contradiction.ts';
import { parsePlainText } from '../../src/document/parse.ts';

describe('readDates', () => {
  const cases: [string, string, [number | null, number | null, number | null]][] = [
    ['on Sept. 21, 1973 the talks ended', 'Sept. 21, 1973', [1973, 9, 21]],
    ['on Sep 21 1973 the talks ended', 'Sep 21 1973', [1973, 9, 21]],
    ['on 21 Sept. 1973 the talks ended', '21 Sept. 1973', [1973, 9, 21]],
    ['on the 21st of September, 1973', '21st of September, 1973', [1973, 9, 21]],
    ['on September 21, 1973', 'September 21, 1973', [1973, 9, 21]],
    ['dated 1973-09-21 in the file', '1973-09-21', [1973, 9, 21]],
    ['in December of 1976', 'December of 1976', [1976, 12, null]],
    ['on 18 December they met', '18 December', [null, 12, 18]],
    ['by 1964 it was over', '1964', [1964, null, null]],
  ];
  for (const [text, exact, [year, month, day]] of cases) {
    it(`reads "${exact}" in "${text}" as ${[day, month, year].join('/')}`, () => {
      const dates = readDates(text);
      assert.equal(dates.length, 1, JSON.stringify(dates));
      const d = dates[0]!;
      assert.equal(text.slice(d.from, d.to), exact);
      assert.deepEqual([d.year, d.month, d.day], [year, month, day]);
    });
  }

  it('prefers the most precise reading and never overlaps', () => {
    const dates = readDates('From 11 September 1973 to October 1973 and then 1974.');
    assert.deepEqual(dates.map((d) => d.label), ['11 September 1973', 'October 1973', '1974']);
  });

  it('reads no date from decades, amounts, impossible days or months', () => {
    for (const text of ['in the 1970s', 'a sum of 1500 million', '2000 percent', 'on 32 March 1970', '1973-13-01']) {
      assert.deepEqual(readDates(text).map((d) => d.label).filter((l) => /\d{1,2} \p{L}/u.test(l)), [], text);
    }
    assert.deepEqual(readDates('in the 1970s'), []);
  });

  it('stays linear on a long run of dates', () => {
    const text = '1973 '.repeat(20_000);
    assert.equal(readDates(text).length, 20_000);
  });
});

describe('readNumbers', () => {
  it('reads amounts with scale, unit and bound, outside dates', () => {
    const text = 'Less than $350 million reached 300,000 tons by 12 May 1970, about 40% of five thousand ships.';
    const numbers = readNumbers(text, readDates(text));
    assert.deepEqual(
      numbers.map((n) => [n.value, n.unit, n.bound]),
      [[350e6, '$', 'at-most'], [300000, 'ton', 'exact'], [40, '%', 'about'], [5000, 'ship', 'exact']],
    );
  });

  it('stays linear on a text of bare figures', () => {
    const text = '7 '.repeat(50_000);
    assert.equal(readNumbers(text, []).length, 50_000);
  });
});

describe('one date reader for claims and damage', () => {
  it('claims read "Sept. 21, 1973" as the same date the contradiction detector compares', () => {
    assert.deepEqual(readSlots('Relations were cut on Sept. 21, 1973.').dates.map((d) => d.label), ['21 September 1973']);
  });

  it('the contradiction detector reads "Sept. 21, 1973" (it read only full month names before)', () => {
    const text = [
      'The government suspended relations with the embassy on Sept. 21, 1973.',
      '',
      'Relations with the embassy were cut on 22 September 1973, days after the coup.',
    ].join('\n');
    const found = detectContradictions(parsePlainText(text));
    assert.equal(found.length, 2);
    assert.match(found[0]!.description, /Sept\. 21, 1973 here but 22 September 1973/u);
  });
});
