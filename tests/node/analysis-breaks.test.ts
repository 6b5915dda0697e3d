import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parsePlainText } from '../../src/document/parse.ts';
import { detectBreaks, MAX_FLAG_SPAN } from '../../src/analysis/damage/breaks.ts';
import { blockEndNotProse } from '../../src/analysis/prose.ts';

function run(text: string, title?: string | null) {
  const found = detectBreaks(parsePlainText(text, { title: title ?? null }), { title });
  return found.map((f) => [f.tag, text.slice(f.from, f.to)] as const);
}

describe('detectBreaks', () => {
  const cases: readonly { name: string; text: string; title?: string | null; expected: readonly (readonly [string, string])[] }[] = [
    {
      name: 'flags a paragraph ending in a preposition as truncated',
      text: 'Both countries are full members of\n\nHistory\n\nA later paragraph ends well.',
      expected: [['truncated', 'Both countries are full members of']],
    },
    {
      name: 'flags a paragraph ending in a comma or an opening bracket',
      text: 'Relations were cut on 2 May 1990,[4]\n\nHeading\n\nThe name of the treaty (\n\nOther\n\nFine text.',
      expected: [
        ['truncated', 'Relations were cut on 2 May 1990,'],
        ['truncated', 'The name of the treaty ('],
      ],
    },
    {
      name: 'does not take an abbreviation at the end for a truncation',
      text: 'The delegation flew to the U.S.\n\nThey met Dr. Smith in the morning. Then they left.',
      expected: [],
    },
    {
      name: 'does not split sentences at abbreviations or initials',
      text: 'They met Dr. Jones and J. Smith of the U.S. Navy at noon. All went well.',
      expected: [],
    },
    {
      name: 'flags a paragraph that starts lowercase as a lost beginning',
      text: 'The first paragraph ends properly.\n\nwhich was then signed by both states. More text follows.',
      expected: [['missing-passage', 'which was then signed by both states.']],
    },
    {
      name: 'flags a paragraph of bare punctuation',
      text: 'Heading\n\n.\n\nA sentence.',
      expected: [['missing-passage', '.']],
    },
    {
      name: 'tells a spurious split (next paragraph reads on in lowercase) from a loss',
      text: 'The delegation travelled to the\n\ncapital of the country in June. It stayed a week.',
      expected: [['split', 'The delegation travelled to the\n\ncapital of the country in June.']],
    },
    {
      name: 'reads a sum after a verb as the same sentence',
      text: 'In 2001 trade between the two nations totalled\n\nUS$50 million, rising later. Then it fell.',
      expected: [['split', 'In 2001 trade between the two nations totalled\n\nUS$50 million, rising later.']],
    },
    {
      name: 'calls a break before a new capitalised sentence a truncation, not a split',
      text: 'Early years\n\nChile first established\n\nCuban events of 1959 prompted a new wave.',
      expected: [['truncated', 'Chile first established']],
    },
    {
      name: 'flags a sentence that ends in an article inside a paragraph',
      text: 'The treaty was signed by the. Both sides agreed.',
      expected: [['truncated', 'The treaty was signed by the.']],
    },
    {
      name: 'flags an empty section at the end and before back matter, not a parent heading',
      text: 'History\n\nEarly years\n\nThe story begins.\n\nSee also\n\nReferences\n\n  1. ^ Smith (2001). Book.\n\nExternal links',
      expected: [
        ['missing-passage', 'See also'],
        ['missing-passage', 'External links'],
      ],
    },
    {
      name: 'flags words lost at a line break inside a paragraph of a text with one-line paragraphs',
      text: 'Relations between the two (\n\nUSSR\ncountries happened in 1944.\n\nAnother paragraph here.\n\nAnd a third one.',
      expected: [
        ['truncated', 'Relations between the two ('],
        ['missing-passage', 'USSR\ncountries happened in'],
      ],
    },
    {
      name: 'takes a line break in hard-wrapped prose for wrapping, not loss',
      text: 'The delegation left the capital in\nthe morning and arrived late.\n\nThe talks began the next\nday and lasted a week.',
      expected: [],
    },
    {
      name: 'flags a missing title when the manifest says it is lost',
      text: 'Abstract\n\nThis article examines things.',
      title: null,
      expected: [['missing-passage', 'Abstract']],
    },
    {
      name: 'does not flag the title when it is unknown rather than lost',
      text: 'Abstract\n\nThis article examines things.',
      title: undefined,
      expected: [],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      assert.deepEqual(run(c.text, c.title), c.expected);
    });
  }
});

/** Prose paragraphs that end well, to set a pattern among running text. */
const PROSE = 'The harbour was rebuilt after the war. Ships returned within a year.';

