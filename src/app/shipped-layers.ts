/**
 * The layers shipped in `annotations/`, named by the documents manifest
 * (`layers`), each an AnnotationCollection. A missing or broken file or
 * annotation gives a problem naming it; every other layer still loads.
 */
import type { Layer } from '../annotations/layer.ts';
import { markPhase, timeWork } from './phases.ts';
import { readLayer } from './layers/read-layer.ts';
import { canReadOffThread, readLayerOffThread } from './layers/off-thread.ts';

export interface ShippedLayers {
  readonly layers: readonly Layer[];
  readonly problems: readonly string[];
}

/**
 * Files at least this large are read (decoded, parsed, validated) in a worker:
 * below it, handing the file over and the layer back costs more than it saves.
 */
export const OFF_THREAD_LAYER_BYTES = 256 * 1024;

export interface LoadLayersOptions {
  readonly fetch?: typeof fetch;
  /** Files of at least this many bytes are read in a worker (default OFF_THREAD_LAYER_BYTES). */
  readonly offThreadBytes?: number;
}

/** Fetches and validates the layer `files` under `base`. Never throws. */
export async function loadShippedLayers(base: URL, files: readonly string[], options: LoadLayersOptions = {}): Promise<ShippedLayers> {
  const fetchImpl = options.fetch ?? fetch;
  const offThreadBytes = options.offThreadBytes ?? OFF_THREAD_LAYER_BYTES;
  const problems: string[] = [];
  const loaded = await Promise.all(
    files.map(async (file) => {
      try {
        const response = await fetchImpl(new URL(encodeURI(file), base));
        if (!response.ok) return { layer: null, problems: [`${file}: the file could not be read (HTTP ${response.status}).`] };
        const bytes = await response.arrayBuffer();
        if (bytes.byteLength >= offThreadBytes && canReadOffThread()) return await readLayerOffThread(file, bytes);
        return timeWork('layer-parse', () => readLayer(file, bytes));
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
  markPhase('layers');
  return { layers, problems };
}
