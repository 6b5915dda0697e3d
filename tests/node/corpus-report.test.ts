import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findTextFindings } from '../../src/analysis/analyze.ts';
import {
  corpusTotals,
  formatReport,
  headingKey,
  locateQuote,
  measureText,
  readExpectation,
  type Expectation,
} from '../../src/analysis/corpus-report.ts';

const root = join(import.meta.dirname, '..', '..');

/** A small composed article: two headings, three paragraphs, bracketed markers, a caret notes list. */
const ARTICLE = [
  'Harbour Works',
  '',
  'The harbour was dredged in two seasons.[1] The second season was longer than the',
  'first, because the winter came early.[2]',
  '',
  'History',
  '',
  'The first pier was built of timber.[1] It rotted within a decade.',
  '',
  'A stone pier replaced it. The quarry lay across the bay.',
  '',
  'References',
  '',
  '  1. ^ a b Marsh, T. (1901). Harbours of the North. p. 4.',
  '  2. ^ Vane, R. (1910). Winter Works. p. 9.',
  '',
].join('\n');

const EXPECT: Expectation = {
  file: 'article.txt',
  paragraphs: { min: 3, max: 3 },
  headings: ['Harbour Works', 'History', 'References', 'Later years'],
  markers: { style: 'bracketed', count: 3 },
  notes_list: { present: true, entries: 2, style: 'numbered-caret' },
  resolutions: [
    { marker: '1', entry_starts_with: 'Marsh, T. (1901)' },
    { marker: '2', entry_starts_with: 'Marsh, T.' },
  ],
  not_damage: ['The second season was longer than the first, because', 'A stone pier replaced it.'],
  damage: [{ kind: 'truncated', quote: 'It rotted within a decade.' }],
};

function measure(text: string, expectation: Expectation) {
  const { parsed, findings } = findTextFindings({ iri: 'urn:test', text });
  return measureText('article', parsed, findings, expectation);
}

