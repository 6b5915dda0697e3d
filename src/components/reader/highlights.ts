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

// What a view draws is the workspace's (app layer) to say; the type lives there.
import type { DrawnSpan } from '../../app/workspace.ts';
import { emit } from '../events.ts';
export type { DrawnSpan };

type HighlightMeta = { spans: readonly DrawnSpan[]; map: OffsetMap };
type CurrentMeta = { current: { from: number; to: number } | null };

export const highlightKey = new PluginKey<DecorationSet>('highlights');
export const currentKey = new PluginKey<DecorationSet>('current-span');

/** The plugin holding the drawn spans; the set is rebuilt only when the spans change. */
export function highlightPlugin(): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: highlightKey,
    state: {
      init: () => DecorationSet.empty,
      apply(tr, set, _old, state) {
        const meta = tr.getMeta(highlightKey) as HighlightMeta | undefined;
        if (meta) return buildSet(state, meta.spans, meta.map);
        return tr.docChanged ? set.map(tr.mapping, tr.doc) : set;
      },
    },
    props: { decorations: (state) => highlightKey.getState(state) ?? null },
  });
}

/**
 * The "current" span (a deep-link target, the active search hit or claim end).
 * A separate plugin so that moving it never touches the large set:
 * ProseMirror layers the two sets itself. (In a read-only view a programmatic
 * selection is not drawn, hence a decoration.)
 */
export function currentPlugin(): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: currentKey,
    state: {
      init: () => DecorationSet.empty,
      apply(tr, set, _old, state) {
        const meta = tr.getMeta(currentKey) as CurrentMeta | undefined;
        if (!meta) return tr.docChanged ? set.map(tr.mapping, tr.doc) : set;
        if (!meta.current) return DecorationSet.empty;
        return DecorationSet.create(state.doc, [Decoration.inline(meta.current.from, meta.current.to, { class: 'is-current' })]);
      },
    },
    props: { decorations: (state) => currentKey.getState(state) ?? null },
  });
}

/** Builds a fresh decoration set; spans that map to no text are skipped. */
function buildSet(state: EditorState, spans: readonly DrawnSpan[], map: OffsetMap): DecorationSet {
  const decos: Decoration[] = [];
  for (const span of spans) {
    const range = map.toRange(span.from, span.to);
    if (!range || range.to <= range.from) continue;
    decos.push(Decoration.inline(range.from, range.to, { class: span.className }, { id: span.id }));
    if (span.marker) {
      const label = span.marker;
      const id = span.id;
      // A stable key: the widget is not redrawn on every update.
      decos.push(Decoration.widget(range.to, () => markerButton(id, label, span.className), { key: `marker:${id}`, side: 1, id, ignoreSelection: true }));
    }
  }
  // DecorationSet.create writes into the array it is given: this one is never reused.
  return DecorationSet.create(state.doc, decos);
}

/** The small button after a linked passage; it carries no model text. */
function markerButton(id: string, label: string, className: string): HTMLElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = `span-marker ${className.split(' ').filter((c) => c !== 'hl').map((c) => `marker-${c.replace(/^hl-/, '')}`).join(' ')}`;
  button.setAttribute('aria-label', label);
  button.title = label;
  // The glyph is CSS-generated, so the text's own content stays the source text.
  button.addEventListener('click', (event) => {
    event.preventDefault();
    event.stopPropagation();
    emit(button, 'span-marker', { id });
  });
  return button;
}

/** Ids of the drawn annotations covering document position `pos`. */
export function idsAt(state: EditorState, pos: number): string[] {
  const set = highlightKey.getState(state);
  if (!set) return [];
  const ids = new Set<string>();
  for (const d of set.find(pos, pos)) {
    if (d.from === d.to) continue; // a marker widget, not a span
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
export function setCurrentMeta(range: { from: number; to: number } | null): CurrentMeta {
  return { current: range };
}
