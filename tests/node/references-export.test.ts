import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { escapeBibtex, parseReference, toBibtex, toBibtexFile, toRis, toRisFile, type CslItem, type CslName } from '../../src/analysis/references/index.ts';
import { parseBibtexWithBbt, readWithCitationJs } from './support/reference-parsers.ts';

const ENTRIES = [
  "Harmer, Tanya (2011). Allende's Chile and the Inter-American Cold War. Chapel Hill, NC: University of North Carolina Press. pp. 192–193. ISBN 978-1-84467-030-7.",
  'Ulianova, Olga (2003). "Soviet Union & Chile: 50% of {trade}_#1 ~ $5^2 \\ back". Journal of Cold War History. 3 (2): 45–67. doi:10.1080/713999979. S2CID 153891489.',
  '"Relaciones bilaterales ruso-chilenas" (in Spanish). Embassy of Russia in Chile. 19 February 2007. https://example.org/a_b?x=1&y=2. Retrieved 2009-03-31.',
  'Jane Smith and Robert Jones, "The Cold War in Chile," Journal of Latin American Studies 12, no. 3 (1999): 45–67.',
  'S2CID 153891489.',
];

const items: CslItem[] = ENTRIES.map((e, n) => ({ id: `note-${n + 1}`, ...parseReference(e) }));

/** Invented items carrying every TeX special, particles, an organisation and non-ASCII names in every field kind. */
const HOSTILE: CslItem[] = [
  {
    id: 'hostile-1',
    type: 'chapter',
    author: [{ family: 'de la Fuente', given: 'Juan' }, { family: 'Ødegård', given: 'K. J.' }, { literal: 'Harbour and Sons {Ltd} & Co.' }, { family: 'Łukasiewicz-Müller', given: 'Zoë' }],
    editor: [{ family: 'van der Berg', given: 'A. B.' }, { family: 'Smith and Wesson', given: 'Jo' }, { literal: 'Board of {Editors} & Co.' }],
    title: 'Tides at 50%: $costs_ & #ports ~ ^2 \\ {braces} } { @misc{x,',
    'container-title': 'Essays & {Notes} 100% ~ ^',
    publisher: 'Quay & Sons #2',
    'publisher-place': 'Valparaíso',
    issued: { 'date-parts': [[1998, 4, 3]] },
    page: '511–538',
    DOI: '10.1000/a_b#c%d',
    ISBN: '9780000000000',
    URL: 'https://example.org/x_y?a=1&b=2%20#frag',
    accessed: { 'date-parts': [[2020, 1, 2]] },
    language: 'Norwegian',
    note: 'S2CID: 42 ~ ^ \\ $_',
  },
  { id: 'hostile-2', type: 'article-journal', title: '}}} @misc{evil,', 'container-title': 'Revista ñ: “Año” – über', author: [{ family: 'Ñúñez', given: 'José-María' }], issued: { 'date-parts': [[2001]] }, page: '45–67, 70–72' },
  { id: 'hostile-3', type: 'book', editor: [{ family: 'Núñez', given: 'José' }, { family: 'Gates & Co_', given: 'Ann' }], title: 'Edited & {only}', publisher: 'Quay Books', issued: { 'date-parts': [[1999]] } },
];

const ALL = [...items, ...HOSTILE];

/** A CSL name as written out whole, whichever way a parser splits its particles off. */
const fullName = (n: { literal?: string; name?: string; family?: string; lastName?: string; given?: string; firstName?: string; prefix?: string; 'non-dropping-particle'?: string }): string =>
  n.literal ?? n.name ?? `${[n.prefix ?? n['non-dropping-particle'], n.family ?? n.lastName].filter(Boolean).join(' ')}|${n.given ?? n.firstName ?? ''}`;
const cslName = (n: CslName): string => fullName(n);
/** Page ranges with every dash a hyphen: citation-js rewrites the dash of the first range only. */
const dashes = (page: unknown): string | undefined => (typeof page === 'string' ? page.replace(/[–-]/gu, '-') : undefined);
const isoOf = (d: CslItem['issued']): string | undefined => d?.['date-parts'][0]!.map((n, i) => (i === 0 ? String(n) : String(n).padStart(2, '0'))).join('-');

