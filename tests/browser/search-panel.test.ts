import { expect } from '@esm-bundle/chai';
import '../../src/components/search-panel.ts';
import type { SearchActivateDetail, SearchPanel, SearchResultsDetail } from '../../src/components/search-panel.ts';
import { SearchEngine } from '../../src/search/engine.ts';

const ALPHA = 'Alpha Text\n\nThe envoy met Corvalán in Zürich.\n\nLater the envoy wrote <img src=x onerror="window.__pwned=1"> twice.\n';
const BETA = 'Beta notes about Corvalan and an envoy.\n';
const DOCUMENTS = [
  { id: 'alpha', label: 'Alpha text' },
  { id: 'beta', label: 'Beta text' },
];

/** Mounts the panel inside another component's shadow root, as the app does: events must cross it. */
async function mount(query = ''): Promise<SearchPanel> {
  const engine = SearchEngine.build([
    { id: 'alpha', source: ALPHA, title: 'Alpha Text' },
    { id: 'beta', source: BETA },
  ]);
  const panel = document.createElement('search-panel');
  panel.engine = engine;
  panel.documents = DOCUMENTS;
  panel.query = query;
  const outer = document.createElement('div');
  outer.className = 'outer-host';
  outer.attachShadow({ mode: 'open' }).append(panel);
  document.body.append(outer);
  await panel.updateComplete;
  return panel;
}

function shadow(panel: SearchPanel): ShadowRoot {
  return panel.shadowRoot!;
}

async function type(panel: SearchPanel, text: string): Promise<void> {
  const input = shadow(panel).querySelector('input')!;
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await panel.updateComplete;
}

/** Presses a key on an element inside the panel's shadow root and waits for the panel to update. */
async function key(target: Element, keyName: string, shiftKey = false): Promise<void> {
  target.dispatchEvent(new KeyboardEvent('keydown', { key: keyName, shiftKey, bubbles: true, composed: true }));
  await ((target.getRootNode() as ShadowRoot).host as SearchPanel).updateComplete;
}

/** The details of every `name` event that reaches the document from the panel. */
function collect<T>(panel: SearchPanel, name: string): T[] {
  const seen: T[] = [];
  const listener = (e: Event): void => {
    if (e.composedPath().includes(panel)) seen.push((e as CustomEvent<T>).detail);
  };
  document.addEventListener(name, listener);
  cleanups.push(() => document.removeEventListener(name, listener));
  return seen;
}

const cleanups: (() => void)[] = [];

afterEach(() => {
  cleanups.splice(0).forEach((f) => f());
  document.querySelectorAll('.outer-host').forEach((p) => p.remove());
});

