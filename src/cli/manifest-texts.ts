/**
 * A documents folder read from the command line: its manifest and every text
 * it names, each decoded as the reader in the browser decodes it, so that
 * what `layers` and `search-index` compute from a text has the offsets the
 * browser will use.
 */
import { join } from 'node:path';
import { readManifest, type DocumentEntry, type Manifest } from '../document/manifest.ts';
import { oneLine } from './run.ts';
import { readTextFile, TextFileError } from './text-file.ts';

/** A manifest entry with its text. */
export interface ManifestText {
  readonly entry: DocumentEntry;
  readonly text: string;
}

/** A documents folder: the manifest as written (JSON), as checked, and its texts in manifest order. */
export interface ManifestTexts {
  readonly raw: Record<string, unknown>;
  readonly manifest: Manifest;
  readonly documents: readonly ManifestText[];
}

/**
 * Reads `dir/manifest.json` and every text it names (file names are paths
 * relative to `dir`, never URLs). Throws an Error whose message is one
 * sentence naming the file and the problem when the manifest or any text
 * cannot be read.
 */
export function readManifestTexts(dir: string): ManifestTexts {
  const manifestPath = join(dir, 'manifest.json');
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(readTextFile(manifestPath)) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof TextFileError) throw new Error(`${manifestPath} ${error.message}.`, { cause: error });
    throw new Error(`${manifestPath} is not JSON (${oneLine(error)}).`, { cause: error });
  }
  const manifest = readManifest(raw);
  const documents = manifest.documents.map((entry) => {
    const path = join(dir, entry.file);
    try {
      return { entry, text: readTextFile(path) };
    } catch (error) {
      if (error instanceof TextFileError) throw new Error(`${path} ${error.message}.`, { cause: error });
      throw error;
    }
  });
  return { raw, manifest, documents };
}
