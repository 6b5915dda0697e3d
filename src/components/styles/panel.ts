/**
 * Rules the side panels (shadow roots) share, written once against the theme's custom properties
 * (`theme.ts` defines every one on `:root`, so no fallback colours that could drift from it).
 * Each panel lists these first and its own rules after, so a panel can still refine a shared rule.
 */
import { css } from 'lit';

/** Every shadow-root panel: the UI font and colours, muted text, and the bare fieldset/legend of filter rows. */
export const panelStyles = css`
  :host {
    font-family: var(--font-ui);
    color: var(--text);
  }
  .muted,
  .empty {
    color: var(--muted);
  }
  .quote {
    font-family: var(--font-text);
  }
  fieldset {
    border: none;
    margin: 0;
  }
  legend {
    float: left;
    margin-right: 0.3rem;
    color: var(--muted);
  }
`;

/** Panels whose lists are plain stacks of items (no bullets, no indent). */
export const plainListStyles = css`
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
`;
