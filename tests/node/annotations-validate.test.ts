import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { loadCollection, MAX_PROBLEMS_PER_FILE, validateAnnotation } from '../../src/annotations/validate.ts';
import { ANNO_CONTEXT, commentBody, tagBody, textTarget, type Annotation } from '../../src/annotations/model.ts';

const TEXT = 'The envoy arrived in the capital and presented his letters to the president in a short ceremony.';
const IRI = 'file:///documents/sample.txt';

function good(n: number): Annotation {
  return {
    '@context': ANNO_CONTEXT,
    id: `urn:uuid:00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    type: 'Annotation',
    motivation: 'assessing',
    target: textTarget(IRI, TEXT, 4, 9),
    body: [tagBody('garbled'), commentBody('A note.')],
    generator: { type: 'Software', name: 'test analyzer', 'schema:softwareVersion': '1.0' },
    created: '2024-03-01T12:00:00Z',
  };
}

function collection(items: unknown[]): Record<string, unknown> {
  return { '@context': ANNO_CONTEXT, id: 'urn:uuid:11111111-1111-4111-8111-111111111111', type: 'AnnotationCollection', label: 'Flags', total: items.length, items };
}

/** Deep copy of a good annotation with one change applied. */
function broken(change: (a: Record<string, any>) => void): Record<string, unknown> {
  const a = JSON.parse(JSON.stringify(good(99)));
  change(a);
  return a;
}

describe('loadCollection: broken files', () => {
  const cases: [string, unknown, RegExp][] = [
    ['not JSON', '{"items": [', /not valid JSON/],
    ['empty', '', /empty/],
    ['only whitespace', '  \n\t ', /empty/],
    ['a number', '42', /holds 42/],
    ['null', 'null', /holds null/],
    ['a JSON string', '"hello"', /holds "hello"/],
    ['an object of another type', '{"type": "Book", "items": []}', /type is "Book"/],
    ['an object without type', '{"items": []}', /type is nothing/],
    ['items not an array', JSON.stringify({ ...collection([]), items: { a: 1 } }), /"items" is \{"a":1\}/],
    ['items missing', JSON.stringify({ ...collection([]), items: undefined }), /"items" is missing/],
    ['a collection without the W3C context', JSON.stringify({ ...collection([good(1)]), '@context': 'http://example.org/ctx' }), /@context/],
    ['10 MB of junk', 'x'.repeat(10 * 1024 * 1024), /not valid JSON/],
    ['binary noise', '\u0000\u0001\uFFFD\u0002PNG', /not valid JSON/],
  ];
  for (const [name, input, message] of cases) {
    it(`gives one problem naming the file for ${name}`, () => {
      const { layer, problems } = loadCollection('layer.json', input);
      assert.equal(layer, null);
      assert.equal(problems.length, 1);
      assert.equal(problems[0]!.file, 'layer.json');
      assert.equal(problems[0]!.index, null);
      assert.match(problems[0]!.message, /^layer\.json: /);
      assert.match(problems[0]!.message, message);
    });
  }

  it('refuses a file larger than the limit without parsing it', () => {
    const { layer, problems } = loadCollection('huge.json', ' '.repeat(17 * 1024 * 1024));
    assert.equal(layer, null);
    assert.match(problems[0]!.message, /more than/);
  });
});

describe('loadCollection: broken annotations', () => {
  const cases: [string, unknown, RegExp][] = [
    ['no @context in a bare list', broken((a) => delete a['@context']), /@context/],
    ['a relative id', broken((a) => (a.id = 'note-1')), /"id" must be an absolute IRI/],
    ['no type', broken((a) => delete a.type), /"type" must be "Annotation"/],
    ['an unknown motivation', broken((a) => (a.motivation = 'praising')), /motivation "praising"/],
    ['no target', broken((a) => delete a.target), /no target/],
    ['a target that is a string', broken((a) => (a.target = 'file:///x.txt')), /target is not an object/],
    ['a relative target source', broken((a) => (a.target.source = 'documents/sample.txt')), /absolute IRI/],
    ['a target that is not a SpecificResource', broken((a) => (a.target.type = 'Text')), /not a SpecificResource/],
    ['no quote selector', broken((a) => (a.target.selector = [a.target.selector[1]])), /no TextQuoteSelector/],
    ['no position selector', broken((a) => (a.target.selector = [a.target.selector[0]])), /no TextPositionSelector/],
    ['an empty quote', broken((a) => (a.target.selector[0].exact = '')), /no "exact" text/],
    ['a fractional position', broken((a) => (a.target.selector[1].start = 1.5)), /whole, non-negative/],
    ['a negative position', broken((a) => (a.target.selector[1].start = -3)), /whole, non-negative/],
    ['a reversed position', broken((a) => Object.assign(a.target.selector[1], { start: 9, end: 4 })), /starts at 9, after its end 4/],
    ['an unknown selector', broken((a) => a.target.selector.push({ type: 'XPathSelector', value: '/p' })), /XPathSelector/],
    ['a body without value', broken((a) => delete a.body[1].value), /without a text "value"/],
    ['a body of unknown kind', broken((a) => a.body.push({ type: 'Video' })), /neither a TextualBody/],
    ['a body format of unknown kind', broken((a) => (a.body[1].format = 'application/pdf')), /format "application\/pdf"/],
    ['bodyValue', broken((a) => (a.bodyValue = 'x')), /bodyValue/],
    ['neither creator nor generator', broken((a) => delete a.generator), /neither a creator nor a generator/],
    ['a creator without name', broken((a) => (a.creator = { type: 'Person' })), /creator has no name/],
    ['no created', broken((a) => delete a.created), /"created" must be a date/],
    ['a created date without timezone', broken((a) => (a.created = '2024-03-01T12:00:00')), /"created"/],
    ['an impossible created date', broken((a) => (a.created = '2024-13-45T12:00:00Z')), /"created"/],
    ['a confidence above 1', broken((a) => (a['reader:confidence'] = 3)), /confidence/],
    ['a string instead of an annotation', 'just text', /not an object/],
    ['an array instead of an annotation', [1, 2], /an array/],
  ];
  for (const [name, bad, message] of cases) {
    it(`leaves out an annotation with ${name} and loads the rest`, () => {
      const { layer, problems } = loadCollection('mixed.json', [good(1), bad, good(2)]);
      assert.deepEqual(layer?.annotations.map((a) => a.id), [good(1).id, good(2).id]);
      assert.equal(problems.length, 1);
      const [p] = problems;
      assert.equal(p!.index, 1);
      assert.match(p!.message, /^mixed\.json: annotation 2 /);
      assert.match(p!.message, /left out because/);
      assert.match(p!.message, message);
      if (typeof (bad as { id?: unknown })?.id === 'string') assert.equal(p!.annotationId, (bad as { id: string }).id);
    });
  }

  it('leaves out a second annotation with the same id', () => {
    const { layer, problems } = loadCollection('dup.json', collection([good(1), good(1)]));
    assert.equal(layer?.annotations.length, 1);
    assert.match(problems[0]!.message, /same id/);
  });

  it('names several problems of one annotation in one sentence', () => {
    const check = validateAnnotation({ type: 'Annotation', id: 'urn:x:1' });
    assert.equal(check.annotation, null);
    assert.equal(check.errors.length, 5);
    const { problems } = loadCollection('x.json', [{ type: 'Annotation', id: 'urn:x:1' }]);
    assert.equal(problems.length, 1);
    assert.match(problems[0]!.message, /@context.*motivation.*target.*creator.*created/);
  });

  it('sums up problems past the limit in one closing problem', () => {
    const items = Array.from({ length: MAX_PROBLEMS_PER_FILE + 7 }, (_, i) => ({ id: `urn:x:${i}` }));
    const { layer, problems } = loadCollection('junk.json', collection([good(1), ...items]));
    assert.equal(layer?.annotations.length, 1);
    assert.equal(problems.length, MAX_PROBLEMS_PER_FILE + 1);
    assert.match(problems.at(-1)!.message, /7 more annotations/);
  });
});

describe('loadCollection: good files', () => {
  it('loads a collection as a layer with its id and label', () => {
    const { layer, problems } = loadCollection('flags.json', JSON.stringify(collection([good(1), good(2)])));
    assert.deepEqual(problems, []);
    assert.equal(layer?.id, 'urn:uuid:11111111-1111-4111-8111-111111111111');
    assert.equal(layer?.label, 'Flags');
    assert.equal(layer?.file, 'flags.json');
    assert.deepEqual(layer?.annotations, [good(1), good(2)]);
  });

  it('lets collection items lean on the collection context', () => {
    const { '@context': _c, ...bare } = good(1);
    const { layer, problems } = loadCollection('c.json', collection([bare]));
    assert.deepEqual(problems, []);
    assert.equal(layer?.annotations[0]!['@context'], ANNO_CONTEXT);
  });

  it('loads a single annotation and a bare list, naming the layer after the file', () => {
    const single = loadCollection('one.json', good(1));
    assert.equal(single.layer?.annotations.length, 1);
    assert.equal(single.layer?.label, 'one.json');
    assert.match(single.layer.id, /^urn:uuid:/);
    assert.equal(loadCollection('list.json', []).layer?.annotations.length, 0);
  });

  it('accepts a single body object and a paged collection', () => {
    const a = { ...good(1), body: commentBody('only one') };
    const paged = { '@context': ANNO_CONTEXT, type: 'AnnotationCollection', id: 'urn:x:c', first: { type: 'AnnotationPage', items: [a] } };
    const { layer, problems } = loadCollection('paged.json', paged);
    assert.deepEqual(problems, []);
    assert.deepEqual(layer?.annotations[0]!.body, [commentBody('only one')]);
  });

  it('reports a wrong total without dropping the layer', () => {
    const { layer, problems } = loadCollection('t.json', { ...collection([good(1)]), total: 5 });
    assert.equal(layer?.annotations.length, 1);
    assert.match(problems[0]!.message, /says it holds 5 annotations but lists 1/);
  });

  it('returns frozen values and keeps only known fields', () => {
    const { layer } = loadCollection('f.json', [{ ...good(1), 'evil:extra': '<script>' }]);
    const a = layer!.annotations[0]!;
    assert.ok(Object.isFrozen(a) && Object.isFrozen(a.body));
    assert.equal('evil:extra' in a, false);
  });
});
