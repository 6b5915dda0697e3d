/**
 * Two tabs (two reader apps on one database) doing random things to the
 * reader's own notes through the real note editor, with editors left open
 * across the other tab's saves. A model of the database says, before each
 * save, what must happen: a save based on what is stored succeeds; one based
 * on an older revision shows a conflict and writes nothing. So a silent
 * overwrite, a lost acknowledged edit or a false "saved" fails at its step.
 */
import { expect } from '@esm-bundle/chai';
import '../../src/components/reader-app.ts';
import type { ReaderApp } from '../../src/components/reader-app.ts';
import type { NoteEditor } from '../../src/components/note-editor.ts';
import { AnnotationStore } from '../../src/annotations/store.ts';
import type { Annotation } from '../../src/annotations/model.ts';
import { mountReader } from './support/mount.ts';
import { until } from './support/wait.ts';

/** A small composed text, so that each tab loads in a moment. */
const TEXT = [
  'Notes on a harbour town',
  '',
  'The harbour master kept a ledger of every ship that entered the bay during the long winter of storms.',
  '',
  'Merchants complained that the price of copper rose each month, while the fishermen sold their catch for less.',
  '',
  'A visiting consul wrote home that the town was calm, although the newspapers told a different story.',
  '',
  'By spring the ledger was full, and a second volume was bought from the stationer on the main square.',
  '',
].join('\n');
const DOC = 'harbour-notes';
const MANIFEST = {
  documents: [{ id: DOC, file: 'harbour.txt', iri: 'https://reader.example.org/test/harbour.txt', kind: 'notes', language: 'en', title: 'Notes on a harbour town', author: null, missing: ['author'], publisher: null, label: 'Notes on a harbour town' }],
  layers: [],
};

/** Serves the composed text and its manifest under /random-tabs/. */
function serveFixture(): () => void {
  const realFetch = window.fetch;
  window.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input instanceof Request ? input.url : input);
    if (url.endsWith('/random-tabs/manifest.json')) return Promise.resolve(new Response(JSON.stringify(MANIFEST), { headers: { 'Content-Type': 'application/json' } }));
    if (url.endsWith('/random-tabs/harbour.txt')) return Promise.resolve(new Response(TEXT, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } }));
    return realFetch(input, init);
  });
  return () => (window.fetch = realFetch);
}

function mountApp(name: string): Promise<ReaderApp> {
  return mountReader('/random-tabs/', { annotationsBase: '/random-tabs/', storeName: name });
}

/** A deterministic pseudo-random sequence (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function commentOf(a: Annotation | undefined | null): string | undefined {
  return (a?.body.find((b) => b.type === 'TextualBody' && b.purpose === 'commenting') as { value: string } | undefined)?.value;
}

/** What the database holds, as the model writes it: id → revision, deleted, comment. */
type Truth = Map<string, { revision: number; deleted: boolean; comment: string }>;

async function storedState(name: string): Promise<Record<string, { revision: number; deleted: boolean; comment: string }>> {
  const store = await AnnotationStore.open({ name });
  try {
    const out: Record<string, { revision: number; deleted: boolean; comment: string }> = {};
    for (const r of [...store.all()].sort((a, b) => (a.id < b.id ? -1 : 1))) out[r.id] = { revision: r.revision, deleted: r.deleted, comment: commentOf(r.annotation) ?? '' };
    return out;
  } finally {
    store.close();
  }
}

function truthState(truth: Truth): Record<string, { revision: number; deleted: boolean; comment: string }> {
  return Object.fromEntries([...truth].sort(([a], [b]) => (a < b ? -1 : 1)).map(([id, v]) => [id, { ...v }]));
}

/** A tab's own live notes: id → comment. */
function tabNotes(app: ReaderApp): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of app.annotationSession!.ownAnnotations()) out[a.id] = commentOf(a) ?? '';
  return out;
}

function liveNotes(truth: Truth): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [id, v] of truth) if (!v.deleted) out[id] = v.comment;
  return out;
}

const sorted = (o: Record<string, string>) => JSON.stringify(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)));

/** One tab's editor as the model sees it. */
interface OpenEditor {
  readonly id: string;
  /** The stored revision when the editor opened (the tab showed exactly it). */
  readonly base: number;
  typed: string | null;
  /** After a conflict: the revision of the version it showed as theirs. */
  theirs: number | null;
}

