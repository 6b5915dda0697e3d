import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cslOnly, exportReferences, withCitationKeys, type CslItem } from '../../src/analysis/references/index.ts';

/** An invented item carrying every TeX special, a non-ASCII name, an organisation, and members that are not CSL (a span). */
const ITEM = {
  id: 'bib-1',
  type: 'article-journal',
  author: [{ family: 'Ødegård', given: 'K. J.' }, { literal: 'Harbour and Sons {Ltd}' }],
  title: 'Tides at 50%: $costs_ & #ports ~ ^2 \\ {braces}',
  'container-title': 'Coastal Studies',
  issued: { 'date-parts': [[1998, 4]] },
  volume: '26',
  issue: '4',
  page: '511–38',
  DOI: '10.1000/a_b{c}',
  URL: 'https://example.org/x?a=1&b=2',
  accessed: { 'date-parts': [[2020, 1, 2]] },
  note: 'S2CID: 42',
  language: 'Norwegian',
  span: { start: 1, end: 2 },
} as CslItem;

describe('exportReferences: fixed outputs', () => {
  it('BibTeX: every special escaped, the organisation braced whole, URL and DOI verbatim with braces percent-encoded', () => {
    assert.equal(
      exportReferences([ITEM], 'bibtex'),
      [
        '@article{bib-1,',
        '  author = {Ødegård, K. J. and {Harbour and Sons \\{Ltd\\}}},',
        '  title = {{Tides at 50\\%: \\$costs\\_ \\& \\#ports \\textasciitilde{} \\textasciicircum{}2 \\textbackslash{} \\{braces\\}}},',
        '  journal = {Coastal Studies},',
        '  year = {1998},',
        '  date = {1998-04},',
        '  volume = {26},',
        '  number = {4},',
        '  pages = {511--38},',
        '  doi = {10.1000/a_b%7Bc%7D},',
        '  url = {https://example.org/x?a=1&b=2},',
        '  urldate = {2020-01-02},',
        '  language = {Norwegian},',
        '  note = {S2CID: 42}',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('RIS: one tag a line, values as written, pages split, dates YYYY/MM/DD/', () => {
    assert.equal(
      exportReferences([ITEM], 'ris'),
      [
        'TY  - JOUR',
        'ID  - bib-1',
        'AU  - Ødegård, K. J.',
        'AU  - Harbour and Sons {Ltd}',
        'TI  - Tides at 50%: $costs_ & #ports ~ ^2 \\ {braces}',
        'T2  - Coastal Studies',
        'PY  - 1998',
        'DA  - 1998/04//',
        'VL  - 26',
        'IS  - 4',
        'SP  - 511',
        'EP  - 38',
        'DO  - 10.1000/a_b{c}',
        'UR  - https://example.org/x?a=1&b=2',
        'Y2  - 2020/01/02/',
        'LA  - Norwegian',
        'N1  - S2CID: 42',
        'ER  - ',
        '',
      ].join('\n'),
    );
  });

  it('CSL-JSON: the CSL members only, read back equal', () => {
    const text = exportReferences([ITEM], 'csl-json');
    const back = JSON.parse(text) as Record<string, unknown>[];
    assert.equal(back.length, 1);
    assert.equal('span' in back[0]!, false);
    const { span: _span, ...csl } = ITEM as CslItem & { span: unknown };
    assert.deepEqual(back[0], csl);
    assert.deepEqual(cslOnly(ITEM), csl);
    assert.ok(text.endsWith(']\n'));
  });

  it('RIS read back gives the item’s values (a small reader written from the tag grammar)', () => {
    const items = [ITEM, { id: 'bib-2', type: 'book', title: 'Two\nlines', publisher: 'Quay Books' } as CslItem];
    const records = exportReferences(items, 'ris')
      .split(/^ER {2}- $/mu)
      .filter((r) => r.trim())
      .map((r) => {
        const fields: Record<string, string[]> = {};
        for (const line of r.trim().split('\n')) {
          const m = /^([A-Z][A-Z0-9]) {2}- (.*)$/u.exec(line);
          assert.ok(m, `a tagged line: ${line}`);
          (fields[m[1]!] ??= []).push(m[2]!);
        }
        return fields;
      });
    assert.equal(records.length, 2);
    assert.deepEqual(records[0]!.AU, ['Ødegård, K. J.', 'Harbour and Sons {Ltd}']);
    assert.deepEqual(records[0]!.TI, [ITEM.title]);
    assert.deepEqual(records[1]!.TI, ['Two lines']);
    assert.deepEqual(records[1]!.TY, ['BOOK']);
  });

  it('an empty list gives an empty file (CSL-JSON: an empty array)', () => {
    assert.equal(exportReferences([], 'bibtex'), '');
    assert.equal(exportReferences([], 'ris'), '');
    assert.equal(exportReferences([], 'csl-json'), '[]\n');
  });
});

describe('withCitationKeys', () => {
  it('keys by ASCII family name and year, lettering works that share one, always unique', () => {
    const item = (family: string | undefined, year?: number): CslItem => ({
      id: 'x',
      type: 'book',
      ...(family ? { author: [{ family }] } : {}),
      ...(year ? { issued: { 'date-parts': [[year]] } } : {}),
    });
    const keys = withCitationKeys([item('Núñez', 2011), item('Lee', 2001), item('Lee', 2001), item(undefined), item('Lee'), item('Leea')]).map((i) => i.id);
    assert.deepEqual(keys, ['nunez2011', 'lee2001a', 'lee2001b', 'work', 'lee', 'leea']);
    const clash = withCitationKeys([item('Lee'), item('Lee'), item('Leea')]).map((i) => i.id);
    assert.deepEqual(clash, ['leea', 'leeb', 'leea-2']);
  });
});
