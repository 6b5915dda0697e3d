import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SearchEngine } from '../../src/search/engine.ts';

const engine = SearchEngine.build([
  { id: 'x', source: 'Plain words here. Ünïcödé text, שלום עולם, and 2 numbers.\n\nA second passage with emoji 😀 inside.' },
]);
engine.addAnnotations([{ id: 'n', docId: 'x', from: 0, to: 5, text: 'A note: with + operators ~ in it ^2', kind: 'comment' }]);

const HOSTILE: string[] = [
  '', ' ', '\t\n', 'foo:', ':foo', 'foo:bar', '+', '-', '~', '^2', '*', '**', 'a*', '*a', 'foo~', 'foo~2', 'foo^', '+-~^:*',
  '"', '""', '"""', '"unbalanced', 'unbalanced"', '“curly', '”', '\\', '\\"', '()', '[]', '{}', '<script>alert(1)</script>',
  '😀', '👩‍👩‍👧', '\u200d', '\ufeff', '\u0301', '\u0301\u0302\u0303', 'a\u0301', 'שלום', 'مرحبا', '\u202e reversed', '\ud800',
  '\udc00 lone low surrogate', '\0', 'null', 'undefined', 'constructor', '__proto__', 'toString', 'hasOwnProperty',
  'x'.repeat(10_000), 'word '.repeat(2_000), '"'.repeat(10_000), 'a* '.repeat(3_000), '😀'.repeat(5_000),
  'ünïcödé*', 'plain -words', 'text~1 numbers^2', 'passage:emoji',
];

describe('hostile queries', () => {
  for (const query of HOSTILE) {
    const label = JSON.stringify(query.length > 40 ? `${query.slice(0, 20)}… (${query.length} chars)` : query);
    it(`${label} gives results or a hint, never an error`, () => {
      const results = engine.search(query);
      assert.ok(results.hits.length > 0 || (typeof results.hint === 'string' && results.hint.length > 0));
      assert.equal(results.hits.length === 0, results.hint !== null);
      for (const filter of ['x', 'missing']) assert.doesNotThrow(() => engine.search(query, { document: filter }));
    });
  }

  it('finds words among operator characters', () => {
    assert.ok(engine.search('+plain -words').hits.length > 0);
    assert.ok(engine.search('operators~').hits.some((h) => h.source === 'annotation'));
  });

  it('says why an over-long word is not searched', () => {
    assert.match(engine.search('x'.repeat(10_000)).hint!, /longer than/u);
  });

  it('treats prototype property names as ordinary words', () => {
    const e = SearchEngine.build([{ id: 'p', source: 'The constructor and toString and __proto__ live here.' }]);
    for (const q of ['constructor', 'toString', 'proto']) assert.equal(e.search(q).hits.length, 1, q);
    assert.equal(e.search('hasOwnProperty').hits.length, 0);
  });

  it('accepts a non-string query from untyped callers', () => {
    assert.doesNotThrow(() => engine.search(undefined as unknown as string));
    assert.doesNotThrow(() => engine.search(42 as unknown as string));
  });
});
