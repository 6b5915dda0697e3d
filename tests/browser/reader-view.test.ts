import { expect } from '@esm-bundle/chai';
import '../../src/components/reader-app.ts';
import type { ReaderApp } from '../../src/components/reader-app.ts';
import type { ReaderView } from '../../src/components/reader-view.ts';
import { blockText } from '../../src/document/structure.ts';
import { until } from './support/wait.ts';
import { urlOf } from './support/fetch.ts';


async function mountApp(base = '/documents/'): Promise<ReaderApp> {
  const app = document.createElement('reader-app');
  app.setAttribute('documents-base', base);
  document.body.append(app);
  await until(() => app.querySelectorAll('reader-view').length >= 2 && [...app.querySelectorAll('reader-view')].every((v) => (v).load), 'documents');
  await app.updateComplete;
  for (const v of app.querySelectorAll('reader-view')) await (v).updateComplete;
  return app;
}

/** Mounts the app on a manifest served from `base` by a stand-in fetch (texts still come from the test server). */
async function mountWithManifest(base: string, manifest: unknown, check: (app: ReaderApp) => Promise<void>): Promise<void> {
  const realFetch = window.fetch;
  window.fetch = ((input: RequestInfo | URL, init?: RequestInit) =>
    urlOf(input).endsWith(`${base}manifest.json`) ? Promise.resolve(new Response(JSON.stringify(manifest), { status: 200 })) : realFetch(input, init));
  try {
    const app = await mountApp(base);
    try {
      await check(app);
    } finally {
      app.remove();
    }
  } finally {
    window.fetch = realFetch;
  }
}

describe('<reader-app> with both texts', () => {
  let app: ReaderApp;
  before(async () => {
    app = await mountApp();
  });
  after(() => app.remove());

  it('renders every block of both texts in its view', () => {
    const views = [...app.querySelectorAll('reader-view')] as ReaderView[];
    expect(views.length).to.equal(2);
    for (const view of views) {
      const doc = view.document!;
      // Off-screen sections skip rendering (content-visibility); innerText reads rendered text only.
      for (const section of view.querySelectorAll<HTMLElement>('.reader-text > section')) section.style.setProperty('content-visibility', 'visible');
      const rendered = [...view.querySelectorAll('.reader-text p, .reader-text li, .reader-text h3')].map((el) =>
        (el as HTMLElement).innerText.replace(/\s+/g, ' ').trim(),
      );
      const expected = doc.parsed.blocks.map((b) => blockText(doc.source, b).replace(/\s+/g, ' ').trim());
      expect(rendered).to.deep.equal(expected);
    }
  });

  it('shows the title, or says the title is missing', () => {
    const titles = [...app.querySelectorAll('.reader-title')].map((h) => h.textContent.trim());
    expect(titles).to.include('Chile–Russia relations');
    expect(titles).to.include('Title missing');
  });

  it('makes footnote markers links with the noteref role', () => {
    const markers = app.querySelectorAll('a.noteref[role="doc-noteref"]');
    expect(markers.length).to.be.greaterThan(100);
  });

  it('lets the text take keyboard focus and allows translation', () => {
    const text = app.querySelector('.reader-text') as HTMLElement;
    expect(text.tabIndex).to.equal(0);
    expect(text.getAttribute('translate')).to.equal('yes');
    text.focus();
    expect(document.activeElement).to.equal(text);
  });

  it('moves through the outline with arrow keys and jumps with Enter', async () => {
    const view = app.querySelector('reader-view') as ReaderView;
    const buttons = [...view.querySelectorAll<HTMLButtonElement>('.reader-outline button')];
    expect(buttons.length).to.be.greaterThan(3);
    buttons[0]!.focus();
    buttons[0]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    expect(document.activeElement).to.equal(buttons[1]);
    buttons[1]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true }));
    const last = buttons[buttons.length - 1]!;
    expect(document.activeElement).to.equal(last);
    last.dispatchEvent(new KeyboardEvent('keydown', { key: 'Home', bubbles: true }));
    buttons[0]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    buttons[1]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    const target = buttons[2]!;
    expect(document.activeElement).to.equal(target);
    expect(target.tabIndex).to.equal(0);
    const scroller = view.querySelector('.reader-scroll') as HTMLElement;
    const before = scroller.scrollTop;
    // Enter on a focused button activates it, as a click does.
    target.click();
    await view.updateComplete;
    const heading = view.querySelector('[data-heading="2"]') as HTMLElement;
    const top = heading.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
    expect(scroller.scrollTop).to.be.greaterThan(before);
    expect(Math.abs(top)).to.be.lessThan(60);
    expect(document.activeElement).to.equal(view.querySelector('.reader-text'));
  });

  it('maps a source range to a DOM range showing the same text', () => {
    const view = app.querySelector('reader-view') as ReaderView;
    const doc = view.document!;
    const block = doc.parsed.blocks.find((b) => b.type === 'paragraph' && b.segments[0]!.to - b.segments[0]!.from > 60)!;
    const from = block.segments[0]!.from + 10;
    const range = view.sourceRangeToDOMRange(from, from + 40)!;
    expect(range.toString()).to.equal(doc.source.slice(from, from + 40));
  });
});

