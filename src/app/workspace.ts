/**
 * The annotations the reader shows: every layer, anchored in every document,
 * classified by kind, filtered by what the reader switched on, with orphans
 * kept in their own list. No DOM here: the views draw what this computes.
 */
import type { Annotation, SpecificResource } from '../annotations/model.ts';
import { DAMAGE_TAGS, commentBodyOf, descriptionOf, quoteSelectorOf, tagsOf, targetsOf } from '../annotations/model.ts';
import { anchorAllIndexed } from '../annotations/anchoring/indexed-batch.ts';
import type { TargetAnchor } from '../annotations/anchoring/batch.ts';
import type { OrphanCode } from '../annotations/anchoring/types.ts';
import { reviewTargetOf } from '../analysis/claims/review.ts';

/** What an annotation is, for drawing, filtering and listing. */
export type AnnotationKind = 'note' | 'flag' | 'footnote' | 'claim' | 'review';

export const KIND_LABELS: Record<AnnotationKind, string> = {
  note: 'Own notes',
  flag: 'Damage flags',
  footnote: 'Footnote links',
  claim: 'Claim links',
  review: 'Reviews',
};

/** Where a layer comes from. Own annotations are the reader's, kept in the browser's database. */
export type LayerOrigin = 'shipped' | 'own' | 'imported' | 'shared';

export interface WorkspaceLayer {
  readonly id: string;
  readonly label: string;
  readonly origin: LayerOrigin;
  readonly annotations: readonly Annotation[];
}

/** A document the workspace anchors into. */
export interface WorkspaceDocument {
  readonly id: string;
  readonly iri: string;
  readonly label: string;
  readonly source: string;
}

/** One anchored target of an annotation. */
export interface PlacedTarget {
  readonly docId: string;
  readonly targetIndex: number;
  readonly from: number;
  readonly to: number;
  readonly method: 'position' | 'quote' | 'fuzzy';
}

/** One annotation target to draw, in source offsets (code units). */
export interface DrawnSpan {
  /** The annotation's id. */
  readonly id: string;
  readonly from: number;
  readonly to: number;
  /** Space-separated classes, e.g. `hl hl-flag hl-truncated`. */
  readonly className: string;
  /**
   * A marker button drawn after the span (claim links): its accessible label.
   * Activating it dispatches `span-marker` with `{ id }` from the view's DOM.
   */
  readonly marker?: string;
}

/** A target that found no passage: shown in the orphans list, never dropped. */
export interface OrphanTarget {
  readonly annotationId: string;
  readonly layerId: string;
  readonly docId: string | null;
  readonly targetIndex: number;
  readonly quote: string;
  /** Why, for machines (see `OrphanCode`); a target into a text not shown is `not-found`. */
  readonly code: OrphanCode;
  readonly reason: string;
}

/** An annotation with what the reader needs to show it. */
export interface Entry {
  readonly annotation: Annotation;
  readonly layerId: string;
  readonly kind: AnnotationKind;
  /** Tag values (vocabulary tags and the reader's own). */
  readonly tags: readonly string[];
  /** The flag's damage tag, or the claim's relation. */
  readonly subtype: string | null;
  readonly description: string | null;
  readonly comment: string | null;
  readonly placed: readonly PlacedTarget[];
  /** `accepted` / `dismissed` when a review decided on it. */
  readonly status: 'proposed' | 'accepted' | 'dismissed';
}

/**
 * The id of the annotation a review decides on (`accepted` / `dismissed`), or
 * null when `annotation` is not a review. Reviews made in the reader follow
 * the claims review model (`reviewTargetOf`); curated files may also name the
 * reviewed id with an `identifying` body (a SpecificResource whose `source`
 * is the id, or a TextualBody whose `value` is).
 */
export function reviewedIdOf(annotation: Annotation): string | null {
  if (annotation.motivation !== 'assessing') return null;
  const tags = tagsOf(annotation);
  if (!tags.includes('accepted') && !tags.includes('dismissed')) return null;
  const fromModel = reviewTargetOf(annotation);
  if (fromModel) return fromModel;
  for (const b of annotation.body) {
    if (b.purpose !== 'identifying') continue;
    if (b.type === 'SpecificResource') return b.source;
    if (b.type === 'TextualBody') return b.value;
  }
  return null;
}

/** Classifies an annotation by its motivation and tags. */
export function kindOf(annotation: Annotation): AnnotationKind {
  const tags = tagsOf(annotation);
  if (reviewedIdOf(annotation) !== null) return 'review';
  if (tags.includes('claim')) return 'claim';
  // A work link joins a reference entry to its work: drawn with the footnote links, never as someone's note.
  if (tags.includes('footnote') || tags.includes('work')) return 'footnote';
  if (annotation.motivation === 'assessing' && tags.some((t) => (DAMAGE_TAGS as readonly string[]).includes(t))) return 'flag';
  return 'note';
}

