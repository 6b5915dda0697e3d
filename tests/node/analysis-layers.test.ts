import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CURATED_FILE, LAYER_FILES, layerFiles } from '../../src/analysis/layers.ts';
import { readManifest } from '../../src/document/manifest.ts';
import { CodePointIndex } from '../../src/document/code-points.ts';
import type { Annotation, SpecificResource, TextPositionSelector, TextQuoteSelector } from '../../src/annotations/model.ts';

const root = join(import.meta.dirname, '..', '..');
const manifest = readManifest(JSON.parse(readFileSync(join(root, 'documents', 'manifest.json'), 'utf8')));
const documents = manifest.documents.map((entry) => ({ entry, text: readFileSync(join(root, 'documents', entry.file), 'utf8') }));
const texts = new Map(documents.map((d) => [d.entry.iri, d.text]));
const read = (name: string) => readFileSync(join(root, 'annotations', name), 'utf8');
const itemsOf = (name: string) => (JSON.parse(read(name)) as { items: Annotation[] }).items;
const targetsOf = (a: Annotation) => (Array.isArray(a.target) ? a.target : [a.target]) as SpecificResource[];

/** True when the target's position selector still selects its quote in the document. */
function anchors(t: SpecificResource): boolean {
  const text = texts.get(t.source);
  const quote = t.selector.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');
  const pos = t.selector.find((s): s is TextPositionSelector => s.type === 'TextPositionSelector');
  if (text === undefined || !quote || !pos) return false;
  const index = new CodePointIndex(text);
  return text.slice(index.toCodeUnits(pos.start), index.toCodeUnits(pos.end)) === quote.exact;
}

describe('shipped analysis layers', () => {
  it('are current: each file equals what the analyzer produces now (run `npm run layers` after changing it)', () => {
    for (const [name, content] of layerFiles(documents)) {
      assert.equal(read(name), content, `annotations/${name} is stale`);
    }
  });

  it('are the files the layer builder names, plus the curated corrections', () => {
    const files = readdirSync(join(root, 'annotations')).filter((f) => f.startsWith('analysis-'));
    assert.deepEqual(files.sort(), Object.values(LAYER_FILES).sort());
  });

  it('anchor every target in its document', () => {
    for (const name of Object.values(LAYER_FILES)) {
      for (const a of itemsOf(name)) for (const t of targetsOf(a)) assert.ok(anchors(t), `${name} ${a.id}`);
    }
  });
});

describe('curated corrections', () => {
  const curated = itemsOf(CURATED_FILE);
  const flagIds = new Set(Object.values(LAYER_FILES).flatMap((name) => itemsOf(name).map((a) => a.id)));

  it('are made by a Person, with a describing body', () => {
    assert.ok(curated.length > 0);
    for (const a of curated) {
      assert.equal(a.creator?.type, 'Person');
      assert.equal(a.generator, undefined);
      assert.ok(a.body.some((b) => b.type === 'TextualBody' && b.purpose === 'describing'));
    }
  });

  it('still reference existing flag ids, and still anchor in the documents', () => {
    let references = 0;
    for (const a of curated) {
      for (const t of targetsOf(a)) assert.ok(anchors(t), `curated ${a.id} no longer anchors`);
      for (const b of a.body) {
        if (b.type !== 'SpecificResource' || b.purpose !== 'identifying') continue;
        references++;
        assert.ok(flagIds.has(b.source), `curated ${a.id} references ${b.source}, which no layer holds`);
      }
    }
    assert.ok(references > 0, 'at least one correction dismisses a flag');
  });

  it('are not rewritten by the layer builder', () => {
    assert.ok(![...layerFiles(documents).keys()].includes(CURATED_FILE));
  });
});
