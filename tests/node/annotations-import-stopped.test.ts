import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { REPORT_SKIPPED_LINES, importReport, type ImportResult } from '../../src/annotations/exchange.ts';
import { StorageUnavailableError, storageReasonOf } from '../../src/annotations/store-errors.ts';

import { note } from './support/notes.ts';

/** A read file of `count` new notes. */
function readFile(count: number): ImportResult {
  return { added: Array.from({ length: count }, (_, i) => note(i)), updated: [], skipped: [], refused: null, total: count };
}

describe('the report of an import that stopped early', () => {
  const result = readFile(20_000);
  const notTried = result.added.slice(4_200).map((a) => a.id);

  it('says how many were saved before a cancel, that they stay saved, and how many were not imported', () => {
    const lines = importReport('notes.jsonld', result, { stopped: { why: 'cancelled', saved: 4_200, toSave: 20_000, notTried } });
    assert.deepEqual(lines, [
      'notes.jsonld: 20,000 annotations read; 4,200 added, 0 updated, 0 skipped, 15,800 not saved.',
      'Import cancelled: 4,200 of 20,000 notes were saved before you cancelled, and they stay saved; the other 15,800 were not imported.',
    ]);
  });

  it('says which batch the storage refused, why, what was kept, and how to add the rest', () => {
    const why = { failed: "the browser's storage for this site is full", full: true };
    const lines = importReport('notes.jsonld', result, { stopped: { why, saved: 4_200, toSave: 20_000, notTried } });
    assert.deepEqual(lines, [
      'notes.jsonld: 20,000 annotations read; 4,200 added, 0 updated, 0 skipped, 15,800 not saved.',
      "Import stopped after 4,200 of 20,000 notes were saved, and they stay saved: the browser's storage for this site is full, so it refused the next batch.",
      'The other 15,800 were not imported; free some space, then import the file again to add them (the notes already saved are skipped as already present).',
    ]);
  });

  it('words a failure that is not for want of space without advising to free space', () => {
    const lines = importReport('notes.jsonld', result, { stopped: { why: { failed: "the browser's storage failed (UnknownError)", full: false }, saved: 4_200, toSave: 20_000, notTried } });
    assert.match(lines[1]!, /: the browser's storage failed \(UnknownError\), so it refused the next batch\.$/);
    assert.match(lines[2]!, /import the file again to add them once the storage works/);
  });

  it('lists a few annotations that were not saved and counts the rest, however many', () => {
    const notSaved = result.added.map((a) => ({ id: a.id, reason: 'it was changed in another tab meanwhile; that version is kept' }));
    const lines = importReport('notes.jsonld', result, { notSaved });
    assert.equal(lines.length, 1 + REPORT_SKIPPED_LINES + 1);
    assert.equal(lines.at(-1), '19,995 more annotations that were not saved are not listed here.');
  });
});

describe('storageReasonOf', () => {
  it('names a full quota, and any other failure by the browser\'s error', () => {
    const full = new StorageUnavailableError('x', { cause: { name: 'QuotaExceededError', message: 'The quota has been exceeded.' } });
    assert.deepEqual(storageReasonOf(full), { reason: "the browser's storage for this site is full", full: true });
    const other = new StorageUnavailableError('x', { cause: { name: 'AbortError', message: 'The transaction was aborted.' } });
    assert.deepEqual(storageReasonOf(other), { reason: "the browser's storage failed (AbortError: The transaction was aborted.)", full: false });
    assert.deepEqual(storageReasonOf(new StorageUnavailableError('x')), { reason: "the browser's storage failed", full: false });
  });
});
