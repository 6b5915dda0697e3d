/**
 * The layers shipped in `annotations/`, named by the documents manifest
 * (`layers`), each an AnnotationCollection. A missing or broken file or
 * annotation gives a problem naming it; every other layer still loads.
 */
import { loadCollection } from '../annotations/validate.ts';
import type { Layer } from '../annotations/layer.ts';

export interface ShippedLayers {
  readonly layers: readonly Layer[];
  readonly problems: readonly string[];
}

/** Fetches and validates the layer `files` under `base`. Never throws. */
export async function loadShippedLayers(base: URL, files: readonly string[], fetchImpl: typeof fetch = fetch): Promise<ShippedLayers> {
  const problems: string[] = [];
  const loaded = await Promise.all(
    files.map(async (file) => {
      try {
        const response = await fetchImpl(new URL(encodeURI(file), base));
        if (!response.ok) return { layer: null, problems: [`${file}: the file could not be read (HTTP ${response.status}).`] };
        const result = loadCollection(file, await response.text());
        return { layer: result.layer, problems: result.problems.map((p) => p.message) };
      } catch (error) {
        return { layer: null, problems: [`${file}: the file could not be read (${(error as Error).message}).`] };
      }
    }),
  );
  const layers: Layer[] = [];
  for (const l of loaded) {
    if (l.layer) layers.push(l.layer);
    for (const item of l.problems) problems.push(item);
  }
  return { layers, problems };
}
