/**
 * Anchoring refuses what it cannot tell: cases shaped after the test cases of
 * Hypothesis's client, Apache Annotator and dom-anchor-text-quote (texts of
 * our own), plus probes built with `describeTextRange`. `<a>`…`<b>` marks
 * where a case expects its anchor; a case without marks expects an orphan
 * with the given code.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { anchorAll, anchorSelectors, type OrphanCode } from '../../src/annotations/anchoring/index.ts';
import { anchorAllIndexed } from '../../src/annotations/anchoring/indexed-batch.ts';
import { describeTextRange, type Annotation, type TextSelector } from '../../src/annotations/model.ts';

const LINE = 'The envoy spoke softly to the minister, and the minister answered him at length about copper, grain and loans.';
const FILLER = 'Archives in several cities hold letters, minutes and reports from these years, and historians read them differently. ';

function unmark(withMarks: string): { text: string; from: number; to: number } {
  const from = withMarks.indexOf('<a>');
  const to = withMarks.indexOf('<b>') - 3;
  return { text: withMarks.replace('<a>', '').replace('<b>', ''), from, to };
}

/** Both selectors of the marked range, as the reader records a passage. */
function recorded(withMarks: string): TextSelector[] {
  const { text, from, to } = unmark(withMarks);
  return describeTextRange(text, from, to);
}

const quote = (exact: string, context: { prefix?: string; suffix?: string } = {}): TextSelector[] => [{ type: 'TextQuoteSelector', exact, ...context }];

interface Case {
  /** The text anchored in; marks where the anchor must be, if anywhere. */
  readonly text: string;
  readonly selectors: readonly TextSelector[];
  /** The orphan expected, when the text has no marks. */
  readonly orphan?: OrphanCode;
}

