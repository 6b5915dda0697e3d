/**
 * A text's references as a file to hand to a reference manager: BibTeX,
 * RIS or CSL-JSON, with the media type and file extension each goes by.
 * Only CSL fields are written: extra members a caller carries on its items
 * (a source span, a document name) are left out of the CSL-JSON.
 */
import { toBibtexFile } from './bibtex.ts';
import type { CslFields, CslItem } from './csl.ts';
import { toRisFile } from './ris.ts';

export type ReferenceFormat = 'bibtex' | 'ris' | 'csl-json';

/** What the reader shows and downloads for each format. */
export const REFERENCE_FORMATS: Readonly<Record<ReferenceFormat, { readonly label: string; readonly mediaType: string; readonly extension: string }>> = {
  bibtex: { label: 'BibTeX', mediaType: 'application/x-bibtex', extension: 'bib' },
  ris: { label: 'RIS', mediaType: 'application/x-research-info-systems', extension: 'ris' },
  'csl-json': { label: 'CSL-JSON', mediaType: 'application/vnd.citationstyles.csl+json', extension: 'json' },
};

const CSL_KEYS: readonly (keyof CslItem)[] = [
  'id', 'type', 'author', 'editor', 'title', 'container-title', 'publisher', 'publisher-place', 'issued', 'accessed',
  'volume', 'issue', 'page', 'URL', 'DOI', 'ISBN', 'note', 'language',
] satisfies readonly (keyof CslFields | 'id')[];

/** The CSL members of `item` only, in a fixed order. */
export function cslOnly(item: CslItem): CslItem {
  const out: Record<string, unknown> = {};
  for (const k of CSL_KEYS) if (item[k] !== undefined) out[k] = item[k];
  return out as unknown as CslItem;
}

/** `items` as one file in `format` (CSL-JSON: an indented array, ending in a newline). */
export function exportReferences(items: readonly CslItem[], format: ReferenceFormat): string {
  if (format === 'bibtex') return toBibtexFile(items);
  if (format === 'ris') return toRisFile(items);
  return `${JSON.stringify(items.map(cslOnly), null, 2)}\n`;
}
