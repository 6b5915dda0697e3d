import { expect } from '@esm-bundle/chai';
import { describingBody, tagBody, textTarget, type Agent, type Annotation, type Body, type SpecificResource } from '../../src/annotations/model.ts';
import { makeReview } from '../../src/analysis/claims/review.ts';
import { claimLinksFromAnnotations, differenceIn, type ClaimDocument } from '../../src/components/claims/from-annotations.ts';
import { manualLinkFrom, selectionsWith } from '../../src/components/claims/manual.ts';
import { claimLinkFromPlaced } from '../../src/components/claims/from-placed.ts';

const NORTH = 'North annals\n\nThe bridge at Osk was finished in 1712 by the masons of Tarn.\n\nA fair followed.\n';
// An astral character before the passage: W3C positions count it once, JavaScript twice.
const SOUTH = 'South letters 𝔖\n\nMasons from Tarn completed the Osk bridge in 1713.\n';
const IRI = { north: 'https://texts.example.org/north.txt', south: 'https://texts.example.org/south.txt' };
const PERSON: Agent = { type: 'Person', name: 'A. Scholar', id: 'mailto:scholar@example.org' };

const NORTH_QUOTE = 'The bridge at Osk was finished in 1712 by the masons of Tarn.';
const SOUTH_QUOTE = 'Masons from Tarn completed the Osk bridge in 1713.';

function docs(sources: Record<string, string> = { north: NORTH, south: SOUTH }) {
  return (iri: string): ClaimDocument | null => {
    const docId = Object.entries(IRI).find(([, v]) => v === iri)?.[0];
    return docId && sources[docId] !== undefined ? { docId, source: sources[docId] } : null;
  };
}

function target(docId: 'north' | 'south', quote: string, source = docId === 'north' ? NORTH : SOUTH): SpecificResource {
  const from = source.indexOf(quote);
  return textTarget(IRI[docId], source, from, from + quote.length);
}

function claim(id: string, body: Body[], targets: SpecificResource[] = [target('north', NORTH_QUOTE), target('south', SOUTH_QUOTE)], extra: Partial<Annotation> = {}): Annotation {
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id,
    type: 'Annotation',
    motivation: 'linking',
    target: targets,
    body,
    generator: { type: 'Software', name: 'analyzer' },
    created: '2026-01-01T00:00:00Z',
    ...extra,
  };
}

const CONFLICT = claim(
  'urn:uuid:11111111-1111-4111-8111-111111111111',
  [tagBody('claim'), tagBody('conflicts'), describingBody('The texts tell the same event differently: 1712 vs 1713. Both name Osk, Tarn.')],
  undefined,
  { 'reader:confidence': 0.74 },
);

