import { expect } from '@esm-bundle/chai';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { ReaderApp } from '../../src/components/reader-app.ts';
import type { ReaderView } from '../../src/components/reader-view.ts';
import type { NoteEditor } from '../../src/components/note-editor.ts';
import type { SearchPanel } from '../../src/components/search-panel.ts';
import { readUrlState } from '../../src/app/url-state.ts';
import { collectionOf, commentOn, composedTexts, serveFixture, type Fixture } from './support/fixture-texts.ts';
import { mountReader } from './support/mount.ts';
import { settle, until } from './support/wait.ts';

/**
 * Gives any late writer of the URL its turn before a check that the URL was NOT overwritten: search results and
 * redraws write after a frame and a task (search-panel asks on requestAnimationFrame + setTimeout), so this waits
 * two frames, the app's update and then settle() for queued tasks.
 */
async function lateWriters(app: ReaderApp): Promise<void> {
  for (let i = 0; i < 2; i++) await new Promise((r) => requestAnimationFrame(r));
  await app.updateComplete;
  await settle();
}

const texts = composedTexts(2);
const noteId = 'urn:uuid:00000000-0000-4000-8000-000000000001';
const layer = collectionOf('Fixture notes', [commentOn(texts[1]!, 200, 240, noteId, 'A fixture note')]);

/** Selects source `[from, to)` in a view as a reader would (a range, then mouseup). */
function selectIn(view: ReaderView, from: number, to: number): void {
  const range = view.sourceRangeToDOMRange(from, to)!;
  const sel = window.getSelection()!;
  sel.removeAllRanges();
  sel.addRange(range);
  view.editorView!.dom.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
}

async function typeQuery(app: HTMLElement, text: string): Promise<void> {
  (app as ReaderApp).focusSearch();
  const panel = app.querySelector('search-panel') as SearchPanel;
  await until(() => panel.shadowRoot!.activeElement?.getAttribute('role') === 'searchbox', 'search box focused');
  const input = panel.shadowRoot!.querySelector('input')!;
  input.select();
  if (text) await sendKeys({ type: text });
  else await sendKeys({ press: 'Backspace' });
}

describe('URL state is merged, each part written by its own action', () => {
  let fixture: Fixture;
  before(async () => {
    await setViewport({ width: 1440, height: 900 });
    fixture = serveFixture('url', texts, { 'notes.jsonld': layer });
  });
  after(() => fixture.restore());
  afterEach(() => history.replaceState(null, '', location.pathname + location.search));

  it('a selected passage survives a search that is cleared (an empty result)', async () => {
    const app = await mountReader(fixture.base);
    const view = app.querySelector('reader-view[data-doc="t1"]') as ReaderView;
    selectIn(view, 100, 140);
    await until(() => readUrlState(location.hash).at?.from === 100, 'passage in the URL');
    await typeQuery(app, 'harbour');
    await until(() => readUrlState(location.hash).query === 'harbour', 'query in the URL');
    expect(readUrlState(location.hash)).to.deep.include({ doc: 't1', at: { from: 100, to: 140 } });
    await typeQuery(app, '');
    await until(() => !readUrlState(location.hash).query, 'query removed');
    expect(readUrlState(location.hash)).to.deep.include({ doc: 't1', at: { from: 100, to: 140 } });
    app.remove();
  });

  it('a deep link to an annotation, with a query and a passage, keeps every part after load', async () => {
    history.replaceState(null, '', `#a=${encodeURIComponent(noteId)}&q=harbour&doc=t1&at=10-30`);
    const app = await mountReader(fixture.base);
    const view = app.querySelector('reader-view[data-doc="t2"]') as ReaderView;
    await until(() => view.querySelector('.is-current'), 'annotation shown');
    await until(() => (app.querySelector('search-panel') as SearchPanel).shadowRoot!.querySelector('[role="option"]'), 'search results');
    await lateWriters(app);
    expect(readUrlState(location.hash)).to.deep.equal({ annotation: noteId, query: 'harbour', doc: 't1', at: { from: 10, to: 30 } });
    app.remove();
  });

  it('saving a note adds its id and keeps the query and the passage', async () => {
    history.replaceState(null, '', '#q=harbour');
    const app = await mountReader(fixture.base);
    await until(() => (app.querySelector('search-panel') as SearchPanel).shadowRoot!.querySelector('[role="option"]'), 'search results');
    const view = app.querySelector('reader-view[data-doc="t1"]') as ReaderView;
    selectIn(view, 300, 330);
    await until(() => readUrlState(location.hash).at?.from === 300, 'passage in the URL');
    expect(app.openEditorForSelection()).to.equal(true);
    const editor = app.querySelector('note-editor') as NoteEditor;
    await until(() => editor.opened, 'editor open');
    await sendKeys({ type: 'A note on a composed passage' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await until(() => !editor.opened, 'saved');
    await until(() => readUrlState(location.hash).annotation, 'note id in the URL');
    await lateWriters(app);
    const state = readUrlState(location.hash);
    expect(state).to.deep.include({ query: 'harbour', doc: 't1', at: { from: 300, to: 330 } });
    expect(app.annotationSession!.workspace.get(state.annotation!)?.comment).to.equal('A note on a composed passage');
    app.remove();
  });
});
