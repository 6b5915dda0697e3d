import { expect } from '@esm-bundle/chai';
import '../../src/components/flags-panel.ts';
import type { FlagItem, FlagsPanel } from '../../src/components/flags-panel.ts';

const MANY: FlagItem[] = Array.from({ length: 250 }, (_, i) => ({
  id: `f${i}`,
  docId: 'd',
  docLabel: 'Doc',
  tag: 'garbled',
  description: `Flag ${i}`,
  quote: `word${i}`,
  from: i * 10,
  to: i * 10 + 5,
}));

describe('flags panel with many flags of one kind', () => {
  let panel: FlagsPanel;
  beforeEach(async () => {
    panel = document.createElement('flags-panel');
    panel.items = MANY;
    document.body.append(panel);
    await panel.updateComplete;
  });
  afterEach(() => panel.remove());

  it('draws the first hundred, counts them all, and draws more on demand', async () => {
    const root = panel.shadowRoot!;
    expect(root.querySelectorAll('button.item').length).to.equal(100);
    expect(root.querySelector('h2')!.textContent).to.contain('250');
    const more = root.querySelector<HTMLButtonElement>('button.more')!;
    expect(more.textContent).to.contain('150 not shown');
    more.click();
    await panel.updateComplete;
    expect(root.querySelectorAll('button.item').length).to.equal(200);
  });

  it('draws the flags that stepping reaches', async () => {
    for (let i = 0; i < 150; i++) panel.step(1);
    await panel.updateComplete;
    const current = panel.shadowRoot!.querySelector('button.item[aria-current="true"]');
    expect(current?.getAttribute('data-id')).to.equal('f149');
  });
});
