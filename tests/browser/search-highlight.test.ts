import { expect } from '@esm-bundle/chai';
import { clearSearchHits, paintSearchHits, SEARCH_CURRENT_HIGHLIGHT, SEARCH_HIT_HIGHLIGHT } from '../../src/search/highlight.ts';

/** A text shown in a few text nodes, and a resolver from text offsets to DOM ranges. */
function fixture(parts: string[]) {
  const host = document.createElement('div');
  for (const part of parts) {
    const span = document.createElement('span');
    span.textContent = part;
    host.append(span);
  }
  document.body.append(host);
  const nodes = [...host.querySelectorAll('span')].map((s) => s.firstChild as Text);
  const locate = (offset: number): [Text, number] | null => {
    let at = 0;
    for (const node of nodes) {
      if (offset <= at + node.length) return [node, offset - at];
      at += node.length;
    }
    return null;
  };
  const resolve = (from: number, to: number): Range | null => {
    const start = locate(from);
    const end = locate(to);
    if (!start || !end || to < from) return null;
    const range = document.createRange();
    range.setStart(...start);
    range.setEnd(...end);
    return range;
  };
  return { host, resolve, text: parts.join('') };
}

function rangesOf(name: string): string[] {
  const h = CSS.highlights.get(name);
  return h ? [...(h as unknown as Set<Range>)].map((r) => r.toString()) : [];
}

afterEach(() => {
  clearSearchHits();
  document.body.innerHTML = '';
});

describe('paintSearchHits', () => {
  it('registers every hit and the current one as custom highlights, across text nodes', () => {
    const f = fixture(['The envoy met ', 'the en', 'voy again.']);
    const at = [f.text.indexOf('envoy'), f.text.lastIndexOf('envoy')];
    paintSearchHits([
      { resolve: f.resolve, hits: at.map((from) => ({ from, to: from + 5 })), current: { from: at[1]!, to: at[1]! + 5 } },
    ]);
    expect(rangesOf(SEARCH_HIT_HIGHLIGHT)).to.deep.equal(['envoy', 'envoy']);
    expect(rangesOf(SEARCH_CURRENT_HIGHLIGHT)).to.deep.equal(['envoy']);
    expect(CSS.highlights.get(SEARCH_CURRENT_HIGHLIGHT)!.priority).to.be.greaterThan(CSS.highlights.get(SEARCH_HIT_HIGHLIGHT)!.priority);
  });

  it('collects hits of several views and skips hits a view cannot place', () => {
    const a = fixture(['alpha beta']);
    const b = fixture(['gamma delta']);
    const throwing = () => {
      throw new Error('not rendered');
    };
    paintSearchHits([
      { resolve: a.resolve, hits: [{ from: 6, to: 10 }, { from: 50, to: 60 }] },
      { resolve: b.resolve, hits: [{ from: 0, to: 5 }], current: { from: 0, to: 5 } },
      { resolve: throwing, hits: [{ from: 0, to: 1 }] },
    ]);
    expect(rangesOf(SEARCH_HIT_HIGHLIGHT)).to.deep.equal(['beta', 'gamma']);
    expect(rangesOf(SEARCH_CURRENT_HIGHLIGHT)).to.deep.equal(['gamma']);
  });

  it('replaces the previous hits, and clears them', () => {
    const f = fixture(['one two three']);
    paintSearchHits([{ resolve: f.resolve, hits: [{ from: 0, to: 3 }] }]);
    paintSearchHits([{ resolve: f.resolve, hits: [{ from: 4, to: 7 }] }]);
    expect(rangesOf(SEARCH_HIT_HIGHLIGHT)).to.deep.equal(['two']);
    clearSearchHits();
    expect(CSS.highlights.has(SEARCH_HIT_HIGHLIGHT)).to.equal(false);
  });

  it('does nothing when the browser lacks the Highlight API', () => {
    const f = fixture(['one two']);
    const saved = Object.getOwnPropertyDescriptor(window, 'Highlight')!;
    Object.defineProperty(window, 'Highlight', { value: undefined, configurable: true, writable: true });
    try {
      expect(() => paintSearchHits([{ resolve: f.resolve, hits: [{ from: 0, to: 3 }] }])).not.to.throw();
    } finally {
      Object.defineProperty(window, 'Highlight', saved);
    }
    expect(CSS.highlights.has(SEARCH_HIT_HIGHLIGHT)).to.equal(false);
  });
});
