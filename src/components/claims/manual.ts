/**
 * A hand-made claim link from the panel's `claim-manual` request: the two
 * selections become a W3C annotation by the scholar (`makeManualLink`).
 */
import type { Agent, Annotation, RelationTag } from '../../annotations/model.ts';
import { ClaimReviewError, makeManualLink } from '../../analysis/claims/review.ts';

/** One selected passage: `[from, to)` (code units) of document `docId`'s source, and its text. */
export interface SelectedPassage {
  readonly docId: string;
  readonly from: number;
  readonly to: number;
  readonly text: string;
}

/** The detail of a `claim-manual` event. */
export interface ManualLinkRequest {
  readonly ends: readonly [SelectedPassage, SelectedPassage];
  readonly relation: RelationTag;
  /** The scholar's note; '' for none. */
  readonly note: string;
}

/** The hand-made link annotation, or a sentence saying why none could be made. */
export type ManualLinkResult = { readonly ok: true; readonly annotation: Annotation } | { readonly ok: false; readonly problem: string };

/**
 * The annotation for `request` by `creator`, each end's text looked up with
 * `documentOf(docId)` (its IRI and source). Never throws: a text not shown, a
 * selection whose text no longer matches the source, two ends in one text,
 * an empty end or a creator who is not a Person give `{ ok: false, problem }`;
 * only an unexpected failure (a bug) is rethrown.
 */
export function manualLinkFrom(
  request: ManualLinkRequest,
  documentOf: (docId: string) => { readonly iri: string; readonly source: string } | null,
  creator: Agent,
  created: string = new Date().toISOString(),
): ManualLinkResult {
  const ends = [];
  for (const end of request.ends) {
    const doc = documentOf(end.docId);
    if (!doc) return { ok: false, problem: `The text "${end.docId}" is not shown, so no link can be made to it.` };
    if (doc.source.slice(end.from, end.to) !== end.text) {
      return { ok: false, problem: `The selection in "${end.docId}" no longer matches its text; select the passage again.` };
    }
    ends.push({ iri: doc.iri, text: doc.source, from: end.from, to: end.to });
  }
  try {
    const note = request.note.trim();
    return { ok: true, annotation: makeManualLink(ends[0]!, ends[1]!, request.relation, creator, note || undefined, created) };
  } catch (error) {
    if (error instanceof ClaimReviewError || error instanceof RangeError) return { ok: false, problem: error.message };
    throw error;
  }
}

/** A selection per text, by document id, as the claims panel's `selections` property takes it. */
export type Selections = Readonly<Partial<Record<string, { readonly from: number; readonly to: number; readonly text: string }>>>;

/**
 * `selections` with document `docId`'s selection replaced by `range` (removed
 * when `range` is null or empty), as a new object; the same object when
 * nothing changes, so a lit property is not updated for nothing. Feed it the
 * `reader-selection` event's `{ docId, range }`.
 */
export function selectionsWith(
  selections: Selections,
  docId: string,
  range: { readonly from: number; readonly to: number; readonly text: string } | null,
): Selections {
  // Own keys only: a document id such as "constructor" must not find Object.prototype's member.
  const old = Object.hasOwn(selections, docId) ? selections[docId] : undefined;
  const keep = range && range.to > range.from ? range : null;
  if (!keep) {
    if (!old) return selections;
    const { [docId]: _removed, ...rest } = selections;
    return rest;
  }
  if (old && old.from === keep.from && old.to === keep.to && old.text === keep.text) return selections;
  return { ...selections, [docId]: { from: keep.from, to: keep.to, text: keep.text } };
}
