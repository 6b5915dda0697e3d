/**
 * Big and hostile imports in the reader (issue 10, items 8 and 9): a file
 * over the limit is refused before it is read; thousands of notes are saved
 * in batches with a progress bar and a Cancel that keeps what was saved; a
 * note with a 15 MB one-word comment leaves every other note findable.
 */
import { expect } from '@esm-bundle/chai';
import { setViewport } from '@web/test-runner-commands';
import '../../src/components/reader-app.ts';
import type { ReaderApp } from '../../src/components/reader-app.ts';
import type { LayersPanel } from '../../src/components/layers-panel.ts';
import type { Session } from '../../src/app/session.ts';
import { LIST_PAGE } from '../../src/components/notes-panel.ts';
import { ANNO_CONTEXT, commentBody, textTarget, type Annotation } from '../../src/annotations/model.ts';
import { CodePointIndex } from '../../src/document/code-points.ts';
import { mountReader } from './support/mount.ts';
import { until } from './support/wait.ts';

let stores = 0;
const storeName = () => `test-import-scale-${crypto.randomUUID()}-${stores++}`;

function mountApp(name: string): Promise<ReaderApp> {
  return mountReader('/documents/', { annotationsBase: '/annotations/', storeName: name });
}

const sessionOf = (app: ReaderApp): Session => (app as unknown as { annotationSession: Session }).annotationSession;
const panelOf = (app: ReaderApp): LayersPanel => app.querySelector('layers-panel')!;

/** `count` notes by a person on word spans of the app's first text, with ids from `tag`. */
function notesFor(app: ReaderApp, count: number, tag: string): Annotation[] {
  const doc = sessionOf(app).documents[0]!;
  const index = new CodePointIndex(doc.source);
  const words = [...doc.source.matchAll(/\p{L}+/gu)].map((m) => [m.index, m.index + m[0].length] as const);
  return Array.from({ length: count }, (_, n) => {
    const [from, to] = words[(n * 7) % words.length]!;
    return {
      '@context': ANNO_CONTEXT,
      id: `urn:uuid:${tag}-0000-4000-8000-${String(n).padStart(12, '0')}`,
      type: 'Annotation',
      motivation: 'commenting',
      target: textTarget(doc.entry.iri, doc.source, from, to, index),
      body: [commentBody(`Imported remark ${n}`)],
      creator: { type: 'Person', name: 'A reader' },
      created: '2025-01-01T00:00:00Z',
    } satisfies Annotation;
  });
}

function importFile(app: ReaderApp, name: string, items: readonly Annotation[]): void {
  const text = JSON.stringify({ '@context': ANNO_CONTEXT, type: 'AnnotationCollection', total: items.length, items });
  panelOf(app).dispatchEvent(new CustomEvent('import-file', { detail: { name, text }, bubbles: true, composed: true }));
}

const progressBar = (app: ReaderApp) => panelOf(app).querySelector<HTMLProgressElement>('[role=progressbar]');

