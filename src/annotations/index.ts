/**
 * The annotation layer's public API (the model's types and helpers live in
 * model.ts; the anchoring engine's full API in anchoring/index.ts).
 */
export type { Layer, Problem } from './layer.ts';
export { loadCollection, validateAnnotation, isAbsoluteIri, isDateTime, hasAnnoContext, MAX_FILE_LENGTH, MAX_PROBLEMS_PER_FILE } from './validate.ts';
export type { AnnotationCheck } from './validate.ts';
export { anchorSelectors, anchorAll, statsOf, AnchoringWorker, AnchoringWorkerError } from './anchoring/index.ts';
export type { Anchor, Anchored, Orphaned, AnchorMethod, AnchorStats, TargetAnchor } from './anchoring/index.ts';
export { AnnotationStore, DEFAULT_DB_NAME, PUT_BATCH_SIZE } from './store.ts';
export type { PutManyOptions, PutManyResult, StoredRecord, StoreChange, StoreOptions, WriteOptions } from './store.ts';
export { fileSizeProblem, textLengthProblem } from './import-limit.ts';
export { StaleWriteError, StorageUnavailableError, InvalidAnnotationError } from './store-errors.ts';
export { exportCollection, importCollection, importReport, isByPerson } from './exchange.ts';
export type { ExportOptions, ImportOutcome, ImportResult, Skipped } from './exchange.ts';
export { plainTextOf, bodyText, clip, displayLabel, neutralise, safeHref, safeClassToken, textOfHtml, MAX_DISPLAY_LENGTH, MAX_LABEL_LENGTH } from './sanitize.ts';
