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
import { timeWork } from '../app/phases.ts';

/** Largest text the reader lays out; beyond it a view would stop responding to the reader. */
export const MAX_DOCUMENT_BYTES = 4 * 1024 * 1024;

/**
 * A decoded text. Its structure (`parsed`) and ProseMirror document (`built`)
 * are made on first use: a manifest of twenty texts opens with only the texts
 * on screen laid out, while every source is at hand for anchoring and search.
 */
export interface LoadedDocument {
  readonly entry: DocumentEntry;
  readonly source: string;
  readonly parsed: ParsedText;
  readonly built: BuiltDocument;
  /** True once `parsed` has been made (it is made on first use). */
  readonly isParsed: boolean;
}

/** A LoadedDocument whose parse and build run on first access, once. */
class LazyDocument implements LoadedDocument {
  private parsedText: ParsedText | null = null;
  private builtDocument: BuiltDocument | null = null;

  constructor(
    readonly entry: DocumentEntry,
    readonly source: string,
  ) {}

  get parsed(): ParsedText {
    this.parsedText ??= timeWork('parse', () =>
      parsePlainText(this.source, { title: this.entry.title, ...(this.entry.layout ? { layout: this.entry.layout } : {}) }),
    );
    return this.parsedText;
  }

  get built(): BuiltDocument {
    const parsed = this.parsed;
    this.builtDocument ??= timeWork('build-doc', () => buildDocument(parsed));
    return this.builtDocument;
  }

  get isParsed(): boolean {
    return this.parsedText !== null;
  }
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
  return { ok: true, document: new LazyDocument(entry, decoded.text) };
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
  if (response.status === 404 || response.status === 410) return { ok: false, entry, problem: `${entry.file}: the file is missing.` };
  if (!response.ok) return { ok: false, entry, problem: `${entry.file}: the file could not be read (HTTP ${response.status}).` };
  if (isWebPageInsteadOf(entry.file, response.headers.get('Content-Type'))) {
    return { ok: false, entry, problem: `${entry.file}: the file is missing (the server answered with a web page instead of the text).` };
  }
  let bytes: ArrayBuffer;
  try {
    bytes = await response.arrayBuffer();
  } catch (error) {
    return { ok: false, entry, problem: `${entry.file}: the file could not be read (${(error as Error).message}).` };
  }
  return decodeDocument(entry, bytes);
}

/**
 * True when the server answered a request for a text with an HTML page: what
 * development servers and single-page hosts send, with status 200, for a file
 * they do not have. Only a document that is itself a web page may come as HTML.
 */
function isWebPageInsteadOf(file: string, contentType: string | null): boolean {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  const isHtml = type === 'text/html' || type === 'application/xhtml+xml';
  return isHtml && !/\.x?html?$/i.test(file);
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
