import { expect } from '@esm-bundle/chai';
import '../../src/components/flags-panel.ts';
import { flagLabel, type FlagsPanel, type FlagItem, type FlagActivateDetail } from '../../src/components/flags-panel.ts';
import { settle } from './support/wait.ts';

const HOSTILE = '<img src=x onerror="window.__flagsPwned = true">';

function item(id: string, tag: string, docId: string, from: number, extra: Partial<FlagItem> = {}): FlagItem {
  return {
    id,
    docId,
    docLabel: docId === 'a' ? 'Text A' : 'Text B',
    tag,
    description: `Description of ${id}.`,
    quote: `quoted words of ${id}`,
    from,
    to: from + 5,
    ...extra,
  };
}

/** Two texts (a listed first); garbled ×3, truncated ×2, split ×1; otherwise out of order on purpose. */
const ITEMS: readonly FlagItem[] = [
  item('t1', 'truncated', 'a', 100, { confidence: 0.8 }),
  item('g2', 'garbled', 'b', 40),
  item('g1', 'garbled', 'a', 10),
  item('s1', 'split', 'b', 5),
  item('t2', 'truncated', 'b', 7),
  item('g3', 'garbled', 'a', 90),
];

async function mount(items: readonly FlagItem[] = ITEMS): Promise<FlagsPanel> {
  const panel = document.createElement('flags-panel');
  panel.items = items;
  document.body.append(panel);
  await panel.updateComplete;
  return panel;
}

const root = (p: FlagsPanel) => p.shadowRoot!;
const ids = (p: FlagsPanel) => [...root(p).querySelectorAll<HTMLElement>('button.item')].map((b) => b.dataset.id);
const key = (el: Element, k: string) => el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true, cancelable: true }));

function record(panel: FlagsPanel): FlagActivateDetail[] {
  const seen: FlagActivateDetail[] = [];
  // Listening on the document proves the event bubbles out of the shadow root.
  const listener = (e: Event) => {
    if ((e as CustomEvent).composedPath().includes(panel)) seen.push((e as CustomEvent<FlagActivateDetail>).detail);
  };
  document.addEventListener('flag-activate', listener);
  afterEachCleanups.push(() => document.removeEventListener('flag-activate', listener));
  return seen;
}

const afterEachCleanups: (() => void)[] = [];

async function toggle(panel: FlagsPanel, selector: string): Promise<void> {
  const input = root(panel).querySelector<HTMLInputElement>(selector)!;
  input.click();
  await panel.updateComplete;
}

