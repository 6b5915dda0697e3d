import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parsePlainText, isHeadingLine } from '../../src/document/parse.ts';
import { blockText } from '../../src/document/structure.ts';

function parse(text: string, title?: string) {
  const parsed = parsePlainText(text, { title });
  return parsed.blocks.map((b) => ({ type: b.type, text: blockText(text, b), markers: b.markers.map((m) => m.number), number: b.number }));
}

describe('parsePlainText', () => {
  it('splits blocks at blank lines and keeps every character of a block at its source offset', () => {
    const text = 'Intro\n\nFirst paragraph ends here.\n\nSecond one, too.\n';
    const parsed = parsePlainText(text);
    for (const b of parsed.blocks) for (const s of b.segments) assert.equal(text.slice(s.from, s.to).trim(), text.slice(s.from, s.to));
    assert.deepEqual(parse(text).map((b) => b.type), ['heading', 'paragraph', 'paragraph']);
  });

  it('takes the first line as the title only when it equals the known title', () => {
    assert.equal(parse('My Title\n\nBody text here.', 'My Title')[0]!.type, 'title');
    assert.equal(parse('Abstract\n\nBody text here.', null as unknown as string)[0]!.type, 'heading');
  });

  const headingCases: [string, boolean][] = [
    ['History', true],
    ['Relations during the Allende government: 1970–1973', true],
    ['The Eastern Bloc Reacts to Pinochet', true],
    ['See also', true],
    ['Chile first established', false],
    ['Both countries are full members of', false],
    ['When the', false],
    ['Something broke off (', false],
    ['A full sentence.', false],
    ['lowercase start', false],
  ];
  for (const [line, expected] of headingCases) {
    it(`${expected ? 'takes' : 'does not take'} "${line}" for a heading`, () => assert.equal(isHeadingLine(line), expected));
  }

  it('does not take a label followed by a lowercase paragraph for a heading', () => {
    assert.deepEqual(parse('Intro text here.\n\nUSSR\n\ncountries met in 1944.').map((b) => b.type), ['paragraph', 'paragraph', 'paragraph']);
  });

  it('reads reference entries with caret and backlinks, continuation lines included', () => {
    const text = 'References\n\n  1. ^ Smith, A. (2001). Book.\n  2. ^ a b Jones. Retrieved 2009.\n  3. ^\n    S2CID 42\n    .\n';
    const blocks = parse(text);
    assert.deepEqual(blocks.map((b) => [b.type, b.number]), [['heading', undefined], ['note', 1], ['note', 2], ['note', 3]]);
    assert.equal(blocks[2]!.text, 'Jones. Retrieved 2009.');
    assert.equal(blocks[3]!.text, 'S2CID 42\n.');
    const parsed = parsePlainText(text);
    assert.deepEqual(parsed.blocks[2]!.backlinks, ['a', 'b']);
  });

  it('reads bullet items and keeps a repeated caption line as debris', () => {
    const text = '  • Embassy in Town\n    Embassy in Town\n  • Other item\n';
    const parsed = parsePlainText(text);
    assert.deepEqual(parsed.blocks.map((b) => b.type), ['list-item', 'list-item']);
    assert.equal(parsed.blocks[0]!.debris?.length, 1);
  });

  it('finds bracketed markers and unsupported tags', () => {
    const text = 'A claim.[1][4] Another.[citation needed] More.[12]';
    const [p] = parsePlainText(text).blocks;
    assert.deepEqual(p!.markers.map((m) => [m.number, m.style, text.slice(m.from, m.to)]), [
      [1, 'bracketed', '[1]'],
      [4, 'bracketed', '[4]'],
      [12, 'bracketed', '[12]'],
    ]);
    assert.equal(p!.unsupported.length, 1);
  });

  it('finds glued markers that continue the note sequence, and not years, decimals, counts or ranges', () => {
    const text = [
      'It ended well.1 Then more came.2 In 1972.3 It grew 3.5 percent.',
      'Some 1,000 days later the years 1973–1980 passed.4 A year 1990. A note “quoted.”5 Done.',
      'He arrived in1959. We saw 12 ships.6 Growth was 4.7 Then again.',
    ].join('\n\n');
    const markers = parsePlainText(text).blocks.flatMap((b) => b.markers.map((m) => text.slice(m.from, m.to)));
    assert.deepEqual(markers, ['1', '2', '3', '4', '5', '6']);
  });

  it('finds the glued markers of PDF extracts: kerning spaces, a comma inside a sentence, the next number glued to a word', () => {
    const text = [
      'It ended in inequality .1 In such systems the mayor decided.',
      'They called it a power of the citizens .” 2 Many agreed with that.',
      'The budget held for a two-year period,3 which made planning easier.',
      'It was approved by the Council4 but did not result in works.',
      'This process is shown on the left side of Figure 4.5',
      'The count was 12 ships in 1990 and 45 boats, and Council99 met later. See Table 2.9 for more.',
    ].join('\n\n');
    const markers = parsePlainText(text).blocks.flatMap((b) => b.markers.map((m) => text.slice(m.from, m.to)));
    assert.deepEqual(markers, ['1', '2', '3', '4', '5']);
  });

  it('rejects glued numbers that jump far beyond the sequence', () => {
    const text = 'First.1 Second.2 Then the year.1999 Later.3';
    const markers = parsePlainText(text).blocks.flatMap((b) => b.markers.map((m) => m.number));
    assert.deepEqual(markers, [1, 2, 3]);
  });

  it('never throws and gives no blocks for empty or blank input', () => {
    assert.deepEqual(parsePlainText('').blocks, []);
    assert.deepEqual(parsePlainText('  \n\n \t\n').blocks, []);
  });
});
