/**
 * The errors the annotation store throws, by class, so callers can catch them
 * by class: a stale write (re-read and retry), storage that is unavailable
 * (tell the user; export what is in memory), an annotation that is not valid.
 */

/**
 * A compare-and-set write found a newer revision than the one it was based on:
 * another tab (or instance) changed the annotation first. The store has
 * already taken the newer record into memory; re-read with `get(id)`, merge or
 * redo the change, and write again.
 */
export class StaleWriteError extends Error {
  override name = 'StaleWriteError';
  constructor(
    readonly id: string,
    readonly expectedRevision: number,
    readonly actualRevision: number,
  ) {
    super(`The annotation ${id} was changed elsewhere (revision ${actualRevision}, this change was based on ${expectedRevision}); it was not saved. Reload it and try again.`);
  }
}

/**
 * The browser's storage refused or failed: IndexedDB missing or blocked
 * (private mode, settings), quota exceeded, the database closed under us.
 * The message says which, for a person; `cause` holds the browser's error.
 */
export class StorageUnavailableError extends Error {
  override name = 'StorageUnavailableError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** The store was asked to keep an annotation that is not valid (the message says what is wrong). */
export class InvalidAnnotationError extends Error {
  override name = 'InvalidAnnotationError';
}

/**
 * The StorageUnavailableError for a failure of the browser's storage while
 * `doing` something (e.g. "saving urn:uuid:…"); other errors (ours, or bugs)
 * are returned unchanged so they are not disguised as storage trouble.
 */
export function storageErrorOf(error: unknown, doing: string): unknown {
  if (error instanceof StaleWriteError || error instanceof StorageUnavailableError || error instanceof InvalidAnnotationError) return error;
  const name = (error as { name?: unknown } | null)?.name;
  const message = (error as { message?: unknown } | null)?.message;
  const detail = typeof message === 'string' ? message : '';
  if (name === 'QuotaExceededError') {
    return new StorageUnavailableError(
      `The browser refused to store more while ${doing}: its storage for this site is full. Your annotations are still open here; export them to keep a copy, then free some space.`,
      { cause: error },
    );
  }
  if (typeof DOMException !== 'undefined' && error instanceof DOMException) {
    return new StorageUnavailableError(
      `The browser's storage (IndexedDB) failed while ${doing} (${String(name)}${detail ? `: ${detail}` : ''}). Your annotations are still open here; export them to keep a copy.`,
      { cause: error },
    );
  }
  return error;
}

/**
 * Why the storage refused, as a short clause for a report ("the browser's
 * storage for this site is full"), and whether it was for want of space;
 * read from the browser's error kept as `cause`.
 */
export function storageReasonOf(error: StorageUnavailableError): { readonly reason: string; readonly full: boolean } {
  const cause = error.cause as { name?: unknown; message?: unknown } | null | undefined;
  const name = typeof cause?.name === 'string' ? cause.name : '';
  if (name === 'QuotaExceededError') return { reason: "the browser's storage for this site is full", full: true };
  const detail = typeof cause?.message === 'string' && cause.message ? `: ${cause.message}` : '';
  return { reason: name ? `the browser's storage failed (${name}${detail})` : "the browser's storage failed", full: false };
}
