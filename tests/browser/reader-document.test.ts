import { expect } from '@esm-bundle/chai';
import { readManifest, type DocumentEntry } from '../../src/document/manifest.ts';
import { loadDocument, decodeDocument, MAX_DOCUMENT_BYTES, type LoadedDocument } from '../../src/document/load.ts';
import { blockText } from '../../src/document/structure.ts';

const base = new URL('/documents/', location.href);

async function loadAll(): Promise<LoadedDocument[]> {
  const manifest = readManifest(await (await fetch(new URL('manifest.json', base))).json());
  const out: LoadedDocument[] = [];
  for (const entry of manifest.documents) {
    const load = await loadDocument(entry, base);
    if (!load.ok) throw new Error(load.problem);
    out.push(load.document);
  }
  return out;
}

/** Text with structural whitespace (line breaks, indentation) collapsed. */
const squash = (s: string) => s.replace(/\s+/gu, ' ').trim();

describe('documents as ProseMirror documents', () => {
  let docs: LoadedDocument[] = [];
  before(async () => {
    docs = await loadAll();
  });

  it('loads every text in the manifest', () => {
    expect(docs.length).to.be.greaterThan(1);
  });

  it('gives every block of the source a node showing exactly its text', () => {
    for (const d of docs) {
      const shown: string[] = [];
      d.built.doc.descendants((node) => {
        if (node.isTextblock) shown.push(squash(node.textContent));
        return true;
      });
      const expected = d.parsed.blocks.map((b) => squash(blockText(d.source, b)));
      expect(shown).to.deep.equal(expected);
    }
  });

  it('round-trips every source range of every paragraph through the offset map', () => {
    let checked = 0;
    for (const d of docs) {
      const { map, doc } = d.built;
      for (const block of d.parsed.blocks) {
        const from = block.segments[0]!.from;
        const to = block.segments[block.segments.length - 1]!.to;
        // Ranges at many cut points inside the block: start, end, and a spread in between.
        const points = [from, to, ...Array.from({ length: 6 }, (_, k) => from + Math.floor(((to - from) * (k + 1)) / 7))];
        for (const a of points) {
          for (const b of points) {
            if (b <= a) continue;
            const r = map.toRange(a, b);
            if (r === null) {
              // Only a range of pure structural whitespace maps to no text.
              expect(d.source.slice(a, b).trim(), `range ${a}…${b}`).to.equal('');
              continue;
            }
            const read = doc.textBetween(r.from, r.to, '\n');
            expect(squash(read)).to.equal(squash(d.source.slice(a, b)));
            // Back to the source: the same offsets, or the nearest text across structural whitespace.
            const back = [map.toOffset(r.from)!, map.toOffset(r.to, -1)!];
            expect(back[0]).to.be.at.least(a);
            expect(back[1]).to.be.at.most(b);
            expect(d.source.slice(a, back[0]).trim()).to.equal('');
            expect(d.source.slice(back[1], b).trim()).to.equal('');
            checked++;
          }
        }
      }
    }
    expect(checked).to.be.greaterThan(1000);
  });

  it('recognises headings, reference entries with backlinks, and footnote markers', () => {
    const wiki = docs.find((d) => d.parsed.blocks.some((b) => b.type === 'note'))!;
    const headings = wiki.built.outline.map((h) => h.text);
    expect(headings).to.include.members(['History', 'References', 'See also']);
    const notes = wiki.parsed.blocks.filter((b) => b.type === 'note');
    expect(notes.map((n) => n.number)).to.deep.equal(Array.from({ length: notes.length }, (_, i) => i + 1));
    expect(notes.some((n) => (n.backlinks ?? []).join(' ') === 'a b')).to.equal(true);
    const bracketed = wiki.parsed.blocks.flatMap((b) => b.markers).filter((m) => m.style === 'bracketed');
    expect(bracketed.length).to.be.greaterThan(10);
    for (const m of bracketed) expect(wiki.source.slice(m.from, m.to)).to.match(/^\[\d+\]$/);
  });

  it('recognises glued markers in sequence and never a year, decimal or count', () => {
    const journal = docs.find((d) => d.parsed.blocks.flatMap((b) => b.markers).some((m) => m.style === 'glued'))!;
    const glued = journal.parsed.blocks.flatMap((b) => b.markers).filter((m) => m.style === 'glued');
    const numbers = glued.map((m) => m.number);
    for (let i = 1; i < numbers.length; i++) expect(numbers[i]).to.be.greaterThan(numbers[i - 1]!);
    for (const m of glued) {
      const before = journal.source.slice(Math.max(0, m.from - 6), m.from);
      expect(before, `marker ${m.number}`).to.match(/[\p{L}\d)”"’'][.!?]?["”’)]?$/u);
      expect(journal.source.slice(m.from, m.to)).to.match(/^\d{1,3}$/);
      // After a figure, only a year-like one ends a sentence: never a decimal ("4.7") or a count.
      const figure = /(\d[\d,]*)[.]$/u.exec(journal.source.slice(Math.max(0, m.from - 12), m.from));
      if (figure) expect(figure[1]!.replace(/,/gu, '').length, `marker ${m.number}`).to.be.at.least(3);
    }
  });
});

describe('bad documents', () => {
  const entry: DocumentEntry = {
    id: 'x', file: 'broken.txt', iri: 'https://example.org/broken.txt', kind: 'test', language: 'en',
    title: null, author: null, missing: [], label: 'Broken',
  };
  const bytes = (s: string) => new TextEncoder().encode(s).buffer;

  it('names an empty file', () => {
    const r = decodeDocument(entry, new ArrayBuffer(0));
    expect(r.ok).to.equal(false);
    expect(!r.ok && r.problem).to.contain('broken.txt').and.to.contain('empty');
  });
  it('names a whitespace-only file', () => {
    const r = decodeDocument(entry, bytes(' \n\n\t '));
    expect(!r.ok && r.problem).to.contain('only whitespace');
  });
  it('names a binary file', () => {
    const r = decodeDocument(entry, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]).buffer);
    expect(!r.ok && r.problem).to.contain('not a text file');
  });
  it('names a file that is not UTF-8', () => {
    const r = decodeDocument(entry, new Uint8Array([0x43, 0x6f, 0x72, 0x76, 0x61, 0x6c, 0xe1, 0x6e]).buffer);
    expect(!r.ok && r.problem).to.contain('not a UTF-8 text file');
  });
  it('names a file that is too large (5 MB)', () => {
    const big = new Uint8Array(5 * 1024 * 1024).fill(0x61);
    expect(big.byteLength).to.be.greaterThan(MAX_DOCUMENT_BYTES);
    const r = decodeDocument(entry, big.buffer);
    expect(!r.ok && r.problem).to.contain('too large').and.to.contain('5.0 MB');
  });
  it('names a missing file', async () => {
    const r = await loadDocument({ ...entry, file: 'no-such-file.txt' }, base);
    expect(!r.ok && r.problem).to.contain('no-such-file.txt').and.to.contain('missing');
  });
  it('names an unreadable file (network failure)', async () => {
    const failing = (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch;
    const r = await loadDocument(entry, base, failing);
    expect(!r.ok && r.problem).to.contain('could not be read').and.to.contain('Failed to fetch');
  });
});
