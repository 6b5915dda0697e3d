/**
 * `npm run search-index [-- DIR]`: writes a prebuilt search index for the texts
 * in DIR (default `documents/`) to DIR/search-index.json and names it in the
 * manifest, so that the reader loads it instead of indexing at load time.
 * Worth it for corpora of several megabytes; our two texts index in ~0.2 s.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readManifest } from '../document/manifest.ts';
import { SearchEngine } from '../search/index.ts';

const dir = process.argv[2] ?? 'documents';
const FILE = 'search-index.json';

try {
  const manifestPath = join(dir, 'manifest.json');
  const raw = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
  const manifest = readManifest(raw);
  const engine = SearchEngine.build(
    manifest.documents.map((d) => ({ id: d.id, source: readFileSync(join(dir, d.file), 'utf8'), title: d.title })),
  );
  writeFileSync(join(dir, FILE), JSON.stringify(engine.toJSON()));
  writeFileSync(manifestPath, `${JSON.stringify({ ...raw, searchIndex: FILE }, null, 2)}\n`);
  console.log(`${join(dir, FILE)}: search index of ${manifest.documents.length} texts; named in ${manifestPath}.`);
} catch (error) {
  console.error(`search-index: ${(error as Error).message}`);
  process.exit(1);
}
