import { expect } from '@esm-bundle/chai';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../src/components/reader-app.ts';
import type { ReaderApp } from '../../src/components/reader-app.ts';
import type { ReaderView } from '../../src/components/reader-view.ts';
import type { NoteEditor } from '../../src/components/note-editor.ts';
import { AnnotationStore } from '../../src/annotations/store.ts';
import { OWN_LAYER_ID } from '../../src/app/session.ts';
import { settle, until } from './support/wait.ts';


let storeCount = 0;
async function mountApp(storeName = `test-app-${Date.now()}-${storeCount++}`): Promise<ReaderApp> {
  const app = document.createElement('reader-app');
  app.setAttribute('documents-base', '/documents/');
  app.setAttribute('annotations-base', '/annotations/');
  app.setAttribute('store-name', storeName);
  const ready = new Promise((r) => app.addEventListener('reader-ready', r, { once: true }));
  document.body.append(app);
  await ready;
  await app.updateComplete;
  return app;
}

function wikiView(app: ReaderApp): ReaderView {
  return app.querySelector('reader-view[data-doc="wikipedia-chile-russia"]') as ReaderView;
}

describe('annotations in the reader', () => {
  before(async () => {
    await setViewport({ width: 1440, height: 900 });
  });

  it('draws the shipped layers as decorations in both texts', async () => {
    const app = await mountApp();
    const flags = app.querySelectorAll('.reader-text .hl-flag');
    const claims = app.querySelectorAll('.reader-text .hl-claim');
    expect(flags.length).to.be.greaterThan(10);
    expect(claims.length).to.be.greaterThan(0);
    const views = app.querySelectorAll('reader-view');
    expect(views.length).to.equal(2);
    for (const view of views) expect(view.querySelectorAll('.hl').length).to.be.greaterThan(0);
    app.remove();
  });

  it('switches a kind off and on again', async () => {
    const app = await mountApp();
    const before = app.querySelectorAll('.reader-text .hl-flag').length;
    const box = [...app.querySelectorAll<HTMLInputElement>('layers-panel input[type=checkbox]')].find((i) => i.parentElement!.textContent.includes('Damage flags'))!;
    box.click();
    await until(() => app.querySelectorAll('.reader-text .hl-flag').length === 0, 'flags hidden');
    box.click();
    await until(() => app.querySelectorAll('.reader-text .hl-flag').length === before, 'flags shown again');
    app.remove();
  });

  it('creates a note from the keyboard alone, saved durably before it says so', async () => {
    const storeName = `test-keyboard-${Date.now()}`;
    const app = await mountApp(storeName);
    const view = wikiView(app);
    const text = view.querySelector('.reader-text') as HTMLElement;
    text.focus();
    // Shift+Right extends a selection word by word from the first visible text.
    await sendKeys({ down: 'Shift' });
    for (let i = 0; i < 3; i++) await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ up: 'Shift' });
    const selected = view.selectedSourceRange();
    expect(selected, 'keyboard selection').to.not.equal(null);
    await sendKeys({ press: 'a' });
    const editor = app.querySelector('note-editor') as NoteEditor;
    await until(() => editor.opened, 'editor open');
    await sendKeys({ type: 'Keyboard note <b>bold?</b>' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'chronology, test' });
    // Enter in the tags field submits the form.
    await sendKeys({ press: 'Enter' });
    await until(() => !editor.opened, 'editor closed after save');
    expect(app.querySelector('.toast')?.textContent).to.contain('Saved');
    // Durable: a separate connection to the same database already has it.
    const other = await AnnotationStore.open({ name: storeName });
    const saved = other.list().find((a) => a.body.some((b) => b.type === 'TextualBody' && b.value === 'Keyboard note <b>bold?</b>'));
    other.close();
    expect(saved, 'stored note').to.not.equal(undefined);
    expect(saved!.body.filter((b) => b.type === 'TextualBody' && b.purpose === 'tagging').map((b) => (b as { value: string }).value)).to.deep.equal(['chronology', 'test']);
    // Drawn, and the comment shows as text, never as markup.
    await until(() => view.querySelector('.hl-note'), 'note drawn');
    const notes = app.querySelector('notes-panel')!;
    await (notes as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(notes.shadowRoot!.querySelector('b')).to.equal(null);
    expect(notes.shadowRoot!.textContent).to.contain('Keyboard note <b>bold?</b>');
    app.remove();
  });

  it('restores own notes on reload, and deletes with undo', async () => {
    const storeName = `test-reload-${Date.now()}`;
    let app = await mountApp(storeName);
    const session = app.annotationSession!;
    const note = await session.createNote('journal-warsaw-pact-chile', 100, 160, 'Reload me', []);
    app.remove();
    app = await mountApp(storeName);
    expect(app.annotationSession!.workspace.get(note.id)?.comment).to.equal('Reload me');
    await app.annotationSession!.deleteNote(note.id);
    expect(app.annotationSession!.ownAnnotations().some((a) => a.id === note.id)).to.equal(false);
    await app.annotationSession!.undoDelete(note.id);
    expect(app.annotationSession!.ownAnnotations().some((a) => a.id === note.id)).to.equal(true);
    app.remove();
  });

  it('opens a deep link to an annotation: scrolls there and marks it current', async () => {
    const first = await mountApp();
    const entry = first.annotationSession!.workspace.all().find((e) => e.kind === 'flag' && e.placed[0]?.docId === 'journal-warsaw-pact-chile' && e.placed[0].from > 20000)!;
    first.remove();
    location.hash = `#a=${encodeURIComponent(entry.annotation.id)}`;
    const app = await mountApp();
    const view = app.querySelector('reader-view[data-doc="journal-warsaw-pact-chile"]') as ReaderView;
    const current = await until(() => view.querySelector('.is-current'), 'current mark');
    const scroller = view.querySelector('.reader-scroll')!;
    const box = current.getBoundingClientRect();
    const frame = scroller.getBoundingClientRect();
    expect(scroller.scrollTop).to.be.greaterThan(0);
    expect(box.top).to.be.within(frame.top - 5, frame.bottom + 5);
    history.replaceState(null, '', location.pathname);
    app.remove();
  });

  it('imports a file with hostile bodies as inert text and reports what it skipped', async () => {
    const app = await mountApp();
    const session = app.annotationSession!;
    (window as unknown as { pwned?: boolean }).pwned = false;
    const doc = session.documents[0]!;
    const good = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'urn:uuid:00000000-0000-4000-8000-00000000abcd',
      type: 'Annotation',
      motivation: 'commenting',
      creator: { type: 'Person', name: '<img src=x onerror="window.pwned=true">' },
      created: '2026-01-01T00:00:00Z',
      body: [{ type: 'TextualBody', value: '<script>window.pwned=true</script><img src=x onerror="window.pwned=true">', purpose: 'commenting' }],
      target: {
        type: 'SpecificResource',
        source: doc.entry.iri,
        selector: [
          { type: 'TextQuoteSelector', exact: doc.source.slice(200, 240), prefix: doc.source.slice(160, 200), suffix: doc.source.slice(240, 280) },
          { type: 'TextPositionSelector', start: 200, end: 240 },
        ],
      },
    };
    const file = JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', items: [good, { id: 'not an iri' }] });
    const report = await session.importFile('hostile.jsonld', file);
    expect(report).to.contain('1 added').and.to.contain('1 skipped').and.to.contain('hostile.jsonld');
    await app.updateComplete;
    const notes = app.querySelector('notes-panel')!;
    await (notes as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(notes.shadowRoot!.textContent).to.contain('<script>window.pwned=true</script>');
    expect(notes.shadowRoot!.querySelector('img, script')).to.equal(null);
    await settle();
    expect((window as unknown as { pwned?: boolean }).pwned).to.equal(false);
    app.remove();
  });
});

