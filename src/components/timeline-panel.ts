/**
 * The timeline: every dated statement of the open texts on one time axis,
 * one lane per text, with the events that claim links join drawn together
 * and the pairs whose dates differ marked as conflicts.
 *
 * Two views of the same events: the axis (zoomed by decade, year or month)
 * and a list in time order (the screen reader's and the printer's view).
 * Keyboard on the axis: one tab stop; ArrowRight/ArrowLeft move to the next /
 * previous event in time, ArrowDown/ArrowUp to the nearest event of the next /
 * previous lane, Home/End to the first / last; Enter or Space jumps to the
 * passage. The focused (or hovered) event's sentence is shown under the axis.
 * Sentences are rendered as text, never as markup.
 *
 * @fires timeline-activate - `{ docId, from, to }` an event was chosen: show its sentence in its text
 */
import { LitElement, css, html, nothing, svg, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { clip, displayLabel } from '../annotations/sanitize.ts';
import { compare, dayRange, periodLabel, type EventJoin, type TimelineEvent } from '../analysis/timeline/index.ts';
import { cssProps } from './css-props.ts';
import { smallButtonStyles } from './styles/controls.ts';
import { emit } from './events.ts';
import { panelStyles } from './styles/panel.ts';

/** One text's events as the panel shows them. */
export interface TimelineText {
  readonly id: string;
  readonly label: string;
  readonly events: readonly TimelineEvent[];
}

/** The detail of `timeline-activate`: a sentence of a text, in source code units. */
export interface TimelineActivateDetail {
  readonly docId: string;
  readonly from: number;
  readonly to: number;
}

export type Zoom = 'decade' | 'year' | 'month';

/** Pixels per year at each zoom. */
const YEAR_WIDTH: Readonly<Record<Zoom, number>> = { decade: 5, year: 40, month: 300 };
const ZOOMS: readonly { zoom: Zoom; label: string }[] = [
  { zoom: 'decade', label: 'Decades' },
  { zoom: 'year', label: 'Years' },
  { zoom: 'month', label: 'Months' },
];
/** Days per year in the day numbers of `dayRange` (31 to every month). */
const DAYS = 372;
const ROW_HEIGHT = 16;
const MAX_ROWS = 6;
const LANE_GAP = 22;
const AXIS_TOP = 20;
/** Longest sentence shown for an event. */
const SENTENCE_CHARS = 400;
const MONTH_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** An event placed on the axis. */
interface Placed {
  readonly key: string;
  readonly docId: string;
  readonly laneLabel: string;
  readonly event: TimelineEvent;
  readonly lane: number;
  readonly x: number;
  readonly width: number;
  readonly y: number;
}

const keyOf = (docId: string, index: number) => `${docId}#${index}`;

/** How many rows each lane uses. */
function lanesRows(placed: readonly Placed[]): Map<number, number> {
  const rows = new Map<number, number>();
  for (const p of placed) rows.set(p.lane, Math.max(rows.get(p.lane) ?? 1, p.y / ROW_HEIGHT + 1));
  return rows;
}

@customElement('timeline-panel')
export class TimelinePanel extends LitElement {
  static override styles = [
    panelStyles,
    smallButtonStyles,
    css`
      :host {
        display: flex;
        flex-direction: column;
        gap: 0.5rem;
        padding: 0.5rem;
        font: 0.85rem/1.4 var(--font-ui);
      }
      .controls {
        display: flex;
        flex-wrap: wrap;
        gap: 0.4rem 0.8rem;
        align-items: center;
      }
      fieldset {
        padding: 0;
        display: flex;
        gap: 0.3rem;
        align-items: center;
        flex-wrap: wrap;
      }
      button[aria-pressed='true'] {
        background: var(--accent);
        border-color: var(--accent);
        color: var(--surface);
      }
      .conflicts {
        margin: 0;
        padding: 0.4rem 0.5rem;
        border-left: 3px solid var(--claim-conflicts);
        background: var(--claim-conflicts-bg);
        list-style: none;
      }
      .conflicts li + li {
        margin-top: 0.25rem;
      }
      .scroll {
        overflow-x: auto;
        border: 1px solid var(--border);
        border-radius: 4px;
        background: var(--surface);
      }
      .axis {
        position: relative;
      }
      .tick {
        position: absolute;
        top: 0;
        bottom: 0;
        border-left: 1px solid var(--border);
        font-size: 0.7rem;
        color: var(--muted);
        padding-left: 2px;
        white-space: nowrap;
      }
      .lane-label {
        position: sticky;
        left: 0;
        display: inline-block;
        font-size: 0.72rem;
        font-weight: 600;
        color: var(--muted);
        background: var(--surface);
        padding: 0 0.25rem;
        max-width: 16rem;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      .lane {
        position: absolute;
        left: 0;
        right: 0;
      }
      .event {
        position: absolute;
        height: 12px;
        min-width: 10px;
        padding: 0;
        border-radius: 6px;
        border: 1px solid var(--accent);
        background: color-mix(in srgb, var(--accent) 25%, transparent);
      }
      .event.day {
        background: var(--accent);
      }
      .event.conflict {
        border-color: var(--claim-conflicts);
        background: var(--claim-conflicts);
      }
      .event.current {
        outline: 2px solid var(--focus);
        outline-offset: 2px;
      }
      svg.joins {
        position: absolute;
        inset: 0;
        pointer-events: none;
        overflow: visible;
      }
      line {
        stroke-width: 2;
      }
      line.agrees {
        stroke: var(--claim-agrees);
      }
      line.related {
        stroke: var(--claim-related);
      }
      line.conflicts,
      line.conflict {
        stroke: var(--claim-conflicts);
        stroke-dasharray: 4 3;
      }
      .detail {
        min-height: 3.5em;
        margin: 0;
        padding: 0.35rem 0.5rem;
        background: var(--surface-2);
        border-radius: 4px;
      }
      .detail strong {
        display: block;
      }
      ol.list {
        margin: 0;
        padding-left: 1.2rem;
      }
      ol.list li {
        margin-bottom: 0.35rem;
      }
      ol.list button {
        text-align: left;
        font-size: 0.82rem;
      }
      .date {
        font-weight: 600;
      }
      @media print {
        .controls,
        .scroll,
        .detail {
          display: none;
        }
        ol.list {
          display: block !important;
        }
      }
    `,
  ];

  /** The open texts and their dated events. */
  @property({ attribute: false }) texts: readonly TimelineText[] = [];
  /** Events joined by claim links (their `index` is into each text's `events`). */
  @property({ attribute: false }) joins: readonly EventJoin[] = [];

  @state() private zoom: Zoom = 'decade';
  @state() private view: 'axis' | 'list' = 'axis';
  @state() private hiddenTexts = new Set<string>();
  @state() private current: string | null = null;
  @state() private hovered: string | null = null;

  /** The events placed on the axis, in time order (the order of keyboard movement). */
  private placed: Placed[] = [];
  private origin = 0;

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('texts') || changed.has('zoom') || changed.has('hiddenTexts')) this.place();
  }

  /** Moves the focus to event `key` (`docId#index`) on the axis. */
  async focusEvent(key: string): Promise<void> {
    this.view = 'axis';
    this.current = key;
    await this.updateComplete;
    const button = this.renderRoot.querySelector<HTMLButtonElement>(`button.event[data-key="${CSS.escape(key)}"]`);
    button?.focus();
    button?.scrollIntoView({ block: 'nearest', inline: 'center' });
  }

  override render() {
    const shown = this.texts.filter((t) => !this.hiddenTexts.has(t.id));
    const total = shown.reduce((n, t) => n + t.events.length, 0);
    return html`
      <div class="controls">
        <fieldset>
          <legend>Show</legend>
          <button type="button" aria-pressed=${String(this.view === 'axis')} @click=${() => (this.view = 'axis')}>Axis</button>
          <button type="button" aria-pressed=${String(this.view === 'list')} @click=${() => (this.view = 'list')}>List</button>
        </fieldset>
        <fieldset ?disabled=${this.view !== 'axis'}>
          <legend>Zoom</legend>
          ${ZOOMS.map((z) => html`<button type="button" aria-pressed=${String(this.zoom === z.zoom)} @click=${() => (this.zoom = z.zoom)}>${z.label}</button>`)}
        </fieldset>
        <fieldset>
          <legend>Texts</legend>
          ${this.texts.map(
            (t) => html`<label
              ><input type="checkbox" .checked=${!this.hiddenTexts.has(t.id)} @change=${(e: Event) => this.toggleText(t.id, (e.target as HTMLInputElement).checked)} />
              ${displayLabel(t.label, 60)} <span class="muted">${t.events.length}</span></label
            >`,
          )}
        </fieldset>
      </div>
      ${this.renderConflicts()}
      ${total === 0
        ? html`<p class="muted">No dated statements in the texts shown.</p>`
        : this.view === 'axis'
          ? this.renderAxis()
          : nothing}
      <ol class="list" aria-label="Dated statements in time order" ?hidden=${this.view !== 'list'}>
        ${this.placed.map((p) => html`<li>${this.renderListItem(p)}</li>`)}
      </ol>
    `;
  }

  private renderConflicts() {
    const conflicts = this.joins.filter((j) => j.conflict && !this.hiddenTexts.has(j.a.docId) && !this.hiddenTexts.has(j.b.docId));
    if (!conflicts.length) return nothing;
    const label = (id: string) => displayLabel(this.texts.find((t) => t.id === id)?.label ?? id, 60);
    return html`<ul class="conflicts" aria-label="Dates that differ between the texts">
      ${conflicts.map(
        (j) => html`<li>
          <strong>Dates differ:</strong> ${j.conflict} (${label(j.a.docId)} / ${label(j.b.docId)})
          <button type="button" @click=${() => void this.focusEvent(keyOf(j.a.docId, j.a.index))}>Show</button>
        </li>`,
      )}
    </ul>`;
  }

  private renderAxis() {
    const lanes = this.texts.filter((t) => !this.hiddenTexts.has(t.id));
    const rows = lanesRows(this.placed);
    const rowsOf = (lane: number) => rows.get(lane) ?? 1;
    const laneTops: number[] = [];
    let top = AXIS_TOP;
    lanes.forEach((_, i) => {
      laneTops.push(top);
      top += LANE_GAP + rowsOf(i) * ROW_HEIGHT;
    });
    const width = this.axisWidth();
    const focused = this.current ?? this.placed[0]?.key ?? null;
    const conflictKeys = new Set(this.joins.filter((j) => j.conflict).flatMap((j) => [keyOf(j.a.docId, j.a.index), keyOf(j.b.docId, j.b.index)]));
    const byKey = new Map(this.placed.map((p) => [p.key, p]));
    const centre = (p: Placed) => [p.x + Math.max(10, p.width) / 2, laneTops[p.lane]! + 14 + p.y + 6] as const;
    const shownEvent = byKey.get(this.hovered ?? '') ?? byKey.get(this.current ?? '');
    return html`
      <div class="scroll">
        <div class="axis" ${cssProps({ width: `${width}px`, height: `${top}px` })}>
          ${this.ticks().map((t) => html`<span class="tick" aria-hidden="true" ${cssProps({ left: `${t.x}px` })}>${t.label}</span>`)}
          <svg class="joins" aria-hidden="true" width=${width} height=${top}>
            ${this.joins.map((j) => {
              const a = byKey.get(keyOf(j.a.docId, j.a.index));
              const b = byKey.get(keyOf(j.b.docId, j.b.index));
              if (!a || !b) return nothing;
              const [x1, y1] = centre(a);
              const [x2, y2] = centre(b);
              return svg`<line class=${j.conflict ? 'conflict' : j.relation} x1=${x1} y1=${y1} x2=${x2} y2=${y2}></line>`;
            })}
          </svg>
          <div role="group" aria-label="Dated statements on a time axis" @keydown=${this.onAxisKey}>
            ${lanes.map(
              (t, i) => html`<div class="lane" ${cssProps({ top: `${laneTops[i]}px` })}>
                <span class="lane-label">${displayLabel(t.label, 60)}</span>
              </div>`,
            )}
            ${this.placed.map(
              (p) => html`<button
                type="button"
                class=${`event ${p.event.precision}${conflictKeys.has(p.key) ? ' conflict' : ''}${p.key === this.current ? ' current' : ''}`}
                data-key=${p.key}
                tabindex=${p.key === focused ? 0 : -1}
                aria-label=${`${periodLabel(p.event.start, p.event.end)} (${p.event.precision}), ${displayLabel(p.laneLabel, 60)}: ${clip(p.event.text, SENTENCE_CHARS).text}`}
                ${cssProps({ left: `${p.x}px`, top: `${laneTops[p.lane]! + 14 + p.y}px`, width: `${p.width}px` })}
                @click=${() => this.activate(p)}
                @focus=${() => (this.current = p.key)}
                @mouseenter=${() => (this.hovered = p.key)}
                @mouseleave=${() => (this.hovered = null)}
              ></button>`,
            )}
          </div>
        </div>
      </div>
      <p class="detail" aria-live="polite">
        ${shownEvent
          ? html`<strong>${periodLabel(shownEvent.event.start, shownEvent.event.end)} · ${displayLabel(shownEvent.laneLabel, 60)}</strong>${clip(shownEvent.event.text, SENTENCE_CHARS).text}`
          : html`<span class="muted">Hover or focus an event to read its sentence; Enter jumps to it in the text.</span>`}
      </p>
    `;
  }

  private renderListItem(p: Placed) {
    return html`<button type="button" @click=${() => this.activate(p)}>
      <span class="date">${periodLabel(p.event.start, p.event.end)}</span>
      <span class="muted">(${p.event.precision}) · ${displayLabel(p.laneLabel, 60)}</span><br />${clip(p.event.text, SENTENCE_CHARS).text}
    </button>`;
  }

  /** Places every shown event: x from its dates, a row in its lane where it does not overlap the one before. */
  private place(): void {
    const lanes = this.texts.filter((t) => !this.hiddenTexts.has(t.id));
    const all = lanes.flatMap((t, lane) => t.events.map((event, index) => ({ t, lane, event, index })));
    if (!all.length) {
      this.placed = [];
      return;
    }
    let first = Infinity;
    for (const e of all) first = Math.min(first, dayRange(e.event.start)[0]);
    const span = this.zoom === 'decade' ? DAYS * 10 : this.zoom === 'year' ? DAYS : 31;
    this.origin = Math.floor(first / span) * span;
    const perDay = YEAR_WIDTH[this.zoom] / DAYS;
    const ends: number[][] = lanes.map(() => []);
    const ordered = all.sort((a, b) => compare(a.event.start, b.event.start) || compare(a.event.end, b.event.end) || a.lane - b.lane || a.event.from - b.event.from);
    this.placed = ordered.map(({ t, lane, event, index }) => {
      const x = Math.round((dayRange(event.start)[0] - this.origin) * perDay) + 4;
      const width = Math.max(10, Math.round((dayRange(event.end)[1] + 1 - dayRange(event.start)[0]) * perDay));
      const rows = ends[lane]!;
      let row = rows.findIndex((end) => end + 2 <= x);
      if (row < 0) row = rows.length < MAX_ROWS ? rows.length : rows.indexOf(Math.min(...rows)); // at most MAX_ROWS values
      rows[row] = Math.max(rows[row] ?? 0, x + width);
      return { key: keyOf(t.id, index), docId: t.id, laneLabel: t.label, event, lane, x, width, y: row * ROW_HEIGHT };
    });
  }

  private axisWidth(): number {
    let last = 0;
    for (const p of this.placed) last = Math.max(last, p.x + p.width);
    return Math.max(last + 40, 200);
  }

  /** Tick marks: every decade, year or month of the axis, labelled. */
  private ticks(): { x: number; label: string }[] {
    const perDay = YEAR_WIDTH[this.zoom] / DAYS;
    const width = this.axisWidth();
    const out: { x: number; label: string }[] = [];
    const firstYear = Math.floor(this.origin / DAYS);
    if (this.zoom === 'month') {
      for (let m = Math.floor(this.origin / 31); ; m++) {
        const x = Math.round((m * 31 - this.origin) * perDay) + 4;
        if (x > width) break;
        const month = m % 12;
        // January and the first tick carry the year.
        out.push({ x, label: month === 0 || out.length === 0 ? `${MONTH_SHORT[month]} ${Math.floor(m / 12)}` : MONTH_SHORT[month]! });
      }
      return out;
    }
    const step = this.zoom === 'decade' ? 10 : 1;
    for (let y = firstYear; ; y += step) {
      const x = Math.round((y * DAYS - this.origin) * perDay) + 4;
      if (x > width) break;
      out.push({ x, label: this.zoom === 'decade' ? `${y}s` : String(y) });
    }
    return out;
  }

  private toggleText(id: string, shown: boolean): void {
    const hidden = new Set(this.hiddenTexts);
    if (shown) hidden.delete(id);
    else hidden.add(id);
    this.hiddenTexts = hidden;
  }

  private activate(p: Placed): void {
    this.current = p.key;
    emit(this, 'timeline-activate', { docId: p.docId, from: p.event.from, to: p.event.to });
  }

  private onAxisKey(event: KeyboardEvent): void {
    const at = this.placed.findIndex((p) => p.key === this.current);
    if (at < 0 && !this.placed.length) return;
    const here = this.placed[Math.max(0, at)]!;
    let next: Placed | undefined;
    switch (event.key) {
      case 'ArrowRight':
        next = this.placed[Math.min(this.placed.length - 1, at + 1)];
        break;
      case 'ArrowLeft':
        next = this.placed[Math.max(0, at - 1)];
        break;
      case 'Home':
        next = this.placed[0];
        break;
      case 'End':
        next = this.placed[this.placed.length - 1];
        break;
      case 'ArrowDown':
      case 'ArrowUp': {
        const lanes = [...new Set(this.placed.map((p) => p.lane))].sort((a, b) => a - b);
        const lane = lanes[lanes.indexOf(here.lane) + (event.key === 'ArrowDown' ? 1 : -1)];
        if (lane === undefined) break;
        const inLane = this.placed.filter((p) => p.lane === lane);
        next = inLane.reduce((best, p) => (Math.abs(p.x - here.x) < Math.abs(best.x - here.x) ? p : best), inLane[0]!);
        break;
      }
      case 'Enter':
      case ' ':
        event.preventDefault();
        this.activate(here);
        return;
      default:
        return;
    }
    event.preventDefault();
    if (next) void this.focusEvent(next.key);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'timeline-panel': TimelinePanel;
  }
}
