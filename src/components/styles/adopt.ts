/**
 * Document-level styles for light-DOM components (the reader views), adopted
 * as constructable stylesheets: no inline <style>, so a strict
 * Content-Security-Policy (`style-src 'self'`) holds.
 */
import type { CSSResult } from 'lit';

const adopted = new WeakSet<CSSStyleSheet>();

/** Adds the sheets to `document.adoptedStyleSheets` once each. */
export function adoptDocumentStyles(...styles: CSSResult[]): void {
  for (const style of styles) {
    const sheet = style.styleSheet;
    if (!sheet || adopted.has(sheet)) continue;
    adopted.add(sheet);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }
}