describe('claim links in the reader', () => {
  before(async () => {
    await setViewport({ width: 1440, height: 900 });
  });

  it('lists links conflicts first, and a dismissal stays dismissed after reload', async () => {
    const storeName = `test-claims-${Date.now()}`;
    let app = await mountApp(storeName);
    const panel = app.querySelector('claims-panel')!;
    const links = (panel as unknown as { links: { id: string; relation: string; status: string }[] }).links;
    expect(links.length).to.be.greaterThan(0);
    const target = links.find((l) => l.status === 'proposed')!;
    panel.dispatchEvent(new CustomEvent('claim-review', { detail: { id: target.id, decision: 'dismissed' }, bubbles: true, composed: true }));
    await until(() => app.annotationSession!.workspace.get(target.id)!.status === 'dismissed', 'dismissed');
    app.remove();
    app = await mountApp(storeName);
    expect(app.annotationSession!.workspace.get(target.id)!.status).to.equal('dismissed');
    // Withdrawing the decision brings the proposal back.
    app.querySelector('claims-panel')!.dispatchEvent(new CustomEvent('claim-review', { detail: { id: target.id, decision: 'proposed' }, bubbles: true, composed: true }));
    await until(() => app.annotationSession!.workspace.get(target.id)!.status === 'proposed', 'withdrawn');
    app.remove();
  });

  it('follows a link from its card to the partner in the other text', async () => {
    const app = await mountApp();
    const entry = app.annotationSession!.entriesOf('claim').find((e) => e.placed.length === 2)!;
    const [a, b] = entry.placed;
    const card = app.querySelector('annotation-card')!;
    app.viewFor(a!.docId)!.dispatchEvent(new CustomEvent('annotation-activate', { detail: { docId: a!.docId, ids: [entry.annotation.id] }, bubbles: true, composed: true }));
    await until(() => !card.hidden, 'card');
    card.dispatchEvent(new CustomEvent('card-action', { detail: { action: 'partner', id: entry.annotation.id }, bubbles: true, composed: true }));
    const other = app.viewFor(b!.docId)!;
    const current = await until(() => other.querySelector('.is-current'), 'partner marked');
    expect(current.textContent.length).to.be.greaterThan(0);
    expect(other.contains(document.activeElement)).to.equal(true);
    app.remove();
  });

  it('makes a link by hand between two selections', async () => {
    const app = await mountApp();
    const [wiki, journal] = app.annotationSession!.documents;
    const before = app.annotationSession!.entriesOf('claim').length;
    app.querySelector('claims-panel')!.dispatchEvent(
      new CustomEvent('claim-manual', {
        detail: {
          ends: [
            { docId: wiki!.entry.id, from: 2000, to: 2040, text: wiki!.source.slice(2000, 2040) },
            { docId: journal!.entry.id, from: 3000, to: 3060, text: journal!.source.slice(3000, 3060) },
          ],
          relation: 'related',
          note: 'Both describe Soviet caution.',
        },
        bubbles: true,
        composed: true,
      }),
    );
    await until(() => app.annotationSession!.entriesOf('claim').length === before + 1, 'hand-made link saved');
    const made = app.annotationSession!.entriesOf('claim').find((e) => e.annotation.creator?.type === 'Person')!;
    expect(made.placed.map((p) => p.docId).sort()).to.deep.equal([wiki!.entry.id, journal!.entry.id].sort());
    app.remove();
  });
});

