import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parsePlainText } from '../../src/document/parse.ts';
import { matchClaims, proposeClaimLinks, type ClaimMatch, type ClaimText } from '../../src/analysis/claims/index.ts';
import { ANALYZER } from '../../src/analysis/generator.ts';
import {
  ANNO_CONTEXT,
  descriptionOf,
  positionSelectorOf,
  quoteSelectorOf,
  tagsOf,
  targetsOf,
} from '../../src/annotations/model.ts';
import { CodePointIndex } from '../../src/document/code-points.ts';
import { retrieveCandidates } from '../../src/analysis/claims/retrieve.ts';
import { claimUnits } from '../../src/analysis/claims/units.ts';

// Two invented accounts of an invented history, with look-alikes that must not link.
const FIRST = [
  'Norland and Vesk',
  '',
  'The treaty of friendship between Norland and Vesk was signed in Ostrava on 4 March 1952. In 1958 the harvest failed across the northern provinces, and grain prices doubled within a single winter.',
  '',
  'General Anton Kessler seized power in a military coup on 12 June 1961. Vesk granted Norland long-term credits worth $120 million to build a steel mill near the border.',
  '',
  'Kessler later visited the port of Halden to open a new fishing harbour. The poet Ilse Varga published her first collection of verse about the sea in 1965.',
  '',
  'After nine years in prison, the dissident Jurij Petrovskij was released and flown to Zürich.',
  '',
  'The rebel junta of the island of Tarn overthrew its elected government on 2 August 1963 after a night of fighting.',
  '',
  'Heavy snow closed every mountain pass in the north, and the river Lenna froze solid for eleven weeks.',
  '',
  'In 1958 Mayor Dorn of Halden won the city election by a wide margin and promised new schools for every district.',
  '',
].join('\n');

const SECOND = [
  'This article examines the friendship treaty that Norland and Vesk signed in Ostrava on 4 March 1952.',
  '',
  'On 4 March 1952, Norland and Vesk signed a friendship treaty in the city of Ostrava, ending a decade of border quarrels.',
  '',
  'The military coup of General Kessler took place on 13 June 1961, when army units seized power and occupied the capital. The credits from Vesk, some $150 million in long-term loans, were meant for a new steel mill.',
  '',
  'Kessler visited the national university in the autumn to award medals to the best students. Petrovsky wrote three long novels about life on the collective farms. In 1965 Ilse Varga married the painter Oskar Lind in a small church near Halden.',
  '',
  'The dissident Yuri Petrovsky was freed from prison after nine years and flown to Zurich. The national football team won the regional cup in 1966 after a dramatic final.',
  '',
  'The Tarn junta informed every foreign embassy on 5 August 1963 that it would honour the debts of the overthrown government.',
  '',
  'According to the parish records of the valley, the river Lenna froze solid for eleven weeks that winter.',
  '',
  'In 1962 Mayor Ruiz of Ostrava won the city election by a narrow margin and promised new roads for every district.',
  '',
].join('\n');

const A = 'https://example.org/first.txt';
const B = 'https://example.org/second.txt';
const texts: readonly ClaimText[] = [
  { iri: A, text: FIRST, parsed: parsePlainText(FIRST, { title: 'Norland and Vesk' }) },
  { iri: B, text: SECOND, parsed: parsePlainText(SECOND) },
];
const matches = matchClaims(texts);

/** The match whose first-text span contains `a` and second-text span contains `b`, or undefined. */
function find(a: string, b: string): ClaimMatch | undefined {
  return matches.find((m) => m.a.quote.includes(a) && m.b.quote.includes(b));
}
function involving(fragment: string): ClaimMatch[] {
  return matches.filter((m) => m.a.quote.includes(fragment) || m.b.quote.includes(fragment));
}

