import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Workspace, kindOf, reviewedIdOf, classesOf } from '../../src/app/workspace.ts';
import { ANNO_CONTEXT, describingBody, tagBody, textTarget, type Agent, type Annotation, type Body, type SpecificResource } from '../../src/annotations/model.ts';
import { makeNote, editNote, reattach, readerAgent } from '../../src/app/own-annotations.ts';
import { readUrlState, writeUrlState } from '../../src/app/url-state.ts';

const A = { id: 'a', iri: 'https://example.org/a', label: 'A', source: 'The first text says the exchange took place on 18 December 1976 in a city.' };
const B = { id: 'b', iri: 'https://example.org/b', label: 'B', source: 'In the second text the exchange happened on 19 December 1976 at an airport.' };
const machine = { type: 'Software' as const, name: 'Analyzer 1' };
const person = readerAgent('Tester');

function annotation(id: string, motivation: Annotation['motivation'], target: Annotation['target'], body: Body[], agent: Agent = machine): Annotation {
  return { '@context': ANNO_CONTEXT, id, type: 'Annotation', motivation, target, body, ...(agent.type === 'Person' ? { creator: agent } : { generator: agent }), created: '2026-01-01T00:00:00Z' };
}

const flag = annotation('urn:x:flag', 'assessing', textTarget(A.iri, A.source, 4, 9), [tagBody('garbled'), describingBody('Odd word.')]);
const claim = annotation('urn:x:claim', 'linking', [textTarget(A.iri, A.source, 25, 63), textTarget(B.iri, B.source, 20, 60)], [tagBody('claim'), tagBody('conflicts'), describingBody('18 vs 19 December 1976')]);
const orphan = annotation('urn:x:orphan', 'assessing', { type: 'SpecificResource', source: A.iri, selector: [{ type: 'TextQuoteSelector', exact: 'words that appear nowhere in this text at all', prefix: '', suffix: '' }] }, [tagBody('truncated')]);
const foreign = annotation('urn:x:foreign', 'assessing', textTarget('https://example.org/other', 'Some other text', 0, 4), [tagBody('garbled')]);

