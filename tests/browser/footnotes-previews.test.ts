import { expect } from '@esm-bundle/chai';
import { sendKeys, sendMouse, resetMouse } from '@web/test-runner-commands';
import '../../src/components/reader-view.ts';
import type { ReaderView } from '../../src/components/reader-view.ts';
import { type FootnoteController, OPEN_DELAY_MS, CLOSE_DELAY_MS, BACK_KEY } from '../../src/components/reader/footnotes.ts';
import { decodeDocument, type LoadedDocument } from '../../src/document/load.ts';
import { readManifest, type DocumentEntry } from '../../src/document/manifest.ts';
import { blockText } from '../../src/document/structure.ts';
import { adoptDocumentStyles } from '../../src/components/styles/adopt.ts';
import { themeStyles } from '../../src/components/styles/theme.ts';
import { readerStyles } from '../../src/components/styles/reader.ts';
import { ManualClock } from './support/clock.ts';
import { until } from './support/wait.ts';


function entryFor(id: string, title: string | null): DocumentEntry {
  return { id, file: `${id}.txt`, iri: `https://example.org/${id}`, kind: 'test', language: 'en', title, author: null, missing: [], label: title ?? id };
}

const filler = Array.from(
  { length: 14 },
  (_, i) => `Filler paragraph ${i + 1} says nothing of note; it only takes room on the page, so that the view has to scroll a fair way.`,
).join('\n\n');

/** Note 1 cited twice, note 2 once, note 3 never; a marker [9] with no entry. */
const WITH_NOTES = `Sample notes

The first claim is sourced.[1] A second claim is sourced too.[2] The first source is cited again.[1] This one points nowhere.[9]

${filler}

References

  1. ^ a b Smith, Jane (2001). A Book About Things. Press.
  2. ^ Jones, Tom. Another Source.
  3. ^ Nobody cites this one.
`;

const WITHOUT_NOTES = `Loose text

A claim with a marker.[4] And more text here to read.
`;

interface Mounted {
  view: ReaderView;
  controller: FootnoteController;
  /** The clock the controller's open and close delays run on. */
  clock: ManualClock;
  doc: LoadedDocument;
  markers: HTMLElement[];
  remove(): void;
}

async function mount(text: string, title: string | null): Promise<Mounted> {
  adoptDocumentStyles(themeStyles, readerStyles);
  const load = decodeDocument(entryFor(`t${Math.random().toString(36).slice(2)}`, title), new TextEncoder().encode(text).buffer);
  if (!load.ok) throw new Error(load.problem);
  return mountLoad(load.document);
}

async function mountLoad(doc: LoadedDocument): Promise<Mounted> {
  adoptDocumentStyles(themeStyles, readerStyles);
  const view = document.createElement('reader-view');
  view.style.setProperty('height', '360px');
  view.load = { ok: true, document: doc };
  document.body.append(view);
  await view.updateComplete;
  // The view brings its own footnote controller and backlink plugin.
  const controller = view.footnoteController;
  const clock = new ManualClock();
  controller.timers = clock;
  const markers = [...view.querySelectorAll<HTMLElement>('a.noteref')];
  return {
    view,
    controller,
    clock,
    doc,
    markers,
    remove: () => {
      controller.detach();
      view.remove();
    },
  };
}

const over = (el: Element) => el.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, pointerType: 'mouse' }));
const out = (el: Element, to: Element = document.body) =>
  el.dispatchEvent(new PointerEvent('pointerout', { bubbles: true, pointerType: 'mouse', relatedTarget: to }));
const key = (el: Element, k: string) => el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true, cancelable: true }));

function previews(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('note-preview')];
}

