import { expect } from '@esm-bundle/chai';
import { setViewport } from '@web/test-runner-commands';
import '../../src/components/reader-app.ts';
import type { ReaderApp } from '../../src/components/reader-app.ts';
import type { ReaderView } from '../../src/components/reader-view.ts';
import type { ClaimConnectors, DrawnConnector } from '../../src/components/claim-connectors.ts';
import { until } from './support/wait.ts';

const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

async function mountApp(): Promise<ReaderApp> {
  localStorage.removeItem('reader.connectors');
  const app = document.createElement('reader-app');
  app.setAttribute('documents-base', '/documents/');
  document.body.append(app);
  await until(() => app.querySelector('claim-connectors') && app.querySelectorAll('reader-view .reader-text').length >= 2, 'app with connectors');
  return app;
}

/** The vertical centre of a passage as the connector places it. */
function passageCentre(app: ReaderApp, docId: string, from: number, to: number): number {
  const view = app.querySelector(`reader-view[data-doc="${docId}"]`) as ReaderView;
  const rect = view.sourceRangeToDOMRange(from, to)!.getBoundingClientRect();
  return rect.top + Math.min(rect.height, 24) / 2;
}

describe('connector lines between linked claims', () => {
  let app: ReaderApp;
  before(async () => {
    await setViewport({ width: 1440, height: 900 });
  });
  afterEach(() => app?.remove());

  it('join both ends of a link on screen and follow either column while it scrolls', async () => {
    app = await mountApp();
    const overlay = app.querySelector('claim-connectors') as ClaimConnectors;
    await until(() => overlay.links.length > 0, 'links');
    const link = overlay.links[0]!;
    const [a, b] = link.ends;
    // Bring both ends on screen, then read where the lines are drawn.
    await app.reveal(a.docId, a.from, a.to, { focus: false });
    await app.reveal(b.docId, b.from, b.to, { focus: false });
    await frame();
    const find = () => overlay.connectors.find((c) => c.id === link.id) as DrawnConnector;
    await until(() => find()?.left.place === 'on' && find()?.right.place === 'on', 'both ends on screen');
    const endOf = (docId: string) => (find().left.docId === docId ? find().left : find().right);
    expect(Math.abs(endOf(a.docId).y - passageCentre(app, a.docId, a.from, a.to))).to.be.below(3);
    expect(Math.abs(endOf(b.docId).y - passageCentre(app, b.docId, b.from, b.to))).to.be.below(3);
    expect(overlay.shadowRoot!.querySelector(`path[data-link="${CSS.escape(link.id)}"]`)).to.exist;

    // Scroll one column: its end moves with its passage.
    const scroller = app.querySelector(`reader-view[data-doc="${a.docId}"] .reader-scroll`) as HTMLElement;
    const before = endOf(a.docId).y;
    scroller.scrollTop += 40;
    await frame();
    await until(() => Math.abs(endOf(a.docId).y - before) > 20 || endOf(a.docId).place !== 'on', 'the end moved');
    if (endOf(a.docId).place === 'on') expect(Math.abs(endOf(a.docId).y - passageCentre(app, a.docId, a.from, a.to))).to.be.below(3);

    // Scroll it far away: the end is drawn at the column's edge, pointing where the passage went.
    scroller.scrollTop += 20000;
    await frame();
    await until(() => endOf(a.docId).place === 'above', 'the end shown above the column');
    const column = scroller.getBoundingClientRect();
    expect(endOf(a.docId).y).to.be.within(column.top, column.top + 20);
    expect(overlay.shadowRoot!.querySelector('polygon.arrow-above')).to.exist;
  });

  it('disappear when switched off in the Layers panel, and the choice is remembered', async () => {
    app = await mountApp();
    const box = await until(() => app.querySelector<HTMLInputElement>('layers-panel input.connectors-check'), 'the toggle');
    expect(box.checked).to.equal(true);
    box.click();
    await app.updateComplete;
    expect(app.querySelector('claim-connectors')).to.equal(null);
    expect(localStorage.getItem('reader.connectors')).to.equal('off');
    box.click();
    await app.updateComplete;
    expect(app.querySelector('claim-connectors')).to.exist;
  });

  it('are not drawn on a narrow screen, where one text is shown at a time', async () => {
    await setViewport({ width: 390, height: 844 });
    try {
      app = document.createElement('reader-app');
      app.setAttribute('documents-base', '/documents/');
      document.body.append(app);
      await until(() => app.querySelector('layers-panel') && app.querySelectorAll('reader-view .reader-text').length >= 1, 'app');
      await app.updateComplete;
      expect(app.querySelector('claim-connectors')).to.equal(null);
      expect(app.querySelector('layers-panel input.connectors-check')).to.equal(null);
    } finally {
      await setViewport({ width: 1440, height: 900 });
    }
  });
});
