import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeText, analyzeTexts } from '../../src/analysis/analyze.ts';
import { ANALYZER } from '../../src/analysis/generator.ts';
import { DAMAGE_TAGS, LINK_TAGS, RELATION_TAGS, type Annotation, type SpecificResource, type TextQuoteSelector, type TextPositionSelector } from '../../src/annotations/model.ts';
import { CodePointIndex } from '../../src/document/code-points.ts';

const IRI = 'https://example.org/docs/sample.txt';
const TEXT = [
  'Sample article',
  '',
  'The mission reached the 𝔸rctic coast in1959 and stayed.[1] Its report was never published.[citation needed]',
  '',
  'The crew wintered at the',
  '',
  'References',
  '',
  '  1. ^ Smith, Jane (2001). Polar Voyages. Press. p. 3.',
  '  2. ^ Doe, John (1999). Ice. Press.',
].join('\n');

const VOCABULARY = new Set<string>([...DAMAGE_TAGS, ...LINK_TAGS, ...RELATION_TAGS]);

/** The W3C MUSTs this project relies on, checked without the external checker. */
function checkMusts(a: Annotation, text: string): void {
  assert.equal(a['@context'], 'http://www.w3.org/ns/anno.jsonld');
  assert.match(a.id, /^urn:uuid:[0-9a-f-]{36}$/);
  assert.equal(a.type, 'Annotation');
  assert.ok(a.generator && a.generator.type === 'Software' && a.generator['schema:softwareVersion']);
  assert.match(a.created, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
  const confidence = a['reader:confidence'];
  assert.ok(typeof confidence === 'number' && confidence >= 0 && confidence <= 1);
  const targets = (Array.isArray(a.target) ? a.target : [a.target]) as SpecificResource[];
  const index = new CodePointIndex(text);
  for (const t of [...targets, ...a.body.filter((b): b is SpecificResource => b.type === 'SpecificResource')]) {
    assert.equal(t.type, 'SpecificResource');
    assert.match(t.source, /^[a-z][a-z0-9+.-]*:/i);
    const quote = t.selector.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');
    const pos = t.selector.find((s): s is TextPositionSelector => s.type === 'TextPositionSelector');
    assert.ok(quote && pos, 'both selectors');
    const from = index.toCodeUnits(pos.start);
    const to = index.toCodeUnits(pos.end);
    assert.equal(text.slice(from, to), quote.exact);
    assert.equal(quote.prefix, text.slice(Math.max(0, from - 32), from));
    assert.equal(quote.suffix, text.slice(to, to + 32));
    if (from >= 32) assert.equal(quote.prefix.length, 32);
    if (text.length - to >= 32) assert.equal(quote.suffix.length, 32);
  }
  const tags = a.body.filter((b) => b.type === 'TextualBody' && b.purpose === 'tagging');
  assert.ok(tags.length >= 1 && tags.every((b) => b.type === 'TextualBody' && VOCABULARY.has(b.value)));
  assert.ok(a.body.some((b) => b.type === 'TextualBody' && b.purpose === 'describing' && b.value.length > 10));
}

describe('analyzeText', () => {
  const created = '2026-01-01T00:00:00Z';
  const annotations = analyzeText({ iri: IRI, text: TEXT, title: 'Sample article' }, { created });

  it('meets the W3C MUSTs with both selectors, code-point positions and 32-character context', () => {
    assert.ok(annotations.length > 0);
    for (const a of annotations) checkMusts(a, TEXT);
  });

  it('gives flags the assessing motivation and footnote links the linking one, with the analyzer as generator', () => {
    const byTag = (tag: string) => annotations.filter((a) => a.body.some((b) => b.type === 'TextualBody' && b.value === tag));
    const link = byTag('footnote');
    assert.equal(link.length, 1);
    assert.equal(link[0]!.motivation, 'linking');
    assert.equal(link[0]!.body[0]!.type, 'SpecificResource');
    for (const tag of ['garbled', 'unsupported', 'truncated', 'uncited-reference']) {
      const found = byTag(tag);
      assert.ok(found.length >= 1, tag);
      assert.ok(found.every((a) => a.motivation === 'assessing'));
    }
    assert.ok(annotations.every((a) => a.generator === ANALYZER && a.created === created));
  });

  it('keeps ids stable across runs and unique within one', () => {
    const again = analyzeText({ iri: IRI, text: TEXT, title: 'Sample article' }, { created: '2027-05-05T00:00:00Z' });
    assert.deepEqual(again.map((a) => a.id), annotations.map((a) => a.id));
    assert.equal(new Set(annotations.map((a) => a.id)).size, annotations.length);
  });

  it('filters by layer', () => {
    const footnotes = analyzeText({ iri: IRI, text: TEXT }, { created, layer: 'footnotes' });
    assert.ok(footnotes.length > 0 && footnotes.length < annotations.length);
  });

  it('never throws on odd input: empty, blank, markup, lone surrogates', () => {
    for (const text of ['', '   \n\n ', '<script>alert(1)</script>', '\ud800 broken', '[1][2][3]']) {
      assert.doesNotThrow(() => analyzeText({ iri: IRI, text }, { created }));
    }
  });
});

describe('analyzeTexts', () => {
  it('returns one AnnotationCollection with total equal to its items', () => {
    const c = analyzeTexts([{ iri: IRI, text: TEXT }], { created: '2026-01-01T00:00:00Z' });
    assert.equal(c.type, 'AnnotationCollection');
    assert.equal(c['@context'], 'http://www.w3.org/ns/anno.jsonld');
    assert.match(c.id, /^urn:uuid:/);
    assert.equal(c.total, c.items.length);
    assert.ok(c.items.length > 0);
  });
});
