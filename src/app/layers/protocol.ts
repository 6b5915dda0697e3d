/** What the reader's thread and the layer worker say to each other. */
import type { Layer } from '../../annotations/layer.ts';

/** A layer file's bytes (handed over), named as the manifest names it. */
export interface LayerRequest {
  readonly id: number;
  readonly file: string;
  readonly bytes: ArrayBuffer;
}

/** The validated layer (or null) and a sentence per problem, as `loadCollection` gives them. */
export interface LayerReply {
  readonly id: number;
  readonly layer: Layer | null;
  readonly problems: readonly string[];
}
