/**
 * The JSON-LD documents the server sends: an annotation with its server IRI,
 * a container (LDP Basic Container + AnnotationCollection, protocol §4), an
 * AnnotationPage (§4.3 and model §5.2), and change-feed entries.
 */
import { ANNO_CONTEXT } from '../src/annotations/model.ts';
import { LDP_CONTEXT } from './media-types.ts';
import type { ContainerState, StoredAnnotation, StoredPage } from './store.ts';

/**
 * The annotation of a live row, `@context` and `id` first, `via` when the
 * client gave its own IRI, and its audience as `reader:audience` (an extension
 * term, like `reader:confidence`).
 */
export function annotationDocument(row: StoredAnnotation, iri: string): Record<string, unknown> {
  const { '@context': _context, ...rest } = JSON.parse(row.json ?? '{}') as Record<string, unknown>;
  return { '@context': ANNO_CONTEXT, id: iri, ...rest, ...(row.via ? { via: row.via } : {}), 'reader:audience': row.audience };
}

/** Links of a page to its neighbours (absent when there is none). */
export interface PageLinks {
  readonly id: string;
  readonly next: string | null;
  readonly prev: string | null;
}

/**
 * An AnnotationPage; `items` are IRIs when `iris`, else whole annotations, each
 * with its own `@context` (redundant in JSON-LD, but checkers and clients that
 * read an item alone need it).
 */
export function pageDocument(options: {
  page: StoredPage;
  links: PageLinks;
  partOf: { id: string; total: number; modified: string | null };
  iris: boolean;
  iriOf: (row: StoredAnnotation) => string;
  embedded: boolean;
}): Record<string, unknown> {
  const { page, links, partOf, iris, iriOf, embedded } = options;
  const items = page.rows.map((row) => (iris ? iriOf(row) : annotationDocument(row, iriOf(row))));
  return {
    ...(embedded ? {} : { '@context': ANNO_CONTEXT }),
    id: links.id,
    type: 'AnnotationPage',
    partOf: { id: partOf.id, total: partOf.total, ...(partOf.modified ? { modified: partOf.modified } : {}) },
    ...(page.startIndex !== null ? { startIndex: page.startIndex } : {}),
    ...(links.next ? { next: links.next } : {}),
    ...(links.prev ? { prev: links.prev } : {}),
    items,
  };
}

/** A container: its total, modification time, and its first page embedded (or only linked, for minimal). */
export function containerDocument(options: {
  id: string;
  label: string;
  state: ContainerState;
  first: Record<string, unknown> | string | null;
  last: string | null;
}): Record<string, unknown> {
  const { id, label, state, first, last } = options;
  return {
    '@context': [ANNO_CONTEXT, LDP_CONTEXT],
    id,
    type: ['BasicContainer', 'AnnotationCollection'],
    label,
    total: state.total,
    ...(state.modified ? { modified: state.modified } : {}),
    ...(first ? { first } : {}),
    ...(last ? { last } : {}),
  };
}

/**
 * One change-feed entry: the annotation as it now is, or a tombstone for a
 * deletion, or for one the reader may no longer see (`visible` false).
 */
export function changeEntry(row: StoredAnnotation, iri: string, visible: boolean): Record<string, unknown> {
  if (row.deleted || row.json === null) return { cursor: String(row.change), id: iri, type: 'Tombstone', deleted: row.deleted };
  if (!visible) return { cursor: String(row.change), id: iri, type: 'Tombstone', hidden: true };
  return { cursor: String(row.change), id: iri, etag: row.etag, modified: row.changedAt, annotation: annotationDocument(row, iri) };
}
