/**
 * The documents manifest (`documents/manifest.json`): which texts the reader
 * shows, with what is known — and what is known to be missing — about each.
 */

import type { LayoutProfile } from './structure.ts';
import { LayoutError, readLayoutOverride } from './layout/profile.ts';

export interface DocumentEntry {
  /** Short stable id, used in URLs and annotation layers. */
  readonly id: string;
  /** File name inside `documents/`. */
  readonly file: string;
  /** The document's absolute IRI: the `source` of every annotation target on it. */
  readonly iri: string;
  readonly kind: string;
  /** BCP 47 language tag. */
  readonly language: string;
  /** The work's title, or null when the text lost it. Never invented. */
  readonly title: string | null;
  readonly author: string | null;
  /** What the text is known to have lost (`title`, `author`, …). */
  readonly missing: readonly string[];
  /** A reader-facing description for headers and menus; not a claimed title. */
  readonly label: string;
  readonly publisher?: string | null;
  /** Parts of the layout the importer should not guess (`{"paragraphs": "hard-wrapped"}`); absent: read from the text. */
  readonly layout?: Partial<LayoutProfile>;
  /**
   * The text's structure worked out at build time (a file beside it, see
   * prebuilt.ts); absent, or not current for the text: the reader parses it.
   */
  readonly structure?: string;
}

export interface Manifest {
  readonly documents: readonly DocumentEntry[];
  /**
   * A prebuilt search index beside the manifest (`npm run search-index`), for
   * corpora too large to index at load; absent: the reader builds the index itself.
   */
  readonly searchIndex?: string;
  /** The shipped annotation layers: collection files in the annotations folder, in drawing order. */
  readonly layers: readonly string[];
}

/** Thrown when a manifest is not the shape described above; the message names the entry and field. */
export class ManifestError extends Error {
  override name = 'ManifestError';
}

/**
 * Validates a parsed manifest. Throws ManifestError naming the first bad entry and field.
 */
export function readManifest(json: unknown): Manifest {
  if (!json || typeof json !== 'object' || !Array.isArray((json as { documents?: unknown }).documents)) {
    throw new ManifestError('The manifest has no "documents" array.');
  }
  const seen = new Set<string>();
  const documents = (json as { documents: unknown[] }).documents.map((raw, i) => {
    const e = raw as Record<string, unknown>;
    const where = `manifest entry ${i + 1}${typeof e?.id === 'string' ? ` ("${e.id}")` : ''}`;
    for (const field of ['id', 'file', 'iri', 'kind', 'language', 'label'] as const) {
      if (typeof e?.[field] !== 'string' || !(e[field]).trim()) {
        throw new ManifestError(`${where}: "${field}" must be a non-empty string.`);
      }
    }
    if (!/^[a-z][a-z0-9+.-]*:/i.test(e.iri as string)) throw new ManifestError(`${where}: "iri" must be an absolute IRI.`);
    if (seen.has(e.id as string)) throw new ManifestError(`${where}: duplicate id.`);
    seen.add(e.id as string);
    for (const field of ['title', 'author'] as const) {
      if (e[field] !== null && typeof e[field] !== 'string') throw new ManifestError(`${where}: "${field}" must be a string or null.`);
    }
    let layout: Partial<LayoutProfile> | undefined;
    if (e.layout !== undefined) {
      try {
        layout = readLayoutOverride(e.layout);
      } catch (error) {
        if (error instanceof LayoutError) throw new ManifestError(`${where}: ${error.message}`);
        throw error;
      }
    }
    if (e.structure !== undefined && (typeof e.structure !== 'string' || !e.structure.trim())) {
      throw new ManifestError(`${where}: "structure" must be the file name of the text's prebuilt structure.`);
    }
    const missing = Array.isArray(e.missing) ? e.missing.filter((m): m is string => typeof m === 'string') : [];
    return {
      id: e.id as string,
      file: e.file as string,
      iri: e.iri as string,
      kind: e.kind as string,
      language: e.language as string,
      title: (e.title as string | null) ?? null,
      author: (e.author as string | null) ?? null,
      missing,
      label: e.label as string,
      publisher: (e.publisher as string | null | undefined) ?? null,
      ...(layout ? { layout } : {}),
      ...(typeof e.structure === 'string' ? { structure: e.structure } : {}),
    } satisfies DocumentEntry;
  });
  const index = (json as { searchIndex?: unknown }).searchIndex;
  if (index !== undefined && (typeof index !== 'string' || !index.trim())) {
    throw new ManifestError('"searchIndex" must be the file name of a prebuilt search index.');
  }
  const rawLayers = (json as { layers?: unknown }).layers ?? [];
  if (!Array.isArray(rawLayers) || !rawLayers.every((f) => typeof f === 'string' && f.trim())) {
    throw new ManifestError('"layers" must be a list of annotation file names.');
  }
  const layers = rawLayers as string[];
  return typeof index === 'string' ? { documents, layers, searchIndex: index } : { documents, layers };
}
