/**
 * Large layer files read in a worker, one worker for the page's life (it
 * costs nothing while idle), so that parsing and validating megabytes of
 * annotations does not hold the first frames. The worker's answer is frozen
 * here as `loadCollection` freezes its own. Where no worker starts, or one
 * fails, the file is read on this thread: the caller always gets an answer.
 */
import { deepFreeze } from '../../annotations/validate.ts';
import type { Layer } from '../../annotations/layer.ts';
import { readLayer } from './read-layer.ts';
import type { LayerReply, LayerRequest } from './protocol.ts';

interface Waiting {
  readonly file: string;
  /** A copy kept for reading here should the worker fail (the original is handed over). */
  readonly copy: ArrayBuffer;
  readonly resolve: (result: { layer: Layer | null; problems: string[] }) => void;
}

let worker: Worker | null = null;
let failed = typeof Worker !== 'function';
const waiting = new Map<number, Waiting>();
let nextId = 1;

function start(): Worker | null {
  if (worker || failed) return worker;
  try {
    worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'layers' });
  } catch {
    failed = true;
    return null;
  }
  worker.onmessage = ({ data }: MessageEvent<LayerReply>) => {
    const w = waiting.get(data.id);
    if (!w) return;
    waiting.delete(data.id);
    w.resolve({ layer: data.layer ? deepFreeze(data.layer) : null, problems: [...data.problems] });
  };
  worker.onerror = (event) => {
    event.preventDefault();
    console.warn(`The layer worker stopped (${event.message || 'it could not start'}); layers are read on the page.`);
    worker?.terminate();
    worker = null;
    failed = true;
    const left = [...waiting.values()];
    waiting.clear();
    for (const w of left) w.resolve(readLayer(w.file, w.copy));
  };
  return worker;
}

/** True when layer files can be read in a worker here. */
export function canReadOffThread(): boolean {
  return !failed && typeof Worker === 'function';
}

/** Reads the layer file `file` from `bytes` in the worker (on this thread when none runs). Never rejects. */
export function readLayerOffThread(file: string, bytes: ArrayBuffer): Promise<{ layer: Layer | null; problems: string[] }> {
  const w = start();
  if (!w) return Promise.resolve(readLayer(file, bytes));
  return new Promise((resolve) => {
    const id = nextId++;
    waiting.set(id, { file, copy: bytes.slice(0), resolve });
    w.postMessage({ id, file, bytes } satisfies LayerRequest, [bytes]);
  });
}