function subtypeOf(kind: AnnotationKind, tags: readonly string[]): string | null {
  if (kind === 'flag') return tags.find((t) => (DAMAGE_TAGS as readonly string[]).includes(t)) ?? null;
  if (kind === 'claim') return tags.find((t) => t === 'agrees' || t === 'conflicts' || t === 'related') ?? 'related';
  return null;
}

function commentOf(annotation: Annotation): string | null {
  return commentBodyOf(annotation)?.value ?? null;
}

/** The subtypes that have a class of their own: fixed words, so no annotation text becomes a class. */
const SUBTYPE_CLASSES: ReadonlyMap<string, string> = new Map(
  [...DAMAGE_TAGS, 'agrees', 'conflicts', 'related'].map((tag) => [tag, `hl-${tag}`]),
);

/** The CSS classes that draw an entry (see styles/reader.ts). */
export function classesOf(entry: Pick<Entry, 'kind' | 'subtype' | 'status'>): string {
  const parts = ['hl', `hl-${entry.kind}`];
  const subtype = entry.subtype === null ? undefined : SUBTYPE_CLASSES.get(entry.subtype);
  if (subtype) parts.push(subtype);
  if (entry.status === 'accepted') parts.push('hl-accepted');
  return parts.join(' ');
}

export class Workspace {
  private readonly layers = new Map<string, WorkspaceLayer>();
  private readonly hiddenLayers = new Set<string>();
  private readonly hiddenKinds = new Set<AnnotationKind>();
  private entries = new Map<string, Entry>();
  private orphanList: OrphanTarget[] = [];

  constructor(private readonly documents: readonly WorkspaceDocument[]) {}

  /** Adds or replaces a layer and re-anchors. */
  setLayer(layer: WorkspaceLayer): void {
    this.setLayers([layer]);
  }

  /**
   * Adds or replaces several layers, in order, and re-anchors once: the same
   * result as `setLayer` for each, at the cost of one.
   */
  setLayers(layers: readonly WorkspaceLayer[]): void {
    if (!layers.length) return;
    for (const layer of layers) this.layers.set(layer.id, layer);
    this.rebuild();
  }

  /** Replaces every layer of `origin` by `layers` (none: all removed), re-anchoring once. */
  replaceLayers(origin: LayerOrigin, layers: readonly WorkspaceLayer[]): void {
    for (const [id, layer] of this.layers) if (layer.origin === origin) this.layers.delete(id);
    for (const layer of layers) this.layers.set(layer.id, layer);
    this.rebuild();
  }

  removeLayer(id: string): void {
    if (this.layers.delete(id)) this.rebuild();
  }

  allLayers(): readonly WorkspaceLayer[] {
    return [...this.layers.values()];
  }

  setLayerVisible(id: string, visible: boolean): void {
    if (visible) this.hiddenLayers.delete(id);
    else this.hiddenLayers.add(id);
  }

  isLayerVisible(id: string): boolean {
    return !this.hiddenLayers.has(id);
  }

  setKindVisible(kind: AnnotationKind, visible: boolean): void {
    if (visible) this.hiddenKinds.delete(kind);
    else this.hiddenKinds.add(kind);
  }

  isKindVisible(kind: AnnotationKind): boolean {
    return !this.hiddenKinds.has(kind);
  }

  /** The entry for an annotation id, or null. */
  get(id: string): Entry | null {
    return this.entries.get(id) ?? null;
  }

  /** Every entry, in layer order then file order. */
  all(): readonly Entry[] {
    return [...this.entries.values()];
  }

  /** Entries that are drawn now: visible layer and kind, anchored, not dismissed, not reviews. */
  visible(): Entry[] {
    return this.all().filter(
      (e) => e.kind !== 'review' && e.status !== 'dismissed' && this.isKindVisible(e.kind) && this.isLayerVisible(e.layerId) && e.placed.length > 0,
    );
  }

  /** The spans to draw in document `docId`. */
  spansFor(docId: string): DrawnSpan[] {
    const spans: DrawnSpan[] = [];
    for (const e of this.visible()) {
      const className = classesOf(e);
      for (const p of e.placed) if (p.docId === docId) spans.push({ id: e.annotation.id, from: p.from, to: p.to, className });
    }
    return spans;
  }

  /** Targets that could not be anchored, in every layer (hidden layers included: an orphan is never out of sight). */
  orphans(): readonly OrphanTarget[] {
    return this.orphanList;
  }

  documentOf(iri: string): WorkspaceDocument | null {
    return this.documents.find((d) => d.iri === iri) ?? null;
  }

  documentById(id: string): WorkspaceDocument | null {
    return this.documents.find((d) => d.id === id) ?? null;
  }

