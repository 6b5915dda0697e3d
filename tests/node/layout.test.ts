import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parsePlainText, describeProfile, readLayoutOverride, LayoutError } from '../../src/document/parse.ts';
import { blockText, type ParsedText } from '../../src/document/structure.ts';
import { footnoteIndex } from '../../src/analysis/footnote-index.ts';
import { readManifest, ManifestError } from '../../src/document/manifest.ts';

const VOCABULARY = 'river valley harbour bridge quarry orchard meadow village mill ferry causeway granary lighthouse terrace'.split(' ');
let seed = 0;

/** Sentences of plain prose, varied so that no two lines repeat (repeated lines are running heads). */
function prose(n: number): string {
  const out: string[] = [];
  for (let k = 0; k < n; k++) {
    const w = (j: number) => VOCABULARY[(seed * 7 + k * 3 + j) % VOCABULARY.length];
    seed++;
    out.push(`The ${w(0)} stood beside the ${w(1)} while the ${w(2)} and the ${w(3)} were rebuilt after the ${w(4)} flooded in spring.`);
  }
  return out.join(' ');
}

/** `text` hard-wrapped at `width` columns. */
function wrap(text: string, width = 72): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

function types(parsed: ParsedText): string[] {
  return parsed.blocks.map((b) => b.type);
}

function texts(parsed: ParsedText, type: string): string[] {
  return parsed.blocks.filter((b) => b.type === type).map((b) => blockText(parsed.source, b).replace(/\s+/gu, ' '));
}

/** Each marker's label or number → the first words of the entry it resolves to. */
function resolutions(parsed: ParsedText): Record<string, string> {
  const index = footnoteIndex(parsed);
  const out: Record<string, string> = {};
  for (const m of index.markers) {
    const entry = index.entryOf.get(m);
    out[m.label ?? String(m.number)] = entry ? blockText(parsed.source, entry).split(/\s+/u).slice(0, 2).join(' ') : '(none)';
  }
  return out;
}

