import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parsePlainText } from '../../src/document/parse.ts';
import { passageCitation, passageLocation } from '../../src/app/passage-citation.ts';

const TEXT = `Harbours of the South

Origins

The first quay was built of stone by the fishermen of the bay, who had no other harbour. It stood for a century.

The second quay followed when the merchants of the town asked for a deeper berth for their ships.

Trade

Ships came from the north 𝔸 every spring, loaded with timber and salt for the markets. They left in autumn.
`;
const parsed = parsePlainText(TEXT);
const at = (s: string): [number, number] => [TEXT.indexOf(s), TEXT.indexOf(s) + s.length];
const ENTRY = { title: 'Harbours of the South', author: 'K. Ode', publisher: 'Quay Books', label: 'Harbours (a history)', iri: 'https://example.org/harbours.txt' };

describe('passageLocation', () => {
  it('names the section and paragraph the passage starts in, with code-point offsets', () => {
    const [from, to] = at('every spring');
    const loc = passageLocation(parsed, from, to);
    assert.deepEqual(loc, { section: 'Trade', paragraph: 3, start: from - 1, end: to - 1 }, 'the astral 𝔸 before it is one code point, two code units');
  });
  it('throws RangeError on an empty or outside range', () => {
    assert.throws(() => passageLocation(parsed, 5, 5), RangeError);
    assert.throws(() => passageLocation(parsed, 0, TEXT.length + 1), RangeError);
  });
});

describe('passageCitation', () => {
  it('gives quote, author, title, publisher, location and link', () => {
    const [from, to] = at('It stood for a century.');
    assert.equal(
      passageCitation(ENTRY, parsed, from, to, 'https://reader.example/#doc=h&at=1-2'),
      '“It stood for a century.” K. Ode, “Harbours of the South” (Quay Books), section “Origins”, paragraph 1, characters ' +
        `${from}–${to}. https://reader.example/#doc=h&at=1-2 (text: https://example.org/harbours.txt)`,
    );
  });
  it('never invents a lost title or author: the label stands in brackets, the author is left out', () => {
    const [from, to] = at('The first quay');
    const text = passageCitation({ ...ENTRY, title: null, author: null, publisher: null }, parsed, from, to, 'L');
    assert.ok(text.startsWith('“The first quay” [Harbours (a history)], section “Origins”, paragraph 1,'), text);
  });
  it('shortens a long passage at a word, ending in …', () => {
    const long = parsePlainText(`Title\n\n${'word '.repeat(100)}end.\n`);
    const text = passageCitation(ENTRY, long, 7, long.source.length - 1, 'L');
    const quote = /^“(.*?)”/u.exec(text)![1]!;
    assert.ok(quote.endsWith('word…') && quote.length <= 201, quote);
  });
});

describe('passageCitation: a title read as a heading', () => {
  it('does not name the text’s own title as the section', () => {
    const text = 'Harbours of the South\n\nShips came from the north every spring, loaded with timber and salt for the markets. They left in autumn.\n';
    const p = parsePlainText(text);
    const from = text.indexOf('Ships');
    const cited = passageCitation(ENTRY, p, from, from + 5, 'L');
    assert.equal(cited.includes('section'), false, cited);
  });
});
