/**
 * One text, read-only: its header, an outline of its sections, and the text
 * itself as a ProseMirror view with stand-off annotations drawn over it.
 *
 * Rendered in light DOM: browser selections do not cross shadow roots well,
 * and the reader's selection is how a scholar annotates.
 *
 * @fires reader-selection - `{ docId, range }`: the user's selection as `{ from, to, text }` in source offsets, or null when collapsed
 * @fires annotation-activate - `{ docId, ids }` the annotations under a click or Enter
 * @fires annotation-hover - `{ docId, ids, x, y }` the annotations under the pointer (empty ids when leaving)
 * @fires reader-updated - after the view redraws, so passive layers (search highlights) can repaint
 * @fires note-activate - `{ docId, number, from, marker }` a footnote marker was activated
 * @fires span-marker - `{ id }` the marker button after a drawn span (a claim link) was activated
 */
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import type { DocumentLoad, LoadedDocument } from '../document/load.ts';
import './reader/margin-bar.ts';
import { FootnoteController } from './reader/footnotes.ts';
import { backlinkPlugin } from './reader/backlinks.ts';
import type { Bucket } from './reader/margin-bar.ts';
import { currentKey, currentPlugin, highlightKey, highlightPlugin, idsAt, setCurrentMeta, setSpansMeta, type DrawnSpan } from './reader/highlights.ts';
import { ProgressiveSpans } from './reader/progressive-spans.ts';
import { describeProfile } from '../document/layout/profile.ts';
import { displayLabel, safeHref } from '../annotations/sanitize.ts';
import type { LayoutProfile } from '../document/structure.ts';
import { emit, type ReaderEvent } from './events.ts';

/** How many frames a scroll to a passage re-measures and corrects while the sections around it take their real height. */
const MAX_SCROLL_CORRECTIONS = 6;

/** Longest manifest title shown whole in a text's header. */
const MAX_TITLE_LENGTH = 300;

/**
 * The text's file name, linked to its IRI when the IRI is a safe link
 * (http, https, urn, file); otherwise plain text with the IRI in a tooltip.
 */
function renderSource(iri: string, file: string) {
  const href = safeHref(iri);
  const shown = displayLabel(file);
  return href
    ? html`<a href=${href} class="reader-source" title=${displayLabel(iri, 500)}>${shown}</a>`
    : html`<span class="reader-source" title=${`Not a link: ${displayLabel(iri, 500)}`}>${shown}</span>`;
}

/** How the importer read the text's layout, under the title; a note when it did not recognise it. */
function readAs(profile: LayoutProfile | undefined) {
  if (!profile) return nothing;
  return html`<p class="reader-meta reader-layout">read as: ${describeProfile(profile)}${
    profile.paragraphs === 'unknown'
      ? html` <span class="layout-unknown" role="note">— the layout was not recognised: the text is shown as plain paragraphs, one per line.</span>`
      : nothing
  }</p>`;
}

@customElement('reader-view')
export class ReaderView extends LitElement {
  /** The document to show, or a failed load whose problem is shown instead. */
  @property({ attribute: false }) load: DocumentLoad | null = null;

  /** Annotation targets to draw, in source offsets. */
  @property({ attribute: false }) spans: readonly DrawnSpan[] = [];

  @state() private activeHeading = -1;
  @state() private buckets: readonly Bucket[] = [];
  @state() private above = 0;
  @state() private below = 0;

  /** Scroll-content tops of drawn spans, ascending (for the margin bar). */
  private spanTops: number[] = [];
  private measureScheduled = false;
  /** Top-level nodes (title, sections) with their source ranges, in order. */
  private sections: { pos: number; from: number; to: number }[] = [];
  private resizeObserver: ResizeObserver | null = null;
  private scrollFrame = 0;

  private view: EditorView | null = null;
  private shownDoc: LoadedDocument | null = null;
  /** The spans drawn so far, when there are too many to draw at once; null when all are drawn. */
  private progressive: ProgressiveSpans | null = null;
  /** Footnote previews, jumps to entries and back (a lit ReactiveController). */
  private readonly footnotes = new FootnoteController(this);

