/**
 * `npm run search-index [-- DIR]`: writes a prebuilt search index for the texts
 * in DIR (default `documents/`) to DIR/search-index.json and names it in the
 * manifest, so that the reader loads it instead of indexing at load time.
 * Worth it for corpora of several megabytes; our two texts index in ~0.2 s.
 * Texts are decoded as the reader decodes them (`decodeText`), so the index's
 * offsets are the browser's. Exit 0 on success; 1 with a one-line message when
 * the manifest or a text cannot be read; 3 when indexing fails (a bug).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SearchEngine } from '../search/index.ts';
import { readManifestTexts, type ManifestTexts } from './manifest-texts.ts';
import { EXIT, oneLine, runCli } from './run.ts';

const FILE = 'search-index.json';

function main(args: readonly string[]): number {
  const dir = args.find((a) => a !== '--') ?? 'documents';
  let read: ManifestTexts;
  try {
    read = readManifestTexts(dir);
  } catch (error) {
    process.stderr.write(`search-index: ${oneLine(error)}\n`);
    return EXIT.badInput;
  }
  const engine = SearchEngine.build(read.documents.map(({ entry, text }) => ({ id: entry.id, source: text, title: entry.title })));
  const manifestPath = join(dir, 'manifest.json');
  writeFileSync(join(dir, FILE), JSON.stringify(engine.toJSON()));
  writeFileSync(manifestPath, `${JSON.stringify({ ...read.raw, searchIndex: FILE }, null, 2)}\n`);
  process.stdout.write(`${join(dir, FILE)}: search index of ${read.documents.length} texts; named in ${manifestPath}.\n`);
  return EXIT.ok;
}

runCli('search-index', main);