describe('layout: headings', () => {
  it('reads setext and reStructuredText underlines (=, -, \' and overlines) as headings without the underline', () => {
    const text = ['Field Notes', '===========', '', prose(2), '', 'Second Part', '-----------', '', prose(2), '', '=========', 'Last Part', '=========', '', prose(1), ''].join('\n');
    const parsed = parsePlainText(text);
    assert.equal(parsed.profile?.headings, 'setext');
    assert.deepEqual(texts(parsed, 'heading'), ['Field Notes', 'Second Part', 'Last Part']);
    assert.equal(texts(parsed, 'paragraph').length, 3);
  });

  it('reads Markdown # and closed ## … ## headings; sets aside a Contents section, [edit] and Toggle lines', () => {
    const text = [
      '## Contents', '', '  * Early years', '  * Later years', '', 'Toggle Early years subsection', '',
      '# The River', '', prose(2), '', '## Early years ##', '', '[edit]', '', prose(2), '', '### Later years', '', prose(1), '',
      'Short label line', '',
    ].join('\n');
    const parsed = parsePlainText(text);
    assert.equal(parsed.profile?.headings, 'markdown');
    assert.deepEqual(texts(parsed, 'heading'), ['The River', 'Early years', 'Later years']);
    assert.equal(texts(parsed, 'paragraph').length, 3);
    assert.ok(texts(parsed, 'caption').includes('Short label line'), 'an unpunctuated label is not a paragraph');
  });

  it('reads html2text *****-framed headings with [edit], one wrapped over two lines, and sets aside the site\'s own', () => {
    const body = wrap(prose(6));
    const text = [
      '****** The River ******', ...body, '***** Early years[edit] *****', ...body,
      '**** A heading long enough that the converter wrapped it onto a second', 'line[edit] ****', ...body,
      '***** Navigation menu *****', '**** Personal tools ****', '    * Log in',
    ].join('\n');
    const parsed = parsePlainText(text);
    assert.equal(parsed.profile?.headings, 'starred');
    assert.deepEqual(texts(parsed, 'heading'), ['The River', 'Early years', 'A heading long enough that the converter wrapped it onto a second line']);
  });

  it('reads capitals headings of a PDF extract, wrapped over lines, and not a numbered list in capitals', () => {
    const text = [
      '2. THE CHALLENGE OF THE', 'RIVER VALLEY', ...wrap(prose(16)), 'ENDNOTES', '1. SMITH, 2014.', '2. JONES, 2015.', '',
    ].join('\n');
    const parsed = parsePlainText(text);
    assert.equal(parsed.profile?.headings, 'capitals');
    assert.deepEqual(texts(parsed, 'heading'), ['2. THE CHALLENGE OF THE RIVER VALLEY', 'ENDNOTES']);
    assert.deepEqual(parsed.blocks.filter((b) => b.type === 'note').map((b) => b.number), [1, 2]);
  });

  it('takes a line in capitals after a line ending on a colon or comma for the rest of its sentence, not a heading', () => {
    const text = [
      '2. THE CHALLENGE OF THE', 'RIVER VALLEY', ...wrap(prose(16)), 'REFERENCES', 'Smith, J. 2003. Survey of the river. Valley Town, Northland:', 'NRWA.',
      'Jones, K. 2004. The mills. Valley Town:', 'Mill Press.', '',
    ].join('\n');
    const parsed = parsePlainText(text);
    assert.deepEqual(texts(parsed, 'heading'), ['2. THE CHALLENGE OF THE RIVER VALLEY', 'REFERENCES']);
  });

  it('reads title-case headings of a PDF extract wrapped over short lines, and a title-case question, as headings', () => {
    // Sentences that never repeat: a line that recurs would be a running head.
    let k = 0;
    const word = (j: number) => VOCABULARY[j % VOCABULARY.length];
    const unique = (n: number) =>
      Array.from({ length: n }, () => { k++; return `The keepers of the ${word(k)} by the ${word(Math.floor(k / VOCABULARY.length) + 3)} wrote down how high the water rose at the ${word(k * 5 + 1)}.`; }).join(' ');
    const text = [
      ...wrap(unique(12)), 'And so the work ended.',
      'How Does the River Office Work?', ...wrap(unique(6)), 'And so it closed.',
      'Tension between the Old Mills', 'and the Needs of the', 'Lower Valley', ...wrap(unique(6)), 'And so it closed.',
      'A Weakening of the River', 'Office Process?', ...wrap(unique(6)), 'And so it closed.',
      'The Changing Role of the Weir', 'Office: 1990–96', ...wrap(unique(6)), 'And so it closed.',
      'What is it?', ...wrap(unique(6)), 'And so it closed.',
    ].join('\n');
    const parsed = parsePlainText(text);
    assert.equal(parsed.profile?.paragraphs, 'hard-wrapped');
    assert.deepEqual(texts(parsed, 'heading'), [
      'How Does the River Office Work?',
      'Tension between the Old Mills and the Needs of the Lower Valley',
      'A Weakening of the River Office Process?',
      'The Changing Role of the Weir Office: 1990–96',
    ]);
  });

  it('reads a short label between a table\'s last row and a paragraph, with no blank line around it, as a heading', () => {
    let k = 0;
    const word = (j: number) => VOCABULARY[j % VOCABULARY.length];
    const unique = (n: number) =>
      Array.from({ length: n }, () => { k++; return `The keepers of the ${word(k)} by the ${word(Math.floor(k / VOCABULARY.length) + 3)} wrote down how high the water rose at the ${word(k * 5 + 1)}.`; }).join(' ');
    const text = [
      ...wrap(unique(12)), 'And so the work ended.',
      'Ferry crossings per day:', 'Summer months, 6 crossings', 'Keeper of the ferry, term years, and term limits:', 'Keeper, 4 years, limited to 2 consecutive terms',
      'Overview', ...wrap(unique(6)), 'And so it closed.',
      'Tension between the Old Mills', 'and the Needs of the', 'Lower Valley', ...wrap(unique(6)), 'And so it closed.',
    ].join('\n');
    const parsed = parsePlainText(text);
    assert.equal(parsed.profile?.paragraphs, 'hard-wrapped');
    assert.deepEqual(texts(parsed, 'heading'), ['Overview', 'Tension between the Old Mills and the Needs of the Lower Valley']);
    assert.ok(texts(parsed, 'paragraph').some((p) => p.startsWith('The ')), 'the prose under the label stays a paragraph');
    assert.ok(!texts(parsed, 'paragraph').some((p) => p.includes('Overview')), 'the label is not joined into the paragraph');
  });

  it('takes a cover\'s capitals labels over its title for front matter, and a capitals table header over numbered rows for a caption', () => {
    let k = 0;
    const word = (j: number) => VOCABULARY[j % VOCABULARY.length];
    const unique = (n: number) =>
      Array.from({ length: n }, () => { k++; return `The keepers of the ${word(k)} by the ${word(Math.floor(k / VOCABULARY.length) + 3)} wrote down how high the water rose at the ${word(k * 5 + 1)}.`; }).join(' ');
    const text = [
      'FIELD PAPERS', 'River Note  |  Issue 3  |  May 2024  |  1', 'VALLEY WORKS SERIES', 'The Keepers of the',
      'Lower River Valley', 'A. B. Miller',
      'SUMMARY', 'Highlights', ...wrap(unique(12)), 'And so the work ended.',
      'KEEPER', 'NUMBER YEAR STATION', '1 May 3, 1901 Keeper of the weir', '2 May 9, 1901 Ferryman', '3 June 2, 1901 Miller',
      'Note: Only the keepers are named.',
      'THE LOWER WEIR', ...wrap(unique(8)), 'And so it closed.',
    ].join('\n');
    const parsed = parsePlainText(text);
    assert.equal(parsed.profile?.headings, 'capitals');
    assert.deepEqual(texts(parsed, 'heading'), ['SUMMARY', 'Highlights', 'THE LOWER WEIR']);
    assert.ok(texts(parsed, 'caption').includes('KEEPER NUMBER YEAR STATION'), 'the table header is a caption');
    // Once a heading has headed prose, a capitals heading over a title-case label (a figure's) is still a section.
    const later = [
      'SUMMARY', ...wrap(unique(12)), 'And so the work ended.',
      'THE UPPER WEIR', 'Water Levels at the Weir', '1.20 1.45 1.80', ...wrap(unique(8)), 'And so it closed.',
    ].join('\n');
    assert.ok(texts(parsePlainText(later), 'heading').includes('THE UPPER WEIR'));
  });

  it('reads a short label over a paragraph set in a narrower column than the page as a heading', () => {
    let k = 0;
    const word = (j: number) => VOCABULARY[j % VOCABULARY.length];
    const unique = (n: number) =>
      Array.from({ length: n }, () => { k++; return `The keepers of the ${word(k)} by the ${word(Math.floor(k / VOCABULARY.length) + 3)} wrote down how high the water rose at the ${word(k * 5 + 1)}.`; }).join(' ');
    const text = [...wrap(unique(16), 110), 'And so the work ended.', 'About the keepers', ...wrap(unique(4), 62), 'And so it closed.'].join('\n');
    const parsed = parsePlainText(text);
    assert.equal(parsed.profile?.paragraphs, 'hard-wrapped');
    assert.deepEqual(texts(parsed, 'heading'), ['About the keepers']);
  });

  it('takes neither a contents entry run out to its page number by dot leaders nor a parenthesised gloss for a heading', () => {
    const capitals = [
      '2. THE RIVER VALLEY .................. 5', 'Early Years of the Mill ........... 12', '',
      'THE RIVER VALLEY', ...wrap(prose(8)), '(RVA)', ...wrap(prose(8)), '',
    ].join('\n');
    const parsed = parsePlainText(capitals);
    assert.equal(parsed.profile?.headings, 'capitals');
    assert.deepEqual(texts(parsed, 'heading'), ['THE RIVER VALLEY']);
    const blank = ['(RVA)', '', prose(2), '', 'THE SNAKE DANCE.', '', prose(2), '', 'Early Years ........ 12', '', prose(2), ''].join('\n');
    assert.deepEqual(texts(parsePlainText(blank), 'heading'), ['THE SNAKE DANCE.']);
  });

  it('takes neither an abbreviation entry nor a label with its decimal value for a heading', () => {
    const text = [
      'Harbour Works', '', prose(2), '', 'RVA River Valley Authority', '', prose(2), '', 'NGO nongovernmental organization', '',
      prose(2), '', 'Share of households on the ferry 42.75', '', prose(2), '',
    ].join('\n');
    assert.deepEqual(texts(parsePlainText(text), 'heading'), ['Harbour Works']);
  });

  it('reads lines of a label and its decimal value in hard-wrapped text as table lines, not prose', () => {
    const text = [
      ...wrap(prose(6)), 'Share of households on the ferry (%) 42.75', 'Share of households by the mill (%) 17.30', ...wrap(prose(6)),
    ].join('\n');
    const parsed = parsePlainText(text);
    assert.equal(parsed.profile?.paragraphs, 'hard-wrapped');
    assert.ok(texts(parsed, 'caption').some((c) => c.includes('42.75')), 'the value line is a table line');
    assert.ok(!texts(parsed, 'paragraph').some((p) => p.includes('42.75') || p.includes('17.30')));
  });

  it('sets aside a title page of short lines as front matter, and keeps nested headings with no text between them', () => {
    const book = [
      'Harbour Survey Papers', '', 'NOTES ON THE RIVER VALLEY', '', 'by', '', 'A. B. MILLER', '', '', 'Printed for the Society,', 'Spring, 1901', '', '',
      'NOTES ON THE RIVER VALLEY.', '', ...wrap(prose(4)), '', 'THE MILL.', '', ...wrap(prose(4)), '',
    ].join('\n');
    const parsed = parsePlainText(book);
    assert.deepEqual(texts(parsed, 'heading'), ['NOTES ON THE RIVER VALLEY.', 'THE MILL.']);
    assert.equal(texts(parsed, 'paragraph').length, 2);
    const nested = ['History', '', 'Early years', '', 'Bridges', '', ...wrap(prose(4)), ''].join('\n');
    assert.deepEqual(texts(parsePlainText(nested), 'heading'), ['History', 'Early years', 'Bridges']);
  });

  it('reads a last display line with only captions after it as a closing signature, not a heading', () => {
    // Fixed sentences, not prose(): later tests depend on the prose generator's sequence.
    const text = ['THE MILL.', '', 'The mill stood by the river for a century. It was rebuilt twice.', '', '_A. B. Miller._', '', '[Illustration]', ''].join('\n');
    const parsed = parsePlainText(text);
    assert.deepEqual(texts(parsed, 'heading'), ['THE MILL.']);
    assert.ok(texts(parsed, 'caption').includes('_A. B. Miller._'));
  });

  it('takes a Markdown # line breaking off on a function word for a site widget, not a heading', () => {
    const text = ['# The River', '', 'The mill stood by the river. It was rebuilt twice.', '', '### Read more on', '', 'Fast browsing. For everyone.', ''].join('\n');
    const parsed = parsePlainText(text);
    assert.equal(parsed.profile?.headings, 'markdown');
    assert.deepEqual(texts(parsed, 'heading'), ['The River']);
  });

  it('reads a web page\'s collapsed widget or loading line (trailing off in three dots) as a caption, not a paragraph', () => {
    const text = [
      '# The River', '', 'The mill stood by the river. It was rebuilt twice.', '', 'Loading content...', '',
      '## Later years', '', '**Quick Facts** Length, Source ...', '', 'He waited. And waited...', '',
    ].join('\n');
    const parsed = parsePlainText(text);
    assert.equal(parsed.profile?.headings, 'markdown');
    assert.deepEqual(texts(parsed, 'paragraph'), ['The mill stood by the river. It was rebuilt twice.', 'He waited. And waited...']);
    assert.ok(texts(parsed, 'caption').includes('Loading content...'));
  });

  it('takes a capitals or italic line with a period for a heading in a blank-line text', () => {
    const text = ['THE SNAKE DANCE.', '', prose(2), '', '_Teamwork._', '', prose(2), ''].join('\n');
    assert.deepEqual(texts(parsePlainText(text), 'heading'), ['THE SNAKE DANCE.', '_Teamwork._']);
  });
});

