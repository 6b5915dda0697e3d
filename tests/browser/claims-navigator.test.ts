import { expect } from '@esm-bundle/chai';
import { ClaimNavigator } from '../../src/components/claims/navigator.ts';
import { orderLinks, otherEnd, type ClaimLink } from '../../src/components/claims/link.ts';
import { stepForKey } from '../../src/components/claims/keys.ts';

/** A link whose ends start at `a` in text "one" and `b` in text "two". */
function link(id: string, relation: ClaimLink['relation'], a: number, b: number, status: ClaimLink['status'] = 'proposed'): ClaimLink {
  return {
    id,
    relation,
    status,
    description: id,
    ends: [
      { docId: 'one', from: a, to: a + 5, quote: `one ${id}` },
      { docId: 'two', from: b, to: b + 5, quote: `two ${id}` },
    ],
  };
}

const LINKS = Object.freeze([
  link('r1', 'related', 10, 900),
  link('a2', 'agrees', 300, 20),
  link('c2', 'conflicts', 500, 40),
  link('a1', 'agrees', 100, 700),
  link('c1', 'conflicts', 200, 800),
  link('d1', 'conflicts', 50, 10, 'dismissed'),
]);

describe('claim link order', () => {
  it('puts conflicts first, then agreements, then related, each by start in the first text', () => {
    expect(orderLinks(LINKS, 'one').map((l) => l.id)).to.deep.equal(['d1', 'c1', 'c2', 'a1', 'a2', 'r1']);
  });

  it('orders by the text named first, whichever end it is', () => {
    expect(orderLinks(LINKS, 'two').map((l) => l.id)).to.deep.equal(['d1', 'c2', 'c1', 'a2', 'a1', 'r1']);
  });

  it('breaks ties by id and never changes the list it is given', () => {
    const twins = [link('b', 'agrees', 5, 5), link('a', 'agrees', 5, 5)];
    expect(orderLinks(twins, 'one').map((l) => l.id)).to.deep.equal(['a', 'b']);
    expect(twins.map((l) => l.id)).to.deep.equal(['b', 'a']);
  });
});