describe('BibTeX export read back by maintained parsers', () => {
  it('Better BibTeX’s parser (@retorquere/bibtex-parser) loads every entry without an error, every value equal', () => {
    const lib = parseBibtexWithBbt(toBibtexFile(ALL));
    assert.deepEqual(lib.errors, []);
    assert.equal(lib.entries.length, ALL.length);
    lib.entries.forEach((entry, n) => {
      const item = ALL[n]!;
      const f = entry.fields;
      assert.equal(entry.key, item.id);
      assert.deepEqual(f.author?.map(fullName), item.author?.map(cslName));
      assert.deepEqual(f.editor?.map(fullName), item.editor?.map(cslName));
      assert.equal(f.title, item.title);
      assert.equal(f.journal ?? f.booktitle ?? f.howpublished, item['container-title']);
      assert.deepEqual(f.publisher, item.publisher === undefined ? undefined : [item.publisher]);
      assert.equal(f.address, item['publisher-place']);
      assert.equal(f.year, item.issued ? String(item.issued['date-parts'][0]![0]) : undefined);
      assert.equal(f.date, isoOf(item.issued));
      assert.equal(f.urldate, isoOf(item.accessed));
      assert.equal(f.pages, item.page);
      assert.equal(f.volume, item.volume);
      assert.equal(f.number, item.issue);
      assert.equal(f.doi, item.DOI);
      assert.equal(f.isbn, item.ISBN);
      assert.equal(f.url, item.URL);
      assert.equal(f.language, item.language);
      assert.equal(f.note, item.note);
    });
  });

  it('citation-js (@citation-js/plugin-bibtex) reads it back to the same CSL values, with no warning', () => {
    const { items: back, warnings } = readWithCitationJs(toBibtexFile(ALL), '@biblatex/text');
    assert.deepEqual(warnings, []);
    assert.equal(back.length, ALL.length);
    back.forEach((csl, n) => {
      // A website's or document's container is written as `howpublished`, which citation-js reads as the publisher.
      const written = ALL[n]!;
      const howpublished = !['article-journal', 'article-newspaper', 'chapter'].includes(written.type) && written['container-title'] !== undefined;
      const item: CslItem = howpublished ? { ...written, publisher: written.publisher ?? written['container-title'], 'container-title': undefined } : written;
      assert.equal(csl.id, item.id);
      assert.equal(csl.type, item.type === 'article-newspaper' ? 'article-journal' : item.type);
      assert.deepEqual((csl.author as Parameters<typeof fullName>[0][] | undefined)?.map(fullName), item.author?.map((a) => (a.literal ? `${a.literal}|` : cslName(a))));
      assert.deepEqual((csl.editor as Parameters<typeof fullName>[0][] | undefined)?.map(fullName), item.editor?.map((a) => (a.literal ? `${a.literal}|` : cslName(a))));
      for (const key of ['title', 'container-title', 'publisher', 'publisher-place', 'volume', 'issue', 'DOI', 'ISBN', 'URL', 'language', 'note', 'issued', 'accessed'] as const) {
        assert.deepEqual(csl[key], item[key], `${item.id} ${key}`);
      }
      assert.equal(dashes(csl.page), dashes(item.page));
    });
  });

  it('keeps a name part with a comma or an “and” in it as one part of one name', () => {
    const item: CslItem = { id: 'names', type: 'book', title: 't', author: [{ family: 'Smith and Wesson', given: 'John' }, { family: 'Gates', given: 'Henry Louis, Jr.' }, { family: 'Lee', given: 'Ann' }] };
    const bib = toBibtex(item);
    const lib = parseBibtexWithBbt(bib);
    assert.deepEqual(lib.errors, []);
    assert.deepEqual(lib.entries[0]!.fields.author?.map(fullName), item.author!.map(cslName));
    const { items: back, warnings } = readWithCitationJs(bib, '@biblatex/text');
    assert.deepEqual(warnings, []);
    assert.deepEqual((back[0]!.author as Parameters<typeof fullName>[0][]).map(fullName), item.author!.map(cslName));
  });

  it('writes an item with no field but its key as an entry both parsers load', () => {
    const bib = toBibtexFile([{ id: 'bare', type: 'document' }, { id: 'next', type: 'book', title: 'After' }]);
    assert.equal(bib.split('\n')[0], '@misc{bare,');
    const lib = parseBibtexWithBbt(bib);
    assert.deepEqual(lib.errors, []);
    assert.deepEqual(lib.entries.map((e) => e.key), ['bare', 'next']);
    const { items: back, warnings } = readWithCitationJs(bib, '@biblatex/text');
    assert.deepEqual(warnings, []);
    assert.deepEqual(back.map((i) => [i.id, i.title]), [['bare', undefined], ['next', 'After']]);
  });

  it('maps types to BibTeX entry types', () => {
    assert.deepEqual(parseBibtexWithBbt(toBibtexFile(items)).entries.map((e) => e.type), ['book', 'article', 'online', 'article', 'misc']);
  });

  it('escapes every TeX special so braces stay balanced; ~ and ^ as text commands, not accents', () => {
    assert.equal(escapeBibtex('a{b}c & 50% $x_1# ~^\\'), 'a\\{b\\}c \\& 50\\% \\$x\\_1\\# \\textasciitilde{}\\textasciicircum{}\\textbackslash{}');
    const hostile: CslItem = { id: 'x y}', type: 'document', title: '}}} @misc{evil,', note: '{' };
    const lib = parseBibtexWithBbt(toBibtex(hostile));
    assert.deepEqual(lib.errors, []);
    assert.equal(lib.entries.length, 1);
    assert.equal(lib.entries[0]!.key, 'x_y_');
    assert.equal(lib.entries[0]!.fields.title, hostile.title);
    assert.equal(lib.entries[0]!.fields.note, hostile.note);
  });

  it('writes dates as year plus ISO date, and the access date as urldate', () => {
    const text = toBibtex(items[2]!);
    assert.match(text, /year = \{2007\}/u);
    assert.match(text, /date = \{2007-02-19\}/u);
    assert.match(text, /urldate = \{2009-03-31\}/u);
  });
});