describe('<flags-panel>', () => {
  let panel: FlagsPanel;
  beforeEach(async () => {
    panel = await mount();
  });
  afterEach(() => {
    panel.remove();
    afterEachCleanups.splice(0).forEach((f) => f());
  });

  it('groups flags by kind in vocabulary order with counts, each group by text (as first listed) then position', () => {
    const groups = [...root(panel).querySelectorAll<HTMLElement>('section.group')];
    expect(groups.map((g) => g.dataset.tag)).to.deep.equal(['truncated', 'split', 'garbled']);
    expect(groups.map((g) => g.querySelector('h3')!.textContent.replace(/\s+/g, ' ').trim())).to.deep.equal([
      'Truncated 2',
      'Split sentence 1',
      'Garbled 3',
    ]);
    expect(ids(panel)).to.deep.equal(['t1', 't2', 's1', 'g1', 'g3', 'g2']);
  });

  it('shows on each item the kind, the text, the quote, the description and the confidence', () => {
    const t1 = root(panel).querySelector<HTMLElement>('button.item[data-id="t1"]')!;
    expect(t1.querySelector('.tag')!.textContent).to.equal('Truncated');
    expect(t1.querySelector('.doc')!.textContent).to.equal('Text A');
    expect(t1.querySelector('.quote')!.textContent).to.equal('“quoted words of t1”');
    expect(t1.querySelector('.description')!.textContent).to.equal('Description of t1.');
    expect(t1.querySelector('.confidence')!.textContent).to.equal('confidence 80%');
    expect(root(panel).querySelector('button.item[data-id="g1"] .confidence')).to.equal(null);
  });

  it('filters by kind and by text, with counts on the filters', async () => {
    const kinds = [...root(panel).querySelectorAll<HTMLElement>('fieldset.kinds label')].map((l) => l.textContent.replace(/\s+/g, ' ').trim());
    expect(kinds).to.deep.equal(['Truncated 2', 'Split sentence 1', 'Garbled 3']);
    await toggle(panel, 'input[data-tag="garbled"]');
    expect(ids(panel)).to.deep.equal(['t1', 't2', 's1']);
    await toggle(panel, 'input[data-doc="b"]');
    expect(ids(panel)).to.deep.equal(['t1']);
    expect(root(panel).querySelector('h2')!.textContent.replace(/\s+/g, ' ').trim()).to.equal('Flags 1 of 6');
    await toggle(panel, 'input[data-tag="truncated"]');
    expect(ids(panel)).to.deep.equal([]);
    expect(root(panel).querySelector('.empty')!.textContent).to.contain('No flags match the filters.');
    root(panel).querySelector<HTMLButtonElement>('button.show-all')!.click();
    await panel.updateComplete;
    expect(ids(panel)).to.have.length(6);
  });

  it('steps with Next and Previous through the filtered list, wrapping, and fires flag-activate', async () => {
    const seen = record(panel);
    await toggle(panel, 'input[data-tag="garbled"]');
    const next = root(panel).querySelector<HTMLButtonElement>('button.next')!;
    const prev = root(panel).querySelector<HTMLButtonElement>('button.prev')!;
    next.click();
    next.click();
    next.click();
    next.click();
    prev.click();
    prev.click();
    await panel.updateComplete;
    expect(seen.map((d) => d.id)).to.deep.equal(['t1', 't2', 's1', 't1', 's1', 't2']);
    expect(seen[0]).to.deep.equal({ id: 't1', docId: 'a', from: 100, to: 105 });
    expect(root(panel).querySelector('.position')!.textContent).to.equal('2 of 3');
    expect(root(panel).querySelector('button.item[aria-current="true"]')!.getAttribute('data-id')).to.equal('t2');
  });

  it('steps backwards from nothing to the last flag', () => {
    const seen = record(panel);
    root(panel).querySelector<HTMLButtonElement>('button.prev')!.click();
    expect(seen.map((d) => d.id)).to.deep.equal(['g2']);
  });

  it('fires flag-activate with the flag when an item is activated', () => {
    const seen = record(panel);
    root(panel).querySelector<HTMLButtonElement>('button.item[data-id="s1"]')!.click();
    expect(seen).to.deep.equal([{ id: 's1', docId: 'b', from: 5, to: 10 }]);
  });

  it('keeps the list one tab stop and moves through it with the arrow keys, Home and End', async () => {
    const buttons = () => [...root(panel).querySelectorAll<HTMLButtonElement>('button.item')];
    expect(buttons().filter((b) => b.tabIndex === 0).map((b) => b.dataset.id)).to.deep.equal(['t1']);
    buttons()[0]!.focus();
    key(buttons()[0]!, 'ArrowDown');
    expect(root(panel).activeElement).to.equal(buttons()[1]);
    key(buttons()[1]!, 'ArrowDown');
    key(buttons()[2]!, 'ArrowUp');
    expect(root(panel).activeElement).to.equal(buttons()[1]);
    key(buttons()[1]!, 'End');
    expect(root(panel).activeElement).to.equal(buttons()[5]);
    key(buttons()[5]!, 'ArrowDown');
    expect(root(panel).activeElement, 'stays on the last').to.equal(buttons()[5]);
    key(buttons()[5]!, 'Home');
    expect(root(panel).activeElement).to.equal(buttons()[0]);
    await panel.updateComplete;
    expect(buttons().filter((b) => b.tabIndex === 0)).to.have.length(1);
  });

  it('steps with n / p and ] / [ while the panel has focus', async () => {
    const seen = record(panel);
    const first = root(panel).querySelector<HTMLButtonElement>('button.item')!;
    first.focus();
    key(first, 'n');
    await panel.updateComplete;
    key(root(panel).activeElement!, 'n');
    await panel.updateComplete;
    key(root(panel).activeElement!, 'p');
    await panel.updateComplete;
    key(root(panel).activeElement!, ']');
    await panel.updateComplete;
    key(root(panel).activeElement!, '[');
    await panel.updateComplete;
    expect(seen.map((d) => d.id)).to.deep.equal(['t1', 't2', 't1', 't2', 't1']);
    expect((root(panel).activeElement as HTMLElement).dataset.id).to.equal('t1');
    const next = root(panel).querySelector<HTMLButtonElement>('button.next')!;
    next.focus();
    key(next, 'n');
    expect(seen.at(-1)!.id).to.equal('t2');
    key(next, 'x');
    expect(seen).to.have.length(6);
  });

  it('follows a current flag set from outside', async () => {
    const seen = record(panel);
    panel.current = 's1';
    await panel.updateComplete;
    expect(root(panel).querySelector('button.item[aria-current="true"]')!.getAttribute('data-id')).to.equal('s1');
    root(panel).querySelector<HTMLButtonElement>('button.next')!.click();
    expect(seen.map((d) => d.id)).to.deep.equal(['g1']);
  });

  it('has labelled controls and named groups', () => {
    expect(root(panel).querySelector('button.next')!.getAttribute('aria-label')).to.equal('Next flag (n)');
    expect(root(panel).querySelector('button.prev')!.getAttribute('aria-label')).to.equal('Previous flag (p)');
    const groups = root(panel).querySelectorAll('ul');
    expect(groups.length, 'groups to check').to.be.greaterThan(0);
    for (const ul of groups) {
      const label = root(panel).getElementById(ul.getAttribute('aria-labelledby')!);
      expect(label, 'group heading').to.not.equal(null);
    }
  });
});

