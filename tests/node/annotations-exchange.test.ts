import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { REPORT_SKIPPED_LINES, exportCollection, importCollection, importReport } from '../../src/annotations/exchange.ts';
import { loadCollection, validateAnnotation, hasAnnoContext, isAbsoluteIri } from '../../src/annotations/validate.ts';
import { ANNO_CONTEXT, commentBody, tagBody, type Annotation } from '../../src/annotations/model.ts';
import type { Layer } from '../../src/annotations/layer.ts';

import { note } from './support/notes.ts';

const flags: Layer = {
  id: 'urn:x:layer:flags',
  file: 'flags.json',
  label: 'Flags',
  annotations: [{ ...note(1), motivation: 'assessing', body: [tagBody('garbled')], creator: undefined, generator: { type: 'Software', name: 'analyzer' } }],
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
    const c = exportCollection([own, { ...own, id: 'urn:x:copy', annotations: [bare] }], { label: 'x' });
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
    // The file is named once, by the report; the reason is the sentence after it.
    assert.match(result.skipped[0]!.reason, /^The file is not valid JSON/);
    assert.equal(result.refused, result.skipped[0]!.reason);
  });
});

describe('a person\'s note and a machine-made version', () => {
  const machine = (n: number, extra: Partial<Annotation> = {}): Annotation => {
    const { creator: _c, ...rest } = note(n, extra);
    return { ...rest, generator: { type: 'Software', name: 'analyzer' } };
  };

  it('never replaces a person\'s note with a newer machine-made version, and says it was kept', () => {
    const result = importCollection([machine(1, { body: [commentBody('machine text')], modified: '2030-01-01T00:00:00Z' })], [note(1)]);
    assert.deepEqual([result.added.length, result.updated.length], [0, 0]);
    assert.equal(result.skipped.length, 1);
    assert.match(result.skipped[0]!.reason, /^Annotation 1 \(.*\) was not imported: it is machine-made.*note made by a person.*kept/);
  });

  it('still lets a newer machine version replace a machine one, and a person\'s version replace a machine one', () => {
    const newer = { body: [commentBody('newer')], modified: '2030-01-01T00:00:00Z' };
    assert.equal(importCollection([machine(1, newer)], [machine(1)]).updated.length, 1);
    assert.equal(importCollection([note(1, newer)], [machine(1)]).updated.length, 1);
  });
});

describe('importReport', () => {
  /** No line repeats punctuation, and each ends once. */
  const clean = (lines: string[]) => {
    for (const l of lines) {
      assert.match(l, /[.!?…]$/, l);
      assert.doesNotMatch(l, /\.\.|\s\.$/, l);
    }
  };

  it('counts only what was saved and lists each skipped annotation once, without the file name', () => {
    const file = [note(1), note(2), { id: 'bad' }];
    const result = importCollection(file, [note(1)], { fileName: 'notes.json' });
    const lines = importReport('notes.json', result, { notSaved: [{ id: note(2).id, reason: 'The storage is full.' }] });
    assert.deepEqual(lines[0], 'notes.json: 3 annotations read; 0 added, 0 updated, 2 skipped, 1 not saved.');
    assert.equal(lines.join(' ').split('notes.json').length, 2);
    assert.ok(lines.some((l) => /^Annotation 1 .* is already present\.$/.test(l)));
    assert.ok(lines.some((l) => /^Annotation 3 \("bad"\) was left out because/.test(l)));
    assert.ok(lines.some((l) => l.endsWith('was not saved: The storage is full.')));
    clean(lines);
  });

  it('says a refused file was not imported, and adds nothing about machine annotations', () => {
    const lines = importReport('x.json', importCollection('[', [], { fileName: 'x.json' }), { shownForVisit: 0 });
    assert.equal(lines[0], 'x.json was not imported.');
    assert.match(lines[1]!, /^The file is not valid JSON/);
    assert.equal(lines.length, 2);
    clean(lines);
  });

  it('lists a few skipped annotations and counts the rest', () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ id: `bad ${i}` }));
    const lines = importReport('many.json', importCollection(many, [], { fileName: 'many.json' }));
    assert.equal(lines[0], 'many.json: 12 annotations read; 0 added, 0 updated, 12 skipped.');
    assert.equal(lines.length, 1 + REPORT_SKIPPED_LINES + 1);
    assert.equal(lines.at(-1), `${12 - REPORT_SKIPPED_LINES} more skipped annotations are not listed here.`);
    clean(lines);
  });

  it('shows a hostile file name neutralised and cut', () => {
    const lines = importReport(`invoice\u202Etxt.exe${'x'.repeat(500)}`, importCollection('[]', []));
    assert.doesNotMatch(lines.join(''), /\u202E/);
    assert.ok(lines[0]!.length < 200);
  });
});
