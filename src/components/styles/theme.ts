/**
 * Colour and type tokens, light and dark. The theme follows the system unless
 * the reader chooses one (`data-theme` on the root element).
 */
import { css } from 'lit';

/** The dark palette, used when the system asks for it and when the reader chooses it. */
const darkTokens = css`
  --bg: #16171a;
  --surface: #1e2024;
  --surface-2: #272a30;
  --text: #e8e6e1;
  --muted: #a9a59b;
  --border: #3b3f47;
  --accent: #7fb2ff;
  --focus: #7fb2ff;
  --own-note: rgba(255, 214, 10, 0.3);
  --flag-loss: #ff7b6e;
  --flag-garbled: #ffb454;
  --flag-split: #c99cff;
  --flag-unsupported: #b0b0b0;
  --flag-contradiction: #ff79c6;
  --flag-reference: #7fb2ff;
  --claim-agrees: #5fd38a;
  --claim-conflicts: #ff7b6e;
  --claim-related: #a9a59b;
  --claim-conflicts-bg: rgba(255, 123, 110, 0.16);
  --search-hit: rgba(255, 190, 60, 0.3);
  --search-current: rgba(255, 140, 40, 0.6);
  --current: rgba(127, 178, 255, 0.22);
`;

export const themeStyles = css`
  :root {
    color-scheme: light dark;
    --font-text: 'Iowan Old Style', 'Palatino Linotype', Palatino, 'Book Antiqua', Georgia, 'DejaVu Serif', serif;
    --font-ui: system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif;
    --bg: #fbfaf7;
    --surface: #ffffff;
    --surface-2: #f1efe9;
    --text: #1e1d1a;
    --muted: #5d5a52;
    --border: #d9d5ca;
    --accent: #1d5fa8;
    --focus: #1d5fa8;
    --own-note: rgba(255, 214, 10, 0.45);
    --flag-loss: #c2261b;
    --flag-garbled: #b35c00;
    --flag-split: #7b3fb5;
    --flag-unsupported: #6b6b6b;
    --flag-contradiction: #b0127a;
    --flag-reference: #1d5fa8;
    --claim-agrees: #1f7a3d;
    --claim-conflicts: #c2261b;
    --claim-related: #7d7a70;
    --claim-conflicts-bg: rgba(194, 38, 27, 0.12);
    --search-hit: rgba(255, 170, 0, 0.35);
    --search-current: rgba(255, 120, 0, 0.75);
    --current: rgba(29, 95, 168, 0.18);
  }
  @media (prefers-color-scheme: dark) {
    :root:not([data-theme='light']) {
      ${darkTokens}
    }
  }
  :root[data-theme='dark'] {
    color-scheme: dark;
    ${darkTokens}
  }
  :root[data-theme='light'] {
    color-scheme: light;
  }
  html,
  body {
    margin: 0;
    background: var(--bg);
    color: var(--text);
    font-family: var(--font-ui);
  }
  :focus-visible {
    outline: 2px solid var(--focus);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;
