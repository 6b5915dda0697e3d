import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parsePlainText } from '../../src/document/parse.ts';
import { isoOf, joinLinkedEvents, periodsIn, timelineEvents, type TimelineEvent } from '../../src/analysis/timeline/index.ts';

const iso = (e: Pick<TimelineEvent, 'start' | 'end'>) => `${isoOf(e.start)}/${isoOf(e.end)}`;

describe('periodsIn', () => {
  const cases: readonly [string, string[]][] = [
    ['The treaty was signed on 3 March 1921 in Riga.', ['1921-03-03/1921-03-03']],
    ['The mission lasted from 1931 to 1935.', ['1931/1935']],
    ['The mission lasted 1931–1935, with a pause.', ['1931/1935']],
    ['The mission lasted 1931–35, with a pause.', ['1931/1935']],
    ['It grew between 1931 and 1935.', ['1931/1935']],
    ['It grew in 1931 and 1935.', ['1931/1931', '1935/1935']],
    ['He travelled from 1931, when the war began, until 1935.', ['1931/1935']],
    ['In the first eight months of 1974 exports fell.', ['1974-01/1974-08']],
    ['In the last three months of 1974 exports fell.', ['1974-10/1974-12']],
    ['In the second half of 1974 exports rose.', ['1974-07/1974-12']],
    ['By the early 1950s the port had closed.', ['1950/1959']],
    ['The visit ran from 2 – 4 June 2011 in Lima.', ['2011-06-02/2011-06-04']],
    ['The talks ran from May to August 1962.', ['1962-05/1962-08']],
    ['The talks ran between May and August 1962.', ['1962-05/1962-08']],
    ['The talks stalled in May and August 1962.', ['1962-08/1962-08']],
    ['It cost $1935 and 1,931 men.', []],
  ];
  for (const [sentence, expected] of cases) {
    it(`"${sentence}" → ${expected.join(', ') || 'nothing'}`, () => {
      assert.deepEqual(periodsIn(sentence).map(iso), expected);
    });
  }

  it('completes a date without a year from the year in force, and leaves it out when none is known', () => {
    assert.deepEqual(periodsIn('Talks resumed on 22 September.', 1962).map(iso), ['1962-09-22/1962-09-22']);
    assert.deepEqual(periodsIn('Talks resumed on 22 September.'), []);
  });
});

describe('timelineEvents', () => {
  const text = [
    'A history',
    '',
    'The port opened on 3 March 1921. Trade grew quickly, and on 22 September a second quay was built.',
    '',
    'Exports fell in the first eight months of 1930. Nothing is dated here.',
    '',
    'Notes',
    '',
    '1. Smith, J. (1931). Ports of the north. Journal of Trade 4, pp. 1–20. Retrieved 5 May 2010.',
  ].join('\n');
  const events = timelineEvents(parsePlainText(text));

  it('gives one event per dated statement, with its sentence and the precision the text gives', () => {
    assert.deepEqual(
      events.map((e) => [iso(e), e.precision, e.text]),
      [
        ['1921-03-03/1921-03-03', 'day', 'The port opened on 3 March 1921.'],
        ['1921-09-22/1921-09-22', 'day', 'Trade grew quickly, and on 22 September a second quay was built.'],
        ['1930-01/1930-08', 'month', 'Exports fell in the first eight months of 1930.'],
      ],
    );
  });

  it('points at the sentence and at the date inside it', () => {
    const e = events[1]!;
    assert.equal(text.slice(e.from, e.to), 'Trade grew quickly, and on 22 September a second quay was built.');
    assert.equal(text.slice(e.mention.from, e.mention.to), '22 September');
  });

  it('does not take a reference entry for an event', () => {
    assert.ok(events.every((e) => !e.text.includes('Smith')));
  });
});

