/**
 * Layers and kinds: switch each on and off, with a legend of how each kind is
 * drawn; export and import W3C JSON-LD; and every problem met while loading
 * (a broken file, a bad annotation) named plainly. Labels, problems and the
 * status carry foreign strings (file names, layer labels, ids): they are shown
 * neutralised and cut.
 *
 * @fires layer-toggle - `{ id, visible }`
 * @fires kind-toggle - `{ kind, visible }`
 * @fires export-request - `{ layerIds: string[] }`, never empty: with no layer checked the button is disabled
 * @fires import-file - `{ name, text }` the content of a chosen file
 * @fires connectors-toggle - `{ visible }` connector lines between linked claims switched on or off
 * @fires import-cancel - the reader pressed Cancel while an import was saving
 * @fires export-hypothesis - the reader asked for their notes in Hypothesis's format
 */
import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { AnnotationKind } from '../app/workspace.ts';
import { displayLabel, formatCount } from '../annotations/sanitize.ts';
import { fileSizeProblem } from '../annotations/import-limit.ts';
import type { ReaderSync } from '../sync/reader-sync.ts';
import './sync-panel.ts';
import { emit } from './events.ts';

/** Longest problem or status line shown; the messages name files and ids, which can be anything. */
const MESSAGE_LENGTH = 600;

const count = formatCount;

/** What the panel says when the export button is pressed (or reached) with no layer checked. */
export const NOTHING_TO_EXPORT = 'No layer is checked, so there is nothing to export: check the layers to export first.';

export interface LayerRow {
  readonly id: string;
  readonly label: string;
  readonly origin: string;
  readonly count: number;
  readonly visible: boolean;
}

/** What the panel shows of an import under way. */
export interface ImportProgress {
  readonly name: string;
  readonly saved: number;
  readonly total: number | null;
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
  { className: 'hl hl-note hl-shared', label: "someone else's note, shared through a group" },
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
  /** The outcome of the last import or export, for the status line: one sentence a line (lines split at "\n"). */
  @property() status = '';
  /** Whether connector lines are drawn; null where they cannot be (one text at a time on a narrow screen). */
  @property({ attribute: false }) connectors: boolean | null = null;
  /**
   * An import under way: the file's name, and how many of its notes are saved
   * of how many (`total` null while the file is read). Null when none is.
   */
  @property({ attribute: false }) importing: ImportProgress | null = null;
  /** The annotation server link; null hides the Sharing fieldset. */
  @property({ attribute: false }) sync: ReaderSync | null = null;

  override render() {
    return html`<div class="layers-panel">
      <fieldset>
        <legend>Kinds</legend>
        ${this.kinds.map(
          (k) => html`<label class="row">
            <input type="checkbox" .checked=${k.visible} @change=${(e: Event) => emit(this, 'kind-toggle', { kind: k.kind, visible: (e.target as HTMLInputElement).checked })} />
            ${k.label} <span class="count">${k.count}</span>
          </label>`,
        )}
      </fieldset>
      ${this.connectors === null
        ? nothing
        : html`<fieldset>
            <legend>Views</legend>
            <label class="row">
              <input type="checkbox" class="connectors-check" .checked=${this.connectors} @change=${(e: Event) => emit(this, 'connectors-toggle', { visible: (e.target as HTMLInputElement).checked })} />
              Connector lines between linked claims
            </label>
          </fieldset>`}
      <fieldset>
        <legend>Layers</legend>
        ${this.layers.map(
          (l) => html`<label class="row">
            <input type="checkbox" class="layer-check" data-layer=${l.id} .checked=${l.visible} @change=${(e: Event) => emit(this, 'layer-toggle', { id: l.id, visible: (e.target as HTMLInputElement).checked })} />
            ${displayLabel(l.label)} <span class="count">${l.count} · ${l.origin}</span>
          </label>`,
        )}
        <div class="row buttons">
          <button
            type="button"
            class="export"
            ?disabled=${!this.layers.some((l) => l.visible)}
            aria-describedby=${this.layers.some((l) => l.visible) ? nothing : 'export-why'}
            @click=${this.exportChosen}
          >
            Export checked layers
          </button>
          <button type="button" class="export-hypothesis" title="Your notes in Hypothesis's API format (JSON)" @click=${() => emit(this, 'export-hypothesis', {})}>
            Export notes for Hypothesis
          </button>
          <label class="file-button" title="A W3C annotation collection, or annotations exported from Hypothesis">Import…<input type="file" accept=".json,.jsonld,application/json,application/ld+json" @change=${this.onFile} /></label>
        </div>
        ${this.layers.some((l) => l.visible) ? nothing : html`<p class="hint" id="export-why">${NOTHING_TO_EXPORT}</p>`}
        ${this.importing ? this.renderProgress(this.importing) : nothing}
        <p class="status" role="status" aria-live="polite">
          ${this.status
            .split('\n')
            .filter((line) => line.trim())
            .map((line, i) => html`${i ? html`<br />` : nothing}${displayLabel(line, MESSAGE_LENGTH)}`)}
        </p>
      </fieldset>
      ${this.sync ? html`<sync-panel .link=${this.sync}></sync-panel>` : nothing}
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
              ${this.problems.map((p) => html`<li>${displayLabel(p, MESSAGE_LENGTH)}</li>`)}
            </ul>
          </fieldset>`
        : nothing}
    </div>`;
  }

  private renderProgress(p: ImportProgress) {
    const name = displayLabel(p.name, 80);
    const words = p.total === null ? `Reading ${name}…` : `Saving the notes of ${name}: ${count(p.saved)} of ${count(p.total)}.`;
    return html`<div class="import-progress">
      <progress
        role="progressbar"
        aria-label=${`Importing ${name}`}
        aria-valuetext=${words}
        max=${p.total ?? nothing}
        value=${p.total === null ? nothing : p.saved}
      ></progress>
      <span class="import-words">${words}</span>
      <button type="button" class="import-cancel" ?disabled=${p.total === null} @click=${() => emit(this, 'import-cancel', {})}>Cancel</button>
    </div>`;
  }

  private exportChosen(): void {
    const layerIds = [...this.querySelectorAll<HTMLInputElement>('input.layer-check')].filter((i) => i.checked).map((i) => i.dataset.layer!);
    // Nothing checked means nothing to export, never "everything".
    if (!layerIds.length) {
      this.status = NOTHING_TO_EXPORT;
      return;
    }
    emit(this, 'export-request', { layerIds });
  }

  private async onFile(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    // Refused before reading: a file over the limit is never read into memory or parsed.
    const tooBig = fileSizeProblem(file.name, file.size);
    if (tooBig) {
      input.value = '';
      this.status = tooBig;
      return;
    }
    const text = await file.text();
    input.value = '';
    emit(this, 'import-file', { name: file.name, text });
  }

}

declare global {
  interface HTMLElementTagNameMap {
    'layers-panel': LayersPanel;
  }
}