describe('<flags-panel> with hostile or odd input', () => {
  it('renders markup in descriptions and quotes as text', async () => {
    const hostile = [item('h1', 'garbled', 'a', 0, { description: HOSTILE, quote: HOSTILE, docLabel: HOSTILE })];
    const panel = await mount(hostile);
    try {
      await settle();
      expect(root(panel).querySelector('img')).to.equal(null);
      expect((window as unknown as { __flagsPwned?: boolean }).__flagsPwned).to.equal(undefined);
      expect(root(panel).querySelector('.description')!.textContent).to.equal(HOSTILE);
    } finally {
      panel.remove();
    }
  });

  it('lists an unknown tag under its own words, and says when there are no flags', async () => {
    const panel = await mount([item('u1', 'odd-kind', 'a', 0)]);
    try {
      expect(root(panel).querySelector('section.group h3 .tag')!.textContent).to.equal('Odd kind');
      expect(flagLabel('missing-passage')).to.equal('Missing passage');
      panel.items = [];
      await panel.updateComplete;
      expect(root(panel).querySelector('.empty')!.textContent).to.equal('No flags.');
      expect(root(panel).querySelector<HTMLButtonElement>('button.next')!.disabled).to.equal(true);
      expect(panel.step(1)).to.equal(null);
    } finally {
      panel.remove();
    }
  });

  it('shortens long quotes to one line', async () => {
    const long = 'word '.repeat(60);
    const panel = await mount([item('l1', 'truncated', 'a', 0, { quote: `line one\n\n${long}` })]);
    try {
      const quote = root(panel).querySelector('.quote')!.textContent;
      expect(quote).to.not.contain('\n');
      expect(quote.endsWith('…”')).to.equal(true);
      expect(quote.length).to.be.lessThan(100);
    } finally {
      panel.remove();
    }
  });
});
