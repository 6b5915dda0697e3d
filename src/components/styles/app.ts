/**
 * The app shell's layout: toolbar, the chosen texts and the side panel in a
 * grid (one text at a time with a switch on narrow screens), toasts and the
 * keys list.
 */
import { css } from 'lit';

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
  reader-app .toolbar button.action {
    font: inherit;
    font-size: 0.85rem;
    border: 1px solid var(--border);
    background: var(--surface-2);
    color: var(--text);
    border-radius: 4px;
    padding: 0.25rem 0.6rem;
    cursor: pointer;
  }
  reader-app .toolbar button.action:disabled {
    opacity: 0.5;
    cursor: default;
  }
  reader-app claims-panel {
    display: block;
    padding: 0.5rem 0.75rem;
  }
  reader-app side-panel > [hidden] {
    display: none !important;
  }
  reader-app .keys {
    position: relative;
    font-size: 0.85rem;
  }
  reader-app .keys summary {
    cursor: pointer;
    color: var(--muted);
  }
  reader-app .keys-panel {
    position: absolute;
    right: 0;
    top: 1.6rem;
    z-index: 40;
    width: min(30rem, 90vw);
    background: var(--surface);
    border: 1px solid var(--border);
    border-radius: 6px;
    box-shadow: 0 6px 24px rgba(0, 0, 0, 0.18);
    padding: 0.5rem 0.75rem;
  }
  reader-app .keys-panel dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.25rem 0.75rem;
    margin: 0;
  }
  reader-app .keys-panel dd {
    margin: 0;
  }
  reader-app kbd {
    font: 0.78rem var(--font-ui);
    border: 1px solid var(--border);
    border-bottom-width: 2px;
    border-radius: 3px;
    padding: 0 0.25rem;
    background: var(--surface-2);
  }
  reader-app .storage {
    font-size: 0.78rem;
    color: var(--muted);
  }
  reader-app .storage.warn {
    color: var(--flag-loss);
  }
  reader-app .toast {
    position: fixed;
    bottom: 1rem;
    left: 50%;
    transform: translateX(-50%);
    background: var(--text);
    color: var(--bg);
    padding: 0.5rem 0.9rem;
    border-radius: 6px;
    font-size: 0.85rem;
    display: flex;
    gap: 0.75rem;
    align-items: center;
    z-index: 30;
    box-shadow: 0 6px 20px rgba(0, 0, 0, 0.25);
  }
  reader-app .toast button {
    font: inherit;
    background: none;
    color: inherit;
    border: 1px solid currentColor;
    border-radius: 4px;
    padding: 0.1rem 0.5rem;
    cursor: pointer;
  }
  reader-app .theme {
    font-size: 0.85rem;
    color: var(--muted);
  }
  /* The texts the reader chose side by side, and the lists beside them when
     there is room (lists-docked), else over them on demand (lists-over). The
     shell (columns-controller.ts) counts how many texts fit at 420 px of text. */
  reader-app main {
    display: grid;
    grid-template-columns: minmax(0, 1fr) minmax(0, 1fr) minmax(17rem, 23rem);
    gap: 0.75rem;
    padding: 0.75rem;
    min-height: 0;
    position: relative;
  }
  reader-app main.cols-1.lists-docked {
    grid-template-columns: minmax(0, 1fr) minmax(17rem, 23rem);
  }
  reader-app main.lists-over {
    gap: 6px;
    padding: 6px;
  }
  reader-app main.cols-1.lists-over {
    grid-template-columns: minmax(0, 1fr);
  }
  reader-app main.cols-2.lists-over {
    grid-template-columns: repeat(2, minmax(0, 1fr));
  }
  reader-app main.cols-3.lists-over {
    grid-template-columns: repeat(3, minmax(0, 1fr));
  }
  reader-app main.lists-over > side-panel:not(.open) {
    display: none;
  }
  reader-app main.lists-over > side-panel.open {
    position: absolute;
    top: 6px;
    right: 6px;
    bottom: 6px;
    width: min(23rem, calc(100% - 12px));
    z-index: 20;
    box-shadow: 0 6px 24px rgba(0, 0, 0, 0.22);
  }
  /* Three texts at 1440 px: less chrome around each, so each keeps 420 px of text. */
  reader-app main.cols-3 .reader-text {
    padding-left: 0.5rem;
    padding-right: 0.5rem;
  }
  reader-app main.cols-3 margin-bar {
    width: 1.2rem;
  }
  reader-app main.cols-3 .reader-scroll {
    scrollbar-width: thin;
  }
  reader-app main.cols-3 .reader-header {
    padding-left: 0.75rem;
    padding-right: 0.75rem;
  }
  reader-app .switch button {
    flex: none;
    max-width: 9.5rem;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  @media (max-width: 900px) {
    reader-app .switch {
      display: flex;
    }
    reader-app main > .hidden-narrow {
      display: none;
    }
    reader-app .toolbar {
      gap: 0.4rem 0.5rem;
      padding: 0.35rem 0.5rem;
    }
    reader-app h1 {
      font-size: 0.9rem;
      flex-basis: 100%;
    }
    reader-app .storage,
    reader-app .theme-label {
      display: none;
    }
    reader-app main.stacked {
      grid-template-columns: minmax(0, 1fr);
      padding: 0.4rem;
    }
    reader-app .switch {
      max-width: 100%;
      overflow-x: auto;
      gap: 0.25rem;
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