describe('detectBreaks: lines that are not prose are not called broken', () => {
  const cases: readonly { name: string; text: string }[] = [
    {
      name: 'citation and bibliography lines',
      text: `${PROSE}\n\nSmith, J. 2001. A History of Ports. Boston: Harbor Press,\n\nDoe, Jane (1999). "Tides and Trade". Maritime Review. pp. 12–19\n\n${PROSE}`,
    },
    { name: 'ISBN and DOI lines', text: `${PROSE}\n\nOxford: Clarendon Press. ISBN 978-0-19-123456-7\n\nJournal of Ports 12 (3): 45–67. doi:10.1000/xyz123\n\n${PROSE}` },
    { name: 'a reprint line ending in a comma', text: `${PROSE}\n\nReprinted from the Journal of Coastal Studies,\n\n${PROSE}` },
    { name: 'a retrieval note and an address', text: `${PROSE}\n\nRetrieved 3 May 2010 from the port archive\n\nSee https://example.org/ports for the maps\n\n${PROSE}` },
    {
      name: 'captions',
      text: `${PROSE}\n\nFigure 2 | Growth of the port after the war\n\nThe harbour in winter. Painting by John Mercer\n\nA view of the bay at dawn, by Anna Lee (1884)\n\n${PROSE}`,
    },
    { name: 'a heading ending in "-ed", between paragraphs', text: `${PROSE}\n\nReforms Delayed\n\n${PROSE}\n\nUnits involved\n\n${PROSE}` },
    {
      name: 'a line ending "said," or "as follows:--" before a block quotation',
      text: `${PROSE} The minister said,\n\n    We shall rebuild the quay before the spring.\n\n${PROSE}\n\nThe words of the song are as follows:--\n\nOver the water, over the sea.\n\nThen he wrote,\n\n> The ships are home.\n\n${PROSE}`,
    },
    { name: 'table rows', text: `${PROSE}\n\nYear | Ships | Tonnage\n\n1790   3,929   12,000\n\n${PROSE}` },
    { name: 'a list of abbreviations', text: `${PROSE}\n\nGPO  Office of Budget Planning (Gabinete de\nProgramação; GPO)\n\nNGO  Nongovernmental organization\n\n${PROSE}` },
    { name: 'the last line of a bracketed song, closed after a dash', text: `${PROSE}\n\n[Illustration: the song goes\n\nOver the water we go.--]\n\n${PROSE}` },
    {
      name: 'a data table set as text, a contents list, a box with its caption',
      text: [
        PROSE, 'Access to piped water (% households) 99.35', 'Total land area (in km2) 496,682', PROSE,
        'Conclusions and Recommendations ........................ 19', PROSE,
        'Box 1  |  Abbreviations\nCIDADE  Centre for Urban Studies\n(Urban Studies and Advice Centre)', PROSE,
      ].join('\n\n'),
    },
    { name: 'a line of song inside a bracketed illustration running over paragraphs', text: `${PROSE}\n\n[Music illustration:\n\nHey na ho la hey na ho la tel ey wees ee lu hey ho\n\nWay ho yah, way ho.]\n\n${PROSE}` },
    { name: 'a map title broken over two lines', text: `# Harbour\n\n${PROSE}\n\nWar of the Northern Alliance:  \nNorway\n\n120km  \n75miles\n\n## Ships\n\n${PROSE}` },
    {
      name: 'rows of a numbered table run together',
      text: `${PROSE}\n\n4 May 3, 2001 Harbour master\n5 May 4, 2001 Dock worker (1990–95)\n6 May 5, 2001 Pilot, city council\nmember (2001–05)\n\n${PROSE}`,
    },
    { name: 'list items', text: `${PROSE}\n\n- the new quay and its cranes\n\n1. a second dock for the\n\n${PROSE}` },
    { name: 'code', text: `${PROSE} Here is an example::\n\n    def berth(ship):\n        return ship.name\n\n${PROSE}` },
    { name: 'headings set with markup or in capitals', text: `${PROSE}\n\n## The Harbour In Winter ##\n\n_Orders and Signals._\n\nFIRE DIRECTION AND CONTROL\n\n${PROSE}` },
    { name: 'header fields and hatnotes', text: `title: Harbour records\n\n${PROSE}\n\nMain article: History of the harbour\n\n${PROSE}` },
    { name: 'site chrome', text: `Main menu\n\nmove to sidebar hide\n\n${PROSE}` },
    { name: 'a run-together contents line', text: `${PROSE}\n\nEarly life, 1601–1610Regency of the queen, 1610–1617Rule by council, 1622–1624MarriageDeathFurther reading\n\n${PROSE}` },
  ];
  for (const c of cases) {
    it(`leaves alone ${c.name}`, () => {
      assert.deepEqual(run(c.text), []);
    });
  }

  it('reads a block of mostly short lines as a figure\'s labels, and wrapped prose as prose', () => {
    const labels = ['Percent of Total', '2002 2003 2004', '0%', '5%', 'Proportion of the', 'general budget', 'dedicated to', 'investments'];
    assert.equal(blockEndNotProse({ type: 'paragraph', lines: labels }), 'a caption');
    const prose = ['The budget assemblies met every spring in each of the', 'districts, and the delegates they elected sat on the', 'council that drew up the plan for the year and its'];
    assert.equal(blockEndNotProse({ type: 'paragraph', lines: prose }), null);
  });

  it('still flags a prose paragraph that ends in a comma before a new sentence', () => {
    assert.deepEqual(run(`${PROSE}\n\nThe new quay opened in May, and the first ship docked on 3 June,\n\n${PROSE}`), [
      ['truncated', 'The new quay opened in May, and the first ship docked on 3 June,'],
    ]);
  });

  it('says what it saw: the ending and what follows', () => {
    const text = `${PROSE}\n\nThe new quay was opened by the\n\nCaptains of the fleet met in the hall.`;
    const [f] = detectBreaks(parsePlainText(text));
    assert.ok(f);
    assert.deepEqual(f.evidence, [
      'it ends with "the", a word that cannot end a sentence ("The new quay was opened by the")',
      'the next paragraph starts a new sentence with a capital ("Captains of the fleet met in the hall.")',
    ]);
    assert.match(f.description, /^The paragraph breaks off and the rest is lost: it ends with "the".*and the next paragraph starts a new sentence with a capital/);
  });

  it('takes a lowercase paragraph after code introduced by a colon, or after a block stopping mid-clause, for a resumed sentence', () => {
    const code = `${PROSE} The proposed declaration::\n\n    nonlocal x\n\nprevents x from becoming a local name in the scope. ${PROSE}`;
    assert.deepEqual(run(code), []);
    const page = `${PROSE}\n\nPoor ventilation and damp are linked to a range of conditions, including asthma,\n\n2  |  EXAMPLE.ORG\n\nand are associated with poor attendance at school. ${PROSE}`;
    assert.deepEqual(run(page), []);
  });

  it('calls a sentence broken at a hard line break (two spaces) in a one-paragraph-per-line text split, not lost', () => {
    const long = `${PROSE} ${PROSE} ${PROSE}`;
    const lines = [long, long, 'Resolved by the assembly (two-thirds of members  ', 'concurring), That the articles be proposed, viz:  ', long];
    const text = lines.join('\n');
    assert.deepEqual(run(text), [['split', 'Resolved by the assembly (two-thirds of members']]);
  });

  it('calls a sentence cut by a whole figure set inside it split, marking its first half', () => {
    const labels = `Figure 3. Budget by year, in millions.\n\n${Array.from({ length: 14 }, (_, k) => `${2000 + k} | ${k * 3} | ${k * 7}`).join('\n')}`;
    const text = `${PROSE}\n\nThe data on city budgets and on spending in the districts were scarce, especially\n\n${labels}\n\nfor the years after the reform. ${PROSE}`;
    const found = detectBreaks(parsePlainText(text));
    assert.deepEqual(found.map((f) => [f.tag, text.slice(f.from, f.to), f.rule]), [
      ['split', 'The data on city budgets and on spending in the districts were scarce, especially', 'breaks/end:split-around'],
    ]);
  });

  it('takes a sentence resumed after a caption for one sentence, not a break', () => {
    const text = `${PROSE}\n\nThe data on city budgets and on spending in the districts were scarce, especially\n\nFigure 3 | Budget by year\n\nfor the years after the reform. ${PROSE}`;
    assert.deepEqual(run(text), []);
  });
});

