import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { clauses, isAbbreviationAt, sentences } from '../../src/text/segment.ts';
import { sentencesIn } from '../../src/analysis/text.ts';
import { segmentUnits } from '../../src/analysis/claims/segment.ts';
import { parsePlainText } from '../../src/document/parse.ts';

const cut = (text: string, spans: readonly { from: number; to: number }[]) => spans.map((s) => text.slice(s.from, s.to));

describe('sentences', () => {
  const cases: [string, string, string[]][] = [
    ['plain stops', 'One is here. Two is there! Three? Four.', ['One is here.', 'Two is there!', 'Three?', 'Four.']],
    ['abbreviations and initials', 'Gen. Smith met Dr. Jones and V. I. Lenin in the U.S.S.R. on Tuesday. Then he left.', ['Gen. Smith met Dr. Jones and V. I. Lenin in the U.S.S.R. on Tuesday.', 'Then he left.']],
    ['Latin shorthands', 'Some texts, e.g. this one, say so. Others do not.', ['Some texts, e.g. this one, say so.', 'Others do not.']],
    ['decimals', 'It grew 3.5 percent. Then 4.7 Million more.', ['It grew 3.5 percent.', 'Then 4.7 Million more.']],
    ['closing quotes and brackets', 'He said "it is over." (That was all.) Then silence.', ['He said "it is over."', '(That was all.)', 'Then silence.']],
    ['glued note numbers', 'A positive outcome.1 Similarly, the next.12 And more.[3] Last.', ['A positive outcome.1', 'Similarly, the next.12', 'And more.[3]', 'Last.']],
    ['a lower-case continuation', 'It cost 5 p. per page. ok. Fine.', ['It cost 5 p. per page. ok.', 'Fine.']],
    ['an opening ¿ or a digit', 'First. ¿Qué pasa? 1973 was hard.', ['First.', '¿Qué pasa?', '1973 was hard.']],
    ['surrounding whitespace', '  \n Trimmed here.  \n ', ['Trimmed here.']],
    ['only whitespace', ' \n\t ', []],
  ];
  for (const [name, text, expected] of cases) it(name, () => assert.deepEqual(cut(text, sentences(text)), expected));

  it('segments a range of a larger text, with offsets into it', () => {
    const text = 'Before. Inside one. Inside two. After.';
    const from = text.indexOf('Inside');
    const to = text.indexOf(' After');
    assert.deepEqual(cut(text, sentences(text, from, to)), ['Inside one.', 'Inside two.']);
  });

  it('takes known markers as part of the sentence they follow', () => {
    const text = 'It ended.   Next one.';
    // A blanked marker (as claims mask them) right after the stop.
    assert.deepEqual(cut(text, sentences(text, 0, text.length, { markers: [{ from: 9, to: 11 }] })), ['It ended.  ', 'Next one.']);
  });

  it('is the segmenter of both the detectors and the claims', () => {
    const text = 'Gen. Smith met Dr. Jones in 1973. It cost 3.5 million; the talks then broke down and were never resumed at all; nobody knew why.';
    assert.deepEqual(sentencesIn(text, 0, text.length), sentences(text));
    const units = segmentUnits(parsePlainText(text));
    assert.deepEqual(units.map((u) => u.text), ['Gen. Smith met Dr. Jones in 1973.', 'It cost 3.5 million; the talks then broke down and were never resumed at all; nobody knew why.']);
  });

  it('stays linear on hostile input', () => {
    for (const text of ['a.'.repeat(200_000), '.'.repeat(400_000), 'A. '.repeat(100_000), `${'x'.repeat(400_000)}.`]) {
      assert.ok(sentences(text).length >= 1);
    }
  });
});

describe('isAbbreviationAt', () => {
  const cases: [string, boolean][] = [['Dr.', true], ['e.g.', true], ['U.S.', true], ['J.', true], ['Sept.', true], ['end.', false], ['The.', false], ['x.', false]];
  for (const [text, expected] of cases) it(`"${text}" ${expected ? 'does not end' : 'may end'} a sentence`, () => assert.equal(isAbbreviationAt(text, text.length - 1), expected));
});

describe('clauses', () => {
  it('splits at a semicolon with six words on each side', () => {
    const text = 'The first clause has six words here; the second clause has six words too.';
    assert.deepEqual(cut(text, clauses(text, { from: 0, to: text.length })), ['The first clause has six words here;', ' the second clause has six words too.']);
  });
  it('keeps a short side attached', () => {
    const text = 'Short one; the second clause has six words too.';
    assert.deepEqual(cut(text, clauses(text, { from: 0, to: text.length })), [text]);
  });
  it('stays linear on a sentence of many semicolons', () => {
    const text = 'a b c d e f g; '.repeat(30_000);
    assert.equal(clauses(text, { from: 0, to: text.length }).length, 30_000);
  });
});