describe('ClaimNavigator', () => {
  it('steps forward through the links not dismissed, wrapping from last to first', () => {
    const nav = new ClaimNavigator(LINKS, { firstDocId: 'one' });
    expect(nav.current).to.equal(null);
    const seen = Array.from({ length: 6 }, () => nav.next()!.id);
    expect(seen).to.deep.equal(['c1', 'c2', 'a1', 'a2', 'r1', 'c1']);
    expect(nav.current!.id).to.equal('c1');
  });

  it('steps backward, starting from the last link and wrapping from first to last', () => {
    const nav = new ClaimNavigator(LINKS, { firstDocId: 'one' });
    const seen = Array.from({ length: 6 }, () => nav.previous()!.id);
    expect(seen).to.deep.equal(['r1', 'a2', 'a1', 'c2', 'c1', 'r1']);
  });

  it('steps on from a selected link, and from a link dismissed while current', () => {
    const nav = new ClaimNavigator(LINKS, { firstDocId: 'one' });
    expect(nav.select('a1')!.id).to.equal('a1');
    expect(nav.next()!.id).to.equal('a2');
    nav.setLinks(LINKS.map((l) => (l.id === 'a2' ? { ...l, status: 'dismissed' as const } : l)));
    expect(nav.current!.id).to.equal('a2');
    expect(nav.next()!.id).to.equal('r1');
    nav.select('a2');
    expect(nav.previous()!.id).to.equal('a1');
  });

  it('can step through dismissed links too when asked', () => {
    const nav = new ClaimNavigator(LINKS, { firstDocId: 'one', steppable: () => true });
    expect(nav.next()!.id).to.equal('d1');
  });

  it('returns null when there is nothing to step to or select', () => {
    const nav = new ClaimNavigator([link('d', 'agrees', 1, 1, 'dismissed')]);
    expect(nav.next()).to.equal(null);
    expect(nav.previous()).to.equal(null);
    expect(nav.select('nope')).to.equal(null);
    expect(nav.get('nope')).to.equal(null);
  });

  it('forgets the current link when a reload drops it', () => {
    const nav = new ClaimNavigator(LINKS, { firstDocId: 'one' });
    nav.select('c2');
    nav.setLinks(LINKS.filter((l) => l.id !== 'c2'));
    expect(nav.current).to.equal(null);
    expect(nav.next()!.id).to.equal('c1');
  });

  it('gives the partner of an end in the other text, or null', () => {
    const nav = new ClaimNavigator(LINKS);
    expect(nav.partnerOf('a1', 'one')).to.deep.equal(LINKS[3]!.ends[1]);
    expect(nav.partnerOf('a1', 'two')).to.deep.equal(LINKS[3]!.ends[0]);
    expect(nav.partnerOf('a1', 'three')).to.equal(null);
    expect(nav.partnerOf('nope', 'one')).to.equal(null);
    expect(nav.endOf('a1', 'two')!.quote).to.equal('two a1');
    expect(otherEnd(LINKS[0]!, 'two')!.docId).to.equal('one');
  });

  it('returns to remembered places last first, and then has none', () => {
    const nav = new ClaimNavigator(LINKS);
    expect(nav.canGoBack).to.equal(false);
    nav.pushBack({ docId: 'one', from: 1, to: 2 });
    nav.pushBack({ docId: 'two', from: 3, to: 4, linkId: 'a1' });
    expect(nav.canGoBack).to.equal(true);
    expect(nav.back()).to.deep.equal({ docId: 'two', from: 3, to: 4, linkId: 'a1' });
    expect(nav.back()).to.deep.equal({ docId: 'one', from: 1, to: 2 });
    expect(nav.back()).to.equal(null);
    expect(nav.canGoBack).to.equal(false);
  });

  it('keeps only the most recent places when the back stack is full', () => {
    const nav = new ClaimNavigator(LINKS, { maxBack: 2 });
    for (let i = 0; i < 5; i++) nav.pushBack({ docId: 'one', from: i, to: i + 1 });
    expect([nav.back()!.from, nav.back()!.from, nav.back()]).to.deep.equal([4, 3, null]);
  });

  it('keeps the back stack across a reload of the links', () => {
    const nav = new ClaimNavigator(LINKS);
    nav.pushBack({ docId: 'one', from: 7, to: 9 });
    nav.setLinks([]);
    expect(nav.back()).to.deep.equal({ docId: 'one', from: 7, to: 9 });
  });
});

describe('stepForKey', () => {
  const press = (key: string, init: KeyboardEventInit = {}, target: HTMLElement = document.body): 1 | -1 | 0 => {
    let result: 1 | -1 | 0 = 0;
    const listener = (e: Event) => (result = stepForKey(e as KeyboardEvent));
    target.addEventListener('keydown', listener, { once: true });
    target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, ...init }));
    return result;
  };

  it('reads ] and j as next, [ and k as previous, other keys as nothing', () => {
    expect([']', 'j', '[', 'k', 'J', 'ArrowDown', 'n'].map((k) => press(k))).to.deep.equal([1, 1, -1, -1, 0, 0, 0]);
  });

  it('ignores the keys with a modifier', () => {
    expect(press(']', { ctrlKey: true })).to.equal(0);
    expect(press('j', { altKey: true })).to.equal(0);
    expect(press('k', { metaKey: true })).to.equal(0);
  });

  it('ignores letters typed into a field, but not in a read-only text or on a checkbox', () => {
    const input = document.createElement('input');
    const checkbox = Object.assign(document.createElement('input'), { type: 'checkbox' });
    const area = document.createElement('textarea');
    const editable = Object.assign(document.createElement('div'), { contentEditable: 'true' });
    const readOnly = Object.assign(document.createElement('div'), { contentEditable: 'false' });
    document.body.append(input, checkbox, area, editable, readOnly);
    try {
      expect(press('j', {}, input)).to.equal(0);
      expect(press(']', {}, area)).to.equal(0);
      expect(press('k', {}, editable)).to.equal(0);
      expect(press('j', {}, checkbox)).to.equal(1);
      expect(press('[', {}, readOnly)).to.equal(-1);
    } finally {
      for (const el of [input, checkbox, area, editable, readOnly]) el.remove();
    }
  });
});
