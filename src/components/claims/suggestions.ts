/**
 * Suggestions on demand as the UI keeps them: each suggestion has a stable
 * id (from its two passages), so that a dismissal, kept as the reader's own
 * review annotation (`makeReview` on the suggestion as a proposal), stays
 * dismissed across visits; and the passage under the caret of a reader view.
 */
import { stableAnnotationId, textTarget, ANNO_CONTEXT, type Annotation } from '../../annotations/model.ts';
import { reviewTargetOf } from '../../analysis/claims/review.ts';
import type { ReaderView } from '../reader-view.ts';

/** One end of a suggestion: `[from, to)` of a document's source. */
export interface SuggestionEnd {
  readonly iri: string;
  readonly source: string;
  readonly from: number;
  readonly to: number;
}

/** The stable id of the suggestion joining two passages (the same whichever end asked). */
export function suggestionId(a: SuggestionEnd, b: SuggestionEnd): string {
  const [x, y] = [a, b].sort((p, q) => p.iri.localeCompare(q.iri) || p.from - q.from);
  return stableAnnotationId(`suggestion|${x!.iri}|${x!.from}|${x!.to}|${y!.iri}|${y!.from}|${y!.to}`);
}

/** The suggestion as a proposal annotation (never stored itself): what a dismissal review points at. */
export function suggestionProposal(a: SuggestionEnd, b: SuggestionEnd): Annotation {
  return {
    '@context': ANNO_CONTEXT,
    id: suggestionId(a, b),
    type: 'Annotation',
    motivation: 'linking',
    target: [textTarget(a.iri, a.source, a.from, a.to), textTarget(b.iri, b.source, b.from, b.to)],
    body: [],
    created: new Date().toISOString(),
  };
}

/** Ids of the suggestions the reader dismissed, from the reader's review annotations. */
export function dismissedSuggestions(reviews: readonly Annotation[]): Set<string> {
  const ids = new Set<string>();
  for (const r of reviews) {
    const id = reviewTargetOf(r);
    const dismissed = r.body.some((b) => b.type === 'TextualBody' && b.purpose === 'tagging' && b.value === 'dismissed');
    if (id && dismissed) ids.add(id);
  }
  return ids;
}

/** The source offset of a collapsed selection (the caret) inside `view`, or null when the caret is elsewhere. */
export function caretInView(view: ReaderView): number | null {
  const doc = view.document;
  const pm = view.editorView;
  const sel = window.getSelection();
  if (!doc || !pm || !sel || !sel.rangeCount || !pm.dom.contains(sel.anchorNode)) return null;
  try {
    const pos = pm.posAtDOM(sel.anchorNode!, sel.anchorOffset);
    return doc.built.map.toOffset(pos, 1);
  } catch {
    return null;
  }
}
