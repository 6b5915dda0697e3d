import { expect } from '@esm-bundle/chai';
import { setViewport } from '@web/test-runner-commands';
import type { ReaderView } from '../../src/components/reader-view.ts';
import { composeParagraph, composeText, serveFixture, type Fixture } from './support/fixture-texts.ts';
import { mountReader } from './support/mount.ts';
import { until } from './support/wait.ts';

// One paragraph far taller than the screen, between ordinary sections.
const long = composeParagraph(77, 400);
const source = `${composeText(1, { sections: 1 })}\nA long section\n\n${long}\n\n${composeText(2, { sections: 1 })}`;
// A section far longer than the height the browser guesses for sections not yet laid out, after many others.
const deepParagraphs = Array.from({ length: 12 }, (_, i) => composeParagraph(500 + i, 12));
const deepSource = `${composeText(4, { sections: 10 })}\nA very long section\n\n${deepParagraphs.join('\n\n')}\n\n${composeText(5, { sections: 2 })}`;
const texts = [{ id: 'long', source }, { id: 'short', source: composeText(3) }, { id: 'deep', source: deepSource }];

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

  it('reaches a passage deep in a long section that the browser had not laid out', async () => {
    const last = deepParagraphs[deepParagraphs.length - 1]!;
    const start = deepSource.indexOf(last) + 200;
    history.replaceState(null, '', `#texts=deep,short&doc=deep&at=${start}-${start + 40}`);
    const app = await mountReader(fixture.base);
    const view = await until(() => app.querySelector<ReaderView>('reader-view[data-doc="deep"]'), 'deep text shown');
    await until(() => view.querySelector('.is-current'), 'passage marked');
    const section = view.querySelector('.is-current')!.closest('section')!;
    expect(section.getBoundingClientRect().height, 'the section is taller than the estimate for sections not laid out').to.be.greaterThan(2400);
    const scroller = view.querySelector('.reader-scroll')!;
    await until(() => {
      const passage = view.sourceRangeToDOMRange(start, start + 40)!.getBoundingClientRect();
      const box = scroller.getBoundingClientRect();
      return passage.top >= box.top && passage.bottom <= box.bottom;
    }, 'the passage inside the column');
    app.remove();
  });
});
