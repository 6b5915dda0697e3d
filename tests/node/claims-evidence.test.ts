import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parsePlainText } from '../../src/document/parse.ts';
import { learnAliases, matchClaims, type ClaimText } from '../../src/analysis/claims/index.ts';
import { backgroundWeight, uncommonSharedWords } from '../../src/analysis/claims/background.ts';
import { periodIn, periodsApart, periodsOf } from '../../src/analysis/claims/period.ts';
import { corpusOf, scoreWithGuards } from '../../src/analysis/claims/score.ts';
import { segmentUnits } from '../../src/analysis/claims/segment.ts';
import { readNames } from '../../src/analysis/claims/slots.ts';
import { termKey, termsOf } from '../../src/analysis/claims/terms.ts';
import { claimUnits, type ClaimUnit } from '../../src/analysis/claims/units.ts';
import { neighbours } from '../../src/analysis/claims/match.ts';

// Invented accounts of invented countries: no sentence of any real text.
function text(iri: string, paragraphs: readonly string[]): ClaimText {
  const t = paragraphs.join('\n\n') + '\n';
  return { iri, text: t, parsed: parsePlainText(t) };
}

/** Two shared opening paragraphs, so that the texts share a subject (the subject check passes). */
const OPENING_X = [
  'The harbour of Lorvik in Norland was closed to foreign ships for most of the winter because the ice never broke up.',
  'Minister Halvard Strand of Norland resigned after the newspapers revealed that he had sold state forests to his cousin.',
];
const OPENING_Y = [
  'Because the ice did not break up, foreign vessels could not enter the Norland harbour of Lorvik through much of the winter.',
  'Newspapers disclosed that Halvard Strand had sold forests of Norland belonging to the state to a cousin, and the minister stepped down.',
];

/** The links between the two texts other than those of the shared opening. */
function linksBetween(x: readonly string[], y: readonly string[]) {
  const links = matchClaims([text('https://example.org/x.txt', [...OPENING_X, ...x]), text('https://example.org/y.txt', [...OPENING_Y, ...y])]);
  return links.filter((m) => !/harbour|Strand/u.test(m.a.quote));
}

/** The first unit of each text containing `fx` / `fy`, scored against each other within both texts' statistics. */
function scored(x: readonly string[], y: readonly string[], fx: string, fy: string) {
  // A text's first paragraph may be read as its title: the sentences under test come after an opening.
  const tx = text('https://example.org/x.txt', [OPENING_X[0]!, ...x]);
  const ty = text('https://example.org/y.txt', [OPENING_Y[0]!, ...y]);
  const aliases = learnAliases([tx.text, ty.text]);
  const ux = claimUnits(tx.parsed, aliases);
  const uy = claimUnits(ty.parsed, aliases);
  const find = (us: readonly ClaimUnit[], f: string) => {
    const u = us.find((v) => v.unit.text.includes(f));
    assert.ok(u, `no unit with "${f}"`);
    return u;
  };
  return scoreWithGuards(find(ux, fx), find(uy, fy), corpusOf([...ux, ...uy], [ux, uy]), 0);
}

describe('claims: the period a sentence speaks of', () => {
  it('reads years as points, and two years joined by a dash or "from … until" as one span', () => {
    assert.deepEqual(periodIn('Relations during the regency: 1920–1923'), [{ from: 1920, to: 1923 }]);
    assert.deepEqual(periodIn('from the election of 1914 until the war of 1921'), [{ from: 1914, to: 1921 }]);
    assert.deepEqual(periodIn('It fell from 144 in 1972 to 63 in 1973.'), [{ from: 1972, to: 1973 }]);
    assert.deepEqual(periodIn('The envoys met in 1930 and again in 1936.'), [{ from: 1930, to: 1930 }, { from: 1936, to: 1936 }]);
    assert.deepEqual(periodIn('No year at all.'), []);
  });

  it('gives a sentence without a year the years of its section: the heading and the last dated sentence', () => {
    const t = 'Trade under the regency: 1920–1923\n\nIn 1921 the mint struck new coins. The coins were soon hoarded by the merchants.\n\nLater years\n\nThe merchants left the city.\n';
    const parsed = parsePlainText(t);
    const units = segmentUnits(parsed);
    const periods = periodsOf(parsed, units);
    const of = (f: string) => periods[units.findIndex((u) => u.text.includes(f))]!;
    assert.deepEqual(of('mint struck'), [{ from: 1921, to: 1921 }]);
    assert.deepEqual(of('hoarded'), [{ from: 1921, to: 1921 }, { from: 1920, to: 1923 }]);
    // A heading without years ends the section's period.
    assert.deepEqual(of('merchants left'), []);
  });

  it('calls periods apart only when both are known and no years lie within two of each other', () => {
    assert.equal(periodsApart([{ from: 1961, to: 1961 }], [{ from: 1975, to: 1975 }]), true);
    assert.equal(periodsApart([{ from: 1961, to: 1961 }], [{ from: 1963, to: 1963 }]), false);
    assert.equal(periodsApart([{ from: 1961, to: 1961 }], [{ from: 1955, to: 1970 }]), false);
    assert.equal(periodsApart([], [{ from: 1975, to: 1975 }]), false);
  });

  it('links a paraphrase told of one period, not the same words told of periods years apart', () => {
    const x = ['In 1961 Norland signed a trade treaty with Lorvania. Norland treated Lorvania with a cautious pragmatism in all its dealings.'];
    const near = ['In 1962 Norland opened an embassy in Lorvania. The Norland envoys dealt with Lorvania with cautious pragmatism.'];
    const far = ['In 1975 Norland opened an embassy in Lorvania. The Norland envoys dealt with Lorvania with cautious pragmatism.'];
    assert.equal(linksBetween(x, near).filter((m) => m.a.quote.includes('pragmatism')).length, 1);
    assert.deepEqual(linksBetween(x, far).map((m) => [m.a.quote, m.b.quote]), []);
  });
});