describe('Workspace', () => {
  it('classifies annotations by motivation and tags', () => {
    assert.equal(kindOf(flag), 'flag');
    assert.equal(kindOf(claim), 'claim');
    assert.equal(kindOf(makeNote({ iri: A.iri, source: A.source, from: 0, to: 3 }, 'hi', [], person)), 'note');
  });

  it('anchors every target in its own document and draws spans with kind classes', () => {
    const ws = new Workspace([A, B]);
    ws.setLayer({ id: 'shipped', label: 'S', origin: 'shipped', annotations: [flag, claim] });
    const a = ws.spansFor('a');
    const b = ws.spansFor('b');
    assert.deepEqual(a.map((s) => [s.id, A.source.slice(s.from, s.to)]), [
      ['urn:x:flag', 'first'],
      ['urn:x:claim', A.source.slice(25, 63)],
    ]);
    assert.deepEqual(b.map((s) => s.id), ['urn:x:claim']);
    assert.equal(a[1]!.className, 'hl hl-claim hl-conflicts');
    assert.equal(classesOf({ kind: 'flag', subtype: 'garbled', status: 'proposed' }), 'hl hl-flag hl-garbled');
  });

  it('keeps orphans in their own list with quote and reason, including targets on texts not shown', () => {
    const ws = new Workspace([A, B]);
    ws.setLayer({ id: 's', label: 'S', origin: 'shipped', annotations: [orphan, foreign] });
    const orphans = ws.orphans();
    assert.deepEqual(orphans.map((o) => o.annotationId).sort(), ['urn:x:foreign', 'urn:x:orphan']);
    assert.ok(orphans.every((o) => o.reason.length > 10));
    assert.deepEqual(orphans.map((o) => o.code), ['not-found', 'not-found'], 'a machine-readable reason beside the sentence');
    assert.equal(orphans.find((o) => o.annotationId === 'urn:x:orphan')!.quote, 'words that appear nowhere in this text at all');
    assert.deepEqual(ws.spansFor('a'), []);
    // Hidden layers never hide orphans.
    ws.setLayerVisible('s', false);
    assert.equal(ws.orphans().length, 2);
  });

  it('hides a layer or a kind, and shows it again', () => {
    const ws = new Workspace([A, B]);
    ws.setLayer({ id: 's', label: 'S', origin: 'shipped', annotations: [flag, claim] });
    ws.setKindVisible('flag', false);
    assert.deepEqual(ws.spansFor('a').map((s) => s.id), ['urn:x:claim']);
    ws.setKindVisible('flag', true);
    ws.setLayerVisible('s', false);
    assert.deepEqual(ws.spansFor('a'), []);
    ws.setLayerVisible('s', true);
    assert.equal(ws.spansFor('a').length, 2);
  });

  it('applies a dismissal: the latest review wins, and the dismissed proposal is not drawn', () => {
    const review = (decision: string, created: string, form: 'resource' | 'text'): Annotation => ({
      ...annotation(`urn:x:review-${decision}-${created}`, 'assessing', textTarget(A.iri, A.source, 4, 9), [
        { type: 'TextualBody', purpose: 'tagging', value: decision },
        form === 'resource'
          ? { type: 'SpecificResource', source: 'urn:x:flag', selector: [], purpose: 'identifying' }
          : { type: 'TextualBody', purpose: 'identifying', value: 'urn:x:flag' },
      ], person),
      created,
    });
    const dismissed = review('dismissed', '2026-02-01T00:00:00Z', 'resource');
    assert.equal(reviewedIdOf(dismissed), 'urn:x:flag');
    assert.equal(reviewedIdOf(review('accepted', '2026-01-01T00:00:00Z', 'text')), 'urn:x:flag');
    const ws = new Workspace([A, B]);
    ws.setLayer({ id: 's', label: 'S', origin: 'shipped', annotations: [flag] });
    ws.setLayer({ id: 'own', label: 'O', origin: 'own', annotations: [dismissed] });
    assert.equal(ws.get('urn:x:flag')!.status, 'dismissed');
    assert.deepEqual(ws.spansFor('a'), []);
    // Regenerating the shipped layer (same stable id) keeps the decision.
    ws.setLayer({ id: 's', label: 'S', origin: 'shipped', annotations: [{ ...flag }] });
    assert.equal(ws.get('urn:x:flag')!.status, 'dismissed');
    ws.setLayer({ id: 'own', label: 'O', origin: 'own', annotations: [dismissed, review('accepted', '2026-03-01T00:00:00Z', 'text')] });
    assert.equal(ws.get('urn:x:flag')!.status, 'accepted');
  });

  it("lets the reader's own copy override a shipped annotation with the same id", () => {
    const ws = new Workspace([A, B]);
    ws.setLayer({ id: 's', label: 'S', origin: 'shipped', annotations: [orphan] });
    assert.equal(ws.orphans().length, 1);
    const moved = reattach(orphan, 0, { iri: A.iri, source: A.source, from: 10, to: 14 }, person);
    ws.setLayer({ id: 'own', label: 'O', origin: 'own', annotations: [moved] });
    assert.equal(ws.orphans().length, 0);
    assert.deepEqual(ws.get('urn:x:orphan')!.placed.map((p) => [p.docId, p.from, p.to]), [['a', 10, 14]]);
  });
});

describe('own annotations', () => {
  const passage = { iri: A.iri, source: A.source, from: 4, to: 9 };
  it('makes a commenting note with both selectors, tags and a Person creator', () => {
    const note = makeNote(passage, 'A comment', ['x', ' x ', 'y', ''], person, new Date('2026-01-02T03:04:05Z'));
    assert.match(note.id, /^urn:uuid:/);
    assert.equal(note.motivation, 'commenting');
    assert.equal(note.creator!.type, 'Person');
    assert.equal(note.created, '2026-01-02T03:04:05.000Z');
    const tags = note.body.filter((b) => b.type === 'TextualBody' && b.purpose === 'tagging').map((b) => (b as { value: string }).value);
    assert.deepEqual(tags, ['x', 'y']);
    const target = note.target as SpecificResource;
    assert.deepEqual(target.selector.map((s) => s.type), ['TextQuoteSelector', 'TextPositionSelector']);
  });
  it('edits keep the id, set modified, and return the same object when nothing changed', () => {
    const note = makeNote(passage, 'A comment', ['x'], person);
    assert.equal(editNote(note, 'A comment', ['x']), note);
    const edited = editNote(note, 'Changed', ['x'], new Date('2027-01-01T00:00:00Z'));
    assert.equal(edited.id, note.id);
    assert.equal(edited.modified, '2027-01-01T00:00:00.000Z');
    assert.notEqual(edited, note);
  });
  it('re-attach refuses a target that does not exist', () => {
    const note = makeNote(passage, 'c', [], person);
    assert.throws(() => reattach(note, 3, passage, person), RangeError);
  });
});

