/**
 * Backlinks on reference entries ("↑ a b"): each entry links back to every
 * marker citing it, and the entry the reader jumped to offers "Back to text".
 *
 * Entries are ProseMirror-managed DOM, so the links are widget decorations
 * with stable keys (redrawn only when what they show changes). Widgets add DOM
 * but no model text; their visible labels are CSS generated content, so the
 * entry's rendered text (and what a reader copies) stays the source text.
 */
import { Plugin, PluginKey } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { LoadedDocument } from '../../document/load.ts';
import type { Block, FootnoteMarker } from '../../document/structure.ts';
import { footnoteIndexOf } from './footnote-resolve.ts';

/** Where "Back to text" returns: the entry showing the button and the marker the reader came from. */
export interface BacklinkReturn {
  /** Source offset of the entry's first character. */
  readonly entryFrom: number;
  /** Source offset of the marker the reader left. */
  readonly markerFrom: number;
}

interface BacklinkState {
  readonly set: DecorationSet;
  readonly back: BacklinkReturn | null;
  readonly backDeco: Decoration | null;
}

/** The key of the backlink plugin's state; `backlinkKey.getState(state)` is undefined when it is not installed. */
export const backlinkKey = new PluginKey<BacklinkState>('footnote-backlinks');

/** The transaction meta that shows "Back to text" on one entry, or hides it (null). */
export function backlinkReturnMeta(back: BacklinkReturn | null): { back: BacklinkReturn | null } {
  return { back };
}

/**
 * The plugin drawing backlinks on every note entry of `doc`. Activating a
 * backlink (or "Back to text") calls `onJump` with the source offset of the
 * marker to return to. Entries nobody cites say so. Never throws; entries
 * that map to no position are skipped.
 */
export function backlinkPlugin(doc: LoadedDocument, onJump: (markerFrom: number) => void): Plugin<BacklinkState> {
  return new Plugin<BacklinkState>({
    key: backlinkKey,
    state: {
      init: (_config, state) => ({ set: DecorationSet.create(state.doc, backlinkWidgets(doc, onJump)), back: null, backDeco: null }),
      apply(tr, value, _old, state) {
        const meta = tr.getMeta(backlinkKey) as { back: BacklinkReturn | null } | undefined;
        const mapped = tr.docChanged ? value.set.map(tr.mapping, tr.doc) : value.set;
        if (!meta) return mapped === value.set ? value : { ...value, set: mapped };
        const same = meta.back?.entryFrom === value.back?.entryFrom && meta.back?.markerFrom === value.back?.markerFrom;
        if (same) return value;
        let set = value.backDeco ? mapped.remove([value.backDeco]) : mapped;
        const backDeco = meta.back ? backWidget(doc, meta.back, onJump) : null;
        if (backDeco) set = set.add(state.doc, [backDeco]);
        return { set, back: backDeco ? meta.back : null, backDeco };
      },
    },
    props: {
      decorations: (state) => backlinkKey.getState(state)?.set ?? null,
    },
  });
}

function backlinkWidgets(doc: LoadedDocument, onJump: (markerFrom: number) => void): Decoration[] {
  const index = footnoteIndexOf(doc);
  const decos: Decoration[] = [];
  for (const entry of index.entries) {
    const pos = entryStart(doc, entry);
    if (pos === null) continue;
    const citing = index.citedBy.get(entry) ?? [];
    const key = `backlinks:${entry.span.from}:${citing.map((m) => m.from).join(',')}`;
    decos.push(
      Decoration.widget(pos, () => backlinksDOM(entry, citing, onJump), {
        key,
        side: -1,
        ignoreSelection: true,
        stopEvent: () => true,
      }),
    );
  }
  return decos;
}

function backWidget(doc: LoadedDocument, back: BacklinkReturn, onJump: (markerFrom: number) => void): Decoration | null {
  const entry = footnoteIndexOf(doc).entries.find((e) => (e.segments[0]?.from ?? e.span.from) === back.entryFrom);
  if (!entry) return null;
  const last = entry.segments[entry.segments.length - 1];
  const pos = last ? doc.built.map.toPos(last.to, -1) : null;
  if (pos === null) return null;
  return Decoration.widget(pos, () => backButtonDOM(entry, back, onJump), {
    key: `note-back:${back.entryFrom}:${back.markerFrom}`,
    side: 1,
    ignoreSelection: true,
    stopEvent: () => true,
  });
}

function entryStart(doc: LoadedDocument, entry: Block): number | null {
  const first = entry.segments[0];
  return first ? doc.built.map.toPos(first.from, 1) : null;
}

/** Backlink letters: the entry's own (`a b`) when they match the citations, else a, b, c… */
function letters(entry: Block, count: number): string[] {
  const own = entry.backlinks ?? [];
  if (own.length === count) return [...own];
  return Array.from({ length: count }, (_, i) => letterFor(i));
}

function letterFor(i: number): string {
  const a = 'a'.charCodeAt(0);
  return i < 26 ? String.fromCharCode(a + i) : `${String.fromCharCode(a + Math.floor(i / 26) - 1)}${String.fromCharCode(a + (i % 26))}`;
}

function backlinksDOM(entry: Block, citing: readonly FootnoteMarker[], onJump: (markerFrom: number) => void): HTMLElement {
  const box = document.createElement('span');
  box.className = 'note-backlinks';
  if (citing.length === 0) {
    box.classList.add('uncited');
    box.dataset.label = 'not cited in the text';
    box.setAttribute('role', 'note');
    box.setAttribute('aria-label', `Note ${entry.number ?? '?'} is not cited anywhere in the text`);
    return box;
  }
  const labels = letters(entry, citing.length);
  citing.forEach((marker, i) => {
    const link = document.createElement('a');
    link.className = 'backlink';
    link.href = `#cite-${marker.from}`;
    link.setAttribute('role', 'doc-backlink');
    link.dataset.markerFrom = String(marker.from);
    // A single citation gets the caret alone, as Wikipedia does; several get letters.
    link.dataset.label = citing.length === 1 ? '↑' : labels[i]!;
    link.setAttribute(
      'aria-label',
      citing.length === 1 ? `Back to the citation of note ${marker.number}` : `Back to citation ${labels[i]} of note ${marker.number}`,
    );
    link.addEventListener('click', (event) => {
      event.preventDefault();
      onJump(marker.from);
    });
    box.append(link);
  });
  if (citing.length > 1) box.classList.add('several');
  return box;
}

function backButtonDOM(entry: Block, back: BacklinkReturn, onJump: (markerFrom: number) => void): HTMLElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'note-back';
  button.dataset.markerFrom = String(back.markerFrom);
  button.setAttribute('aria-label', `Back to text, where note ${entry.number ?? ''} is cited (Backspace)`);
  button.addEventListener('click', (event) => {
    event.preventDefault();
    onJump(back.markerFrom);
  });
  return button;
}
