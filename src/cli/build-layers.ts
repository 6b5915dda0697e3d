/**
 * `npm run layers`: regenerates the analyzer's layers in `annotations/` from
 * `documents/manifest.json`. Never touches `annotations/curated.jsonld`.
 * Exit 0 on success; 1 with a one-line message when the manifest or a
 * document cannot be read.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readManifest } from '../document/manifest.ts';
import { layerFiles } from '../analysis/layers.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

function main(): number {
  const manifestPath = join(root, 'documents', 'manifest.json');
  let documents;
  try {
    const manifest = readManifest(JSON.parse(readFileSync(manifestPath, 'utf8')));
    documents = manifest.documents.map((entry) => ({ entry, text: readFileSync(join(root, 'documents', entry.file), 'utf8') }));
  } catch (error) {
    process.stderr.write(`layers: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  const outDir = join(root, 'annotations');
  mkdirSync(outDir, { recursive: true });
  for (const [name, content] of layerFiles(documents)) {
    writeFileSync(join(outDir, name), content);
    const total = (JSON.parse(content) as { total: number }).total;
    process.stdout.write(`annotations/${name}: ${total} annotations\n`);
  }
  return 0;
}

process.exitCode = main();
