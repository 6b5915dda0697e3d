/**
 * Footnote previews in a reader view, as Wikipedia's Reference Previews do
 * them (product.md §3): a marker previews its note on hover or keyboard focus
 * after a short delay; the preview closes a little after the pointer leaves,
 * and stays while the pointer is over it; a click (or Enter) pins it; Esc
 * closes it and gives focus back to the marker. "Go to note" jumps to the
 * entry, and Backspace (or the entry's "Back to text" button) returns to the
 * marker the reader left.
 *
 * All listeners sit on the reader-view element (event delegation), so the
 * ProseMirror DOM is never wrapped; every listener added on connect is
 * removed on disconnect.
 */
import { css, type ReactiveController } from 'lit';

import type { EditorView } from 'prosemirror-view';
import type { ReactiveControllerHost } from 'lit';
import type { LoadedDocument } from '../../document/load.ts';
import type { Block } from '../../document/structure.ts';
import '../note-preview.ts';
import type { NotePreview } from '../note-preview.ts';
import { adoptDocumentStyles } from '../styles/adopt.ts';
import { entryElement, footnoteIndexOf, markerElementAt, markerOfElement, notePreviewContent } from './footnote-resolve.ts';
import { backlinkKey, backlinkReturnMeta } from './backlinks.ts';
import type { ReaderEvent } from '../events.ts';

/**
 * What the controller needs of the reader view it serves (the view is an
 * element, a lit controller host, with its document and ProseMirror view).
 * An interface rather than the view's class, so that the view and its
 * controller do not import each other.
 */
export interface FootnoteHost extends HTMLElement, ReactiveControllerHost {
  readonly document: LoadedDocument | null;
  readonly editorView: EditorView | null;
  revealSource(from: number, to?: number, options?: { focus?: boolean }): boolean;
}

/** Delay before a hovered or focused marker opens its preview (ms). */
export const OPEN_DELAY_MS = 150;
/** Delay before a preview closes once the pointer (or focus) has left marker and preview (ms). */
export const CLOSE_DELAY_MS = 300;
/** The key that returns from a note entry to the marker the reader came from. */
export const BACK_KEY = 'Backspace';

/** Timing of a controller; the defaults are product.md §3's. */
export interface FootnoteControllerOptions {
  readonly openDelay?: number;
  readonly closeDelay?: number;
  readonly timers?: Timers;
}

/** How the controller waits: the window's timers, or a clock of the test's own (so no test races a real delay). */
export interface Timers {
  set(run: () => void, ms: number): number;
  clear(id: number): void;
}

const WINDOW_TIMERS: Timers = {
  set: (run, ms) => window.setTimeout(run, ms),
  clear: (id) => window.clearTimeout(id),
};

/** Styles for backlinks, the "Back to text" button and the jump target (document-level: the reader is light DOM). */
export const footnoteStyles = css`
  .reader-text .note-backlinks {
    font-family: var(--font-ui);
    font-size: 0.8em;
    margin-right: 0.35em;
    color: var(--muted);
  }
  .reader-text .note-backlinks.several::before {
    content: '↑';
    margin-right: 0.2em;
  }
  .reader-text .note-backlinks.uncited::before {
    content: '(' attr(data-label) ')';
    font-style: italic;
  }
  .reader-text a.backlink {
    color: var(--accent);
    text-decoration: none;
    padding: 0 0.15em;
    border-radius: 2px;
  }
  .reader-text a.backlink::before {
    content: attr(data-label);
  }
  .reader-text .note-backlinks.several a.backlink::before {
    font-style: italic;
    font-weight: 600;
  }
  .reader-text a.backlink:hover,
  .reader-text a.backlink:focus-visible {
    background: var(--current);
    text-decoration: underline;
  }
  .reader-text button.note-back {
    font: 0.78rem var(--font-ui);
    margin-left: 0.5em;
    padding: 0 0.45em;
    border: 1px solid var(--accent);
    border-radius: 4px;
    background: var(--surface);
    color: var(--accent);
    cursor: pointer;
  }
  .reader-text button.note-back::before {
    content: '↩ Back to text';
  }
  .reader-text .doc-note.is-target {
    outline: 2px solid var(--accent);
    outline-offset: 2px;
  }
  .reader-text a.noteref[aria-expanded='true'] {
    background: var(--current);
  }
`;

let previewCount = 0;

/** Where "Back" returns: the marker the reader left. */
interface ReturnPoint {
  readonly markerFrom: number | null;
  readonly element: HTMLElement;
}

/**
 * Footnote previews, jumps and returns for one `<reader-view>`. Construct it
 * with the view (it registers itself with `view.addController`); `detach()`
 * removes it and all its listeners. Never throws on a marker it cannot
 * resolve: the preview says why.
 */