describe('search-panel', () => {
  it('has a labelled search box', async () => {
    const panel = await mount();
    const input = shadow(panel).querySelector('input')!;
    expect(input.getAttribute('role')).to.equal('searchbox');
    expect(shadow(panel).querySelector(`label[for="${input.id}"]`)?.textContent).to.match(/search/iu);
  });

  it('shows results grouped by text with counts and marked matches as typing goes', async () => {
    const panel = await mount();
    await type(panel, 'corvalan');
    const groups = [...shadow(panel).querySelectorAll('[role="group"]')];
    expect(groups.map((g) => g.querySelector('.group-label')!.textContent.replace(/\s+/gu, ' ').trim())).to.deep.equal([
      'Alpha text — 1 match in 1 result',
      'Beta text — 1 match in 1 result',
    ]);
    const marks = [...shadow(panel).querySelectorAll('[role="option"] mark')].map((m) => m.textContent);
    expect(marks).to.deep.equal(['Corvalán', 'Corvalan']);
  });

  it('filters to one text', async () => {
    const panel = await mount('envoy');
    const select = shadow(panel).querySelector('select')!;
    select.value = 'beta';
    select.dispatchEvent(new Event('change'));
    await panel.updateComplete;
    expect([...shadow(panel).querySelectorAll('.group-label')].map((g) => g.textContent)).to.have.length(1);
    expect(shadow(panel).querySelector('.group-label')!.textContent).to.contain('Beta text');
  });

  it('shows markup in a source as text, never as elements', async () => {
    const panel = await mount('onerror');
    const option = shadow(panel).querySelector('[role="option"]')!;
    expect(option.querySelector('img')).to.equal(null);
    expect(option.textContent).to.contain('<img src=x onerror=');
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('says "no results" with a hint, for hostile input too', async () => {
    const panel = await mount();
    for (const q of ['zzzz', 'foo:', '+', '"', '😀', '^2']) {
      await type(panel, q);
      expect(shadow(panel).querySelector('[role="option"]'), q).to.equal(null);
      expect(shadow(panel).querySelector('.hint')?.textContent, q).to.have.length.greaterThan(10);
    }
  });

  it('fires search-results with every match, for highlighting', async () => {
    const panel = await mount();
    const seen = collect<SearchResultsDetail>(panel, 'search-results');
    await type(panel, 'envoy');
    const last = seen[seen.length - 1]!;
    expect(last.query).to.equal('envoy');
    expect(last.hits.map((h) => h.docId)).to.deep.equal(['alpha', 'alpha', 'beta']);
    const sources: Record<string, string> = { alpha: ALPHA, beta: BETA };
    for (const h of last.hits) expect(sources[h.docId]!.slice(h.from, h.to)).to.equal('envoy');
  });

  it('steps through matches with Enter and Shift+Enter in the box, wrapping around', async () => {
    const panel = await mount('envoy');
    const seen = collect<SearchActivateDetail>(panel, 'search-activate');
    const input = shadow(panel).querySelector('input')!;
    await key(input, 'Enter');
    await key(input, 'Enter');
    await key(input, 'Enter');
    await key(input, 'Enter');
    await key(input, 'Enter', true);
    expect(seen.map((d) => [d.docId, d.index])).to.deep.equal([['alpha', 0], ['alpha', 1], ['beta', 2], ['alpha', 0], ['beta', 2]]);
    expect(ALPHA.slice(seen[1]!.from, seen[1]!.to)).to.equal('envoy');
    expect(seen[1]!.from).to.be.greaterThan(seen[0]!.from);
    expect(shadow(panel).querySelector('#status')!.textContent).to.contain('match 3 of 3');
  });

  it('starts Shift+Enter from the last match', async () => {
    const panel = await mount('envoy');
    const seen = collect<SearchActivateDetail>(panel, 'search-activate');
    await key(shadow(panel).querySelector('input')!, 'Enter', true);
    expect(seen.map((d) => d.index)).to.deep.equal([2]);
  });

  it('moves through the list with arrow keys and activates with Enter', async () => {
    const panel = await mount('envoy');
    const seen = collect<SearchActivateDetail>(panel, 'search-activate');
    const input = shadow(panel).querySelector('input')!;
    await key(input, 'ArrowDown');
    const list = shadow(panel).querySelector('[role="listbox"]') as HTMLElement;
    expect(shadow(panel).activeElement).to.equal(list);
    expect(list.getAttribute('aria-activedescendant')).to.equal('option-0');
    await key(list, 'ArrowDown');
    await key(list, 'ArrowDown');
    await key(list, 'ArrowDown');
    expect(list.getAttribute('aria-activedescendant')).to.equal('option-2');
    await key(list, 'ArrowUp');
    expect(shadow(panel).querySelector('#option-1')!.getAttribute('aria-selected')).to.equal('true');
    await key(list, 'Enter');
    expect(seen.map((d) => [d.docId, d.index])).to.deep.equal([['alpha', 1]]);
  });

  it('activates a result on click', async () => {
    const panel = await mount('envoy');
    const seen = collect<SearchActivateDetail>(panel, 'search-activate');
    (shadow(panel).querySelector('#option-2') as HTMLElement).click();
    expect(seen.map((d) => d.docId)).to.deep.equal(['beta']);
  });

  it('lists annotation hits with a badge, pointing at the annotated span', async () => {
    const panel = await mount();
    const engine = panel.engine as SearchEngine;
    const from = ALPHA.indexOf('Zürich');
    engine.addAnnotations([{ id: 'c1', docId: 'alpha', from, to: from + 6, text: 'Compare the date with the other text.', kind: 'comment' }]);
    const seen = collect<SearchResultsDetail>(panel, 'search-results');
    await type(panel, 'compare');
    const option = shadow(panel).querySelector('[role="option"]')!;
    expect(option.querySelector('.badge')!.textContent).to.equal('Note');
    expect(option.querySelector('mark')!.textContent).to.equal('Compare');
    expect(seen[seen.length - 1]!.hits).to.deep.equal([{ docId: 'alpha', from, to: from + 6 }]);
    engine.removeAnnotations(['c1']);
    panel.searchAgain();
    await panel.updateComplete;
    expect(shadow(panel).querySelector('[role="option"]')).to.equal(null);
    expect(seen[seen.length - 1]!.hits).to.deep.equal([]);
  });

  it('searches when the query is set from outside, and focuses its box on request', async () => {
    const panel = await mount();
    const seen = collect<SearchResultsDetail>(panel, 'search-results');
    panel.query = 'zurich';
    await panel.updateComplete;
    expect(seen[seen.length - 1]!.hits).to.have.length(1);
    expect(shadow(panel).querySelector('input')!.value).to.equal('zurich');
    await panel.focusInput();
    expect(shadow(panel).activeElement).to.equal(shadow(panel).querySelector('input'));
  });
});

describe('<search-panel> before the index exists', () => {
  it('says it is indexing before the first search builds the index, then shows the results', async () => {
    const built = SearchEngine.build([{ id: 'alpha', source: ALPHA, title: 'Alpha Text' }]);
    let searches = 0;
    let ready = false;
    // A stand-in for the lazy engine: not ready until its first search builds it.
    const engine = {
      get ready() {
        return ready;
      },
      search(query: string, options?: Parameters<SearchEngine['search']>[1]) {
        searches++;
        ready = true;
        return built.search(query, options);
      },
    };
    const panel = document.createElement('search-panel');
    panel.engine = engine;
    panel.documents = DOCUMENTS;
    document.body.append(panel);
    try {
      await panel.updateComplete;
      await type(panel, 'envoy');
      expect(shadow(panel).querySelector('#status')!.textContent).to.equal('Indexing the texts for search…');
      expect(searches, 'nothing searched before the message is on screen').to.equal(0);
      await new Promise((resolve) => setTimeout(resolve, 200));
      await panel.updateComplete;
      expect(searches).to.equal(1);
      expect(shadow(panel).querySelector('#status')!.textContent).to.match(/^2 matches in 1 text/);
      await type(panel, 'Zürich');
      expect(searches, 'once ready, a search runs at once').to.equal(2);
    } finally {
      panel.remove();
    }
  });
});

describe('<search-panel> with an engine that answers later (a worker)', () => {
  /** An engine whose answers wait until the test releases them, query by query. */
  function deferredEngine() {
    const built = SearchEngine.build([
      { id: 'alpha', source: ALPHA, title: 'Alpha Text' },
      { id: 'beta', source: BETA },
    ]);
    const waiting = new Map<string, () => void>();
    return {
      waiting,
      engine: {
        ready: true,
        search(query: string, options?: Parameters<SearchEngine['search']>[1]) {
          return new Promise<ReturnType<SearchEngine['search']>>((resolve) => waiting.set(query, () => resolve(built.search(query, options))));
        },
      },
    };
  }

  async function mountWith(engine: ReturnType<typeof deferredEngine>['engine']): Promise<SearchPanel> {
    const panel = document.createElement('search-panel');
    panel.engine = engine;
    panel.documents = DOCUMENTS;
    document.body.append(panel);
    await panel.updateComplete;
    return panel;
  }

  const settle = async (panel: SearchPanel) => {
    await new Promise((r) => setTimeout(r, 0));
    await panel.updateComplete;
  };

  it('shows an answer that comes later, and never an older query’s answer over a newer one', async () => {
    const { engine, waiting } = deferredEngine();
    const panel = await mountWith(engine);
    try {
      await type(panel, 'Zürich');
      await type(panel, 'envoy');
      waiting.get('envoy')!();
      await settle(panel);
      expect(shadow(panel).querySelector('#status')!.textContent).to.match(/^3 matches in 2 texts/);
      waiting.get('Zürich')!();
      await settle(panel);
      expect(shadow(panel).querySelector('#status')!.textContent, 'the late answer to the older query is dropped').to.match(/^3 matches in 2 texts/);
    } finally {
      panel.remove();
    }
  });

  it('steps to the first match when Enter comes before the answer', async () => {
    const { engine, waiting } = deferredEngine();
    const panel = await mountWith(engine);
    const activated = collect<SearchActivateDetail>(panel, 'search-activate');
    try {
      await type(panel, 'Zürich');
      await key(shadow(panel).querySelector('input')!, 'Enter');
      expect(activated, 'nothing to step to yet').to.have.length(0);
      waiting.get('Zürich')!();
      await settle(panel);
      expect(activated.map((a) => [a.docId, ALPHA.slice(a.from, a.to)])).to.deep.equal([['alpha', 'Zürich']]);
    } finally {
      panel.remove();
    }
  });
});
