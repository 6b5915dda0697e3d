/**
 * `npm run layers`: regenerates the analyzer's layers in `annotations/` from
 * `documents/manifest.json`. Never touches `annotations/curated.jsonld`.
 * Texts are decoded as the reader decodes them (`decodeText`: a leading
 * byte-order mark is not part of the text), so shipped offsets match the browser's.
 * Exit 0 on success; 1 with a one-line message when the manifest or a
 * document cannot be read; 3 when the analyzer fails (one line, a bug).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { layerFiles } from '../analysis/layers.ts';
import { readManifestTexts, type ManifestText } from './manifest-texts.ts';
import { EXIT, oneLine, runCli } from './run.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

function main(): number {
  let documents: readonly ManifestText[];
  try {
    documents = readManifestTexts(join(root, 'documents')).documents;
  } catch (error) {
    process.stderr.write(`layers: ${oneLine(error)}\n`);
    return EXIT.badInput;
  }
  const outDir = join(root, 'annotations');
  mkdirSync(outDir, { recursive: true });
  for (const [name, content] of layerFiles(documents)) {
    writeFileSync(join(outDir, name), content);
    const total = (JSON.parse(content) as { total: number }).total;
    process.stdout.write(`annotations/${name}: ${total} annotations\n`);
  }
  return EXIT.ok;
}

runCli('layers', main);
