import { expect } from '@esm-bundle/chai';
import { setViewport } from '@web/test-runner-commands';
import type { ReaderView } from '../../src/components/reader-view.ts';
import { composeParagraph, composeText, serveFixture, type Fixture } from './support/fixture-texts.ts';
import { mountReader } from './support/mount.ts';
import { until } from './support/wait.ts';

// One paragraph far taller than the screen, between ordinary sections.
const long = composeParagraph(77, 400);
const source = `${composeText(1, { sections: 1 })}\nA long section\n\n${long}\n\n${composeText(2, { sections: 1 })}`;
const texts = [{ id: 'long', source }, { id: 'short', source: composeText(3) }];

describe('a deep link into a long paragraph', () => {
  let fixture: Fixture;
  before(async () => {
    await setViewport({ width: 1440, height: 900 });
    fixture = serveFixture('deep', texts);
  });
  after(() => {
    fixture.restore();
    history.replaceState(null, '', location.pathname + location.search);
  });

  it('scrolls the passage itself into view, not the middle of its paragraph', async () => {
    const start = source.indexOf(long) + long.length - 400;
    history.replaceState(null, '', `#doc=long&at=${start}-${start + 40}`);
    const app = await mountReader(fixture.base);
    const view = app.querySelector('reader-view[data-doc="long"]') as ReaderView;
    await until(() => view.querySelector('.is-current'), 'passage marked');
    const paragraph = view.querySelector('.is-current')!.closest('p')!;
    const scroller = view.querySelector('.reader-scroll')!.getBoundingClientRect();
    expect(paragraph.getBoundingClientRect().height, 'the paragraph is taller than two screens').to.be.greaterThan(2 * scroller.height);
    const passage = view.sourceRangeToDOMRange(start, start + 40)!.getBoundingClientRect();
    expect(passage.top, 'passage top').to.be.within(scroller.top, scroller.bottom);
    expect(passage.bottom, 'passage bottom').to.be.within(scroller.top, scroller.bottom);
    app.remove();
  });
});
