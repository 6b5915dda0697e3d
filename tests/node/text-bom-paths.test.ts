// One text with and without a byte-order mark gives the same offsets in every
// path that reads a file: the reader's loader (decodeDocument, as the browser
// runs it), `analyze`, `search`, `layers` (readManifestTexts + layerFiles) and
// `search-index`. Before decodeText, `analyze` and `layers` kept the mark and
// counted it: every offset was one more than the browser's.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyzeText } from '../../src/analysis/analyze.ts';
import { layerFiles } from '../../src/analysis/layers.ts';
import type { DocumentEntry } from '../../src/document/manifest.ts';
import { decodeDocument } from '../../src/document/load.ts';
import { readManifestTexts } from '../../src/cli/manifest-texts.ts';

const root = join(import.meta.dirname, '..', '..');
const TEXT = [
  'Relations with the embassy',
  '',
  'The ministry opened an office in1959 and the the talks began.[1] Corvalán spoke first.[2]',
  '',
  'A second paragraph about Zürich breaks off in the',
  '',
  'References',
  '1. ^ A first note.',
  '2. ^ A second note.',
  '',
].join('\n');
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const ENTRY: DocumentEntry = {
  id: 'doc', file: 'doc.txt', iri: 'https://example.org/doc.txt', kind: 'test', language: 'en',
  title: 'Relations with the embassy', author: null, missing: [], label: 'Doc',
};

function cli(script: string, ...args: string[]) {
  const r = spawnSync('npx', ['tsx', `src/cli/${script}.ts`, ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Target {
  source: string;
  selector: { type: string; start?: number; end?: number; exact?: string; prefix?: string; suffix?: string }[];
}
/** Every annotation's selectors, with the document IRI set aside, in one order. */
function selectors(items: { target: Target | Target[] }[]): string[] {
  return items.map((a) => JSON.stringify((Array.isArray(a.target) ? a.target : [a.target]).map((t) => t.selector))).sort();
}

let dir = '';
const dirs = { plain: '', bom: '' };
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'bom-paths-'));
  for (const kind of ['plain', 'bom'] as const) {
    dirs[kind] = join(dir, kind);
    mkdirSync(dirs[kind]);
    const bytes = kind === 'bom' ? Buffer.concat([BOM, Buffer.from(TEXT)]) : Buffer.from(TEXT);
    writeFileSync(join(dirs[kind], 'doc.txt'), bytes);
    writeFileSync(join(dirs[kind], 'manifest.json'), JSON.stringify({ documents: [ENTRY] }));
  }
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('a byte-order mark gives the same offsets in every path', () => {
  it('the reader\'s loader gives the text without the mark', () => {
    for (const kind of ['plain', 'bom'] as const) {
      const bytes = readFileSync(join(dirs[kind], 'doc.txt'));
      const load = decodeDocument(ENTRY, bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
      assert.ok(load.ok);
      assert.equal(load.document.source, TEXT, kind);
    }
  });

  it('analyze prints the selectors the browser computes', () => {
    const browser = selectors(analyzeText({ iri: ENTRY.iri, text: TEXT, title: ENTRY.title }) as never);
    assert.ok(browser.length >= 4, 'the text has flags and footnote links');
    for (const kind of ['plain', 'bom'] as const) {
      const r = cli('analyze', join(dirs[kind], 'doc.txt'));
      assert.equal(r.code, 0, r.stderr);
      const collection = JSON.parse(r.stdout) as { items: { target: Target }[] };
      assert.deepEqual(selectors(collection.items), browser, kind);
      assert.ok(collection.items.every((a) => a.target.source === pathToFileURL(join(dirs[kind], 'doc.txt')).href));
    }
  });

  it('search prints the same match offsets', () => {
    const [plain, bom] = (['plain', 'bom'] as const).map((kind) => {
      const r = cli('search', '--json', '--documents', dirs[kind], 'Relations');
      assert.equal(r.code, 0, r.stderr);
      return JSON.parse(r.stdout) as { matches: number[][] }[];
    });
    assert.deepEqual(plain![0]!.matches[0], [0, 'Relations'.length]);
    assert.deepEqual(bom, plain);
  });

  it('layers computes the same shipped layers', () => {
    const [plain, bom] = (['plain', 'bom'] as const).map((kind) => layerFiles(readManifestTexts(dirs[kind]).documents));
    assert.deepEqual([...bom!.entries()], [...plain!.entries()]);
    assert.equal(readManifestTexts(dirs.bom).documents[0]!.text, TEXT);
  });

  it('search-index writes the same index', () => {
    const [plain, bom] = (['plain', 'bom'] as const).map((kind) => {
      const r = cli('build-search-index', dirs[kind]);
      assert.equal(r.code, 0, r.stderr);
      return readFileSync(join(dirs[kind], 'search-index.json'), 'utf8');
    });
    assert.equal(bom, plain);
  });
});
