/**
 * The layers shipped in `annotations/`: `index.json` lists the files, each an
 * AnnotationCollection. A broken index, file or annotation gives a problem
 * naming it; every other layer still loads.
 */
import { loadCollection } from '../annotations/validate.ts';
import type { Layer } from '../annotations/layer.ts';

export interface ShippedLayers {
  readonly layers: readonly Layer[];
  readonly problems: readonly string[];
}

/** Fetches and validates every shipped layer under `base`. Never throws. */
export async function loadShippedLayers(base: URL, fetchImpl: typeof fetch = fetch): Promise<ShippedLayers> {
  const problems: string[] = [];
  let files: string[] = [];
  try {
    const response = await fetchImpl(new URL('index.json', base));
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const index = (await response.json()) as { layers?: unknown };
    if (!Array.isArray(index.layers) || !index.layers.every((f) => typeof f === 'string')) {
      throw new Error('its "layers" must be a list of file names');
    }
    files = index.layers as string[];
  } catch (error) {
    problems.push(`annotations/index.json could not be read: ${(error as Error).message}. No shipped layer is shown.`);
    return { layers: [], problems };
  }
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
    problems.push(...l.problems);
  }
  return { layers, problems };
}
