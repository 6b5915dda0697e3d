/**
 * `npm run --silent analyze -- FILE...`: prints one AnnotationCollection
 * (JSON-LD) with every flag, footnote link and cross-text claim link found in
 * and across the given plain-text files. Target sources are the files'
 * absolute `file://` URLs; offsets count code points of the text as
 * `decodeText` gives it (a leading byte-order mark is not part of it).
 *
 * The collection is written item by item, so any size can be printed; past
 * MAX_FLAGS_PER_KIND flags of one kind in one text, one summary flag of that
 * kind says how many more there are.
 *
 * Exit codes (src/cli/run.ts): 0 done; 1 a file is missing, unreadable, a
 * directory, too large, empty, binary or not UTF-8 (one line on stderr per
 * file, naming it, and nothing on stdout); 2 no files given (usage);
 * 3 the analyzer failed (one line on stderr; a bug).
 */
import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyzeTexts, type AnalysisInput } from '../analysis/analyze.ts';
import { readManifest, type DocumentEntry } from '../document/manifest.ts';
import { EXIT, oneLine, runCli } from './run.ts';
import { readTextFile, TextFileError } from './text-file.ts';
import { writeCollection } from './write-collection.ts';

/**
 * Largest file analysed. Past it, the analysis of one text would need
 * gigabytes; the limit is far above any real article or book (a long novel
 * is about 2 MB).
 */
export const MAX_ANALYZE_BYTES = 16 * 1024 * 1024;

async function main(args: readonly string[]): Promise<number> {
  const files = args.filter((a) => a !== '--');
  if (!files.length) {
    process.stderr.write('usage: npm run --silent analyze -- FILE...\n');
    return EXIT.usage;
  }
  const inputs: AnalysisInput[] = [];
  let failed = false;
  for (const file of files) {
    try {
      const path = resolve(file);
      const text = readTextFile(path, { maxBytes: MAX_ANALYZE_BYTES });
      const entry = manifestEntry(path);
      inputs.push({
        iri: pathToFileURL(path).href,
        text,
        title: entry ? (entry.missing.includes('title') ? null : entry.title) : undefined,
        label: entry?.label ?? basename(path),
      });
    } catch (error) {
      if (!(error instanceof TextFileError)) throw error;
      process.stderr.write(`analyze: ${file}: ${error.message}\n`);
      failed = true;
    }
  }
  if (failed) return EXIT.badInput;
  await writeCollection(process.stdout, analyzeTexts(inputs));
  return EXIT.ok;
}

/**
 * What a `manifest.json` beside the file says about it (its title, or that
 * the title is lost), or null when there is no manifest or it does not list
 * the file. A malformed manifest is reported on stderr and ignored.
 */
function manifestEntry(path: string): DocumentEntry | null {
  const manifestPath = join(dirname(path), 'manifest.json');
  if (!existsSync(manifestPath)) return null;
  try {
    const manifest = readManifest(JSON.parse(readTextFile(manifestPath)));
    return manifest.documents.find((d) => d.file === basename(path)) ?? null;
  } catch (error) {
    process.stderr.write(`analyze: warning: ${manifestPath} ignored: ${oneLine(error)}\n`);
    return null;
  }
}

runCli('analyze', main);
