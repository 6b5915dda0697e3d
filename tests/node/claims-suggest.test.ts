import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parsePlainText } from '../../src/document/parse.ts';
import { learnAliases, matchClaims, PassageError, suggestClaims, directionsOf, type ClaimText } from '../../src/analysis/claims/index.ts';
import { compareDirections } from '../../src/analysis/claims/direction.ts';
import { claimUnits } from '../../src/analysis/claims/units.ts';

const root = new URL('../../', import.meta.url).pathname;

function text(iri: string, paragraphs: readonly string[]): ClaimText {
  const t = paragraphs.join('\n\n') + '\n';
  return { iri, text: t, parsed: parsePlainText(t) };
}

// Two invented accounts of an invented country. Each paraphrase pair says one thing in other words.
const FIRST = text('https://example.org/annals.txt', [
  'The harbour of Lorvik was closed to foreign ships for most of the winter because the ice never broke up.',
  'Minister Halvard Strand resigned after the newspapers revealed that he had sold state forests to his cousin.',
  'Farmers in the southern valleys abandoned their fields when three dry summers in a row ruined the wheat.',
  'The new railway from Lorvik to the mountain mines carried its first load of iron ore in the spring.',
  'Teachers across the country went on strike for six weeks to demand higher wages and smaller classes.',
  'The royal library lost most of its old manuscripts in a fire that started in the reading room.',
  'A choir from the capital toured the northern towns and sang old fishing songs in every church.',
]);
const SECOND = text('https://example.org/chronicle.txt', [
  'A fire that broke out in the reading room destroyed the greater part of the royal library\'s ancient manuscripts.',
  'Because the ice did not break up, foreign vessels could not enter Lorvik harbour through much of the winter.',
  'The price of fish at the capital market doubled during the long winter.',
  'After three successive summers of drought had ruined their wheat, farmers of the southern valleys left their land.',
  'Newspapers disclosed that Halvard Strand had sold forests belonging to the state to a cousin, and the minister stepped down.',
  'For six weeks teachers all over the country stayed away from school, demanding better pay and smaller classes.',
  'Iron ore from the mountain mines first travelled on the new Lorvik railway that spring.',
  'The painter Ada Lund opened a school of drawing in the old customs house.',
]);

/** The source offset of `fragment` in `t` (the caret placed inside its sentence). */
function caretAt(t: ClaimText, fragment: string): number {
  const at = t.text.indexOf(fragment);
  assert.ok(at >= 0, `fragment not found: ${fragment}`);
  return at + 3;
}

describe('claims: suggestions on demand', () => {
  const pairs: ReadonlyArray<readonly [string, string]> = [
    ['The harbour of Lorvik', 'Because the ice did not break up'],
    ['Minister Halvard Strand resigned', 'Newspapers disclosed'],
    ['Farmers in the southern valleys', 'After three successive summers'],
    ['The new railway from Lorvik', 'Iron ore from the mountain mines'],
    ['Teachers across the country', 'For six weeks teachers'],
    ['The royal library lost', 'A fire that broke out'],
  ];
  for (const [from, expected] of pairs) {
    it(`finds the paraphrase of "${from}…" within the top five`, () => {
      const at = caretAt(FIRST, from);
      const suggestions = suggestClaims({ text: FIRST, from: at, to: at }, [SECOND]);
      assert.ok(suggestions.length <= 5);
      const rank = suggestions.findIndex((s) => s.quote.startsWith(expected));
      assert.ok(rank >= 0, `"${expected}" not among: ${suggestions.map((s) => s.quote.slice(0, 40)).join(' | ')}`);
    });
  }

  it('ranks best first, marks the shared words inside the suggested passage, and names a relation', () => {
    const at = caretAt(FIRST, 'The royal library lost');
    const [best, ...rest] = suggestClaims({ text: FIRST, from: at, to: at }, [SECOND]);
    assert.ok(best);
    assert.ok(best.quote.startsWith('A fire that broke out'));
    for (const r of rest) assert.ok(r.score <= best.score);
    assert.ok(best.shared.some((w) => /library/iu.test(w)), `shared: ${best.shared.join(', ')}`);
    for (const [f, t] of best.marks) assert.ok(f >= best.from && t <= best.to && SECOND.text.slice(f, t).length > 0);
    assert.ok(['agrees', 'conflicts', 'related'].includes(best.relation));
  });

  it('takes a selection as it is, and refuses a passage outside the text or without words', () => {
    const from = FIRST.text.indexOf('teachers'.replace('t', 'T'));
    const to = FIRST.text.indexOf('smaller classes') + 'smaller classes'.length;
    const [best] = suggestClaims({ text: FIRST, from, to }, [SECOND]);
    assert.ok(best?.quote.startsWith('For six weeks teachers'));
    assert.throws(() => suggestClaims({ text: FIRST, from: 0, to: FIRST.text.length + 5 }, [SECOND]), PassageError);
    const blank = FIRST.text.indexOf('\n\n');
    assert.throws(() => suggestClaims({ text: FIRST, from: blank, to: blank + 2 }, [SECOND]), PassageError);
  });
});

