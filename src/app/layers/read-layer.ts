/**
 * Reading one layer file: bytes → text → JSON → validated layer. The same
 * code runs in the layer worker and, for small files or without a worker, on
 * the reader's thread.
 */
import { loadCollection } from '../../annotations/validate.ts';
import type { Layer } from '../../annotations/layer.ts';

/** The layer in `bytes` (UTF-8, as `Response.text()` decodes it) and a sentence per problem. Never throws. */
export function readLayer(file: string, bytes: ArrayBuffer): { layer: Layer | null; problems: string[] } {
  const result = loadCollection(file, new TextDecoder().decode(bytes));
  return { layer: result.layer, problems: result.problems.map((p) => p.message) };
}