describe('layout: paragraphs', () => {
  it('joins hard-wrapped lines into paragraphs at short sentence-ending lines, never one giant paragraph', () => {
    const paragraphs = [prose(5), prose(4), prose(6)];
    const text = paragraphs.flatMap((p) => wrap(p)).join('\n');
    const parsed = parsePlainText(text);
    assert.equal(parsed.profile?.paragraphs, 'hard-wrapped');
    assert.deepEqual(texts(parsed, 'paragraph'), paragraphs);
  });

  it('reads short paragraphs numbered in sequence from 1 as list items, and numbered paragraphs from 350 or long run-in ones as prose', () => {
    const list = ['1. It rebuilt the quay.', '2. It dredged the harbour.', '3. It opened the ferry to the valley.'];
    const regulations = ['350. The keepers report the level.', '351. The miller keeps the sluice.', '352. The ferry waits for the tide.'];
    const runIn = [1, 2, 3].map((n) => `${n}. Works. ${prose(4)}`);
    const parsed = parsePlainText([prose(2), ...list, prose(2), ...regulations, prose(2), ...runIn].join('\n\n'));
    assert.deepEqual(texts(parsed, 'list-item'), list);
    assert.equal(texts(parsed, 'paragraph').length, 3 + regulations.length + runIn.length);
  });

  it('keeps an indented block quotation apart from the wrapped prose around it', () => {
    const quote = wrap(prose(2), 60).map((l) => `     ${l}`);
    const text = [...wrap(prose(5)), ...quote, ...wrap(prose(5))].join('\n');
    const parsed = parsePlainText(text);
    assert.equal(texts(parsed, 'paragraph').length, 3);
  });

  it('reads one paragraph per line, joining a line that continues in lowercase, and tables as rows', () => {
    const text = [
      prose(3), prose(2), 'The said articles shall be valid as part of', 'the said Constitution when ratified.', '1790   3,929,827   35.02', '1800   5,304,937   35.02', prose(2),
    ].join('\n');
    const parsed = parsePlainText(text);
    assert.equal(parsed.profile?.paragraphs, 'single-lines');
    const paragraphs = texts(parsed, 'paragraph');
    assert.equal(paragraphs.length, 4);
    assert.equal(paragraphs[2], 'The said articles shall be valid as part of the said Constitution when ratified.');
    assert.deepEqual(parsed.blocks.filter((b) => b.type === 'heading'), []);
  });

  it('sets aside running heads and page numbers of a PDF extract, so a paragraph runs on across the page break', () => {
    const body = [...wrap(prose(12)), 'And so the work ended.', ...wrap(prose(12)), 'And so the work ended.'];
    const lines: string[] = [];
    body.forEach((line, k) => {
      if (k % 9 === 0) lines.push(`ANNUAL REPORT  |  River Authority  |  ${k / 9 + 1}`);
      lines.push(line);
    });
    const text = lines.join('\n');
    const parsed = parsePlainText(text);
    assert.equal(parsed.profile?.paragraphs, 'hard-wrapped');
    assert.equal(texts(parsed, 'paragraph').length, 2);
    // Every head is kept: as debris inside the paragraph it interrupts, or as chrome between blocks.
    const heads = [...text.matchAll(/ANNUAL REPORT[^\n]*/gu)].map((m) => m.index);
    const setAside = parsed.blocks.flatMap((b) => (b.type === 'caption' ? b.segments : (b.debris ?? []))).map((s) => s.from);
    assert.deepEqual(setAside, heads);
  });

  it('shows a text in an unknown layout as plain paragraphs, one per line, and says so', () => {
    const lines: string[] = [];
    for (let k = 0; k < 40; k++) lines.push(k % 3 === 0 ? `item ${k} of the pile` : `x${k}`);
    const parsed = parsePlainText(lines.join('\n'));
    assert.equal(parsed.profile?.paragraphs, 'unknown');
    assert.equal(parsed.blocks.length, 40, 'one block per line, not one giant paragraph');
    assert.deepEqual([...new Set(types(parsed))], ['paragraph']);
    assert.match(describeProfile(parsed.profile), /^unrecognised layout/u);
  });

  it('never throws and never makes one giant paragraph of a text with line breaks', () => {
    for (const text of ['', '\n\n', 'one line', 'a\nb\nc', '#\n#\n#', '****\n****', '[^1]: x', '[Footnote 1: open', '.. [1]', '  1. ^', '===\n===']) {
      const parsed = parsePlainText(text);
      assert.ok(Array.isArray(parsed.blocks));
    }
    const long = Array.from({ length: 300 }, (_, k) => `Line ${k} of a list without any sentence end`).join('\n');
    const parsed = parsePlainText(long);
    assert.ok(parsed.blocks.length > 100);
  });
});

