import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parsePlainText } from '../../src/document/parse.ts';
import { fold, TRANSLITERATION_RULES, wordKey } from '../../src/analysis/claims/normalize.ts';
import { segmentUnits } from '../../src/analysis/claims/segment.ts';
import { readDates, readNames, readNumbers, readSlots } from '../../src/analysis/claims/slots.ts';
import { compareSlots } from '../../src/analysis/claims/compare.ts';

const sentences = (source: string): string[] => segmentUnits(parsePlainText(source)).map((u) => source.slice(u.from, u.to));

describe('claims: normalisation', () => {
  it('folds case and diacritics', () => {
    assert.equal(fold('Corvalán'), 'corvalan');
    assert.equal(fold('Zürich'), 'zurich');
    assert.equal(fold('ŁÓDŹ'), 'lodz');
  });

  const sameKey: ReadonlyArray<readonly [string, string]> = [
    ['Corvalán', 'Corvalan'],
    ['Zürich', 'Zurich'],
    ['Yuri', 'Jurij'],
    ['Yurii', 'Yury'],
    ['Petrovskij', 'Petrovsky'],
    ['Wladimir', 'Vladimir'],
    ['Breschnew', 'Brezhnev'],
    ['Joseph', 'Josef'],
    ['Allende', 'Alende'],
    ["Allende's", 'Allende'],
    ['Frei’s', 'Frei'],
  ];
  for (const [x, y] of sameKey) {
    it(`gives ${x} and ${y} one key`, () => assert.equal(wordKey(x), wordKey(y)));
  }

  const differentKey: ReadonlyArray<readonly [string, string]> = [
    ['Moscow', 'Madrid'],
    ['Frei', 'Free'],
    ['Castro', 'Costa'],
  ];
  for (const [x, y] of differentKey) {
    it(`keeps ${x} and ${y} apart`, () => assert.notEqual(wordKey(x), wordKey(y)));
  }

  it('documents its transliteration rules', () => {
    assert.ok(TRANSLITERATION_RULES.length >= 5);
    assert.ok(TRANSLITERATION_RULES.every((r) => r.includes('→')));
  });
});

describe('claims: segmentation', () => {
  it('does not cut at abbreviations, initials, acronyms or decimals', () => {
    const text = 'Dr. Smith met Gen. Lee in the U.S. capital on Friday. The talks lasted 3.5 hours. V. I. Lenin was not there.\n';
    assert.deepEqual(sentences(text), [
      'Dr. Smith met Gen. Lee in the U.S. capital on Friday.',
      'The talks lasted 3.5 hours.',
      'V. I. Lenin was not there.',
    ]);
  });

  it('cuts after closing quotes and ends units before footnote markers', () => {
    const text = 'He called it “a silent war.” Others disagreed.[3] Nobody wrote it down.\n';
    assert.deepEqual(sentences(text), ['He called it “a silent war.”', 'Others disagreed.', 'Nobody wrote it down.']);
  });

  it('splits a long sentence into clauses at a semicolon, but not a short one', () => {
    const long = 'The army occupied the northern provinces in the spring; the navy blockaded every southern port until the autumn.\n';
    assert.equal(sentences(long).length, 2);
    const short = 'It rained; we stayed at home all day long.\n';
    assert.equal(sentences(short).length, 1);
  });

  it('gives offsets into the source text', () => {
    const text = 'Heading\n\nFirst sentence here. Second sentence there.\n';
    const units = segmentUnits(parsePlainText(text));
    assert.ok(units.length >= 2);
    for (const u of units) assert.equal(text.slice(u.from, u.to).replace(/\s+/gu, ' '), u.text.replace(/\s+/gu, ' '));
  });

  it('skips headings and captions', () => {
    const text = 'A Short History\n\nThe war ended in the spring of that year.\n';
    assert.deepEqual(sentences(text), ['The war ended in the spring of that year.']);
  });
});

