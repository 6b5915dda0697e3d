/**
 * Which texts are on screen (a lit ReactiveController of the app shell): the
 * reader's choice of texts side by side, how many of them the width shows
 * readably, whether the lists dock beside them or open over them, and on
 * narrow screens which single text (or the lists) is in front.
 *
 * Only the texts on screen are rendered; the others wait in the document list.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { bringIntoColumns, layoutFor, MAX_COLUMNS, readColumns } from '../../app/columns.ts';

/** Below this width the texts are stacked, one at a time, with a switch between them. */
export const NARROW_QUERY = '(max-width: 900px)';

/** What is in front on a narrow screen: a text id, or the lists. */
export const LISTS = Symbol('lists');
export type Front = string | typeof LISTS;

export class ColumnsController implements ReactiveController {
  /** The reader's chosen texts, in column order (at most MAX_COLUMNS). */
  chosen: readonly string[] = [];
  /** Narrow screens: what is in front. */
  front: Front = '';
  /** The lists, when they open over the texts (no room beside them). */
  listsOpen = false;
  private ids: readonly string[] = [];
  private width = 0;
  private narrowNow = false;
  private observer: ResizeObserver | null = null;
  private media: MediaQueryList | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    /** Horizontal space of the shell not available to texts (its padding). */
    private readonly padding = 12,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.media = window.matchMedia(NARROW_QUERY);
    this.media.addEventListener('change', this.onResize);
    this.observer = new ResizeObserver(this.onResize);
    this.observer.observe(this.host);
    this.onResize();
  }

  hostDisconnected(): void {
    this.media?.removeEventListener('change', this.onResize);
    this.observer?.disconnect();
    this.observer = null;
  }

  private readonly onResize = (): void => {
    const width = this.host.clientWidth || window.innerWidth;
    const narrow = window.matchMedia(NARROW_QUERY).matches;
    if (width === this.width && narrow === this.narrowNow) return;
    this.width = width;
    this.narrowNow = narrow;
    this.host.requestUpdate();
  };

  /** Sets the texts of the manifest and the choice from the URL (unknown ids are dropped). */
  setTexts(ids: readonly string[], fromUrl?: readonly string[]): void {
    this.ids = ids;
    this.chosen = readColumns(fromUrl, ids);
    if (typeof this.front !== 'string' || !this.chosen.includes(this.front)) this.front = this.chosen[0] ?? LISTS;
    this.host.requestUpdate();
  }

  /** True on a narrow screen: one text (or the lists) at a time. */
  get narrow(): boolean {
    return this.narrowNow;
  }

  private get layout() {
    return layoutFor(Math.max(0, this.width - this.padding), this.chosen.length);
  }

  /** Ids of the texts rendered: on wide screens those that fit, on narrow ones every chosen text (one in front). */
  get rendered(): readonly string[] {
    return this.narrow ? this.chosen : this.chosen.slice(0, this.layout.visible);
  }

  /** True when the lists sit beside the texts; false when they open over them on demand. */
  get listsDocked(): boolean {
    return this.narrow || this.layout.listsDocked;
  }

  /** True when a text is on screen now (in front on narrow screens). */
  isVisible(id: string): boolean {
    return this.narrow ? this.front === id : this.rendered.includes(id);
  }

  /** The reader chose the texts side by side. */
  choose(ids: readonly string[]): void {
    this.chosen = readColumns(ids, this.ids);
    if (this.narrow && typeof this.front === 'string' && !this.chosen.includes(this.front)) this.front = this.chosen[0] ?? LISTS;
    this.host.requestUpdate();
  }

  /**
   * Puts text `id` on screen: in front on narrow screens, else in the last
   * visible column when it is not visible already. Returns true when the
   * choice of texts changed.
   */
  show(id: string): boolean {
    if (!this.ids.includes(id)) return false;
    const before = this.chosen;
    const places = this.narrow ? Math.min(MAX_COLUMNS, this.chosen.length + (this.chosen.includes(id) ? 0 : 1)) : this.layout.visible;
    this.chosen = bringIntoColumns(this.chosen, id, places);
    if (this.narrow) this.front = id;
    this.host.requestUpdate();
    return this.chosen !== before;
  }

  /** Narrow screens: shows the lists in front; elsewhere opens them when they are not docked. */
  showLists(): void {
    if (this.narrow) this.front = LISTS;
    else if (!this.listsDocked) this.listsOpen = true;
    this.host.requestUpdate();
  }

  /** Narrow screens: brings a chosen text or the lists to the front. */
  setFront(front: Front): void {
    this.front = front;
    this.host.requestUpdate();
  }

  setListsOpen(open: boolean): void {
    this.listsOpen = open;
    this.host.requestUpdate();
  }
}
