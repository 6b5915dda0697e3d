import { expect } from '@esm-bundle/chai';
import '../../src/components/claims-panel.ts';
import type { ClaimActivateDetail, ClaimReviewDetail, ClaimsPanel } from '../../src/components/claims-panel.ts';
import { preview, QUOTE_PREVIEW_LENGTH } from '../../src/components/claims-panel.ts';
import type { ClaimLink } from '../../src/components/claims/link.ts';
import type { ManualLinkRequest } from '../../src/components/claims/manual.ts';
import { settle } from './support/wait.ts';

const DOCUMENTS = [
  { id: 'left', label: 'Left chronicle' },
  { id: 'right', label: 'Right memoir' },
];

const HOSTILE = 'The envoy wrote <img src=x onerror="window.__claimsPwned=1"><script>window.__claimsPwned=2</script> twice.';

function link(id: string, relation: ClaimLink['relation'], leftFrom: number, extra: Partial<ClaimLink> = {}): ClaimLink {
  return {
    id,
    relation,
    status: 'proposed',
    description: `Description of ${id}.`,
    confidence: 0.5,
    ends: [
      { docId: 'left', from: leftFrom, to: leftFrom + 10, quote: `left quote of ${id}` },
      { docId: 'right', from: 100 - leftFrom, to: 110 - leftFrom, quote: `right quote of ${id}` },
    ],
    ...extra,
  };
}

// Given out of order on purpose: the panel orders by relation, then by position in the first text.
const LINKS: readonly ClaimLink[] = [
  link('rel-1', 'related', 5),
  link('agr-2', 'agrees', 40),
  link('con-2', 'conflicts', 60, { difference: '18 May vs 19 May', description: 'The texts tell the same event differently: 18 May vs 19 May.', confidence: 0.87 }),
  link('agr-1', 'agrees', 10),
  link('con-1', 'conflicts', 20, { difference: '12 ships vs 14 ships', ends: [
    { docId: 'left', from: 20, to: 30, quote: HOSTILE },
    { docId: 'right', from: 3, to: 9, quote: 'x'.repeat(400) },
  ] }),
  link('dis-1', 'agrees', 15, { status: 'dismissed' }),
  link('acc-1', 'related', 1, { status: 'accepted' }),
  link('man-1', 'related', 2, { manual: true, note: 'My own <b>note</b>', confidence: undefined }),
];

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

/** Mounts the panel inside another shadow root, as an app would: its events must cross it. */
async function mount(props: Partial<Pick<ClaimsPanel, 'links' | 'selections' | 'current' | 'canGoBack'>> = {}): Promise<ClaimsPanel> {
  const panel = document.createElement('claims-panel');
  panel.documents = DOCUMENTS;
  panel.links = LINKS;
  Object.assign(panel, props);
  const outer = document.createElement('div');
  outer.attachShadow({ mode: 'open' }).append(panel);
  document.body.append(outer);
  cleanups.push(() => outer.remove());
  await panel.updateComplete;
  return panel;
}

function $(panel: ClaimsPanel, selector: string): HTMLElement {
  const el = panel.shadowRoot!.querySelector<HTMLElement>(selector);
  if (!el) throw new Error(`no ${selector} in the panel`);
  return el;
}

function $$(panel: ClaimsPanel, selector: string): HTMLElement[] {
  return [...panel.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
}

/** The text of the elements an element is labelled by, in order, as a screen reader would join them. */
function accessibleName(panel: ClaimsPanel, el: Element): string {
  return el
    .getAttribute('aria-labelledby')!
    .split(' ')
    .map((id) => panel.shadowRoot!.getElementById(id)!.textContent.replace(/\s+/g, ' ').trim())
    .join(' ');
}

function itemIds(panel: ClaimsPanel): string[] {
  return $$(panel, 'li.claim').map((li) => li.dataset.id!);
}

function item(panel: ClaimsPanel, id: string): HTMLElement {
  return $(panel, `li.claim[data-id="${id}"]`);
}

/** Every `name` event's detail that reaches the document from this panel. */
function collect<T>(panel: ClaimsPanel, name: string): T[] {
  const seen: T[] = [];
  const listener = (e: Event): void => {
    if (e.composedPath().includes(panel)) seen.push((e as CustomEvent<T>).detail);
  };
  document.addEventListener(name, listener);
  cleanups.push(() => document.removeEventListener(name, listener));
  return seen;
}

async function key(panel: ClaimsPanel, target: Element, name: string): Promise<void> {
  target.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, composed: true }));
  await panel.updateComplete;
}

