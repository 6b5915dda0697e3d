/**
 * The part of CSL-JSON (Citation Style Language data schema,
 * https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html) that
 * references parsed from a text carry. Every field is optional: a field
 * that could not be read from the entry is absent, never guessed.
 */

/** A CSL name: `family`/`given`, or a `literal` for an organisation. */
export interface CslName {
  readonly family?: string;
  readonly given?: string;
  readonly literal?: string;
}

/** A CSL date: one `[year, month?, day?]` part. */
export interface CslDate {
  readonly 'date-parts': readonly (readonly number[])[];
}

/** The CSL item types a parsed reference may have. */
export type CslType = 'book' | 'chapter' | 'article-journal' | 'article-newspaper' | 'webpage' | 'document';

/** One work as CSL-JSON. `note` carries identifiers CSL has no field for (`S2CID: 123`). */
export interface CslFields {
  readonly type: CslType;
  readonly author?: readonly CslName[];
  /** The editors (of the work, or of the book a chapter is in); never counted as authors. */
  readonly editor?: readonly CslName[];
  readonly title?: string;
  readonly 'container-title'?: string;
  readonly publisher?: string;
  readonly 'publisher-place'?: string;
  readonly issued?: CslDate;
  readonly accessed?: CslDate;
  readonly volume?: string;
  readonly issue?: string;
  readonly page?: string;
  readonly URL?: string;
  readonly DOI?: string;
  readonly ISBN?: string;
  readonly note?: string;
  readonly language?: string;
}

/** A CSL item with its id. */
export interface CslItem extends CslFields {
  readonly id: string;
}
