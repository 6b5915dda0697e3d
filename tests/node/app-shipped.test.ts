import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { ANALYZER_VERSION } from '../../src/analysis/generator.ts';
import { readManifest } from '../../src/document/manifest.ts';

describe('shipped files', () => {
  it('the manifest names every layer file in annotations/, and only those', () => {
    const manifest = readManifest(JSON.parse(readFileSync('documents/manifest.json', 'utf8')));
    const files = readdirSync('annotations');
    assert.deepEqual([...manifest.layers].sort(), files.sort());
  });

  it("the analyzer's version is the package's version", () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    assert.equal(ANALYZER_VERSION, pkg.version);
  });

  it('documents/manifest.json is valid and names a file in documents/ for every entry', () => {
    const manifest = readManifest(JSON.parse(readFileSync('documents/manifest.json', 'utf8')));
    const files = new Set(readdirSync('documents'));
    for (const d of manifest.documents) assert.ok(files.has(d.file), `${d.file} is in documents/`);
    // A lost title is recorded as lost, never invented.
    for (const d of manifest.documents) if (d.title === null) assert.ok(d.missing.includes('title'), `${d.id} lists its title as missing`);
  });
});