describe('claims: word evidence', () => {
  it('weighs words common in English at large less than rare ones, and a thesaurus group as its own words', () => {
    assert.ok(backgroundWeight(termKey('new')!) < 0.7);
    assert.ok(backgroundWeight(termKey('problems')!) < backgroundWeight(termKey('détente')!));
    assert.equal(backgroundWeight(termKey('détente')!), 1);
    // "risk" is common and shares a group with "endanger"; the group weighs as "endanger" does.
    assert.ok(backgroundWeight(termKey('endanger')!) > 0.9);
    assert.equal(termKey('risk'), termKey('endanger'));
  });

  it('reads a negated readiness as reluctance, and only a cut of relations as a break', () => {
    const keys = (s: string) => termsOf(s).map((t) => t.key);
    assert.ok(keys('Norland was not willing to pay.').includes(termKey('hesitant')!));
    assert.ok(keys('Norland was not yet sufficiently confident to pay.').includes(termKey('hesitant')!));
    assert.ok(!keys('Norland was willing to pay.').includes(termKey('hesitant')!));
    assert.ok(keys('Norland cut diplomatic relations with Lorvania.').includes(termKey('severed')!));
    assert.ok(!keys('Norland cut its aid to Lorvania.').includes(termKey('severed')!));
  });

  it('keeps "detention" apart from "détente", and a coup with an overthrow', () => {
    assert.notEqual(termKey('detention'), termKey('détente'));
    assert.equal(termKey('detention'), termKey('imprisoned'));
    assert.equal(termKey('coup'), termKey('overthrew'));
  });

  it('keeps a short sentence whose words share one synonym', () => {
    const t = text('https://example.org/x.txt', [OPENING_X[0]!, "Regent Varr was deposed in a coup d'état on 3 May 1921."]);
    const units = claimUnits(t.parsed);
    assert.ok(units.some((u) => u.unit.text.includes('deposed')));
  });
});

describe('claims: names and actors', () => {
  it('does not read a region before a country word as that country ("Latin America" is not America)', () => {
    const t = text('https://example.org/x.txt', [OPENING_X[0]!, 'The regimes of Latin America watched the American envoys closely in 1931.']);
    const aliases = learnAliases([t.text]);
    const u = claimUnits(t.parsed, aliases).find((v) => v.unit.text.includes('Latin'));
    const usa = aliases.actorOf('America')!;
    const latin = u!.names.find((n) => n.label === 'Latin America')!;
    assert.ok(!latin.keys.includes(usa));
    assert.ok(u!.names.some((n) => n.label === 'American' && n.keys.includes(usa)));
  });

  it('does not take a sentence-opening adverb for a name', () => {
    assert.deepEqual(readNames('Eventually, Osk Varr was freed.').map((n) => n.label), ['Osk Varr']);
    assert.deepEqual(readNames('Then Kelly Brand spoke.').map((n) => n.label), ['Kelly Brand']);
  });

  it('lets an actor that one text names often and the other seldom pin an event, but not the names both texts name often', () => {
    const often = (name: string, n: number) => Array.from({ length: n }, (_, i) => `${name} spoke at meeting number ${i + 1} in the northern town hall.`);
    const x = [...often('Osk Varr', 8), 'Osk Varr was exchanged for Ima Dorn at the border bridge.'];
    const y = ['Ima Dorn walked free at the border after Osk Varr was released in her place.', ...often('Halvard Strand', 8)];
    const pinned = scored(x, y, 'exchanged for Ima Dorn', 'walked free');
    assert.equal(pinned.passed, true, 'two actors named apart in both pin the event');
    const topic = [...often('Osk Varr', 8), ...often('Ima Dorn', 8)];
    const both = scored([...topic, 'Osk Varr was exchanged for Ima Dorn at the border bridge.'], [...topic, 'Ima Dorn walked free at the border after Osk Varr was released in her place.'], 'exchanged for Ima Dorn', 'walked free');
    assert.equal(both.passed, false, 'names both texts name often are their topic, and pin nothing');
  });

  it('does not let a name and its description ("Osk Varr, the People Party leader") pin an event as two actors', () => {
    const x = ['Osk Varr, the People Party leader from the prison, was sent home.'];
    const y = ['The campaign spoke for the leader of the People Party, Osk Varr, in every capital.'];
    assert.equal(scored(x, y, 'sent home', 'campaign').passed, false);
    const apart = ['Osk Varr was sent home from the prison while the People Party waited in the capital.'];
    const apartToo = ['The People Party campaigned in every capital until Osk Varr was sent home from prison.'];
    assert.equal(scored(apart, apartToo, 'sent home', 'campaigned').passed, true);
  });
});

