import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isWordGap, tokenize } from '../../src/search/tokenize.ts';
import { parseQuery } from '../../src/search/query.ts';
import { makeSnippet } from '../../src/search/snippet.ts';

describe('tokenize', () => {
  it('finds letter and digit runs with their offsets, apostrophes inside words kept', () => {
    const text = "«Corvalán’s» wasn't in1959, (x+y) 'quoted'";
    const words = tokenize(text);
    assert.deepEqual(words.map((w) => w.text), ['Corvalán’s', "wasn't", 'in1959', 'x', 'y', 'quoted']);
    for (const w of words) assert.equal(text.slice(w.from, w.to), w.text);
  });

  it('shifts offsets by the given base', () => {
    assert.deepEqual(tokenize('ab cd', 10).map((w) => [w.from, w.to]), [[10, 12], [13, 15]]);
  });

  it('keeps combining marks inside a word and takes no emoji or operator for a word', () => {
    assert.deepEqual(tokenize('Corvala\u0301n 😀 + - : ~ ^2').map((w) => w.text), ['Corvala\u0301n', '2']);
  });

  it('reads right-to-left letters as words', () => {
    assert.deepEqual(tokenize('שלום עולם').map((w) => w.text), ['שלום', 'עולם']);
  });

  it('tells a gap of punctuation from a gap holding a word or a number', () => {
    const text = 'one, two [3] four';
    assert.equal(isWordGap(text, 3, 5), true);
    assert.equal(isWordGap(text, 8, 13), false);
  });
});

describe('parseQuery', () => {
  it('reads words, quoted phrases (straight or curly) and prefixes', () => {
    assert.deepEqual(parseQuery('alpha "beta gamma" “delta epsilon” corv*').units, [
      { kind: 'term', word: 'alpha' },
      { kind: 'phrase', words: ['beta', 'gamma'] },
      { kind: 'phrase', words: ['delta', 'epsilon'] },
      { kind: 'prefix', prefix: 'corv' },
    ]);
  });

  it('takes operator characters for separators, not syntax', () => {
    assert.deepEqual(parseQuery('+foo -bar baz: qux~2 ^3').units.map((u) => (u.kind === 'term' ? u.word : u.kind)), [
      'foo', 'bar', 'baz', 'qux', '2', '3',
    ]);
  });

  it('runs an unclosed quote to the end as a phrase', () => {
    assert.deepEqual(parseQuery('x "open phrase').units, [
      { kind: 'term', word: 'x' },
      { kind: 'phrase', words: ['open', 'phrase'] },
    ]);
  });

  it('makes a one-word phrase a term and drops repeated words', () => {
    assert.deepEqual(parseQuery('"solo" solo Solo').units, [{ kind: 'term', word: 'solo' }]);
  });

  it('caps the number of units and says so', () => {
    const parsed = parseQuery(Array.from({ length: 40 }, (_, i) => `w${i}`).join(' '));
    assert.equal(parsed.units.length, 16);
    assert.ok(parsed.notes.length > 0);
  });

  it('gives no units for input without letters or digits', () => {
    for (const q of ['', '   ', '+', '-', '~', '"', '""', '😀😀', '\u0301', ':']) assert.deepEqual(parseQuery(q).units, [], q);
  });
});

describe('makeSnippet', () => {
  const text = 'Alpha beta gamma delta epsilon. ' .repeat(20);

  it('collapses whitespace and keeps marks on the matched words', () => {
    const src = 'one\n    two   three';
    const s = makeSnippet(src, 0, src.length, [[8, 11]]);
    assert.equal(s.text, 'one two three');
    assert.deepEqual(s.marks.map(([a, b]) => s.text.slice(a, b)), ['two']);
  });

  it('cuts at word boundaries with ellipses around a match deep in a long passage', () => {
    const at = text.indexOf('gamma', 300);
    const s = makeSnippet(text, 0, text.length, [[at, at + 5]]);
    assert.ok(s.text.startsWith('…') && s.text.endsWith('…'));
    assert.ok(s.text.length < 220);
    assert.deepEqual(s.marks.map(([a, b]) => s.text.slice(a, b)), ['gamma']);
    assert.match(s.text.slice(1, 2), /\S/u);
  });
});
