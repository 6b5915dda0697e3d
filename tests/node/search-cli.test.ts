import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CodePointIndex } from '../../src/document/code-points.ts';
import { foldWord } from '../../src/text/fold.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

function cli(...args: string[]) {
  const r = spawnSync('npx', ['tsx', 'src/cli/search.ts', ...args], { cwd: root, encoding: 'utf8' });
  // npx itself may warn about the machine's npm configuration; that is not the command's output.
  const stderr = r.stderr.split('\n').filter((l) => !/^npm warn/iu.test(l)).join('\n');
  return { code: r.status, stdout: r.stdout, stderr };
}

interface JsonHit {
  document: string;
  score: number;
  snippet: string;
  matches: [number, number][];
}

const ASTRAL_TEXT = '😀😀 Zürich <img src=x onerror=alert(1)> here.\n\nAnother passage about Zurich.\n';
let dir = '';

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'search-cli-'));
  writeFileSync(join(dir, 'one.txt'), ASTRAL_TEXT);
  const entry = (id: string, file: string) => ({ id, file, iri: `https://example.org/${file}`, kind: 'test', language: 'en', title: null, author: null, missing: [], label: id });
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ documents: [entry('one', 'one.txt'), entry('lost', 'missing.txt')] }));
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('search command line', () => {
  it('prints {document, score, snippet, matches} with code-point offsets, skipping an unreadable text', () => {
    const r = cli('--json', '--documents', dir, 'zurich');
    assert.equal(r.code, 0);
    assert.match(r.stderr, /missing\.txt/u);
    const hits = JSON.parse(r.stdout) as JsonHit[];
    assert.equal(hits.length, 2);
    const index = new CodePointIndex(ASTRAL_TEXT);
    for (const hit of hits) {
      assert.deepEqual(Object.keys(hit).sort(), ['document', 'matches', 'score', 'snippet']);
      assert.equal(hit.document, 'one');
      for (const [s, e] of hit.matches) {
        assert.equal(foldWord(ASTRAL_TEXT.slice(index.toCodeUnits(s), index.toCodeUnits(e))), 'zurich');
      }
    }
    // Two astral characters before the first match: code points are two fewer than code units.
    const first = hits.find((h) => h.snippet.includes('😀'))!;
    assert.deepEqual(first.matches[0], [ASTRAL_TEXT.indexOf('Zürich') - 2, ASTRAL_TEXT.indexOf('Zürich') + 4]);
  });

  it('searches the project documents by default, naming hits by manifest id', () => {
    const ids = (JSON.parse(readFileSync(join(root, 'documents/manifest.json'), 'utf8')) as { documents: { id: string; file: string }[] }).documents;
    const r = cli('--json', 'Corvalan');
    assert.equal(r.code, 0);
    const hits = JSON.parse(r.stdout) as JsonHit[];
    assert.ok(hits.length > 0);
    for (const hit of hits) {
      const entry = ids.find((d) => d.id === hit.document);
      assert.ok(entry, hit.document);
      const source = readFileSync(join(root, 'documents', entry.file), 'utf8');
      const index = new CodePointIndex(source);
      for (const [s, e] of hit.matches) assert.equal(foldWord(source.slice(index.toCodeUnits(s), index.toCodeUnits(e))), 'corvalan');
    }
    assert.ok(hits.every((h, i) => i === 0 || hits[i - 1]!.score >= h.score), 'ranked best first');
  });

  it('prints a table with the matched words marked, and markup as plain text', () => {
    const r = cli('--documents', dir, 'onerror');
    assert.equal(r.code, 0);
    assert.match(r.stdout, /»onerror«/u);
    assert.match(r.stdout, /<img src=x/u);
  });

  it('answers hostile queries with no hits or hits, never a crash', () => {
    for (const q of ['foo:', '+', '"', '^2', '-']) {
      const r = cli('--json', '--documents', dir, '--', q);
      assert.equal(r.code, 0, q);
      assert.deepEqual(JSON.parse(r.stdout), [], q);
    }
    const table = cli('--documents', dir, 'foo:');
    assert.match(table.stdout, /No results/u);
  });

  it('rejects a missing query or an unknown option with usage on stderr', () => {
    const none = cli('--json');
    assert.equal(none.code, 2);
    assert.match(none.stderr, /no query/u);
    const bad = cli('--jsn', 'x');
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--jsn/u);
  });

  it('names an unreadable manifest in one line and exits 1', () => {
    const r = cli('--documents', join(dir, 'nowhere'), 'x');
    assert.equal(r.code, 1);
    assert.match(r.stderr, /manifest\.json/u);
    assert.equal(r.stderr.trim().split('\n').length, 1);
  });
});
