/**
 * Loading a document from `documents/`: bytes → checked text → parsed → built.
 * Every failure becomes a message naming the file and the problem, so that
 * one bad text never stops the other from being read.
 */
import type { DocumentEntry } from './manifest.ts';
import { parsePlainText } from './parse.ts';
import { buildDocument, type BuiltDocument } from './build.ts';
import type { ParsedText } from './structure.ts';
import { decodeText } from '../text/decode.ts';

/** Largest text the reader lays out; beyond it a view would stop responding to the reader. */
export const MAX_DOCUMENT_BYTES = 4 * 1024 * 1024;

export interface LoadedDocument {
  readonly entry: DocumentEntry;
  readonly source: string;
  readonly parsed: ParsedText;
  readonly built: BuiltDocument;
}

export type DocumentLoad =
  | { readonly ok: true; readonly document: LoadedDocument }
  | { readonly ok: false; readonly entry: DocumentEntry; readonly problem: string };

/**
 * Checks and decodes a document's bytes (with `decodeText`, as the command
 * line does). Returns a failed load (never throws) when the file is empty,
 * too large, not UTF-8 text, or binary.
 */
export function decodeDocument(entry: DocumentEntry, bytes: ArrayBuffer): DocumentLoad {
  const fail = (problem: string): DocumentLoad => ({ ok: false, entry, problem: `${entry.file}: ${problem}` });
  if (bytes.byteLength === 0) return fail('the file is empty.');
  if (bytes.byteLength > MAX_DOCUMENT_BYTES) {
    return fail(`the file is too large to display (${formatBytes(bytes.byteLength)}; the limit is ${formatBytes(MAX_DOCUMENT_BYTES)}).`);
  }
  // The one decoding every reader of a file shares (a leading byte-order mark is not part of the text).
  const decoded = decodeText(bytes);
  if (!decoded.ok) return fail(`the file ${decoded.problem}.`);
  const source = decoded.text;
  const parsed = parsePlainText(source, { title: entry.title });
  return { ok: true, document: { entry, source, parsed, built: buildDocument(parsed) } };
}

/**
 * Fetches and decodes `documents/<file>` relative to `base`. Never throws:
 * a missing file, a refused request or a network failure gives a failed load.
 */
export async function loadDocument(entry: DocumentEntry, base: URL, fetchImpl: typeof fetch = fetch): Promise<DocumentLoad> {
  let response: Response;
  try {
    response = await fetchImpl(fileUrl(entry.file, base));
  } catch (error) {
    return { ok: false, entry, problem: `${entry.file}: the file could not be read (${(error as Error).message}).` };
  }
  if (response.status === 404) return { ok: false, entry, problem: `${entry.file}: the file is missing.` };
  if (!response.ok) return { ok: false, entry, problem: `${entry.file}: the file could not be read (HTTP ${response.status}).` };
  let bytes: ArrayBuffer;
  try {
    bytes = await response.arrayBuffer();
  } catch (error) {
    return { ok: false, entry, problem: `${entry.file}: the file could not be read (${(error as Error).message}).` };
  }
  return decodeDocument(entry, bytes);
}

/**
 * The URL of a manifest file name: a path whose segments are escaped whole, so
 * that `a#b?.txt` and `a%20b.txt` name those very files (encodeURI would read
 * `#` and `?` as URL syntax and `%20` as a space).
 */
function fileUrl(file: string, base: URL): URL {
  return new URL(file.split('/').map(encodeURIComponent).join('/'), base);
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;
}
