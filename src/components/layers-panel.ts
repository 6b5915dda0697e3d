/**
 * Layers and kinds: switch each on and off, with a legend of how each kind is
 * drawn; export and import W3C JSON-LD; and every problem met while loading
 * (a broken file, a bad annotation) named plainly.
 *
 * @fires layer-toggle - `{ id, visible }`
 * @fires kind-toggle - `{ kind, visible }`
 * @fires export-request - `{ layerIds: string[] }`
 * @fires import-file - `{ name, text }` the content of a chosen file
 */
import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { AnnotationKind } from '../app/workspace.ts';

export interface LayerRow {
  readonly id: string;
  readonly label: string;
  readonly origin: string;
  readonly count: number;
  readonly visible: boolean;
}

export interface KindRow {
  readonly kind: AnnotationKind;
  readonly label: string;
  readonly visible: boolean;
  readonly count: number;
}

/** How each drawn style reads, for the legend. */
const LEGEND: readonly { className: string; label: string }[] = [
  { className: 'hl hl-note', label: 'your note (highlight)' },
  { className: 'hl hl-flag hl-truncated', label: 'text lost: truncated, missing passage' },
  { className: 'hl hl-flag hl-garbled', label: 'garbled words' },
  { className: 'hl hl-flag hl-split', label: 'sentence split by a spurious break' },
  { className: 'hl hl-flag hl-unsupported', label: 'marked unsourced by the text' },
  { className: 'hl hl-flag hl-contradiction', label: 'the text contradicts itself' },
  { className: 'hl hl-flag hl-broken-reference', label: 'reference problem' },
  { className: 'hl hl-claim hl-agrees', label: 'claim link: texts agree' },
  { className: 'hl hl-claim hl-conflicts', label: 'claim link: texts conflict' },
  { className: 'hl hl-claim hl-related', label: 'claim link: related' },
];

@customElement('layers-panel')
export class LayersPanel extends LitElement {
  // Light DOM: the legend samples use the reader's own highlight classes.
  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  @property({ attribute: false }) layers: readonly LayerRow[] = [];
  @property({ attribute: false }) kinds: readonly KindRow[] = [];
  @property({ attribute: false }) problems: readonly string[] = [];
  /** The outcome of the last import or export, for the status line. */
  @property() status = '';

  override render() {
    return html`<div class="layers-panel">
      <fieldset>
        <legend>Kinds</legend>
        ${this.kinds.map(
          (k) => html`<label class="row">
            <input type="checkbox" .checked=${k.visible} @change=${(e: Event) => this.emit('kind-toggle', { kind: k.kind, visible: (e.target as HTMLInputElement).checked })} />
            ${k.label} <span class="count">${k.count}</span>
          </label>`,
        )}
      </fieldset>
      <fieldset>
        <legend>Layers</legend>
        ${this.layers.map(
          (l) => html`<label class="row">
            <input type="checkbox" class="layer-check" data-layer=${l.id} .checked=${l.visible} @change=${(e: Event) => this.emit('layer-toggle', { id: l.id, visible: (e.target as HTMLInputElement).checked })} />
            ${l.label} <span class="count">${l.count} · ${l.origin}</span>
          </label>`,
        )}
        <div class="row buttons">
          <button type="button" @click=${this.exportChosen}>Export checked layers</button>
          <label class="file-button">Import…<input type="file" accept=".json,.jsonld,application/json,application/ld+json" @change=${this.onFile} /></label>
        </div>
        <p class="status" role="status" aria-live="polite">${this.status}</p>
      </fieldset>
      <fieldset>
        <legend>Legend</legend>
        <ul class="legend">
          ${LEGEND.map((l) => html`<li><span class=${`sample ${l.className}`}>Sample text</span> ${l.label}</li>`)}
        </ul>
      </fieldset>
      ${this.problems.length
        ? html`<fieldset class="problems">
            <legend>Problems while loading (${this.problems.length})</legend>
            <ul>
              ${this.problems.map((p) => html`<li>${p}</li>`)}
            </ul>
          </fieldset>`
        : nothing}
    </div>`;
  }

  private exportChosen(): void {
    const layerIds = [...this.querySelectorAll<HTMLInputElement>('input.layer-check')].filter((i) => i.checked).map((i) => i.dataset.layer!);
    this.emit('export-request', { layerIds });
  }

  private async onFile(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    const text = await file.text();
    input.value = '';
    this.emit('import-file', { name: file.name, text });
  }

  private emit(name: string, detail: unknown): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'layers-panel': LayersPanel;
  }
}