  /** The footnote controller of this view (previews, jump to the entry and back). */
  get footnoteController(): FootnoteController {
    return this.footnotes;
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  /** The loaded document, or null while loading or after a failed load. */
  get document(): LoadedDocument | null {
    return this.load?.ok ? this.load.document : null;
  }

  /** The ProseMirror view, once a document is shown. */
  get editorView(): EditorView | null {
    return this.view;
  }

  override render() {
    const load = this.load;
    if (!load) return html`<div class="reader-loading" role="status">Loading…</div>`;
    if (!load.ok) {
      return html`<article class="reader reader-failed" aria-label=${displayLabel(load.entry.label)}>
        <header class="reader-header">
          <h2 class="reader-title">${displayLabel(load.entry.title ?? load.entry.label, MAX_TITLE_LENGTH)}</h2>
        </header>
        <div class="reader-error" role="alert">
          <strong>This text cannot be shown.</strong>
          <p>${load.problem}</p>
          <p class="hint">
            The other texts stay readable; annotations on this one are kept and listed under Notes › Orphaned. Check the file in
            <code>documents/</code> and reload.
          </p>
        </div>
      </article>`;
    }
    const { entry, built } = load.document;
    const headingId = `${entry.id}-title`;
    // The manifest is data too: its strings are shown neutralised and capped, its IRI is a link only when safe.
    const title = entry.title === null ? null : displayLabel(entry.title, MAX_TITLE_LENGTH);
    const name = title ?? displayLabel(entry.label);
    return html`<article class="reader" aria-labelledby=${headingId} lang=${entry.language}>
      <header class="reader-header">
        <h2 class="reader-title" id=${headingId}>
          ${title ?? html`<span class="title-missing">Title missing</span>`}
        </h2>
        <p class="reader-meta">
          ${title ? nothing : html`<span>${displayLabel(entry.label)}</span> · `}
          <span>${displayLabel(entry.kind.replace(/-/g, ' '))}</span> · ${renderSource(entry.iri, entry.file)}
          ${entry.missing.length ? html` · <span class="missing-list">missing: ${displayLabel(entry.missing.join(', '), MAX_TITLE_LENGTH)}</span>` : nothing}
          ${this.renderReadAs()}
        </p>
        ${readAs(load.document.parsed.profile)}
      </header>
      <nav class="reader-outline" aria-label=${`Sections of ${name}`}>
        <ol @keydown=${this.onOutlineKey}>
          ${built.outline.map(
            (h) => html`<li>
              <button
                type="button"
                class=${h.index === this.activeHeading ? 'active' : ''}
                tabindex=${h.index === Math.max(0, this.activeHeading) ? 0 : -1}
                data-index=${h.index}
                @click=${() => this.jumpToHeading(h.index)}
              >
                ${h.text}
              </button>
            </li>`,
          )}
        </ol>
      </nav>
      <div class="reader-body">
        <div class="reader-scroll" @scroll=${this.onScroll}>
          <div class="pm-host"></div>
        </div>
        <margin-bar
          .buckets=${this.buckets}
          .above=${this.above}
          .below=${this.below}
          .label=${name}
          @bucket-activate=${(e: ReaderEvent<'bucket-activate'>) => this.scrollToTop(e.detail.top)}
          @bucket-step=${(e: ReaderEvent<'bucket-step'>) => this.stepAnnotation(e.detail.direction)}
        ></margin-bar>
      </div>
    </article>`;
  }

  /**
   * The slot for how the importer read the text's layout ("read as: hard-wrapped
   * lines, setext headings, caret notes"), which the importer's layout profile
   * (issue 11) fills in; nothing is shown until it reports one.
   */
  private renderReadAs() {
    return nothing;
  }

  protected override updated(changed: PropertyValues<this>): void {
    const doc = this.document;
    if (changed.has('load') && doc !== this.shownDoc) this.mount(doc);
    if ((changed.has('spans') || changed.has('load')) && this.view && doc) {
      this.drawSpans();
      // Measured after layout, outside this update (it sets the margin bar's state).
      this.scheduleMeasure();
    }
  }

  /**
   * Spans up to this many are drawn at once (about 20 ms of drawing); past
   * it, those near the screen first and the rest as the reader scrolls or
   * when the page is idle.
   */
  static drawAllBelow = 500;
  /** Spans drawn per idle callback once the first screen is drawn. */
  static idleChunk = 1000;

  /** Draws the spans: all of them, or, when many, those on screen now and the rest later. */
  private drawSpans(): void {
    const spans = this.spans;
    if (spans.length < ReaderView.drawAllBelow) {
      this.progressive = null;
      this.dispatchSpans(spans);
      return;
    }
    const progressive = new ProgressiveSpans(spans);
    this.progressive = progressive;
    const seen = this.visibleSourceRange();
    progressive.cover(seen.from, seen.to);
    this.dispatchSpans(progressive.drawn());
    this.drawWhenIdle(progressive, seen.from);
  }

  private dispatchSpans(spans: readonly DrawnSpan[]): void {
    const doc = this.document;
    if (!this.view || !doc) return;
    this.view.dispatch(this.view.state.tr.setMeta(highlightKey, setSpansMeta(spans, doc.built.map)));
    emit(this, 'reader-updated', null);
  }

  /** Draws the waiting spans in chunks when the page is idle, nearest to `around` first, until all are drawn or the spans change. */
  private drawWhenIdle(progressive: ProgressiveSpans, around: number): void {
    const step = () => {
      if (this.progressive !== progressive || !this.view) return;
      if (progressive.more(ReaderView.idleChunk, around)) this.dispatchSpans(progressive.drawn());
      if (progressive.complete) this.progressive = null;
      else schedule();
    };
    // No deadline: the first frames of the text come first.
    const schedule = () => (typeof requestIdleCallback === 'function' ? requestIdleCallback(step) : setTimeout(step, 0));
    schedule();
  }

  /** Draws the waiting spans in source range `[from, to]` now, if any wait. */
  private drawRange(from: number, to: number): void {
    const progressive = this.progressive;
    if (!progressive) return;
    if (progressive.cover(from, to)) this.dispatchSpans(progressive.drawn());
    if (progressive.complete) this.progressive = null;
  }

  /** Draws the waiting spans around source range `[from, to]`, a screenful either side, now. */
  private drawNear(from: number, to: number): void {
    this.drawRange(from - ReaderView.MIN_DRAW_PAD, to + ReaderView.MIN_DRAW_PAD);
  }

  /** Source characters drawn beyond the screen at least, either side: a fast scroll finds them drawn. */
  private static readonly MIN_DRAW_PAD = 4000;

  /**
   * The source range on screen, widened by a screen either side; the start of
   * the text when the view is not laid out (hidden) and nothing is on screen.
   */
  private visibleSourceRange(): { from: number; to: number } {
    const view = this.view;
    const doc = this.document;
    const scroller = this.querySelector<HTMLElement>('.reader-scroll');
    const fallback = { from: 0, to: ReaderView.MIN_DRAW_PAD };
    if (!view || !doc || !scroller) return fallback;
    const frame = scroller.getBoundingClientRect();
    if (frame.height <= 0 || frame.width <= 0) return fallback;
    const left = frame.left + Math.min(40, frame.width / 2);
    const top = view.posAtCoords({ left, top: frame.top + 1 });
    const bottom = view.posAtCoords({ left, top: frame.bottom - 1 });
    const from = top ? doc.built.map.toOffset(top.pos, 1) : null;
    const to = bottom ? doc.built.map.toOffset(bottom.pos, -1) : null;
    if (from === null && to === null) return fallback;
    const a = from ?? to!;
    const b = Math.max(a, to ?? a);
    const pad = Math.max(ReaderView.MIN_DRAW_PAD, b - a);
    return { from: Math.max(0, a - pad), to: b + pad };
  }

  /** Number of rows the margin bar groups annotations into. */
  private static readonly BUCKET_ROWS = 80;

  /**
   * Finds where each drawn span sits in the scroll content, then buckets them.
   * One layout read per section, not per span: a span's place inside its
   * section is estimated from its source offset, which is exact enough for a
   * margin bar and never forces off-screen sections to be laid out.
   */
  private measureSpans(): void {
    const view = this.view;
    const scroller = this.querySelector<HTMLElement>('.reader-scroll');
    if (!view || !scroller || !this.sections.length) return;
    const base = scroller.getBoundingClientRect().top - scroller.scrollTop;
    const boxes = this.sections.map((section) => {
      const el = view.nodeDOM(section.pos);
      const rect = el instanceof HTMLElement ? el.getBoundingClientRect() : null;
      return { ...section, top: rect ? rect.top - base : 0, height: rect?.height ?? 0 };
    });
    const tops: number[] = [];
    for (const span of this.spans) {
      // The last section starting at or before the span.
      let lo = 0;
      let hi = boxes.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (boxes[mid]!.from <= span.from) lo = mid;
        else hi = mid - 1;
      }
      const box = boxes[lo]!;
      const fraction = box.to > box.from ? Math.min(1, Math.max(0, (span.from - box.from) / (box.to - box.from))) : 0;
      tops.push(box.top + fraction * box.height);
    }
    tops.sort((a, b) => a - b);
    this.spanTops = tops;
    const height = Math.max(1, scroller.scrollHeight);
    const rows = new Map<number, Bucket>();
    for (const top of tops) {
      const row = Math.min(ReaderView.BUCKET_ROWS - 1, Math.floor((top / height) * ReaderView.BUCKET_ROWS));
      const b = rows.get(row);
      rows.set(row, b ? { ...b, count: b.count + 1 } : { at: row / ReaderView.BUCKET_ROWS, top, count: 1 });
    }
    this.buckets = [...rows.values()];
    this.countOffscreen();
  }

