import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parsePlainText } from '../../src/document/parse.ts';
import { detectBreaks } from '../../src/analysis/damage/breaks.ts';

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
      text: 'Chile first established\n\nCuban events of 1959 prompted a new wave.',
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
