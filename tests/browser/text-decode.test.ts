// The reader's loader in Chromium decodes a file with a byte-order mark to
// the same text, and so the same offsets, as the command line (see
// tests/node/text-bom-paths.test.ts for analyze, search, layers, search-index).
import { expect } from '@esm-bundle/chai';
import { analyzeText } from '../../src/analysis/analyze.ts';
import type { DocumentEntry } from '../../src/document/manifest.ts';
import { loadDocument } from '../../src/document/load.ts';
import { decodeText } from '../../src/text/decode.ts';
import { urlOf } from './support/fetch.ts';

const entry: DocumentEntry = {
  id: 'bom', file: 'a#b %20.txt', iri: 'https://example.org/bom.txt', kind: 'test', language: 'en',
  title: 'A title', author: null, missing: [], label: 'BOM',
};
const TEXT = 'A title\r\n\r\nThe office opened in1959 and the the talks began.\r\n';
const utf8 = (s: string) => new TextEncoder().encode(s);

/** A fetch that serves `bytes` for any URL, recording which URL was asked for. */
function serving(bytes: Uint8Array, asked: string[]): typeof fetch {
  return (async (input: RequestInfo | URL) => {
    asked.push(urlOf(input));
    return new Response(bytes as Uint8Array<ArrayBuffer>, { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  });
}

describe('decodeText in the browser', () => {
  it('drops a leading byte-order mark as the command line does', async () => {
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(TEXT)]);
    const asked: string[] = [];
    const load = await loadDocument(entry, new URL('/docs/', location.href), serving(withBom, asked));
    expect(load.ok).to.equal(true);
    if (!load.ok) return;
    expect(load.document.source).to.equal(TEXT);
    // The file name is a path segment: '#', ' ' and '%' are escaped, not read as URL syntax.
    expect(new URL(asked[0]!).pathname).to.equal('/docs/a%23b%20%2520.txt');
    const plain = analyzeText({ iri: entry.iri, text: TEXT, title: entry.title });
    const viaLoader = analyzeText({ iri: entry.iri, text: load.document.source, title: entry.title });
    expect(viaLoader.length).to.be.greaterThan(1);
    expect(JSON.stringify(viaLoader.map((a) => a.target))).to.equal(JSON.stringify(plain.map((a) => a.target)));
  });

  it('agrees with the platform decoder of this browser on every refusal', () => {
    expect(decodeText(new Uint8Array([0x61, 0xed, 0xa0, 0x80])).ok).to.equal(false);
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf])).ok).to.equal(false);
    const r = decodeText(utf8('\ufeffinner \ufeff kept'));
    expect(r.ok && r.text).to.equal('inner \ufeff kept');
  });
});