describe('claims: actor aliases', () => {
  it('learns aliases from definitions in the text and from acronyms of spelled-out names', () => {
    const table = learnAliases([
      'The Popular Unity (Unidad Popular, UP) coalition won. The Communist Party of the Soviet Union met in May.',
      'Later the CPSU and the UP quarrelled.',
    ]);
    assert.equal(table.actorOf('UP'), table.actorOf('Popular Unity'));
    assert.equal(table.actorOf('Unidad Popular'), table.actorOf('Popular Unity'));
    assert.equal(table.actorOf('CPSU'), table.actorOf('Communist Party of the Soviet Union'));
    assert.notEqual(table.actorOf('UP'), table.actorOf('CPSU'));
    // The gazetteer: a country, its short name, demonym and seat of government.
    assert.equal(table.actorOf('USSR'), table.actorOf('the Soviet Union'));
    assert.equal(table.actorOf('Soviets'), table.actorOf('Moscow'));
    assert.equal(table.actorOf("Chile's"), table.actorOf('Chilean'));
  });

  it('links "the USSR" in one text with "the Soviet Union" in another as one actor', () => {
    const x = text('https://example.org/x.txt', [
      'The USSR refused to renew the fishing treaty with Lorvania, citing the long quarrel over northern harbour fees.',
      'The king opened a new bridge over the river in the capital.',
    ]);
    const y = text('https://example.org/y.txt', [
      'Because of the long quarrel over harbour fees in the north, the Soviet Union refused to renew its fishing treaty with Lorvania.',
      'A storm destroyed half of the apple harvest in the western hills.',
    ]);
    const aliases = learnAliases([x.text, y.text]);
    const [ux] = claimUnits(x.parsed, aliases);
    const [uy] = claimUnits(y.parsed, aliases);
    const actor = aliases.actorOf('USSR')!;
    assert.ok(ux!.terms.has(actor) && uy!.terms.has(actor), 'both units should name the same actor');
    const links = matchClaims([x, y]);
    const link = links.find((m) => m.a.quote.includes('USSR') && m.b.quote.includes('Soviet Union'));
    assert.ok(link, `not linked: ${JSON.stringify(links.map((l) => [l.a.quote, l.b.quote]))}`);
    assert.notEqual(link.relation, 'conflicts');
  });
});

describe('claims: direction and measure', () => {
  it('labels a rise against a fall of the same figure a conflict and names both', () => {
    const x = text('https://example.org/x.txt', [
      'In 1972 industrial production in Norland rose by 9 percent, the ministry of trade reported.',
      'The king opened a new bridge over the river in the capital.',
    ]);
    const y = text('https://example.org/y.txt', [
      'According to the ministry of trade, industrial production in Norland dropped by 9 per cent in 1972.',
      'A storm destroyed half of the apple harvest in the western hills.',
    ]);
    const [link] = matchClaims([x, y]);
    assert.ok(link, 'the two accounts should be linked');
    assert.equal(link.relation, 'conflicts');
    assert.match(link.description, /rose by 9 percent vs dropped by 9 per cent/u);
  });

  it('does not link two sentences that share a figure but not what it measures', () => {
    const x = text('https://example.org/x.txt', [
      'Unemployment in Norland reached 12 percent in 1975, the statistics office of the northern provinces reported.',
      'The king opened a new bridge over the river in the capital.',
    ]);
    const y = text('https://example.org/y.txt', [
      'Inflation in Norland reached 12 percent in 1975, the statistics office of the northern provinces reported.',
      'A storm destroyed half of the apple harvest in the western hills.',
    ]);
    assert.deepEqual(matchClaims([x, y]).map((m) => [m.a.quote, m.b.quote]), []);
  });

  it('reads negation: "had not severed relations" points the way "maintained relations" does', () => {
    const a = directionsOf('The Soviet Union had not previously severed relations with the new regimes.');
    const b = directionsOf('Moscow had maintained diplomatic relations with the new governments.');
    const c = directionsOf('Moscow cut diplomatic relations with the junta.');
    assert.deepEqual(compareDirections(a, b).differences, []);
    assert.equal(compareDirections(a, b).agreements.length, 1);
    assert.equal(compareDirections(b, c).differences.length, 1);
    assert.equal(compareDirections(b, c).differences[0]!.axis, 'relations');
  });
});