describe('claims: matching', () => {
  it('links the same claim paraphrased, as agreeing on its date and names', () => {
    const m = find('treaty of friendship', 'friendship treaty');
    assert.ok(m, 'paraphrase not linked');
    assert.equal(m.relation, 'agrees');
    assert.ok(m.agreements.includes('4 March 1952'));
    assert.match(m.description, /4 March 1952/u);
  });

  it('marks a day-apart date of one event as a conflict naming both dates', () => {
    const m = find('military coup', 'coup of General Kessler');
    assert.ok(m, 'coup not linked');
    assert.equal(m.relation, 'conflicts');
    assert.deepEqual(m.differences, [{ kind: 'date', a: '12 June 1961', b: '13 June 1961' }]);
    assert.match(m.description, /12 June 1961 vs 13 June 1961/u);
  });

  it('marks a different amount for the same credits as a conflict naming both', () => {
    const m = find('long-term credits', 'credits from Vesk');
    assert.ok(m, 'credits not linked');
    assert.equal(m.relation, 'conflicts');
    assert.deepEqual(m.differences.map((d) => [d.a, d.b]), [['$120 million', 'some $150 million']]);
  });

  it('does not turn two events of one month into a conflict or an agreement', () => {
    const m = find('overthrew its elected government', 'informed every foreign embassy');
    assert.ok(!m || m.relation === 'related', m?.description);
  });

  it('links through diacritics and transliteration variants', () => {
    const m = find('Jurij Petrovskij', 'Yuri Petrovsky');
    assert.ok(m, 'transliterated names not linked');
    assert.ok(m.agreements.some((x) => /Petrovskij|Zürich/u.test(x)));
  });

  it('does not link the same names in a different event', () => {
    assert.equal(find('fishing harbour', 'university'), undefined);
    assert.equal(find('Jurij Petrovskij', 'novels'), undefined);
    assert.equal(find('Ilse Varga', 'Ilse Varga'), undefined);
  });

  it('does not link a text speaking of itself', () => {
    assert.deepEqual(involving('This article'), []);
  });

  it('does not link two events of one kind with other actors in other years', () => {
    assert.equal(find('Mayor Dorn', 'Mayor Ruiz'), undefined);
  });

  it('does not link unrelated sentences', () => {
    assert.deepEqual(involving('football'), []);
    assert.deepEqual(involving('harvest'), []);
  });

  it('targets sentences, never whole paragraphs, and gives at most three partners per sentence', () => {
    for (const m of matches) {
      for (const quote of [m.a.quote, m.b.quote]) {
        assert.ok(!quote.includes('\n\n'), quote);
        assert.ok(!/[.!?]\s+\p{Lu}/u.test(quote), `more than one sentence: ${quote}`);
      }
    }
    const count = new Map<string, number>();
    for (const m of matches) for (const k of [`a${m.a.from}`, `b${m.b.from}`]) count.set(k, (count.get(k) ?? 0) + 1);
    assert.ok([...count.values()].every((n) => n <= 3));
  });

  it('narrows a long sentence to the clause the other text shares', () => {
    const m = find('river Lenna', 'river Lenna');
    assert.ok(m, 'frozen river not linked');
    assert.equal(m.a.quote, 'the river Lenna froze solid for eleven weeks.');
    assert.equal(m.b.quote, 'the river Lenna froze solid for eleven weeks that winter.');
    assert.equal(FIRST.slice(m.a.from, m.a.to), m.a.quote);
  });

  it('asks more of a related link than of one whose slots compare', () => {
    // Its own pair of texts: one paraphrase states nothing comparable (related), one shares a date (agrees).
    const x = [
      'The harbour of Lorvik was closed to foreign ships for most of the winter because the ice never broke up.',
      '',
      'The treaty of friendship between Norland and Vesk was signed in Ostrava on 4 March 1952.',
      '',
      'Farmers in the southern valleys abandoned their fields when three dry summers in a row ruined the wheat.',
      '',
    ].join('\n');
    const y = [
      'On 4 March 1952, Norland and Vesk signed a friendship treaty in the city of Ostrava.',
      '',
      'Because the ice did not break up, foreign vessels could not enter Lorvik harbour through much of the winter.',
      '',
      'After three successive summers of drought had ruined their wheat, farmers of the southern valleys left their land.',
      '',
    ].join('\n');
    const pair: readonly ClaimText[] = [
      { iri: A, text: x, parsed: parsePlainText(x) },
      { iri: B, text: y, parsed: parsePlainText(y) },
    ];
    const own = matchClaims(pair);
    const related = own.find((m) => m.relation === 'related');
    const compared = own.find((m) => m.relation !== 'related' && m.score.mutual > 0);
    assert.ok(related && compared, JSON.stringify(own.map((m) => [m.relation, m.a.quote])));
    const withThreshold = (t: number) => matchClaims(pair, { threshold: t }).map((m) => m.id);
    assert.ok(!withThreshold(related.score.total - 0.05).includes(related.id));
    assert.ok(withThreshold(compared.score.total - 0.05).includes(compared.id));
  });

  it('explains each score by its weighted parts', () => {
    for (const m of matches) {
      const { total, ...parts } = m.score;
      const sum = Object.values(parts).reduce((s, v) => s + v, 0);
      assert.ok(Math.abs(sum - total) < 1e-9);
      assert.ok(m.confidence > 0 && m.confidence <= 1);
    }
  });

  it('gives nothing for fewer than two texts or texts without prose', () => {
    assert.deepEqual(matchClaims(texts.slice(0, 1)), []);
    const empty: ClaimText = { iri: 'https://example.org/empty.txt', text: '', parsed: parsePlainText('') };
    assert.deepEqual(matchClaims([texts[0]!, empty]), []);
  });

  it('never throws on odd input', () => {
    const odd = [
      'foo: +bar -baz ~qux ^2 *wild* "quoted" [1] [citation needed]',
      '$$$ 1,2,3,4 99.99.99 1e9 0x10 -5 ½ ² 1976-13-45 31 February 1976',
      '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🙂 Ünïcödé ẞ Σίσυφος Москва 北京 — … ‽',
      'A. B. C. D. E. F. G. H. I. J. K.',
      `${'word '.repeat(2000)}.`,
      '',
      '\n\n\n',
    ];
    const all: ClaimText[] = odd.map((text, i) => ({ iri: `https://example.org/odd-${i}.txt`, text, parsed: parsePlainText(text) }));
    assert.doesNotThrow(() => matchClaims([...all, ...texts]));
    assert.doesNotThrow(() => proposeClaimLinks([...all, ...texts], { created: '2026-01-01T00:00:00Z' }));
  });

  it('leaves out a text whose parse is of another string, and a repeated IRI', () => {
    assert.deepEqual(matchClaims([texts[0]!, { ...texts[1]!, text: SECOND.slice(10) }]), []);
    assert.deepEqual(matchClaims([texts[0]!, { ...texts[0]! }]), []);
  });
});

