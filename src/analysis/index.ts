/**
 * The analyzer's public API. Everything the reader UI and the command line
 * use is named here.
 *
 * Footnote previews and backlinks:
 *   const parsed = parsePlainText(text, { title });
 *   const index = footnoteIndex(parsed);
 *   entryForMarker(index, marker)  → the note Block a marker cites, or null
 *   markersCiting(index, entry)    → the markers citing an entry (backlinks)
 *   markerAt(index, offset)        → the marker under a source offset, or null
 *
 * Flags list: `analyzeText(input, { layer })` gives annotations whose
 * tagging body is the kind (product.md §2), whose describing body is the
 * reason, with `reader:confidence`; `findTextFindings` gives the same as plain
 * findings with code-unit offsets.
 */
export { analyzeLayers, analyzeText, analyzeTexts, collection, findTextFindings } from './analyze.ts';
export type { AnalysisInput, AnalysisLayers, AnalyzeTextOptions, AnalyzeTextsOptions, TextFindings } from './analyze.ts';
export { countWords } from './word-counts.ts';
export type { WordCounts } from './word-counts.ts';
export type { Finding, Flag, FootnoteLink, Layer } from './finding.ts';
export { entryForMarker, footnoteIndex, markerAt, markersCiting } from './footnote-index.ts';
export type { FootnoteIndex } from './footnote-index.ts';
export { ANALYZER, ANALYZER_VERSION } from './generator.ts';
export { CURATED_FILE, LAYER_FILES, LAYERS_CREATED, layerFiles } from './layers.ts';
export type { LayerDocument } from './layers.ts';
export { findingKey, findingToAnnotation } from './to-annotation.ts';
