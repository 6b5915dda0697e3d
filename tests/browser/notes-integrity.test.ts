/**
 * The reader's own notes against lost updates and lying storage: an editor
 * left open across another tab's save, a storage quota that refuses a write,
 * and an IndexedDB that never answers. Two tabs are two reader apps (two
 * sessions, two store connections) on one database in this page.
 */
import { expect } from '@esm-bundle/chai';
import { setViewport } from '@web/test-runner-commands';
import '../../src/components/reader-app.ts';
import type { ReaderApp } from '../../src/components/reader-app.ts';
import type { NoteEditor } from '../../src/components/note-editor.ts';
import { AnnotationStore, type StoredRecord } from '../../src/annotations/store.ts';
import type { Annotation } from '../../src/annotations/model.ts';
import { settle, until } from './support/wait.ts';

const DOC = 'wikipedia-chile-russia';
/** The browser's own IndexedDB, kept before any test replaces `window.indexedDB`. */
const realIndexedDB = window.indexedDB;
let count = 0;
const mounted: ReaderApp[] = [];

function storeName(what: string): string {
  return `test-integrity-${what}-${Date.now()}-${count++}`;
}

async function mountApp(name: string, attributes: Record<string, string> = {}): Promise<ReaderApp> {
  const app = document.createElement('reader-app');
  app.setAttribute('documents-base', '/documents/');
  app.setAttribute('annotations-base', '/annotations/');
  app.setAttribute('store-name', name);
  for (const [k, v] of Object.entries(attributes)) app.setAttribute(k, v);
  const ready = new Promise((r) => app.addEventListener('reader-ready', r, { once: true }));
  document.body.append(app);
  mounted.push(app);
  await ready;
  await app.updateComplete;
  return app;
}

afterEach(() => {
  for (const app of mounted.splice(0)) app.remove();
});

function editorOf(app: ReaderApp): NoteEditor {
  return app.querySelector('note-editor') as NoteEditor;
}

function commentOf(a: Annotation | undefined | null): string | undefined {
  const body = a?.body.find((b) => b.type === 'TextualBody' && b.purpose === 'commenting') as { value: string } | undefined;
  return body?.value;
}

/** The record of `id` as the database holds it now, read through a fresh connection. */
async function stored(name: string, id: string): Promise<StoredRecord | null> {
  const store = await AnnotationStore.open({ name, factory: realIndexedDB });
  try {
    return store.get(id);
  } finally {
    store.close();
  }
}

/** Asks the app to edit a note the way the notes panel's Edit button does. */
async function openEditor(app: ReaderApp, id: string): Promise<NoteEditor> {
  app.querySelector('notes-panel')!.dispatchEvent(new CustomEvent('card-action', { detail: { action: 'edit', id }, bubbles: true, composed: true }));
  const editor = editorOf(app);
  await until(() => editor.opened, 'editor open');
  await editor.updateComplete;
  return editor;
}

function deleteFromPanel(app: ReaderApp, id: string): void {
  app.querySelector('notes-panel')!.dispatchEvent(new CustomEvent('card-action', { detail: { action: 'delete', id }, bubbles: true, composed: true }));
}

async function typeComment(editor: NoteEditor, text: string): Promise<void> {
  const area = editor.shadowRoot!.querySelector('textarea')!;
  area.value = text;
  area.dispatchEvent(new Event('input', { bubbles: true }));
  await editor.updateComplete;
}

function button(editor: NoteEditor, label: string): HTMLButtonElement | undefined {
  return [...editor.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent.trim() === label && !b.hidden);
}

function conflictOf(editor: NoteEditor): HTMLElement | null {
  return editor.shadowRoot!.querySelector<HTMLElement>('.conflict');
}

async function submit(editor: NoteEditor): Promise<void> {
  editor.shadowRoot!.querySelector('form')!.requestSubmit();
  await until(() => !editor.opened || conflictOf(editor) || editor.saveState.kind === 'error', 'save settled');
  await editor.updateComplete;
}