describe('claims: subject check', () => {
  it('makes no automatic link between texts on different subjects, though a suggestion still finds the look-alike', () => {
    const speech = text('https://example.org/speech.txt', [
      'Fellow citizens of Amberland, Governor Tollan asks the assembly of Amberland to fund the canal at Wessel.',
      'Governor Tollan reminds the assembly that the canal at Wessel will carry the grain of Amberland to the sea.',
      'I beg indulgence to discuss these proposed articles at some length before the assembly adjourns.',
    ]);
    const battle = text('https://example.org/battle.txt', [
      'Marshal Ruvek led the army of Castria against the fortress of Belgor in the spring campaign.',
      'The council of Castria met to discuss these proposed articles at some length before the assembly adjourned.',
      'Marshal Ruvek took Belgor after a siege of nine weeks, and Castria held the pass for a decade.',
    ]);
    assert.deepEqual(matchClaims([speech, battle]).map((m) => [m.a.quote, m.b.quote]), []);
    const at = speech.text.indexOf('I beg indulgence') + 2;
    const [best] = suggestClaims({ text: speech, from: at, to: at }, [battle]);
    assert.ok(best?.quote.startsWith('The council of Castria met'));
  });
});

describe('claims: compare command', () => {
  const dir = mkdtempSync(join(tmpdir(), 'compare-'));
  const first = join(dir, 'first.txt');
  const second = join(dir, 'second.txt');
  writeFileSync(first, FIRST.text);
  writeFileSync(second, SECOND.text);
  const run = (...args: string[]) => spawnSync('npx', ['tsx', 'src/cli/compare.ts', ...args], { cwd: root, encoding: 'utf8' });

  it('prints ranked candidates as JSON with code-point offsets, best first, at most 10', () => {
    const start = [...FIRST.text.slice(0, FIRST.text.indexOf('The royal library'))].length;
    const end = start + [...'The royal library lost most of its old manuscripts'].length;
    const r = run('--json', '--from', `${first}:${start}-${end}`, second);
    assert.equal(r.status, 0, r.stderr);
    const rows = JSON.parse(r.stdout) as Array<{ document: string; start: number; end: number; score: number; relation: string; shared: string[] }>;
    assert.ok(rows.length >= 1 && rows.length <= 10);
    assert.equal(rows[0]!.document, second);
    assert.equal([...SECOND.text].slice(rows[0]!.start, rows[0]!.end).join('').slice(0, 21), 'A fire that broke out');
    for (let i = 1; i < rows.length; i++) assert.ok(rows[i]!.score <= rows[i - 1]!.score);
    assert.deepEqual(Object.keys(rows[0]!).sort(), ['document', 'end', 'relation', 'score', 'shared', 'start']);
  });

  it('gives one line and a non-zero exit for a bad file or argument', () => {
    for (const args of [
      ['--json', '--from', `${first}:5-2`, second],
      ['--json', '--from', `${first}:0-10`],
      ['--json', '--from', `${join(dir, 'missing.txt')}:0-10`, second],
      ['--json', '--from', `${first}:0-999999`, second],
      ['--json', '--from', `${first}`, second],
    ]) {
      const r = run(...args);
      assert.notEqual(r.status, 0, args.join(' '));
      assert.equal(r.stdout, '');
      assert.equal(r.stderr.trim().split('\n')[0]!.startsWith('compare: '), true, r.stderr);
      assert.doesNotMatch(r.stderr, /\n\s+at /u, 'no stack trace');
    }
  });
});
