import { expect } from '@esm-bundle/chai';
import '../../src/components/search-panel.ts';
import type { SearchPanel } from '../../src/components/search-panel.ts';
import { SearchEngine } from '../../src/search/engine.ts';

/** A text of 450 short paragraphs, each holding the searched word once. */
const MANY = Array.from({ length: 450 }, (_, i) => `Paragraph ${i + 1} mentions the envoy once.`).join('\n\n');

describe('search panel with many results', () => {
  let panel: SearchPanel;
  beforeEach(async () => {
    panel = document.createElement('search-panel');
    panel.engine = SearchEngine.build([{ id: 'many', source: MANY }]);
    panel.documents = [{ id: 'many', label: 'Many' }];
    panel.query = 'envoy';
    document.body.append(panel);
    await panel.updateComplete;
  });
  afterEach(() => panel.remove());

  it('draws the first results and the rest on demand, counting all of them', async () => {
    const root = panel.shadowRoot!;
    expect(root.querySelectorAll('[role="option"]').length).to.equal(200);
    expect(root.textContent).to.contain('450 matches');
    const more = root.querySelector<HTMLButtonElement>('button.more')!;
    expect(more.textContent).to.contain('250 not shown');
    more.click();
    await panel.updateComplete;
    expect(root.querySelectorAll('[role="option"]').length).to.equal(400);
  });

  it('draws further results as stepping reaches them', async () => {
    for (let i = 0; i < 205; i++) panel.next();
    await panel.updateComplete;
    await panel.updateComplete;
    const root = panel.shadowRoot!;
    expect(root.querySelectorAll('[role="option"]').length).to.be.greaterThan(205);
    expect(root.querySelector('[role="option"].current')).to.not.equal(null);
  });
});