function toastText(app: ReaderApp): string {
  return app.querySelector('.toast')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

describe('an editor left open while another tab saves (lost update)', () => {
  before(async () => {
    await setViewport({ width: 1440, height: 900 });
  });

  /** Tab one opens the editor and types; tab two saves its own edit meanwhile (and tab one hears of it). */
  async function raceSetup(): Promise<{ name: string; one: ReaderApp; two: ReaderApp; id: string; editor: NoteEditor }> {
    const name = storeName('race');
    const one = await mountApp(name);
    const two = await mountApp(name);
    const note = await one.annotationSession!.createNote(DOC, 500, 540, 'First words', ['start']);
    await until(() => two.annotationSession!.workspace.get(note.id), 'note in tab two');
    const editor = await openEditor(one, note.id);
    await typeComment(editor, 'Mine, typed in tab one');
    await two.annotationSession!.updateNote(note.id, 'Theirs, saved in tab two', ['other']);
    await until(() => one.annotationSession!.workspace.get(note.id)?.comment === 'Theirs, saved in tab two', 'tab one hears of the save');
    return { name, one, two, id: note.id, editor };
  }

  it('does not overwrite the other tab\'s save: it shows both versions and saves nothing until the reader chooses', async () => {
    const { name, one, id, editor } = await raceSetup();
    await submit(editor);
    // Nothing was written over theirs.
    expect(commentOf((await stored(name, id))!.annotation)).to.equal('Theirs, saved in tab two');
    expect(editor.opened, 'editor stays open').to.equal(true);
    expect(toastText(one)).to.not.contain('Saved');
    const conflict = conflictOf(editor)!;
    expect(conflict, 'conflict shown').to.not.equal(null);
    expect(conflict.getAttribute('role')).to.equal('alert');
    expect(conflict.querySelector('[data-version="theirs"]')!.textContent).to.contain('Theirs, saved in tab two').and.to.contain('other');
    expect(conflict.querySelector('[data-version="mine"]')!.textContent).to.contain('Mine, typed in tab one').and.to.contain('start');
    // What the reader typed is still in the field.
    expect(editor.shadowRoot!.querySelector('textarea')!.value).to.equal('Mine, typed in tab one');
  });

  it('"Keep mine" saves over theirs knowingly, in both tabs', async () => {
    const { name, one, two, id, editor } = await raceSetup();
    await submit(editor);
    button(editor, 'Keep mine')!.click();
    await until(() => !editor.opened, 'editor closed after keep mine');
    expect(toastText(one)).to.contain('Saved');
    const record = (await stored(name, id))!;
    expect(commentOf(record.annotation)).to.equal('Mine, typed in tab one');
    expect(record.revision).to.equal(3);
    await until(() => two.annotationSession!.workspace.get(id)?.comment === 'Mine, typed in tab one', 'tab two shows mine');
  });

  it('"Keep theirs" discards the edit and shows theirs', async () => {
    const { name, one, id, editor } = await raceSetup();
    await submit(editor);
    button(editor, 'Keep theirs')!.click();
    await until(() => !editor.opened, 'editor closed after keep theirs');
    expect(toastText(one)).to.not.contain('Saved');
    expect(commentOf((await stored(name, id))!.annotation)).to.equal('Theirs, saved in tab two');
    expect(one.annotationSession!.workspace.get(id)?.comment).to.equal('Theirs, saved in tab two');
  });

  it('"Copy mine" puts the edit on the clipboard and keeps the editor open to keep editing', async () => {
    const { name, id, editor } = await raceSetup();
    await submit(editor);
    const copied: string[] = [];
    const clipboard = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard');
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: async (t: string) => void copied.push(t) }, configurable: true });
    try {
      button(editor, 'Copy mine')!.click();
      await until(() => copied.length === 1, 'copied');
    } finally {
      delete (navigator as unknown as { clipboard?: unknown }).clipboard;
      if (clipboard) Object.defineProperty(Navigator.prototype, 'clipboard', clipboard);
    }
    expect(copied[0]).to.contain('Mine, typed in tab one').and.to.contain('start');
    expect(editor.opened).to.equal(true);
    expect(conflictOf(editor)).to.not.equal(null);
    // Keep editing, then keep the edited version.
    await typeComment(editor, 'Mine, merged with theirs');
    button(editor, 'Keep mine')!.click();
    await until(() => !editor.opened, 'saved after editing on');
    expect(commentOf((await stored(name, id))!.annotation)).to.equal('Mine, merged with theirs');
  });

  it('shows a conflict when the note was deleted in the other tab, and "Keep mine" brings it back', async () => {
    const name = storeName('deleted');
    const one = await mountApp(name);
    const two = await mountApp(name);
    const note = await one.annotationSession!.createNote(DOC, 700, 760, 'Before', []);
    await until(() => two.annotationSession!.workspace.get(note.id), 'note in tab two');
    const editor = await openEditor(one, note.id);
    await typeComment(editor, 'Edited while deleted elsewhere');
    await two.annotationSession!.deleteNote(note.id);
    await submit(editor);
    expect((await stored(name, note.id))!.deleted).to.equal(true);
    expect(conflictOf(editor)!.querySelector('[data-version="theirs"]')!.textContent).to.match(/deleted/i);
    button(editor, 'Keep mine')!.click();
    await until(() => !editor.opened, 'editor closed');
    const record = (await stored(name, note.id))!;
    expect(record.deleted).to.equal(false);
    expect(commentOf(record.annotation)).to.equal('Edited while deleted elsewhere');
  });
});

