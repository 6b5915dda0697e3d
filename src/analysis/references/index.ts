/** Structured references: reference entries read into CSL-JSON, and written as BibTeX and RIS. */
export type { CslDate, CslFields, CslItem, CslName, CslType } from './csl.ts';
export { parseDate } from './dates.ts';
export { labelledParts, normaliseIsbn } from './identifiers.ts';
export { familyFirstList, givenFirstList } from './names.ts';
export { parseReference } from './parse-entry.ts';
export { referenceOfEntry, textReferences, type TextReference } from './text-references.ts';
export { escapeBibtex, toBibtex, toBibtexFile } from './bibtex.ts';
export { toRis, toRisFile } from './ris.ts';
export { findInTextCitations, shortCitationsOfNote, type InTextCitation } from './in-text.ts';
export { bibliographyReferences } from './bibliography.ts';
export { citationResolver, type CitationResolver } from './resolve.ts';
export { textCitations, type CitingPlace, type ResolvedCitation, type TextCitations, type TextWork } from './text-works.ts';
export { cslOnly, exportReferences, REFERENCE_FORMATS, type ReferenceFormat } from './export.ts';
export { textWorkAnnotations, workIri, workName } from './work-layer.ts';
export { withCitationKeys } from './keys.ts';
