import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { exportCollection, importCollection } from '../../src/annotations/exchange.ts';
import { loadCollection, validateAnnotation, hasAnnoContext, isAbsoluteIri } from '../../src/annotations/validate.ts';
import { ANNO_CONTEXT, commentBody, tagBody, textTarget, type Annotation } from '../../src/annotations/model.ts';
import type { Layer } from '../../src/annotations/layer.ts';

const TEXT = 'A consul arrived by sea. He stayed for two winters and wrote reports home about the harbour.';
const IRI = 'file:///documents/sample.txt';

function note(n: number, extra: Partial<Annotation> = {}): Annotation {
  return {
    '@context': ANNO_CONTEXT,
    id: `urn:uuid:00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    type: 'Annotation',
    motivation: 'commenting',
    target: textTarget(IRI, TEXT, 2, 8),
    body: [commentBody(`note ${n}`)],
    creator: { type: 'Person', name: 'Reader' },
    created: '2024-05-01T10:00:00Z',
    ...extra,
  };
}

const flags: Layer = {
  id: 'urn:x:layer:flags',
  file: 'flags.json',
  label: 'Flags',
  annotations: [{ ...note(1), motivation: 'assessing', body: [tagBody('garbled')], creator: undefined, generator: { type: 'Software', name: 'analyzer' } } as Annotation],
};
const own: Layer = { id: 'urn:x:layer:own', file: 'own', label: 'Mine', annotations: [note(2), note(3)] };

/** The W3C MUSTs this project relies on, checked without the shared checker. */
function assertConformingCollection(c: unknown): void {
  const col = c as Record<string, unknown>;
  assert.ok(hasAnnoContext(col['@context']));
  assert.equal(col.type, 'AnnotationCollection');
  assert.ok(isAbsoluteIri(col.id));
  assert.equal(typeof col.label, 'string');
  const items = col.items as unknown[];
  assert.equal(col.total, items.length);
  for (const item of items) {
    const { errors } = validateAnnotation(item);
    assert.deepEqual(errors, [], JSON.stringify(item));
    assert.equal((item as Record<string, unknown>)['@context'], ANNO_CONTEXT);
  }
}

describe('exportCollection', () => {
  it('exports every layer as one conforming collection', () => {
    const c = exportCollection([flags, own], { label: 'Everything' });
    assertConformingCollection(JSON.parse(JSON.stringify(c)));
    assert.match(c.id, /^urn:uuid:[0-9a-f-]{36}$/);
    assert.deepEqual(c.items.map((a) => a.id), [note(1).id, note(2).id, note(3).id]);
  });

  it('exports chosen layers and chosen annotations', () => {
    assert.deepEqual(exportCollection([flags, own], { label: 'x', layerIds: ['urn:x:layer:own'] }).items.map((a) => a.id), [note(2).id, note(3).id]);
    const chosen = exportCollection([flags, own], { label: 'x', ids: [note(3).id, note(1).id] });
    assert.deepEqual(chosen.items.map((a) => a.id), [note(1).id, note(3).id]);
    assert.equal(chosen.total, 2);
  });

  it('lists an id held by two layers once and adds the context to bare items', () => {
    const { '@context': _drop, ...bare } = note(2);
    const c = exportCollection([own, { ...own, id: 'urn:x:copy', annotations: [bare as Annotation] }], { label: 'x' });
    assert.equal(c.items.length, 2);
    assertConformingCollection(c);
  });

  it('round-trips through the loader', () => {
    const c = exportCollection([flags, own], { label: 'Round trip', id: 'urn:x:export' });
    const { layer, problems } = loadCollection('export.json', JSON.stringify(c));
    assert.deepEqual(problems, []);
    assert.equal(layer?.label, 'Round trip');
    assert.deepEqual(layer?.annotations, [...flags.annotations, ...own.annotations].map((a) => JSON.parse(JSON.stringify(a))));
  });
});

describe('importCollection', () => {
  it('adds new ids, updates newer versions, skips identical and older ones, and says why', () => {
    const existing = [note(1), note(2, { modified: '2024-06-01T00:00:00Z' }), note(3)];
    const incoming = exportCollection(
      [
        {
          ...own,
          annotations: [
            note(1),
            note(2, { body: [commentBody('older edit')], modified: '2024-05-15T00:00:00Z' }),
            note(3, { body: [commentBody('newer edit')], modified: '2024-07-01T00:00:00+02:00' }),
            note(4),
          ],
        },
      ],
      { label: 'import' },
    );
    const result = importCollection(JSON.stringify(incoming), existing);
    assert.deepEqual(result.added.map((a) => a.id), [note(4).id]);
    assert.deepEqual(result.updated.map((a) => [a.id, a.body]), [[note(3).id, [commentBody('newer edit')]]]);
    assert.deepEqual(result.skipped.map((s) => [s.index, s.id]), [
      [0, note(1).id],
      [1, note(2).id],
    ]);
    assert.match(result.skipped[0]!.reason, /already present/);
    assert.match(result.skipped[1]!.reason, /as new or newer/);
  });

  it('treats an identical annotation with keys in another order as already present', () => {
    const reordered = Object.fromEntries(Object.entries(note(1)).reverse());
    const result = importCollection([reordered], [note(1)]);
    assert.deepEqual([result.added.length, result.updated.length, result.skipped.length], [0, 0, 1]);
  });

  it('skips invalid annotations and duplicates in the file, with positions and reasons', () => {
    const result = importCollection([note(5), { ...note(6), id: 'not an iri' }, note(5)], []);
    assert.deepEqual(result.added.map((a) => a.id), [note(5).id]);
    assert.deepEqual(result.skipped.map((s) => s.index), [1, 2]);
    assert.match(result.skipped[0]!.reason, /absolute IRI/);
    assert.match(result.skipped[1]!.reason, /same id/);
  });

  it('skips a broken file as a whole with one reason', () => {
    const result = importCollection('{ not json', [note(1)], { fileName: 'notes.json' });
    assert.deepEqual([result.added.length, result.updated.length], [0, 0]);
    assert.equal(result.skipped.length, 1);
    assert.equal(result.skipped[0]!.index, null);
    assert.match(result.skipped[0]!.reason, /^notes\.json: the file is not valid JSON/);
  });
});
