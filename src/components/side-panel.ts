/**
 * The side panel: one tab per list (flags, claims, notes, search, layers).
 * Panels are slotted children with a `data-tab` label; tabs follow the ARIA
 * tabs pattern (arrow keys move between tabs, the tab panel follows).
 *
 * @fires tab-change - `{ tab }` after the selected tab changes
 */
import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { emit } from './events.ts';

@customElement('side-panel')
export class SidePanel extends LitElement {
  static override styles = css`
    :host {
      display: flex;
      flex-direction: column;
      min-height: 0;
      background: var(--surface);
      border: 1px solid var(--border);
      border-radius: 6px;
      font-family: var(--font-ui);
    }
    [role='tablist'] {
      display: flex;
      flex-wrap: wrap;
      border-bottom: 1px solid var(--border);
      padding: 0.25rem 0.25rem 0;
      gap: 0.15rem;
    }
    [role='tab'] {
      font: inherit;
      font-size: 0.82rem;
      border: 1px solid transparent;
      border-bottom: none;
      background: none;
      color: var(--muted);
      padding: 0.3rem 0.55rem;
      border-radius: 4px 4px 0 0;
      cursor: pointer;
    }
    [role='tab'][aria-selected='true'] {
      color: var(--text);
      background: var(--surface-2);
      border-color: var(--border);
      font-weight: 600;
    }
    .count {
      font-weight: normal;
      color: var(--muted);
      margin-left: 0.2rem;
    }
    .body {
      flex: 1;
      min-height: 0;
      overflow: auto;
    }
    @media print {
      [role='tablist'] {
        display: none;
      }
      .body {
        overflow: visible;
      }
    }
  `;

  /** The selected tab's `data-tab` name. */
  @property({ reflect: true }) selected = '';

  @state() private tabs: { name: string; label: string; count: string }[] = [];

  override render() {
    return html`
      <div role="tablist" aria-label="Lists" @keydown=${this.onKey}>
        ${this.tabs.map(
          (t) => html`<button
            role="tab"
            id=${`tab-${t.name}`}
            aria-selected=${String(t.name === this.selected)}
            aria-controls="panel"
            tabindex=${t.name === this.selected ? 0 : -1}
            @click=${() => this.select(t.name)}
          >
            ${t.label}${t.count ? html`<span class="count">${t.count}</span>` : ''}
          </button>`,
        )}
      </div>
      <div class="body" id="panel" role="tabpanel" aria-labelledby=${`tab-${this.selected}`}>
        <slot @slotchange=${this.readTabs}></slot>
      </div>
    `;
  }

  /** Shows tab `name` (its slotted panel) and hides the others. */
  select(name: string): void {
    if (!this.tabs.some((t) => t.name === name)) return;
    this.selected = name;
    this.syncPanels();
    emit(this, 'tab-change', { tab: name });
  }

  /** Re-reads tab labels and counts from the panels' `data-label` / `data-count`. */
  refresh(): void {
    this.readTabs();
  }

  private readTabs(): void {
    const panels = this.panels();
    this.tabs = panels.map((p) => ({ name: p.dataset.tab ?? '', label: p.dataset.label ?? p.dataset.tab ?? '', count: p.dataset.count ?? '' }));
    if (!this.tabs.some((t) => t.name === this.selected)) this.selected = this.tabs[0]?.name ?? '';
    this.syncPanels();
  }

  private panels(): HTMLElement[] {
    return [...this.children].filter((c): c is HTMLElement => c instanceof HTMLElement && !!c.dataset.tab);
  }

  private syncPanels(): void {
    for (const p of this.panels()) p.hidden = p.dataset.tab !== this.selected;
  }

  private onKey(event: KeyboardEvent): void {
    const i = this.tabs.findIndex((t) => t.name === this.selected);
    let next = -1;
    if (event.key === 'ArrowRight') next = (i + 1) % this.tabs.length;
    else if (event.key === 'ArrowLeft') next = (i - 1 + this.tabs.length) % this.tabs.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = this.tabs.length - 1;
    if (next < 0) return;
    event.preventDefault();
    this.select(this.tabs[next]!.name);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')?.focus());
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'side-panel': SidePanel;
  }
}