describe('claim links from W3C annotations', () => {
  it('anchors both ends, in code units, and reads relation, description, difference and confidence', () => {
    const { links, problems } = claimLinksFromAnnotations([CONFLICT], docs());
    expect(problems).to.deep.equal([]);
    expect(links).to.have.length(1);
    const l = links[0]!;
    expect(l).to.include({ id: CONFLICT.id, relation: 'conflicts', status: 'proposed', difference: '1712 vs 1713', confidence: 0.74 });
    expect(l.manual).to.equal(undefined);
    expect(l.ends.map((e) => e.quote)).to.deep.equal([NORTH_QUOTE, SOUTH_QUOTE]);
    expect(SOUTH.slice(l.ends[1].from, l.ends[1].to)).to.equal(SOUTH_QUOTE);
    expect(l.ends[1].from).to.equal(SOUTH.indexOf(SOUTH_QUOTE));
  });

  it('finds an end by its quote when the text has moved', () => {
    const moved = `Preface added later.\n\n${NORTH}`;
    const { links, problems } = claimLinksFromAnnotations([CONFLICT], docs({ north: moved, south: SOUTH }));
    expect(problems).to.deep.equal([]);
    expect(moved.slice(links[0]!.ends[0].from, links[0]!.ends[0].to)).to.equal(NORTH_QUOTE);
  });

  it('leaves out, with a problem naming it, a link whose passage is gone', () => {
    const damaged = NORTH.replace(NORTH_QUOTE, 'Nothing of that survives here; the page is torn and blank.');
    const { links, problems } = claimLinksFromAnnotations([CONFLICT], docs({ north: damaged, south: SOUTH }));
    expect(links).to.deep.equal([]);
    expect(problems).to.have.length(1);
    expect(problems[0]!.annotationId).to.equal(CONFLICT.id);
    expect(problems[0]!.message).to.contain(CONFLICT.id).and.to.contain('north').and.to.contain('not found');
  });

  it('names the problem of a link into a text not shown, with one target, or with both ends in one text', () => {
    const foreign = claim('urn:x:foreign', [tagBody('claim'), tagBody('agrees')], [
      target('north', NORTH_QUOTE),
      { ...target('south', SOUTH_QUOTE), source: 'https://elsewhere.example.org/other.txt' },
    ]);
    const single = claim('urn:x:single', [tagBody('claim'), tagBody('agrees')], [target('north', NORTH_QUOTE)]);
    const same = claim('urn:x:same', [tagBody('claim'), tagBody('agrees')], [target('north', NORTH_QUOTE), target('north', 'A fair followed.')]);
    const { links, problems } = claimLinksFromAnnotations([foreign, single, same, CONFLICT, CONFLICT], docs());
    expect(links.map((l) => l.id)).to.deep.equal([CONFLICT.id]);
    expect(problems.map((p) => p.annotationId)).to.deep.equal(['urn:x:foreign', 'urn:x:single', 'urn:x:same', CONFLICT.id]);
    expect(problems[0]!.message).to.contain('https://elsewhere.example.org/other.txt');
    expect(problems[1]!.message).to.contain('1 target');
    expect(problems[2]!.message).to.contain('two different texts');
    expect(problems[3]!.message).to.contain('twice');
  });

  it('skips annotations that are not claim links, and takes a claim without a relation as related', () => {
    const footnote = claim('urn:x:footnote', [tagBody('footnote')]);
    const comment = { ...claim('urn:x:comment', [tagBody('claim')]), motivation: 'commenting' as const };
    const bare = claim('urn:x:bare', [tagBody('claim')]);
    const { links, problems } = claimLinksFromAnnotations([footnote, comment, bare], docs());
    expect(problems).to.deep.equal([]);
    expect(links.map((l) => [l.id, l.relation])).to.deep.equal([['urn:x:bare', 'related']]);
    expect(links[0]!.description).to.equal('The two passages speak of the same matter.');
    expect(links[0]!.difference).to.equal(undefined);
  });

  it('shows an HTML description as its text, and ignores a confidence outside 0…1', () => {
    const html = claim('urn:x:html', [
      tagBody('claim'),
      tagBody('agrees'),
      { type: 'TextualBody', purpose: 'describing', format: 'text/html', value: 'Both <b>agree</b><script>alert(1)</script>.' },
    ], undefined, { 'reader:confidence': 7 });
    const l = claimLinksFromAnnotations([html], docs()).links[0]!;
    expect(l.description).to.equal('Both agree.');
    expect(l.confidence).to.equal(undefined);
  });

  it('sets each status from the latest review, so a dismissed proposal stays dismissed on reload', () => {
    const dismissed = makeReview(CONFLICT, 'dismissed', PERSON, { created: '2026-01-02T00:00:00Z' });
    const { links } = claimLinksFromAnnotations([CONFLICT], docs(), { reviews: [dismissed] });
    expect(links[0]!.status).to.equal('dismissed');
    const accepted = makeReview(CONFLICT, 'accepted', PERSON, { created: '2026-01-03T00:00:00Z' });
    expect(claimLinksFromAnnotations([CONFLICT], docs(), { reviews: [dismissed, accepted] }).links[0]!.status).to.equal('accepted');
  });

  it('reads what differs from "A vs B" parts of a description, and nothing from one without', () => {
    expect(differenceIn('The texts differ: 18 May 1851 vs 19 May 1851; 3.5 tons vs 4 tons. Both name Osk.')).to.equal('18 May 1851 vs 19 May 1851; 3.5 tons vs 4 tons');
    expect(differenceIn('Both texts agree on the versus of it.')).to.equal(null);
  });
});

