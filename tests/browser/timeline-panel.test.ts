import { expect } from '@esm-bundle/chai';
import '../../src/components/timeline-panel.ts';
import '../../src/components/reader-app.ts';
import type { TimelinePanel, TimelineActivateDetail } from '../../src/components/timeline-panel.ts';
import type { ReaderView } from '../../src/components/reader-view.ts';
import type { SidePanel } from '../../src/components/side-panel.ts';
import { parsePlainText } from '../../src/document/parse.ts';
import { joinLinkedEvents, timelineEvents } from '../../src/analysis/timeline/index.ts';
import { until } from './support/wait.ts';

// Two short texts of our own with known dates; B dates the exchange a day later than A.
const A = 'Port history\n\nThe port opened on 3 March 1921. Trade grew in the 1930s.\n\nThe prisoners were exchanged on 18 December 1976 in Zurich.';
const B = 'Another account\n\nFrom 1925 to 1929 the quay was rebuilt. In the first eight months of 1930 exports fell.\n\nThe exchange took place on 19 December 1976 at an airport.';

function sentenceSpan(text: string, start: string): { from: number; to: number } {
  const from = text.indexOf(start);
  return { from, to: text.indexOf('.', from) + 1 };
}

async function mountPanel(): Promise<TimelinePanel> {
  const eventsA = timelineEvents(parsePlainText(A));
  const eventsB = timelineEvents(parsePlainText(B));
  const panel = document.createElement('timeline-panel');
  panel.texts = [
    { id: 'a', label: 'Text A', events: eventsA },
    { id: 'b', label: 'Text B', events: eventsB },
  ];
  panel.joins = joinLinkedEvents(
    [{ docId: 'a', events: eventsA }, { docId: 'b', events: eventsB }],
    [{ id: 'link', relation: 'conflicts', dismissed: false, ends: [{ docId: 'a', ...sentenceSpan(A, 'The prisoners') }, { docId: 'b', ...sentenceSpan(B, 'The exchange') }] }],
  );
  document.body.append(panel);
  await panel.updateComplete;
  return panel;
}

const focusedKey = (panel: TimelinePanel) => (panel.shadowRoot!.activeElement as HTMLElement | null)?.dataset.key ?? null;
const keyDown = (el: Element, key: string) => el.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true }));