describe('layout: chrome and set-off blocks', () => {
  it('sets aside a Project Gutenberg header (its start line wrapped) and licence, and reads illustrations, verse and indented lists as non-prose', () => {
    const text = [
      'The Project Gutenberg EBook of River Tales', '', '***START OF THE PROJECT GUTENBERG EBOOK RIVER', 'TALES***', '',
      'THE FIRST TALE.', '', prose(2), '', '[Illustration: The river at dawn]', '', '    Row, row, the river runs,', '    Over the stones.', '',
      '     1-3. The story of the ferry, told by an old man of the', '     village.', '', '     _Mill._ The old mill by the weir.', '',
      prose(1), '', '***END OF THE PROJECT GUTENBERG EBOOK RIVER TALES***', '', 'LICENCE TERMS.', '', 'Some licence text here.', '',
    ].join('\n');
    const parsed = parsePlainText(text);
    assert.deepEqual(texts(parsed, 'heading'), ['THE FIRST TALE.']);
    assert.equal(texts(parsed, 'paragraph').length, 2);
    assert.equal(texts(parsed, 'list-item').length, 2);
    assert.ok(texts(parsed, 'caption').includes('Row, row, the river runs, Over the stones.'));
  });
});

describe('layout: markers and notes lists', () => {
  it('resolves caret markers (sentence.^1) to a notes list and finds no glued numbers beside them', () => {
    const text = ['The dam was finished in 1931.^1 It held for decades.^2 Then it failed in 1972.', '', 'Notes', '', '1. Smith, History of Dams.', '2. Jones, The Flood.', ''].join('\n');
    const parsed = parsePlainText(text);
    assert.equal(parsed.profile?.markers, 'caret');
    assert.deepEqual(resolutions(parsed), { 1: 'Smith, History', 2: 'Jones, The' });
  });

  it('resolves [n] markers to Gutenberg [Footnote n: …] blocks placed after the paragraph, closing bracket left out', () => {
    const text = ['The tale begins by the river.[1] It ends in the hills.[2]', '', '[Footnote 1: Told by an old man', 'of the village.]', '', '[Footnote 2: Compare the tale of the fox.]', '', 'The next part [=a] has notation, not notes.', ''].join('\n');
    const parsed = parsePlainText(text);
    assert.equal(parsed.profile?.markers, 'footnote-block');
    assert.equal(parsed.profile?.notes, 'footnote-block');
    assert.deepEqual(resolutions(parsed), { 1: 'Told by', 2: 'Compare the' });
    assert.deepEqual(texts(parsed, 'note'), ['Told by an old man of the village.', 'Compare the tale of the fox.']);
  });

  it('resolves Markdown [^n] markers, a named one included, to [^n]: definitions', () => {
    const text = ['# Essay', '', 'A claim.[^1] Another claim.[^I] A third.[^2]', '', '--------', '', '[^1]: First source.', '', '[^I]: A named note.', '', '[^2]: Second source,', '    continued.', ''].join('\n');
    const parsed = parsePlainText(text);
    assert.equal(parsed.profile?.markers, 'markdown');
    assert.equal(parsed.profile?.notes, 'markdown-def');
    assert.deepEqual(resolutions(parsed), { 1: 'First source.', I: 'A named', 2: 'Second source,' });
  });

  it('resolves reStructuredText [n]_ markers to .. [n] definitions, and reads header fields as chrome', () => {
    const text = [
      'PEP: 1', 'Title: Names', 'Status: Final', '', 'Abstract', '========', '', 'Proposals were made [1]_ and made again [2]_.', '',
      'References', '==========', '', '.. [1] A first thread', '   https://example.org/1', '', '.. [2] A second thread', '',
    ].join('\n');
    const parsed = parsePlainText(text);
    assert.equal(parsed.profile?.headings, 'setext');
    assert.equal(parsed.profile?.notes, 'bracket-n');
    assert.deepEqual(texts(parsed, 'heading'), ['Abstract', 'References']);
    assert.deepEqual(resolutions(parsed), { 1: 'A first', 2: 'A second' });
    assert.equal(parsed.blocks[0]!.type, 'caption');
  });

  it('keeps a [n] line written without the directive out of a reStructuredText notes list, and code indexing out of the markers', () => {
    const text = [
      'Abstract', '========', '', 'Proposals were made [1]_ and made again [2]_, but not ``x[0]`` or ``y[3]``.', '',
      'References', '==========', '', '.. [1] A first thread', '', '[2] A thread kept out of the notes', '', '.. [3] A third thread', '',
    ].join('\n');
    const parsed = parsePlainText(text);
    assert.deepEqual(resolutions(parsed), { 1: 'A first', 2: '(none)' });
    assert.equal(parsed.blocks.find((b) => blockText(text, b).startsWith('A thread kept'))?.type, 'list-item');
  });

  it('resolves markers to a [n] text notes list', () => {
    const text = ['A claim.[1] Another.[2]', '', 'References', '', '[1] Smith, A. Rivers.', '[2] Jones, B. Hills.', ''].join('\n');
    const parsed = parsePlainText(text);
    assert.equal(parsed.profile?.notes, 'bracket-n');
    assert.deepEqual(resolutions(parsed), { 1: 'Smith, A.', 2: 'Jones, B.' });
  });

  it('resolves markers to a "Jump up ^" list, numbered or not', () => {
    const numbered = ['A claim.[1] Another.[2]', '', 'References', '', '1. Jump up ^ Smith, A. Rivers.', '2. ^ Jump up to: a b Jones, B. Hills.', ''].join('\n');
    const parsed = parsePlainText(numbered);
    assert.equal(parsed.profile?.notes, 'jump-up');
    assert.deepEqual(resolutions(parsed), { 1: 'Smith, A.', 2: 'Jones, B.' });
    assert.deepEqual(parsed.blocks.find((b) => b.number === 2)?.backlinks, ['a', 'b']);
    const bare = ['A claim.[1] Another.[2]', '', 'References', '', 'Jump up ^ Smith, A. Rivers.', 'Jump up ^ Jones, B. Hills.', ''].join('\n');
    assert.deepEqual(resolutions(parsePlainText(bare)), { 1: 'Smith, A.', 2: 'Jones, B.' });
  });

  it('reads Markdown-converted backlinks (**^**, ^ _**a**_ _**b**_) and lettered notes printed as their own numbered list', () => {
    const text = [
      '# Battle', '', 'Numbers vary.[a] Sources agree.[1] Others differ.[b][2]', '', '## Notes', '',
      '  1. **^** Numbers vary by account.', '  2. **^** Allied numbers vary too.', '', '## Citations', '',
      '  1. ^ _**a**_ _**b**_ Chandler 1966, p. 416.', '  2. **^** Uffindell, p. 25.', '',
    ].join('\n');
    const parsed = parsePlainText(text);
    assert.deepEqual(resolutions(parsed), { a: 'Numbers vary', 1: 'Chandler 1966,', b: 'Allied numbers', 2: 'Uffindell, p.' });
    assert.deepEqual(parsed.blocks.find((b) => blockText(text, b).startsWith('Chandler'))?.backlinks, ['a', 'b']);
  });

  it('renumbers a caret list past converter debris (entries without the backlink sign) so markers find their references', () => {
    const text = [
      'First.[1] Second.[2] Third.[3]', '', 'References', '',
      '   1. ^ Smith, A.', '   2. .style-sheet{color:red}', '   3. ^ Jones, B.', '   4.', '   5. ^ a bBrown, C. (2001)',
      '   6. ^ Green, D.', '   7. ^ Gray, E.', '   8. ^ White, F.', '   9. ^ Black, G.', '  10. ^ Stone, H.', '',
    ].join('\n');
    const parsed = parsePlainText(text);
    assert.deepEqual(resolutions(parsed), { 1: 'Smith, A.', 2: 'Jones, B.', 3: 'Brown, C.' });
    assert.equal(parsed.blocks.filter((b) => b.type === 'note' && b.number === undefined).length, 2);
  });

  it('takes the last part of a dotted section number (1.B.3, 2.4.1) for a section number, not a glued note marker', () => {
    const text = [
      'The keepers wrote down how high the water rose.1 They kept the book for years.', '',
      'You must comply with the terms of paragraphs 1.B.3', 'through 1.B.7 of this licence. See also part 2.4.1 Further terms follow.', '',
    ].join('\n');
    const markers = parsePlainText(text).blocks.flatMap((b) => b.markers.map((m) => text.slice(m.from - 5, m.to)));
    assert.deepEqual(markers, ['rose.1']);
  });

  it('finds no markers in a text without notes, numbers and years included', () => {
    const text = ['In 1862 the census counted 31,443,790 people.', 'The rate was 35.02 per cent in 1860.', 'Article 1. The first article reads as follows.'].join('\n');
    assert.equal(parsePlainText(text).blocks.flatMap((b) => b.markers).length, 0);
  });
});