describe('claims: slots', () => {
  const dates: ReadonlyArray<readonly [string, string]> = [
    ['on 18 December 1976 in Zurich', '18 December 1976'],
    ['on December 19, 1976, at dawn', '19 December 1976'],
    ['on the 3rd of May, 1950', '3 May 1950'],
    ['in Sept. 1973', 'September 1973'],
    ['in March of 1990', 'March 1990'],
    ['from 1964 onwards', '1964'],
    ['dated 1976-12-18', '18 December 1976'],
  ];
  for (const [text, label] of dates) {
    it(`reads the date in "${text}"`, () => assert.deepEqual(readDates(text).map((d) => d.label), [label]));
  }

  it('reads no date from decades, amounts or page numbers', () => {
    assert.deepEqual(readDates('in the 1970s'), []);
    assert.deepEqual(readDates('a sum of 1500 million'), []);
    assert.deepEqual(readDates('pages 12-14'), []);
  });

  it('reads amounts with their scale, unit and bound', () => {
    const n = readNumbers('credits of less than $350 million and 300,000 tons of wheat', []);
    assert.deepEqual(n.map((x) => [x.value, x.unit, x.bound]), [[350e6, '$', 'at-most'], [300000, 'ton', 'exact']]);
    assert.equal(n[0]!.label, 'less than $350 million');
    assert.equal(n[1]!.label, '300,000 tons');
    assert.deepEqual(readNumbers('some 350 million US dollars', []).map((x) => [x.value, x.unit, x.bound]), [[350e6, '$', 'about']]);
    assert.deepEqual(readNumbers('8 million rubles', []).map((x) => x.unit), ['ruble']);
  });

  it('reads a currency sign glued to the word before it', () => {
    const n = readNumbers('short-term credits and$162.0 million more', []);
    assert.deepEqual(n.map((x) => [x.value, x.unit]), [[162e6, '$']]);
  });

  it('does not read a number inside a word or a date', () => {
    const text = 'the B52 flew on 4 May 1960';
    assert.deepEqual(readNumbers(text, readDates(text)), []);
  });

  it('reads capitalised name sequences, not sentence openers or months', () => {
    const names = readNames('The victory of Salvador Allende in September surprised Eduardo Frei Montalva and the Soviet Union.');
    assert.deepEqual(names.map((n) => n.label), ['Salvador Allende', 'Eduardo Frei Montalva', 'Soviet Union']);
  });
});

describe('claims: comparing slots', () => {
  const oneEvent = { sameNames: [], strongWording: false, sameEvent: true };
  const cases: ReadonlyArray<{ name: string; a: string; b: string; relation: string; differences: string[][] }> = [
    { name: 'a day apart', a: 'freed on 18 December 1976', b: 'freed on 19 December 1976', relation: 'conflicts', differences: [['18 December 1976', '19 December 1976']] },
    { name: 'a year apart', a: 'signed on 4 May 1950', b: 'signed on 4 May 1951', relation: 'conflicts', differences: [['4 May 1950', '4 May 1951']] },
    { name: 'the same date in two formats', a: 'on 18 December 1976', b: 'on December 18, 1976', relation: 'agrees', differences: [] },
    { name: 'a month and a full date', a: 'in December 1976', b: 'on 19 December 1976', relation: 'related', differences: [] },
    { name: 'two bare years', a: 'in 1970', b: 'in 1972', relation: 'related', differences: [] },
    { name: 'two amounts', a: 'credits of $120 million', b: 'credits of $150 million', relation: 'conflicts', differences: [['$120 million', '$150 million']] },
    { name: 'a figure within a bound', a: 'less than $350 million in credits', b: '$98.5 million in credits', relation: 'related', differences: [] },
    { name: 'a figure beyond a bound', a: 'less than $50 million in credits', b: '$98.5 million in credits', relation: 'conflicts', differences: [['less than $50 million', '$98.5 million']] },
    { name: 'an estimate close to a figure', a: 'some 300,000 tons of wheat', b: '310,000 tons of wheat', relation: 'related', differences: [] },
    { name: 'figures of different things', a: '300,000 tons of wheat', b: '250,000 soldiers', relation: 'related', differences: [] },
  ];
  for (const c of cases) {
    it(`compares ${c.name}`, () => {
      const r = compareSlots(readSlots(c.a), readSlots(c.b), oneEvent);
      assert.equal(r.relation, c.relation);
      assert.deepEqual(r.differences.map((d) => [d.a, d.b]), c.differences);
    });
  }

  it('reports no conflict when the pair does not tell one event', () => {
    const r = compareSlots(readSlots('on 18 December 1976'), readSlots('on 19 December 1976'), { ...oneEvent, sameEvent: false });
    assert.equal(r.relation, 'related');
    assert.deepEqual(r.differences, []);
  });
});
