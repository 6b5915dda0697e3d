import { expect } from '@esm-bundle/chai';
import '../../src/components/reader-view.ts';
import { ReaderView } from '../../src/components/reader-view.ts';
import type { DrawnSpan } from '../../src/components/reader/highlights.ts';
import { decodeDocument } from '../../src/document/load.ts';
import { readerStyles } from '../../src/components/styles/reader.ts';
import { composeText } from './support/fixture-texts.ts';

const TEXT = composeText(5, { sections: 30, paragraphs: 6, sentences: 6 });
const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));

/** Every word of the text as a span: far more than are drawn at once. */
function wordSpans(text: string): DrawnSpan[] {
  return [...text.matchAll(/[a-z]{5,}/g)].map((m, i) => ({ id: `urn:x:w${i}`, from: m.index, to: m.index + m[0].length, className: 'hl hl-note' }));
}

describe('a long text with many annotations', () => {
  let held: IdleRequestCallback[] = [];
  const realIdle = window.requestIdleCallback;
  let view: ReaderView;
  let spans: DrawnSpan[];
  let style: HTMLStyleElement;

  beforeEach(async () => {
    // Idle time is held back: only what is on screen (or brought there) may be drawn.
    held = [];
    window.requestIdleCallback = ((task: IdleRequestCallback) => held.push(task));
    style = document.createElement('style');
    style.textContent = `${readerStyles.cssText} reader-view { height: 500px; width: 700px; }`;
    document.head.append(style);
    const load = decodeDocument(
      { id: 'long', file: 'long.txt', iri: 'https://example.org/long', kind: 'test', language: 'en', title: 'A long text', author: null, missing: [], label: 'A long text' },
      new TextEncoder().encode(TEXT).buffer,
    );
    spans = wordSpans(TEXT);
    expect(spans.length).to.be.greaterThan(ReaderView.drawAllBelow * 4);
    view = document.createElement('reader-view');
    view.load = load;
    view.spans = spans;
    document.body.append(view);
    await view.updateComplete;
    await frame();
  });

  afterEach(() => {
    window.requestIdleCallback = realIdle;
    view.remove();
    style.remove();
  });

  const highlightsIn = (from: number, to: number) => {
    const range = view.sourceRangeToDOMRange(from, to)!;
    const box = range.commonAncestorContainer;
    return (box instanceof Element ? box : box.parentElement!).closest('p, h3, li')!.querySelectorAll('.hl').length;
  };

  it('draws the spans on screen first, not those far below', () => {
    const first = spans[0]!;
    const last = spans[spans.length - 1]!;
    expect(highlightsIn(first.from, first.to), 'on screen').to.be.greaterThan(0);
    expect(highlightsIn(last.from, last.to), 'far below').to.equal(0);
    expect(held.length, 'the rest waits for idle time').to.be.greaterThan(0);
  });

  it('draws off-screen spans when they are scrolled into view', async () => {
    const last = spans[spans.length - 1]!;
    view.querySelector<HTMLElement>('.reader-scroll')!.scrollTop = 1e9;
    await frame();
    await frame();
    expect(highlightsIn(last.from, last.to)).to.be.greaterThan(0);
  });

  it('draws the spans of a deep link into an off-screen part before showing it', () => {
    const target = spans[Math.floor(spans.length * 0.7)]!;
    expect(highlightsIn(target.from, target.to)).to.equal(0);
    expect(view.revealSource(target.from, target.to)).to.equal(true);
    expect(highlightsIn(target.from, target.to)).to.be.greaterThan(0);
    expect(view.annotationsAtSource(target.from)).to.include(target.id);
  });

  it('draws every span when the page is idle', async () => {
    for (let round = 0; round < 100 && held.length; round++) {
      for (const task of held.splice(0)) task({ didTimeout: false, timeRemaining: () => 50 });
    }
    await frame();
    const last = spans[spans.length - 1]!;
    expect(highlightsIn(last.from, last.to)).to.be.greaterThan(0);
    const middle = spans[Math.floor(spans.length / 2)]!;
    expect(view.annotationsAtSource(middle.from)).to.include(middle.id);
  });
});