describe('claims: candidate retrieval', () => {
  it('retrieves pairs that share a dated month or a figure even without a shared word', () => {
    const x = 'Torrential storms flooded seven coastal villages on 1911-03-04.\nThe cathedral bells were recast from captured cannon metal.\n';
    const y = 'Parliament debated emergency relief payments for fishermen in March 1911.\nMerchants imported 4,000 tonnes of salt from distant southern ports.\n';
    const unitsX = claimUnits(parsePlainText(x));
    const unitsY = claimUnits(parsePlainText(y));
    const pairs = retrieveCandidates(unitsX, unitsY).map((r) => [unitsX[r.a]!.unit.text, unitsY[r.b]!.unit.text]);
    assert.ok(pairs.some(([p, q]) => p!.includes('flooded') && q!.includes('Parliament')), JSON.stringify(pairs));
    assert.ok(!pairs.some(([p, q]) => p!.includes('bells') && q!.includes('salt')), JSON.stringify(pairs));
  });
});

describe('claims: W3C annotations', () => {
  const created = '2026-01-01T00:00:00Z';
  const annotations = proposeClaimLinks(texts, { created });

  it('gives one annotation per match, with stable ids', () => {
    assert.equal(annotations.length, matches.length);
    assert.deepEqual(proposeClaimLinks(texts, { created }).map((a) => a.id), annotations.map((a) => a.id));
    assert.equal(new Set(annotations.map((a) => a.id)).size, annotations.length);
  });

  it('meets the W3C MUSTs and the reader vocabulary', () => {
    assert.ok(annotations.length > 0);
    for (const a of annotations) {
      assert.equal(a['@context'], ANNO_CONTEXT);
      assert.match(a.id, /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/u);
      assert.equal(a.type, 'Annotation');
      assert.equal(a.motivation, 'linking');
      assert.equal(a.created, created);
      assert.deepEqual(a.generator, ANALYZER);
      const tags = tagsOf(a);
      assert.equal(tags[0], 'claim');
      assert.ok(['agrees', 'conflicts', 'related'].includes(tags[1]!));
      assert.ok((descriptionOf(a) ?? '').length > 10);
      const confidence = a['reader:confidence'];
      assert.ok(typeof confidence === 'number' && confidence > 0 && confidence <= 1);
      const targets = targetsOf(a);
      assert.deepEqual(targets.map((t) => t.source), [A, B]);
      for (const t of targets) {
        const text = t.source === A ? FIRST : SECOND;
        const quote = quoteSelectorOf(t);
        const position = positionSelectorOf(t);
        assert.ok(quote && position, 'both selectors');
        const index = new CodePointIndex(text);
        const from = index.toCodeUnits(position.start);
        const to = index.toCodeUnits(position.end);
        assert.equal(text.slice(from, to), quote.exact);
      }
    }
  });
});
