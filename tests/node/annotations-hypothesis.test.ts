// Hypothesis interoperability. The rows below are written from the shape the Hypothesis API documents
// (GET /api/search → {"total", "rows"}), not copied from any real export.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fromHypothesis, isHypothesisExport, toHypothesis } from '../../src/annotations/hypothesis.ts';
import { importCollection } from '../../src/annotations/exchange.ts';
import { validateAnnotation } from '../../src/annotations/validate.ts';
import { anchorSelectors } from '../../src/annotations/anchoring/anchor.ts';
import { tagsOf, targetsOf, type Annotation } from '../../src/annotations/model.ts';
import { makeNote, readerAgent } from '../../src/app/own-annotations.ts';

const TEXT = 'A history of the port\n\nThe port opened on 3 March 1921. Trade grew quickly in the following decade, and a second quay was built.\n';
const texts = [{ iri: 'https://example.org/port.txt', title: 'A history of the port' }];

function row(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'Zx3kq9Abc-_1',
    created: '2024-05-01T10:00:00.000000+00:00',
    updated: '2024-05-02T09:30:00.000000+00:00',
    user: 'acct:alice@hypothes.is',
    uri: 'https://example.org/port.txt',
    text: 'Check the **date** against the harbour records.',
    tags: ['dates', 'port'],
    group: '__world__',
    permissions: { read: ['group:__world__'] },
    target: [
      {
        source: 'https://example.org/port.txt',
        selector: [
          { type: 'RangeSelector', startContainer: '/main[1]/p[1]', startOffset: 0, endContainer: '/main[1]/p[1]', endOffset: 32 },
          { type: 'TextPositionSelector', start: 23, end: 55 },
          { type: 'TextQuoteSelector', exact: 'The port opened on 3 March 1921.', prefix: 'port\n\n', suffix: ' Trade grew' },
        ],
      },
    ],
    document: { title: ['A history of the port'] },
    links: { html: 'https://hypothes.is/a/Zx3kq9Abc-_1' },
    ...overrides,
  };
}