describe('detectBreaks: a rule that fires on much of a text measures its genre and backs off', () => {
  it('drops paragraph-end flags in verse set one line per paragraph', () => {
    const verse = ['The wind came over the hill,', 'The rain came down the vale,', 'The boats lay still in the bay,', 'And the men sat by the fire,', 'The night grew long and cold,', 'The dogs slept by the door,', 'Till the dawn came grey and slow.'];
    assert.deepEqual(run(verse.join('\n\n')), []);
  });

  it('keeps the flags of a prose text with a few real breaks', () => {
    const text = [PROSE, PROSE, 'The new quay was opened by the', PROSE, PROSE, 'Trade with the north grew fast after the', PROSE, PROSE].join('\n\n');
    assert.deepEqual(run(text).map(([tag]) => tag), ['truncated', 'truncated']);
  });
});

describe('detectBreaks on a sentence with no end in sight', () => {
  it(`marks only the last ${MAX_FLAG_SPAN} characters of a huge paragraph that breaks off, and the first of one that starts mid-way`, () => {
    const words = 'the delegation went on and on about the credits '.repeat(5000);
    const text = `A heading\n\nThe visit was planned for May. It was long.\n\n${words}of\n\n${words.trimEnd()}.`;
    const found = detectBreaks(parsePlainText(text, { title: null }), {});
    assert.ok(found.length > 0);
    for (const f of found) assert.ok(f.to - f.from <= MAX_FLAG_SPAN, `${f.tag} spans ${f.to - f.from}`);
    const truncated = found.find((f) => f.tag === 'truncated' || f.tag === 'split');
    assert.ok(truncated, 'the paragraph ending in "of" is flagged');
    assert.ok(text.slice(truncated.from, truncated.to).includes('credits of'), 'the marked stretch holds the end');
    assert.equal(text[truncated.from - 1], ' ', 'the stretch starts at a word');
  });
});
