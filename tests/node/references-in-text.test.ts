import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parsePlainText } from '../../src/document/parse.ts';
import { findInTextCitations, shortCitationsOfNote } from '../../src/analysis/references/in-text.ts';
import { bibliographyReferences } from '../../src/analysis/references/bibliography.ts';
import { textCitations } from '../../src/analysis/references/text-works.ts';
import { parseReference } from '../../src/analysis/references/index.ts';

/** Each case: a sentence with the expected citations marked `[…]`, and what each reads as (authors/year/suffix/locator). */
const CASES: Record<string, { text: string; expect: { authors: string; year: number | null; suffix?: string; locator?: string }[] }> = {
  'parenthetical with page': { text: 'Prices rose ([Kowalski 1987, 45]).', expect: [{ authors: 'Kowalski', year: 1987, locator: '45' }] },
  'two in one bracket with lead-in': {
    text: 'As argued (see [Ode and Brandt, 2003a]; [Lima et al. 2010: 12-14]).',
    expect: [
      { authors: 'Ode and Brandt', year: 2003, suffix: 'a' },
      { authors: 'Lima et al.', year: 2010, locator: '12–14' },
    ],
  },
  'narrative': { text: 'In [Okafor (2019)] and [Yu & Berg (2002, p. 7)] the claim is made.', expect: [{ authors: 'Okafor', year: 2019 }, { authors: 'Yu & Berg', year: 2002, locator: '7' }] },
  'organisation': { text: '[Harbour Board (2015)] reported it.', expect: [{ authors: 'Harbour Board', year: 2015 }] },
  'undated': { text: 'A pamphlet ([Vasquez n.d.]) says so.', expect: [{ authors: 'Vasquez', year: null }] },
  'a year alone is no citation': { text: 'It fell (1999) and rose (in 2001).', expect: [] },
  'a month is no author': { text: 'It opened (January 1999) and closed (Spring 2001).', expect: [] },
};

/** The text without its `[`/`]` marks, and the marked spans. */
function unmark(marked: string): { text: string; spans: [number, number][] } {
  const spans: [number, number][] = [];
  let text = '';
  let open = -1;
  for (const c of marked) {
    if (c === '[') open = text.length;
    else if (c === ']') spans.push([open, text.length]);
    else text += c;
  }
  return { text, spans };
}

describe('findInTextCitations', () => {
  for (const [name, c] of Object.entries(CASES)) {
    it(name, () => {
      const { text, spans } = unmark(c.text);
      const found = findInTextCitations(text);
      assert.deepEqual(found.map((f) => [f.from, f.to]), spans);
      assert.deepEqual(
        found.map((f) => ({ authors: f.authors, year: f.year, ...(f.suffix ? { suffix: f.suffix } : {}), ...(f.locator ? { locator: f.locator } : {}) })),
        c.expect,
      );
    });
  }
});

describe('shortCitationsOfNote', () => {
  it('reads a note made only of short citations', () => {
    assert.deepEqual(shortCitationsOfNote('Ode, 2000; Lima, 2001: 52.').map((c) => [c.authors, c.year, c.locator]), [
      ['Ode', 2000, undefined],
      ['Lima', 2001, '52'],
    ]);
  });
  it('gives nothing when part of the note is prose', () => {
    assert.deepEqual(shortCitationsOfNote('Ode 2000; but compare the later figures.'), []);
  });
});

describe('parseReference: Chicago author–date', () => {
  it('reads "Family, I. Year. Title. Place: Publisher."', () => {
    const item = parseReference('Ode, K. 2000. Harbours of the South: A History. Leeds, UK: Quay Books.');
    assert.deepEqual(item.author, [{ family: 'Ode', given: 'K.' }]);
    assert.deepEqual(item.issued, { 'date-parts': [[2000]] });
    assert.equal(item.title, 'Harbours of the South: A History');
    assert.equal(item.publisher, 'Quay Books');
    assert.equal(item['publisher-place'], 'Leeds, UK');
  });
  it('reads a journal article with "Journal 26 (4): 511–38"', () => {
    const item = parseReference('Lima, P. 1998. “Ports and Power.” Coastal Studies 26 (4): 511–38.');
    assert.equal(item.type, 'article-journal');
    assert.equal(item.title, 'Ports and Power');
    assert.equal(item['container-title'], 'Coastal Studies');
    assert.deepEqual([item.volume, item.issue, item.page], ['26', '4', '511–38']);
  });
  it('reads an organisation as a literal author', () => {
    assert.deepEqual(parseReference('Harbour Board. 2015. “Annual Report.”').author, [{ literal: 'Harbour Board' }]);
  });
});