/**
 * An IndexedDB factory over the real one whose connections throw
 * QuotaExceededError on every new transaction while `full()` is true.
 */
function fillingFactory(full: () => boolean): IDBFactory {
  return {
    open(name: string, version?: number) {
      const request = realIndexedDB.open(name, version);
      request.addEventListener('success', () => {
        const db = request.result;
        const transaction = db.transaction.bind(db);
        Object.defineProperty(db, 'transaction', {
          value: (...args: Parameters<IDBDatabase['transaction']>) => {
            if (full()) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
            return transaction(...args);
          },
          configurable: true,
          writable: true,
        });
      });
      return request;
    },
  } as unknown as IDBFactory;
}

/** Runs `body` with `window.indexedDB` replaced by `factory`. */
async function withIndexedDB<T>(factory: unknown, body: () => Promise<T>): Promise<T> {
  const real = Object.getOwnPropertyDescriptor(window, 'indexedDB');
  Object.defineProperty(window, 'indexedDB', { value: factory, configurable: true });
  try {
    return await body();
  } finally {
    if (real) Object.defineProperty(window, 'indexedDB', real);
    else delete (window as { indexedDB?: unknown }).indexedDB;
  }
}

describe('a storage quota error on save, then delete', () => {
  before(async () => {
    await setViewport({ width: 1440, height: 900 });
  });

  it('says the edit was not saved, and Delete says "Deleted" only once the note is gone for good', async () => {
    const name = storeName('quota');
    let full = false;
    await withIndexedDB(fillingFactory(() => full), async () => {
      const app = await mountApp(name);
      const session = app.annotationSession!;
      const note = await session.createNote(DOC, 900, 950, 'Stored first', []);
      const editor = await openEditor(app, note.id);
      await typeComment(editor, 'Edit refused by a full disk');
      full = true;
      await submit(editor);
      expect(editor.saveState.kind).to.equal('error');
      expect(editor.shadowRoot!.textContent).to.match(/not saved/i).and.to.match(/full/);
      expect(editor.opened).to.equal(true);
      editor.shadowRoot!.querySelector<HTMLButtonElement>('button.cancel')!.click();
      // The toolbar says that a note is not stored, and offers the export.
      await until(() => /1 note is not saved/.test(app.querySelector('.storage')!.textContent), 'unsaved note named in the toolbar');
      expect(app.querySelector('button.export-notes'), 'export offered').to.not.equal(null);

      // Still full: the delete fails too, and says so; the note stays.
      deleteFromPanel(app, note.id);
      await until(() => toastText(app), 'toast after the failed delete');
      expect(toastText(app)).to.match(/^Not deleted/).and.to.match(/full/);
      expect(app.querySelector('.toast button')).to.equal(null);
      expect(session.ownAnnotations().some((a) => a.id === note.id)).to.equal(true);

      // Space again: now the delete is durable, and only then does it say "Deleted."
      full = false;
      deleteFromPanel(app, note.id);
      await until(() => toastText(app).startsWith('Deleted'), 'deleted');
      expect(session.ownAnnotations().some((a) => a.id === note.id)).to.equal(false);
      expect(session.workspace.get(note.id)).to.equal(null);
      const store = await AnnotationStore.open({ name, factory: realIndexedDB });
      expect(store.get(note.id)!.deleted).to.equal(true);
      store.close();
      await until(() => app.querySelector('.storage')!.textContent.includes('Notes are saved in this browser'), 'nothing unsaved any more');

      // Undo brings back the latest words, the ones the full disk refused.
      app.querySelector<HTMLButtonElement>('.toast button')!.click();
      await until(() => session.workspace.get(note.id), 'restored');
      expect(session.workspace.get(note.id)!.comment).to.equal('Edit refused by a full disk');
    });
  });

  it('deletes a new note whose first save was refused, durably, instead of claiming it', async () => {
    const name = storeName('quota-new');
    let full = false;
    await withIndexedDB(fillingFactory(() => full), async () => {
      const app = await mountApp(name);
      const session = app.annotationSession!;
      full = true;
      let saveError: unknown;
      let id = '';
      try {
        await session.createNote(DOC, 1000, 1040, 'Never stored', []);
      } catch (e) {
        saveError = e;
      }
      expect((saveError as Error).message).to.match(/full/);
      id = session.ownAnnotations().find((a) => commentOf(a) === 'Never stored')!.id;
      full = false;
      deleteFromPanel(app, id);
      await until(() => toastText(app), 'toast');
      expect(toastText(app)).to.match(/^Deleted/);
      expect(session.ownAnnotations().some((a) => a.id === id)).to.equal(false);
    });
  });
});

