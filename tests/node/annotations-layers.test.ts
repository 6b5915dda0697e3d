import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCollection } from '../../src/annotations/validate.ts';
import { anchorAll } from '../../src/annotations/anchoring/index.ts';
import { targetsOf } from '../../src/annotations/model.ts';
import { readManifest } from '../../src/document/manifest.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const manifest = readManifest(JSON.parse(readFileSync(join(ROOT, 'documents/manifest.json'), 'utf8')));
// Layers are the *.jsonld files; other files there (an index of layers) are not collections.
const layerFiles = readdirSync(join(ROOT, 'annotations')).filter((f) => f.endsWith('.jsonld'));

describe('shipped layers in annotations/', () => {
  for (const file of layerFiles) {
    it(`${file} loads without problems, targets known documents, and anchors where it points`, () => {
      const { layer, problems } = loadCollection(file, readFileSync(join(ROOT, 'annotations', file), 'utf8'));
      assert.deepEqual(problems.map((p) => p.message), []);
      assert.ok(layer && layer.annotations.length > 0);
      const iris = new Set(manifest.documents.map((d) => d.iri));
      for (const a of layer.annotations) for (const t of targetsOf(a)) assert.ok(iris.has(t.source), `${a.id} targets ${t.source}`);
      for (const doc of manifest.documents) {
        const text = readFileSync(join(ROOT, 'documents', doc.file), 'utf8');
        const { stats } = anchorAll(text, layer.annotations, { source: doc.iri });
        assert.equal(stats.position, stats.total, `${doc.id}: ${JSON.stringify(stats)}`);
      }
    });
  }
});
