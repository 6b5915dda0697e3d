/**
 * "Works cited": for each open text, the works it cites (read from its notes
 * list, its bibliography and its author–year citations), each with the
 * places that cite it; choosing a place shows it in the text. Also: export of
 * a text's works as BibTeX, RIS or CSL-JSON, a BibTeX copy of one work, the
 * author–year citations that match no entry, and "Copy citation" for the
 * passage selected in a text.
 *
 * A text is read only while the panel is shown (`hidden` is a reactive
 * property: the side panel sets it), and once per parse. Every value from a
 * text is rendered as text, never as markup; links go through `safeHref`.
 *
 * @fires works-activate - `{ docId, from, to }` a citing place or an entry was chosen: show it in its text
 * @fires works-copied - `{ text }` a citation or BibTeX entry was put on the clipboard
 */
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { displayLabel, safeHref } from '../annotations/sanitize.ts';
import type { DocumentEntry } from '../document/manifest.ts';
import type { ParsedText } from '../document/structure.ts';
import { exportReferences, REFERENCE_FORMATS, textCitations, toBibtex, withCitationKeys, workName, type CslItem, type ReferenceFormat, type TextCitations, type TextWork } from '../analysis/references/index.ts';
import { passageCitation } from '../app/passage-citation.ts';
import { writeUrlState } from '../app/url-state.ts';
import { smallButtonStyles } from './styles/controls.ts';
import { emit } from './events.ts';
import { panelStyles } from './styles/panel.ts';

/** One open text as the panel needs it. */
export interface WorksText {
  readonly id: string;
  readonly entry: Pick<DocumentEntry, 'title' | 'author' | 'publisher' | 'label' | 'iri'>;
  /** Read lazily: the panel asks for the parse only while it is shown. */
  readonly parsed: () => ParsedText;
}

/** The detail of `works-activate`: a span of a text, in source code units. */
export interface WorksActivateDetail {
  readonly docId: string;
  readonly from: number;
  readonly to: number;
}

/** The panel's view of a session's documents, the same array for the same documents (so the reader's re-renders cost nothing here). */
const textLists = new WeakMap<readonly object[], readonly WorksText[]>();
export function worksTextsOf(documents: readonly { readonly entry: DocumentEntry; readonly parsed: ParsedText }[]): readonly WorksText[] {
  let list = textLists.get(documents);
  if (!list) textLists.set(documents, (list = documents.map((d) => ({ id: d.entry.id, entry: d.entry, parsed: () => d.parsed }))));
  return list;
}

const FORMATS: readonly ReferenceFormat[] = ['bibtex', 'ris', 'csl-json'];
/** Longest citing-place label shown on a button. */
const PLACE_CHARS = 40;

/** Each parse's reading, kept as long as the parse lives. */
const readings = new WeakMap<ParsedText, TextCitations>();
function readingOf(parsed: ParsedText): TextCitations {
  let r = readings.get(parsed);
  if (!r) readings.set(parsed, (r = textCitations(parsed)));
  return r;
}

@customElement('works-panel')
export class WorksPanel extends LitElement {
  static override styles = [
    panelStyles,
    smallButtonStyles,
    css`
      :host {
        display: block;
        padding: 0.5rem 0.75rem;
        font: 0.85rem/1.45 var(--font-ui);
      }
      :host([hidden]) {
        display: none;
      }
      h3 {
        font-size: 0.9rem;
        margin: 0.75rem 0 0.25rem;
      }
      h4 {
        font-size: 0.82rem;
        margin: 0.6rem 0 0.2rem;
      }
      .count,
      .muted {
        font-weight: normal;
      }
      .count {
        color: var(--muted);
      }
      .bar {
        display: flex;
        flex-wrap: wrap;
        gap: 0.3rem;
        align-items: center;
        margin: 0.2rem 0;
      }
      ol,
      ul {
        margin: 0.2rem 0;
        padding-left: 1.3rem;
      }
      li {
        margin: 0.35rem 0;
      }
      .title {
        font-style: italic;
      }
      a {
        color: var(--accent);
      }
      .places button {
        font-size: 0.75rem;
        padding: 0 0.35rem;
        margin: 0.1rem 0.15rem 0 0;
      }
      [role='status'] {
        color: var(--muted);
        font-size: 0.78rem;
      }
      @media print {
        .bar,
        .places button.copy {
          display: none;
        }
      }
    `,
  ];

  /** The open texts, in the reader's order. */
  @property({ attribute: false }) texts: readonly WorksText[] = [];
  /** The passage selected in a text (source code units), or null. */
  @property({ attribute: false }) selection: { readonly docId: string; readonly from: number; readonly to: number } | null = null;
  /**
   * Hidden until shown, and while another tab is shown: then no text is read
   * (the side panel sets it; used on its own, set it to false).
   */
  @property({ type: Boolean, reflect: true }) override hidden = true;

  /** What the last copy or export did, for the status line. */
  @state() private status = '';

  override render() {
    if (this.hidden) return nothing;
    const sel = this.selection;
    return html`
      <div class="bar">
        <button class="copy-citation" ?disabled=${!sel} @click=${this.onCopyCitation} title=${sel ? 'Copy a citation of the selected passage' : 'Select a passage in a text first'}>
          Copy citation of the selected passage
        </button>
      </div>
      <p role="status" aria-live="polite">${this.status}</p>
      ${this.texts.map((t) => this.renderText(t))}
    `;
  }

