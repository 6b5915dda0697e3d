import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { anchorAll } from '../../src/annotations/anchoring/index.ts';
import { anchorAllIndexed } from '../../src/annotations/anchoring/indexed-batch.ts';
import { editDistanceWithin } from '../../src/annotations/anchoring/bounded-distance.ts';
import { OccurrenceIndex } from '../../src/annotations/anchoring/occurrences.ts';
import { editDistance } from '../../src/annotations/anchoring/similarity.ts';
import { applyEdits, generateAnnotations, generateCorpus } from '../../bench/corpus.ts';
import { Random } from '../../bench/random.ts';
import type { Annotation } from '../../src/annotations/model.ts';

const SEED_TEXTS = [
  'The council met in the old hall. The council voted, and the vote was close: the motion passed by one.\n\nThe next day the council met again; the hall was cold.',
  'A river runs past the mill. The mill stood idle for a year, then the river rose and the mill wheel turned.\n\nThe miller said the river gives and the river takes.',
];

describe('bounded edit distance', () => {
  it('equals the plain distance when within the ceiling, and ceiling + 1 beyond it', () => {
    const random = new Random(17);
    const letters = [...'abcé😀'];
    for (let n = 0; n < 3000; n++) {
      const a = Array.from({ length: random.int(0, 40) }, () => random.pick(letters)).join('');
      const b = Array.from({ length: random.int(0, 40) }, () => random.pick(letters)).join('');
      const k = random.int(0, 50);
      const d = editDistance(a, b);
      assert.equal(editDistanceWithin(a, b, k), d <= k ? d : k + 1, `${JSON.stringify(a)} ${JSON.stringify(b)} k=${k}`);
    }
  });
});

describe('occurrence index', () => {
  it('finds what repeated indexOf finds, overlapping occurrences included, up to the limit', () => {
    const text = 'aaaa banana bandana aaaaa nab ban';
    const index = new OccurrenceIndex(text);
    for (const quote of ['a', 'aa', 'aaaa', 'ban', 'banana', 'andan', 'zzzz', 'n']) {
      const expected: number[] = [];
      for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) expected.push(at);
      assert.deepEqual(index.find(quote, 1000), expected, quote);
    }
    assert.deepEqual(index.find('aaaa', 2), [0, 20]);
    assert.deepEqual(index.find('', 5), []);
  });
});

describe('indexed batch anchoring', () => {
  it('gives exactly the anchors of anchorAll on an edited, repetitive text', () => {
    const text = generateCorpus(SEED_TEXTS, { minLength: 6000, seed: 21 });
    const annotations = generateAnnotations(text, { count: 150, seed: 22, iri: 'https://example.org/t.txt' });
    for (const rate of [0, 0.02, 0.1]) {
      const edited = applyEdits(text, { rate, seed: 23 }).text;
      assert.deepEqual(anchorAllIndexed(edited, annotations), anchorAll(edited, annotations), `rate ${rate}`);
    }
  });

  it('keeps the source filter, targets without a quote, and positions outside the text', () => {
    const text = 'The mill wheel turned. The mill stood idle.';
    const annotations: Annotation[] = [
      {
        id: 'urn:uuid:1',
        type: 'Annotation',
        motivation: 'commenting',
        created: '2026-01-01T00:00:00Z',
        body: [],
        target: [
          { type: 'SpecificResource', source: 'https://a', selector: [{ type: 'TextPositionSelector', start: 4, end: 8 }] },
          { type: 'SpecificResource', source: 'https://b', selector: [{ type: 'TextQuoteSelector', exact: 'mill', prefix: 'The ', suffix: ' stood' }] },
          { type: 'SpecificResource', source: 'https://a', selector: [{ type: 'TextPositionSelector', start: 90, end: 99 }] },
          { type: 'SpecificResource', source: 'https://a', selector: [{ type: 'TextQuoteSelector', exact: 'mill', prefix: 'The ', suffix: ' stood' }, { type: 'TextPositionSelector', start: 200, end: 204 }] },
        ],
      },
    ];
    for (const options of [{}, { source: 'https://a' }, { source: 'https://b' }]) {
      assert.deepEqual(anchorAllIndexed(text, annotations, options), anchorAll(text, annotations, options), JSON.stringify(options));
    }
  });
});