describe('two tabs editing the same notes at random, editors left open across saves', () => {
  it('never overwrites silently, never loses an acknowledged edit, and ends with both tabs equal to the database (seeded, 400 steps)', async function () {
    this.timeout(600_000);
    const restoreFetch = serveFixture();
    const name = `test-random-tabs-${crypto.randomUUID()}`;
    const tabs: ReaderApp[] = [];
    try {
      tabs.push(await mountApp(name), await mountApp(name));
      const rand = random(10_2026);
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
      const truth: Truth = new Map();
      const editors: (OpenEditor | null)[] = [null, null];
      const counts = { saved: 0, conflicts: 0, conflictsAgain: 0, keptMine: 0, keptTheirs: 0, direct: 0, deletes: 0, restores: 0, reloads: 0 };
      const editorOf = (t: number) => tabs[t]!.querySelector('note-editor') as NoteEditor;
      const conflictShown = (editor: NoteEditor) => editor.shadowRoot!.querySelector<HTMLElement>('.conflict');
      /** Waits until tab `t` knows what the database holds for `id` (its broadcast may lag). */
      const inStep = (t: number, id: string) => {
        const want = truth.get(id)!;
        return until(() => {
          const session = tabs[t]!.annotationSession!;
          const entry = session.workspace.get(id);
          // The same words can come back at another revision (delete, then undo): compare revisions too.
          return want.deleted ? !entry : entry?.comment === want.comment && session.beginEdit(id)?.revision === want.revision;
        }, `tab ${t} in step on ${id}`);
      };
      const expectStored = async (id: string, at: string) => {
        const db = await storedState(name);
        expect(db[id], at).to.deep.equal(truth.get(id));
      };
      const button = (editor: NoteEditor, label: string) => [...editor.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent.trim() === label)!;
      const type = async (editor: NoteEditor, text: string) => {
        const area = editor.shadowRoot!.querySelector('textarea')!;
        area.value = text;
        area.dispatchEvent(new Event('input'));
        await editor.updateComplete;
      };

      for (let step = 0; step < 400; step++) {
        const t = rand() < 0.5 ? 0 : 1;
        const app = tabs[t]!;
        const session = app.annotationSession!;
        const mine = editors[t];
        const live = [...truth].filter(([, v]) => !v.deleted).map(([id]) => id);
        const dead = [...truth].filter(([, v]) => v.deleted).map(([id]) => id);
        const r = rand();
        const at = `step ${step} (tab ${t})`;
        /** A live note, most often the one the other tab's editor is open on: the race this test is about. */
        const target = (): string => {
          const other = editors[1 - t];
          return other && live.includes(other.id) && rand() < 0.6 ? other.id : pick(live);
        };

        if (mine && mine.theirs !== null) {
          // An open conflict: keep mine (maybe after editing on) or keep theirs.
          const editor = editorOf(t);
          expect(conflictShown(editor), `${at}: conflict still shown`).to.not.equal(null);
          if (r < 0.55) {
            if (rand() < 0.3) {
              mine.typed = `merged ${step} in tab ${t}`;
              await type(editor, mine.typed);
            }
            const shownConflict = editor.conflict;
            button(editor, 'Keep mine').click();
            await until(() => !editor.opened || editor.saveState.kind === 'error' || (editor.saveState.kind === 'idle' && editor.conflict !== shownConflict), `${at}: keep mine settled`);
            const current = truth.get(mine.id)!;
            if (current.revision === mine.theirs) {
              expect(editor.opened, `${at}: keep mine saves`).to.equal(false);
              truth.set(mine.id, { revision: current.revision + 1, deleted: false, comment: mine.typed! });
              editors[t] = null;
              counts.keptMine++;
            } else {
              // Theirs changed again since the conflict was shown: a new conflict, nothing written.
              expect(editor.opened, `${at}: a newer save is a new conflict`).to.equal(true);
              mine.theirs = current.revision;
              counts.conflictsAgain++;
            }
            await expectStored(mine.id, at);
          } else {
            button(editor, 'Keep theirs').click();
            await until(() => !editor.opened, `${at}: keep theirs closes`);
            editors[t] = null;
            counts.keptTheirs++;
            await expectStored(mine.id, at);
          }
        } else if (mine) {
          const editor = editorOf(t);
          if (mine.typed === null || r < 0.2) {
            mine.typed = `typed ${step} in tab ${t}`;
            await type(editor, mine.typed);
          } else if (r < 0.5) {
            // Save: succeeds only if nothing was written since the editor opened.
            const current = truth.get(mine.id)!;
            editor.shadowRoot!.querySelector('form')!.requestSubmit();
            await until(() => !editor.opened || conflictShown(editor) || editor.saveState.kind === 'error', `${at}: save settled`);
            expect(editor.saveState.kind, `${at}: no error`).to.not.equal('error');
            if (current.revision === mine.base && !current.deleted) {
              expect(editor.opened, `${at}: a save on the stored revision succeeds`).to.equal(false);
              truth.set(mine.id, { revision: current.revision + 1, deleted: false, comment: mine.typed });
              editors[t] = null;
              counts.saved++;
            } else {
              expect(editor.opened, `${at}: a save on an older revision must not overwrite`).to.equal(true);
              const theirs = conflictShown(editor)!.querySelector('[data-version="theirs"]')!.textContent;
              expect(theirs, `${at}: theirs shown`).to.contain(current.comment);
              if (current.deleted) expect(theirs).to.match(/deleted/i);
              expect(conflictShown(editor)!.querySelector('[data-version="mine"]')!.textContent, `${at}: mine shown`).to.contain(mine.typed);
              mine.theirs = current.revision;
              counts.conflicts++;
            }
            await expectStored(mine.id, at);
          } else if (r < 0.56) {
            button(editor, 'Cancel').click();
            await until(() => !editor.opened, `${at}: cancelled`);
            editors[t] = null;
          }
          // Otherwise the reader pauses, the editor left open while the other tab works.
        } else if (r < 0.12 || live.length < 3) {
          const from = Math.floor(rand() * (TEXT.length - 30));
          const comment = `created ${step} in tab ${t}`;
          const note = await session.createNote(DOC, from, from + 20, comment, []);
          truth.set(note.id, { revision: 1, deleted: false, comment });
          await expectStored(note.id, at);
        } else if (r < 0.5) {
          // Open an editor on what this tab shows (waiting for it to show what is stored).
          const id = target();
          await inStep(t, id);
          app.querySelector('notes-panel')!.dispatchEvent(new CustomEvent('card-action', { detail: { action: 'edit', id }, bubbles: true, composed: true }));
          const editor = editorOf(t);
          await until(() => editor.opened, `${at}: editor open`).catch((e) => {
            throw new Error(`${(e as Error).message} (toast: ${app.querySelector('.toast')?.textContent ?? 'none'})`);
          });
          await editor.updateComplete;
          expect(editor.shadowRoot!.querySelector('textarea')!.value, `${at}: editor shows the stored words`).to.equal(truth.get(id)!.comment);
          editors[t] = { id, base: truth.get(id)!.revision, typed: null, theirs: null };
        } else if (r < 0.72) {
          // This tab saves an edit directly (as another tab's editor would), on what it shows.
          const id = target();
          await inStep(t, id);
          const comment = `direct ${step} in tab ${t}`;
          expect(await session.updateNote(id, comment, [])).to.equal('saved');
          truth.set(id, { revision: truth.get(id)!.revision + 1, deleted: false, comment });
          counts.direct++;
          await expectStored(id, at);
        } else if (r < 0.84) {
          const id = target();
          await inStep(t, id);
          app.querySelector('notes-panel')!.dispatchEvent(new CustomEvent('card-action', { detail: { action: 'delete', id }, bubbles: true, composed: true }));
          await until(() => !session.workspace.get(id), `${at}: deleted`);
          expect(app.querySelector('.toast')?.textContent).to.contain('Deleted.');
          truth.set(id, { ...truth.get(id)!, revision: truth.get(id)!.revision + 1, deleted: true });
          counts.deletes++;
          await expectStored(id, at);
        } else if (r < 0.97 && dead.length) {
          const id = pick(dead);
          await inStep(t, id);
          await session.undoDelete(id);
          truth.set(id, { ...truth.get(id)!, revision: truth.get(id)!.revision + 1, deleted: false });
          counts.restores++;
          await expectStored(id, at);
        } else if (r >= 0.97) {
          // Reload the tab (its closed editor had nothing unsaved).
          app.remove();
          tabs[t] = await mountApp(name);
          counts.reloads++;
        }
      }

      // The database holds exactly the model; both tabs show exactly the database.
      expect(await storedState(name)).to.deep.equal(truthState(truth));
      for (const app of tabs) await until(() => sorted(tabNotes(app)) === sorted(liveNotes(truth)), 'tab in step with the database');
      // The run did what it is for.
      expect(counts.conflicts, JSON.stringify(counts)).to.be.greaterThan(10);
      expect(counts.keptMine).to.be.greaterThan(3);
      expect(counts.keptTheirs).to.be.greaterThan(3);
      expect(counts.saved).to.be.greaterThan(10);
    } finally {
      for (const app of tabs) app.remove();
      restoreFetch();
    }
  });
});
