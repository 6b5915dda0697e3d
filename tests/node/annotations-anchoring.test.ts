import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { anchorAll, anchorSelectors, FUZZY_WINDOW, UNVERIFIED_POSITION_SCORE } from '../../src/annotations/anchoring/index.ts';
import { describeTextRange, type Annotation, type TextSelector } from '../../src/annotations/model.ts';

/** Text with `<a>` and `<b>` marking a range; returns the plain text and the range in code units. */
function marked(withMarks: string): { text: string; from: number; to: number } {
  const from = withMarks.indexOf('<a>');
  const to = withMarks.indexOf('<b>') - 3;
  return { text: withMarks.replace('<a>', '').replace('<b>', ''), from, to };
}

/** Both selectors for the marked range of an original text. */
function selectorsFor(withMarks: string): TextSelector[] {
  const { text, from, to } = marked(withMarks);
  return describeTextRange(text, from, to);
}

const FILLER =
  'Archives in several cities hold letters, minutes and reports from these years, and historians have read them in different ways. ';

describe('anchorSelectors', () => {
  it('accepts the position when the text there equals the quote', () => {
    const original = 'The embassy opened in spring. <a>A trade mission followed in the autumn<b> of that year.';
    const { text, from, to } = marked(original);
    const anchor = anchorSelectors(text, selectorsFor(original));
    assert.deepEqual(anchor, { status: 'anchored', from, to, method: 'position', score: 1 });
  });

  it('falls back to the exact quote when text was inserted before it', () => {
    const selectors = selectorsFor('The embassy opened in spring. <a>A trade mission followed<b> in the autumn.');
    const edited = marked('A new preface sentence. The embassy opened in spring. <a>A trade mission followed<b> in the autumn.');
    const anchor = anchorSelectors(edited.text, selectors);
    assert.equal(anchor.status, 'anchored');
    assert.deepEqual(anchor.status === 'anchored' && [anchor.from, anchor.to, anchor.method], [edited.from, edited.to, 'quote']);
  });

  it('picks the occurrence whose prefix and suffix match among repeated quotes', () => {
    const original = 'First the minister spoke about grain. Then, after the vote, <a>the minister<b> spoke about copper.';
    const quoteOnly = selectorsFor(original).filter((s) => s.type === 'TextQuoteSelector');
    const { text, from, to } = marked(original);
    const anchor = anchorSelectors(text, quoteOnly);
    assert.deepEqual(anchor.status === 'anchored' && [anchor.from, anchor.to, anchor.method], [from, to, 'quote']);
  });

  it('re-anchors a lightly edited quote in a corrected edition', () => {
    const original = `${FILLER}The delegation <a>arrived in1959 and signed the the agreement on fishing rights<b> before leaving. ${FILLER}`;
    const edited = marked(`${FILLER}${FILLER}The delegation <a>arrived in 1959 and signed the agreement on fishing rights<b> before leaving. ${FILLER}`);
    const anchor = anchorSelectors(edited.text, selectorsFor(original));
    assert.equal(anchor.status, 'anchored');
    if (anchor.status !== 'anchored') return;
    assert.equal(anchor.method, 'fuzzy');
    assert.deepEqual([anchor.from, anchor.to], [edited.from, edited.to]);
    assert.ok(anchor.score > 0.8, `score ${anchor.score}`);
  });

  it('orphans a quote whose passage was rewritten', () => {
    const original = `${FILLER}The delegation <a>arrived in 1959 and signed the agreement on fishing rights<b> before leaving. ${FILLER}`;
    const edited = `${FILLER}The delegation stayed at home that year, and no agreement about the coast was ever drafted. ${FILLER}`;
    const anchor = anchorSelectors(edited, selectorsFor(original));
    assert.equal(anchor.status, 'orphaned');
    assert.match(anchor.status === 'orphaned' ? anchor.reason : '', /no longer in the text/);
  });

  it('does not let a look-alike passage in other surroundings capture a rewritten quote', () => {
    const original = `${FILLER}In the spring, <a>the ambassador met the foreign minister in the capital<b> to discuss loans. ${FILLER}`;
    const edited =
      `${FILLER}In the spring, talks about loans were postponed indefinitely by both sides. ${FILLER}` +
      'Years later, during a brief crisis, the ambassador met the foreign ministers in the capital, said the newspapers. ';
    const anchor = anchorSelectors(edited, selectorsFor(original));
    assert.equal(anchor.status, 'orphaned');
  });

  it('orphans rather than choose between two equally good look-alikes (margin rule)', () => {
    const original = `<a>the committee approved the shipment of machinery<b>`;
    const selectors = selectorsFor(original).filter((s) => s.type === 'TextQuoteSelector');
    const edited = `${FILLER}Then the committee approved a shipment of machinery. ${FILLER}Then the committee approved a shipment of machinery. ${FILLER}`;
    const anchor = anchorSelectors(edited, selectors);
    assert.equal(anchor.status, 'orphaned');
    assert.match(anchor.status === 'orphaned' ? anchor.reason : '', /two passages/);
  });

  it('prefers a lightly edited passage in place over an exact copy of a short quote elsewhere', () => {
    const original = `${FILLER}Both governments praised <a>the treaty<b> at a reception in the capital city. ${FILLER}`;
    const edited = marked(
      `${FILLER}Both governments praised <a>the Treaty<b> at a reception in the capital city. ${FILLER}Critics of the treaty wrote long letters to every newspaper.`,
    );
    const anchor = anchorSelectors(edited.text, selectorsFor(original));
    assert.deepEqual(anchor.status === 'anchored' && [anchor.from, anchor.to, anchor.method], [edited.from, edited.to, 'fuzzy']);
  });

  it('anchors by position alone, unverified, when there is no quote', () => {
    const text = 'Short text about a visit.';
    const anchor = anchorSelectors(text, [{ type: 'TextPositionSelector', start: 6, end: 10 }]);
    assert.deepEqual(anchor, { status: 'anchored', from: 6, to: 10, method: 'position', score: UNVERIFIED_POSITION_SCORE });
    const outside = anchorSelectors(text, [{ type: 'TextPositionSelector', start: 6, end: 100 }]);
    assert.equal(outside.status, 'orphaned');
  });

  it('anchors by quote alone, exactly and fuzzily', () => {
    const text = `${FILLER}The consulate reopened after a long pause. ${FILLER}`;
    const exact = anchorSelectors(text, [{ type: 'TextQuoteSelector', exact: 'consulate reopened' }]);
    assert.deepEqual(exact.status === 'anchored' && [text.slice(exact.from, exact.to), exact.method], ['consulate reopened', 'quote']);
    const fuzzy = anchorSelectors(text, [{ type: 'TextQuoteSelector', exact: 'consulate re-opened after a long pause' }]);
    assert.deepEqual(fuzzy.status === 'anchored' && [text.slice(fuzzy.from, fuzzy.to), fuzzy.method], ['consulate reopened after a long pause', 'fuzzy']);
  });

  it('reads positions as code points in a text with astral characters', () => {
    const original = '𝔄𝔫 old 😀 note: <a>the envoy 𝔯eturned<b> home.';
    const selectors = selectorsFor(original);
    const position = selectors.find((s) => s.type === 'TextPositionSelector');
    const { text, from, to } = marked(original);
    assert.ok(position && position.type === 'TextPositionSelector' && position.start < from, 'position counts code points');
    assert.deepEqual(anchorSelectors(text, selectors), { status: 'anchored', from, to, method: 'position', score: 1 });
    const edited = `😀😀 ${text}`;
    const moved = anchorSelectors(edited, selectors);
    assert.deepEqual(moved.status === 'anchored' && edited.slice(moved.from, moved.to), 'the envoy 𝔯eturned');
  });

  it('finds an edited quote far from its old position when the nearby window has nothing', () => {
    const original = `<a>the mission was recalled in haste before winter<b>`;
    const selectors = describeTextRange(marked(original).text, 0, marked(original).to);
    const far = FILLER.repeat(Math.ceil((3 * FUZZY_WINDOW) / FILLER.length));
    const edited = `${far}In the end the mission was recalled in a haste before winter.`;
    const anchor = anchorSelectors(edited, selectors);
    assert.deepEqual(anchor.status === 'anchored' && [edited.slice(anchor.from, anchor.to), anchor.method], ['the mission was recalled in a haste before winter', 'fuzzy']);
  });
});

