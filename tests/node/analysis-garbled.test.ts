import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parsePlainText } from '../../src/document/parse.ts';
import { detectTokens } from '../../src/analysis/damage/tokens.ts';
import { detectSpelling } from '../../src/analysis/damage/spelling.ts';
import { detectDroppedWords } from '../../src/analysis/damage/dropped-words.ts';
import { buildCorpus } from '../../src/analysis/corpus.ts';

const quotes = (text: string, found: readonly { from: number; to: number }[]) => found.map((f) => text.slice(f.from, f.to));

describe('detectTokens', () => {
  const cases: readonly { name: string; text: string; expected: readonly string[] }[] = [
    { name: 'letters glued to a number', text: 'Castro rose to power in1959 and stayed.', expected: ['in1959'] },
    { name: 'a currency sign glued to a word', text: 'Imports worth$650 million and the$4 mark.', expected: ['worth$650', 'the$4'] },
    { name: 'a doubled word', text: 'They signed the the treaty.', expected: ['the the'] },
    { name: 'a year with a stray digit after a range', text: 'Policy towards Chile 1973–19801 by an author.', expected: ['19801'] },
    { name: 'a bracket left open inside a paragraph', text: 'The party (founded in 1912 grew fast. It won.', expected: ['('] },
    { name: 'a phrase opened with a closing quote', text: 'The shaky ”petit bourgeois” positions of the party.', expected: ['”petit bourgeois”'] },
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
  it('flags a doubled final letter only where the corpus shows the single form is common', () => {
    const text = 'Progress inn industry. Work in ports, in mines, in farms, in towns, in cities.';
    assert.deepEqual(quotes(text, detectSpelling(parsePlainText(text), buildCorpus([text]))), ['inn']);
    const rare = 'A night at the inn. A day in town.';
    assert.deepEqual(detectSpelling(parsePlainText(rare), buildCorpus([rare])), []);
  });

  it('leaves doubled vowels alone: too, meet', () => {
    const text = 'Too much to do, to see, to go, to act, to meet and to met.';
    assert.deepEqual(detectSpelling(parsePlainText(text), buildCorpus([text])), []);
  });

  it('flags a name spelt two ways across the corpus: a lost letter, or lost accents', () => {
    const a = 'Harmer, Tanya wrote. Tanya wrote again. Tanya and Tany. Luis Corvalan spoke.';
    const b = 'Corvalán was freed. Corvalán left. Corvalán arrived.';
    const corpus = buildCorpus([a, b]);
    const found = detectSpelling(parsePlainText(a), corpus);
    assert.deepEqual(quotes(a, found), ['Tany', 'Corvalan']);
    assert.match(found[1]!.description, /"Corvalán" \(3×\)/);
  });

  it('does not take inflections for variants: Soviet/Soviets, Russia/Russian', () => {
    const text = 'Soviets met. Soviet Soviet Soviet. Russian Russian Russian ties with Russia.';
    assert.deepEqual(detectSpelling(parsePlainText(text), buildCorpus([text])), []);
  });
});

describe('detectDroppedWords', () => {
  const cases: readonly { name: string; text: string; expected: readonly string[] }[] = [
    { name: 'a verb missing its object before a modal', text: 'Any attempt to do would gloss over it.', expected: ['to do would'] },
    { name: 'the infinitive marker before a modal', text: 'They wanted to would not matter.', expected: ['to would'] },
    { name: 'a determiner before a preposition', text: 'The leader of the of party spoke.', expected: ['the of'] },
    { name: 'a verb before a parenthesis opening with a preposition', text: 'The coalition achieved (of 36 percent) a win.', expected: ['achieved (of'] },
    { name: 'a name standing alone as a sentence', text: 'They got little beyond that. Stanislav Svoboda. The ambassador recalled it.', expected: ['Stanislav Svoboda.'] },
    {
      name: 'none of the look-alikes',
      text: 'The right to vote would be granted. They had to do so. A few of them achieved (in part) success. They met Fidel Castro. The Cold War ended.',
      expected: [],
    },
  ];
  for (const c of cases) {
    it(`flags ${c.name}`, () => {
      assert.deepEqual(quotes(c.text, detectDroppedWords(parsePlainText(c.text))), c.expected);
    });
  }
});