describe('reading Hypothesis annotations', () => {
  it('recognises the API shapes and not a W3C collection', () => {
    assert.equal(isHypothesisExport({ total: 1, rows: [row()] }), true);
    assert.equal(isHypothesisExport([row()]), true);
    assert.equal(isHypothesisExport(row()), true);
    assert.equal(isHypothesisExport({ type: 'AnnotationCollection', first: { items: [] } }), false);
    assert.equal(isHypothesisExport({ rows: [] }), false);
  });

  it('turns a row into a valid W3C annotation on the open text, with its comment, tags, creator and dates', () => {
    const { collection, problems } = fromHypothesis({ rows: [row()] }, texts);
    assert.deepEqual(problems, []);
    const a = (collection.first as { items: Annotation[] }).items[0]!;
    assert.deepEqual(validateAnnotation(a).errors, []);
    assert.equal(a.id, 'https://hypothes.is/a/Zx3kq9Abc-_1');
    assert.equal(a.motivation, 'commenting');
    assert.deepEqual(tagsOf(a), ['dates', 'port']);
    assert.equal(a.creator?.name, 'alice');
    assert.equal(a.created, '2024-05-01T10:00:00.000Z');
    assert.equal(a.modified, '2024-05-02T09:30:00.000Z');
    const target = targetsOf(a)[0]!;
    assert.equal(target.source, 'https://example.org/port.txt');
    assert.deepEqual(target.selector.map((s) => s.type), ['TextPositionSelector', 'TextQuoteSelector'], 'the XPath range is dropped');
    const anchor = anchorSelectors(TEXT, target.selector);
    assert.equal(anchor.status, 'anchored');
    assert.equal(anchor.status === 'anchored' && TEXT.slice(anchor.from, anchor.to), 'The port opened on 3 March 1921.');
  });

  it('finds the text by title when the page address differs, and keeps the page of a row on no open text', () => {
    const byTitle = fromHypothesis([row({ uri: 'https://mirror.example.net/port.html', target: [{ ...(row().target as object[])[0]!, source: 'https://mirror.example.net/port.html' }], document: { title: ['A History of the  Port'] } })], texts);
    assert.equal(targetsOf((byTitle.collection.first as { items: Annotation[] }).items[0]!)[0]!.source, 'https://example.org/port.txt');
    const elsewhere = fromHypothesis([row({ uri: 'https://other.example.net/page', target: [{ ...(row().target as object[])[0]!, source: 'https://other.example.net/page' }], document: { title: ['Another page'] } })], texts);
    assert.equal(targetsOf((elsewhere.collection.first as { items: Annotation[] }).items[0]!)[0]!.source, 'https://other.example.net/page');
  });

  it('leaves out page notes, rows without a quote, and ids that are neither Hypothesis ids nor IRIs, each with a sentence', () => {
    const { collection, problems } = fromHypothesis(
      [
        row({ id: 'pagenote1', target: [{ source: 'https://example.org/port.txt' }] }),
        row({ id: 'rangeonly1', target: [{ source: 'https://example.org/port.txt', selector: [{ type: 'RangeSelector', startContainer: '/p[1]' }] }] }),
        row({ id: '<img src=x onerror=alert(1)>' }),
        row({ id: 'baddate1', created: 'yesterday' }),
        row({ id: 'good1', tags: ['__proto__', 'constructor', ' port ', 'port'] }),
      ],
      texts,
    );
    assert.deepEqual(problems.map((p) => p.index), [0, 1, 2, 3]);
    assert.match(problems[0]!.reason, /page note/u);
    assert.match(problems[1]!.reason, /no quote of its passage \(only RangeSelector\)/u);
    assert.match(problems[2]!.reason, /neither Hypothesis's nor an IRI/u);
    assert.match(problems[3]!.reason, /creation date is not a date/u);
    const kept = (collection.first as { items: Annotation[] }).items;
    assert.equal(kept.length, 1);
    assert.deepEqual(tagsOf(kept[0]!), ['__proto__', 'constructor', 'port']);
  });

  it('imports through the ordinary import, reporting the rows left out', () => {
    const json = JSON.stringify({ total: 2, rows: [row(), row({ id: 'pagenote2', target: [{ source: 'x' }] })] });
    const result = importCollection(json, [], { fileName: 'hypothesis.json', texts });
    assert.equal(result.refused, null);
    assert.equal(result.added.length, 1);
    assert.equal(result.skipped.length, 1);
    assert.match(result.skipped[0]!.reason, /page note/u);
  });
});

describe('trimmed Hypothesis rows (only an id and a target, as test fixtures keep them)', () => {
  const trimmed = { total: 1, rows: [{ id: 'row1', target: [{ selector: [{ type: 'TextPositionSelector', start: 4, end: 9 }, { type: 'TextQuoteSelector', exact: 'port', prefix: 'the ', suffix: ' opened' }] }] }] };
  it('are read as Hypothesis rows, not refused as a file of unknown type', () => {
    assert.equal(isHypothesisExport(trimmed), true);
    assert.equal(isHypothesisExport({ rows: [{ id: 'x', target: [], '@context': 'http://www.w3.org/ns/anno.jsonld' }] }), false);
  });
  it('each row missing its page is left out with a sentence saying so', () => {
    const result = importCollection(JSON.stringify(trimmed), [], { fileName: 'fixture.json', texts: [{ ...texts[0]!, source: TEXT }] });
    assert.equal(result.refused, null);
    assert.equal(result.added.length, 0);
    assert.deepEqual(result.skipped.map((s) => s.reason), ['The Hypothesis annotation row1 was left out: it names no page it was made on.']);
  });
});

describe('writing notes for Hypothesis', () => {
  it('round-trips the reader\'s notes through the Hypothesis format without losing anything', () => {
    const passage = { iri: texts[0]!.iri, source: TEXT, from: TEXT.indexOf('Trade grew'), to: TEXT.indexOf(' in the following') };
    const notes = [
      makeNote(passage, 'Which trade?', ['economy', 'port'], readerAgent('Ana María Pérez'), new Date('2026-01-02T03:04:05Z')),
      makeNote({ ...passage, from: 23, to: 31 }, '', ['highlight'], readerAgent('Reader'), new Date('2026-01-03T00:00:00Z')),
    ];
    const exported = toHypothesis(notes, texts);
    assert.equal(exported.total, 2);
    assert.equal(exported.rows[0]!.uri, texts[0]!.iri);
    assert.deepEqual(exported.rows[0]!.document, { title: ['A history of the port'] });
    const back = importCollection(JSON.stringify(exported), [], { fileName: 'round-trip.json', texts });
    assert.deepEqual(back.skipped, []);
    assert.deepEqual(back.added, notes);
  });
});
