/**
 * The shipped analysis layers (`annotations/analysis-*.jsonld`): what
 * `npm run layers` writes and what the "layers current" test recomputes.
 * Pure: it takes the manifest and the texts and returns file contents.
 */
import type { DocumentEntry } from '../document/manifest.ts';
import { analyzeLayers, collection, type AnalysisInput } from './analyze.ts';

/**
 * The `created` of every regenerated annotation. A constant, so that
 * regenerating unchanged findings gives byte-identical files.
 */
export const LAYERS_CREATED = '2026-11-22T00:00:00Z';

/** File names of the analyzer's layers inside `annotations/`. */
export const LAYER_FILES = {
  footnotes: 'analysis-footnotes.jsonld',
  damage: 'analysis-damage.jsonld',
  claims: 'analysis-claims.jsonld',
} as const;

/** The curated corrections file; regeneration never writes it. */
export const CURATED_FILE = 'curated.jsonld';

const LABELS = {
  footnotes: 'Analyzer: footnote links and footnote damage',
  damage: 'Analyzer: damage flags',
  claims: 'Analyzer: claims the texts share, agreeing or conflicting',
} as const;

/** A manifest entry with its text. */
export interface LayerDocument {
  readonly entry: DocumentEntry;
  readonly text: string;
}

/**
 * Contents of each layer file (file name → JSON text ending in a newline),
 * over `documents` in manifest order. Never throws on any text.
 */
export function layerFiles(documents: readonly LayerDocument[]): ReadonlyMap<string, string> {
  const inputs: AnalysisInput[] = documents.map(({ entry, text }) => ({
    iri: entry.iri,
    text,
    // The manifest is the authority on titles: a title listed as missing is flagged.
    title: entry.missing.includes('title') ? null : entry.title,
    label: entry.label,
    ...(entry.layout ? { layout: entry.layout } : {}),
  }));
  const layers = analyzeLayers(inputs, { created: LAYERS_CREATED });
  const out = new Map<string, string>();
  for (const name of ['footnotes', 'damage', 'claims'] as const) {
    const body = collection(`layer|${name}`, LABELS[name], layers[name]);
    out.set(LAYER_FILES[name], `${JSON.stringify(body, null, 2)}\n`);
  }
  return out;
}