describe('layout: profile and override', () => {
  it('describes the profile in words for the document header', () => {
    assert.equal(
      describeProfile({ paragraphs: 'hard-wrapped', headings: 'setext', markers: 'caret', notes: 'none' }),
      'hard-wrapped lines, setext headings, caret notes',
    );
  });

  it('lets the manifest override the layout, and names a bad layout field', () => {
    const text = ['Alpha line one ends.', 'Beta line two ends.', 'Gamma line three ends.', ''].join('\n');
    const parsed = parsePlainText(text, { layout: { paragraphs: 'blank-lines', headings: 'none' } });
    assert.equal(parsed.profile?.paragraphs, 'blank-lines');
    assert.deepEqual(types(parsed), ['paragraph']);
    assert.deepEqual(readLayoutOverride({ markers: 'caret' }), { markers: 'caret' });
    assert.throws(() => readLayoutOverride({ paragraphs: 'wavy' }), LayoutError);
    const entry = { id: 'a', file: 'a.txt', iri: 'https://x.org/a', kind: 'k', language: 'en', label: 'A', title: null, author: null };
    assert.deepEqual(readManifest({ documents: [{ ...entry, layout: { headings: 'setext' } }] }).documents[0]!.layout, { headings: 'setext' });
    assert.throws(() => readManifest({ documents: [{ ...entry, layout: { headings: 'wavy' } }] }), (e: Error) => e instanceof ManifestError && /entry 1 \("a"\): "layout.headings" must be one of/u.test(e.message));
  });
});

