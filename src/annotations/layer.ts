/**
 * A layer: the annotations of one collection file in `annotations/` (or of one
 * import), after validation, plus the problems found on the way.
 */
import type { Agent, Annotation } from './model.ts';

/** One validated collection. Values are frozen; nothing here is ever changed in place. */
export interface Layer {
  /** The collection's IRI `id`, or a stable `urn:uuid:` made from the file name when it had none. */
  readonly id: string;
  /** The file the layer came from, as named by the caller. */
  readonly file: string;
  /** The collection's `label`, or the file name when it had none. */
  readonly label: string;
  readonly creator?: Agent;
  readonly generator?: Agent;
  /** Every annotation that passed validation, in file order. */
  readonly annotations: readonly Annotation[];
}

/**
 * Something wrong with a file or one annotation in it. `index` and
 * `annotationId` are null when the problem concerns the whole file.
 */
export interface Problem {
  readonly file: string;
  /** The annotation's 0-based position in the file's items, or null for a file-level problem. */
  readonly index: number | null;
  /** The annotation's `id` when it had a string one, else null. */
  readonly annotationId: string | null;
  /** A sentence for a person: names the file, the annotation, and what is wrong. */
  readonly message: string;
  /**
   * The same sentence without the file name, capitalised ("Annotation 3 (…)
   * was left out because …."), for reports that name the file once.
   */
  readonly reason: string;
}
