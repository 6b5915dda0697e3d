import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parsePlainText } from '../../src/document/parse.ts';
import { detectFootnotes } from '../../src/analysis/footnotes.ts';
import { entryForMarker, footnoteIndex, markerAt, markersCiting } from '../../src/analysis/footnote-index.ts';
import type { Finding } from '../../src/analysis/finding.ts';

const tagOf = (f: Finding) => (f.kind === 'footnote' ? 'footnote' : f.tag);
const tags = (fs: readonly Finding[]) => fs.map(tagOf);
const quoteOf = (source: string, f: Finding) => source.slice(f.from, f.to);

const WIKI = [
  'Example topic',
  '',
  'The first claim is here.[1] A second claim follows.[2][3] The first source again.[1]',
  '',
  'References',
  '',
  '  1. ^ a b Smith, Jane (2001). A Book About Things. Publisher. p. 4.',
  '  2. ^ Doe, John (1999). Another Book. Press.',
  '  3. ^ Roe, Ann (2005). "An Article". Journal. Retrieved 2009-01-01.',
].join('\n');

describe('footnoteIndex', () => {
  it('resolves bracketed markers to entries and lists the markers citing each entry', () => {
    const parsed = parsePlainText(WIKI, { title: 'Example topic' });
    const index = footnoteIndex(parsed);
    assert.equal(index.hasNotesList, true);
    assert.deepEqual(index.markers.map((m) => m.number), [1, 2, 3, 1]);
    const first = index.markers[0]!;
    const entry = entryForMarker(index, first);
    assert.ok(entry);
    assert.equal(entry.number, 1);
    assert.deepEqual(markersCiting(index, entry).map((m) => m.from), [index.markers[0]!.from, index.markers[3]!.from]);
    assert.equal(markerAt(index, first.from + 1), first);
    assert.equal(markerAt(index, 0), null);
  });

  it('gives empty results for a text without notes', () => {
    const index = footnoteIndex(parsePlainText('Plain prose without any notes.'));
    assert.equal(index.hasNotesList, false);
    assert.equal(index.markers.length, 0);
  });
});

