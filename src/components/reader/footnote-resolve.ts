/**
 * What a footnote preview shows, and where markers and entries are in a
 * reader view's DOM. Resolution itself is the analyzer's (`footnote-index.ts`);
 * this module turns it into words for the reader and finds the elements.
 */
import type { EditorView } from 'prosemirror-view';
import type { LoadedDocument } from '../../document/load.ts';
import { blockText, type Block, type FootnoteMarker } from '../../document/structure.ts';
import { footnoteIndex, type FootnoteIndex } from '../../analysis/footnote-index.ts';
import { referenceOfEntry } from '../../analysis/references/text-references.ts';
import type { CslItem } from '../../analysis/references/csl.ts';

/** What a preview says about one marker: the entry's text, or why there is none. */
export interface NotePreviewContent {
  readonly number: number;
  /** The resolved entry, or null when the marker cites none. */
  readonly entry: Block | null;
  /** The entry's text (lines joined by newlines), or null when unresolved. */
  readonly text: string | null;
  /** A sentence saying why the note cannot be shown, or null when it can. */
  readonly problem: string | null;
  /** The entry read as a reference (only the fields it states), or null when unresolved or empty. */
  readonly reference: CslItem | null;
}

const indexes = new WeakMap<LoadedDocument, FootnoteIndex>();

/** The footnote index of a loaded document, computed once per document. Never throws. */
export function footnoteIndexOf(doc: LoadedDocument): FootnoteIndex {
  let index = indexes.get(doc);
  if (!index) {
    index = footnoteIndex(doc.parsed);
    indexes.set(doc, index);
  }
  return index;
}

/**
 * What the preview of note `number` shows. `marker` is the marker read (when
 * known): its resolution is used; otherwise the first entry with that number.
 * Never throws; an unresolvable note gives `problem`.
 */
export function notePreviewContent(doc: LoadedDocument, number: number, marker: FootnoteMarker | null): NotePreviewContent {
  const index = footnoteIndexOf(doc);
  if (!index.hasNotesList) {
    return { number, entry: null, text: null, problem: `Note ${number} cannot be found: this text has no notes list.`, reference: null };
  }
  const entry = (marker ? index.entryOf.get(marker) : undefined) ?? index.entries.find((e) => e.number === number) ?? null;
  if (!entry) {
    return { number, entry: null, text: null, problem: `Note ${number} cannot be found: the notes list has no entry numbered ${number}.`, reference: null };
  }
  const text = blockText(doc.source, entry).trim();
  if (!/[\p{L}\p{N}]/u.test(text)) {
    return { number, entry, text, problem: `Note ${number} is in the notes list, but its entry lost its content.`, reference: null };
  }
  return { number, entry, text, problem: null, reference: referenceOfEntry(doc.source, entry) };
}

/** The footnote marker shown by element `el` (an `a.noteref`), or null when it maps to none. */
export function markerOfElement(doc: LoadedDocument, view: EditorView, el: Element): FootnoteMarker | null {
  const index = footnoteIndexOf(doc);
  let offset: number | null = null;
  try {
    offset = doc.built.map.toOffset(view.posAtDOM(el, 0), 1);
  } catch {
    // posAtDOM throws for DOM outside the view; the marker is then unknown.
    return null;
  }
  if (offset === null) return null;
  return index.markers.find((m) => m.from <= offset && offset < m.to) ?? null;
}

/** The `a.noteref` element showing the marker that starts at source offset `from`, or null. */
export function markerElementAt(doc: LoadedDocument, view: EditorView, from: number): HTMLElement | null {
  for (const el of view.dom.querySelectorAll<HTMLElement>('a.noteref')) {
    let offset: number | null;
    try {
      offset = doc.built.map.toOffset(view.posAtDOM(el, 0), 1);
    } catch {
      continue;
    }
    if (offset !== null && offset <= from && from < offset + Math.max(1, el.textContent?.length ?? 1)) return el;
  }
  return null;
}

/** The `li.doc-note` element showing `entry`, or null when it is not rendered. */
export function entryElement(doc: LoadedDocument, view: EditorView, entry: Block): HTMLElement | null {
  const first = entry.segments[0];
  const pos = first ? doc.built.map.toPos(first.from) : null;
  if (pos !== null) {
    try {
      const { node } = view.domAtPos(pos);
      const el = (node instanceof Element ? node : node.parentElement)?.closest<HTMLElement>('li.doc-note');
      if (el) return el;
    } catch {
      // Fall through to the number: the first entry with it is the one markers resolve to.
    }
  }
  return view.dom.querySelector<HTMLElement>(`li.doc-note[data-note="${entry.number ?? -1}"]`);
}
