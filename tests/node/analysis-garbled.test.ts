import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parsePlainText } from '../../src/document/parse.ts';
import { detectTokens } from '../../src/analysis/damage/tokens.ts';
import { detectSpelling } from '../../src/analysis/damage/spelling.ts';
import { detectDroppedWords } from '../../src/analysis/damage/dropped-words.ts';
import { detectUnsupported } from '../../src/analysis/damage/unsupported.ts';
import { detectEncoding } from '../../src/analysis/damage/encoding.ts';
import { detectPunctuation } from '../../src/analysis/damage/punctuation.ts';

const quotes = (text: string, found: readonly { from: number; to: number }[]) => found.map((f) => text.slice(f.from, f.to));

describe('detectTokens', () => {
  const cases: readonly { name: string; text: string; expected: readonly string[] }[] = [
    { name: 'letters glued to a number', text: 'Castro rose to power in1959 and stayed.', expected: ['in1959'] },
    { name: 'a currency sign glued to a word', text: 'Imports worth$650 million and the$4 mark.', expected: ['worth$650', 'the$4'] },
    { name: 'a doubled word', text: 'They signed the the treaty.', expected: ['the the'] },
    { name: 'a year with a stray digit after a range', text: 'Policy towards Chile 1973–19801 by an author.', expected: ['19801'] },
    { name: 'a bracket left open inside a paragraph', text: 'The party (founded in 1912 grew fast. It won.', expected: ['('] },
    { name: 'a phrase opened with a closing quote', text: 'The shaky ”petit bourgeois” positions of the party.', expected: ['”petit bourgeois”'] },
    { name: 'a doubled word, once', text: 'They sang o o o o, then signed the the treaty.', expected: ['the the'] },
    {
      name: 'nothing in addresses and identifiers',
      text: 'See www.example.org/page01 and https://example.org/wiki/Port#cite_note-nap01-91 for the maps. Write to desk12@example.org today.',
      expected: [],
    },
    { name: 'nothing in a scale set with its unit glued: 190km, 118miles', text: 'The map shows 190km and 118miles of road, and 1959prompted nothing.', expected: ['1959prompted'] },
    { name: 'nothing for an odd straight quote in a notes entry quoting its source', text: 'A claim.[1]\n\nReferences\n\n  1. ^ Smith, J. (2001). Ports. Harbor Press. Retrieved 2 May 2010. The quay was rebuilt," he says.', expected: [] },
    { name: 'nothing in bracketed notation', text: "The singer calls W[)a]y' ho y[=a]rhnie, way ho y[=a]rhnie, twice.", expected: [] },
    { name: 'nothing in a quotation closed on the indented next line of a reference entry', text: 'A claim.[1]\n\nReferences\n\n  1. ^ Smith, J. (2001). "The_Concept_of_Housing\n      Affordability". Press.\n  2. ^ Doe (1999). "Another\n      Title". Press.', expected: [] },
    { name: 'nothing in a bracketed passage over two paragraphs', text: 'A story.\n\n[Footnote 3: The song goes on\n\nfor a long time in the night.]\n\nThe end.', expected: [] },
    {
      name: 'none of the look-alikes: decades, ordinals, US$, codes, grammatical repeats, closed brackets',
      text: 'In the 1960s and the 21st century, US$50 went to S2CID holders. He had had enough (twice). A “quote” here. A population of 19801 people grew by 15000.',
      expected: [],
    },
  ];
  for (const c of cases) {
    it(`flags ${c.name}`, () => {
      const found = detectTokens(parsePlainText(c.text));
      assert.ok(found.every((f) => f.tag === 'garbled'));
      assert.deepEqual(quotes(c.text, found), c.expected);
    });
  }
});