export class FootnoteController implements ReactiveController {
  private readonly openDelay: number;
  private readonly closeDelay: number;
  private preview: NotePreview | null = null;
  private openMarker: HTMLElement | null = null;
  private openFrom: number | null = null;
  private openEntry: Block | null = null;
  private pendingMarker: HTMLElement | null = null;
  private openTimer = 0;
  private closeTimer = 0;
  /** The timers the open and close delays run on (replaceable by a test's clock). */
  timers: Timers;
  private returnTo: ReturnPoint | null = null;
  private target: HTMLElement | null = null;
  private quietFocus: HTMLElement | null = null;
  private shownDoc: LoadedDocument | null = null;
  private connected = false;

  constructor(
    private readonly view: FootnoteHost,
    options: FootnoteControllerOptions = {},
  ) {
    this.openDelay = options.openDelay ?? OPEN_DELAY_MS;
    this.closeDelay = options.closeDelay ?? CLOSE_DELAY_MS;
    this.timers = options.timers ?? WINDOW_TIMERS;
    this.shownDoc = view.document;
    view.addController(this);
  }

  /** The number of the note whose preview is open, or null. */
  get openNote(): number | null {
    return this.preview ? this.preview.number : null;
  }

  /** True when the open preview is pinned. */
  get pinned(): boolean {
    return this.preview?.pinned ?? false;
  }

  /** The open preview element, or null. */
  get previewElement(): NotePreview | null {
    return this.preview;
  }

  /** True when "Back" has somewhere to return to. */
  get canGoBack(): boolean {
    return this.returnTo !== null;
  }

  /** Adds the listeners (on the view, and one on the document for presses outside a pinned preview). */
  hostConnected(): void {
    if (this.connected) return;
    this.connected = true;
    adoptDocumentStyles(footnoteStyles);
    const v = this.view;
    v.addEventListener('pointerover', this.onPointerOver);
    v.addEventListener('pointerout', this.onPointerOut);
    v.addEventListener('focusin', this.onFocusIn);
    v.addEventListener('focusout', this.onFocusOut);
    v.addEventListener('keydown', this.onKeyDown);
    v.addEventListener('note-activate', this.onActivate);
    v.addEventListener('scroll', this.onScroll, { capture: true });
    document.addEventListener('pointerdown', this.onDocumentPointerDown, { capture: true });
  }

  /** Removes every listener added on connect, the preview, and the jump target. */
  hostDisconnected(): void {
    if (!this.connected) return;
    this.connected = false;
    const v = this.view;
    v.removeEventListener('pointerover', this.onPointerOver);
    v.removeEventListener('pointerout', this.onPointerOut);
    v.removeEventListener('focusin', this.onFocusIn);
    v.removeEventListener('focusout', this.onFocusOut);
    v.removeEventListener('keydown', this.onKeyDown);
    v.removeEventListener('note-activate', this.onActivate);
    v.removeEventListener('scroll', this.onScroll, { capture: true });
    document.removeEventListener('pointerdown', this.onDocumentPointerDown, { capture: true });
    this.close();
    this.clearTarget();
    this.returnTo = null;
  }

  /** Forgets previews and return points when the view shows another document. */
  hostUpdated(): void {
    // A new document invalidates every marker, entry and return point.
    const doc = this.view.document;
    if (doc === this.shownDoc) return;
    this.shownDoc = doc;
    this.close();
    this.clearTarget();
    this.returnTo = null;
  }

  /** Stops the controller: removes its listeners and preview, and unregisters it from the view. */
  detach(): void {
    this.hostDisconnected();
    this.view.removeController(this);
  }

  /**
   * Opens the preview of marker element `marker` (an `a.noteref` in this
   * view) at once; `pin` keeps it open until closed and moves focus into it.
   * Returns false when the view shows no document.
   */
  open(marker: HTMLElement, options: { pin?: boolean } = {}): boolean {
    const doc = this.view.document;
    const pm = this.view.editorView;
    if (!doc || !pm) return false;
    this.cancelTimers();
    const found = markerOfElement(doc, pm, marker);
    const number = found?.number ?? Number(marker.dataset.note);
    const content = notePreviewContent(doc, number, found);
    if (this.openMarker && this.openMarker !== marker) this.unmarkMarker(this.openMarker);
    const preview = this.ensurePreview();
    preview.number = number;
    preview.text = content.text;
    preview.problem = content.problem;
    preview.reference = content.reference;
    preview.pinned = options.pin ?? false;
    preview.anchor = marker.getBoundingClientRect();
    this.openMarker = marker;
    this.openFrom = found?.from ?? null;
    this.openEntry = content.entry;
    marker.setAttribute('aria-expanded', 'true');
    marker.setAttribute('aria-describedby', preview.id);
    if (options.pin) void preview.updateComplete.then(() => preview.focusCard());
    return true;
  }