describe('layout: page breaks in PDF extracts', () => {
  it('runs an unfinished paragraph on over a blank line and a running foot, and not a finished one', () => {
    const page = (n: number, lines: string[]) => [...lines, '', `${n}  |  RIVER AUTHORITY`, ''];
    // Sentences that never repeat: a line that recurs page after page would be a running head.
    let k = 0;
    const word = (j: number) => VOCABULARY[j % VOCABULARY.length];
    const unique = (n: number) =>
      Array.from({ length: n }, () => { k++; return `The keepers of the ${word(k)} by the ${word(Math.floor(k / VOCABULARY.length) + 3)} wrote down how high the water rose at the ${word(k * 5 + 1)}.`; }).join(' ');
    const first = [...wrap(unique(12)), 'And so the work ended.', ...wrap(`${unique(6)} The authority kept records of every flood and of the`)];
    const second = [...wrap(`dams it built, and it published them each year. ${unique(6)}`), 'And so the work ended.', ...wrap(unique(12)), 'And so it closed.'];
    const third = [...wrap(unique(12)), 'It was run by the Budget Office (Gabinete de Programação; GPO)', '(basically the same office) kept the records.', 'Box 1 | Abbreviations', 'GPO  Budget Office', ...wrap(unique(12)), 'And so the work ended.'];
    const text = [...page(2, first), ...page(3, second), ...page(4, third), ...wrap(unique(12))].join('\n');
    const parsed = parsePlainText(text);
    assert.equal(parsed.profile?.paragraphs, 'hard-wrapped');
    const joined = parsed.blocks.filter((b) => b.type === 'paragraph' && /of the\n2 {2}\| {2}RIVER AUTHORITY\ndams it built/u.test(blockText(text, b)));
    assert.equal(joined.length, 1);
    // The foot is set aside inside the paragraph it interrupts, not read as its words.
    assert.equal(joined[0]!.debris?.length, 1);
    // An aside opening in lowercase continues its sentence; a figure's caption line starts a block of its own.
    assert.ok(parsed.blocks.some((b) => b.type === 'paragraph' && /\n\(basically the same office\) kept/u.test(blockText(text, b))));
    assert.ok(parsed.blocks.some((b) => blockText(text, b).startsWith('Box 1 | Abbreviations')));
    // After a finished paragraph, the foot stands alone.
    assert.deepEqual(texts(parsed, 'caption'), ['3 | RIVER AUTHORITY', 'Box 1 | Abbreviations', '4 | RIVER AUTHORITY']);
  });
});

