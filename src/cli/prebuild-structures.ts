/**
 * Writing the prebuilt structures of a documents folder (Node: the production
 * build and the benchmark's site). One structure file per readable text, and
 * the manifest naming them; a text that cannot be read is left to the reader,
 * which says what is wrong with it.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeText } from '../text/decode.ts';
import { readManifest } from '../document/manifest.ts';
import { prebuildStructure, structureFileName } from '../document/prebuilt.ts';

/**
 * Calls `write(name, content)` for each text's structure file in `dir` and
 * returns the manifest's text naming them, or null when `dir` has no readable
 * manifest (then nothing is written and the manifest is left as it is).
 */
export async function withPrebuiltStructures(dir: string, write: (name: string, content: string) => void): Promise<string | null> {
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    readManifest(raw);
  } catch {
    return null;
  }
  const entries = raw.documents as Record<string, unknown>[];
  const { documents } = readManifest(raw);
  const out = await Promise.all(
    documents.map(async (entry, i) => {
      let bytes: Buffer;
      try {
        bytes = await readFile(join(dir, entry.file));
      } catch {
        return entries[i];
      }
      const decoded = decodeText(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
      if (!decoded.ok) return entries[i];
      const name = structureFileName(entry.file);
      write(name, JSON.stringify(prebuildStructure(entry, decoded.text)));
      return { ...entries[i], structure: name };
    }),
  );
  return `${JSON.stringify({ ...raw, documents: out }, null, 2)}\n`;
}
