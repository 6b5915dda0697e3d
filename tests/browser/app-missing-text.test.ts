import { expect } from '@esm-bundle/chai';
import { setViewport } from '@web/test-runner-commands';
import type { ReaderView } from '../../src/components/reader-view.ts';
import { loadDocument } from '../../src/document/load.ts';
import { collectionOf, commentOn, composedTexts, entryFor, serveFixture, type Fixture } from './support/fixture-texts.ts';
import { mountReader } from './support/mount.ts';
import { until } from './support/wait.ts';

// What a dev server (Vite, `npm start`/preview) answers for a file it does not have: its index page, with 200.
const spaFallback = () =>
  new Response('<!doctype html>\n<html lang="en"><head><title>Reader</title></head><body><reader-app></reader-app></body></html>', {
    status: 200,
    headers: { 'Content-Type': 'text/html' },
  });

const [present, gone] = composedTexts(2);
const texts = [present!, { ...gone!, response: spaFallback }];
const noteId = 'urn:uuid:00000000-0000-4000-8000-0000000000aa';
const layer = collectionOf('Notes on both', [commentOn(gone!, 120, 160, noteId, 'On the text that went missing')]);

describe('a text the server does not have', () => {
  let fixture: Fixture;
  before(async () => {
    await setViewport({ width: 1440, height: 900 });
    fixture = serveFixture('missing', texts, { 'notes.jsonld': layer });
  });
  after(() => fixture.restore());

  it('is not taken for the text when the server answers 200 with a web page', async () => {
    const load = await loadDocument(entryFor(gone!), new URL(fixture.base, location.href));
    expect(load.ok).to.equal(false);
    expect(!load.ok && load.problem).to.contain('t2.txt').and.to.contain('missing');
  });

  it('a web page is still accepted for a document that is a web page', async () => {
    const page = { ...entryFor(gone!), file: 'page.html' };
    const stub = (() => Promise.resolve(new Response('<p>A page of its own</p>', { status: 200, headers: { 'Content-Type': 'text/html' } }))) as typeof fetch;
    const load = await loadDocument(page, new URL(fixture.base, location.href), stub);
    expect(load.ok).to.equal(true);
  });

  it('the pane names the missing file, the other text works, its annotations are listed as unanchored', async () => {
    const app = await mountReader(fixture.base);
    const goneView = app.querySelector('reader-view[data-doc="t2"]') as ReaderView;
    const presentView = app.querySelector('reader-view[data-doc="t1"]') as ReaderView;
    const alert = await until(() => goneView.querySelector('[role="alert"]'), 'error message');
    expect(alert.textContent).to.contain('t2.txt').and.to.contain('missing').and.to.contain('Orphaned');
    expect(goneView.textContent).to.not.contain('<!doctype');
    expect(presentView.querySelectorAll('.reader-text p').length).to.be.greaterThan(5);
    const orphan = app.annotationSession!.workspace.orphans().find((o) => o.annotationId === noteId);
    expect(orphan, 'listed as unanchored').to.not.equal(undefined);
    const notes = app.querySelector('notes-panel')!;
    await until(() => notes.shadowRoot!.textContent.includes('On the text that went missing') || notes.shadowRoot!.textContent.includes(gone!.source.slice(120, 160)), 'shown in the notes panel');
    app.remove();
  });
});