describe('<reader-app> with a broken text', () => {
  it('shows a clear message in the broken view and keeps the other readable', async () => {
    // A manifest naming one good text and one missing file, served by the test server.
    const manifest = {
      documents: [
        { id: 'good', file: '../documents/000_ced586d8ef99f089.txt', iri: 'https://example.org/good', kind: 'test', language: 'en', title: null, author: null, missing: [], label: 'Good' },
        { id: 'gone', file: 'gone.txt', iri: 'https://example.org/gone', kind: 'test', language: 'en', title: null, author: null, missing: [], label: 'Gone' },
      ],
    };
    await mountWithManifest('/broken-fixture/', manifest, async (app) => {
      const [good, gone] = [...app.querySelectorAll('reader-view')] as ReaderView[];
      await until(() => gone!.querySelector('[role="alert"]'), 'error message');
      expect(gone!.querySelector('[role="alert"]')!.textContent).to.contain('gone.txt').and.to.contain('missing');
      expect(good!.querySelectorAll('.reader-text p').length).to.be.greaterThan(10);
    });
  });
});

describe('<reader-app> with a hostile manifest', () => {
  it('shows titles and labels neutralised and capped, and an unsafe IRI as text, not a link', async () => {
    const title = `\u202eevil ${'long title '.repeat(500)}`;
    const manifest = {
      documents: [
        { id: 'a', file: '../documents/000_ced586d8ef99f089.txt', iri: 'javascript:alert(1)', kind: 'test', language: 'en', title, author: null, missing: [], label: 'A\u202e label' },
        { id: 'b', file: '../documents/002_b4c766de67cefdb0.txt', iri: 'https://example.org/b', kind: 'test', language: 'en', title: null, author: null, missing: [], label: 'B\u2066 label' },
      ],
    };
    await mountWithManifest('/hostile-manifest/', manifest, async (app) => {
      const [a, b] = [...app.querySelectorAll('reader-view')] as ReaderView[];
      expect(app.querySelectorAll('a[href^="javascript"]')).to.have.length(0);
      const sourceA = a!.querySelector('.reader-source')!;
      expect(sourceA.tagName).to.equal('SPAN');
      expect(sourceA.getAttribute('title')).to.contain('Not a link');
      expect(b!.querySelector('a.reader-source')!.getAttribute('href')).to.equal('https://example.org/b');
      const shownTitle = a!.querySelector('.reader-title')!.textContent.trim();
      expect(shownTitle).to.not.contain('\u202e');
      expect(shownTitle.startsWith('evil long title')).to.equal(true);
      expect(shownTitle.length).to.be.at.most(301);
      expect(b!.querySelector('.reader-meta')!.textContent).to.contain('B label').and.not.contain('\u2066');
      for (const el of app.querySelectorAll('[aria-label], [title]')) {
        expect(`${el.getAttribute('aria-label') ?? ''}${el.getAttribute('title') ?? ''}`).to.not.match(/[\u202a-\u202e\u2066-\u2069]/u);
      }
    });
  });
});
