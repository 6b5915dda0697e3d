// Two people share notes through a real annotation server (started by the
// test runner's plugin, scripts/wtr-annotation-server.mjs). Alice's reader is
// mounted in the test page; Bob's is the reader page itself (index.html) in
// another browser context (scripts/wtr-browser-contexts.mjs): his own cookies,
// localStorage and IndexedDB, as another person's browser. Everything
// is done through the Sharing fieldset: create accounts, make a group, add the
// other, join by the group's address; then a note reaches the other reader as
// a layer named after its author (hostile markup shown as text), the layer
// switches off, a note written offline goes when the browser is back online,
// and an edit on two devices of one person ends in a choice, never a loss.
import { expect } from '@esm-bundle/chai';
import '../../src/components/reader-app.ts';
import type { ReaderApp } from '../../src/components/reader-app.ts';
import type { Session } from '../../src/app/session.ts';
import type { ReaderSync, ReaderSyncOptions } from '../../src/sync/reader-sync.ts';
import { noteWords } from '../../src/app/own-annotations.ts';
import { executeServerCommand } from '@web/test-runner-commands';
import { until } from './support/wait.ts';

declare global {
  interface Window {
    __pwned?: number;
  }
}

const DOC = 'wikipedia-chile-russia';
const PASSWORD = 'a long enough password';
const HOSTILE = '<img src=x onerror="window.__pwned=1"> read §3 before Monday';

/** A fetch whose network can be cut, like a laptop going offline. */
function switchableFetch(): { offline: boolean; fetch: typeof fetch } {
  const net: { offline: boolean; fetch: typeof fetch } = { offline: false, fetch: ((input: RequestInfo | URL, init?: RequestInit) => (net.offline ? Promise.reject(new TypeError('Failed to fetch')) : fetch(input, init))) };
  return net;
}

async function mount(options: ReaderSyncOptions, serverFetch?: typeof fetch): Promise<ReaderApp> {
  const app = document.createElement('reader-app');
  app.setAttribute('documents-base', '/documents/');
  app.setAttribute('annotations-base', '/annotations/');
  app.setAttribute('store-name', `test-sharing-${crypto.randomUUID()}`);
  app.serverSyncOptions = options;
  if (serverFetch) app.serverFetch = serverFetch;
  const ready = new Promise((r) => app.addEventListener('reader-ready', r, { once: true }));
  document.body.append(app);
  await ready;
  await app.updateComplete;
  return app;
}

const sessionOf = (app: ReaderApp) => (app as unknown as { session: Session }).session;
const panelOf = (app: ReaderApp) => app.querySelector('sync-panel') as HTMLElement;
const statusOf = (app: ReaderApp) => panelOf(app).querySelector('[role=status]')!.textContent.replace(/\s+/g, ' ').trim();

/** Fills and submits a form of the Sharing fieldset, as a person would. */
function submit(app: ReaderApp, selector: string, values: Record<string, string>, button = 'button[type=submit]'): void {
  const form = panelOf(app).querySelector(selector) as HTMLFormElement;
  expect(form, selector).to.exist;
  for (const [name, value] of Object.entries(values)) (form.elements.namedItem(name) as HTMLInputElement).value = value;
  (form.querySelector(button) as HTMLButtonElement).click();
}

async function createAccount(app: ReaderApp, server: string, name: string): Promise<void> {
  submit(app, 'form.sync-sign-in', { server, name, password: PASSWORD }, 'button.create-account');
  await until(() => panelOf(app).querySelector('.account-name')?.textContent === name, `${name} signed in (status: ${statusOf(app)})`);
}

/** Evaluates `script` in Bob's page (his browser context) and answers its JSON value. */
function inBob<T>(script: string): Promise<T> {
  return executeServerCommand<{ value: T }, { name: string; script: string }>('context-eval', { name: 'bob', script }).then((answer) => answer.value);
}

/**
 * Polls `check` (an expression over `app`, Bob's reader-app, and `panel`, its
 * Sharing fieldset) in Bob's page until it is truthy; each round first presses
 * Sync now there (Bob's reader syncs by itself only every 30 s).
 */
