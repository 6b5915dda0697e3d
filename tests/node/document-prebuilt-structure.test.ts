import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { loadDocument } from '../../src/document/load.ts';
import type { DocumentEntry } from '../../src/document/manifest.ts';
import { readManifest } from '../../src/document/manifest.ts';
import { parsePlainText } from '../../src/document/parse.ts';
import { prebuildStructure, readPrebuiltStructure } from '../../src/document/prebuilt.ts';

const SOURCE = 'The mill\n\nIt stood idle for a year.[1]\n\nThen the river rose and the wheel turned again.\nA second line of the same paragraph.\n';

const entry = {
  id: 'mill',
  file: 'mill.txt',
  iri: 'https://example.org/mill.txt',
  kind: 'journal-article',
  language: 'en',
  title: 'The mill',
  author: null,
  missing: ['author'],
  publisher: null,
  label: 'The mill',
} as DocumentEntry;

/** A fetch serving `files` by the last part of the URL, 404 for anything else. */
function serve(files: Record<string, string>): typeof fetch {
  return (async (input: RequestInfo | URL) => {
    const name = decodeURIComponent((input instanceof Request ? input.url : String(input)).split('/').pop()!);
    return name in files ? new Response(files[name]) : new Response('', { status: 404 });
  });
}

const base = new URL('https://example.org/documents/');

describe('prebuilt structure', () => {
  it('reads back as the very parse of the text', () => {
    const read = readPrebuiltStructure(JSON.parse(JSON.stringify(prebuildStructure(entry, SOURCE))), SOURCE);
    assert.deepEqual(read, parsePlainText(SOURCE, { title: entry.title }));
  });

  it('is not used for another text, another format, or ranges outside the text', () => {
    const built = prebuildStructure(entry, SOURCE);
    assert.equal(readPrebuiltStructure(built, SOURCE.replace('mill', 'mall')), null, 'same length, other text');
    assert.equal(readPrebuiltStructure(built, `${SOURCE}More.\n`), null, 'longer text');
    assert.equal(readPrebuiltStructure({ ...built, format: 'something else' }, SOURCE), null);
    assert.equal(readPrebuiltStructure({ ...built, version: 2 }, SOURCE), null);
    const outside = { ...built, blocks: [{ ...built.blocks[0]!, segments: [{ from: 0, to: SOURCE.length + 5 }] }] };
    assert.equal(readPrebuiltStructure(outside, SOURCE), null);
    for (const junk of [null, 'text', 42, [], {}]) assert.equal(readPrebuiltStructure(junk, SOURCE), null);
  });

  it('named in the manifest, is fetched beside the text and spares the parse', async () => {
    // Made with one paragraph per line, which the text's own layout would not give: the view shows what was shipped.
    const shipped = prebuildStructure({ title: entry.title, layout: { paragraphs: 'single-lines' } }, SOURCE);
    const load = await loadDocument({ ...entry, structure: 'mill.txt.structure.json' }, base, serve({ 'mill.txt': SOURCE, 'mill.txt.structure.json': JSON.stringify(shipped) }));
    assert.ok(load.ok);
    assert.equal(load.document.isParsed, true, 'parsed before anything asked for it');
    assert.deepEqual(load.document.parsed.blocks, shipped.blocks);
    assert.notDeepEqual(load.document.parsed.blocks, parsePlainText(SOURCE, { title: entry.title }).blocks);
  });

  it('when stale, missing or broken, leaves the text to be parsed as without one', async () => {
    const stale = prebuildStructure(entry, SOURCE.replace('idle', 'still'));
    const cases: Record<string, string>[] = [
      { 'mill.txt': SOURCE, 'mill.txt.structure.json': JSON.stringify(stale) },
      { 'mill.txt': SOURCE },
      { 'mill.txt': SOURCE, 'mill.txt.structure.json': '{"format": ' },
    ];
    for (const files of cases) {
      const load = await loadDocument({ ...entry, structure: 'mill.txt.structure.json' }, base, serve(files));
      assert.ok(load.ok);
      assert.equal(load.document.isParsed, false);
      assert.deepEqual(load.document.parsed, parsePlainText(SOURCE, { title: entry.title }));
    }
  });

  it('a manifest entry naming it must name a file', () => {
    const raw = { documents: [{ ...entry, structure: '' }], layers: [] };
    assert.throws(() => readManifest(raw), /manifest entry 1 \("mill"\): "structure" must be the file name/);
    assert.equal(readManifest({ ...raw, documents: [{ ...entry, structure: 'mill.txt.structure.json' }] }).documents[0]!.structure, 'mill.txt.structure.json');
  });
});