describe('detectFootnotes', () => {
  it('links each marker to its entry with a body on the entry', () => {
    const parsed = parsePlainText(WIKI, { title: 'Example topic' });
    const links = detectFootnotes(parsed).filter((f) => f.kind === 'footnote');
    assert.equal(links.length, 4);
    const link = links[0]!;
    assert.equal(quoteOf(WIKI, link), '[1]');
    assert.ok(link.kind === 'footnote' && WIKI.slice(link.entry.from, link.entry.to).startsWith('Smith, Jane'));
  });

  it('raises no flag on a sound notes apparatus', () => {
    const flags = detectFootnotes(parsePlainText(WIKI, { title: 'Example topic' })).filter((f) => f.kind === 'flag');
    assert.deepEqual(flags, []);
  });

  it('flags an entry no marker cites, a marker with no entry, and a gap in first citations', () => {
    const text = [
      'Opening claim.[1] Later claim.[4] Another.[9]',
      '',
      'References',
      '',
      '  1. ^ Smith, Jane (2001). A Book. Press.',
      '  2. ^ Doe, John (1999). Another Book. Press.',
      '  3. ^ Roe, Ann (2003). Third Book. Press.',
      '  4. ^ Poe, Ed (2004). Fourth Book. Press.',
    ].join('\n');
    const found = detectFootnotes(parsePlainText(text));
    const flags = found.filter((f) => f.kind === 'flag');
    assert.deepEqual(
      flags.map((f) => [tagOf(f), quoteOf(text, f).slice(0, 12)]),
      [
        ['missing-passage', '[4]'],
        ['broken-reference', '[9]'],
        ['missing-passage', '[9]'],
        ['uncited-reference', 'Doe, John (1'],
        ['uncited-reference', 'Roe, Ann (20'],
      ],
    );
    const gap = flags.find((f) => f.kind === 'flag' && quoteOf(text, f) === '[4]')!;
    assert.match(gap.kind === 'flag' ? gap.description : '', /jump from 1 to 4: the passage carrying notes 2–3 is missing/);
  });

  it('counts citations made inside explanatory notes: a reference cited only there is cited, and no gap is reported', () => {
    const text = [
      'Numbers vary.[a] The battle began.[1] It ended.[3]', '', '## Notes', '',
      '  1. **^** Numbers vary by account.[2]', '', '## Citations', '',
      '  1. **^** Smith, A. Rivers.', '  2. ^ _**a**_ _**b**_ Jones, B. Hills.', '  3. **^** Brown, C. Roads.',
    ].join('\n');
    const flags = detectFootnotes(parsePlainText(text)).filter((f) => f.kind === 'flag');
    // Note 2 is cited once, inside note a, though it lists two backlinks: that flag is right; so is the
    // flag on the notes printed 1–1 for the letter a.
    assert.deepEqual(flags.map((f) => [tagOf(f), quoteOf(text, f).trim().slice(0, 8)]), [['broken-reference', '1. **^**'], ['missing-passage', 'Jones, B']]);
  });

  it('takes a notes list starting at the first number cited for a numbering begun elsewhere, not a loss', () => {
    const text = ['Part of a longer book.[4] It goes on.[5]', '', '[Footnote 4: A note.]', '', '[Footnote 5: Another note.]', ''].join('\n');
    assert.deepEqual(detectFootnotes(parsePlainText(text)).filter((f) => f.kind === 'flag'), []);
    const lost = ['A claim.[2] Another.[3]', '', 'References', '', '  1. ^ Smith, A.', '  2. ^ Jones, B.', '  3. ^ Brown, C.'].join('\n');
    assert.deepEqual(tags(detectFootnotes(parsePlainText(lost)).filter((f) => f.kind === 'flag')), ['missing-passage', 'uncited-reference']);
  });

  it('flags converter debris numbered in the notes list: a style sheet, an empty item, a dead-link tag', () => {
    const text = [
      'First.[1] Second.[2] Third.[3]', '', 'References', '',
      '   1. ^ Smith, A.', '   2. .style-sheet{color:red}', '   3. ^ Jones, B.', '   4.', '   5. ^ a bBrown, C. (2001)', '   6. [dead_link]',
      '   7. ^ Green, D.', '   8. ^ Gray, E.', '   9. ^ White, F.', '  10. ^ Black, G.', '  11. ^ Stone, H.', '  12. ^ Lane, I.', '',
    ].join('\n');
    const flags = detectFootnotes(parsePlainText(text)).filter((f) => f.kind === 'flag' && f.tag === 'broken-reference');
    assert.deepEqual(flags.map((f) => quoteOf(text, f).trim()), ['2. .style-sheet{color:red}', '4.', '6. [dead_link]']);
    assert.match(flags[0]!.description, /style-sheet code/u);
    assert.match(flags[1]!.description, /is empty/u);
  });

  it('flags lettered notes printed as a numbered list, once over the list', () => {
    const text = [
      '# Battle', '', 'Numbers vary.[a] Sources agree.[1] Others differ.[b][2]', '', '## Notes', '',
      '  1. **^** Numbers vary by account.', '  2. **^** Allied numbers vary too.', '', '## Citations', '',
      '  1. **^** Chandler 1966, p. 416.', '  2. **^** Uffindell, p. 25.', '',
    ].join('\n');
    const flags = detectFootnotes(parsePlainText(text)).filter((f) => f.kind === 'flag');
    assert.equal(flags.length, 1);
    assert.equal(flags[0]!.kind === 'flag' && flags[0]!.tag, 'broken-reference');
    assert.match(quoteOf(text, flags[0]!), /^ {2}1\. \*\*\^\*\* Numbers vary[^]*Allied numbers vary too\.$/u);
    assert.match(flags[0]!.description, /notes a–b by letter, but this list prints them as 1–2/u);
  });

  it('flags a Notes section that holds no notes where the text cites notes without a list', () => {
    const text = ['# Topic', '', 'A claim.[1] Another.[2] A third.[3]', '', '## Notes', '', 'Loading content...', '', '## See also', '', 'Other topics.'].join('\n');
    const flags = detectFootnotes(parsePlainText(text)).filter((f) => f.kind === 'flag');
    const section = flags.find((f) => quoteOf(text, f).startsWith('## Notes'));
    assert.ok(section);
    assert.equal(quoteOf(text, section), '## Notes\n\nLoading content...');
    assert.match(section.description, /holds only "Loading content\.\.\."/u);
  });

  it('reports no gaps where the notes are not numbered in reading order, nor where the missing entry stands in another form', () => {
    const text = [
      'Abstract', '========', '', 'A first thread [1]_ and a later one [5]_, then [2]_ and [4]_ and [3]_ again.', '',
      'References', '==========', '', '.. [1] A first thread', '', '.. [2] A second thread', '', '.. [3] A third thread', '',
      '.. [4] A fourth thread', '', '[5] A fifth thread, kept out of the notes', '', '.. [6] A sixth thread', '',
    ].join('\n');
    const flags = detectFootnotes(parsePlainText(text)).filter((f) => f.kind === 'flag');
    // Marker 5 resolves to no note (its entry is outside the syntax) and note 6 is uncited: no gap flag for either.
    assert.deepEqual(flags.map((f) => [tagOf(f), quoteOf(text, f).slice(0, 14)]), [['broken-reference', '[5]_'], ['uncited-reference', 'A sixth thread']]);
  });

  it('expects an entry with backlinks a b to be cited twice', () => {
    const text = ['One claim.[1]', '', 'References', '', '  1. ^ a b Smith, Jane (2001). A Book. Press.'].join('\n');
    const flags = detectFootnotes(parsePlainText(text)).filter((f) => f.kind === 'flag');
    assert.deepEqual(tags(flags), ['missing-passage']);
    assert.match(flags[0]!.description, /2 backlinks \(a b\) but only 1 marker cites it/);
  });

  it('flags entries whose content is lost: only a retrieval date, only an identifier', () => {
    const text = [
      'Claim one.[1] Claim two.[2] Claim three.[3]',
      '',
      'References',
      '',
      '  1. ^ . Retrieved 2009-04-01.',
      '  2. ^',
      '    S2CID 12345678',
      '    .',
      '  3. ^ "A Title Kept". Some Site. Retrieved 2009-04-01.',
    ].join('\n');
    const flags = detectFootnotes(parsePlainText(text)).filter((f) => f.kind === 'flag');
    assert.deepEqual(flags.map((f) => [tagOf(f), f.kind === 'flag' && f.description.slice(0, 6)]), [
      ['broken-reference', 'Note 1'],
      ['broken-reference', 'Note 2'],
    ]);
  });

  it('reports a missing notes list once and every marker as unresolved', () => {
    const text = [
      'A first point is made here.1 A second point follows it.2',
      '',
      'A third paragraph continues the argument at length.3 And then more.4',
    ].join('\n');
    const found = detectFootnotes(parsePlainText(text));
    assert.deepEqual(tags(found), ['missing-notes', 'unresolved-footnote', 'unresolved-footnote', 'unresolved-footnote', 'unresolved-footnote']);
  });

  it('flags a jump in glued note numbers at the marker after it', () => {
    const text = [
      'A first point is made here.1 A second point follows it.2',
      '',
      'A third paragraph starts after a loss.7 And goes on.8',
    ].join('\n');
    const gap = detectFootnotes(parsePlainText(text)).filter((f) => f.kind === 'flag' && f.tag === 'missing-passage');
    assert.equal(gap.length, 1);
    assert.equal(quoteOf(text, gap[0]!), '7');
    assert.match(gap[0]!.description, /Note numbers jump from 2 to 7: the passage carrying notes 3–6 is missing/);
  });

  it('flags a repeated glued note number and a note number listed twice', () => {
    const glued = 'A first point is made here.1 A second point follows it.2 A third point repeats it.2 And on.3';
    const repeats = detectFootnotes(parsePlainText(glued)).filter((f) => f.kind === 'flag' && f.tag === 'garbled');
    assert.deepEqual(repeats.map((f) => glued.slice(f.from - 3, f.to)), ['it.2']);
    const listed = ['Claim.[1] Claim.[2]', '', 'References', '', '  1. ^ Smith (2001). Book.', '  2. ^ Doe (1999). Book.', '  2. ^ Roe (2003). Book.'].join('\n');
    const twice = detectFootnotes(parsePlainText(listed)).filter((f) => f.kind === 'flag');
    assert.deepEqual(twice.map((f) => [f.kind === 'flag' && f.tag, listed.slice(f.from, f.to)]), [['garbled', '  2. ^ Roe (2003). Book.']]);
  });

  it('never takes years, decimals, counts or ranges for markers', () => {
    const text = [
      'Trade grew in 1972. Output rose by 4.5 percent. There were 300 ships.',
      '',
      'The years 1970–1973 saw 12 visits. Prices fell from 67 to 43 cents in 1971.',
    ].join('\n');
    const found = detectFootnotes(parsePlainText(text));
    assert.deepEqual(found, []);
  });
});