async function untilBob<T>(check: string, what: string, ms = 20000): Promise<T> {
  const end = performance.now() + ms;
  for (;;) {
    const value = await inBob<T>(`(() => {
      const app = document.querySelector('reader-app');
      const panel = app && app.querySelector('sync-panel');
      const sync = panel && panel.querySelector('button.server-sync');
      if (sync && !sync.disabled) sync.click();
      return ${check};
    })()`);
    if (value) return value;
    if (performance.now() > end) throw new Error(`timed out waiting for ${what} in Bob's browser`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Fills and submits a form of Bob's Sharing fieldset. */
function submitInBob(selector: string, values: Record<string, string>, button = 'button[type=submit]'): Promise<unknown> {
  return inBob(`(() => {
    const form = document.querySelector('reader-app sync-panel ${selector}');
    for (const [name, value] of Object.entries(${JSON.stringify(values)})) form.elements.namedItem(name).value = value;
    form.querySelector(${JSON.stringify(button)}).click();
    return true;
  })()`);
}

/** Bob's shared layers as plain data. */
const BOB_SHARED = `app.session.workspace.allLayers().filter((l) => l.origin === 'shared').map((l) => ({ id: l.id, label: l.label, notes: l.annotations.map((a) => ({ id: a.id, comment: a.body[0] && a.body[0].value })) }))`;
interface SharedRow {
  id: string;
  label: string;
  notes: { id: string; comment: string }[];
}

function ownComment(app: ReaderApp, id: string): string | undefined {
  const a = sessionOf(app).ownAnnotations().find((n) => n.id === id);
  return a && noteWords(a).comment;
}

describe('sharing notes through the annotation server (two people, a real server)', function () {
  this.timeout(60000);
  let server = '';
  const stamp = crypto.randomUUID().slice(0, 8);
  const alice = `alice-${stamp}`;
  const bob = `bob-${stamp}`;
  const aliceNet = switchableFetch();
  let aliceApp: ReaderApp;
  let noteId = '';

  before(async () => {
    const answer = (await (await fetch('/__annotation-server')).json()) as { url?: string; error?: string };
    if (!answer.url) throw new Error(`no annotation server: ${answer.error}`);
    server = `${answer.url}/`;
    // Alice's retries wait long, so that only the browser's "online" event can send her offline note in time.
    aliceApp = await mount({ auto: { debounceMs: 50, periodMs: 60000, backoffMs: 60000 } }, aliceNet.fetch);
    await executeServerCommand('context-open', { name: 'bob', path: '/index.html' });
    await untilBob<boolean>('!!(panel && panel.querySelector("form.sync-sign-in"))', 'the reader page');
  });

  after(() => {
    aliceApp?.remove();
    void executeServerCommand('context-close', { name: 'bob' });
  });

  it('signs two people in, one makes a group and adds the other, who joins it by its address', async () => {
    await createAccount(aliceApp, server, alice);
    await submitInBob('form.sync-sign-in', { server, name: bob, password: PASSWORD }, 'button.create-account');
    await untilBob(`panel.querySelector('.account-name')?.textContent === ${JSON.stringify(bob)}`, 'bob signed in');
    submit(aliceApp, 'form.group-create', { name: 'Seminar' });
    await until(() => panelOf(aliceApp).querySelector('.group-members')?.textContent?.includes('Seminar'), 'the group made');
    expect((panelOf(aliceApp).querySelector('input[name=audience][value=group]') as HTMLInputElement).checked, 'new notes go to the group').to.equal(true);
    submit(aliceApp, 'form.member-add', { name: bob });
    await until(() => panelOf(aliceApp).querySelector('.group-members')?.textContent?.includes(bob), `${bob} added (status: ${statusOf(aliceApp)})`);
    const address = panelOf(aliceApp).querySelector('.group-address')!.textContent;
    await submitInBob('form.group-join', { group: address });
    await untilBob(`panel.querySelector('.group-members')?.textContent?.includes('Seminar')`, 'bob in the group');
    expect(await inBob<string>(`document.querySelector('reader-app sync-panel .group-select option:checked').textContent`)).to.contain('Seminar');
    // Every control of the panel has a name a screen reader can say, and is reached by Tab (no tabindex games).
    for (const control of panelOf(aliceApp).querySelectorAll<HTMLElement>('input, select, button, summary')) {
      const name = control.closest('label')?.textContent?.trim() || control.getAttribute('aria-label') || control.textContent?.trim();
      expect(name, control.outerHTML).to.not.equal('');
      expect(control.tabIndex, control.outerHTML).to.equal(0);
    }
  });

  it("a note reaches the other reader as a layer named after its author; its markup is shown as text, never run", async () => {
    const note = await sessionOf(aliceApp).createNote(DOC, 0, 12, HOSTILE, ['seminar']);
    noteId = note.id;
    const layers = await untilBob<SharedRow[]>(`(${BOB_SHARED}).filter((l) => l.notes.length === 1).length && ${BOB_SHARED}`, "alice's note at bob's");
    expect(layers).to.have.length(1);
    const layer = layers[0]!;
    expect(layer.label).to.equal(`${alice}'s notes (Seminar)`);
    const sharedId = layer.notes[0]!.id;
    const seen = await inBob<Record<string, unknown>>(`(async () => {
      const app = document.querySelector('reader-app');
      const own = app.session.ownAnnotations().some((a) => a.id === ${JSON.stringify(note.id)});
      const row = app.querySelector('layers-panel input.layer-check[data-layer="' + CSS.escape(${JSON.stringify(layer.id)}) + '"]');
      const shown = await app.showAnnotation(${JSON.stringify(sharedId)});
      await app.updateComplete;
      const view = app.querySelector('reader-view[data-doc="${DOC}"]');
      // Wait (bounded) for what is read below: the card drawn with the note, and the note's span drawn.
      const end = performance.now() + 5000;
      const ready = () => view.spans.some((s) => s.id === ${JSON.stringify(sharedId)}) && (app.querySelector('annotation-card')?.shadowRoot?.textContent ?? '').includes('Shared note');
      while (!ready() && performance.now() < end) await new Promise((r) => setTimeout(r, 25));
      const card = app.querySelector('annotation-card').shadowRoot;
      const span = view.spans.find((s) => s.id === ${JSON.stringify(sharedId)});
      return {
        own, shown, rowLabel: row.closest('label').textContent, card: card.textContent, cardImages: card.querySelectorAll('img').length,
        pwned: window.__pwned === undefined ? null : window.__pwned, spanClass: span ? span.className : null,
        ownList: app.querySelector('notes-panel').shadowRoot.querySelector('#own').textContent,
      };
    })()`);
    expect(seen.own, "not one of bob's own notes").to.equal(false);
    expect(seen.shown).to.equal(true);
    expect(seen.rowLabel).to.contain(`${alice}'s notes (Seminar)`);
    expect(seen.card).to.contain('read §3 before Monday').and.to.contain('<img src=x').and.to.contain(`By ${alice}`).and.to.contain('Shared note');
    expect(seen.cardImages, 'markup is text').to.equal(0);
    expect(seen.card, "no Edit on someone else's note").not.to.contain('Edit');
    expect(seen.pwned).to.equal(null);
    expect(seen.spanClass, 'drawn apart from own notes').to.contain('hl-shared');
    expect(seen.ownList, "not listed among bob's own notes").to.equal('Your notes (0)');

    // The layer switches off and on from Bob's layers panel.
    const spanDrawn = `document.querySelector('reader-app reader-view[data-doc="${DOC}"]').spans.some((s) => s.id === ${JSON.stringify(sharedId)})`;
    const clickRow = `document.querySelector('reader-app layers-panel input.layer-check[data-layer="' + CSS.escape(${JSON.stringify(layer.id)}) + '"]').click()`;
    await inBob(clickRow);
    await untilBob(`!(${spanDrawn})`, 'hidden with its layer');
    await inBob(clickRow);
    await untilBob(spanDrawn, 'shown again');

    // Alice sees who may read the note, and may change it note by note.
    const select = await until(() => panelOf(aliceApp).querySelector<HTMLSelectElement>(`.note-audiences li[data-id="${CSS.escape(note.id)}"] select`), 'the per-note audience');
    expect(select.value).to.equal('group');
    expect([...select.options].map((o) => o.value)).to.deep.equal(['private', 'group', 'public']);
  });

  it('a note written offline is saved at once, waits in the outbox, and goes when the browser is back online', async () => {
    aliceNet.offline = true;
    await sessionOf(aliceApp).createNote(DOC, 20, 40, 'written on the train', []);
    await until(() => /did not answer/.test(statusOf(aliceApp)) && /Trying again in 60 s/.test(statusOf(aliceApp)), `the offline status (${statusOf(aliceApp)})`);
    expect(panelOf(aliceApp).querySelector('.pending')!.textContent).to.match(/^[1-9]\d* changes wait to be sent$/);
    aliceNet.offline = false;
    window.dispatchEvent(new Event('online'));
    await untilBob(`(${BOB_SHARED}).some((l) => l.notes.some((n) => n.comment === 'written on the train'))`, 'the offline note');
    await until(() => panelOf(aliceApp).querySelector('.pending')?.textContent === 'Nothing waits to be sent', 'the outbox empty');
  });

  it('an edit made on two devices of one person gives both versions and the choice; nothing is lost', async () => {
    // Alice's second device: "Sync now" only, so the test decides when it meets the server.
    const laptop = await mount({ auto: false });
    try {
      submit(laptop, 'form.sync-sign-in', { server, name: alice, password: PASSWORD });
      await until(() => panelOf(laptop).querySelector('.account-name')?.textContent === alice, 'the laptop signed in');
      const address = panelOf(aliceApp).querySelector('.group-address')!.textContent;
      submit(laptop, 'form.group-join', { group: address });
      await until(() => panelOf(laptop).querySelector('.group-members')?.textContent?.includes('Seminar'), 'the laptop in the group');
      const syncNow = async () => {
        const before = (laptop as unknown as { serverSync: { finishedSyncs: number } }).serverSync.finishedSyncs;
        (panelOf(laptop).querySelector('button.server-sync') as HTMLButtonElement).click();
        await until(() => (laptop as unknown as { serverSync: { finishedSyncs: number } }).serverSync.finishedSyncs > before, 'a sync');
      };
      await syncNow();
      await until(() => ownComment(laptop, noteId) === HOSTILE, "alice's note, as her own, on her laptop");

      const desktop = (aliceApp as unknown as { serverSync: ReaderSync }).serverSync;
      const before = desktop.finishedSyncs;
      await sessionOf(aliceApp).updateNote(noteId, 'edited on the desktop', []);
      await until(() => desktop.finishedSyncs > before && desktop.pending === 0 && !desktop.busy, 'the desktop edit sent');
      await sessionOf(laptop).updateNote(noteId, 'edited on the laptop', []);
      await syncNow();
      const conflict = await until(() => panelOf(laptop).querySelector<HTMLElement>('.server-conflicts li'), `the conflict (${statusOf(laptop)})`);
      expect(conflict.textContent).to.contain('edited on the laptop').and.to.contain('edited on the desktop');
      expect(ownComment(laptop, noteId), 'not overwritten before the choice').to.equal('edited on the laptop');
      (conflict.querySelector('button.keep-mine') as HTMLButtonElement).click();
      await until(() => !panelOf(laptop).querySelector('.server-conflicts'), 'settled');
      await syncNow();
      (panelOf(aliceApp).querySelector('button.server-sync') as HTMLButtonElement).click();
      await until(() => ownComment(aliceApp, noteId) === 'edited on the laptop', 'the kept version on the desktop', 20000);
      await untilBob(`(${BOB_SHARED}).some((l) => l.notes.some((n) => n.comment === 'edited on the laptop'))`, 'the kept version');
    } finally {
      laptop.remove();
    }
  });

  it('signing out stops sharing: the token is revoked and the others\' layers go', async () => {
    await inBob(`document.querySelector('reader-app sync-panel button.sign-out').click()`);
    await untilBob(`panel.querySelector('[role=status]').textContent.trim().startsWith('Signed out.')`, 'signed out');
    expect(await inBob<SharedRow[]>(`(() => { const app = document.querySelector('reader-app'); return ${BOB_SHARED}; })()`)).to.have.length(0);
    expect(await inBob<string>(`document.querySelector('reader-app sync-panel form.sync-sign-in input[name=name]').value`)).to.equal(bob);
    // Bob's reader ran under the page's Content-Security-Policy, which lets it reach the server: no violation.
    expect(await inBob<string[]>('window.cspViolations')).to.deep.equal([]);
  });
});