describe('layout: figures set inside the prose of a PDF extract', () => {
  it('keeps wrapped prose with its sentence ends inside lines as prose, and a figure\'s labels, capitals and source as captions', () => {
    const cut = [
      'The keepers changed their methods over time. The new weir at the',
      'mill was built in spring, and the records of the river were kept',
      'by the ferry keeper and the miller, who wrote down the levels of',
      'the water at the bridge every morning and every evening, and the',
      'records for the years before the flood were scarce, especially',
    ];
    const figure = ['Figure 2  |  Water levels at the weir', 'Upper weir', 'Lower weir', 'RIVER OFFICE', 'Upper mill', 'Lower mill', 'Percent of Total', '1990 1991 1992 1993 1994 1995 1996 1997 1998 1999 2000 2001 2002', '0%', '5%', 'Source: River Office, 1990.'];
    const resumed = wrap(`for the years after the flood, when the keepers began again. ${prose(3)}`);
    const text = [...wrap(prose(12)), 'And so the work ended.', ...cut, ...figure, ...resumed, ...wrap(prose(12)), 'And so it closed.'].join('\n');
    const parsed = parsePlainText(text);
    assert.equal(parsed.profile?.paragraphs, 'hard-wrapped');
    const starts = (type: string) => texts(parsed, type).map((t) => t.split(' ').slice(0, 4).join(' '));
    assert.ok(starts('paragraph').includes('The keepers changed their'), 'the cut paragraph is prose');
    assert.ok(starts('paragraph').includes('for the years after'), 'the resumed sentence is a paragraph of its own');
    assert.deepEqual(texts(parsed, 'heading'), []);
    assert.ok(starts('caption').includes('Source: River Office, 1990.'), "the figure's source is a caption");
  });
});

