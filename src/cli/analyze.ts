/**
 * `npm run --silent analyze -- FILE...`: prints one AnnotationCollection
 * (JSON-LD) with every flag, footnote link and cross-text claim link found in
 * and across the given plain-text files. Target sources are the files'
 * absolute `file://` URLs.
 *
 * A missing, unreadable, empty or non-text file gives one line on stderr
 * naming the file and the problem, and exit code 1 (nothing on stdout).
 * No files: a usage line and exit code 2.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyzeTexts, type AnalysisInput } from '../analysis/analyze.ts';
import { readManifest, type DocumentEntry } from '../document/manifest.ts';

function main(args: readonly string[]): number {
  const files = args.filter((a) => a !== '--');
  if (!files.length) {
    process.stderr.write('usage: npm run --silent analyze -- FILE...\n');
    return 2;
  }
  const inputs: AnalysisInput[] = [];
  let failed = false;
  for (const file of files) {
    try {
      const path = resolve(file);
      const text = readTextFile(path);
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
  if (failed) return 1;
  process.stdout.write(`${JSON.stringify(analyzeTexts(inputs), null, 2)}\n`);
  return 0;
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
    const manifest = readManifest(JSON.parse(readFileSync(manifestPath, 'utf8')));
    return manifest.documents.find((d) => d.file === basename(path)) ?? null;
  } catch (error) {
    process.stderr.write(`analyze: warning: ${manifestPath} ignored: ${error instanceof Error ? error.message : String(error)}\n`);
    return null;
  }
}

/** Thrown when a file cannot be read as text; the message says why, without the file name. */
export class TextFileError extends Error {
  override name = 'TextFileError';
}

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EACCES: 'cannot be read (permission denied)',
  EISDIR: 'is a directory, not a text file',
  EPERM: 'cannot be read (operation not permitted)',
};

/**
 * The file's text, decoded as UTF-8 (a byte-order mark is kept, so offsets
 * match the file). Throws TextFileError when the file is missing, unreadable,
 * empty or blank, contains NUL bytes, or is not valid UTF-8.
 */
export function readTextFile(path: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    throw new TextFileError(REASONS[code] ?? `cannot be read (${code || String(error)})`);
  }
  if (bytes.length === 0) throw new TextFileError('is empty');
  if (bytes.includes(0)) throw new TextFileError('is not a text file (it contains NUL bytes)');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new TextFileError('is not a text file (it is not valid UTF-8)');
  }
  if (!text.trim()) throw new TextFileError('is blank (only whitespace)');
  return text;
}

process.exitCode = main(process.argv.slice(2));