describe('<claims-panel>', () => {
  describe('grouping and order', () => {
    it('lists conflicts first, then agreements, then related, each by position in the first text', async () => {
      const panel = await mount();
      expect($$(panel, 'section.group').map((g) => g.dataset.relation)).to.deep.equal(['conflicts', 'agrees', 'related']);
      expect(itemIds(panel)).to.deep.equal(['con-1', 'con-2', 'agr-1', 'agr-2', 'acc-1', 'man-1', 'rel-1']);
    });

    it('counts the listed links per relation, leaving dismissed ones out of the counts', async () => {
      const panel = await mount();
      expect($$(panel, 'section.group .count').map((c) => c.textContent.trim())).to.deep.equal(['(2)', '(2)', '(3)']);
      expect($(panel, '.summary').textContent.replace(/\s+/g, ' ').trim()).to.equal('2 conflicts · 2 agreements · 3 related');
      expect($(panel, '.tools label').textContent.replace(/\s+/g, ' ')).to.contain('Show dismissed (1)');
      panel.links = LINKS.filter((l) => ['con-1', 'agr-1'].includes(l.id));
      await panel.updateComplete;
      expect($(panel, '.summary').textContent.replace(/\s+/g, ' ').trim()).to.equal('1 conflict · 1 agreement · 0 related');
    });

    it('says so when a relation has no links, and when there are none at all', async () => {
      const panel = await mount({ links: LINKS.filter((l) => l.relation !== 'conflicts') });
      expect($(panel, 'section.group-conflicts .empty').textContent).to.equal('None.');
      expect($(panel, 'section.group-conflicts .count').textContent).to.equal('(0)');
      panel.links = [];
      await panel.updateComplete;
      expect($(panel, '.summary').textContent.trim()).to.equal('No claim links to show.');
      expect($$(panel, 'li.claim')).to.have.length(0);
    });
  });

  describe('each link', () => {
    it('makes a conflict stand out and says what differs', async () => {
      const panel = await mount();
      const conflict = item(panel, 'con-2');
      expect(conflict.classList.contains('rel-conflicts')).to.equal(true);
      expect(conflict.querySelector('.badge')!.textContent).to.contain('Conflict');
      expect(conflict.querySelector('.difference-value')!.textContent).to.equal('18 May vs 19 May');
      expect(accessibleName(panel, conflict)).to.equal('≠ Conflict proposed Differs: 18 May vs 19 May');
      expect(getComputedStyle(conflict).borderLeftColor).to.not.equal(getComputedStyle(item(panel, 'agr-1')).borderLeftColor);
      expect(item(panel, 'agr-1').querySelector('.difference')).to.equal(null);
    });

    it('shows both quotes with their document labels, the confidence and the status', async () => {
      const panel = await mount();
      const agree = item(panel, 'agr-1');
      const ends = [...agree.querySelectorAll('.end')].map((e) => [e.querySelector('.doc')!.textContent, e.querySelector('.quote')!.textContent]);
      expect(ends).to.deep.equal([
        ['Left chronicle', 'left quote of agr-1'],
        ['Right memoir', 'right quote of agr-1'],
      ]);
      expect(agree.querySelector('.confidence')!.textContent).to.equal('confidence 50%');
      expect(agree.querySelector('.status')!.textContent).to.equal('proposed');
      expect(item(panel, 'acc-1').querySelector('.status')!.textContent).to.equal('accepted');
      expect(item(panel, 'man-1').querySelector('.status')!.textContent).to.equal('made by hand');
      expect(item(panel, 'man-1').querySelector('.confidence')).to.equal(null);
    });

    it('renders hostile quote and note text as text, never as markup', async () => {
      const panel = await mount();
      const conflict = item(panel, 'con-1');
      expect(conflict.querySelector('.quote')!.textContent).to.equal(HOSTILE);
      expect(conflict.querySelector('img, script')).to.equal(null);
      expect(item(panel, 'man-1').querySelector('.note')!.textContent).to.equal('Note: My own <b>note</b>');
      expect(item(panel, 'man-1').querySelector('b')).to.equal(null);
      panel.documents = [{ id: 'left', label: '<img src=x onerror="window.__claimsPwned=3">Left' }, DOCUMENTS[1]!];
      await panel.updateComplete;
      expect(item(panel, 'agr-1').querySelector('.doc')!.textContent).to.equal('<img src=x onerror="window.__claimsPwned=3">Left');
      expect(panel.shadowRoot!.querySelector('img, script')).to.equal(null);
      await settle();
      expect((window as unknown as { __claimsPwned?: number }).__claimsPwned).to.equal(undefined);
    });

    it('shortens a long quote in the list and keeps the whole one as its title', async () => {
      const panel = await mount();
      const quote = item(panel, 'con-1').querySelectorAll('.quote')[1]!;
      expect(quote.textContent.length).to.be.at.most(QUOTE_PREVIEW_LENGTH + 1);
      expect(quote.textContent.endsWith('…')).to.equal(true);
      expect(quote.getAttribute('title')).to.equal('x'.repeat(400));
      expect(preview('a  b\n\nc')).to.equal('a b c');
      expect(preview(`${'word '.repeat(60)}`).endsWith('word…')).to.equal(true);
    });
  });

  describe('review', () => {
    it('dispatches claim-review with accepted or dismissed', async () => {
      const panel = await mount();
      const reviews = collect<ClaimReviewDetail>(panel, 'claim-review');
      (item(panel, 'agr-1').querySelector('button.accept') as HTMLButtonElement).click();
      (item(panel, 'con-2').querySelector('button.dismiss') as HTMLButtonElement).click();
      expect(reviews).to.deep.equal([
        { id: 'agr-1', decision: 'accepted' },
        { id: 'con-2', decision: 'dismissed' },
      ]);
    });

    it('offers to undo an acceptance and to restore a dismissal by withdrawing the decision', async () => {
      const panel = await mount();
      const reviews = collect<ClaimReviewDetail>(panel, 'claim-review');
      expect(item(panel, 'acc-1').querySelector('button.accept')).to.equal(null);
      (item(panel, 'acc-1').querySelector('button.undo') as HTMLButtonElement).click();
      ($(panel, 'input.show-dismissed') as HTMLInputElement).click();
      await panel.updateComplete;
      const dismissed = item(panel, 'dis-1');
      expect(dismissed.querySelector('button.dismiss')).to.equal(null);
      (dismissed.querySelector('button.restore') as HTMLButtonElement).click();
      expect(reviews).to.deep.equal([
        { id: 'acc-1', decision: 'proposed' },
        { id: 'dis-1', decision: 'proposed' },
      ]);
    });

    it('offers Remove, not Accept or Dismiss, on a hand-made link', async () => {
      const panel = await mount();
      const removed = collect<ClaimActivateDetail>(panel, 'claim-remove');
      const manual = item(panel, 'man-1');
      expect(manual.querySelector('button.accept, button.dismiss')).to.equal(null);
      (manual.querySelector('button.remove') as HTMLButtonElement).click();
      expect(removed).to.deep.equal([{ id: 'man-1' }]);
    });

    it('hides dismissed proposals by default and lists them with the filter', async () => {
      const panel = await mount();
      expect(itemIds(panel)).to.not.include('dis-1');
      const filter = $(panel, 'input.show-dismissed') as HTMLInputElement;
      const changes = collect<{ showDismissed: boolean }>(panel, 'claim-filter');
      expect(filter.checked).to.equal(false);
      filter.click();
      await panel.updateComplete;
      expect(itemIds(panel)).to.include('dis-1');
      expect(item(panel, 'dis-1').classList.contains('st-dismissed')).to.equal(true);
      expect($(panel, 'section.group-agrees .count').textContent).to.equal('(3)');
      filter.click();
      await panel.updateComplete;
      expect(itemIds(panel)).to.not.include('dis-1');
      expect(changes).to.deep.equal([{ showDismissed: true }, { showDismissed: false }]);
      panel.showDismissed = true;
      await panel.updateComplete;
      expect(itemIds(panel)).to.include('dis-1');
      expect(filter.checked).to.equal(true);
    });

    it('gives focus to the next link when the dismissed one leaves the list', async () => {
      const panel = await mount();
      const button = item(panel, 'con-2').querySelector('button.dismiss') as HTMLButtonElement;
      item(panel, 'con-2').focus();
      await panel.updateComplete;
      button.focus();
      button.click();
      panel.links = LINKS.map((l) => (l.id === 'con-2' ? { ...l, status: 'dismissed' as const } : l));
      await panel.updateComplete;
      await panel.updateComplete;
      expect(panel.shadowRoot!.activeElement).to.equal(item(panel, 'agr-1'));
      expect(item(panel, 'agr-1').tabIndex).to.equal(0);
    });

    it('drops a link from the list when the app marks it dismissed', async () => {
      const panel = await mount();
      panel.links = LINKS.map((l) => (l.id === 'con-2' ? { ...l, status: 'dismissed' as const } : l));
      await panel.updateComplete;
      expect(itemIds(panel)).to.not.include('con-2');
      expect($(panel, 'section.group-conflicts .count').textContent).to.equal('(1)');
    });
  });

  describe('showing links', () => {
    it('dispatches claim-activate from "Show in both texts" and marks the link current', async () => {
      const panel = await mount();
      const shown = collect<ClaimActivateDetail>(panel, 'claim-activate');
      (item(panel, 'agr-2').querySelector('button.show') as HTMLButtonElement).click();
      await panel.updateComplete;
      expect(shown).to.deep.equal([{ id: 'agr-2' }]);
      expect(item(panel, 'agr-2').getAttribute('aria-current')).to.equal('true');
      expect($$(panel, 'li.claim[aria-current]')).to.have.length(1);
    });

    it('offers Back only when the app has a place to return to, and asks for it with claim-back', async () => {
      const panel = await mount();
      expect(panel.shadowRoot!.querySelector('button.back')).to.equal(null);
      panel.canGoBack = true;
      await panel.updateComplete;
      const backs = collect<null>(panel, 'claim-back');
      ($(panel, 'button.back') as HTMLButtonElement).click();
      expect(backs).to.have.length(1);
    });
  });

  describe('keyboard', () => {
    it('keeps one tab stop in the list and moves it with the arrows, Home and End', async () => {
      const panel = await mount();
      const stops = () => $$(panel, 'li.claim').filter((li) => li.tabIndex === 0).map((li) => li.dataset.id);
      expect(stops()).to.deep.equal(['con-1']);
      expect(item(panel, 'con-2').querySelector('button.show')!.getAttribute('tabindex')).to.equal('-1');
      item(panel, 'con-1').focus();
      await key(panel, item(panel, 'con-1'), 'ArrowDown');
      expect(panel.shadowRoot!.activeElement).to.equal(item(panel, 'con-2'));
      expect(stops()).to.deep.equal(['con-2']);
      expect(item(panel, 'con-2').querySelector('button.show')!.getAttribute('tabindex')).to.equal('0');
      await key(panel, item(panel, 'con-2'), 'End');
      expect(panel.shadowRoot!.activeElement).to.equal(item(panel, 'rel-1'));
      await key(panel, item(panel, 'rel-1'), 'ArrowDown');
      expect(panel.shadowRoot!.activeElement).to.equal(item(panel, 'rel-1'));
      await key(panel, item(panel, 'rel-1'), 'Home');
      expect(panel.shadowRoot!.activeElement).to.equal(item(panel, 'con-1'));
      await key(panel, item(panel, 'con-1'), 'ArrowUp');
      expect(panel.shadowRoot!.activeElement).to.equal(item(panel, 'con-1'));
    });

    it('shows the focused link with Enter', async () => {
      const panel = await mount();
      const shown = collect<ClaimActivateDetail>(panel, 'claim-activate');
      item(panel, 'agr-1').focus();
      await key(panel, item(panel, 'agr-1'), 'Enter');
      expect(shown).to.deep.equal([{ id: 'agr-1' }]);
    });

    it('steps through the links with ] and [ (and j, k), wrapping, and shows each', async () => {
      const panel = await mount();
      const shown = collect<ClaimActivateDetail>(panel, 'claim-activate');
      const list = $(panel, '.groups');
      await key(panel, list, ']');
      await key(panel, list, 'j');
      await key(panel, list, '[');
      await key(panel, list, 'k');
      await key(panel, list, 'k');
      expect(shown.map((d) => d.id)).to.deep.equal(['con-1', 'con-2', 'con-1', 'rel-1', 'man-1']);
      await panel.updateComplete;
      expect(panel.shadowRoot!.activeElement).to.equal(item(panel, 'man-1'));
      expect(item(panel, 'man-1').getAttribute('aria-current')).to.equal('true');
    });

    it('steps on from the link the app made current', async () => {
      const panel = await mount({ current: 'agr-2' });
      const shown = collect<ClaimActivateDetail>(panel, 'claim-activate');
      await key(panel, item(panel, 'con-1'), ']');
      expect(shown).to.deep.equal([{ id: 'acc-1' }]);
    });

    it('does not take j and k typed into the note', async () => {
      const panel = await mount({ selections: { left: { from: 0, to: 4, text: 'Left' }, right: { from: 2, to: 5, text: 'ght' } } });
      const shown = collect<ClaimActivateDetail>(panel, 'claim-activate');
      await key(panel, $(panel, 'textarea.note-input'), 'j');
      await key(panel, $(panel, 'textarea.note-input'), ']');
      expect(shown).to.deep.equal([]);
    });

    it('names its parts for assistive technology', async () => {
      const panel = await mount();
      expect($(panel, 'section.claims').getAttribute('aria-labelledby')).to.equal('claims-title');
      for (const ul of $$(panel, 'ul')) {
        expect(ul.getAttribute('role')).to.equal('list');
        expect(panel.shadowRoot!.getElementById(ul.getAttribute('aria-labelledby')!)).to.not.equal(null);
      }
      for (const li of $$(panel, 'li.claim')) {
        expect(accessibleName(panel, li)).to.match(/^(≠ Conflict|= Agrees|~ Related) (proposed|accepted|made by hand) \S/);
        const description = panel.shadowRoot!.getElementById(li.getAttribute('aria-describedby')!)!;
        expect(description.textContent).to.contain(li.querySelector('.quote')!.textContent);
      }
      expect(item(panel, 'agr-1').querySelector('.badge [aria-hidden="true"]')!.textContent).to.equal('=');
      expect($(panel, 'li.claim .actions').getAttribute('role')).to.equal('group');
    });
  });

  describe('linking selections by hand', () => {
    const SELECTIONS = {
      left: { from: 3, to: 14, text: 'the harbour' },
      right: { from: 40, to: 52, text: 'the <i>port</i>' },
    };

    it('is disabled until both texts have a selection', async () => {
      const panel = await mount();
      const fieldset = $(panel, 'form.manual fieldset') as HTMLFieldSetElement;
      expect(fieldset.disabled).to.equal(true);
      expect($(panel, '#manual-hint').textContent).to.contain('Select a passage in each text');
      panel.selections = { left: SELECTIONS.left };
      await panel.updateComplete;
      expect(fieldset.disabled).to.equal(true);
      panel.selections = { left: SELECTIONS.left, right: { from: 5, to: 5, text: '' } };
      await panel.updateComplete;
      expect(fieldset.disabled).to.equal(true);
      panel.selections = SELECTIONS;
      await panel.updateComplete;
      expect(fieldset.disabled).to.equal(false);
    });

    it('does not dispatch from a disabled form', async () => {
      const panel = await mount({ selections: { left: SELECTIONS.left } });
      const made = collect<ManualLinkRequest>(panel, 'claim-manual');
      ($(panel, 'form.manual') as HTMLFormElement).requestSubmit();
      expect(made).to.deep.equal([]);
    });

    it('shows both selections as text and dispatches the ends, relation and note', async () => {
      const panel = await mount({ selections: SELECTIONS });
      const made = collect<ManualLinkRequest>(panel, 'claim-manual');
      const picked = $$(panel, 'form.manual .picked .end').map((e) => e.querySelector('.quote')?.textContent);
      expect(picked).to.deep.equal(['the harbour', 'the <i>port</i>']);
      expect(panel.shadowRoot!.querySelector('form.manual i')).to.equal(null);
      const select = $(panel, 'select.relation') as HTMLSelectElement;
      select.value = 'conflicts';
      select.dispatchEvent(new Event('change', { bubbles: true }));
      const note = $(panel, 'textarea.note-input') as HTMLTextAreaElement;
      note.value = '  Different harbours?  ';
      note.dispatchEvent(new Event('input', { bubbles: true }));
      await panel.updateComplete;
      ($(panel, 'button.link') as HTMLButtonElement).click();
      expect(made).to.deep.equal([
        {
          ends: [
            { docId: 'left', from: 3, to: 14, text: 'the harbour' },
            { docId: 'right', from: 40, to: 52, text: 'the <i>port</i>' },
          ],
          relation: 'conflicts',
          note: 'Different harbours?',
        },
      ]);
      await panel.updateComplete;
      expect(note.value).to.equal('');
    });

    it('puts the ends in document order whatever order the selections came in', async () => {
      const panel = await mount({ selections: { right: SELECTIONS.right, left: SELECTIONS.left } });
      const made = collect<ManualLinkRequest>(panel, 'claim-manual');
      ($(panel, 'button.link') as HTMLButtonElement).click();
      expect(made.map((m) => m.ends.map((e) => e.docId))).to.deep.equal([['left', 'right']]);
      expect(made[0]!.relation).to.equal('agrees');
      expect(made[0]!.note).to.equal('');
    });
  });
});
