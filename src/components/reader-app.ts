/**
 * The reader: both texts side by side (stacked with a switch on narrow
 * screens), a toolbar, and the side panel of lists (flags, claims, notes,
 * search). It loads the manifest and documents and coordinates the views.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { readManifest, type DocumentEntry } from '../document/manifest.ts';
import { loadDocument, type DocumentLoad } from '../document/load.ts';
import { adoptDocumentStyles } from './styles/adopt.ts';
import { themeStyles } from './styles/theme.ts';
import { readerStyles } from './styles/reader.ts';
import { printStyles } from './styles/print.ts';
import './reader-view.ts';

export type Theme = 'system' | 'light' | 'dark';
const THEME_KEY = 'reader.theme';

/** Layout of the app shell (light DOM, adopted into the document). */
export const appStyles = css`
  reader-app {
    display: grid;
    grid-template-rows: auto 1fr;
    height: 100vh;
    height: 100dvh;
    font-family: var(--font-ui);
    color: var(--text);
    background: var(--bg);
  }
  reader-app .toolbar {
    display: flex;
    align-items: center;
    gap: 0.75rem;
    padding: 0.45rem 1rem;
    border-bottom: 1px solid var(--border);
    background: var(--surface);
    flex-wrap: wrap;
  }
  reader-app h1 {
    font: 600 1rem/1.2 var(--font-ui);
    margin: 0;
    margin-right: auto;
  }
  reader-app .problem {
    color: var(--flag-loss);
    margin: 1rem;
  }
  reader-app .switch {
    display: none;
  }
  reader-app .switch button,
  reader-app .theme select {
    font: inherit;
    font-size: 0.85rem;
  }
  reader-app .switch button {
    border: 1px solid var(--border);
    background: var(--surface);
    color: var(--text);
    padding: 0.25rem 0.6rem;
    cursor: pointer;
  }
  reader-app .switch button[aria-selected='true'] {
    background: var(--accent);
    color: var(--surface);
    border-color: var(--accent);
  }
  reader-app .theme {
    font-size: 0.85rem;
    color: var(--muted);
  }
  reader-app main {
    display: grid;
    grid-auto-flow: column;
    grid-auto-columns: minmax(0, 1fr);
    gap: 0.75rem;
    padding: 0.75rem;
    min-height: 0;
  }
  @media (max-width: 900px) {
    reader-app .switch {
      display: flex;
    }
    reader-app reader-view.hidden-narrow {
      display: none;
    }
    reader-app main {
      grid-template-columns: minmax(0, 1fr);
      padding: 0.4rem;
    }
  }
  @media print {
    reader-app {
      display: block;
      height: auto;
    }
    reader-app .toolbar {
      display: none;
    }
    reader-app main {
      display: block;
    }
  }
`;

@customElement('reader-app')
export class ReaderApp extends LitElement {

  /** Where `manifest.json` and the texts are served from. */
  @property({ attribute: 'documents-base' }) documentsBase = 'documents/';

  @state() private entries: readonly DocumentEntry[] = [];
  @state() private loads: ReadonlyMap<string, DocumentLoad> = new Map();
  @state() private problem: string | null = null;
  /** On narrow screens, the one text shown. */
  @state() private shown = 0;
  @state() private theme: Theme = 'system';

  protected override createRenderRoot(): HTMLElement {
    // Light DOM: the reader views inside must share the document's selection and styles.
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    adoptDocumentStyles(themeStyles, readerStyles, appStyles, printStyles);
    this.theme = readTheme();
    applyTheme(this.theme);
    void this.loadAll();
  }

  override render() {
    return html`
      <header class="toolbar" role="banner">
        <h1>Chile and the Soviet bloc — annotated reader</h1>
        <div class="switch" role="tablist" aria-label="Text shown">
          ${this.entries.map(
            (e, i) => html`<button
              role="tab"
              aria-selected=${String(i === this.shown)}
              @click=${() => (this.shown = i)}
            >
              ${e.kind.replace(/-/g, ' ')}
            </button>`,
          )}
        </div>
        <label class="theme"
          >Theme
          <select @change=${this.onTheme} .value=${this.theme} aria-label="Colour theme">
            <option value="system">System</option>
            <option value="light">Light</option>
            <option value="dark">Dark</option>
          </select>
        </label>
      </header>
      ${this.problem ? html`<p class="problem" role="alert">${this.problem}</p>` : nothing}
      <main>
        ${this.entries.map(
          (e, i) => html`<reader-view
            data-doc=${e.id}
            class=${i === this.shown ? 'shown' : 'hidden-narrow'}
            .load=${this.loads.get(e.id) ?? null}
          ></reader-view>`,
        )}
      </main>
    `;
  }

  /** The view showing document `id`, if any. */
  viewFor(id: string): HTMLElementTagNameMap['reader-view'] | null {
    return this.renderRoot.querySelector(`reader-view[data-doc="${CSS.escape(id)}"]`);
  }

  private async loadAll(): Promise<void> {
    const base = new URL(this.documentsBase, document.baseURI);
    let json: unknown;
    try {
      const response = await fetch(new URL('manifest.json', base));
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      json = await response.json();
      this.entries = readManifest(json).documents;
    } catch (error) {
      this.problem = `documents/manifest.json could not be read: ${(error as Error).message}`;
      return;
    }
    await Promise.all(
      this.entries.map(async (entry) => {
        const load = await loadDocument(entry, base);
        this.loads = new Map(this.loads).set(entry.id, load);
      }),
    );
    this.dispatchEvent(new CustomEvent('documents-loaded', { bubbles: true, composed: true }));
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