describe('big imports in the reader', () => {
  before(async () => {
    await setViewport({ width: 1440, height: 900 });
  });

  it('saves 1,200 notes in batches with a labelled progress bar, and every one survives a reload', async () => {
    const name = storeName();
    const app = await mountApp(name);
    importFile(app, 'many-notes.jsonld', notesFor(app, 1200, 'aaaaaaaa'));
    const bar = await until(() => progressBar(app), 'a progress bar');
    expect(bar.getAttribute('aria-label')).to.equal('Importing many-notes.jsonld');
    await until(() => progressBar(app)?.getAttribute('aria-valuetext')?.includes('of 1,200'), 'counts of 1,200 notes');
    expect(panelOf(app).querySelector('button.import-cancel')!.textContent).to.include('Cancel');
    await until(() => panelOf(app).status.includes('1,200 annotations read; 1,200 added'), 'the report', 60_000);
    expect(progressBar(app)).to.equal(null);
    expect(sessionOf(app).ownAnnotations().length).to.equal(1200);
    app.remove();

    const again = await mountApp(name);
    expect(sessionOf(again).ownAnnotations().length).to.equal(1200);
    // The list draws a page of them, not all 1,200 at once.
    const notes = again.querySelector('notes-panel')!;
    await (notes as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(notes.shadowRoot!.querySelectorAll('section[aria-labelledby=own] li').length).to.equal(LIST_PAGE);
    expect(notes.shadowRoot!.querySelector('button.more')!.textContent).to.include('1,000 not shown');
    again.remove();
  });

  it('cancels between batches: what was saved stays saved, and the message says how many', async () => {
    const name = storeName();
    const app = await mountApp(name);
    importFile(app, 'cancel-me.jsonld', notesFor(app, 4000, 'bbbbbbbb'));
    await until(() => Number(progressBar(app)?.value ?? 0) > 0, 'a first batch saved', 60_000);
    // A second file while the first is saving is refused, not interleaved.
    importFile(app, 'second.jsonld', notesFor(app, 10, 'dddddddd'));
    await until(() => panelOf(app).status.startsWith('second.jsonld was not imported: cancel-me.jsonld is still being imported'), 'one import at a time');
    panelOf(app).querySelector<HTMLButtonElement>('button.import-cancel')!.click();
    const status = await until(() => (panelOf(app).status.includes('Import cancelled') ? panelOf(app).status : null), 'the cancel report', 60_000);
    const saved = Number(/Import cancelled: ([\d,]+) of 4,000 notes were saved/.exec(status)![1]!.replace(/,/g, ''));
    expect(saved).to.be.greaterThan(0).and.lessThan(4000);
    expect(saved % 200).to.equal(0);
    expect(status).to.include(`the other ${(4000 - saved).toLocaleString('en-US')} were not imported`);
    expect(sessionOf(app).ownAnnotations().length).to.equal(saved);
    app.remove();

    const again = await mountApp(name);
    expect(sessionOf(again).ownAnnotations().length).to.equal(saved);
    again.remove();
  });

  it('shows an import made in another tab in batches, never redrawing once per note', async () => {
    const name = storeName();
    const app = await mountApp(name);
    const other = await mountApp(name);
    const workspace = sessionOf(other).workspace;
    let rebuilds = 0;
    const setLayers = workspace.setLayers.bind(workspace);
    workspace.setLayers = (layers) => {
      rebuilds++;
      setLayers(layers);
    };
    importFile(app, 'from-another-tab.jsonld', notesFor(app, 1000, 'cccccccc'));
    await until(() => sessionOf(other).ownAnnotations().length === 1000, 'the other tab has all 1,000 notes', 60_000);
    await until(() => workspace.all().filter((e) => e.kind === 'note').length === 1000, 'and shows them', 60_000);
    // 1,000 notes are 5 batches of 200: at most one redraw each, not 1,000.
    expect(rebuilds).to.be.greaterThan(0).and.at.most(5);
    app.remove();
    other.remove();
  });

  it('keeps every other note findable after a note with a 15 MB one-word comment, also after a reload', async () => {
    const name = storeName();
    const app = await mountApp(name);
    const session = sessionOf(app);
    const docId = session.documents[0]!.entry.id;
    await session.createNote(docId, 10, 20, 'harbourmaster before', []);
    await session.createNote(docId, 30, 40, 'x'.repeat(15 * 1024 * 1024), []);
    await session.createNote(docId, 50, 60, 'harbourmaster after', []);
    const found = async (s: Session) => (await s.search.search('harbourmaster')).hits.filter((h) => h.source === 'annotation').length;
    expect(await found(session)).to.equal(2);
    app.remove();

    const again = await mountApp(name);
    expect(await found(sessionOf(again))).to.equal(2);
    again.remove();
  });

  it('refuses a file over 16 MB by its size, before reading it, naming the file and its size', async () => {
    const app = await mountApp(storeName());
    const panel = panelOf(app);
    const input = panel.querySelector<HTMLInputElement>('input[type=file]')!;
    const big = new File([new Uint8Array(17 * 1024 * 1024)], 'big-layer.jsonld', { type: 'application/ld+json' });
    const transfer = new DataTransfer();
    transfer.items.add(big);
    input.files = transfer.files;
    const read = { text: Blob.prototype.text, file: File.prototype.text };
    let reads = 0;
    Blob.prototype.text = function () {
      reads++;
      return read.text.call(this);
    };
    try {
      input.dispatchEvent(new Event('change'));
      await until(() => panel.status, 'a status');
    } finally {
      Blob.prototype.text = read.text;
    }
    expect(reads).to.equal(0);
    expect(panel.status).to.match(/^big-layer\.jsonld was not imported: it is 17\.0 MB \(17,825,792 bytes\), more than the 16\.0 MB/);
    app.remove();
  });
});