describe('RIS export', () => {
  it('citation-js (@citation-js/plugin-ris) reads every record back to the same CSL values, with no warning', () => {
    const { items: back, warnings } = readWithCitationJs(toRisFile(ALL), '@ris/file');
    assert.deepEqual(warnings, []);
    assert.equal(back.length, ALL.length);
    back.forEach((csl, n) => {
      const item = ALL[n]!;
      assert.equal(csl.id, item.id);
      assert.equal(csl.type, item.type);
      assert.deepEqual((csl.author as Parameters<typeof fullName>[0][] | undefined)?.map(fullName), item.author?.map(cslName));
      // citation-js reads the editor of a book (A3) and of a chapter (A2) only; ED, for the other types, is Zotero's.
      const edited = item.type === 'book' || item.type === 'chapter';
      assert.deepEqual((csl.editor as Parameters<typeof fullName>[0][] | undefined)?.map(fullName), edited ? item.editor?.map(cslName) : undefined, `${item.id} editor`);
      for (const key of ['title', 'publisher', 'publisher-place', 'volume', 'issue', 'DOI', 'ISBN', 'URL', 'language', 'note'] as const) {
        assert.deepEqual(csl[key], item[key], `${item.id} ${key}`);
      }
      assert.equal(dashes(csl.page), dashes(item.page));
      // The RIS spec citation-js follows reads a web page's T2 as its collection, and its access date from M1, not
      // Y2 (which Zotero reads as the access date of every type, and which is kept for it).
      const web = item.type === 'webpage';
      assert.equal(csl[web ? 'collection-title' : 'container-title'], item['container-title'], `${item.id} container`);
      if (!web) assert.deepEqual(csl.accessed, item.accessed, `${item.id} accessed`);
      // PY (the year) is read before DA (the full date) for most types, so only the year is compared.
      assert.equal((csl.issued as CslItem['issued'])?.['date-parts'][0]![0], item.issued?.['date-parts'][0]![0]);
    });
  });

  it('writes one tagged record per item, closed by ER', () => {
    const ris = toRis(items[1]!);
    const lines = ris.replace(/\n$/u, '').split('\n');
    assert.equal(lines[0], 'TY  - JOUR');
    assert.equal(lines.at(-1), 'ER  - ');
    assert.ok(lines.includes('AU  - Ulianova, Olga'));
    assert.ok(lines.includes('SP  - 45'));
    assert.ok(lines.includes('EP  - 67'));
    assert.ok(lines.includes('DO  - 10.1080/713999979'));
    assert.ok(lines.includes('T2  - Journal of Cold War History'));
    assert.ok(lines.every((l) => /^[A-Z][A-Z0-9] {2}- /u.test(l)));
  });

  it('writes the editor as A2 for a chapter, A3 for a book, ED for the other types', () => {
    const editor = [{ family: 'Smith', given: 'Jo' }];
    const tags = (type: CslItem['type']): string[] => toRis({ id: 'e', type, editor }).split('\n').filter((l) => l.endsWith('- Smith, Jo'));
    assert.deepEqual(tags('chapter'), ['A2  - Smith, Jo']);
    assert.deepEqual(tags('book'), ['A3  - Smith, Jo']);
    assert.deepEqual(tags('article-journal'), ['ED  - Smith, Jo']);
    assert.deepEqual(tags('document'), ['ED  - Smith, Jo']);
  });

  it('keeps a value on one line and writes dates as YYYY/MM/DD/', () => {
    const ris = toRis({ id: 'a', type: 'webpage', title: 'two\nlines', issued: { 'date-parts': [[2007, 2]] }, accessed: { 'date-parts': [[2009, 3, 31]] } });
    assert.ok(ris.includes('TI  - two lines\n'));
    assert.ok(ris.includes('DA  - 2007/02//\n'));
    assert.ok(ris.includes('Y2  - 2009/03/31/\n'));
    assert.equal(ris.includes('AU  -'), false);
  });
});