describe('corpus report', () => {
  it('counts headings found, missing and spurious against the expected list', () => {
    const r = measure(ARTICLE, EXPECT);
    assert.equal(r.headings.expected, 4);
    assert.equal(r.headings.found, 3);
    assert.deepEqual(r.headings.missing, ['Later years']);
    assert.deepEqual(r.headings.spurious, []);
    const extra = measure(`${ARTICLE}\nSee Also Below\n\nA closing line of prose ends the text here.\n`, EXPECT);
    assert.deepEqual(extra.headings.spurious, ['See Also Below']);
  });

  it('compares the paragraph count with the expected range and marker style and count', () => {
    const r = measure(ARTICLE, EXPECT);
    assert.deepEqual(r.paragraphs, { count: 3, min: 3, max: 3, inRange: true });
    assert.equal(measure(ARTICLE, { ...EXPECT, paragraphs: { min: 5, max: 9 } }).paragraphs.inRange, false);
    assert.equal(r.markers.style, 'bracketed');
    assert.equal(r.markers.count, 3);
    assert.equal(r.markers.expected, 3);
  });

  it('checks each sampled marker against the first words of the entry it resolves to', () => {
    const r = measure(ARTICLE, EXPECT);
    assert.equal(r.resolutions.sampled, 2);
    assert.equal(r.resolutions.right, 1);
    assert.equal(r.resolutions.wrong[0]!.marker, '2');
    assert.match(r.resolutions.wrong[0]!.got, /^Vane/u);
    const absent = measure(ARTICLE, { ...EXPECT, resolutions: [{ marker: '7', entry_starts_with: 'Anything' }] });
    assert.equal(absent.resolutions.right, 0);
    assert.equal(absent.resolutions.wrong[0]!.got, '(no such marker found)');
  });

  it('reports not-damage lines that carry a flag and damage quotes that carry none', () => {
    const truncated = ARTICLE.replace('It rotted within a decade.', 'It rotted within a decade because the');
    const r = measure(truncated, {
      ...EXPECT,
      not_damage: ['It rotted within a decade because the', 'A stone pier replaced it.', 'Not in this text at all'],
      damage: [{ kind: 'truncated', quote: 'rotted within a decade because the' }, { kind: 'garbled', quote: 'The quarry lay' }],
    });
    assert.deepEqual(r.notDamage.flagged, ['It rotted within a decade because the']);
    assert.deepEqual(r.notDamage.notFound, ['Not in this text at all']);
    assert.equal(r.damage.found, 1);
    assert.deepEqual(r.damage.missed, ['The quarry lay']);
  });

  it('does not count a marker flagged unresolvable against a not-damage line when the expectation says the notes list is absent', () => {
    const noList = ARTICLE.slice(0, ARTICLE.indexOf('References'));
    const expect = { ...EXPECT, not_damage: ['The first pier was built of timber.[1]'], resolutions: [] };
    assert.deepEqual(measure(noList, { ...expect, notes_list: { present: false, entries: 0, style: 'none' } }).notDamage.flagged, []);
    assert.deepEqual(measure(noList, expect).notDamage.flagged, ['The first pier was built of timber.[1]']);
  });

  it('locates a quote across line breaks and CRLF, as the corpus checker does', () => {
    const text = 'one two\r\nthree four\nfive';
    assert.deepEqual(locateQuote(text, 'two three four five'), [{ from: 4, to: text.length }]);
    assert.deepEqual(locateQuote(text, 'two (three'), []);
  });

  it('reads headings without their markup', () => {
    assert.equal(headingKey('## Background ##'), 'background');
    assert.equal(headingKey('***** Supply and demand [edit] *****'), 'supply and demand');
    assert.equal(headingKey('Right_to_build'), 'right to build');
  });

  it('sums the texts into totals and prints one row per text and a total row', () => {
    const a = measure(ARTICLE, EXPECT);
    const b = measure('Plain prose without notes, in one paragraph.\n', {
      ...EXPECT,
      headings: [],
      paragraphs: { min: 1, max: 1 },
      markers: { style: 'none', count: 0 },
      resolutions: [],
      not_damage: [],
      damage: [],
    });
    const t = corpusTotals([a, b]);
    assert.equal(t.texts, 2);
    assert.equal(t.headingsFound, 3);
    assert.equal(t.resolutionsRight, 1);
    assert.equal(t.resolutionsSampled, 2);
    assert.equal(t.falseMarkers, 0);
    assert.equal(t.paragraphsInRange, 2);
    const lines = formatReport([a, b]).trimEnd().split('\n');
    assert.equal(lines.length, 4);
    assert.match(lines[3]!, /^TOTAL \(2 texts\)/u);
  });

  it('names the malformed field of an expectation', () => {
    assert.throws(() => readExpectation({ file: 'x.txt' }), /"paragraphs"/u);
    assert.equal(readExpectation(EXPECT).file, 'article.txt');
  });
});

describe('npm run corpus', () => {
  let dir = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'corpus-cli-'));
    writeFileSync(join(dir, 'article.txt'), ARTICLE);
    writeFileSync(join(dir, 'article.expect.json'), JSON.stringify(EXPECT));
    writeFileSync(join(dir, 'broken.expect.json'), '{"file": "nothing.txt"}');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const run = (...args: string[]) => spawnSync('npx', ['tsx', 'src/cli/corpus.ts', ...args], { cwd: root, encoding: 'utf8' });

  it('prints the table, names a bad expectation on stderr, and exits 0 (a report, not a gate)', () => {
    const r = run(dir);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /^article +\| 3\/4 \(0\)/mu);
    assert.match(r.stdout, /^TOTAL \(1 texts\)/mu);
    assert.match(r.stderr, /broken\.expect\.json: .*"paragraphs"/u);
  });

  it('prints the whole measurement as JSON with --json', () => {
    const r = run(dir, '--json');
    const out = JSON.parse(r.stdout);
    assert.equal(out.texts[0].name, 'article');
    assert.equal(out.totals.resolutionsSampled, 2);
  });

  it('gives a usage line without a folder and one line for a folder without expectations', () => {
    assert.equal(run().status, 2);
    const empty = mkdtempSync(join(tmpdir(), 'corpus-empty-'));
    const r = run(empty);
    rmSync(empty, { recursive: true, force: true });
    assert.equal(r.status, 1);
    assert.match(r.stderr, /no <name>\.expect\.json files/u);
  });
});