describe('detectSpelling', () => {
  const spelling = (text: string) => quotes(text, detectSpelling(parsePlainText(text)));

  it('flags a doubled final letter only where the text shows the single form is common', () => {
    assert.deepEqual(spelling('Progress inn industry. Work in ports, in mines, in farms, in towns, in cities.'), ['inn']);
    assert.deepEqual(spelling('A night at the inn. A day in town.'), []);
  });

  it('flags a once-seen word that is a common word of the text with a letter a scanner confuses (v for y)', () => {
    const text = 'It is not yet done. We are yet to see. The dog saw the vet. Yet it came, and yet it went, as yet unknown. The rivers vet taken.';
    assert.deepEqual(spelling(text.replace(' The dog saw the vet.', '')), ['vet']);
    // A word used twice is the text's own word, not a misreading.
    assert.deepEqual(spelling(text), []);
    // Letters that make real word pairs (c/e: cast beside east) are not compared.
    assert.deepEqual(spelling('The east wind. East of town. Go east. The east gate. Far east. They cast a vote.'), []);
  });

  it('leaves doubled vowels alone: too, meet', () => {
    assert.deepEqual(spelling('Too much to do, to see, to go, to act, to meet and to met.'), []);
  });

  it('flags a name spelt two ways in one text: a lost letter in the same company, or lost accents', () => {
    const text = 'Harmer, Tanya wrote. Harmer, Tanya wrote again. Tanya and Harmer, Tany. Luis Corvalan spoke. Corvalán was freed. Corvalán left. Corvalán arrived.';
    const found = detectSpelling(parsePlainText(text));
    assert.deepEqual(quotes(text, found), ['Tany', 'Corvalan']);
    assert.match(found[0]!.description, /"Tanya" 3 times in this text, and both stand beside "Harmer"/);
    assert.deepEqual(found[0]!.evidence, ['"Tany" occurs once and "Tanya" 3 times in this text', 'both stand beside "Harmer"']);
    assert.match(found[1]!.description, /"Corvalán" 3 times/);
  });

  it('does not take the same word in capitals for an accent variant, nor a title or an address in a reference', () => {
    assert.deepEqual(spelling('ABOUT THIS PAPER. ABOUT US. ABOUT IT. About the city.'), []);
    const refs = [
      'The Forum met. The Forum voted. The Forum closed. The Forum ended.',
      '',
      'Silva, J. 2005. “Fórum Iberoamericano.” Revista de Estudos 12: 3–9.',
      '',
      'Diário. 2017. “Obras.” https://example.com.br/Noticias/Politica/2017/ Política Política Política.',
    ].join('\n');
    assert.deepEqual(spelling(refs), []);
  });

  it('does not take a shorter form written the same way twice for a lost letter: a slip does not repeat', () => {
    const longer = 'Ministro Regional spoke. Ministro Regional left. Ministro Regional won. Ministro Regional sat. Ministro Regional ran. Ministro Regional rose.';
    assert.deepEqual(spelling(`${longer} Then Ministr Regional wrote.`), ['Ministr']);
    assert.deepEqual(spelling(`${longer} Then Ministr Regional wrote. Ministr Regional signed.`), []);
  });

  it('does not take a name for a misspelling of a longer name (Albert beside Alberta)', () => {
    assert.deepEqual(spelling('Prince Albert came to Calgary, Alberta. Farms in Alberta grew. Alberta prospered. Rain fell on Alberta.'), []);
  });

  it('does not take a word at a sentence start for a misspelling of a longer word (Even beside Event)', () => {
    assert.deepEqual(spelling('Even so, the Event went on. The Event drew crowds and the Event ended late. It was even better than planned.'), []);
  });

  it('does not take inflections for variants: Soviet/Soviets, Russia/Russian', () => {
    assert.deepEqual(spelling('Soviets met. Soviet Soviet Soviet. Russian Russian Russian ties with Russia.'), []);
  });
});

