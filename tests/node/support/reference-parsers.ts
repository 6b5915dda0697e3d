// Maintained parsers the exports are read back with, so a test checks our files against code we did not write:
// Better BibTeX for Zotero's BibTeX parser, and citation-js (BibTeX and RIS to CSL-JSON).
import { parse, type Library } from '@retorquere/bibtex-parser';
import { Cite, logger } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';

/** `text` parsed by @retorquere/bibtex-parser, values as plain Unicode (no sentence-casing, no case markup). */
export function parseBibtexWithBbt(text: string): Library {
  return parse(text, { english: false, sentenceCase: false, caseProtection: false });
}

/** `text` read by citation-js as `type` (`@biblatex/text`, `@ris/file`): CSL items plus every warning it logged. */
export function readWithCitationJs(text: string, type: string): { items: Record<string, unknown>[]; warnings: string[] } {
  const warnings: string[] = [];
  const saved = { warn: logger.warn, error: logger.error, unmapped: logger.unmapped };
  for (const level of ['warn', 'error', 'unmapped'] as const) {
    logger[level] = (scope: string, ...msg: unknown[]) => warnings.push(`${level} ${scope} ${msg.map(String).join(' ')}`);
  }
  try {
    const items = new Cite(text, { forceType: type }).data.map(({ _graph: _g, ...item }) => item);
    return { items, warnings };
  } finally {
    Object.assign(logger, saved);
  }
}
