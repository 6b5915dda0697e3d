import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SearchEngine, SearchIndexError, type SearchDocument, type SearchResults } from '../../src/search/engine.ts';

const A = [
  'A Small Title',
  '',
  'The minister Corvalán met the envoy in Zürich on a cold day.',
  '',
  'Relations between the states were cut. Soviet trade, union leaders, and a Soviet Union delegation.',
  '',
  'He related the story; relatives came. Version 2 of the plan had a title.',
].join('\n');
const B = [
  'Corvalan arrived. The Soviet',
  'Union sent notes, Zurich too.',
  '',
  'Unrelated text about a soviet workers union.',
].join('\n');
const DOCS: SearchDocument[] = [
  { id: 'a', source: A, title: 'A Small Title' },
  { id: 'b', source: B },
];
const engine = SearchEngine.build(DOCS);
const sourceOf = (id: string): string => DOCS.find((d) => d.id === id)!.source;

/** Every matched slice of every hit, as `doc:text`. */
function matched(results: SearchResults): string[] {
  return results.hits.flatMap((h) => h.matches.map(([s, e]) => `${h.document}:${sourceOf(h.document).slice(s, e)}`));
}

describe('SearchEngine', () => {
  describe('folding', () => {
    const cases: [string, string[]][] = [
      ['Corvalan', ['a:Corvalán', 'b:Corvalan']],
      ['CORVALÁN', ['a:Corvalán', 'b:Corvalan']],
      ['Zurich', ['a:Zürich', 'b:Zurich']],
      ['zürich', ['a:Zürich', 'b:Zurich']],
    ];
    for (const [query, expected] of cases) {
      it(`"${query}" finds every spelling with and without diacritics`, () => {
        assert.deepEqual(matched(engine.search(query)).sort(), expected.sort());
      });
    }
    it('does not find a word that merely shares letters', () => {
      assert.deepEqual(engine.search('Corval').hits, []);
    });
  });

  describe('phrases', () => {
    it('match adjacent words only, across punctuation-free line breaks', () => {
      assert.deepEqual(matched(engine.search('"Soviet Union"')).sort(), ['a:Soviet Union', 'b:Soviet\nUnion']);
    });
    it('do not match the same words apart or in another order', () => {
      assert.deepEqual(engine.search('"union soviet"').hits, []);
      assert.deepEqual(engine.search('"soviet union"', { document: 'b' }).hits.map((h) => h.snippet.text.includes('workers')), [false]);
    });
    it('do not match across a word in between', () => {
      assert.deepEqual(engine.search('"Soviet workers"').hits.length, 1);
      assert.deepEqual(engine.search('"soviet union workers"').hits, []);
    });
  });

  describe('prefixes with stemming on', () => {
    it('find every word starting with the prefix, stemmed or not', () => {
      assert.deepEqual(matched(engine.search('relat*')).sort(), ['a:Relations', 'a:related', 'a:relatives']);
    });
    it('accept a whole word whose stem is shorter', () => {
      assert.deepEqual(matched(engine.search('relations*')), ['a:Relations']);
    });
    it('do not match inside a word', () => {
      assert.ok(!matched(engine.search('relat*')).includes('b:Unrelated'));
    });
    it('leave stemming to plain terms', () => {
      assert.deepEqual(matched(engine.search('relation')).sort(), ['a:Relations', 'a:related']);
    });
  });

  describe('operator characters are text', () => {
    const cases: [string, string[]][] = [
      ['+Corvalan', ['a:Corvalán', 'b:Corvalan']],
      ['-Corvalan', ['a:Corvalán', 'b:Corvalan']],
      ['Zürich:', ['a:Zürich', 'b:Zurich']],
      ['title:plan', ['a:plan', 'a:title']],
      ['version^2', ['a:2', 'a:Version']],
      ['Corvalan~1', []],
    ];
    for (const [query, expected] of cases) {
      it(`"${query}" searches its words`, () => assert.deepEqual(matched(engine.search(query)).sort(), expected.sort()));
    }
  });

  describe('every word is required', () => {
    it('finds a passage only when it holds all words', () => {
      assert.deepEqual(matched(engine.search('Corvalan envoy')).sort(), ['a:Corvalán', 'a:envoy']);
    });
  });

  describe('filter', () => {
    it('keeps one document', () => {
      const results = engine.search('Zurich', { document: 'b' });
      assert.deepEqual(results.groups.map((g) => g.document), ['b']);
    });
    it('gives a hint, not an error, for an unknown document', () => {
      const results = engine.search('Zurich', { document: 'nope' });
      assert.deepEqual(results.hits, []);
      assert.match(results.hint!, /nope/u);
    });
  });

  describe('groups', () => {
    it('group hits by document in document order, with match counts', () => {
      const results = engine.search('soviet');
      assert.deepEqual(results.groups.map((g) => [g.document, g.matchCount]), [['a', 2], ['b', 2]]);
      assert.equal(results.hint, null);
    });
  });

  describe('annotations', () => {
    it('finds annotation bodies, marked as annotation hits pointing at the annotated span', () => {
      const e = SearchEngine.build(DOCS);
      const from = A.indexOf('envoy');
      e.addAnnotations([{ id: 'n1', docId: 'a', from, to: from + 5, text: 'Check the Zurich date against the other text.', kind: 'comment' }]);
      const hits = e.search('zurich').hits.filter((h) => h.source === 'annotation');
      assert.equal(hits.length, 1);
      const hit = hits[0]!;
      assert.deepEqual([hit.document, hit.matches, hit.annotation?.id, hit.annotation?.kind], ['a', [[from, from + 5]], 'n1', 'comment']);
      const [s, t] = hit.snippet.marks[0]!;
      assert.equal(hit.snippet.text.slice(s, t), 'Zurich');
    });
    it('replaces an annotation with the same id, removes by id, and skips malformed items', () => {
      const e = SearchEngine.build(DOCS);
      e.addAnnotations([{ id: 'n1', docId: 'b', from: 0, to: 3, text: 'first wording', kind: 'flag' }]);
      e.addAnnotations([
        { id: 'n1', docId: 'b', from: 0, to: 3, text: 'second wording', kind: 'flag' },
        { id: 'bad', docId: 'b', from: -1, to: 3, text: 'wording', kind: 'flag' },
      ]);
      assert.equal(e.search('first').hits.length, 0);
      assert.equal(e.search('wording').hits.length, 1);
      e.removeAnnotations(['n1']);
      assert.equal(e.search('wording').hits.length, 0);
    });
    it('can be left out of a search', () => {
      const e = SearchEngine.build(DOCS);
      e.addAnnotations([{ id: 'n1', docId: 'b', from: 0, to: 3, text: 'Zurich', kind: 'link' }]);
      assert.ok(e.search('zurich', { annotations: false }).hits.every((h) => h.source === 'text'));
    });
  });

  describe('serialisation', () => {
    it('round-trips through JSON with identical results', () => {
      const loaded = SearchEngine.load(JSON.parse(JSON.stringify(engine.toJSON())), DOCS);
      for (const q of ['Corvalan', '"Soviet Union"', 'relat*', 'relation']) {
        assert.deepEqual(loaded.search(q).hits, engine.search(q).hits, q);
      }
    });
    it('refuses an index built from another text, naming the document', () => {
      const json = JSON.parse(JSON.stringify(engine.toJSON()));
      const changed = [DOCS[0]!, { id: 'b', source: B.replace('Zurich', 'Zuric!') }];
      assert.throws(() => SearchEngine.load(json, changed), (e: unknown) => e instanceof SearchIndexError && /"b"/u.test(e.message));
    });
    it('refuses data that is no index', () => {
      for (const bad of [null, 42, {}, { format: 'annotated-reader-search-index', version: 99 }, { ...engine.toJSON(), passages: [[9, 0, 1]] }]) {
        assert.throws(() => SearchEngine.load(bad, DOCS), SearchIndexError);
      }
    });
  });

  describe('bad documents', () => {
    it('refuses duplicate ids with a named error', () => {
      assert.throws(() => SearchEngine.build([DOCS[0]!, DOCS[0]!]), SearchIndexError);
    });
    it('indexes an empty text as having no passages', () => {
      assert.deepEqual(SearchEngine.build([{ id: 'e', source: '' }]).search('x').hits, []);
    });
  });
});
