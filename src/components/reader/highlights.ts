/**
 * Stand-off annotations drawn as ProseMirror inline decorations.
 *
 * The set lives in plugin state and is replaced only when the drawn spans
 * change. Overlapping decorations merge their classes onto one element, so a
 * span's identity is kept in the decoration spec and found by position
 * (`find(pos, pos)`), never read back from the DOM.
 */
import { Plugin, PluginKey, type EditorState } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { OffsetMap } from '../../document/offset-map.ts';

/** One annotation target to draw, in source offsets (code units). */
export interface DrawnSpan {
  /** The annotation's id. */
  readonly id: string;
  readonly from: number;
  readonly to: number;
  /** Space-separated classes, e.g. `hl hl-flag hl-truncated`. */
  readonly className: string;
}

interface HighlightState {
  /** Drawn spans plus the current span, one set. */
  readonly set: DecorationSet;
  /** The decoration marking the current span, kept to remove it again. */
  readonly current: readonly Decoration[];
}

type HighlightMeta = { spans: readonly DrawnSpan[]; map: OffsetMap } | { current: { from: number; to: number } | null };

export const highlightKey = new PluginKey<HighlightState>('highlights');

/** The plugin holding drawn spans and the "current" span (a programmatic selection is not drawn in a read-only view). */
export function highlightPlugin(): Plugin<HighlightState> {
  return new Plugin<HighlightState>({
    key: highlightKey,
    state: {
      init: () => ({ set: DecorationSet.empty, current: [] }),
      apply(tr, value, _old, state) {
        const meta = tr.getMeta(highlightKey) as HighlightMeta | undefined;
        if (!meta) return tr.docChanged ? { ...value, set: value.set.map(tr.mapping, tr.doc) } : value;
        if ('spans' in meta) {
          const set = buildSet(state, meta.spans, meta.map);
          return { set: value.current.length ? set.add(state.doc, [...value.current]) : set, current: value.current };
        }
        // Changing only the current span: remove and add one decoration, no rebuild.
        let set = value.current.length ? value.set.remove([...value.current]) : value.set;
        const current = meta.current ? [Decoration.inline(meta.current.from, meta.current.to, { class: 'is-current' }, { current: true })] : [];
        if (current.length) set = set.add(state.doc, current);
        return { set, current };
      },
    },
    props: {
      decorations: (state) => highlightKey.getState(state)?.set ?? null,
    },
  });
}

/** Builds a fresh decoration set; spans that map to no text are skipped. */
function buildSet(state: EditorState, spans: readonly DrawnSpan[], map: OffsetMap): DecorationSet {
  const decos: Decoration[] = [];
  for (const span of spans) {
    const range = map.toRange(span.from, span.to);
    if (!range || range.to <= range.from) continue;
    decos.push(Decoration.inline(range.from, range.to, { class: span.className }, { id: span.id }));
  }
  // DecorationSet.create writes into the array it is given: this one is never reused.
  return DecorationSet.create(state.doc, decos);
}

/** Ids of the drawn annotations covering document position `pos`. */
export function idsAt(state: EditorState, pos: number): string[] {
  const s = highlightKey.getState(state);
  if (!s) return [];
  const ids = new Set<string>();
  for (const d of s.set.find(pos, pos)) {
    const id = (d.spec as { id?: string }).id;
    if (id && d.from <= pos && d.to >= pos) ids.add(id);
  }
  return [...ids];
}

/** The transaction meta that replaces the drawn spans. */
export function setSpansMeta(spans: readonly DrawnSpan[], map: OffsetMap): HighlightMeta {
  return { spans, map };
}

/** The transaction meta that sets (or clears, with null) the current span, in document positions. */
export function setCurrentMeta(range: { from: number; to: number } | null): HighlightMeta {
  return { current: range };
}