  private renderText(t: WorksText) {
    const reading = readingOf(t.parsed());
    const label = displayLabel(t.entry.title ?? t.entry.label);
    const headingId = `works-${t.id}`;
    const cited = reading.works.filter((w) => w.places.length > 0).length;
    return html`<section aria-labelledby=${headingId} data-doc=${t.id}>
      <h3 id=${headingId}>${label} <span class="count">${reading.works.length} ${reading.works.length === 1 ? 'work' : 'works'}, ${cited} cited in the text</span></h3>
      ${reading.works.length === 0
        ? html`<p class="muted">No reference entries were found in this text.</p>`
        : html`<div class="bar" role="group" aria-label=${`Export the works of ${label}`}>
              <span class="muted">Export:</span>
              ${FORMATS.map((f) => html`<button class="export" data-format=${f} @click=${() => this.onExport(t, reading, f)}>${REFERENCE_FORMATS[f].label}</button>`)}
            </div>
            <ol class="works" aria-label=${`Works cited in ${label}`}>
              ${reading.works.map((w) => this.renderWork(t, w))}
            </ol>`}
      ${reading.unresolved.length > 0
        ? html`<h4>Citations matching no entry <span class="count">${reading.unresolved.length}</span></h4>
            <ul class="unresolved" aria-label=${`Citations in ${label} matching no entry`}>
              ${reading.unresolved.map(
                (u) => html`<li class="places">
                  <button @click=${() => this.activate(t.id, u.citation.from, u.citation.to)} aria-label=${`Go to the citation ${u.citation.authors} ${u.citation.year ?? 'n.d.'}, which matches no entry`}>
                    ${this.snippet(t, u.citation.from, u.citation.to)}
                  </button>
                </li>`,
              )}
            </ul>`
        : nothing}
    </section>`;
  }

  private renderWork(t: WorksText, w: TextWork) {
    const item = w.item;
    const name = workName(item);
    const who = (item.author ?? []).map((a) => a.family ?? a.literal).filter(Boolean).join(', ');
    const year = item.issued?.['date-parts'][0]?.[0];
    const href = safeHref(item.URL ?? (item.DOI ? `https://doi.org/${item.DOI}` : undefined));
    const title = item.title ?? item.DOI ?? item.ISBN ?? item.URL ?? 'Untitled entry';
    const entry = w.entries[0]!;
    return html`<li data-work=${w.id}>
      <span class="name">${who ? html`${who}${year !== undefined ? ` (${year})` : ''}. ` : year !== undefined ? `(${year}) ` : ''}${href
          ? html`<a class="title" href=${href} target="_blank" rel="noopener noreferrer">${title}</a>`
          : html`<span class="title">${title}</span>`}${item['container-title'] ? html`. ${item['container-title']}` : nothing}</span>
      <div class="places">
        ${w.places.length === 0
          ? html`<span class="muted">Not cited in the text.</span>`
          : html`<span class="muted">Cited at</span>
              ${w.places.map(
                (p, i) => html`<button class="place" data-kind=${p.kind} @click=${() => this.activate(t.id, p.from, p.to)} aria-label=${`Go to citing place ${i + 1} of ${w.places.length} of ${name}`}>
                  ${this.snippet(t, p.from, p.to)}
                </button>`,
              )}`}
        <button class="entry" @click=${() => this.activate(t.id, entry.span.from, entry.span.to)} aria-label=${`Go to the reference entry of ${name}`}>Entry</button>
        <button class="copy" @click=${() => this.onCopyBibtex(item)} aria-label=${`Copy ${name} as BibTeX`}>Copy BibTeX</button>
      </div>
    </li>`;
  }

  private snippet(t: WorksText, from: number, to: number): string {
    return displayLabel(t.parsed().source.slice(from, to).replace(/\s+/gu, ' '), PLACE_CHARS);
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('selection') && changed.get('selection') !== undefined) this.status = '';
  }

  private activate(docId: string, from: number, to: number): void {
    emit(this, 'works-activate', { docId, from, to });
  }

  private onExport(t: WorksText, reading: TextCitations, format: ReferenceFormat): void {
    const items: CslItem[] = withCitationKeys(reading.works.map((w) => w.item));
    const spec = REFERENCE_FORMATS[format];
    const file = `${t.id}-works.${spec.extension}`;
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([exportReferences(items, format)], { type: spec.mediaType }));
    a.download = file;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
    this.status = `${items.length} ${items.length === 1 ? 'work' : 'works'} exported as ${spec.label} (${file}).`;
  }

  private async onCopyBibtex(item: CslItem): Promise<void> {
    await this.copy(toBibtex(withCitationKeys([item])[0]!), 'BibTeX entry');
  }

  private readonly onCopyCitation = async (): Promise<void> => {
    const sel = this.selection;
    const t = sel && this.texts.find((x) => x.id === sel.docId);
    if (!sel || !t) return;
    const link = `${location.origin}${location.pathname}${writeUrlState({ doc: sel.docId, at: { from: sel.from, to: sel.to } })}`;
    await this.copy(passageCitation(t.entry, t.parsed(), sel.from, sel.to, link), 'Citation of the passage');
  };

  private async copy(text: string, what: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
      this.status = `${what} copied.`;
      emit(this, 'works-copied', { text });
    } catch {
      // The clipboard may be refused (no permission, an insecure page): say so rather than fail silently.
      this.status = `The browser refused the clipboard; the ${what.toLowerCase()} was not copied.`;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'works-panel': WorksPanel;
  }
}