describe('URL state', () => {
  it('round-trips a document passage, an annotation and a query', () => {
    const state = { doc: 'a', at: { from: 3, to: 9 }, annotation: 'urn:uuid:1', query: '"Soviet Union" Corvalán' };
    assert.deepEqual(readUrlState(writeUrlState(state)), state);
  });
  it('ignores malformed parts', () => {
    assert.deepEqual(readUrlState('#at=9-3&doc=&q='), {});
    assert.deepEqual(readUrlState('#at=abc'), {});
    assert.equal(writeUrlState({}), '');
  });
});

describe('Workspace anchoring cache', () => {
  /** A document that counts how often its text is read (each anchoring pass reads it once). */
  function counted(doc: typeof A) {
    let reads = 0;
    return {
      doc: { id: doc.id, iri: doc.iri, label: doc.label, get source() {
        reads++;
        return doc.source;
      } },
      reads: () => reads,
    };
  }

  it('anchors an annotation once: a save re-anchors only the note saved, and an edited note is anchored anew', () => {
    const a = counted(A);
    const ws = new Workspace([a.doc, B]);
    ws.setLayer({ id: 'shipped', label: 'S', origin: 'shipped', annotations: [flag, claim] });
    const first = a.reads();
    assert.ok(first > 0, 'the first pass reads the text');
    ws.setLayer({ id: 'shipped', label: 'S', origin: 'shipped', annotations: [flag, claim] });
    assert.equal(a.reads(), first, 'the same annotation objects are not anchored again');
    const note = makeNote({ iri: A.iri, source: A.source, from: 4, to: 9 }, 'A note', [], person);
    ws.setLayer({ id: 'own', label: 'Own', origin: 'own', annotations: [note] });
    assert.ok(a.reads() > first, 'the new note is anchored');
    const moved = reattach(note, 0, { iri: A.iri, source: A.source, from: 10, to: 15 }, person);
    ws.setLayer({ id: 'own', label: 'Own', origin: 'own', annotations: [moved] });
    const span = ws.spansFor('a').find((s) => s.id === note.id)!;
    assert.equal(A.source.slice(span.from, span.to), A.source.slice(10, 15), 'the edited version is where it now points');
  });
});

describe('Workspace: others\' notes shared through a group', () => {
  it('replaces the shared layers as a whole, leaves the others alone, and draws shared notes apart', () => {
    const ws = new Workspace([A, B]);
    const mine = makeNote({ iri: A.iri, source: A.source, from: 0, to: 3 }, 'mine', [], person);
    const theirs = { ...makeNote({ iri: A.iri, source: A.source, from: 4, to: 9 }, 'theirs', [], readerAgent('Alice')), id: 'http://server.test/groups/g/annotations/1' };
    ws.setLayers([
      { id: 'own', label: 'Yours', origin: 'own', annotations: [mine] },
      { id: 'shipped', label: 'S', origin: 'shipped', annotations: [flag] },
    ]);
    ws.replaceLayers('shared', [{ id: 'shared:alice', label: "Alice's notes", origin: 'shared', annotations: [theirs] }]);
    const spans = ws.spansFor('a');
    assert.equal(spans.find((s) => s.id === theirs.id)?.className, 'hl hl-note hl-shared');
    assert.equal(spans.find((s) => s.id === mine.id)?.className, 'hl hl-note');
    ws.replaceLayers('shared', []);
    assert.deepEqual(ws.allLayers().map((l) => l.id).sort(), ['own', 'shipped']);
    assert.equal(ws.get(theirs.id), null);
  });
});
