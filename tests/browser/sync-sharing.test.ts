// Two people share notes through a real annotation server (started by the
// test runner's plugin, scripts/wtr-annotation-server.mjs). Each reader has
// its own IndexedDB databases and settings, as two browsers would. Everything
// is done through the Sharing fieldset: create accounts, make a group, add the
// other, join by the group's address; then a note reaches the other reader as
// a layer named after its author (hostile markup shown as text), the layer
// switches off, a note written offline goes when the browser is back online,
// and an edit on two devices of one person ends in a choice, never a loss.
import { expect } from '@esm-bundle/chai';
import '../../src/components/reader-app.ts';
import type { ReaderApp } from '../../src/components/reader-app.ts';
import type { Session } from '../../src/app/session.ts';
import type { ReaderView } from '../../src/components/reader-view.ts';
import type { ReaderSync, ReaderSyncOptions } from '../../src/sync/reader-sync.ts';
import { noteWords } from '../../src/app/own-annotations.ts';
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

function sharedLayers(app: ReaderApp) {
  return sessionOf(app).workspace.allLayers().filter((l) => l.origin === 'shared');
}

function ownComment(app: ReaderApp, id: string): string | undefined {
  const a = sessionOf(app).ownAnnotations().find((n) => n.id === id);
  return a && noteWords(a).comment;
}

describe('sharing notes through the annotation server (two people, a real server)', function () {
  this.timeout(60000);
  let server = '';
  const stamp = Date.now().toString(36);
  const alice = `alice-${stamp}`;
  const bob = `bob-${stamp}`;
  const aliceNet = switchableFetch();
  let aliceApp: ReaderApp;
  let bobApp: ReaderApp;
  let noteId = '';

  before(async () => {
    const answer = (await (await fetch('/__annotation-server')).json()) as { url?: string; error?: string };
    if (!answer.url) throw new Error(`no annotation server: ${answer.error}`);
    server = `${answer.url}/`;
    // Alice's retries wait long, so that only the browser's "online" event can send her offline note in time.
    aliceApp = await mount({ auto: { debounceMs: 50, periodMs: 60000, backoffMs: 60000 } }, aliceNet.fetch);
    bobApp = await mount({ auto: { debounceMs: 50, periodMs: 300, backoffMs: 300 } });
  });

  after(() => {
    aliceApp?.remove();
    bobApp?.remove();
  });

  it('signs two people in, one makes a group and adds the other, who joins it by its address', async () => {
    await createAccount(aliceApp, server, alice);
    await createAccount(bobApp, server, bob);
    submit(aliceApp, 'form.group-create', { name: 'Seminar' });
    await until(() => panelOf(aliceApp).querySelector('.group-members')?.textContent?.includes('Seminar'), 'the group made');
    expect((panelOf(aliceApp).querySelector('input[name=audience][value=group]') as HTMLInputElement).checked, 'new notes go to the group').to.equal(true);
    submit(aliceApp, 'form.member-add', { name: bob });
    await until(() => panelOf(aliceApp).querySelector('.group-members')?.textContent?.includes(bob), `${bob} added (status: ${statusOf(aliceApp)})`);
    const address = panelOf(aliceApp).querySelector('.group-address')!.textContent;
    submit(bobApp, 'form.group-join', { group: address });
    await until(() => panelOf(bobApp).querySelector('.group-members')?.textContent?.includes('Seminar'), `bob in the group (status: ${statusOf(bobApp)})`);
    expect(panelOf(bobApp).querySelector('.group-select option:checked')!.textContent).to.contain('Seminar');
  });

  it("a note reaches the other reader as a layer named after its author; its markup is shown as text, never run", async () => {
    const note = await sessionOf(aliceApp).createNote(DOC, 0, 12, HOSTILE, ['seminar']);
    noteId = note.id;
    const layer = await until(() => sharedLayers(bobApp).find((l) => l.annotations.length === 1), "alice's note at bob's", 20000);
    expect(layer.label).to.equal(`${alice}'s notes (Seminar)`);
    expect(sessionOf(bobApp).ownAnnotations().some((a) => a.id === note.id), "not one of bob's own notes").to.equal(false);
    const shared = layer.annotations[0]!;
    await bobApp.updateComplete;
    const row = bobApp.querySelector(`layers-panel input.layer-check[data-layer="${CSS.escape(layer.id)}"]`) as HTMLInputElement;
    expect(row.closest('label')!.textContent).to.contain(`${alice}'s notes (Seminar)`);

    expect(await bobApp.showAnnotation(shared.id)).to.equal(true);
    await bobApp.updateComplete;
    const card = (bobApp.querySelector('annotation-card') as HTMLElement).shadowRoot!;
    await until(() => card.textContent?.includes('read §3 before Monday'), 'the card');
    expect(card.textContent).to.contain('<img src=x').and.to.contain(`By ${alice}`);
    expect(card.querySelector('img'), 'markup is text').to.equal(null);
    expect(card.textContent, "no Edit on someone else's note").not.to.contain('Edit');
    expect(window.__pwned).to.equal(undefined);

    const view = bobApp.querySelector(`reader-view[data-doc="${DOC}"]`) as ReaderView;
    expect(view.spans.some((s) => s.id === shared.id), 'drawn').to.equal(true);
    row.click();
    await until(() => !view.spans.some((s) => s.id === shared.id), 'hidden with its layer');
    row.click();
    await until(() => view.spans.some((s) => s.id === shared.id), 'shown again');
  });

  it('a note written offline is saved at once, waits in the outbox, and goes when the browser is back online', async () => {
    aliceNet.offline = true;
    await sessionOf(aliceApp).createNote(DOC, 20, 40, 'written on the train', []);
    await until(() => /did not answer/.test(statusOf(aliceApp)) && /Trying again in 60 s/.test(statusOf(aliceApp)), `the offline status (${statusOf(aliceApp)})`);
    expect(panelOf(aliceApp).querySelector('.pending')!.textContent).to.match(/^[1-9]\d* changes wait to be sent$/);
    aliceNet.offline = false;
    window.dispatchEvent(new Event('online'));
    await until(() => sharedLayers(bobApp).some((l) => l.annotations.some((a) => noteWords(a).comment === 'written on the train')), 'the offline note at bob\'s', 20000);
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
      await until(() => sharedLayers(bobApp).some((l) => l.annotations.some((a) => noteWords(a).comment === 'edited on the laptop')), "and at bob's", 20000);
    } finally {
      laptop.remove();
    }
  });

  it('signing out stops sharing: the token is revoked and the others\' layers go', async () => {
    (panelOf(bobApp).querySelector('button.sign-out') as HTMLButtonElement).click();
    await until(() => statusOf(bobApp).startsWith('Signed out.'), 'signed out');
    expect(sharedLayers(bobApp)).to.have.length(0);
    expect(panelOf(bobApp).querySelector('form.sync-sign-in input[name=name]')).to.have.property('value', bob);
  });
});
