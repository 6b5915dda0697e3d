/**
 * Connector lines: a curve between the two ends of each claim link across
 * the side-by-side columns, coloured by relation (agrees, conflicts,
 * related). An end scrolled out of its column is drawn at the column's top
 * or bottom edge as an arrow pointing where it is. The overlay never takes
 * a click (pointer-events: none): the links stay reachable through the text,
 * the claims panel and the markers.
 *
 * Geometry is read from the host (the app), which knows the columns; it is
 * redrawn at most once a frame, on any scroll inside the page (a captured
 * listener: scroll events do not bubble), on resize, and when the links change.
 */
import { LitElement, css, html, svg, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';

/** One end of a connector: a source range of a text. */
export interface ConnectorEnd {
  readonly docId: string;
  readonly from: number;
  readonly to: number;
}

/** A claim link to connect. */
export interface Connector {
  readonly id: string;
  readonly relation: string;
  readonly ends: readonly [ConnectorEnd, ConnectorEnd];
}

/** What the overlay asks of the app: where a text's column is, and where a passage of it is, in viewport pixels. */
export interface ConnectorHost {
  /** The visible box of the column showing `docId`, or null when that text is not on screen. */
  columnRect(docId: string): DOMRect | null;
  /** The box of `[from, to)` of `docId` (possibly outside its column's visible box), or null when it has none. */
  passageRect(docId: string, end: ConnectorEnd): DOMRect | null;
}

/** Where an end is drawn: on its passage, or at its column's edge when scrolled away. */
export type EndPlace = 'on' | 'above' | 'below';

/** A connector as drawn, in viewport pixels. */
export interface DrawnConnector {
  readonly id: string;
  readonly relation: string;
  readonly left: { readonly x: number; readonly y: number; readonly place: EndPlace; readonly docId: string };
  readonly right: { readonly x: number; readonly y: number; readonly place: EndPlace; readonly docId: string };
}

/** How far inside the column's edge an off-screen end is drawn. */
const EDGE_INSET = 8;
const RELATIONS = new Set(['agrees', 'conflicts', 'related']);

/**
 * Where `link` is drawn, or null when one of its texts is not on screen or
 * its passage cannot be placed. Pure geometry, exported for tests.
 */
export function placeConnector(link: Connector, host: ConnectorHost): DrawnConnector | null {
  const [a, b] = link.ends;
  const colA = host.columnRect(a.docId);
  const colB = host.columnRect(b.docId);
  if (!colA || !colB || a.docId === b.docId) return null;
  const [l, lc, r, rc] = colA.left <= colB.left ? [a, colA, b, colB] : [b, colB, a, colA];
  const left = endPoint(host, l, lc, lc.right);
  const right = endPoint(host, r, rc, rc.left);
  if (!left || !right) return null;
  return { id: link.id, relation: RELATIONS.has(link.relation) ? link.relation : 'related', left: { ...left, docId: l.docId }, right: { ...right, docId: r.docId } };
}

function endPoint(host: ConnectorHost, end: ConnectorEnd, column: DOMRect, x: number): { x: number; y: number; place: EndPlace } | null {
  const rect = host.passageRect(end.docId, end);
  if (!rect) return null;
  const y = rect.top + Math.min(rect.height, 24) / 2;
  if (y < column.top + EDGE_INSET) return { x, y: column.top + EDGE_INSET, place: 'above' };
  if (y > column.bottom - EDGE_INSET) return { x, y: column.bottom - EDGE_INSET, place: 'below' };
  return { x, y, place: 'on' };
}

@customElement('claim-connectors')
export class ClaimConnectors extends LitElement {
  static override styles = css`
    :host {
      position: fixed;
      inset: 0;
      pointer-events: none;
      z-index: 5;
    }
    svg {
      width: 100%;
      height: 100%;
      overflow: visible;
    }
    .agrees {
      --line: var(--claim-agrees);
    }
    .conflicts {
      --line: var(--claim-conflicts);
    }
    .related {
      --line: var(--claim-related);
    }
    path {
      fill: none;
      stroke: var(--line);
      stroke-width: 1.5;
      opacity: 0.75;
    }
    path.conflicts {
      stroke-dasharray: 5 3;
    }
    circle,
    polygon {
      fill: var(--line);
    }
    @media print {
      :host {
        display: none;
      }
    }
  `;

  @property({ attribute: false }) links: readonly Connector[] = [];
  @property({ attribute: false }) host: ConnectorHost | null = null;
  @state() private drawn: readonly DrawnConnector[] = [];

  private frame = 0;
  private readonly schedule = (): void => {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.measure();
    });
  };

  /** The connectors as last drawn (viewport pixels). */
  get connectors(): readonly DrawnConnector[] {
    return this.drawn;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('scroll', this.schedule, { capture: true, passive: true });
    window.addEventListener('resize', this.schedule, { passive: true });
    this.schedule();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('scroll', this.schedule, { capture: true });
    window.removeEventListener('resize', this.schedule);
    cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('links') || changed.has('host')) this.schedule();
  }

  /** Re-reads every end's position now (the app calls it after a layout change it knows of). */
  measure(): void {
    const host = this.host;
    const drawn = host ? this.links.map((l) => placeConnector(l, host)).filter((d): d is DrawnConnector => d !== null) : [];
    // Scrolling a column with no connector end in it moves nothing: no re-render then.
    if (!sameConnectors(drawn, this.drawn)) this.drawn = drawn;
  }

  override render() {
    if (!this.drawn.length) return nothing;
    return html`<svg aria-hidden="true">
      ${this.drawn.map((d) => {
        const bend = Math.max(20, (d.right.x - d.left.x) / 3);
        return svg`<path class=${d.relation} data-link=${d.id} d=${`M ${d.left.x} ${d.left.y} C ${d.left.x + bend} ${d.left.y}, ${d.right.x - bend} ${d.right.y}, ${d.right.x} ${d.right.y}`}></path>
          ${marker(d.left, d.relation, 1)}${marker(d.right, d.relation, -1)}`;
      })}
    </svg>`;
  }
}

function sameConnectors(a: readonly DrawnConnector[], b: readonly DrawnConnector[]): boolean {
  if (a.length !== b.length) return false;
  const same = (p: DrawnConnector['left'], q: DrawnConnector['left']) => p.x === q.x && p.y === q.y && p.place === q.place;
  return a.every((c, i) => c.id === b[i]!.id && same(c.left, b[i]!.left) && same(c.right, b[i]!.right));
}

/** A dot on an end on screen; an arrow pointing up or down at the edge for an end scrolled away. */
function marker(end: DrawnConnector['left'], relation: string, side: 1 | -1) {
  if (end.place === 'on') return svg`<circle class=${relation} cx=${end.x} cy=${end.y} r="3"></circle>`;
  const x = end.x + side * 6;
  const tip = end.place === 'above' ? end.y - 6 : end.y + 6;
  return svg`<polygon class=${`${relation} arrow-${end.place}`} points=${`${x - 5},${end.y} ${x + 5},${end.y} ${x},${tip}`}></polygon>`;
}

declare global {
  interface HTMLElementTagNameMap {
    'claim-connectors': ClaimConnectors;
  }
}
