import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Session } from '../../src/app/session.ts';
import { decodeDocument, type LoadedDocument } from '../../src/document/load.ts';
import type { DocumentEntry } from '../../src/document/manifest.ts';

const entry: DocumentEntry = {
  id: 'mill',
  file: 'mill.txt',
  iri: 'https://example.org/mill.txt',
  kind: 'journal-article',
  language: 'en',
  title: 'The mill',
  author: null,
  missing: ['author'],
  publisher: null,
  label: 'The mill',
};

function loaded(source: string): LoadedDocument {
  const load = decodeDocument(entry, new TextEncoder().encode(source).buffer);
  if (!load.ok) throw new Error(load.problem);
  return load.document;
}

describe('session search with annotation bodies indexed on demand', () => {
  it('finds a note’s comment in the very next search, before any idle time', async () => {
    const doc = loaded('The mill stood idle for a year.\n\nThen the river rose and the wheel turned again.\n');
    // No server answers here: the shipped layers fail to load, which the session reports and survives.
    const session = await Session.open([doc], { annotationsBase: new URL('http://127.0.0.1:9/annotations/'), layerFiles: ['missing.jsonld'] });
    assert.ok(session.problems.length > 0);
    assert.equal((await session.search.search('quern')).hits.length, 0);
    await session.createNote('mill', 4, 8, 'A quern was ground here', ['mill']);
    const hits = (await session.search.search('quern')).hits;
    assert.equal(hits.length, 1);
    assert.equal(hits[0]!.source, 'annotation');
    assert.deepEqual([hits[0]!.from, hits[0]!.to], [4, 8]);
    await session.deleteNote(hits[0]!.annotation!.id);
    assert.equal((await session.search.search('quern')).hits.length, 0, 'a deleted note leaves the index at once');
    session.close();
  });
});