describe('layout: encyclopedia furniture in hard-wrapped copies', () => {
  it('takes neither a "Main article:" hatnote nor "Jump to navigation" for a heading', () => {
    let k = 0;
    const word = (j: number) => VOCABULARY[j % VOCABULARY.length];
    const body = () => wrap(Array.from({ length: 8 }, () => { k++; return `The ${word(k)} near the ${word(k * 3 + 1)} was rebuilt after the ${word(k * 5 + 2)} flooded.`; }).join(' '));
    const text = [
      '****** The River ******', 'From Wikipedia, the free encyclopedia', 'Jump_to_navigation Jump_to_search', ...body(),
      '***** Early years[edit] *****', 'Main article: History_of_the_river', ...body(), '***** Later years[edit] *****', ...body(),
    ].join('\n');
    const parsed = parsePlainText(text);
    assert.equal(parsed.profile?.headings, 'starred');
    assert.deepEqual(texts(parsed, 'heading'), ['The River', 'Early years', 'Later years']);
  });
});

// Last in the file: `prose()` advances a shared seed, and the tests above were written against its earlier values.
describe('layout: hard line breaks', () => {
  it('joins, in a one-paragraph-per-line text, a line closed by a hard break (two spaces) in mid-sentence to the next', () => {
    const lines = [
      prose(3),
      'Resolved by the assembly (two-thirds of members  ',
      'concurring), That the articles be proposed to the  ',
      'Councils of the provinces, to be valid as part of the charter, viz:  ',
      `Article one. ${prose(2)}`,
      prose(2),
    ];
    const parsed = parsePlainText(lines.join('\n'));
    assert.equal(parsed.profile?.paragraphs, 'single-lines');
    assert.equal(texts(parsed, 'paragraph').length, 4);
    assert.match(texts(parsed, 'paragraph')[1]!, /^Resolved[^]*viz:$/u);
  });
});