  /**
   * Each annotation's anchors, per document, for as long as the annotation
   * object lives. Texts never change and annotations are immutable values (an
   * edit makes a new object), so a save re-anchors only what was saved.
   */
  private readonly anchorCache = new WeakMap<Annotation, Map<string, readonly TargetAnchor[]>>();

  /** The anchors of `annotations` in `doc`, in their order: the cached ones reused, the others anchored in one batch. */
  private anchorsIn(doc: WorkspaceDocument, annotations: readonly Annotation[]): TargetAnchor[] {
    const missing = annotations.filter((a) => !this.anchorCache.get(a)?.has(doc.id));
    if (missing.length) {
      const fresh = new Map<string, TargetAnchor[]>();
      for (const a of anchorAllIndexed(doc.source, missing, { source: doc.iri }).anchors) {
        const list = fresh.get(a.annotationId) ?? [];
        list.push(a);
        fresh.set(a.annotationId, list);
      }
      for (const a of missing) {
        const perDoc = this.anchorCache.get(a) ?? new Map<string, readonly TargetAnchor[]>();
        perDoc.set(doc.id, fresh.get(a.id) ?? []);
        this.anchorCache.set(a, perDoc);
      }
    }
    const out: TargetAnchor[] = [];
    for (const a of annotations) for (const anchor of this.anchorCache.get(a)!.get(doc.id)!) out.push(anchor);
    return out;
  }

  private rebuild(): void {
    const entries = new Map<string, Entry>();
    const orphans: OrphanTarget[] = [];
    // Later layers override earlier ones by id: the reader's own copy of an annotation wins.
    const order = [...this.layers.values()].sort((a, b) => originRank(a.origin) - originRank(b.origin));
    const chosen = new Map<string, { annotation: Annotation; layerId: string }>();
    for (const layer of order) for (const a of layer.annotations) chosen.set(a.id, { annotation: a, layerId: layer.id });
    const annotations = [...chosen.values()].map((c) => c.annotation);

    const placed = new Map<string, PlacedTarget[]>();
    const unplaced = new Map<string, OrphanTarget[]>();
    for (const doc of this.documents) {
      for (const { annotationId, targetIndex, anchor } of this.anchorsIn(doc, annotations)) {
        if (anchor.status === 'anchored') {
          const list = placed.get(annotationId) ?? [];
          list.push({ docId: doc.id, targetIndex, from: anchor.from, to: anchor.to, method: anchor.method });
          placed.set(annotationId, list);
        } else {
          const a = chosen.get(annotationId)!;
          const target = targetsOf(a.annotation)[targetIndex]!;
          const list = unplaced.get(annotationId) ?? [];
          list.push({ annotationId, layerId: a.layerId, docId: doc.id, targetIndex, quote: quoteOf(target), code: anchor.code, reason: anchor.reason });
          unplaced.set(annotationId, list);
        }
      }
    }
    const decisions = new Map<string, { status: 'accepted' | 'dismissed'; time: number }>();
    for (const { annotation } of chosen.values()) {
      const target = reviewedIdOf(annotation);
      if (!target) continue;
      const status = tagsOf(annotation).includes('dismissed') ? 'dismissed' : 'accepted';
      const time = Date.parse(annotation.modified ?? annotation.created) || 0;
      const prev = decisions.get(target);
      if (!prev || time >= prev.time) decisions.set(target, { status, time });
    }
    for (const { annotation, layerId } of chosen.values()) {
      const tags = tagsOf(annotation);
      const kind = kindOf(annotation);
      const targets = targetsOf(annotation);
      // A target on a document this reader does not show is an orphan too.
      targets.forEach((t, targetIndex) => {
        if (!this.documentOf(t.source)) {
          const list = unplaced.get(annotation.id) ?? [];
          list.push({ annotationId: annotation.id, layerId, docId: null, targetIndex, quote: quoteOf(t), code: 'not-found', reason: `It points into ${t.source}, which is not one of the texts shown.` });
          unplaced.set(annotation.id, list);
        }
      });
      if (kind !== 'review') for (const item of (unplaced.get(annotation.id) ?? [])) orphans.push(item);
      entries.set(annotation.id, {
        annotation,
        layerId,
        kind,
        tags,
        subtype: subtypeOf(kind, tags),
        description: descriptionOf(annotation),
        comment: commentOf(annotation),
        placed: placed.get(annotation.id) ?? [],
        status: decisions.get(annotation.id)?.status ?? 'proposed',
      });
    }
    this.entries = entries;
    this.orphanList = orphans;
  }
}

function originRank(origin: LayerOrigin): number {
  return origin === 'shipped' ? 0 : origin === 'imported' || origin === 'shared' ? 1 : 2;
}

function quoteOf(target: SpecificResource): string {
  return quoteSelectorOf(target)?.exact ?? '';
}