describe('<timeline-panel>', () => {
  let panel: TimelinePanel;
  beforeEach(async () => {
    panel = await mountPanel();
  });
  afterEach(() => panel.remove());

  it('lists the events of both texts in time order with their precision', async () => {
    panel.shadowRoot!.querySelectorAll<HTMLButtonElement>('fieldset button')[1]!.click();
    await panel.updateComplete;
    const items = [...panel.shadowRoot!.querySelectorAll('ol.list li')].map((li) => li.textContent.replace(/\s+/g, ' ').trim());
    expect(items.map((t) => t.slice(0, t.indexOf(')') + 1))).to.deep.equal([
      '3 March 1921 (day)',
      '1925 – 1929 (year)',
      // At the same start, the coarser period first.
      '1930 – 1939 (year)',
      'January 1930 – August 1930 (month)',
      '18 December 1976 (day)',
      '19 December 1976 (day)',
    ]);
    expect(items[1]).to.contain('Text B').and.contain('From 1925 to 1929 the quay was rebuilt.');
  });

  it('marks the pair whose dates differ as a conflict and names the difference', () => {
    const conflicts = panel.shadowRoot!.querySelector('.conflicts')!;
    expect(conflicts.textContent.replace(/\s+/g, ' ')).to.contain('18 December 1976 vs 19 December 1976');
    expect(panel.shadowRoot!.querySelectorAll('button.event.conflict')).to.have.length(2);
    expect(panel.shadowRoot!.querySelectorAll('svg.joins line.conflict')).to.have.length(1);
  });

  it('moves along the axis with the arrow keys, Home and End, and Enter jumps to the passage', async () => {
    const events = [...panel.shadowRoot!.querySelectorAll<HTMLButtonElement>('button.event')];
    expect(events.filter((b) => b.tabIndex === 0)).to.have.length(1, 'one tab stop');
    events[0]!.focus();
    expect(focusedKey(panel)).to.equal('a#0');
    const group = panel.shadowRoot!.querySelector('[role="group"]')!;
    keyDown(panel.shadowRoot!.activeElement!, 'ArrowRight');
    await panel.updateComplete;
    expect(focusedKey(panel)).to.equal('b#0', 'the next event in time is in the other text');
    keyDown(panel.shadowRoot!.activeElement!, 'End');
    await panel.updateComplete;
    expect(focusedKey(panel)).to.equal('b#2');
    keyDown(panel.shadowRoot!.activeElement!, 'ArrowUp');
    await panel.updateComplete;
    expect(focusedKey(panel)).to.equal('a#2', 'the nearest event of the lane above');
    keyDown(panel.shadowRoot!.activeElement!, 'Home');
    await panel.updateComplete;
    expect(focusedKey(panel)).to.equal('a#0');
    expect(panel.shadowRoot!.querySelector('.detail')!.textContent).to.contain('The port opened on 3 March 1921.');
    let detail: TimelineActivateDetail | null = null;
    panel.addEventListener('timeline-activate', (e) => (detail = e.detail));
    keyDown(panel.shadowRoot!.activeElement!, 'Enter');
    expect(detail).to.deep.equal({ docId: 'a', ...sentenceSpan(A, 'The port opened') });
    expect(group).to.exist;
  });

  it('filters by text and zooms by month', async () => {
    const boxes = panel.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="checkbox"]');
    boxes[1]!.click();
    await panel.updateComplete;
    expect([...panel.shadowRoot!.querySelectorAll<HTMLElement>('button.event')].every((b) => b.dataset.key!.startsWith('a#'))).to.equal(true);
    const decadeWidth = panel.shadowRoot!.querySelector<HTMLElement>('.axis')!.offsetWidth;
    [...panel.shadowRoot!.querySelectorAll<HTMLButtonElement>('fieldset button')].find((b) => b.textContent === 'Months')!.click();
    await panel.updateComplete;
    expect(panel.shadowRoot!.querySelector<HTMLElement>('.axis')!.offsetWidth).to.be.greaterThan(decadeWidth * 10);
    const ticks = [...panel.shadowRoot!.querySelectorAll('.tick')].map((t) => t.textContent);
    expect(ticks.slice(0, 12)).to.deep.equal(['Mar 1921', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec', 'Jan 1922', 'Feb']);
  });
});

describe('<reader-app> timeline tab', () => {
  it('reads the texts only when first shown, lists both texts, and jumps to a chosen event', async () => {
    const app = document.createElement('reader-app');
    app.setAttribute('documents-base', '/documents/');
    document.body.append(app);
    try {
      await until(() => app.querySelector('timeline-panel') && app.querySelectorAll('reader-view').length >= 2, 'app');
      const timeline = app.querySelector('timeline-panel')!;
      expect(timeline.texts).to.deep.equal([], 'nothing read before the tab is shown');
      (app.querySelector('side-panel') as SidePanel).select('timeline');
      await until(() => timeline.texts.length === 2 && timeline.texts.every((t) => t.events.length > 0), 'events of both texts');
      await timeline.updateComplete;
      const first = timeline.shadowRoot!.querySelector<HTMLButtonElement>('button.event')!;
      first.click();
      const docId = first.dataset.key!.split('#')[0]!;
      const view = app.querySelector(`reader-view[data-doc="${docId}"]`) as ReaderView;
      await until(() => view.querySelector('.is-current'), 'the sentence marked in its text');
    } finally {
      app.remove();
    }
  });
});

describe('<reader-app> timeline in print', () => {
  it('prints the timeline as its list of dated statements after the texts when it is the list shown', async () => {
    const { emulateMedia } = await import('@web/test-runner-commands');
    const app = document.createElement('reader-app');
    app.setAttribute('documents-base', '/documents/');
    document.body.append(app);
    try {
      await until(() => app.querySelector('timeline-panel') && app.querySelectorAll('reader-view').length >= 2, 'app');
      const side = app.querySelector('side-panel') as SidePanel;
      side.select('timeline');
      const timeline = app.querySelector('timeline-panel')!;
      await until(() => timeline.texts.length === 2, 'events');
      await timeline.updateComplete;
      await emulateMedia({ media: 'print' });
      const list = timeline.shadowRoot!.querySelector('ol.list') as HTMLElement;
      expect(getComputedStyle(side).display).to.not.equal('none');
      expect(getComputedStyle(list).display).to.equal('block');
      expect(list.querySelectorAll('li').length).to.be.greaterThan(50);
      expect(getComputedStyle(timeline.shadowRoot!.querySelector('.scroll')!).display).to.equal('none');
      side.select('flags');
      await side.updateComplete;
      expect(getComputedStyle(side).display, 'other lists do not print').to.equal('none');
    } finally {
      await emulateMedia({ media: 'screen' });
      app.remove();
    }
  });
});
