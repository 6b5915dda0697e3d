import { expect } from '@esm-bundle/chai';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/claim-compare.ts';
import type { ClaimCompare, CompareChoice, CompareDocument } from '../../src/components/claim-compare.ts';
import { makeReview } from '../../src/analysis/claims/review.ts';
import { dismissedSuggestions, suggestionId, suggestionProposal } from '../../src/components/claims/suggestions.ts';

// Invented texts: each sentence of the first is paraphrased somewhere in the second.
const FIRST = [
  'Annals of Lorvik',
  'The harbour of Lorvik was closed to foreign ships for most of the winter because the ice never broke up.',
  'The royal library lost most of its old manuscripts in a fire that started in the reading room.',
  'Teachers across the country went on strike for six weeks to demand higher wages and smaller classes.',
].join('\n\n');
const SECOND = [
  'Chronicle',
  "A fire that broke out in the reading room destroyed the greater part of the royal library's ancient manuscripts.",
  'Because the ice did not break up, foreign vessels could not enter Lorvik harbour through much of the winter.',
  'For six weeks teachers all over the country stayed away from school, demanding better pay and smaller classes.',
  'The price of fish at the capital market doubled during the long winter.',
].join('\n\n');
const DOCS: CompareDocument[] = [
  { id: 'first', iri: 'https://example.org/first.txt', source: FIRST, label: 'Annals' },
  { id: 'second', iri: 'https://example.org/second.txt', source: SECOND, label: 'Chronicle' },
];

async function mount(at: string): Promise<ClaimCompare> {
  const el = document.createElement('claim-compare');
  el.documents = DOCS;
  const from = FIRST.indexOf(at) + 2;
  el.passage = { docId: 'first', from, to: from };
  document.body.append(el);
  await el.updateComplete;
  await new Promise((r) => requestAnimationFrame(r));
  return el;
}

afterEach(() => document.querySelectorAll('claim-compare').forEach((e) => e.remove()));

describe('claim-compare', () => {
  it('lists at most five passages of the other text for the sentence at the caret, the paraphrase first, shared words marked', async () => {
    const el = await mount('The royal library');
    const items = [...el.shadowRoot!.querySelectorAll('li.suggestion')];
    expect(items.length).to.be.within(1, 5);
    expect(items[0]!.querySelector('.quote')!.textContent).to.contain('A fire that broke out');
    const marks = [...items[0]!.querySelectorAll('mark')].map((m) => m.textContent.toLowerCase());
    expect(marks.some((m) => m.startsWith('library'))).to.equal(true);
    expect(items[0]!.getAttribute('data-relation')).to.be.oneOf(['agrees', 'conflicts', 'related']);
    expect(el.shadowRoot!.querySelector('.passage')!.textContent).to.contain('The royal library lost most of its old manuscripts');
    expect(el.shadowRoot!.querySelector('[role="dialog"]')!.getAttribute('aria-labelledby')).to.equal('compare-title');
  });

  it('is keyboard operable: focus starts on the first Link button, Enter links, Tab reaches Dismiss, Escape closes', async () => {
    const el = await mount('The harbour of Lorvik');
    const seen: Array<{ type: string; detail: CompareChoice | null }> = [];
    for (const type of ['compare-accept', 'compare-dismiss', 'compare-close']) {
      el.addEventListener(type, (e) => seen.push({ type, detail: (e as CustomEvent<CompareChoice>).detail ?? null }));
    }
    expect(el.shadowRoot!.activeElement?.classList.contains('accept')).to.equal(true);
    await sendKeys({ press: 'Enter' });
    expect(seen[0]?.type).to.equal('compare-accept');
    const accepted = seen[0]!.detail!;
    expect(accepted.docId).to.equal('second');
    expect(SECOND.slice(accepted.from, accepted.to)).to.contain('Because the ice did not break up');
    expect(FIRST.slice(accepted.passage.from, accepted.passage.to)).to.equal(
      'The harbour of Lorvik was closed to foreign ships for most of the winter because the ice never broke up.',
    );
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    expect(seen[1]?.type).to.equal('compare-dismiss');
    expect(seen[1]!.detail!.id).to.equal(accepted.id);
    await sendKeys({ press: 'Escape' });
    expect(seen[2]?.type).to.equal('compare-close');
  });

  it('does not offer a dismissed suggestion again: the reader\'s review annotation remembers it', async () => {
    const el = await mount('Teachers across');
    const first = el.shadowRoot!.querySelector('li.suggestion .quote')!.textContent;
    let choice: CompareChoice | null = null;
    el.addEventListener('compare-dismiss', (e) => (choice = e.detail));
    (el.shadowRoot!.querySelector('li.suggestion button.dismiss') as HTMLButtonElement).click();
    const c = choice as CompareChoice | null;
    expect(c).to.not.equal(null);
    // What the app stores: a review by a Person, of the suggestion as a proposal.
    const a = { iri: DOCS[0]!.iri, source: FIRST, ...c!.passage };
    const b = { iri: DOCS[1]!.iri, source: SECOND, from: c!.from, to: c!.to };
    const review = makeReview(suggestionProposal(a, b), 'dismissed', { type: 'Person', name: 'Reader' }, { created: '2026-12-01T00:00:00Z' });
    expect(suggestionId(a, b)).to.equal(c!.id);
    el.dismissed = dismissedSuggestions([JSON.parse(JSON.stringify(review))]);
    await el.updateComplete;
    const quotes = [...el.shadowRoot!.querySelectorAll('li.suggestion .quote')].map((q) => q.textContent);
    expect(quotes).to.not.include(first);
  });

  it('says so in one sentence when the caret stands in no sentence of running text', async () => {
    const el = document.createElement('claim-compare');
    el.documents = DOCS;
    el.passage = { docId: 'first', from: 1, to: 1 };
    document.body.append(el);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.match(/No sentence of running text/u);
  });
});