/** An author–date text of my own: citations in the prose, a bibliography, a spurious heading inside it. */
const AUTHOR_DATE = `Harbours

Trade grew fast (Ode 2000, 12). Okafor (2019) disagrees; see also (Lima 1998; Ode 2000b). A later
study (Quist 2005) is not listed. The port of Tyre (1290) is a place and a year.

References

Ode, K. 2000. Harbours of the South. Leeds: Quay Books.

Ode, K. 2000b. “Tides.” Coastal Studies 3 (1): 1–9.

Lima, P. 1998. “Ports and Power.” Coastal Studies 26 (4): 511–38.

Okafor, N. 2019. Sea Lanes. Lagos: Lagoon Press.

Unread, U. 1970. A book nobody cites. Paris: Seine.

Further reading

Ode, K. 2020. Later Work. Leeds: Quay Books.
`;

describe('bibliographyReferences', () => {
  it('reads the entries under References and stops at Further reading', () => {
    const refs = bibliographyReferences(parsePlainText(AUTHOR_DATE));
    assert.deepEqual(refs.map((r) => r.item.author?.[0]?.family), ['Ode', 'Ode', 'Lima', 'Okafor', 'Unread']);
    assert.ok(refs.every((r) => AUTHOR_DATE.slice(r.span.from, r.span.to).startsWith(r.item.author![0]!.family!)));
  });
});

describe('textCitations', () => {
  const parsed = parsePlainText(AUTHOR_DATE);
  const t = textCitations(parsed);
  const quote = (s: { from: number; to: number }): string => AUTHOR_DATE.slice(s.from, s.to);

  it('links each author–year citation to its entry (a year letter picks the lettered entry)', () => {
    const pairs = t.citations.map((c) => [quote(c.citation), c.ref ? quote(c.ref.span).slice(0, 16) : null]);
    assert.deepEqual(pairs, [
      ['Ode 2000, 12', 'Ode, K. 2000. Ha'],
      ['Okafor (2019)', 'Okafor, N. 2019.'],
      ['Lima 1998', 'Lima, P. 1998. “'],
      ['Ode 2000b', 'Ode, K. 2000b. “'],
      ['Quist 2005', null],
    ]);
  });
  it('flags the citation no entry matches, and not a place with a year', () => {
    assert.deepEqual(t.unresolved.map((c) => quote(c.citation)), ['Quist 2005']);
  });
  it('lists every work with the places citing it; an uncited work has none', () => {
    const byAuthor = Object.fromEntries(t.works.map((w) => [`${w.item.author?.[0]?.family} ${w.item.title}`, w.places.map(quote)]));
    assert.deepEqual(byAuthor['Ode Harbours of the South'], ['Ode 2000, 12']);
    assert.deepEqual(byAuthor['Okafor Sea Lanes'], ['Okafor (2019)']);
    assert.deepEqual(byAuthor['Unread A book nobody cites'], []);
    assert.equal(t.works.length, 5);
  });
  it('reports nothing unresolved in a text that cites no author–year at all', () => {
    const plain = parsePlainText('A note\n\nThe siege of Tyre (1290) ended.[1]\n\nReferences\n\n  1. ^ Ode, K. (2000). Harbours. Leeds: Quay Books.\n');
    assert.deepEqual(textCitations(plain).unresolved, []);
  });
  it('a short note (Family Year, p. N) cites the bibliography work, through its marker too', () => {
    const text = `Sieges

The walls held.[1] The gate fell.[2]

Notes

  1. ^ Ode 2000, p. 4.
  2. ^ Ode, K. (2000). Harbours of the South. Leeds: Quay Books.

Bibliography

  * Ode, K. (2000). Harbours of the South. Leeds: Quay Books.
`;
    const w = textCitations(parsePlainText(text));
    assert.equal(w.works.length, 1, 'the note entry and the bibliography entry are one work');
    assert.deepEqual(w.works[0]!.places.map((p) => [p.kind, text.slice(p.from, p.to)]), [
      ['marker', '[1]'],
      ['marker', '[2]'],
      ['citation', 'Ode 2000, p. 4'],
    ]);
  });
});