describe('the reader page', () => {
  it('runs under its Content-Security-Policy without a violation', async () => {
    const frame = document.createElement('iframe');
    frame.style.width = '1200px';
    frame.style.height = '800px';
    frame.src = '/index.html';
    document.body.append(frame);
    await new Promise((r) => frame.addEventListener('load', r, { once: true }));
    const win = frame.contentWindow as Window & { cspViolations?: string[] };
    await until(() => win.document.querySelector('reader-app side-panel notes-panel'), 'app ready in frame', 15000);
    expect(win.document.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')).to.contain("script-src 'self'");
    expect(win.cspViolations).to.deep.equal([]);
    frame.remove();
  });
});

describe('claim markers', () => {
  before(async () => {
    await setViewport({ width: 1440, height: 900 });
  });

  it('puts a labelled marker button after each linked claim, which follows the link to the other text', async () => {
    const app = await mountApp();
    const wiki = wikiView(app);
    const marker = await until(() => wiki.querySelector<HTMLButtonElement>('button.span-marker'), 'claim marker');
    expect(marker.getAttribute('aria-label')).to.match(/go to the passage in/);
    marker.click();
    const journal = app.querySelector('reader-view[data-doc="journal-warsaw-pact-chile"]') as ReaderView;
    await until(() => journal.querySelector('.is-current'), 'partner marked in the other text');
    expect(journal.contains(document.activeElement)).to.equal(true);
    app.remove();
  });
});

describe('orphans, tabs and storage failures', () => {
  before(async () => {
    await setViewport({ width: 1440, height: 900 });
  });

  it('lists an annotation whose passage is gone as an orphan with its quote, and re-attaches it to a selection', async () => {
    const app = await mountApp();
    const session = app.annotationSession!;
    const doc = session.documents[0]!;
    const lost = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'urn:uuid:00000000-0000-4000-8000-0000000000aa',
      type: 'Annotation',
      motivation: 'commenting',
      creator: { type: 'Person', name: 'Someone' },
      created: '2026-01-01T00:00:00Z',
      body: [{ type: 'TextualBody', value: 'On a sentence from another edition', purpose: 'commenting' }],
      target: {
        type: 'SpecificResource',
        source: doc.entry.iri,
        selector: [
          { type: 'TextQuoteSelector', exact: 'a sentence that was rewritten entirely in the corrected edition', prefix: '', suffix: '' },
          { type: 'TextPositionSelector', start: 300, end: 362 },
        ],
      },
    };
    await session.importFile('lost.jsonld', JSON.stringify([lost]));
    await app.updateComplete;
    const notes = app.querySelector('notes-panel')! as HTMLElement & { updateComplete: Promise<unknown> };
    await notes.updateComplete;
    expect(notes.shadowRoot!.textContent).to.contain('a sentence that was rewritten entirely');
    const reattach = [...notes.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent.includes('Re-attach'))!;
    expect(reattach.disabled, 'no selection yet').to.equal(true);
    // Select a passage in the text, then re-attach.
    const view = wikiView(app);
    const range = view.sourceRangeToDOMRange(1000, 1040)!;
    const sel = window.getSelection()!;
    sel.removeAllRanges();
    sel.addRange(range);
    view.editorView!.dom.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    await until(() => !reattach.disabled, 're-attach enabled');
    reattach.click();
    await until(() => session.workspace.get(lost.id)!.placed.length === 1, 're-attached');
    expect(session.workspace.orphans().some((o) => o.annotationId === lost.id)).to.equal(false);
    expect(session.workspace.get(lost.id)!.placed[0]).to.include({ from: 1000, to: 1040 });
    app.remove();
  });

  it('keeps two tabs in step: a note saved in one appears in the other', async () => {
    const storeName = `test-tabs-${Date.now()}`;
    const one = await mountApp(storeName);
    const two = await mountApp(storeName);
    const note = await one.annotationSession!.createNote('wikipedia-chile-russia', 500, 540, 'From tab one', []);
    await until(() => two.annotationSession!.workspace.get(note.id), 'note in the other tab');
    await two.annotationSession!.updateNote(note.id, 'Edited in tab two', []);
    await until(() => one.annotationSession!.workspace.get(note.id)?.comment === 'Edited in tab two', 'edit back in tab one');
    one.remove();
    two.remove();
  });

  it('says plainly when storage is refused, keeps notes for the visit, and still exports them', async () => {
    const real = Object.getOwnPropertyDescriptor(window, 'indexedDB');
    const refusing = { open: () => { throw new DOMException('The user denied permission to access the database.', 'SecurityError'); } };
    Object.defineProperty(window, 'indexedDB', { value: refusing, configurable: true });
    let app: ReaderApp | null = null;
    try {
      app = await mountApp();
      const status = app.querySelector('.storage')!;
      expect(status.textContent).to.contain('Storage unavailable');
      expect(app.annotationSession!.problems.join(' ')).to.match(/IndexedDB|database|storage/i);
      const note = await app.annotationSession!.createNote('wikipedia-chile-russia', 600, 640, 'Kept in memory', []);
      const exported = JSON.parse(app.annotationSession!.exportLayers([OWN_LAYER_ID]));
      expect(exported.type).to.equal('AnnotationCollection');
      expect(exported.items.some((a: { id: string }) => a.id === note.id)).to.equal(true);
    } finally {
      if (real) Object.defineProperty(window, 'indexedDB', real);
      else delete (window as { indexedDB?: unknown }).indexedDB;
      app?.remove();
    }
  });
});