  /** Closes the open preview (if any); with `restoreFocus`, focus returns to its marker. */
  close(options: { restoreFocus?: boolean } = {}): void {
    this.cancelTimers();
    const marker = this.openMarker;
    const live = marker ? this.liveMarker(marker, this.openFrom) : null;
    if (marker) this.unmarkMarker(marker);
    if (live && live !== marker) this.unmarkMarker(live);
    this.preview?.remove();
    this.preview = null;
    this.openMarker = null;
    this.openFrom = null;
    this.openEntry = null;
    if (options.restoreFocus && live) this.focusQuietly(live);
  }

  /**
   * Jumps from the open preview to its entry: scrolls to it, marks it current
   * (`is-target`) and focuses it, remembering the marker for "Back".
   * Returns false when no preview is open or its note has no entry.
   */
  goToNote(): boolean {
    const doc = this.view.document;
    const pm = this.view.editorView;
    const entry = this.openEntry;
    const marker = this.openMarker;
    if (!doc || !pm || !entry || !marker) return false;
    const markerFrom = this.openFrom;
    this.close();
    const first = entry.segments[0] ?? entry.span;
    const last = entry.segments[entry.segments.length - 1] ?? entry.span;
    this.view.revealSource(first.from, last.to);
    if (backlinkKey.getState(pm.state) && markerFrom !== null) {
      pm.dispatch(pm.state.tr.setMeta(backlinkKey, backlinkReturnMeta({ entryFrom: first.from, markerFrom })));
    }
    this.returnTo = { markerFrom, element: marker };
    const el = entryElement(doc, pm, entry);
    this.clearTarget();
    if (!el) return true;
    el.classList.add('is-target');
    el.tabIndex = -1;
    this.target = el;
    el.focus({ preventScroll: true });
    return true;
  }

  /**
   * Scrolls to the marker starting at source offset `markerFrom`, marks it
   * current and focuses it (without opening its preview). This is what
   * backlinks and "Back to text" call. Returns false when no marker is there.
   */
  jumpToMarker(markerFrom: number): boolean {
    const doc = this.view.document;
    const pm = this.view.editorView;
    if (!doc || !pm) return false;
    const marker = footnoteIndexOf(doc).markers.find((m) => m.from === markerFrom);
    if (!marker) return false;
    this.close();
    this.view.revealSource(marker.from, marker.to);
    this.leaveEntry();
    const el = markerElementAt(doc, pm, marker.from);
    if (el) this.focusQuietly(el);
    return true;
  }

  /** Returns from the entry to the marker the reader left. Returns false when there is nowhere to return. */
  back(): boolean {
    const point = this.returnTo;
    if (!point) return false;
    if (point.markerFrom !== null && this.jumpToMarker(point.markerFrom)) return true;
    this.leaveEntry();
    if (!point.element.isConnected) return false;
    point.element.scrollIntoView({ block: 'center' });
    this.focusQuietly(point.element);
    return true;
  }

  private leaveEntry(): void {
    this.clearTarget();
    this.returnTo = null;
    const pm = this.view.editorView;
    if (pm && backlinkKey.getState(pm.state)?.back) pm.dispatch(pm.state.tr.setMeta(backlinkKey, backlinkReturnMeta(null)));
  }

  private clearTarget(): void {
    if (!this.target) return;
    this.target.classList.remove('is-target');
    this.target.removeAttribute('tabindex');
    this.target = null;
  }

  private ensurePreview(): NotePreview {
    if (this.preview) return this.preview;
    const preview = document.createElement('note-preview');
    preview.id = `note-preview-${++previewCount}`;
    preview.addEventListener('pointerenter', () => this.timers.clear(this.closeTimer));
    preview.addEventListener('pointerleave', () => {
      if (!preview.pinned) this.scheduleClose();
    });
    preview.addEventListener('note-preview-goto', () => this.goToNote());
    preview.addEventListener('note-preview-close', (event) => {
      this.close({ restoreFocus: event.detail.restoreFocus });
    });
    document.body.append(preview);
    this.preview = preview;
    return preview;
  }

  /** The source offset where marker element `el` starts, or null when it maps to none. */
  private sourceOffsetOf(el: HTMLElement): number | null {
    const doc = this.view.document;
    const pm = this.view.editorView;
    return doc && pm ? (markerOfElement(doc, pm, el)?.from ?? null) : null;
  }