describe('joinLinkedEvents', () => {
  const a = 'Title A\n\nThe prisoners were exchanged on 18 December 1976 in Zurich. The embassy closed in 1973.';
  const b = 'Title B\n\nIn 1976 the exchange was agreed. It took place on 19 December 1976 at an airport. The embassy closed on 21 September 1973.';
  const ea = timelineEvents(parsePlainText(a));
  const eb = timelineEvents(parsePlainText(b));
  const span = (text: string, sentence: string) => ({ from: text.indexOf(sentence), to: text.indexOf(sentence) + sentence.length });
  const texts = [{ docId: 'a', events: ea }, { docId: 'b', events: eb }];

  it('joins the dated events at both ends of a link, and names the difference when the dates cannot be the same', () => {
    const joins = joinLinkedEvents(texts, [
      { id: 'l1', relation: 'conflicts', dismissed: false, ends: [{ docId: 'a', ...span(a, 'The prisoners were exchanged') }, { docId: 'b', ...span(b, 'It took place on 19 December 1976') }] },
    ]);
    assert.equal(joins.length, 1);
    assert.equal(joins[0]!.conflict, '18 December 1976 vs 19 December 1976');
    assert.equal(ea[joins[0]!.a.index]!.precision, 'day');
  });

  it('takes a year and a day in that year for dates that can be the same', () => {
    const joins = joinLinkedEvents(texts, [
      { id: 'l2', relation: 'agrees', dismissed: false, ends: [{ docId: 'a', ...span(a, 'The embassy closed in 1973.') }, { docId: 'b', ...span(b, 'The embassy closed on 21 September 1973.') }] },
    ]);
    assert.equal(joins.length, 1);
    assert.equal(joins[0]!.conflict, null);
  });

  it('ignores dismissed links and links whose ends state no date', () => {
    const joins = joinLinkedEvents(texts, [
      { id: 'l3', relation: 'conflicts', dismissed: true, ends: [{ docId: 'a', ...span(a, 'The prisoners') }, { docId: 'b', ...span(b, 'It took place') }] },
      { id: 'l4', relation: 'related', dismissed: false, ends: [{ docId: 'a', from: 0, to: 7 }, { docId: 'b', from: 0, to: 7 }] },
    ]);
    assert.deepEqual(joins, []);
  });
});

describe('timeline command', () => {
  const root = join(import.meta.dirname, '..', '..');
  const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/timeline.ts', ...args], { cwd: root, encoding: 'utf8' });

  it('prints the events of every file in time order, offsets in code points, and names an unreadable file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'timeline-'));
    try {
      // An astral character before the date: code points and code units differ by one after it.
      writeFileSync(join(dir, 'a.txt'), 'Title\n\nA 😀 marks it. The port opened on 3 March 1921.\n');
      writeFileSync(join(dir, 'b.txt'), 'Title\n\nThe war began in 1914. Peace came from 1918 to 1919.\n');
      const r = run('--json', join(dir, 'a.txt'), join(dir, 'b.txt'), join(dir, 'missing.txt'));
      assert.equal(r.status, 1);
      assert.match(r.stderr, /missing\.txt does not exist/u);
      const rows = JSON.parse(r.stdout) as { document: string; start: number; end: number; date: { from: string; to: string }; precision: string; text: string }[];
      assert.deepEqual(rows.map((x) => [x.date.from, x.date.to, x.precision]), [
        ['1914', '1914', 'year'],
        ['1918', '1919', 'year'],
        ['1921-03-03', '1921-03-03', 'day'],
      ]);
      const port = rows[2]!;
      assert.equal(port.document, join(dir, 'a.txt'));
      assert.equal(port.text, 'The port opened on 3 March 1921.');
      assert.equal([...'Title\n\nA 😀 marks it. '].length, port.start);
      assert.equal(port.end - port.start, [...port.text].length);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says how to use it when given no file', () => {
    const r = run();
    assert.equal(r.status, 2);
    assert.match(r.stderr, /usage: npm run --silent timeline/u);
  });
});