const cases: Record<string, Case> = {
  // Anchored by every peer.
  'a unique quote without context': { text: 'The envoy spoke <a>softly to<b> the minister.', selectors: quote('softly to') },
  'a quote at the very start': { text: '<a>The envoy<b> spoke softly.', selectors: quote('The envoy') },
  'a quote at the very end': { text: 'The envoy spoke <a>softly.<b>', selectors: quote('softly.') },
  'a repeated quote told apart by its prefix': { text: LINE.replace('and the minister', 'and <a>the minister<b>'), selectors: quote('the minister', { prefix: 'softly to the minister, and ' }) },
  'a repeated quote told apart by its suffix': { text: LINE.replace('the minister,', '<a>the minister<b>,'), selectors: quote('the minister', { suffix: ', and the' }) },
  'a repeated quote told apart by a lightly misspelt prefix': {
    text: LINE.replace('and the minister', 'and <a>the minister<b>'),
    selectors: quote('the minister', { prefix: 'sofly to the minster, and ' }),
  },
  'a repeated quote told apart by a suffix written without its space': { text: LINE.replace('the minister answered', '<a>the minister<b> answered'), selectors: quote('the minister', { suffix: 'answerd him' }) },
  'a quote whose suffix runs past the end of the text': { text: 'Copper, grain and <a>loans<b>', selectors: quote('loans', { suffix: ' were discussed' }) },
  'a quote whose prefix runs past the start of the text': { text: '<a>The envoy<b> spoke softly.', selectors: quote('The envoy', { prefix: 'In the archive: ' }) },
  'a lightly misspelt quote without context': { text: 'The envoy spoke <a>softly to the minister<b>.', selectors: quote('softy to the minister') },
  'a repeated quote told apart by the old position': {
    text: `${FILLER}${FILLER}<a>Archives<b> in several cities hold letters.`,
    selectors: [...quote('Archives'), { type: 'TextPositionSelector', start: 2 * FILLER.length - 4, end: 2 * FILLER.length + 4 }],
  },
  // An exact copy far away must not capture a passage that, lightly edited, still stands where it was.
  'a lightly edited passage in place, over an exact copy with like context far away': {
    text: `Later the council voted the copper law into force that winter. ${FILLER.repeat(30)}Then the council voted <a>the coper law<b> into force that autumn.`,
    selectors: recorded(`Later the council voted the copper law into force that winter. ${FILLER.repeat(30)}Then the council voted <a>the copper law<b> into force that autumn.`),
  },

  // Refused.
  'a quote not in the text': { text: LINE, selectors: quote('a quern stood idle'), orphan: 'not-found' },
  'a repeated quote without context or position': { text: LINE, selectors: quote('the minister'), orphan: 'ambiguous' },
  'overlapping occurrences without context': { text: 'bananas', selectors: quote('ana'), orphan: 'ambiguous' },
  'a unique quote whose suffix the text contradicts': { text: LINE, selectors: quote('softly', { suffix: 't' }), orphan: 'weak' },
  'a unique quote whose prefix and suffix the text contradicts': {
    text: LINE,
    selectors: quote('copper', { prefix: 'a ledger of 1931 listing ', suffix: ' mines by the railway station' }),
    orphan: 'weak',
  },
  // describeTextRange gives no prefix at the start of a text: the suffix alone must not let a look-alike in.
  'a passage at the start of a text, rewritten, with a copy of its quote elsewhere': {
    text: `Nobody signed anything that spring. ${FILLER}Critics of the treaty wrote to every newspaper in the capital.`,
    selectors: recorded(`<a>the treaty<b> was signed that spring by both governments. ${FILLER}`),
    orphan: 'weak',
  },
  'a passage at the end of a text, rewritten, with a copy of its quote elsewhere': {
    text: `The treaty lapsed quietly, and critics wrote to every newspaper. ${FILLER}Nobody signed anything that year.`,
    selectors: recorded(`${FILLER}Both governments then signed <a>the treaty<b>`),
    orphan: 'weak',
  },
  // The best look-alike's context just clears the bar, the other's just misses it: neither is singled out.
  'two look-alikes of a rewritten passage, one with context just above the bar and one just below': {
    text: `${FILLER}The infantry advanced. ${FILLER}Guns help the infantry gain and hold fire superiority. Every effort is made. ${FILLER}Its whole weight brings fire superiority, not by its numbers alone. ${FILLER}`,
    selectors: quote('fire', { prefix: 'the infantry in gaining and keeping ', suffix: ' superiority, not only by its hits' }),
    orphan: 'ambiguous',
  },
  'a repeated passage with the same context on both sides and no position': {
    text: `${LINE} ${FILLER}${LINE} ${FILLER}`,
    selectors: quote('copper', { prefix: 'at length about ', suffix: ', grain and loans.' }),
    orphan: 'ambiguous',
  },
};

function annotationOf(selectors: readonly TextSelector[]): Annotation {
  return { id: 'urn:x:case', type: 'Annotation', motivation: 'commenting', target: { type: 'SpecificResource', source: 'urn:x:text', selector: [...selectors] }, body: [], created: '2026-01-01T00:00:00Z' };
}

describe('anchoring never guesses', () => {
  for (const [name, c] of Object.entries(cases)) {
    it(c.orphan ? `orphans ${name} as ${c.orphan}` : `anchors ${name}`, () => {
      const expected = c.orphan ? null : unmark(c.text);
      const text = expected ? expected.text : c.text;
      const anchor = anchorSelectors(text, c.selectors);
      if (expected) {
        assert.equal(anchor.status, 'anchored', anchor.status === 'orphaned' ? anchor.reason : '');
        assert.deepEqual(anchor.status === 'anchored' && [anchor.from, anchor.to], [expected.from, expected.to]);
      } else {
        assert.equal(anchor.status, 'orphaned', anchor.status === 'anchored' ? `anchored at ${anchor.from}: "${text.slice(anchor.from, anchor.to)}"` : '');
        assert.equal(anchor.status === 'orphaned' && anchor.code, c.orphan);
        assert.ok(anchor.status === 'orphaned' && anchor.reason.length > 20, 'with a sentence for the reader');
      }
      // The batch stages, plain and indexed, decide alike.
      const annotations = [annotationOf(c.selectors)];
      assert.deepEqual(anchorAllIndexed(text, annotations).anchors, anchorAll(text, annotations).anchors);
      assert.deepEqual(anchorAll(text, annotations).anchors[0]!.anchor, anchor);
    });
  }
});