describe('parseReference: fixes from reading corpus entries by hand (invented entries of the same shapes)', () => {
  const CASES: Record<string, { entry: string; expect: Record<string, unknown> }> = {
    'Chicago names: first family-first, the rest given-first': {
      entry: 'Ode, K.A., B. Lima, and C.D. Okafor. 2016. Harbour Futures: A Report. Leeds, UK: Quay Institute.',
      expect: { author: [{ family: 'Ode', given: 'K.A.' }, { family: 'Lima', given: 'B.' }, { family: 'Okafor', given: 'C.D.' }], title: 'Harbour Futures: A Report' },
    },
    'an editor is not an author': { entry: 'Ode, K., ed. 2014. Tides of Change. Leeds: Quay Books.', expect: { author: undefined, title: 'Tides of Change', issued: { 'date-parts': [[2014]] } } },
    'a chapter in an edited book, a question mark ending its title': {
      entry: 'Lima, B. 2002. “Which Port?” In Harbours Old and New, edited by K. Ode and C. Okafor, 132–64. Leeds, UK: Quay Books.',
      expect: { type: 'chapter', title: 'Which Port?', 'container-title': 'Harbours Old and New', page: '132–64', publisher: 'Quay Books' },
    },
    'an organisation with its expansion, and digits in its name': {
      entry: 'HB2 (Harbour Board Two). 2019. “Annual Figures.” Leeds: HB2.',
      expect: { author: [{ literal: 'HB2 (Harbour Board Two)' }], title: 'Annual Figures' },
    },
    'a DOI with brackets of its own': {
      entry: 'Ode, K. (2006). "Tides". Coastal Studies. 1 (2): 9. doi:10.1000/(abc)12-3(2006)1:1(62).',
      expect: { DOI: '10.1000/(abc)12-3(2006)1:1(62)' },
    },
    'an address broken at a line end by a PDF extraction': {
      entry: 'Quay Board. 2024. “Report.” https://example.org/files/ Harbour_Report_2024.pdf. doi:10.1000/ qb.2024.1.',
      expect: { URL: 'https://example.org/files/Harbour_Report_2024.pdf', DOI: '10.1000/qb.2024.1' },
    },
    'a message titled with its author in brackets': {
      entry: 'Tides and ports (Karin van Ode) https://lists.example.org/2003/0392.html',
      expect: { title: 'Tides and ports', author: [{ family: 'van Ode', given: 'Karin' }] },
    },
    'a place in brackets after a dated title is not an author': {
      entry: 'Harbour Board (2001). Tides of the Bay (New York). https://example.org/t.html',
      expect: { author: undefined },
    },
  };
  for (const [name, c] of Object.entries(CASES)) {
    it(name, () => {
      const item = parseReference(c.entry) as unknown as Record<string, unknown>;
      for (const [k, v] of Object.entries(c.expect)) assert.deepEqual(item[k], v, k);
    });
  }
});

describe('bibliographyReferences: two entries run into one block', () => {
  it('starts a new entry at a line that opens with a name and a year', () => {
    const text = `Ports

The text cites its works here (Ode 2014; Lima 1982) in one bracket of two citations for the test.

REFERENCES
Ode, K., ed. 2014. Tides of Change: 25 Years of Harbour Work. Leeds, UK:
Quay Books.
Lima, B. 1982. Ships and Markets. Porto, Portugal: Cais Editions.
`;
    const refs = bibliographyReferences(parsePlainText(text));
    assert.deepEqual(refs.map((r) => text.slice(r.span.from, r.span.to).slice(0, 9)), ['Ode, K., ', 'Lima, B. ']);
    assert.equal(refs[0]!.item.publisher, 'Quay Books');
    assert.equal(refs[1]!.item.title, 'Ships and Markets');
  });
});