describe('detectDroppedWords', () => {
  const cases: readonly { name: string; text: string; expected: readonly string[] }[] = [
    { name: 'a verb missing its object before a modal', text: 'Any attempt to do would gloss over it.', expected: ['to do would'] },
    { name: 'the infinitive marker before a modal', text: 'They wanted to would not matter.', expected: ['to would'] },
    { name: 'a determiner before a preposition', text: 'The leader of the of party spoke.', expected: ['the of'] },
    { name: 'a verb before a parenthesis opening with a preposition', text: 'The coalition achieved (of 36 percent) a win.', expected: ['achieved (of'] },
    { name: 'a name standing alone as a sentence', text: 'They got little beyond that. Stanislav Svoboda. The ambassador recalled it.', expected: ['Stanislav Svoboda.'] },
    { name: 'a determiner before a modal used as a verb', text: 'The will be read tomorrow, they said.', expected: ['The will be'] },
    { name: 'a preposition before "per cent", its number gone', text: 'The bonds bear interest at the rate of per cent a year.', expected: ['of per cent'] },
    {
      name: 'none of the nouns that are also modals, phrasal verbs, compounds or letters',
      text: 'The will of the people prevailed. He opened the can of paint and the may blossom fell. They chose to break off the talks and set off at once. The on-lookers cheered. Walk from a to b and then from b to a. They spoke with all the might of the fleet.',
      expected: [],
    },
    {
      name: 'nothing in a reference entry',
      text: 'Gibbons, W. C. 1986. The Government and the War. Dr William Conrad Gibbons. Princeton: Princeton University Press.',
      expected: [],
    },
    {
      name: 'none of the look-alikes',
      text: '18. War Song. The mayor was José Fogaça of the party. The rate rose by 5 per cent. What per cent of them voted? The right to vote would be granted. They had to do so. A few of them achieved (in part) success. They met Fidel Castro. The Cold War ended.',
      expected: [],
    },
  ];
  for (const c of cases) {
    it(`flags ${c.name}`, () => {
      assert.deepEqual(quotes(c.text, detectDroppedWords(parsePlainText(c.text))), c.expected);
    });
  }
});

describe('detectUnsupported', () => {
  it('flags a claim tagged as unsourced, not one tagged as vague', () => {
    const text = 'The port opened in 1850.[citation needed] It grew recently[when?] and some say it is the largest.[who?]';
    const found = detectUnsupported(parsePlainText(text));
    assert.deepEqual(quotes(text, found), ['The port opened in 1850.[citation needed]', 'It grew recently[when?] and some say it is the largest.[who?]']);
    assert.deepEqual(found[0]!.evidence, ['the tag "[citation needed]" follows it']);
  });
});

describe('detectEncoding', () => {
  it('flags UTF-8 read as single-byte characters (mojibake) and C1 control characters, saying what was meant', () => {
    const text = 'A continuum \u00e2\u0080\u0093 from shelters. Andr\u00c3\u00a9 wrote it in the 19th century\u00e2\u0080\u0099s cities; a stray \u0085 here.';
    const found = detectEncoding(parsePlainText(text));
    assert.deepEqual(quotes(text, found), ['\u00e2\u0080\u0093', 'Andr\u00c3\u00a9', 'century\u00e2\u0080\u0099s', '\u0085']);
    assert.match(found[1]!.description, /UTF-8 bytes of "é"/u);
    assert.match(found[0]!.description, /"â" and 2 invisible control characters are the UTF-8 bytes of "–"/u);
  });

  it('leaves real accented and non-Latin text alone', () => {
    const text = 'São Paulo, Relações, Brandão, Ménéval, Ærø, naïve café, Привет, 中文, “quoted” — and ©2020.';
    assert.deepEqual(detectEncoding(parsePlainText(text)), []);
  });
});

describe('detectPunctuation', () => {
  const cases: readonly { name: string; text: string; expected: readonly string[] }[] = [
    { name: 'a period before a comma after a full word', text: 'It shall end before the first day of January., A.D. 1900, as agreed.', expected: ['January.,'] },
    { name: 'a period before a lowercase conjunction', text: 'Take the whole free and slave country. and we shall find a great deal.', expected: ['country. and'] },
    { name: 'a hyphen and a dash run together', text: 'See the guide “Energy Programs in K-–2 Schools.” for more.', expected: ['K-–2'] },
    { name: 'a sum with two decimal points', text: 'For judicial purposes, $5,939.009.29; for others, $1,200.50 only.', expected: ['$5,939.009.29'] },
    {
      name: 'none of the look-alikes: abbreviations, sentence ends, single dashes, section numbers',
      text: 'They met in the U.S., in Washington, etc., and Smith Jr., too. It ended. And then it began. Pages 12–19 and 1960-1970 -- a pause. Section 2.3.1 applies, and $1,234.56 was paid.',
      expected: [],
    },
    { name: 'nothing in a reference entry', text: 'Smith, J. 2001. History of Ports., Vol. 2. Boston: Harbor Press.', expected: [] },
  ];
  for (const c of cases) {
    it(`flags ${c.name}`, () => {
      assert.deepEqual(quotes(c.text, detectPunctuation(parsePlainText(c.text))), c.expected);
    });
  }
});