describe('claims: events of one month', () => {
  it('does not link two events a few days apart told in other words, but marks one event told alike a conflict', () => {
    const x = ['The junta that had toppled the Lorvanian government informed Norland on 15 May 1983 that it would honour all commercial debts and trade commitments.'];
    const y = ['On 11 May 1983 a military junta led by General Osk Varr, the commander of the army, toppled the Lorvanian government and dissolved the parliament.'];
    const other = scored(x, y, 'informed', 'toppled');
    assert.equal(other.passed, false);
    const alike = scored(['On 15 May 1983 the army junta toppled the elected Lorvanian government.'], ['On 11 May 1983 the army junta toppled the elected Lorvanian government.'], 'toppled', 'toppled');
    assert.equal(alike.passed, true);
  });
});

describe('claims: links on wording alone', () => {
  // Two long sentences that share two uncommon words in a thin share of their words: the soft guards
  // (a share of the event words, a specific anchor) fail, and only the mutual-best tier can link them.
  const x = [
    'By the early sixties Norland had begun a détente with Lorvania, and open support for the insurgents could endanger that fragile relationship.',
    'The harvest of the southern valleys failed again in the dry summer, and the farmers sold their cattle at the autumn markets.',
  ];
  const y = [
    'In this interpretation, Norland would not endanger its détente with the southern neighbour by sending weapons to the guerrillas.',
    'Schools in the capital closed for two weeks when a fever spread through the northern districts of the city.',
  ];

  it('links two sentences that are each other\'s best partner on uncommon shared words', () => {
    const links = linksBetween(x, y);
    const link = links.find((m) => m.a.quote.includes('détente') && m.b.quote.includes('détente'));
    assert.ok(link, `not linked: ${JSON.stringify(links.map((l) => [l.a.quote, l.b.quote]))}`);
    assert.equal(link.basis, 'mutual');
    assert.notEqual(link.relation, 'conflicts');
  });

  it('counts the shared words uncommon in English, leaving out words of change', () => {
    const rare = scored(x, y, 'détente', 'détente');
    assert.equal(uncommonSharedWords(rare.candidate), 2);
    const changed = scored(
      ['In 1961 the output of the Lorvik copper mines increased by a tenth under the new management.'],
      ['In 1961 the copper mines at Lorvik increased their output under a new manager.'],
      'copper', 'copper');
    assert.ok(changed.candidate.sharedEventTerms.has(termKey('increased')!));
    assert.ok(backgroundWeight(termKey('increased')!) >= 0.85, 'a word of change uncommon enough to count if it were not left out');
    assert.equal(uncommonSharedWords(changed.candidate), [...changed.candidate.sharedEventTerms].filter((t) => t !== termKey('increased') && backgroundWeight(t) >= 0.85).length);
  });

  it('does not link best partners that share only words common in English', () => {
    const common = [
      'By the early sixties the people of Norland had many new problems at home, and the government found that the problems were hard to solve in any year while the money lasted.',
      'The harvest of the southern valleys failed again in the dry summer, and the farmers sold their cattle at the autumn markets.',
    ];
    const alsoCommon = [
      'In this reading the new government of Norland had problems that nobody could solve for a long time, because the old ministers kept their seats and their friends in every office of the state.',
      'Schools in the capital closed for two weeks when a fever spread through the northern districts of the city.',
    ];
    assert.deepEqual(linksBetween(common, alsoCommon).map((m) => [m.a.quote, m.b.quote]), []);
  });
});

describe('claims: alignment of neighbouring pairs', () => {
  const pair = (ai: number, ab: number, bi: number, bb: number) =>
    ({ a: { unit: { index: ai, block: ab } }, b: { unit: { index: bi, block: bb } } }) as unknown as Parameters<typeof neighbours>[0];

  it('calls two pairs neighbours when their sentences stand within two of each other in the same paragraphs of both texts', () => {
    assert.equal(neighbours(pair(10, 3, 40, 7), pair(11, 3, 42, 7)), true);
    assert.equal(neighbours(pair(10, 3, 40, 7), pair(10, 3, 41, 7)), true);
    assert.equal(neighbours(pair(10, 3, 40, 7), pair(10, 3, 40, 7)), false, 'a pair is not its own neighbour');
    assert.equal(neighbours(pair(10, 3, 40, 7), pair(13, 3, 40, 7)), false, 'three sentences apart');
    assert.equal(neighbours(pair(10, 3, 40, 7), pair(11, 4, 41, 7)), false, 'another paragraph');
  });
});
