/**
 * The reader: the texts the reader chose side by side (one to three; one at a
 * time with a switch on narrow screens; the others in the document list), a
 * toolbar, and the side panel of lists (flags, claims, notes, search, layers).
 * It loads the manifest, the documents and the annotation session, and
 * coordinates the views through DOM events.
 */
import { LitElement, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { readManifest, type DocumentEntry } from '../document/manifest.ts';
import { loadDocument, type DocumentLoad, type LoadedDocument } from '../document/load.ts';
import { adoptDocumentStyles } from './styles/adopt.ts';
import { themeStyles } from './styles/theme.ts';
import { panelStyles, readerStyles } from './styles/reader.ts';
import { printStyles } from './styles/print.ts';
import { appStyles } from './styles/app.ts';
import { Session, SaveFailedError, EditConflictError, type NoteEditBase } from '../app/session.ts';
import { loadShippedLayers } from '../app/shipped-layers.ts';
import { markPhase } from '../app/phases.ts';
import { noteWords } from '../app/own-annotations.ts';
import { KIND_LABELS, type AnnotationKind, type Entry } from '../app/workspace.ts';
import { readUrlState, updateUrlHash, type UrlChange, type UrlState } from '../app/url-state.ts';
import { paintSearchHits, clearSearchHits } from '../search/highlight.ts';
import type { ReaderView } from './reader-view.ts';
import type { DrawnSpan } from './reader/highlights.ts';
import { tagLabel } from './labels.ts';
import { displayLabel } from '../annotations/sanitize.ts';
import type { AnnotationCard } from './annotation-card.ts';
import type { NoteEditor } from './note-editor.ts';
import type { SidePanel } from './side-panel.ts';
import './reader-view.ts';
import './side-panel.ts';
import './annotation-card.ts';
import './note-editor.ts';
import './notes-panel.ts';
import './layers-panel.ts';
import './search-panel.ts';
import './keys-help.ts';
import './flags-panel.ts';
import './claims-panel.ts';
import { worksTextsOf } from './works-panel.ts';
import './claim-connectors.ts';
import type { ClaimConnectors, Connector, ConnectorHost } from './claim-connectors.ts';
import type { TimelineText } from './timeline-panel.ts';
import { joinLinkedEvents, timelineEvents, type EventJoin, type TimelineEvent } from '../analysis/timeline/index.ts';
import './document-picker.ts';
import type { DocumentPicker, PickerText } from './document-picker.ts';
import { ColumnsController, LISTS } from './reader/columns-controller.ts';
import { ClaimsController, claimLinkFromPlaced, manualLinkFrom, selectionsWith, type ClaimLink, type RevealingView } from './claims/index.ts';
import { makeReview } from '../analysis/claims/review.ts';
import type { FlagItem } from './flags-panel.ts';
import type { ImportProgress } from './layers-panel.ts';
import { ReaderSync, type ReaderSyncOptions } from '../sync/reader-sync.ts';
import { loadElement, type OnDemandElement } from './on-demand.ts';
import type { ComparePassage } from './claim-compare.ts';
import { caretInView, dismissedSuggestions, suggestionProposal } from './claims/suggestions.ts';
import { emit, type ReaderEvent } from './events.ts';

export type Theme = 'system' | 'light' | 'dark';
const THEME_KEY = 'reader.theme';
/** Where the choice to draw connector lines is remembered ("off" when switched off). */
const CONNECTORS_KEY = 'reader.connectors';
/** How long the hover card waits before opening and after the pointer leaves (ms). */
const CARD_OPEN_DELAY = 150;
const CARD_CLOSE_DELAY = 300;

@customElement('reader-app')
export class ReaderApp extends LitElement {
  /** Where `manifest.json` and the texts are served from. */
  @property({ attribute: 'documents-base' }) documentsBase = 'documents/';
  /** Where the shipped layers (the collections the manifest names) are served from. */
  @property({ attribute: 'annotations-base' }) annotationsBase = 'annotations/';
  /** The IndexedDB database for the reader's own annotations (tests use their own). */
  @property({ attribute: 'store-name' }) storeName = '';
  /** How long to wait for the browser's storage to open, in ms (0: the session's default). Tests shorten it. */
  @property({ attribute: 'store-open-timeout', type: Number }) storeOpenTimeout = 0;
  /** The `fetch` the annotation-server sync uses (a stand-in in tests); the browser's by default. */
  @property({ attribute: false }) serverFetch: typeof fetch | undefined = undefined;
  /** How the server link syncs by itself (tests shorten the delays or switch it off). */
  @property({ attribute: false }) serverSyncOptions: ReaderSyncOptions = {};

  @state() private entries: readonly DocumentEntry[] = [];
  @state() private loads: ReadonlyMap<string, DocumentLoad> = new Map();
  @state() private problem: string | null = null;
  @state() private theme: Theme = 'system';
  /** Whether connector lines join the two ends of each claim link across the columns (wide screens only). */
  @state() private connectorsOn = readConnectorsOn();
  @state() private session: Session | null = null;
  /** Bumped when annotations change, to redraw. */
  @state() private revision = 0;
  @state() private selection: { docId: string; from: number; to: number; text: string } | null = null;
  @state() private selections: Record<string, { from: number; to: number; text: string }> = {};
  @state() private card: { entries: Entry[]; at: { x: number; y: number }; pinned: boolean; docId?: string } | null = null;
  @state() private toast: { message: string; undo?: () => void } | null = null;
  @state() private layerStatus = '';
  /** The import under way (its progress), or null. */
  @state() private importing: ImportProgress | null = null;
  private importAbort: AbortController | null = null;
  /** The passage "Compare" is open on (C, or the toolbar button), or null. */
  @state() private comparing: ComparePassage | null = null;

  @query('note-editor') private editor!: NoteEditor;
  @query('side-panel') private sidePanel!: SidePanel;
  @query('annotation-card') private cardElement!: AnnotationCard;
  @query('document-picker') private picker!: DocumentPicker;

  /** Claim links: the current one, stepping (] [ j k), following to the partner and back. */
  /** Which texts are on screen: side by side, or one in front on narrow screens. */
  private readonly columns = new ColumnsController(this);
  private readonly claims = new ClaimsController(this, { viewFor: (id) => this.revealingView(id), followOnActivate: false });
  private claimLinks: readonly ClaimLink[] = [];
  /** Each text's dated events, read the first time the timeline is shown (reading them parses every text). */
  private timelineEvents: ReadonlyMap<string, readonly TimelineEvent[]> | null = null;
  private timelineJoins: { revision: number; joins: readonly EventJoin[] } | null = null;
  private claimLinksRevision = -1;

  /**
   * The note being written. An edit keeps the base it started from (taken
   * when the editor opened) and, after a conflict, the version saved elsewhere.
   */
  private editing:
    | { mode: 'create'; docId: string; from: number; to: number }
    | { mode: 'edit'; id: string; base: NoteEditBase; theirs: NoteEditBase | null }
    | null = null;
  private cardTimer = 0;
  private toastTimer = 0;
  private searchHits: { docId: string; from: number; to: number }[] = [];
  private searchCurrent: { docId: string; from: number; to: number } | null = null;
  private pendingUrl: UrlState = {};
  private unsubscribe: (() => void) | null = null;
  /** The link to the reader's annotation server (null until the session is open). */
  private serverSync: ReaderSync | null = null;
  private unsubscribeServer: (() => void) | null = null;

  protected override createRenderRoot(): HTMLElement {
    // Light DOM: the reader views inside must share the document's selection and styles.
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    adoptDocumentStyles(themeStyles, readerStyles, panelStyles, appStyles, printStyles);
    this.theme = readTheme();
    applyTheme(this.theme);
    this.pendingUrl = readUrlState(location.hash);
    document.addEventListener('keydown', this.onGlobalKey);
    window.addEventListener('hashchange', this.onHashChange);
    void this.loadAll();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('keydown', this.onGlobalKey);
    window.removeEventListener('hashchange', this.onHashChange);
    this.unsubscribe?.();
    this.unsubscribeServer?.();
    this.serverSync?.disconnect();
    this.session?.close();
    clearTimeout(this.cardTimer);
    clearTimeout(this.toastTimer);
  }

  /** The annotation session, once documents and layers are loaded. */
  get annotationSession(): Session | null {
    return this.session;
  }

  protected override willUpdate(): void {
    if (this.session && this.claimLinksRevision !== this.revision) {
      this.claimLinksRevision = this.revision;
      const sourceOf = (docId: string) => this.session?.documents.find((d) => d.entry.id === docId)?.source ?? null;
      this.claimLinks = this.session
        .entriesOf('claim')
        .map((e) => claimLinkFromPlaced({ annotation: e.annotation, placed: e.placed, status: e.status }, sourceOf))
        .filter((l): l is ClaimLink => l !== null);
      this.claims.setLinks(this.claimLinks);
    }
  }

  override render() {
    const session = this.session;
    const sel = this.selection;
    return html`
      <header class="toolbar" role="banner">
        <h1>Chile and the Soviet bloc — annotated reader</h1>
        ${this.renderSwitch()}
        <document-picker
          .texts=${this.pickerTexts()}
          .chosen=${this.columns.narrow && typeof this.columns.front === 'string' ? [this.columns.front] : this.columns.chosen}
          ?single=${this.columns.narrow}
          @columns-change=${this.onColumnsChange}
          @text-show=${(e: ReaderEvent<'text-show'>) => this.showText(e.detail.id)}
        ></document-picker>
        ${this.columns.listsDocked
          ? nothing
          : html`<button
              class="action lists-toggle"
              aria-expanded=${String(this.columns.listsOpen)}
              aria-controls="lists"
              @click=${() => this.columns.setListsOpen(!this.columns.listsOpen)}
            >
              Lists
            </button>`}
        <button
          class="action annotate"
          ?disabled=${!sel}
          title=${sel ? 'Write a note on the selected passage (A)' : 'Select a passage in a text first'}
          @click=${() => this.openEditorForSelection()}
        >
          Annotate selection
        </button>
        <button class="action compare" title="What do the other texts say here? (C): the selection, or the sentence at the caret" @click=${() => this.openCompare()}>Compare</button>
        ${session ? this.renderStorageStatus(session) : nothing}
        <keys-help></keys-help>
        <label class="theme"
          ><span class="theme-label">Theme</span>
          <select @change=${this.onTheme} .value=${this.theme} aria-label="Colour theme">
            <option value="system">System</option>
            <option value="light">Light</option>
            <option value="dark">Dark</option>
          </select>
        </label>
      </header>
      ${this.problem ? html`<p class="problem" role="alert">${this.problem}</p>` : nothing}
      ${session && this.connectorsOn && !this.columns.narrow
        ? html`<claim-connectors .links=${this.connectorLinks(session)} .host=${this.connectorHost}></claim-connectors>`
        : nothing}
      <main
        class=${this.columns.narrow ? 'stacked' : `cols-${this.columns.rendered.length} ${this.columns.listsDocked ? 'lists-docked' : 'lists-over'}`}
        @reader-selection=${this.onSelection}
        @annotation-hover=${this.onHover}
        @annotation-activate=${this.onActivate}
        @reader-updated=${this.onReaderUpdated}
      >
        ${this.renderedEntries().map(
          (e) => html`<reader-view
            data-doc=${e.id}
            class=${!this.columns.narrow || this.columns.front === e.id ? 'shown' : 'hidden-narrow'}
            .load=${this.loads.get(e.id) ?? null}
            .spans=${session && this.revision >= 0 ? this.spansFor(e.id) : []}
            @span-marker=${(ev: ReaderEvent<'span-marker'>) => this.claims.follow(ev.detail.id, e.id)}
          ></reader-view>`,
        )}
        <side-panel
          id="lists"
          class=${this.sidePanelClass()}
          aria-label="Lists"
          @keydown=${this.onListsKey}
          @tab-change=${this.onTabChange}
          >${this.renderPanels()}</side-panel
        >
      </main>
      <annotation-card
        ?hidden=${!this.card}
        .entries=${this.card?.entries ?? []}
        .at=${this.card?.at ?? { x: 0, y: 0 }}
        @mouseenter=${() => clearTimeout(this.cardTimer)}
        @mouseleave=${() => this.closeCardSoon()}
        @card-action=${this.onCardAction}
        @card-close=${() => (this.card = null)}
      ></annotation-card>
      ${this.comparing && session ? this.renderCompare(session) : nothing}
      <note-editor
        @note-save=${this.onNoteSave}
        @note-conflict-choice=${this.onConflictChoice}
        @note-cancel=${() => (this.editing = null)}
      ></note-editor>
      ${this.toast
        ? html`<div class="toast" role="status" aria-live="polite">
            <span>${this.toast.message}</span>
            ${this.toast.undo ? html`<button @click=${this.toast.undo}>Undo</button>` : nothing}
          </div>`
        : nothing}
    `;
  }

  /** Narrow screens: one tab per chosen text, by its label, and one for the lists. */
  private renderSwitch() {
    const front = this.columns.front;
    return html`<div class="switch" role="tablist" aria-label="What is shown">
      ${this.columns.chosen.map((id) => {
        const e = this.entries.find((x) => x.id === id);
        return e
          ? html`<button role="tab" aria-selected=${String(front === id)} title=${displayLabel(e.title ?? e.label, 300)} @click=${() => this.columns.setFront(id)}>
              ${displayLabel(e.label)}
            </button>`
          : nothing;
      })}
      <button role="tab" aria-selected=${String(front === LISTS)} @click=${() => this.columns.setFront(LISTS)}>Lists</button>
    </div>`;
  }

  private pickerTexts(): PickerText[] {
    return this.entries.map((e) => {
      const load = this.loads.get(e.id);
      return { id: e.id, title: e.title, label: e.label, ...(load && !load.ok ? { problem: 'cannot be shown' } : {}) };
    });
  }

  /** The manifest entries of the texts rendered now, in column order. */
  private renderedEntries(): DocumentEntry[] {
    return this.columns.rendered.map((id) => this.entries.find((e) => e.id === id)).filter((e): e is DocumentEntry => !!e);
  }

  private sidePanelClass(): string {
    if (this.columns.narrow) return this.columns.front === LISTS ? 'shown' : 'hidden-narrow';
    if (this.columns.listsDocked) return 'docked';
    return this.columns.listsOpen ? 'over open' : 'over';
  }

  private readonly onListsKey = (event: KeyboardEvent): void => {
    // Lists opened over the texts close with Esc, and focus returns to their button.
    if (event.key !== 'Escape' || this.columns.listsDocked || !this.columns.listsOpen || this.card) return;
    this.columns.setListsOpen(false);
    void this.updateComplete.then(() => this.querySelector<HTMLButtonElement>('.lists-toggle')?.focus());
  };

  /** The reader chose the texts side by side in the document list. */
  private onColumnsChange(event: ReaderEvent<'columns-change'>): void {
    this.columns.choose(event.detail.ids);
    this.writeUrl({ texts: this.columns.chosen });
  }

  /** The reader asked for a text (document list, narrow screens): shows it and remembers the choice. */
  private showText(id: string): void {
    if (this.columns.show(id)) this.writeUrl({ texts: this.columns.chosen });
  }

  /** Where the reader's notes are kept, said plainly, with an export whenever some are not stored. */
  private renderStorageStatus(session: Session) {
    const unsaved = session.unsavedCount;
    const text =
      session.storageState === 'not-answering'
        ? 'Storage not answering: notes last this visit only'
        : session.storageState === 'unavailable'
          ? 'Storage unavailable: notes last this visit only'
          : unsaved
            ? `${unsaved} ${unsaved === 1 ? 'note is' : 'notes are'} not saved (storage refused): export to keep a copy`
            : 'Notes are saved in this browser';
    const warn = !session.durable || unsaved > 0;
    return html`<span class=${`storage ${warn ? 'warn' : ''}`} role="status">${text}</span>
      ${warn ? html`<button class="action export-notes" @click=${() => this.downloadLayers(['own'])}>Export notes</button>` : nothing}`;
  }

  private renderPanels() {
    const session = this.session;
    if (!session) return html`<p data-tab="loading" data-label="Loading">Loading annotations…</p>`;
    const ws = session.workspace;
    const notes = session.entriesOf('note').filter((e) => (e.layerId === 'own' || e.annotation.creator?.type === 'Person') && !e.layerId.startsWith('shared:'));
    const docLabels = Object.fromEntries(this.entries.map((e) => [e.id, e.title ?? e.label]));
    const kinds: AnnotationKind[] = ['flag', 'footnote', 'claim', 'note'];
    const all = ws.all();
    const flags: FlagItem[] = session
      .entriesOf('flag')
      .filter((e) => e.status !== 'dismissed' && e.placed.length > 0)
      .map((e) => {
        const p = e.placed[0]!;
        return {
          id: e.annotation.id,
          docId: p.docId,
          docLabel: docLabels[p.docId] ?? p.docId,
          tag: e.subtype ?? 'flag',
          description: e.description ?? '',
          quote: this.sourceText(p.docId, p.from, p.to),
          from: p.from,
          to: p.to,
          ...(typeof e.annotation['reader:confidence'] === 'number' ? { confidence: e.annotation['reader:confidence'] } : {}),
        };
      });
    const reviews = session.entriesOf('review').filter((e) => e.layerId === 'own');
    const claimCount = this.claimLinks.filter((l) => l.status !== 'dismissed').length;
    return html`

      <flags-panel
        data-tab="flags"
        data-label="Flags"
        data-count=${String(flags.length)}
        .items=${flags}
        @flag-activate=${(e: ReaderEvent<'flag-activate'>) => void this.reveal(e.detail.docId, e.detail.from, e.detail.to, { focus: false })}
      ></flags-panel>
      <claims-panel
        data-tab="claims"
        data-label="Claims"
        data-count=${String(claimCount)}
        .links=${this.claimLinks}
        .documents=${this.entries.map((e) => ({ id: e.id, label: e.title ?? e.label }))}
        .selections=${this.selections}
        .current=${this.claims.current}
        .canGoBack=${this.claims.canGoBack}
        @claim-review=${this.onClaimReview}
        @claim-manual=${this.onClaimManual}
        @claim-remove=${(e: ReaderEvent<'claim-remove'>) => void this.deleteWithUndo(e.detail.id, 'Link removed.')}
      ></claims-panel>
      <timeline-panel
        data-tab="timeline"
        data-label="Timeline"
        .texts=${this.timelineTexts(session)}
        .joins=${this.timelineJoinsNow()}
        @timeline-activate=${(e: ReaderEvent<'timeline-activate'>) => void this.reveal(e.detail.docId, e.detail.from, e.detail.to, { focus: false })}
      ></timeline-panel>
      <works-panel
        data-tab="works"
        data-label="Works cited"
        .texts=${worksTextsOf(session.documents)}
        .selection=${this.selection}
        @works-activate=${(e: ReaderEvent<'works-activate'>) => void this.reveal(e.detail.docId, e.detail.from, e.detail.to, { focus: false })}
      ></works-panel>
      <search-panel
        data-tab="search"
        data-label="Search"
        .engine=${session.search}
        .documents=${this.entries.map((e) => ({ id: e.id, label: e.title ?? e.label }))}
        .query=${this.pendingUrl.query ?? ''}
        @search-results=${this.onSearchResults}
        @search-activate=${this.onSearchActivate}
      ></search-panel>
      <notes-panel
        data-tab="notes"
        data-label="Notes"
        data-count=${String(notes.length + ws.orphans().length)}
        .notes=${notes}
        .decisions=${reviews}
        .orphans=${ws.orphans()}
        .canReattach=${!!this.selection}
        .docLabels=${docLabels}
        @note-activate-item=${(e: ReaderEvent<'note-activate-item'>) => void this.showAnnotation(e.detail.id)}
        @card-action=${this.onCardAction}
        @orphan-reattach=${this.onReattach}
      ></notes-panel>
      <layers-panel
        data-tab="layers"
        data-label="Layers"
        .layers=${ws.allLayers().map((l) => ({ id: l.id, label: l.label, origin: l.origin, count: l.annotations.length, visible: ws.isLayerVisible(l.id) }))}
        .kinds=${kinds.map((k) => ({ kind: k, label: KIND_LABELS[k], visible: ws.isKindVisible(k), count: all.filter((e) => e.kind === k).length }))}
        .problems=${session.problems}
        .status=${this.layerStatus}
        .connectors=${this.columns.narrow ? null : this.connectorsOn}
        @connectors-toggle=${(e: ReaderEvent<'connectors-toggle'>) => this.setConnectors(e.detail.visible)}
        @layer-toggle=${(e: ReaderEvent<'layer-toggle'>) => this.redraw(() => ws.setLayerVisible(e.detail.id, e.detail.visible))}
        @kind-toggle=${(e: ReaderEvent<'kind-toggle'>) => this.redraw(() => ws.setKindVisible(e.detail.kind, e.detail.visible))}
        @export-request=${this.onExport}
        @export-hypothesis=${this.downloadHypothesis}
        .importing=${this.importing}
        @import-file=${this.onImport}
        @import-cancel=${() => this.importAbort?.abort()}
        .sync=${this.serverSync}
      ></layers-panel>
    `;
  }

  /** The timeline's texts: empty until the timeline is first shown, so that loading never parses texts for it. */
  private timelineTexts(session: Session): TimelineText[] {
    const events = this.timelineEvents;
    if (!events) return [];
    return session.documents.map((d) => ({ id: d.entry.id, label: d.entry.title ?? d.entry.label, events: events.get(d.entry.id) ?? [] }));
  }

  /** The claim links' joins between dated events, recomputed when the annotations change. */
  private timelineJoinsNow(): readonly EventJoin[] {
    const events = this.timelineEvents;
    if (!events) return [];
    if (this.timelineJoins?.revision !== this.revision) {
      const texts = [...events].map(([docId, list]) => ({ docId, events: list }));
      const links = this.claimLinks.map((l) => ({ id: l.id, relation: l.relation, dismissed: l.status === 'dismissed', ends: l.ends }));
      this.timelineJoins = { revision: this.revision, joins: joinLinkedEvents(texts, links) };
    }
    return this.timelineJoins.joins;
  }

  private onTabChange = (event: ReaderEvent<'tab-change'>): void => {
    if (event.detail.tab !== 'timeline' || this.timelineEvents || !this.session) return;
    this.loadOnDemand('timeline-panel');
    this.timelineEvents = new Map(this.session.documents.map((d) => [d.entry.id, timelineEvents(d.parsed)]));
    this.requestUpdate();
  };

  /** The claim links the connector lines join: those not dismissed, while claim links are shown at all. */
  private connectorLinks(session: Session): Connector[] {
    if (!session.workspace.isKindVisible('claim')) return [];
    return this.claimLinks.filter((l) => l.status !== 'dismissed').map((l) => ({ id: l.id, relation: l.relation, ends: l.ends }));
  }

  /** The connector lines' DOM ranges, by text and passage; cleared whenever a text is redrawn. */
  private readonly connectorRanges = new Map<string, Range>();

  /** Where the columns and passages are, for the connector lines. */
  private readonly connectorHost: ConnectorHost = {
    // The box the text scrolls in: a line leaves the left text at its edge, crosses the margin bar and the gutter,
    // and meets the right text at its edge (the gutter alone is too narrow to read a curve in).
    columnRect: (docId) => (this.columns.isVisible(docId) ? (this.viewFor(docId)?.querySelector('.reader-scroll')?.getBoundingClientRect() ?? null) : null),
    passageRect: (docId, end) => {
      // A DOM range follows its text while the reader scrolls; it is made again only after the text is redrawn.
      const key = `${docId}\u0000${end.from}\u0000${end.to}`;
      let range = this.connectorRanges.get(key);
      // A range whose text node was replaced collapses (DOM ranges move to the removed node's parent).
      if (!range || (range.collapsed && end.to > end.from)) {
        range = this.viewFor(docId)?.sourceRangeToDOMRange(end.from, end.to) ?? undefined;
        if (!range) return null;
        this.connectorRanges.set(key, range);
      }
      const rect = range.getBoundingClientRect();
      if (rect.width || rect.height) return rect;
      // A passage in a section the browser has not laid out (content-visibility) has no box of its own: its section's box says where it is.
      const node = range.startContainer;
      const section = (node instanceof Element ? node : node.parentElement)?.closest('section, p, li, h3');
      return section?.getBoundingClientRect() ?? null;
    },
  };

  private setConnectors(on: boolean): void {
    this.connectorsOn = on;
    try {
      localStorage.setItem(CONNECTORS_KEY, on ? 'on' : 'off');
    } catch {
      // A refused localStorage only means the choice is not remembered.
    }
  }

  private readonly onReaderUpdated = (): void => {
    this.connectorRanges.clear();
    this.repaintSearch();
    this.querySelector<ClaimConnectors>('claim-connectors')?.measure();
  };

  /** What a view draws: every visible annotation, with a marker button on each claim link. */
  private spansFor(docId: string): DrawnSpan[] {
    const session = this.session;
    if (!session) return [];
    return session.workspace.spansFor(docId).map((span) => {
      const link = span.className.includes('hl-claim') ? this.claimLinks.find((l) => l.id === span.id) : undefined;
      if (!link) return span;
      const partner = this.entries.find((e) => e.id !== docId && link.ends.some((end) => end.docId === e.id));
      return { ...span, marker: `${tagLabel(link.relation)}: go to the passage in ${partner?.title ?? partner?.label ?? 'the other text'}` };
    });
  }

  /** The view showing document `id`, if any. */
  viewFor(id: string): ReaderView | null {
    return this.querySelector(`reader-view[data-doc="${CSS.escape(id)}"]`);
  }

  private views(): ReaderView[] {
    return [...this.querySelectorAll('reader-view')] as ReaderView[];
  }

  private async loadAll(): Promise<void> {
    const base = new URL(this.documentsBase, document.baseURI);
    let searchIndex: URL | undefined;
    let layerFiles: readonly string[];
    try {
      const response = await fetch(new URL('manifest.json', base));
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const manifest = readManifest(await response.json());
      this.entries = manifest.documents;
      this.columns.setTexts(
        manifest.documents.map((d) => d.id),
        this.pendingUrl.texts,
      );
      if (manifest.searchIndex) searchIndex = new URL(manifest.searchIndex, base);
      layerFiles = manifest.layers;
      markPhase('manifest');
    } catch (error) {
      this.problem = `documents/manifest.json could not be read: ${(error as Error).message}`;
      return;
    }
    const annotationsBase = new URL(this.annotationsBase, document.baseURI);
    // The layers are fetched beside the texts, not after them: one round trip less before the first annotated paint.
    const shippedLayers = loadShippedLayers(annotationsBase, layerFiles);
    const loads = await Promise.all(this.entries.map((entry) => loadDocument(entry, base)));
    this.loads = new Map(loads.map((l, i) => [this.entries[i]!.id, l]));
    markPhase('texts');
    const docs = loads.filter((l): l is { ok: true; document: LoadedDocument } => l.ok).map((l) => l.document);
    this.session = await Session.open(docs, {
      annotationsBase,
      layerFiles,
      shippedLayers,
      ...(this.storeName ? { storeName: this.storeName } : {}),
      ...(searchIndex ? { searchIndex } : {}),
      ...(this.storeOpenTimeout > 0 ? { storeOpenTimeoutMs: this.storeOpenTimeout } : {}),
    });
    this.unsubscribe = this.session.subscribe(() => {
      this.revision++;
      this.warnIfEditedElsewhere();
      // Annotation bodies are searchable: a change may change the results.
      this.querySelector('search-panel')?.searchAgain();
    });
    const webStorage = localStorageOrNull();
    if (webStorage) {
      this.serverSync = new ReaderSync(this.session, webStorage, this.serverFetch, this.storeName, this.serverSyncOptions);
      this.unsubscribeServer = this.serverSync.onChange(() => this.revision++);
      await this.serverSync.resume();
    }
    await this.updateComplete;
    this.sidePanel?.refresh();
    this.applyUrlState(this.pendingUrl);
    markPhase('ready');
    emit(this, 'reader-ready', null);
  }

  /** Runs a change to what is drawn, then redraws. */
  private redraw(change: () => void): void {
    change();
    this.revision++;
  }

  protected override updated(): void {
    this.sidePanel?.refresh();
  }

  // ---- Deep links

  private applyUrlState(state: UrlState): void {
    if (state.texts) this.columns.choose(state.texts);
    if (state.doc) this.columns.show(state.doc);
    if (state.annotation) void this.showAnnotation(state.annotation, { remember: false });
    else if (state.doc && state.at) void this.reveal(state.doc, state.at.from, state.at.to, { remember: false });
    if (state.query) this.sidePanel?.select('search');
  }

  private readonly onHashChange = (): void => {
    this.pendingUrl = readUrlState(location.hash);
    this.applyUrlState(this.pendingUrl);
  };

  /**
   * Writes the parts of the URL state that `change` names, keeping every other
   * part: each part belongs to one action of the reader (see url-state.ts).
   */
  private writeUrl(change: UrlChange): void {
    const hash = updateUrlHash(location.hash, change);
    if (hash === location.hash) return;
    history.replaceState(history.state, '', hash || location.pathname + location.search);
  }

  /**
   * Brings a passage into view: shows its text first when it is not on screen
   * (in the last column, or in front on narrow screens: a hidden view cannot
   * scroll), then scrolls there and marks it current. A text brought on screen
   * this way is remembered in the URL only when the reader asked (`remember`).
   */
  async reveal(docId: string, from: number, to: number, options: { focus?: boolean; remember?: boolean } = {}): Promise<boolean> {
    if (!this.columns.isVisible(docId)) {
      const changed = this.columns.show(docId);
      if (changed && options.remember !== false) this.writeUrl({ texts: this.columns.chosen });
      await this.updateComplete;
      const view = this.viewFor(docId);
      if (!view) return false;
      await view.updateComplete;
    }
    return this.viewFor(docId)?.revealSource(from, to, options) ?? false;
  }

  /** Scrolls to an annotation (its first target) and opens its card. Resolves false when it is not drawn anywhere. */
  async showAnnotation(id: string, options: { remember?: boolean } = {}): Promise<boolean> {
    const entry = this.session?.workspace.get(id);
    const placed = entry?.placed[0];
    if (!entry || !placed) {
      this.showToast(entry ? 'This annotation lost its passage: see the orphans under Notes.' : `No annotation ${displayLabel(id)} is loaded.`);
      return false;
    }
    await this.reveal(placed.docId, placed.from, placed.to, { focus: true, ...options });
    this.writeUrl({ annotation: id });
    const range = this.viewFor(placed.docId)?.sourceRangeToDOMRange(placed.from, placed.to);
    const rect = range?.getBoundingClientRect();
    this.card = { entries: [entry], at: { x: rect?.left ?? 100, y: rect?.bottom ?? 100 }, pinned: true };
    return true;
  }

  // ---- Selection and own notes

  private onSelection(event: ReaderEvent<'reader-selection'>): void {
    const { docId, range } = event.detail;
    this.selections = selectionsWith(this.selections, docId, range) as typeof this.selections;
    if (range) {
      this.selection = { docId, ...range };
      this.writeUrl({ passage: { doc: docId, at: { from: range.from, to: range.to } } });
    } else if (this.selection?.docId === docId) {
      this.selection = null;
    }
  }

  /** Opens the note editor on the current selection. Returns false when nothing is selected. */
  openEditorForSelection(): boolean {
    const sel = this.selection;
    if (!sel) return false;
    this.editing = { mode: 'create', docId: sel.docId, from: sel.from, to: sel.to };
    void this.editor.open({ quote: sel.text, mode: 'create' });
    return true;
  }

  private async onNoteSave(event: ReaderEvent<'note-save'>): Promise<void> {
    const session = this.session;
    const editing = this.editing;
    if (!session || !editing) return;
    this.editor.saveState = { kind: 'saving' };
    try {
      let outcome: 'saved' | 'unchanged' = 'saved';
      if (editing.mode === 'create') {
        const note = await session.createNote(editing.docId, editing.from, editing.to, event.detail.comment, event.detail.tags);
        this.writeUrl({ annotation: note.id });
      } else {
        // Based on the note as it was when the editor opened: a save made elsewhere since is a conflict, never overwritten.
        outcome = await session.updateNote(editing.id, event.detail.comment, event.detail.tags, editing.base);
      }
      this.editSaved(outcome);
    } catch (error) {
      this.editSaveFailed(error);
    }
  }

  /** The reader chose in a conflict: save theirs over mine knowingly, or drop the edit. */
  private async onConflictChoice(event: ReaderEvent<'note-conflict-choice'>): Promise<void> {
    const session = this.session;
    const editing = this.editing;
    if (!session || editing?.mode !== 'edit' || !editing.theirs) return;
    const detail = event.detail;
    if (detail.choice === 'theirs') {
      this.editor.close();
      this.editing = null;
      this.showToast(editing.theirs.deleted ? 'Your edit was discarded; the note stays deleted.' : 'Your edit was discarded; the version from the other tab is kept.');
      return;
    }
    this.editor.saveState = { kind: 'saving' };
    try {
      this.editSaved(await session.updateNote(editing.id, detail.comment, detail.tags, editing.theirs));
    } catch (error) {
      this.editSaveFailed(error);
    }
  }

  /** Only now, with the note durable, does the interface say so. */
  private editSaved(outcome: 'saved' | 'unchanged'): void {
    this.editor.close();
    this.editing = null;
    if (outcome === 'unchanged') this.showToast('Nothing changed, so nothing was saved.');
    else this.showToast(this.session?.durable ? 'Saved.' : 'Kept for this visit (storage unavailable): export to keep a copy.');
  }

  private editSaveFailed(error: unknown): void {
    const editing = this.editing;
    if (error instanceof EditConflictError && editing?.mode === 'edit') {
      // Nothing was saved; both versions are shown until the reader chooses.
      editing.theirs = error.theirs;
      this.editor.conflict = { ...noteWords(error.theirs.annotation), deleted: error.theirs.deleted };
      this.editor.saveState = { kind: 'idle' };
      return;
    }
    this.editor.saveState = { kind: 'error', message: error instanceof SaveFailedError ? error.message : `Not saved: ${(error as Error).message}` };
  }

  /** While an edit is open, says so when the note changes elsewhere: saving will then show both versions. */
  private warnIfEditedElsewhere(): void {
    const editing = this.editing;
    if (editing?.mode !== 'edit' || !this.editor.opened || this.editor.conflict) return;
    const now = this.session?.beginEdit(editing.id);
    if (now?.revision !== editing.base.revision) {
      this.editor.notice = `This note was ${now ? 'changed' : 'deleted'} in another tab after you opened it. Saving will show both versions so you can choose.`;
    }
  }

  private async onCardAction(event: ReaderEvent<'card-action'>): Promise<void> {
    const session = this.session;
    if (!session) return;
    const { action, id } = event.detail;
    const entry = session.workspace.get(id);
    try {
      if (action === 'edit' && entry) {
        // The base revision is taken now, as the editor opens, not when it saves.
        const base = session.beginEdit(id);
        if (!base) throw new SaveFailedError('This note no longer exists (it may have been deleted in another tab).');
        this.editing = { mode: 'edit', id, base, theirs: null };
        this.card = null;
        const quote = entry.placed[0] ? this.sourceText(entry.placed[0].docId, entry.placed[0].from, entry.placed[0].to) : '';
        await this.editor.open({ ...noteWords(base.annotation), quote, mode: 'edit' });
      } else if (action === 'delete') {
        this.card = null;
        await this.deleteWithUndo(id, 'Deleted.');
      } else if (action === 'partner' && entry) {
        const from = this.card?.docId ?? entry.placed[0]?.docId;
        this.card = null;
        if (from) this.claims.follow(id, from);
      } else if (action === 'accept' || action === 'dismiss') {
        await session.review(id, action === 'accept' ? 'accepted' : 'dismissed');
        this.card = null;
        this.showToast(action === 'accept' ? 'Accepted.' : 'Dismissed. It stays dismissed; find it under Layers › Reviews to restore.');
      }
    } catch (error) {
      this.showToast((error as Error).message);
    }
  }

  /** Deletes one of the reader's own annotations, offering an undo. */
  private async deleteWithUndo(id: string, message: string): Promise<void> {
    try {
      await this.session?.deleteNote(id);
      this.showToast(message, () => void this.undoDelete(id));
    } catch (error) {
      this.showToast((error as Error).message);
    }
  }

  /** A scholar accepts or dismisses a proposal, or withdraws the decision (`proposed`). */
  private async onClaimReview(event: ReaderEvent<'claim-review'>): Promise<void> {
    const session = this.session;
    const entry = session?.workspace.get(event.detail.id);
    if (!session || !entry) return;
    try {
      if (event.detail.decision === 'proposed') {
        // Withdrawing a decision deletes the review, whose id is stable per proposal and reader.
        const reviewId = makeReview(entry.annotation, 'accepted', session.agent, { created: new Date().toISOString() }).id;
        await this.deleteWithUndo(reviewId, 'Decision withdrawn.');
      } else {
        await session.review(event.detail.id, event.detail.decision);
        this.showToast(event.detail.decision === 'accepted' ? 'Accepted.' : 'Dismissed: it stays dismissed, also when the analysis is run again.');
      }
    } catch (error) {
      this.showToast((error as Error).message);
    }
  }

  private async onClaimManual(event: ReaderEvent<'claim-manual'>): Promise<void> {
    const session = this.session;
    if (!session) return;
    const documentOf = (docId: string) => {
      const d = session.documents.find((x) => x.entry.id === docId);
      return d ? { iri: d.entry.iri, source: d.source } : null;
    };
    const result = manualLinkFrom(event.detail, documentOf, session.agent);
    if (!result.ok) {
      this.showToast(result.problem);
      return;
    }
    try {
      await session.save(result.annotation);
      this.showToast('Link saved.');
    } catch (error) {
      this.showToast((error as Error).message);
    }
  }

  /**
   * A view as the claims controller uses it: on narrow screens a reveal that
   * moves focus first brings its text to the front (a hidden view cannot scroll).
   */
  private revealingView(docId: string): RevealingView | null {
    const view = this.viewFor(docId);
    if (!view) {
      // A text not on screen is brought there first (asynchronously).
      if (!this.entries.some((e) => e.id === docId)) return null;
      return {
        revealSource: (from: number, to?: number, options: { focus?: boolean } = {}) => {
          void this.reveal(docId, from, to ?? from, options);
          return true;
        },
      };
    }
    return {
      revealSource: (from: number, to?: number, options: { focus?: boolean } = {}) => {
        if (options.focus && this.columns.narrow) {
          void this.reveal(docId, from, to ?? from, options);
          return true;
        }
        return view.revealSource(from, to, options);
      },
    };
  }

  private async undoDelete(id: string): Promise<void> {
    try {
      await this.session?.undoDelete(id);
      this.showToast('Note restored.');
    } catch (error) {
      this.showToast((error as Error).message);
    }
  }

  private async onReattach(event: ReaderEvent<'orphan-reattach'>): Promise<void> {
    const sel = this.selection;
    if (!sel || !this.session) return;
    try {
      await this.session.reattachOrphan(event.detail.annotationId, event.detail.targetIndex, sel.docId, sel.from, sel.to);
      this.showToast('Re-attached to the selected passage.');
    } catch (error) {
      this.showToast((error as Error).message);
    }
  }

  private sourceText(docId: string, from: number, to: number): string {
    const load = this.loads.get(docId);
    return load?.ok ? load.document.source.slice(from, to) : '';
  }

  // ---- Cards

  private onHover(event: ReaderEvent<'annotation-hover'>): void {
    if (this.card?.pinned) return;
    clearTimeout(this.cardTimer);
    const { ids, x, y } = event.detail;
    if (!ids.length) {
      this.closeCardSoon();
      return;
    }
    this.cardTimer = window.setTimeout(() => {
      const entries = ids.map((id) => this.session?.workspace.get(id)).filter((e): e is Entry => !!e);
      this.card = entries.length ? { entries, at: { x, y }, pinned: false, docId: event.detail.docId } : null;
    }, CARD_OPEN_DELAY);
  }

  private closeCardSoon(): void {
    clearTimeout(this.cardTimer);
    if (this.card?.pinned) return;
    this.cardTimer = window.setTimeout(() => (this.card = null), CARD_CLOSE_DELAY);
  }

  private async onActivate(event: ReaderEvent<'annotation-activate'>): Promise<void> {
    const entries = event.detail.ids.map((id) => this.session?.workspace.get(id)).filter((e): e is Entry => !!e);
    if (!entries.length) return;
    const sel = window.getSelection();
    const rect = sel && sel.rangeCount ? sel.getRangeAt(0).getBoundingClientRect() : null;
    this.card = { entries, at: { x: rect?.left ?? 100, y: rect?.bottom ?? 100 }, pinned: true, docId: event.detail.docId };
    await this.updateComplete;
    await this.cardElement.updateComplete;
    this.cardElement.focusFirst();
  }

  // ---- Search

  private onSearchResults(event: ReaderEvent<'search-results'>): void {
    this.searchHits = [...event.detail.hits];
    this.searchCurrent = null;
    this.writeUrl({ query: event.detail.query || null });
    this.repaintSearch();
  }

  private onSearchActivate(event: ReaderEvent<'search-activate'>): void {
    const { docId, from, to } = event.detail;
    this.searchCurrent = { docId, from, to };
    if (this.columns.narrow && this.columns.front === LISTS) {
      // On a narrow screen the lists are in front: leave them there, and scroll the text behind.
      this.viewFor(docId)?.revealSource(from, to);
    } else {
      void this.reveal(docId, from, to);
    }
    this.repaintSearch();
  }

  /** Search hits are a passive layer (CSS Custom Highlights), rebuilt after each view update. */
  private readonly repaintSearch = (): void => {
    if (!this.searchHits.length) {
      clearSearchHits();
      return;
    }
    paintSearchHits(
      this.views()
        .filter((v) => v.document)
        .map((v) => {
          const id = v.document!.entry.id;
          return {
            resolve: (from: number, to: number) => v.sourceRangeToDOMRange(from, to),
            hits: this.searchHits.filter((h) => h.docId === id),
            current: this.searchCurrent?.docId === id ? this.searchCurrent : null,
          };
        }),
    );
  };

  // ---- Layers

  private onExport(event: ReaderEvent<'export-request'>): void {
    this.downloadLayers(event.detail.layerIds);
  }

  private readonly downloadHypothesis = (): void => {
    if (!this.session) return;
    const json = this.session.exportHypothesis();
    download(json, 'application/json', `notes-hypothesis-${new Date().toISOString().slice(0, 10)}.json`);
    this.layerStatus = `Exported ${totalOf(json)} notes in Hypothesis's format.`;
  };

  private downloadLayers(layerIds: readonly string[]): void {
    if (!this.session) return;
    if (!layerIds.length) {
      this.layerStatus = 'No layer is checked, so nothing was exported.';
      return;
    }
    const json = this.session.exportLayers(layerIds);
    download(json, 'application/ld+json', `annotations-${new Date().toISOString().slice(0, 10)}.jsonld`);
    this.layerStatus = `Exported ${totalOf(json)} annotations.`;
  }

  private async onImport(event: ReaderEvent<'import-file'>): Promise<void> {
    const session = this.session;
    if (!session) return;
    const { name, text } = event.detail;
    if (this.importing) {
      // One import at a time: two would interleave their batches and their reports.
      this.layerStatus = `${displayLabel(name, 80)} was not imported: ${displayLabel(this.importing.name, 80)} is still being imported; wait for it, or cancel it, and try again.`;
      return;
    }
    const abort = new AbortController();
    this.importAbort = abort;
    this.importing = { name, saved: 0, total: null };
    this.layerStatus = '';
    // Show "Reading…" before the file is parsed (that takes a moment on a big file).
    await this.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 0));
    try {
      this.layerStatus = await session.importFile(name, text, {
        signal: abort.signal,
        onProgress: (saved, total) => {
          this.importing = { name, saved, total };
        },
      });
    } finally {
      this.importing = null;
      this.importAbort = null;
    }
  }

  // ---- Keyboard

  private readonly onGlobalKey = (event: KeyboardEvent): void => {
    const target = event.composedPath()[0] as HTMLElement | undefined;
    const typing = !!target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
    if ((event.key === 'k' && (event.ctrlKey || event.metaKey)) || (event.key === '/' && !typing)) {
      event.preventDefault();
      this.focusSearch();
      return;
    }
    if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === 'a' && this.selection && !this.editor.opened) {
      event.preventDefault();
      this.openEditorForSelection();
    } else if (event.key === 't') {
      event.preventDefault();
      this.picker.setOpen(true);
    } else if (event.key === 'c') {
      if (this.openCompare()) event.preventDefault();
    } else if (event.key === 'Escape' && this.card) {
      this.card = null;
    }
  };

  // ---- Compare: suggestions on demand (claim-compare); accepting makes a hand-made link, dismissing a review.

  /** Opens Compare on the selection, else on the sentence at the caret. Returns false when there is neither. */
  openCompare(): boolean {
    const sel = this.selection;
    if (sel) this.comparing = { docId: sel.docId, from: sel.from, to: sel.to };
    else {
      const view = this.views().find((v) => caretInView(v) !== null);
      const at = view ? caretInView(view) : null;
      if (!view?.document || at === null) {
        this.showToast('Select a passage, or place the caret in a sentence, then press Compare.');
        return false;
      }
      this.comparing = { docId: view.document.entry.id, from: at, to: at };
    }
    return true;
  }

  /** Loads an element's code on first need; a failure is said in a toast. */
  private loadOnDemand(tag: OnDemandElement): void {
    loadElement(tag).catch((error: unknown) => this.showToast((error as Error).message));
  }

  private renderCompare(session: Session) {
    this.loadOnDemand('claim-compare');
    const docs = session.documents.map((d) => ({ id: d.entry.id, iri: d.entry.iri, source: d.source, label: displayLabel(d.entry.title ?? d.entry.label, 300) }));
    const reviews = session.entriesOf('review').filter((e) => e.layerId === 'own').map((e) => e.annotation);
    return html`<claim-compare
      class="compare-dialog"
      .documents=${docs}
      .passage=${this.comparing}
      .dismissed=${dismissedSuggestions(reviews)}
      @compare-close=${() => (this.comparing = null)}
      @compare-accept=${this.onCompareChoice}
      @compare-dismiss=${this.onCompareChoice}
    ></claim-compare>`;
  }

  private readonly onCompareChoice = async (event: ReaderEvent<'compare-accept'>): Promise<void> => {
    const session = this.session;
    const c = event.detail;
    const doc = (id: string) => session?.documents.find((d) => d.entry.id === id);
    const own = doc(c.passage.docId);
    const other = doc(c.docId);
    if (!session || !own || !other) return;
    try {
      if (event.type === 'compare-dismiss') {
        const proposal = suggestionProposal({ iri: own.entry.iri, source: own.source, ...c.passage }, { iri: other.entry.iri, source: other.source, from: c.from, to: c.to });
        await session.save(makeReview(proposal, 'dismissed', session.agent, { created: new Date().toISOString() }));
        this.showToast('Dismissed: Compare will not offer this passage again.');
        return;
      }
      const ends = [
        { ...c.passage, text: own.source.slice(c.passage.from, c.passage.to) },
        { docId: c.docId, from: c.from, to: c.to, text: other.source.slice(c.from, c.to) },
      ] as const;
      const result = manualLinkFrom({ ends, relation: c.relation, note: '' }, (id) => { const d = doc(id); return d ? { iri: d.entry.iri, source: d.source } : null; }, session.agent);
      if (!result.ok) return this.showToast(result.problem);
      await session.save(result.annotation);
      this.comparing = null;
      this.showToast(`Linked (${c.relation}).`, () => void this.deleteWithUndo(result.annotation.id, 'Link removed.'));
    } catch (error) {
      this.showToast((error as Error).message);
    }
  };

  /** Moves focus to the search box (on narrow screens, shows the lists). */
  focusSearch(): void {
    this.columns.showLists();
    this.sidePanel?.select('search');
    void this.updateComplete.then(() => this.querySelector('search-panel')?.focusInput());
  }

  private showToast(message: string, undo?: () => void): void {
    clearTimeout(this.toastTimer);
    this.toast = { message, ...(undo ? { undo } : {}) };
    this.toastTimer = window.setTimeout(() => (this.toast = null), undo ? 8000 : 4000);
  }

  private onTheme(event: Event): void {
    this.theme = (event.target as HTMLSelectElement).value as Theme;
    applyTheme(this.theme);
    try {
      localStorage.setItem(THEME_KEY, this.theme);
    } catch {
      // A refused localStorage only means the choice is not remembered.
    }
  }
}

/** Offers `text` as a file download named `name`. */
function download(text: string, type: string, name: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], { type }));
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

function readConnectorsOn(): boolean {
  try {
    return localStorage.getItem(CONNECTORS_KEY) !== 'off';
  } catch {
    return true;
  }
}

function readTheme(): Theme {
  try {
    const t = localStorage.getItem(THEME_KEY);
    return t === 'light' || t === 'dark' ? t : 'system';
  } catch {
    return 'system';
  }
}

function applyTheme(theme: Theme): void {
  if (theme === 'system') document.documentElement.removeAttribute('data-theme');
  else document.documentElement.setAttribute('data-theme', theme);
}

declare global {
  interface HTMLElementTagNameMap {
    'reader-app': ReaderApp;
  }
}

/** The page's localStorage, or null where the browser refuses it (then the Server fieldset is not shown). */
function localStorageOrNull(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** The `total` an export of ours states (both export formats carry one). */
function totalOf(json: string): number {
  return (JSON.parse(json) as { total: number }).total;
}
