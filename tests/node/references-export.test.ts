import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { escapeBibtex, parseReference, toBibtex, toBibtexFile, toRis, type CslItem } from '../../src/analysis/references/index.ts';

/**
 * A small BibTeX reader, written from the format's grammar (entries
 * `@type{key, field = {value}, …}` with nested braces), independent of the
 * writer: a value's TeX escapes are undone so it can be compared with the item.
 */
function parseBibtex(text: string): { type: string; key: string; fields: Record<string, string> }[] {
  const entries: { type: string; key: string; fields: Record<string, string> }[] = [];
  let i = 0;
  const skip = (): void => {
    while (i < text.length && /\s/u.test(text[i]!)) i++;
  };
  while ((i = text.indexOf('@', i)) !== -1) {
    const head = /^@(\w+)\{([^,}\s]+)/u.exec(text.slice(i));
    if (!head) throw new SyntaxError(`bad entry head at ${i}`);
    i += head[0].length;
    const fields: Record<string, string> = {};
    for (;;) {
      skip();
      if (text[i] === '}') {
        i++;
        break;
      }
      if (text[i] !== ',') throw new SyntaxError(`expected , at ${i}: ${text.slice(i, i + 20)}`);
      i++;
      skip();
      if (text[i] === '}') {
        i++;
        break;
      }
      const name = /^(\w+)\s*=\s*/u.exec(text.slice(i));
      if (!name) throw new SyntaxError(`bad field at ${i}`);
      i += name[0].length;
      if (text[i] !== '{') throw new SyntaxError(`expected { at ${i}`);
      let depth = 0;
      const start = i + 1;
      for (; i < text.length; i++) {
        if (text[i] === '\\') {
          i++;
          continue;
        }
        if (text[i] === '{') depth++;
        else if (text[i] === '}' && --depth === 0) break;
      }
      if (depth !== 0) throw new SyntaxError('unbalanced braces');
      fields[name[1]!.toLowerCase()] = text.slice(start, i);
      i++;
    }
    entries.push({ type: head[1]!, key: head[2]!, fields });
  }
  return entries;
}

/** Undoes escapeBibtex and the title's protecting braces. */
function unescape(value: string): string {
  return value
    .replace(/\\textbackslash\{\}/gu, '\\')
    .replace(/\\\^\{\}/gu, '^')
    .replace(/\\~\{\}/gu, '~')
    .replace(/\\([{}&%$#_])/gu, '$1')
    .replace(/^\{([\s\S]*)\}$/u, '$1');
}

const ENTRIES = [
  "Harmer, Tanya (2011). Allende's Chile and the Inter-American Cold War. Chapel Hill, NC: University of North Carolina Press. pp. 192–193. ISBN 978-1-84467-030-7.",
  'Ulianova, Olga (2003). "Soviet Union & Chile: 50% of {trade}_#1 ~ $5^2 \\ back". Journal of Cold War History. 3 (2): 45–67. doi:10.1080/713999979. S2CID 153891489.',
  '"Relaciones bilaterales ruso-chilenas" (in Spanish). Embassy of Russia in Chile. 19 February 2007. https://example.org/a_b?x=1&y=2. Retrieved 2009-03-31.',
  'Jane Smith and Robert Jones, "The Cold War in Chile," Journal of Latin American Studies 12, no. 3 (1999): 45–67.',
  'S2CID 153891489.',
];

const items: CslItem[] = ENTRIES.map((e, n) => ({ id: `note-${n + 1}`, ...parseReference(e) }));

describe('BibTeX export', () => {
  it('loads back in a BibTeX parser with every field the item has', () => {
    const parsed = parseBibtex(toBibtexFile(items));
    assert.equal(parsed.length, items.length);
    parsed.forEach((entry, n) => {
      const item = items[n]!;
      assert.equal(entry.key, item.id);
      const f = Object.fromEntries(Object.entries(entry.fields).map(([k, v]) => [k, unescape(v)]));
      assert.equal(f.title, item.title);
      assert.equal(f.author, item.author?.map((a) => `${a.family}, ${a.given}`).join(' and '));
      assert.equal(f.journal ?? f.howpublished, item['container-title']);
      assert.equal(f.publisher, item.publisher);
      assert.equal(f.address, item['publisher-place']);
      assert.equal(f.year, item.issued ? String(item.issued['date-parts'][0]![0]) : undefined);
      assert.equal(f.pages, item.page?.replace('–', '--'));
      assert.equal(f.volume, item.volume);
      assert.equal(f.number, item.issue);
      assert.equal(f.doi, item.DOI);
      assert.equal(f.isbn, item.ISBN);
      assert.equal(f.url, item.URL);
      assert.equal(f.language, item.language);
      assert.equal(f.note, item.note);
    });
  });

  it('maps types to BibTeX entry types', () => {
    assert.deepEqual(parseBibtex(toBibtexFile(items)).map((e) => e.type), ['book', 'article', 'online', 'article', 'misc']);
  });

  it('escapes every TeX special so braces stay balanced', () => {
    assert.equal(escapeBibtex('a{b}c & 50% $x_1# ~^\\'), 'a\\{b\\}c \\& 50\\% \\$x\\_1\\# \\~{}\\^{}\\textbackslash{}');
    const hostile: CslItem = { id: 'x y}', type: 'document', title: '}}} @misc{evil,', note: '{' };
    const parsed = parseBibtex(toBibtex(hostile));
    assert.equal(parsed.length, 1);
    assert.equal(parsed[0]!.key, 'x_y_');
    assert.equal(unescape(parsed[0]!.fields.title!), hostile.title);
  });

  it('writes dates as year plus ISO date, and the access date as urldate', () => {
    const text = toBibtex(items[2]!);
    assert.match(text, /year = \{2007\}/u);
    assert.match(text, /date = \{2007-02-19\}/u);
    assert.match(text, /urldate = \{2009-03-31\}/u);
  });
});

describe('RIS export', () => {
  it('writes one tagged record per item, closed by ER', () => {
    const ris = toRis(items[1]!);
    const lines = ris.replace(/\n$/u, '').split('\n');
    assert.equal(lines[0], 'TY  - JOUR');
    assert.equal(lines.at(-1), 'ER  - ');
    assert.ok(lines.includes('AU  - Ulianova, Olga'));
    assert.ok(lines.includes('SP  - 45'));
    assert.ok(lines.includes('EP  - 67'));
    assert.ok(lines.includes('DO  - 10.1080/713999979'));
    assert.ok(lines.includes('JO  - Journal of Cold War History'));
    assert.ok(lines.every((l) => /^[A-Z][A-Z0-9] {2}- /u.test(l)));
  });

  it('keeps a value on one line and writes dates as YYYY/MM/DD/', () => {
    const ris = toRis({ id: 'a', type: 'webpage', title: 'two\nlines', issued: { 'date-parts': [[2007, 2]] }, accessed: { 'date-parts': [[2009, 3, 31]] } });
    assert.ok(ris.includes('TI  - two lines\n'));
    assert.ok(ris.includes('DA  - 2007/02//\n'));
    assert.ok(ris.includes('Y2  - 2009/03/31/\n'));
    assert.equal(ris.includes('AU  -'), false);
  });
});
