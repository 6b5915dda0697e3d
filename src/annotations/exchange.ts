/**
 * Export and import of annotations as W3C AnnotationCollections (model §5.1).
 * Exports carry `@context` on the collection and on every item, so each item
 * passes the W3C checks alone; imports go through the same validation as the
 * files in `annotations/` and merge by id.
 */
import { ANNO_CONTEXT, newAnnotationId, type Annotation, type AnnotationCollection } from './model.ts';
import type { Layer } from './layer.ts';
import { itemName, loadCollection } from './validate.ts';
import { displayLabel, formatCount } from './sanitize.ts';
import { textLengthProblem } from './import-limit.ts';
import { fromHypothesis, isHypothesisExport, type KnownText } from './hypothesis.ts';

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
  /** Position in the imported items, or null for a remark on the whole file. */
  readonly index: number | null;
  readonly id: string | null;
  /** One sentence naming the annotation (not the file) and why it was not taken. */
  readonly reason: string;
}

export interface ImportResult {
  /** Annotations whose id was not among the existing ones. */
  readonly added: readonly Annotation[];
  /** Newer versions of existing annotations (by `modified`, else `created`). */
  readonly updated: readonly Annotation[];
  /** Annotations not taken, and remarks on the whole file (index null), each with its reason. */
  readonly skipped: readonly Skipped[];
  /** Why the whole file was refused (one sentence), or null when it was read. */
  readonly refused: string | null;
  /** How many annotations the file listed (0 when refused). */
  readonly total: number;
}

/** When an annotation last changed, in ms; -Infinity when unreadable (never newer than anything). */
function changedAt(a: Annotation): number {
  const t = Date.parse(a.modified ?? a.created);
  return Number.isNaN(t) ? -Infinity : t;
}