describe('anchorAll', () => {
  const iri = 'file:///docs/a.txt';
  const other = 'file:///docs/b.txt';
  const original = `${FILLER}The port agreement was signed. ${FILLER}A second clause covered fishing. ${FILLER}`;
  const annotation = (id: string, exact: string, source = iri): Annotation => {
    const from = original.indexOf(exact);
    return {
      id,
      type: 'Annotation',
      motivation: 'commenting',
      target: { type: 'SpecificResource', source, selector: describeTextRange(original, from, from + exact.length) },
      body: [],
      created: '2024-01-01T00:00:00Z',
    };
  };

  it('anchors every target of the document and counts them by method', () => {
    const edited = `Preface. ${original.replace('A second clause covered fishing', 'A second clause coverd fishing')}`;
    const list = [
      annotation('urn:x:1', 'The port agreement was signed'),
      annotation('urn:x:2', 'A second clause covered fishing'),
      annotation('urn:x:3', 'Archives in several cities'),
      annotation('urn:x:4', 'port agreement', other),
    ];
    const { anchors, stats } = anchorAll(edited, list, { source: iri });
    assert.deepEqual(anchors.map((a) => [a.annotationId, a.anchor.status === 'anchored' ? a.anchor.method : 'orphaned']), [
      ['urn:x:1', 'quote'],
      ['urn:x:2', 'fuzzy'],
      ['urn:x:3', 'quote'],
    ]);
    assert.deepEqual(stats, { total: 3, position: 0, quote: 2, fuzzy: 1, orphaned: 0 });
    assert.deepEqual(anchorAll(original, list).stats, { total: 4, position: 4, quote: 0, fuzzy: 0, orphaned: 0 });
  });

  it('keeps orphans in the results with a reason', () => {
    const { anchors, stats } = anchorAll('Nothing of the old text is left here at all.', [annotation('urn:x:1', 'The port agreement was signed')]);
    assert.equal(stats.orphaned, 1);
    assert.equal(anchors[0]!.anchor.status, 'orphaned');
  });
});

describe('orphan reasons', () => {
  it('says when a short quote survives only in foreign surroundings', () => {
    const original = `${FILLER}Both governments praised <a>the treaty<b> at a reception in the capital city. ${FILLER}`;
    const edited = `${FILLER}Nobody mentioned any agreement during that whole cold season. ${FILLER}Critics of the treaty wrote long letters to every newspaper.`;
    const anchor = anchorSelectors(edited, selectorsFor(original));
    assert.equal(anchor.status, 'orphaned');
    assert.match(anchor.status === 'orphaned' ? anchor.reason : '', /still appears in the text, but not amid words like those/);
  });
});
