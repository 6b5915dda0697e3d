/**
 * Export and import of annotations as W3C AnnotationCollections (model §5.1).
 * Exports carry `@context` on the collection and on every item, so each item
 * passes the W3C checks alone; imports go through the same validation as the
 * files in `annotations/` and merge by id.
 */
import { ANNO_CONTEXT, newAnnotationId, type Annotation, type AnnotationCollection } from './model.ts';
import type { Layer } from './layer.ts';
import { loadCollection } from './validate.ts';

/** What to export. Without `layerIds` every layer is taken; without `ids` every annotation of those layers. */
export interface ExportOptions {
  readonly label: string;
  readonly layerIds?: readonly string[];
  readonly ids?: readonly string[];
  /** The collection's IRI; a fresh `urn:uuid:` when absent. */
  readonly id?: string;
}

/**
 * One AnnotationCollection of the chosen annotations, in layer order then file
 * order, each id once (the first layer that holds it wins). An empty choice
 * gives an empty collection, not an error.
 */
export function exportCollection(layers: readonly Layer[], options: ExportOptions): AnnotationCollection {
  const layerIds = options.layerIds ? new Set(options.layerIds) : null;
  const ids = options.ids ? new Set(options.ids) : null;
  const seen = new Set<string>();
  const items: Annotation[] = [];
  for (const layer of layers) {
    if (layerIds && !layerIds.has(layer.id)) continue;
    for (const a of layer.annotations) {
      if ((ids && !ids.has(a.id)) || seen.has(a.id)) continue;
      seen.add(a.id);
      items.push(a['@context'] === ANNO_CONTEXT ? a : { '@context': ANNO_CONTEXT, ...a });
    }
  }
  return {
    '@context': ANNO_CONTEXT,
    id: options.id ?? newAnnotationId(),
    type: 'AnnotationCollection',
    label: options.label,
    total: items.length,
    items,
  };
}

/** One annotation an import did not take, and why (a sentence for a person). */
export interface Skipped {
  /** Position in the imported items, or null when the whole file was refused. */
  readonly index: number | null;
  readonly id: string | null;
  readonly reason: string;
}

export interface ImportResult {
  /** Annotations whose id was not among the existing ones. */
  readonly added: readonly Annotation[];
  /** Newer versions of existing annotations (by `modified`, else `created`). */
  readonly updated: readonly Annotation[];
  readonly skipped: readonly Skipped[];
}

/** When an annotation last changed, in ms; -Infinity when unreadable (never newer than anything). */
function changedAt(a: Annotation): number {
  const t = Date.parse(a.modified ?? a.created);
  return Number.isNaN(t) ? -Infinity : t;
}

/** JSON with sorted keys, so that key order does not make equal annotations differ. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/**
 * Merges an imported file (parsed JSON or its text) into `existing` by id,
 * without duplicates: a new id is added; an id already present is updated
 * only by a strictly newer version; an identical one is skipped as "already
 * present"; invalid annotations and a broken file are skipped with the
 * validator's message. Returns what to add and update; changes nothing itself.
 * Never throws.
 */
export function importCollection(json: unknown, existing: readonly Annotation[], options: { fileName?: string } = {}): ImportResult {
  const fileName = options.fileName ?? 'the imported file';
  // Parse once here (a failure is left to loadCollection, which words it) so positions can be reported.
  const doc = typeof json === 'string' ? parseOrKeep(json) : json;
  const { layer, problems } = loadCollection(fileName, typeof doc === 'string' ? json : doc);
  const skipped: Skipped[] = problems.map((p) => ({ index: p.index, id: p.annotationId, reason: p.message }));
  const added: Annotation[] = [];
  const updated: Annotation[] = [];
  if (!layer) return { added, updated, skipped };
  const byId = new Map(existing.map((a) => [a.id, a]));
  const indexOf = positionsById(doc);
  for (const incoming of layer.annotations) {
    const index = indexOf.get(incoming.id) ?? null;
    const current = byId.get(incoming.id);
    if (!current) added.push(incoming);
    else if (canonical({ ...current, '@context': ANNO_CONTEXT }) === canonical(incoming)) {
      skipped.push({ index, id: incoming.id, reason: `${incoming.id} is already present.` });
    } else if (changedAt(incoming) > changedAt(current)) updated.push(incoming);
    else {
      skipped.push({
        index,
        id: incoming.id,
        reason: `${incoming.id} was not imported: the version already present is as new or newer (changed ${current.modified ?? current.created}).`,
      });
    }
  }
  return { added, updated, skipped };
}

function parseOrKeep(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The first position of each id among a file's items (the layer drops bad items, so it cannot say). */
function positionsById(doc: unknown): Map<string, number> {
  const out = new Map<string, number>();
  let items: unknown = doc;
  if (items && typeof items === 'object' && !Array.isArray(items)) {
    const o = items as { items?: unknown; first?: { items?: unknown } };
    items = o.items ?? o.first?.items ?? [items];
  }
  if (Array.isArray(items)) {
    items.forEach((item, i) => {
      const id = (item as { id?: unknown } | null)?.id;
      if (typeof id === 'string' && !out.has(id)) out.set(id, i);
    });
  }
  return out;
}
