/**
 * What the server indexes of an annotation for search: the documents it
 * targets, its tags, its quotes (folded, so "Corvalan" finds "Corvalán"), its
 * creator and its last-modified instant. Pure: reads a validated annotation.
 */
import { quoteSelectorOf, tagsOf, targetsOf, type Annotation } from '../src/annotations/model.ts';
import { fold } from '../src/text/fold.ts';

export interface IndexedFields {
  /** Target `source` IRIs, without duplicates. */
  readonly sources: readonly string[];
  /** Tag values, without duplicates. */
  readonly tags: readonly string[];
  /** Every target's quote, folded, joined by newlines (a quote never matches across two). */
  readonly quotes: string;
  /** The creator's name, folded, or null. */
  readonly creatorName: string | null;
  /** The creator's IRI, or null. */
  readonly creatorId: string | null;
  /** `modified`, else `created`, as a UTC ISO instant (sorts as text). */
  readonly modified: string;
}

/** The instant of an xsd:dateTime as `YYYY-MM-DDTHH:MM:SS.sssZ`; null when it names none. */
export function utcInstant(dateTime: string): string | null {
  const ms = Date.parse(dateTime);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** The indexed fields of a validated annotation. Never throws. */
export function indexedFieldsOf(annotation: Annotation): IndexedFields {
  const targets = targetsOf(annotation);
  return {
    sources: [...new Set(targets.map((t) => t.source))],
    tags: [...new Set(tagsOf(annotation))],
    quotes: targets.map((t) => fold(quoteSelectorOf(t)?.exact ?? '')).join('\n'),
    creatorName: annotation.creator ? fold(annotation.creator.name) : null,
    creatorId: annotation.creator?.id ?? null,
    modified: utcInstant(annotation.modified ?? annotation.created) ?? new Date(0).toISOString(),
  };
}