  /**
   * `el` if it is still in the text, else the element now showing the marker
   * at `from`: redrawing decorations can replace a marker's element.
   */
  private liveMarker(el: HTMLElement, from: number | null): HTMLElement | null {
    if (el.isConnected) return el;
    const doc = this.view.document;
    const pm = this.view.editorView;
    return doc && pm && from !== null ? markerElementAt(doc, pm, from) : null;
  }

  private unmarkMarker(marker: HTMLElement): void {
    marker.removeAttribute('aria-expanded');
    marker.removeAttribute('aria-describedby');
  }

  /** Focuses a marker without the focus opening its preview (the reader asked to go there, not to read it). */
  private focusQuietly(el: HTMLElement): void {
    this.quietFocus = el;
    el.focus({ preventScroll: true });
    if (document.activeElement !== el) this.quietFocus = null;
  }

  private cancelTimers(): void {
    this.timers.clear(this.openTimer);
    this.timers.clear(this.closeTimer);
    this.pendingMarker = null;
  }

  private scheduleOpen(marker: HTMLElement): void {
    if (this.openMarker === marker) {
      this.timers.clear(this.closeTimer);
      return;
    }
    // A pinned preview stays until the reader closes it; hovering elsewhere does not replace it.
    if (this.preview?.pinned) return;
    if (this.pendingMarker === marker) return;
    this.timers.clear(this.openTimer);
    this.pendingMarker = marker;
    const from = this.sourceOffsetOf(marker);
    this.openTimer = this.timers.set(() => {
      this.pendingMarker = null;
      const live = this.liveMarker(marker, from);
      if (live) this.open(live);
    }, this.openDelay);
  }

  private scheduleClose(): void {
    if (!this.preview || this.preview.pinned) return;
    this.timers.clear(this.closeTimer);
    this.closeTimer = this.timers.set(() => this.close(), this.closeDelay);
  }

  private markerFromEvent(event: Event): HTMLElement | null {
    const pm = this.view.editorView;
    const target = event.target;
    if (!pm || !(target instanceof Element)) return null;
    const marker = target.closest<HTMLElement>('a.noteref');
    return marker && pm.dom.contains(marker) ? marker : null;
  }

  private readonly onPointerOver = (event: PointerEvent): void => {
    if (event.pointerType === 'touch') return;
    const marker = this.markerFromEvent(event);
    if (marker) this.scheduleOpen(marker);
  };

  private readonly onPointerOut = (event: PointerEvent): void => {
    const marker = this.markerFromEvent(event);
    if (!marker) return;
    const to = event.relatedTarget;
    if (to instanceof Node && marker.contains(to)) return;
    if (this.pendingMarker === marker) {
      this.timers.clear(this.openTimer);
      this.pendingMarker = null;
    }
    if (this.openMarker === marker && !(to instanceof Node && this.preview?.contains(to))) this.scheduleClose();
  };

  private readonly onFocusIn = (event: FocusEvent): void => {
    const marker = this.markerFromEvent(event);
    if (!marker) return;
    if (this.quietFocus === marker) {
      this.quietFocus = null;
      return;
    }
    this.scheduleOpen(marker);
  };

  private readonly onFocusOut = (event: FocusEvent): void => {
    const marker = this.markerFromEvent(event);
    if (!marker) return;
    const to = event.relatedTarget;
    if (to instanceof Node && this.preview && (this.preview === to || this.preview.contains(to))) return;
    if (this.pendingMarker === marker) {
      this.timers.clear(this.openTimer);
      this.pendingMarker = null;
    }
    if (this.openMarker === marker) this.scheduleClose();
  };

  private readonly onActivate = (event: ReaderEvent<'note-activate'>): void => {
    const marker = event.detail.marker;
    // Activating the marker of a pinned preview closes it again, as a toggle.
    if (this.openMarker === marker && this.preview?.pinned) {
      this.close({ restoreFocus: true });
      return;
    }
    this.open(marker, { pin: true });
  };

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && this.preview) {
      event.preventDefault();
      this.close({ restoreFocus: true });
      return;
    }
    if (event.key === BACK_KEY && this.returnTo && !event.altKey && !event.ctrlKey && !event.metaKey && !isEditable(event.target)) {
      event.preventDefault();
      this.back();
    }
  };

  private readonly onScroll = (): void => {
    if (!this.preview || !this.openMarker) return;
    // An unpinned preview belongs to the pointer's place in the text; a pinned one follows its marker.
    if (this.preview.pinned) this.preview.anchor = this.openMarker.getBoundingClientRect();
    else this.close();
  };

  private readonly onDocumentPointerDown = (event: PointerEvent): void => {
    if (!this.preview?.pinned) return;
    const target = event.target;
    if (target instanceof Node && (this.preview.contains(target) || this.openMarker?.contains(target))) return;
    this.close();
  };
}

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}