/** Made by a person (a W3C Person creator), as opposed to a machine. */
export function isByPerson(a: Annotation): boolean {
  return a.creator?.type === 'Person';
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
 * only by a strictly newer version, and never by a machine-made one when the
 * present version is a person's (a person's note is never replaced by a
 * machine's); an identical one is skipped as "already present"; invalid
 * annotations and a broken file are skipped with the validator's message.
 * Returns what to add and update; changes nothing itself. Never throws.
 */
export function importCollection(json: unknown, existing: readonly Annotation[], options: { fileName?: string; texts?: readonly KnownText[] } = {}): ImportResult {
  const fileName = options.fileName ?? 'the imported file';
  // Parse once here (a failure is left to loadCollection, which words it) so positions can be reported;
  // a text over the limit is never parsed (loadCollection refuses it unread).
  let doc = typeof json === 'string' && !textLengthProblem(json) ? parseOrKeep(json) : json;
  // Hypothesis's API shape is read into a W3C collection first, then checked like any other.
  const rowProblems: Skipped[] = [];
  let rows: number | null = null;
  if (typeof doc !== 'string' && isHypothesisExport(doc)) {
    const converted = fromHypothesis(doc, options.texts ?? []);
    rows = converted.problems.length + ((converted.collection.first as { items: unknown[] }).items.length);
    doc = converted.collection;
    for (const p of converted.problems) rowProblems.push({ index: p.index, id: null, reason: p.reason });
  }
  const { layer, problems } = loadCollection(fileName, typeof doc === 'string' ? json : doc);
  const skipped: Skipped[] = [...rowProblems, ...problems.map((p) => ({ index: p.index, id: p.annotationId, reason: p.reason }))];
  const added: Annotation[] = [];
  const updated: Annotation[] = [];
  if (!layer) return { added, updated, skipped, refused: problems[0]?.reason ?? 'The file could not be read.', total: 0 };
  const byId = new Map(existing.map((a) => [a.id, a]));
  const { positions, count } = itemsOf(doc);
  for (const incoming of layer.annotations) {
    const index = positions.get(incoming.id) ?? null;
    const name = index === null ? `the annotation ${displayLabel(incoming.id, 60)}` : itemName(index, incoming.id);
    const Name = name.charAt(0).toUpperCase() + name.slice(1);
    const current = byId.get(incoming.id);
    if (!current) added.push(incoming);
    else if (canonical({ ...current, '@context': ANNO_CONTEXT }) === canonical(incoming)) {
      skipped.push({ index, id: incoming.id, reason: `${Name} is already present.` });
    } else if (isByPerson(current) && !isByPerson(incoming)) {
      skipped.push({
        index,
        id: incoming.id,
        reason: `${Name} was not imported: it is machine-made, and a machine-made version never replaces a note made by a person, so that note is kept as it is.`,
      });
    } else if (changedAt(incoming) > changedAt(current)) updated.push(incoming);
    else {
      skipped.push({
        index,
        id: incoming.id,
        reason: `${Name} was not imported: the version already present is as new or newer (changed ${current.modified ?? current.created}).`,
      });
    }
  }
  return { added, updated, skipped, refused: null, total: rows ?? count };
}

/** What became of each annotation an import handed on to be kept, for `importReport`. */
export interface ImportOutcome {
  /** Annotations that could not be saved, each with the reason (a sentence). */
  readonly notSaved?: readonly { readonly id: string; readonly reason: string }[];
  /** How many machine-made annotations of this file are shown, for this visit only. */
  readonly shownForVisit?: number;
  /**
   * The saving stopped early: `cancelled` by the reader, or `failed` with the
   * storage's sentence; `saved` of `toSave` notes were saved (and stay saved),
   * and the annotations `notTried` were neither saved nor shown.
   */
  readonly stopped?: {
    /** `cancelled`, or the storage failed: why (a clause), and whether for want of space. */
    readonly why: 'cancelled' | { readonly failed: string; readonly full: boolean };
    readonly saved: number;
    readonly toSave: number;
    readonly notTried: readonly string[];
  };
}

/** Skipped lines listed by name in a report; the rest are counted in one closing line. */
export const REPORT_SKIPPED_LINES = 5;

const count = formatCount;
const plural = (n: number, one: string, many: string): string => `${count(n)} ${n === 1 ? one : many}`;

/**
 * The report of one import, one sentence a line: what was added, updated and
 * skipped (counting only what really happened: an annotation that could not
 * be saved is neither added nor updated), why each skipped one was skipped,
 * what could not be saved, and, only when this file brought machine-made
 * annotations that are shown, that they last for this visit. The file name
 * is said once, neutralised and cut. Never throws.
 */
export function importReport(fileName: string, result: ImportResult, outcome: ImportOutcome = {}): string[] {
  const file = displayLabel(fileName, 80) || 'The file';
  if (result.refused !== null) return [`${file} was not imported.`, endSentence(result.refused)];
  const failed = new Set([...(outcome.notSaved ?? []).map((f) => f.id), ...(outcome.stopped?.notTried ?? [])]);
  const added = result.added.filter((a) => !failed.has(a.id)).length;
  const updated = result.updated.filter((a) => !failed.has(a.id)).length;
  const items = result.skipped.filter((s) => s.index !== null);
  const remarks = result.skipped.filter((s) => s.index === null);
  const skippedCount = Math.max(items.length, result.total - result.added.length - result.updated.length);
  const lines = [
    `${file}: ${plural(result.total, 'annotation', 'annotations')} read; ${count(added)} added, ${count(updated)} updated, ${count(skippedCount)} skipped${failed.size ? `, ${count(failed.size)} not saved` : ''}.`,
  ];
  const stopped = outcome.stopped;
  if (stopped) {
    const rest = stopped.notTried.length;
    const saved = `${count(stopped.saved)} of ${plural(stopped.toSave, 'note', 'notes')}`;
    if (stopped.why === 'cancelled') {
      lines.push(`Import cancelled: ${saved} were saved before you cancelled, and they stay saved; the other ${count(rest)} were not imported.`);
    } else {
      const again = stopped.why.full ? 'free some space, then import the file again to add them' : 'import the file again to add them once the storage works';
      lines.push(
        `Import stopped after ${saved} were saved, and they stay saved: ${endSentence(`${stopped.why.failed}, so it refused the next batch`)}`,
        `The other ${count(rest)} were not imported; ${again} (the notes already saved are skipped as already present).`,
      );
    }
  }
  for (const s of items.slice(0, REPORT_SKIPPED_LINES)) lines.push(endSentence(s.reason));
  if (items.length > REPORT_SKIPPED_LINES) lines.push(`${plural(items.length - REPORT_SKIPPED_LINES, 'more skipped annotation is', 'more skipped annotations are')} not listed here.`);
  for (const r of remarks) lines.push(endSentence(r.reason));
  const notSaved = outcome.notSaved ?? [];
  for (const f of notSaved.slice(0, REPORT_SKIPPED_LINES)) lines.push(endSentence(`${displayLabel(f.id, 60)} was not saved: ${f.reason}`));
  if (notSaved.length > REPORT_SKIPPED_LINES) lines.push(`${plural(notSaved.length - REPORT_SKIPPED_LINES, 'more annotation that was not saved is', 'more annotations that were not saved are')} not listed here.`);
  if (outcome.shownForVisit) {
    lines.push(
      `${outcome.shownForVisit === 1 ? 'Its 1 machine-made annotation is' : `Its ${count(outcome.shownForVisit)} machine-made annotations are`} shown for this visit only.`,
    );
  }
  return lines;
}

/** `text` neutralised and cut, ending in exactly one full stop (or its own ? or !). */
function endSentence(text: string): string {
  const t = displayLabel(text, 600).trim().replace(/[.\s]+$/, '');
  return /[?!…]$/.test(t) ? t : `${t}.`;
}

function parseOrKeep(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The first position of each id among a file's items (the layer drops bad items, so it cannot say), and how many items there are. */
function itemsOf(doc: unknown): { positions: Map<string, number>; count: number } {
  const positions = new Map<string, number>();
  let items: unknown = doc;
  if (items && typeof items === 'object' && !Array.isArray(items)) {
    const o = items as { items?: unknown; first?: { items?: unknown } };
    items = o.items ?? o.first?.items ?? [items];
  }
  if (!Array.isArray(items)) return { positions, count: 0 };
  items.forEach((item, i) => {
    const id = (item as { id?: unknown } | null)?.id;
    if (typeof id === 'string' && !positions.has(id)) positions.set(id, i);
  });
  return { positions, count: items.length };
}