describe('hand-made claim links', () => {
  const documentOf = (docId: string) => (docId === 'north' ? { iri: IRI.north, source: NORTH } : docId === 'south' ? { iri: IRI.south, source: SOUTH } : null);
  const endOf = (docId: 'north' | 'south', quote: string) => {
    const source = docId === 'north' ? NORTH : SOUTH;
    const from = source.indexOf(quote);
    return { docId, from, to: from + quote.length, text: quote };
  };

  it('makes a claim annotation by the scholar that reads back as a manual link with its note', () => {
    const result = manualLinkFrom(
      { ends: [endOf('north', 'masons of Tarn'), endOf('south', 'Masons from Tarn')], relation: 'agrees', note: '  Same guild. <b>sure</b> ' },
      documentOf,
      PERSON,
      '2026-01-04T00:00:00Z',
    );
    expect(result.ok).to.equal(true);
    if (!result.ok) return;
    expect(result.annotation.creator).to.deep.equal(PERSON);
    const { links, problems } = claimLinksFromAnnotations([result.annotation], docs());
    expect(problems).to.deep.equal([]);
    expect(links[0]).to.include({ relation: 'agrees', manual: true, note: 'Same guild. <b>sure</b>' });
    expect(links[0]!.ends.map((e) => e.quote)).to.deep.equal(['masons of Tarn', 'Masons from Tarn']);
  });

  it('refuses, with a message, a selection that no longer matches, a text not shown, one text twice, or software as creator', () => {
    const good = endOf('south', 'Masons from Tarn');
    const cases = [
      [{ ...endOf('north', 'masons of Tarn'), text: 'masons of Tern' }, good, PERSON, 'no longer matches'],
      [{ ...endOf('north', 'masons of Tarn'), docId: 'west' }, good, PERSON, 'not shown'],
      [endOf('north', 'masons of Tarn'), endOf('north', 'A fair followed.'), PERSON, 'two different texts'],
      [endOf('north', 'masons of Tarn'), good, { type: 'Software', name: 'bot' } as Agent, 'Person'],
    ] as const;
    for (const [a, b, creator, expected] of cases) {
      const r = manualLinkFrom({ ends: [a, b], relation: 'related', note: '' }, documentOf, creator);
      expect(r.ok, expected).to.equal(false);
      expect(!r.ok && r.problem).to.contain(expected);
    }
  });
});

describe('claim links from anchored annotations', () => {
  const sourceOf = (docId: string) => (docId === 'north' ? NORTH : docId === 'south' ? SOUTH : null);
  const placed = [
    { docId: 'south', targetIndex: 1, from: SOUTH.indexOf(SOUTH_QUOTE), to: SOUTH.indexOf(SOUTH_QUOTE) + SOUTH_QUOTE.length },
    { docId: 'north', targetIndex: 0, from: NORTH.indexOf(NORTH_QUOTE), to: NORTH.indexOf(NORTH_QUOTE) + NORTH_QUOTE.length },
  ];

  it('reads the link without anchoring again, ends in target order, with the status given', () => {
    const l = claimLinkFromPlaced({ annotation: CONFLICT, placed, status: 'accepted' }, sourceOf)!;
    expect(l).to.include({ id: CONFLICT.id, relation: 'conflicts', status: 'accepted', difference: '1712 vs 1713', confidence: 0.74 });
    expect(l.ends.map((e) => [e.docId, e.quote])).to.deep.equal([
      ['north', NORTH_QUOTE],
      ['south', SOUTH_QUOTE],
    ]);
  });

  it('gives null for a non-claim, a link with one placed end, both ends in one text, or an unknown text', () => {
    const footnote = claim('urn:x:fn', [tagBody('footnote')]);
    expect(claimLinkFromPlaced({ annotation: footnote, placed, status: 'proposed' }, sourceOf)).to.equal(null);
    expect(claimLinkFromPlaced({ annotation: CONFLICT, placed: placed.slice(0, 1), status: 'proposed' }, sourceOf)).to.equal(null);
    expect(claimLinkFromPlaced({ annotation: CONFLICT, placed: [placed[1]!, { ...placed[1]!, targetIndex: 1 }], status: 'proposed' }, sourceOf)).to.equal(null);
    expect(claimLinkFromPlaced({ annotation: CONFLICT, placed: [placed[1]!, { ...placed[0]!, docId: 'west' }], status: 'proposed' }, sourceOf)).to.equal(null);
  });
});

describe('selections for the hand-made link form', () => {
  it('sets, replaces and removes one text\'s selection, returning the same object when nothing changes', () => {
    const empty = {};
    const one = selectionsWith(empty, 'north', { from: 1, to: 4, text: 'ort' });
    expect(one).to.deep.equal({ north: { from: 1, to: 4, text: 'ort' } });
    expect(empty).to.deep.equal({});
    expect(selectionsWith(one, 'north', { from: 1, to: 4, text: 'ort' })).to.equal(one);
    const two = selectionsWith(one, 'south', { from: 0, to: 5, text: 'South' });
    expect(Object.keys(two)).to.deep.equal(['north', 'south']);
    expect(selectionsWith(two, 'north', null)).to.deep.equal({ south: { from: 0, to: 5, text: 'South' } });
    expect(selectionsWith(two, 'north', { from: 3, to: 3, text: '' })).to.not.have.property('north');
    expect(selectionsWith(empty, 'north', null)).to.equal(empty);
  });
});