/** An IndexedDB whose open requests never settle until `answer()` lets them reach the real database. */
function silentFactory(): { factory: IDBFactory; opened: () => number; answer: () => void } {
  const waiting: { name: string; version?: number; request: Record<string, unknown> }[] = [];
  return {
    factory: {
      open(name: string, version?: number) {
        const request: Record<string, unknown> = { result: undefined, error: null, readyState: 'pending' };
        waiting.push({ name, ...(version !== undefined ? { version } : {}), request });
        return request;
      },
    } as unknown as IDBFactory,
    opened: () => waiting.length,
    answer() {
      for (const { name, version, request } of waiting.splice(0)) {
        const real = realIndexedDB.open(name, version);
        const forward = (type: string) => (event: Event) => {
          request.result = real.result;
          (request[`on${type}`] as ((e: Event) => void) | null | undefined)?.(event);
        };
        real.onupgradeneeded = forward('upgradeneeded');
        real.onsuccess = forward('success');
        real.onerror = () => {
          request.error = real.error;
          (request.onerror as ((e: Event) => void) | undefined)?.(new Event('error'));
        };
      }
    },
  };
}

describe('an IndexedDB that never answers', () => {
  before(async () => {
    await setViewport({ width: 1440, height: 900 });
  });

  it('stops waiting after the configured time, says so, keeps notes for the visit, offers export, and recovers when storage answers', async () => {
    const name = storeName('silent');
    const silent = silentFactory();
    let app!: ReaderApp;
    let note!: Annotation;
    await withIndexedDB(silent.factory, async () => {
      app = await mountApp(name, { 'store-open-timeout': '50' });
      expect(silent.opened()).to.be.greaterThan(0);
      expect(app.textContent).to.not.contain('Loading annotations');
      const session = app.annotationSession!;
      expect(session.durable).to.equal(false);
      const status = app.querySelector('.storage')!;
      expect(status.textContent).to.match(/not answering/i);
      expect(session.problems.join(' ')).to.match(/storage is not answering/i);
      // Notes still work for this visit, and can be exported.
      note = await session.createNote(DOC, 1200, 1260, 'Written while storage was silent', []);
      const exportButton = status.parentElement!.querySelector<HTMLButtonElement>('button.export-notes')!;
      expect(exportButton, 'export offered').to.not.equal(null);
      const exported = JSON.parse(session.exportLayers(['own']));
      expect(exported.items.map((a: { id: string }) => a.id)).to.include(note.id);
      // Storage answers at last: the note of this visit is saved in it.
      silent.answer();
      await until(() => session.durable, 'store adopted');
      await until(() => app.querySelector('.storage')!.textContent.includes('saved in this browser'), 'status says durable');
    });
    const record = await stored(name, note.id);
    expect(commentOf(record?.annotation)).to.equal('Written while storage was silent');
    expect(app.annotationSession!.problems.join(' ')).to.not.match(/not answering/i);
  });
});

describe('the note editor', () => {
  it('knows it is open when reopened right after closing (the close event comes late)', async () => {
    const editor = document.createElement('note-editor');
    document.body.append(editor);
    try {
      await editor.open({ quote: 'a passage', mode: 'create' });
      editor.close();
      await editor.open({ quote: 'another passage', mode: 'create' });
      // The late close event is the thing under test: let it arrive, then check it did not close the new dialog.
      await settle();
      expect(editor.shadowRoot!.querySelector('dialog')!.open).to.equal(true);
      expect(editor.opened).to.equal(true);
    } finally {
      editor.remove();
    }
  });
});