  /** Measures when the browser is idle (soon after a change), so the first paint of the text comes first. */
  private scheduleMeasure(): void {
    if (this.measureScheduled) return;
    this.measureScheduled = true;
    const run = () => {
      this.measureScheduled = false;
      this.measureSpans();
    };
    if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 300 });
    else setTimeout(run, 50);
  }

  private onScroll(): void {
    if (this.scrollFrame) return;
    this.scrollFrame = requestAnimationFrame(() => {
      this.scrollFrame = 0;
      this.countOffscreen();
      // Spans scrolled into view are drawn now, not when the page is next idle.
      if (this.progressive) {
        const seen = this.visibleSourceRange();
        this.drawRange(seen.from, seen.to);
      }
    });
  }

  /** Counts drawn spans above and below the visible part of the text. */
  private countOffscreen(): void {
    const scroller = this.querySelector<HTMLElement>('.reader-scroll');
    if (!scroller) return;
    const top = scroller.scrollTop;
    const bottom = top + scroller.clientHeight;
    this.above = lowerBound(this.spanTops, top);
    this.below = this.spanTops.length - lowerBound(this.spanTops, bottom);
  }

  private scrollToTop(top: number): void {
    const scroller = this.querySelector<HTMLElement>('.reader-scroll');
    scroller?.scrollTo({ top: Math.max(0, top - 40) });
  }

  /** Scrolls to the nearest drawn span above or below the screen. */
  stepAnnotation(direction: 'up' | 'down'): void {
    const scroller = this.querySelector<HTMLElement>('.reader-scroll');
    if (!scroller) return;
    const top = scroller.scrollTop;
    const bottom = top + scroller.clientHeight;
    const target =
      direction === 'up'
        ? this.spanTops[lowerBound(this.spanTops, top) - 1]
        : this.spanTops[lowerBound(this.spanTops, bottom)];
    if (target !== undefined) this.scrollToTop(target);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.resizeObserver = new ResizeObserver(() => this.scheduleMeasure());
    this.resizeObserver.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
    this.resizeObserver = null;
    if (this.scrollFrame) cancelAnimationFrame(this.scrollFrame);
    this.view?.destroy();
    this.view = null;
    this.shownDoc = null;
  }

  /** The DOM range showing source range `[from, to)`, or null if it maps to no text. */
  sourceRangeToDOMRange(from: number, to: number): Range | null {
    const doc = this.document;
    if (!this.view || !doc) return null;
    const r = doc.built.map.toRange(from, to);
    if (!r) return null;
    try {
      const a = this.view.domAtPos(r.from);
      const b = this.view.domAtPos(r.to);
      const range = document.createRange();
      range.setStart(a.node, a.offset);
      range.setEnd(b.node, b.offset);
      return range;
    } catch {
      // domAtPos can point past a widget; a range that cannot be built is not drawn.
      return null;
    }
  }

  /**
   * Scrolls source range `[from, to)` into view and marks it as current.
   * Returns false when the range maps to no text.
   */
  revealSource(from: number, to: number = from, options: { focus?: boolean } = {}): boolean {
    const doc = this.document;
    const view = this.view;
    if (!view || !doc) return false;
    const r = doc.built.map.toRange(from, Math.max(to, from));
    const pos = r?.from ?? doc.built.map.toPos(from);
    if (pos === null) return false;
    // A deep link into a part of the text not drawn yet: its spans are drawn before it is shown.
    this.drawNear(from, Math.max(to, from));
    view.dispatch(view.state.tr.setMeta(currentKey, setCurrentMeta(r && r.to > r.from ? r : null)));
    // The current mark re-renders the passage's text: layers that keep DOM ranges redo them.
    emit(this, 'reader-updated', null);
    this.scrollPositionsIntoView(pos, r && r.to > r.from ? r.to : pos);
    if (options.focus) view.dom.focus({ preventScroll: true });
    return true;
  }

  /**
   * Scrolls the text so that positions `[from, to]` are in view: centred when
   * they fit on the screen, else their start near the top. Measured on the
   * positions themselves (coordsAtPos), not their block: a passage deep in a
   * paragraph taller than the screen must not stay below it.
   */
  private scrollPositionsIntoView(from: number, to: number): void {
    const token = ++this.scrollToken;
    // Off-screen sections are not laid out (content-visibility: auto) and keep an estimated height; the passage's
    // own section would be measured at its real size yet placed in an estimated box, out of scrolling reach. Lay
    // it out for the scroll; once on screen it stays laid out by itself.
    const section = this.sectionAt(from);
    section?.style.setProperty('content-visibility', 'visible');
    const release = (): void => {
      requestAnimationFrame(() => section?.style.removeProperty('content-visibility'));
    };
    const step = (corrections: number): void => {
      // Sections near the passage come on screen and take their real height, which moves it: measure again on
      // the next frames and correct until it stays put (or a later scroll request takes over).
      if (token !== this.scrollToken) {
        release();
        return;
      }
      const moved = this.scrollPositionsOnce(from, to);
      if (moved && corrections > 0) requestAnimationFrame(() => step(corrections - 1));
      else release();
    };
    step(MAX_SCROLL_CORRECTIONS);
  }

  /** The document section holding ProseMirror position `pos`, if the text has sections. */
  private sectionAt(pos: number): HTMLElement | null {
    try {
      const { node } = this.view!.domAtPos(pos);
      return (node instanceof Element ? node : node.parentElement)?.closest<HTMLElement>('section.doc-section') ?? null;
    } catch {
      return null;
    }
  }

  /** Each scroll request's number: a correction frame of an older request stops when a newer one starts. */
  private scrollToken = 0;

  /** One measure-and-scroll of `scrollPositionsIntoView`; true when it had to move the text more than a few pixels. */
  private scrollPositionsOnce(from: number, to: number): boolean {
    const view = this.view;
    const scroller = this.querySelector<HTMLElement>('.reader-scroll');
    if (!view || !scroller) return false;
    let top: number;
    let bottom: number;
    try {
      const start = view.coordsAtPos(from, 1);
      const end = view.coordsAtPos(to, -1);
      top = Math.min(start.top, end.top);
      bottom = Math.max(start.bottom, end.bottom);
    } catch {
      // A position ProseMirror cannot measure (inside a widget) falls back to its block.
      const { node } = view.domAtPos(from);
      (node instanceof Element ? node : node.parentElement)?.scrollIntoView({ block: 'center' });
      return false;
    }
    const frame = scroller.getBoundingClientRect();
    const height = bottom - top;
    const margin = Math.min(48, frame.height / 4);
    const offset = height <= frame.height - 2 * margin ? top - frame.top - (frame.height - height) / 2 : top - frame.top - margin;
    const before = scroller.scrollTop;
    scroller.scrollTop += offset;
    return Math.abs(scroller.scrollTop - before) > 4;
  }

  /** Clears the current-span mark. */
  clearCurrent(): void {
    this.view?.dispatch(this.view.state.tr.setMeta(currentKey, setCurrentMeta(null)));
    emit(this, 'reader-updated', null);
  }

  /** The user's selection as a source range with its text, or null when nothing is selected in this text. */
  selectedSourceRange(): { from: number; to: number; text: string } | null {
    const doc = this.document;
    const view = this.view;
    if (!view || !doc) return null;
    const sel = window.getSelection();
    if (!sel || sel.isCollapsed || !sel.rangeCount || !view.dom.contains(sel.anchorNode) || !view.dom.contains(sel.focusNode)) return null;
    const range = sel.getRangeAt(0);
    let a: number;
    let b: number;
    try {
      a = view.posAtDOM(range.startContainer, range.startOffset);
      b = view.posAtDOM(range.endContainer, range.endOffset);
    } catch {
      return null;
    }
    const from = doc.built.map.toOffset(Math.min(a, b), 1);
    const to = doc.built.map.toOffset(Math.max(a, b), -1);
    if (from === null || to === null || to <= from) return null;
    return { from, to, text: doc.source.slice(from, to) };
  }

  /** Ids of drawn annotations at a source offset. */
  annotationsAtSource(offset: number): string[] {
    const doc = this.document;
    if (!this.view || !doc) return [];
    const pos = doc.built.map.toPos(offset);
    this.drawNear(offset, offset);
    return pos === null ? [] : idsAt(this.view.state, pos);
  }

  /** Scrolls to section `index` of the outline and moves focus to the text. */
  jumpToHeading(index: number): void {
    const doc = this.document;
    const heading = doc?.built.outline[index];
    if (!heading || !this.view) return;
    this.activeHeading = index;
    const el = this.view.dom.querySelector(`[data-heading="${index}"]`);
    el?.scrollIntoView({ block: 'start' });
    this.view.dom.focus({ preventScroll: true });
  }

  private mount(doc: LoadedDocument | null): void {
    this.view?.destroy();
    this.view = null;
    this.progressive = null;
    this.shownDoc = doc;
    const host = this.querySelector<HTMLElement>('.pm-host');
    if (!doc || !host) return;
    const map = doc.built.map;
    this.sections = [];
    doc.built.doc.forEach((node, offset) => {
      const from = map.toOffset(offset + 1, 1);
      const to = map.toOffset(offset + node.nodeSize - 1, -1);
      if (from !== null && to !== null) this.sections.push({ pos: offset, from, to: Math.max(from, to) });
    });
    this.view = new EditorView(host, {
      state: EditorState.create({ doc: doc.built.doc, plugins: [highlightPlugin(), currentPlugin(), backlinkPlugin(doc, (from) => this.footnotes.jumpToMarker(from))] }),
      editable: () => false,
      attributes: {
        class: 'reader-text',
        tabindex: '0',
        role: 'document',
        'aria-label': `Text of ${displayLabel(doc.entry.title ?? doc.entry.label, MAX_TITLE_LENGTH)}`,
        // ProseMirror marks its view untranslatable; a reader wants translation allowed.
        translate: 'yes',
      },
      handleDOMEvents: {
        keydown: (_view, event) => this.onTextKey(event),
        mouseup: () => this.emitSelection(),
        keyup: (_view, event) => {
          if (event.shiftKey) this.emitSelection();
          return false;
        },
        click: (view, event) => this.onTextClick(view, event),
        mousemove: (view, event) => this.onHover(view, event),
        mouseleave: () => this.emitHover([], 0, 0),
      },
    });
  }

  private onTextKey(event: KeyboardEvent): boolean {
    // Keyboard selection in a read-only text: Shift+arrows extend the browser's
    // selection by word or line (with Ctrl/Alt: by sentence or paragraph).
    if (event.shiftKey && ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'].includes(event.key)) {
      const sel = window.getSelection();
      if (!sel || !this.view) return false;
      if (!sel.rangeCount || !this.view.dom.contains(sel.focusNode)) this.placeCaretAtFirstVisibleText(sel);
      const forward = event.key === 'ArrowRight' || event.key === 'ArrowDown';
      const horizontal = event.key === 'ArrowLeft' || event.key === 'ArrowRight';
      const big = event.ctrlKey || event.altKey || event.metaKey;
      const granularity = horizontal ? (big ? 'sentence' : 'word') : big ? 'paragraph' : 'line';
      (sel as Selection & { modify(a: string, d: string, g: string): void }).modify('extend', forward ? 'forward' : 'backward', granularity);
      event.preventDefault();
      this.emitSelection();
      return true;
    }
    if (event.key === 'Enter') {
      const ids = this.idsAtSelection();
      if (ids.length) {
        emit(this, 'annotation-activate', { docId: this.document!.entry.id, ids });
        event.preventDefault();
        return true;
      }
    }
    return false;
  }

  private placeCaretAtFirstVisibleText(sel: Selection): void {
    const scroller = this.querySelector('.reader-scroll');
    const top = scroller?.getBoundingClientRect().top ?? 0;
    const blocks = this.view!.dom.querySelectorAll('p, li, h3');
    const first = [...blocks].find((b) => b.getBoundingClientRect().bottom > top) ?? blocks[0];
    if (first) sel.collapse(first, 0);
  }

  private idsAtSelection(): string[] {
    const view = this.view;
    if (!view) return [];
    const sel = window.getSelection();
    if (!sel || !sel.rangeCount || !view.dom.contains(sel.focusNode)) return [];
    try {
      return idsAt(view.state, view.posAtDOM(sel.focusNode!, sel.focusOffset));
    } catch {
      return [];
    }
  }

  private onTextClick(view: EditorView, event: MouseEvent): boolean {
    const marker = (event.target as Element).closest?.('a.noteref');
    if (marker) {
      event.preventDefault();
      this.activateNote(marker as HTMLElement);
      return true;
    }
    const hit = view.posAtCoords({ left: event.clientX, top: event.clientY });
    if (!hit) return false;
    const ids = idsAt(view.state, hit.pos);
    const sel = window.getSelection();
    if (ids.length && (!sel || sel.isCollapsed)) {
      emit(this, 'annotation-activate', { docId: this.document!.entry.id, ids });
    }
    return false;
  }

  /** A marker was activated (click or Enter): tell the app which note, with the marker's source offset. */
  activateNote(marker: HTMLElement): void {
    const doc = this.document;
    if (!doc || !this.view) return;
    let from: number;
    try {
      from = doc.built.map.toOffset(this.view.posAtDOM(marker, 0)) ?? -1;
    } catch {
      from = -1;
    }
    emit(this, 'note-activate', { docId: doc.entry.id, number: Number(marker.dataset.note), from, marker });
  }

  private lastHover = '';

  private onHover(view: EditorView, event: MouseEvent): boolean {
    // A footnote marker has its own preview; the annotation card would cover it.
    if ((event.target as Element).closest?.('a.noteref')) {
      this.emitHover([], event.clientX, event.clientY);
      return false;
    }
    const hit = view.posAtCoords({ left: event.clientX, top: event.clientY });
    const ids = hit ? idsAt(view.state, hit.pos) : [];
    this.emitHover(ids, event.clientX, event.clientY);
    return false;
  }

  private emitHover(ids: string[], x: number, y: number): void {
    // Without a document there is no text to hover, and nothing for the app to look up.
    const docId = this.document?.entry.id;
    const key = ids.join(' ');
    if (docId === undefined || key === this.lastHover) return;
    this.lastHover = key;
    emit(this, 'annotation-hover', { docId, ids, x, y });
  }

  private emitSelection(): void {
    const docId = this.document?.entry.id;
    if (docId === undefined) return;
    emit(this, 'reader-selection', { docId, range: this.selectedSourceRange() });
  }

  private onOutlineKey(event: KeyboardEvent): void {
    const buttons = [...this.querySelectorAll<HTMLButtonElement>('.reader-outline button')];
    const i = buttons.indexOf(event.target as HTMLButtonElement);
    if (i < 0) return;
    let next = -1;
    if (event.key === 'ArrowDown' || event.key === 'ArrowRight') next = Math.min(buttons.length - 1, i + 1);
    else if (event.key === 'ArrowUp' || event.key === 'ArrowLeft') next = Math.max(0, i - 1);
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = buttons.length - 1;
    if (next < 0) return;
    event.preventDefault();
    buttons.forEach((b, k) => (b.tabIndex = k === next ? 0 : -1));
    buttons[next]!.focus();
  }
}

/** Index of the first value ≥ `x` in ascending `values`. */
function lowerBound(values: readonly number[], x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

declare global {
  interface HTMLElementTagNameMap {
    'reader-view': ReaderView;
  }
}
