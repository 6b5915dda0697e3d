import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parsePlainText } from '../../src/document/parse.ts';
import {
  applyReviews,
  ClaimReviewError,
  makeManualLink,
  makeReview,
  reviewTargetOf,
} from '../../src/analysis/claims/review.ts';
import { proposeClaimLinks, type ClaimText } from '../../src/analysis/claims/index.ts';
import { ANALYZER } from '../../src/analysis/generator.ts';
import { ANNO_CONTEXT, tagsOf, targetsOf, type Agent, type Annotation } from '../../src/annotations/model.ts';

const FIRST = 'The bridge over the Lenna was opened on 2 May 1931 by Mayor Holt. The river froze solid in the hard winter that followed the long drought.\n';
const SECOND = 'Mayor Holt opened the Lenna bridge on 2 May 1931 before a large crowd. Nobody in the valley owned a motor car until much later.\n';
const texts: readonly ClaimText[] = [
  { iri: 'https://example.org/one.txt', text: FIRST, parsed: parsePlainText(FIRST) },
  { iri: 'https://example.org/two.txt', text: SECOND, parsed: parsePlainText(SECOND) },
];
const scholar: Agent = { id: 'urn:x-reader:person:ada', type: 'Person', name: 'Ada' };
const other: Agent = { id: 'urn:x-reader:person:bo', type: 'Person', name: 'Bo' };

function propose(created: string): Annotation[] {
  return proposeClaimLinks(texts, { created });
}

describe('claims: reviews', () => {
  const proposals = propose('2026-01-01T00:00:00Z');

  it('has a proposal to review', () => {
    assert.equal(proposals.length, 1);
  });

  it('makes a decision annotation by a Person that points at the proposal', () => {
    const review = makeReview(proposals[0]!, 'dismissed', scholar, { created: '2026-01-02T00:00:00Z', note: 'Different bridge.' });
    assert.equal(review['@context'], ANNO_CONTEXT);
    assert.equal(review.motivation, 'assessing');
    assert.deepEqual(review.creator, scholar);
    assert.equal(review.generator, undefined);
    assert.deepEqual(tagsOf(review), ['dismissed']);
    assert.equal(reviewTargetOf(review), proposals[0]!.id);
    assert.deepEqual(targetsOf(review), targetsOf(proposals[0]!));
    assert.ok(review.body.some((b) => b.type === 'TextualBody' && b.purpose === 'commenting' && b.value === 'Different bridge.'));
  });

  it('keeps one decision id per proposal and scholar, another for another scholar', () => {
    const first = makeReview(proposals[0]!, 'accepted', scholar, { created: '2026-01-02T00:00:00Z' });
    const again = makeReview(proposals[0]!, 'dismissed', scholar, { created: '2026-01-03T00:00:00Z' });
    const theirs = makeReview(proposals[0]!, 'accepted', other, { created: '2026-01-03T00:00:00Z' });
    assert.equal(first.id, again.id);
    assert.notEqual(first.id, theirs.id);
  });

  it('leaves unreviewed proposals proposed', () => {
    assert.deepEqual(applyReviews(proposals, []).map((r) => r.status), ['proposed']);
  });

  it('keeps a dismissed proposal dismissed across regeneration', () => {
    const review = makeReview(proposals[0]!, 'dismissed', scholar, { created: '2026-01-02T00:00:00Z' });
    const regenerated = propose('2026-02-01T00:00:00Z');
    const [reviewed] = applyReviews(regenerated, [review]);
    assert.equal(reviewed!.status, 'dismissed');
    assert.equal(reviewed!.review, review);
  });

  it('lets the latest decision win, whatever the order given', () => {
    const accepted = makeReview(proposals[0]!, 'accepted', scholar, { created: '2026-01-02T00:00:00Z' });
    const dismissed = makeReview(proposals[0]!, 'dismissed', other, { created: '2026-01-05T00:00:00Z' });
    assert.equal(applyReviews(proposals, [dismissed, accepted])[0]!.status, 'dismissed');
    assert.equal(applyReviews(proposals, [accepted, dismissed])[0]!.status, 'dismissed');
  });

  it('ignores annotations that are not decisions and decisions on other proposals', () => {
    const stray: Annotation = { ...makeReview(proposals[0]!, 'accepted', scholar, { created: '2026-01-02T00:00:00Z' }), body: [] };
    const elsewhere = makeReview({ ...proposals[0]!, id: 'urn:uuid:00000000-0000-8000-8000-000000000000' }, 'dismissed', scholar, { created: '2026-01-02T00:00:00Z' });
    assert.equal(reviewTargetOf(stray), null);
    assert.deepEqual(applyReviews(proposals, [stray, elsewhere]).map((r) => r.status), ['proposed']);
  });

  it('works on the typed matches as well as on annotations', () => {
    const review = makeReview(proposals[0]!, 'accepted', scholar, { created: '2026-01-02T00:00:00Z' });
    const typed = [{ id: proposals[0]!.id, note: 'any proposal shape with an id' }];
    assert.equal(applyReviews(typed, [review])[0]!.status, 'accepted');
  });

  it('refuses a decision by software', () => {
    assert.throws(() => makeReview(proposals[0]!, 'accepted', ANALYZER, { created: '2026-01-02T00:00:00Z' }), ClaimReviewError);
  });
});

describe('claims: hand-made links', () => {
  const a = { iri: texts[0]!.iri, text: FIRST, from: FIRST.indexOf('The river'), to: FIRST.indexOf('drought.') + 8 };
  const b = { iri: texts[1]!.iri, text: SECOND, from: 0, to: SECOND.indexOf('crowd.') + 6 };

  it('links two selections with a relation, a note and both selectors', () => {
    const link = makeManualLink(a, b, 'related', scholar, 'Same season?', '2026-01-02T00:00:00Z');
    assert.equal(link.motivation, 'linking');
    assert.deepEqual(tagsOf(link), ['claim', 'related']);
    assert.deepEqual(link.creator, scholar);
    assert.equal(link.created, '2026-01-02T00:00:00Z');
    assert.match(link.id, /^urn:uuid:/u);
    const targets = targetsOf(link);
    assert.deepEqual(targets.map((t) => t.source), [a.iri, b.iri]);
    assert.ok(targets.every((t) => t.selector.length === 2));
    assert.ok(link.body.some((x) => x.type === 'TextualBody' && x.purpose === 'commenting' && x.value === 'Same season?'));
  });

  it('refuses two ends in one text, an empty end, a software creator, an end outside its text', () => {
    assert.throws(() => makeManualLink(a, { ...a, from: 0, to: 5 }, 'agrees', scholar), ClaimReviewError);
    assert.throws(() => makeManualLink(a, { ...b, to: b.from }, 'agrees', scholar), ClaimReviewError);
    assert.throws(() => makeManualLink(a, b, 'agrees', ANALYZER), ClaimReviewError);
    assert.throws(() => makeManualLink(a, { ...b, to: SECOND.length + 10 }, 'agrees', scholar), RangeError);
  });
});