function previewText(): string {
  const p = document.querySelector('note-preview');
  return p?.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

/** True when `el` is inside the visible part of the view's scroller. */
function inScrollView(view: ReaderView, el: Element): boolean {
  const box = view.querySelector('.reader-scroll')!.getBoundingClientRect();
  const r = el.getBoundingClientRect();
  return r.bottom > box.top && r.top < box.bottom;
}

describe('footnote previews', () => {
  let m: Mounted;
  beforeEach(async () => {
    m = await mount(WITH_NOTES, 'Sample notes');
  });
  afterEach(() => m.remove());

  it('opens on hover only after the delay, with the entry text', async () => {
    const marker = m.markers[1]!;
    over(marker);
    expect(previews(), 'open at once').to.have.length(0);
    m.clock.advance(OPEN_DELAY_MS - 1);
    expect(previews(), 'open before the delay').to.have.length(0);
    m.clock.advance(1);
    expect(previews()).to.have.length(1);
    await (previews()[0] as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect(m.controller.openNote).to.equal(2);
    expect(previewText()).to.contain('Jones, Tom. Another Source.');
    expect(previewText()).to.contain('Go to note 2');
    expect(marker.getAttribute('aria-expanded')).to.equal('true');
    expect(marker.getAttribute('aria-describedby')).to.equal(previews()[0]!.id);
    expect(previews()[0]!.shadowRoot!.querySelector('[role="tooltip"]')).to.not.equal(null);
  });

  it('does not open when the pointer passes over before the delay', async () => {
    const marker = m.markers[0]!;
    over(marker);
    out(marker);
    m.clock.advance(OPEN_DELAY_MS);
    expect(previews()).to.have.length(0);
  });

  it('closes a while after the pointer leaves, and stays while the pointer is over the preview', async () => {
    const marker = m.markers[0]!;
    over(marker);
    m.clock.advance(OPEN_DELAY_MS);
    const preview = previews()[0]!;
    out(marker, preview);
    preview.dispatchEvent(new PointerEvent('pointerenter', { pointerType: 'mouse' }));
    m.clock.advance(CLOSE_DELAY_MS);
    expect(previews(), 'closed while over the preview').to.have.length(1);
    preview.dispatchEvent(new PointerEvent('pointerleave', { pointerType: 'mouse' }));
    expect(previews(), 'closed at once').to.have.length(1);
    m.clock.advance(CLOSE_DELAY_MS);
    expect(previews()).to.have.length(0);
    expect(marker.hasAttribute('aria-expanded')).to.equal(false);
    expect(marker.hasAttribute('aria-describedby')).to.equal(false);
  });

  it('opens on keyboard focus, and Esc closes it with focus back on the marker', async () => {
    const marker = m.markers[0]!;
    marker.focus();
    expect(previews()).to.have.length(0);
    m.clock.advance(OPEN_DELAY_MS);
    expect(previews()).to.have.length(1);
    await (previews()[0] as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect(previewText()).to.contain('Smith, Jane (2001)');
    key(marker, 'Escape');
    expect(previews()).to.have.length(0);
    expect(document.activeElement).to.equal(marker);
    // Focus given back by Esc does not reopen the preview.
    m.clock.advance(OPEN_DELAY_MS);
    expect(previews()).to.have.length(0);
  });

  it('pins on click: a pinned preview is a dialog that stays after the pointer leaves, and Esc in it restores focus', async () => {
    const marker = m.markers[1]!;
    over(marker);
    marker.click();
    expect(previews()).to.have.length(1);
    expect(m.controller.pinned).to.equal(true);
    const preview = previews()[0]!;
    await (preview as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect(preview.shadowRoot!.querySelector('[role="dialog"]')!.getAttribute('aria-label')).to.equal('Note 2');
    expect(preview.shadowRoot!.querySelector('button.close')!.getAttribute('aria-label')).to.contain('Close');
    out(marker);
    m.clock.advance(CLOSE_DELAY_MS);
    expect(previews(), 'pinned preview closed on leave').to.have.length(1);
    expect(document.activeElement).to.equal(preview);
    key(preview.shadowRoot!.querySelector('.card')!, 'Escape');
    expect(previews()).to.have.length(0);
    expect(document.activeElement).to.equal(marker);
  });

  it('closes a pinned preview when the reader presses elsewhere, but not inside it', async () => {
    const marker = m.markers[0]!;
    marker.click();
    const preview = previews()[0]!;
    await (preview as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    preview.shadowRoot!.querySelector('.card')!.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    expect(previews(), 'closed by a press inside').to.have.length(1);
    m.view.querySelector('.reader-title')!.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    expect(previews()).to.have.length(0);
    expect(marker.hasAttribute('aria-expanded')).to.equal(false);
  });

  it('"Go to note" scrolls to the entry, marks and focuses it; Back returns to the marker', async () => {
    const marker = m.markers[2]!;
    marker.click();
    const preview = previews()[0]!;
    await (preview as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    const go = preview.shadowRoot!.querySelector<HTMLAnchorElement>('a.goto')!;
    expect(go.textContent).to.equal('Go to note 1');
    go.click();
    expect(previews()).to.have.length(0);
    const entry = m.view.querySelector<HTMLElement>('li.doc-note.is-target')!;
    expect(entry, 'target entry').to.not.equal(null);
    expect(entry.dataset.note).to.equal('1');
    expect(document.activeElement).to.equal(entry);
    expect(inScrollView(m.view, entry)).to.equal(true);
    expect(inScrollView(m.view, marker), 'marker still in view after jumping to the end').to.equal(false);
    const back = entry.querySelector<HTMLButtonElement>('button.note-back')!;
    expect(back, 'Back to text button on the entry').to.not.equal(null);
    expect(back.getAttribute('aria-label')).to.contain('Back to text');
    key(entry, BACK_KEY);
    expect(document.activeElement).to.equal(marker);
    expect(inScrollView(m.view, marker)).to.equal(true);
    expect(m.view.querySelector('li.doc-note.is-target')).to.equal(null);
    expect(m.view.querySelector('button.note-back')).to.equal(null);
    m.clock.advance(OPEN_DELAY_MS);
    expect(previews(), 'returning opens no preview').to.have.length(0);
  });

  it('returns with the entry\'s "Back to text" button as well', async () => {
    const marker = m.markers[1]!;
    m.controller.open(marker);
    expect(m.controller.goToNote()).to.equal(true);
    const back = m.view.querySelector<HTMLButtonElement>('li.doc-note.is-target button.note-back')!;
    back.click();
    expect(document.activeElement).to.equal(marker);
    expect(m.controller.canGoBack).to.equal(false);
  });

  it('says plainly when a marker points at no entry', async () => {
    const marker = m.markers[3]!;
    m.controller.open(marker);
    await (previews()[0] as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect(previewText()).to.contain('Note 9 cannot be found: the notes list has no entry numbered 9.');
    expect(previews()[0]!.shadowRoot!.querySelector('a.goto')).to.equal(null);
    expect(m.controller.goToNote()).to.equal(false);
  });

  it('gives focus back to the marker after annotations are drawn over it', async () => {
    const marker = m.markers[1]!;
    marker.click();
    const paragraph = m.doc.parsed.blocks.find((b) => b.markers.length)!;
    m.view.spans = [{ id: 'x', from: paragraph.span.from, to: paragraph.span.to, className: 'hl hl-flag' }];
    await m.view.updateComplete;
    key(previews()[0]!.shadowRoot!.querySelector('.card')!, 'Escape');
    const now = m.view.querySelectorAll<HTMLElement>('a.noteref')[1]!;
    expect(document.activeElement).to.equal(now);
    expect(now.hasAttribute('aria-expanded')).to.equal(false);
  });

  it('stops reacting once detached', async () => {
    m.controller.detach();
    over(m.markers[0]!);
    m.clock.advance(OPEN_DELAY_MS);
    expect(previews()).to.have.length(0);
  });
});

describe('footnote previews with the real keyboard and mouse', () => {
  let m: Mounted;
  beforeEach(async () => {
    m = await mount(WITH_NOTES, 'Sample notes');
  });
  afterEach(async () => {
    await resetMouse();
    m.remove();
  });

  it('Tab reaches a marker and opens its preview; Enter pins it; Escape closes it and focus returns', async () => {
    m.view.editorView!.dom.focus();
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement).to.equal(m.markers[0]);
    m.clock.advance(OPEN_DELAY_MS);
    expect(m.controller.openNote).to.equal(1);
    expect(m.controller.pinned).to.equal(false);
    await sendKeys({ press: 'Enter' });
    expect(m.controller.pinned).to.equal(true);
    await until(() => document.activeElement === previews()[0], 'focus in the pinned preview');
    expect(document.activeElement).to.equal(previews()[0]);
    await sendKeys({ press: 'Escape' });
    expect(previews()).to.have.length(0);
    expect(document.activeElement).to.equal(m.markers[0]);
  });

  it('goes from a marker to its entry and back with the keyboard alone', async () => {
    m.view.editorView!.dom.focus();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await until(() => document.activeElement === previews()[0], 'focus in the pinned preview');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    const preview = previews()[0]!;
    expect(preview.shadowRoot!.activeElement?.textContent).to.equal('Go to note 1');
    await sendKeys({ press: 'Enter' });
    const entry = m.view.querySelector<HTMLElement>('li.doc-note.is-target')!;
    expect(document.activeElement).to.equal(entry);
    await sendKeys({ press: BACK_KEY });
    expect(document.activeElement).to.equal(m.markers[0]);
    expect(inScrollView(m.view, m.markers[0]!)).to.equal(true);
  });

  it('the pointer opens a preview after the delay and closes it after leaving', async () => {
    const r = m.markers[1]!.getBoundingClientRect();
    await sendMouse({ type: 'move', position: [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)] });
    // The browser delivers the pointer events after the move command returns: wait until the hover set its timer.
    await until(() => m.clock.waiting > 0, 'the hover to reach the marker');
    m.clock.advance(OPEN_DELAY_MS);
    expect(m.controller.openNote).to.equal(2);
    const text = m.view.querySelector('.reader-title')!.getBoundingClientRect();
    await sendMouse({ type: 'move', position: [Math.round(text.left + 5), Math.round(text.top + 5)] });
    await until(() => m.clock.waiting > 0, 'the pointer to leave the marker');
    expect(m.controller.openNote, 'closed at once').to.equal(2);
    m.clock.advance(CLOSE_DELAY_MS);
    expect(previews()).to.have.length(0);
  });
});

describe('footnote previews in a text without a notes list', () => {
  it('say that the text has no notes list', async () => {
    const m = await mount(WITHOUT_NOTES, 'Loose text');
    try {
      expect(m.markers).to.have.length(1);
      over(m.markers[0]!);
      m.clock.advance(OPEN_DELAY_MS);
      await (previews()[0] as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      expect(previewText()).to.contain('Note 4 cannot be found: this text has no notes list.');
    } finally {
      m.remove();
    }
  });
});

describe('backlinks on reference entries', () => {
  let m: Mounted;
  beforeEach(async () => {
    m = await mount(WITH_NOTES, 'Sample notes');
  });
  afterEach(() => m.remove());

  it('list one keyboard-reachable doc-backlink per citing marker', () => {
    const entry = m.view.querySelector('li.doc-note[data-note="1"]')!;
    const links = [...entry.querySelectorAll<HTMLAnchorElement>('a[role="doc-backlink"]')];
    expect(links.map((a) => a.dataset.label)).to.deep.equal(['a', 'b']);
    for (const a of links) {
      expect(a.tabIndex).to.equal(0);
      expect(a.getAttribute('aria-label')).to.match(/^Back to citation [ab] of note 1$/);
    }
    const single = m.view.querySelectorAll('li.doc-note[data-note="2"] a[role="doc-backlink"]');
    expect(single).to.have.length(1);
    expect(m.view.querySelector('li.doc-note[data-note="3"] .note-backlinks.uncited')).to.not.equal(null);
    expect(m.view.querySelectorAll('li.doc-note[data-note="3"] a[role="doc-backlink"]')).to.have.length(0);
  });

  it('add no text to the entries', () => {
    for (const block of m.doc.parsed.blocks.filter((b) => b.type === 'note')) {
      const li = m.view.querySelector<HTMLElement>(`li.doc-note[data-note="${block.number}"]`)!;
      // Off-screen sections skip rendering (content-visibility); innerText reads rendered text only.
      li.closest('section')?.style.setProperty('content-visibility', 'visible');
      expect(li.innerText.trim()).to.equal(blockText(m.doc.source, block).trim());
    }
  });

  it('jump to the marker each one names', () => {
    const links = [...m.view.querySelectorAll<HTMLAnchorElement>('li.doc-note[data-note="1"] a[role="doc-backlink"]')];
    links[1]!.click();
    expect(document.activeElement).to.equal(m.markers[2]);
    expect(inScrollView(m.view, m.markers[2]!)).to.equal(true);
    links[0]!.click();
    expect(document.activeElement).to.equal(m.markers[0]);
  });
});

describe('footnotes in a text whose notes list is lost', () => {
  it('preview every marker, glued ones included, saying the text has no notes list', async () => {
    const manifest = readManifest(await (await fetch('/documents/manifest.json')).json());
    const entry = manifest.documents.find((d) => d.file === '002_b4c766de67cefdb0.txt')!;
    const load = decodeDocument(entry, await (await fetch(`/documents/${entry.file}`)).arrayBuffer());
    if (!load.ok) throw new Error(load.problem);
    const m = await mountLoad(load.document);
    try {
      expect(m.doc.parsed.blocks.some((b) => b.type === 'note')).to.equal(false);
      const glued = m.markers.filter((el) => el.classList.contains('noteref-glued'));
      expect(glued.length).to.be.greaterThan(0);
      for (const marker of m.markers) {
        m.controller.open(marker);
        const preview = previews()[0] as HTMLElement & { problem: string | null; text: string | null };
        expect(preview.problem).to.equal(`Note ${marker.dataset.note} cannot be found: this text has no notes list.`);
        expect(preview.text).to.equal(null);
        m.controller.close();
      }
    } finally {
      m.remove();
    }
  });
});

describe('footnotes in the Wikipedia text', () => {
  let m: Mounted;
  before(async () => {
    const manifest = readManifest(await (await fetch('/documents/manifest.json')).json());
    const entry = manifest.documents.find((d) => d.file === '000_ced586d8ef99f089.txt')!;
    expect(entry.title).to.equal('Chile–Russia relations');
    const bytes = await (await fetch('/documents/000_ced586d8ef99f089.txt')).arrayBuffer();
    const load = decodeDocument(entry, bytes);
    if (!load.ok) throw new Error(load.problem);
    m = await mountLoad(load.document);
  });
  after(() => m.remove());

  it('previews every marker with the entry of its number, or says why not', async () => {
    expect(m.markers.length).to.be.greaterThan(5);
    const notes = m.doc.parsed.blocks.filter((b) => b.type === 'note');
    for (const marker of m.markers) {
      const n = Number(marker.dataset.note);
      m.controller.open(marker);
      const preview = previews()[0] as HTMLElement & { updateComplete: Promise<unknown>; text: string | null; problem: string | null };
      await preview.updateComplete;
      const entry = notes.find((b) => b.number === n);
      if (entry) expect(preview.text).to.equal(blockText(m.doc.source, entry).trim());
      else expect(preview.problem).to.equal(`Note ${n} cannot be found: the notes list has no entry numbered ${n}.`);
      m.controller.close();
    }
  });

  it('gives every entry as many backlinks as markers cite it, matching its own letters', () => {
    const counts = new Map<number, number>();
    for (const marker of m.doc.parsed.blocks.flatMap((b) => b.markers)) counts.set(marker.number, (counts.get(marker.number) ?? 0) + 1);
    for (const block of m.doc.parsed.blocks.filter((b) => b.type === 'note')) {
      const li = m.view.querySelectorAll(`li.doc-note[data-note="${block.number}"]`)[0]!;
      const links = [...li.querySelectorAll<HTMLElement>('a[role="doc-backlink"]')];
      expect(links.length, `backlinks of note ${block.number}`).to.equal(counts.get(block.number!) ?? 0);
      if (block.backlinks?.length && block.backlinks.length === links.length) {
        expect(links.map((a) => a.dataset.label)).to.deep.equal([...block.backlinks]);
      }
    }
  });

  it('jumps from a marker to its entry and back', () => {
    const marker = m.markers.find((el) => m.view.querySelector(`li.doc-note[data-note="${el.dataset.note}"]`))!;
    m.controller.open(marker);
    expect(m.controller.goToNote()).to.equal(true);
    const target = m.view.querySelector<HTMLElement>('li.doc-note.is-target')!;
    expect(target.dataset.note).to.equal(marker.dataset.note);
    expect(inScrollView(m.view, target)).to.equal(true);
    expect(m.controller.back()).to.equal(true);
    expect(document.activeElement).to.equal(marker);
    expect(inScrollView(m.view, marker)).to.equal(true);
  });
});
