// A hostile-input corpus for the analyzer and both command-line tools. Every
// file is generated here, once, in a temporary folder. Whatever the input:
// no crash, no stack trace, at most one line per problem on stderr, and the
// exit code the tools document (0 done, 1 bad input, 2 usage).
// Before: 150 KB of "(" and a 5 MB line overflowed the stack in damage/tokens.ts
// (a spread of every unmatched bracket into push), a 1 MB line of glued tokens
// printed 104,860 flags (139 MB), and `search` took `a#b?.txt` for a URL.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MAX_FLAGS_PER_KIND } from '../../src/analysis/flag-cap.ts';

const root = join(import.meta.dirname, '..', '..');
const MB = 1024 * 1024;

function run(script: string, ...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', `src/cli/${script}.ts`, ...args], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 256 * MB,
  });
  const stderr = r.stderr.split('\n').filter((l) => l !== '');
  return { code: r.status, stdout: r.stdout, stderr };
}

/** No stack trace, no error class name: only sentences. */
function assertNoTrace(stderr: readonly string[]): void {
  for (const line of stderr) {
    assert.doesNotMatch(line, /^\s+at\s|\bat .+:\d+:\d+\)?$|^\w*Error\b|node:internal/u, line);
  }
}

/** A fixed pseudo-random sequence (the corpus is the same on every run). */
function garbage(length: number): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEF0123456789()[]{}"$.,;:!?-   ';
  let seed = 42;
  let s = '';
  for (let i = 0; i < length; i++) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    s += alphabet[seed % alphabet.length];
  }
  return s;
}

/** Prose with one flag (a missing space), so that every file it is in has a target. */
const PROSE = 'The delegation arrived in Santiago in May. It met the minister in1959 twice.\n';
/** Readable texts with hostile shapes or names: each analyses to exit 0. */
const GOOD: Record<string, string | Buffer> = {
  'crlf.txt': 'A heading\r\n\r\nThe delegation arrived in Santiago in May.\r\nIt met the minister twice.\r\n',
  'cr-only.txt': 'A heading\r\rThe delegation arrived in Santiago in May.\rIt met the minister twice.\r',
  'bom.txt': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(PROSE)]),
  'a#b?.txt': PROSE,
  'a%20b.txt': PROSE,
  'with space.txt': PROSE,
  'ünïcødé 文字 😀.txt': PROSE,
  'controls.txt': `Text with \u0007 bell, \u202e override and \ufffd replacement.\n`,
  'markers.txt': `${'[1]'.repeat(50_000)}\n`,
};
/** Unreadable inputs and the sentence each gets. */
const BAD: Record<string, [Buffer | 'dir' | 'missing', RegExp]> = {
  'nul.txt': [Buffer.from('text\u0000with NUL\n'), /is not a text file \(it contains NUL bytes, the first at byte 4\)$/u],
  'latin1.txt': [Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a]), /is not a UTF-8 text file \(the bytes at offset 3 are not valid UTF-8\)$/u],
  'wtf8-surrogate.txt': [Buffer.from([0x61, 0xed, 0xa0, 0x80, 0x62, 0x0a]), /is not a UTF-8 text file \(the bytes at offset 1 are not valid UTF-8\)$/u],
  'empty.txt': [Buffer.alloc(0), /is empty$/u],
  'blank.txt': [Buffer.from(' \r\n\t\n'), /contains only whitespace$/u],
  'a folder': ['dir', /is a directory, not a text file$/u],
  'missing.txt': ['missing', /does not exist$/u],
};

let dir = '';
const path = (name: string) => join(dir, name);

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'hostile-'));
  for (const [name, content] of Object.entries(GOOD)) writeFileSync(path(name), content);
  for (const [name, [content]] of Object.entries(BAD)) {
    if (content === 'dir') mkdirSync(path(name));
    else if (content !== 'missing') writeFileSync(path(name), content);
  }
  writeFileSync(path('parens.txt'), '('.repeat(150 * 1024));
  writeFileSync(path('garbage-1mb.txt'), garbage(MB));
  // One line of 5 MB of prose in which one sentence of five has a missing space ("in1959"): far past the cap,
  // and a small enough share of the sentences that the genre back-off keeps them as damage.
  const unit = 'It met the minister in1959 twice. The delegation arrived in Santiago in May. They talked for an hour. They left the city. Nobody slept that night. ';
  writeFileSync(path('line-5mb.txt'), unit.repeat(Math.ceil((5 * MB) / unit.length)));
});
after(() => rmSync(dir, { recursive: true, force: true }));

interface Item {
  target: { source: string } | { source: string }[];
  body: { purpose?: string; value?: string }[];
}
const tagOf = (a: Item) => a.body.find((b) => b.purpose === 'tagging')?.value;

/** Analyses `name` alone and checks the collection and its caps. */
function analyzeAlone(name: string): Item[] {
  const r = run('analyze', path(name));
  assertNoTrace(r.stderr);
  assert.deepEqual(r.stderr, [], name);
  assert.equal(r.code, 0, name);
  const c = JSON.parse(r.stdout) as { type: string; total: number; items: Item[] };
  assert.equal(c.type, 'AnnotationCollection');
  assert.equal(c.total, c.items.length);
  const perKind = new Map<string, number>();
  for (const a of c.items) if (a.body.some((b) => b.purpose === 'tagging')) perKind.set(tagOf(a)!, (perKind.get(tagOf(a)!) ?? 0) + 1);
  for (const [kind, n] of perKind) if (kind !== 'footnote') assert.ok(n <= MAX_FLAGS_PER_KIND + 1, `${name}: ${n} "${kind}" flags`);
  return c.items;
}

describe('analyze on hostile input', () => {
  it('150 KB of "(" : no stack overflow, and no flag for each bracket of a text that is not prose', () => {
    // 153,600 unclosed brackets in one "sentence" are the text's shape, not damage: the genre back-off drops the
    // family (damage/genre.ts). Before, the spread of every unmatched bracket into push overflowed the stack.
    const items = analyzeAlone('parens.txt');
    assert.equal(items.filter((a) => tagOf(a) === 'garbled').length, 0);
  });

  it('a 1 MB line of random characters', () => {
    analyzeAlone('garbage-1mb.txt');
  });

  it('a 5 MB single line: streamed, with one summary flag for the flags past the cap', () => {
    const items = analyzeAlone('line-5mb.txt');
    const summaries = items.filter((a) => /too many to list/u.test(a.body.find((b) => b.purpose === 'describing')?.value ?? ''));
    assert.equal(summaries.length, 1);
    assert.equal(tagOf(summaries[0]!), 'garbled');
    assert.match(summaries[0]!.body.find((b) => b.purpose === 'describing')!.value!, /^35,666 "garbled" flags were found/u);
  });

  it('CRLF, CR-only, BOM, control characters, 50,000 markers and file names with #, ?, %20, spaces and unicode', () => {
    const names = Object.keys(GOOD);
    const r = run('analyze', ...names.map(path));
    assertNoTrace(r.stderr);
    assert.deepEqual(r.stderr, []);
    assert.equal(r.code, 0);
    const c = JSON.parse(r.stdout) as { items: Item[] };
    const sources = new Set(c.items.flatMap((a) => (Array.isArray(a.target) ? a.target : [a.target]).map((t) => t.source)));
    for (const source of sources) assert.ok(names.map(path).includes(fileURLToPath(source)), `${source} is a file:// URL of an input`);
    for (const name of ['bom.txt', 'a#b?.txt', 'a%20b.txt', 'with space.txt', 'ünïcødé 文字 😀.txt']) {
      assert.ok(sources.has(pathToFileURL(path(name)).href), name);
    }
  });

  it('refuses every unreadable input with one sentence naming it, and exit code 1', () => {
    const names = Object.keys(BAD);
    const r = run('analyze', ...names.map(path), path('crlf.txt'));
    assertNoTrace(r.stderr);
    assert.equal(r.code, 1);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr.length, names.length, r.stderr.join('\n'));
    names.forEach((name, i) => {
      assert.ok(r.stderr[i]!.startsWith(`analyze: ${path(name)}: `), r.stderr[i]);
      assert.match(r.stderr[i]!, BAD[name]![1]);
    });
  });

  it('gives usage and exit code 2 without files', () => {
    const r = run('analyze');
    assert.equal(r.code, 2);
    assert.deepEqual(r.stderr, ['usage: npm run --silent analyze -- FILE...']);
  });
});

describe('search on hostile input', () => {
  const entry = (file: string, i: number) => ({
    id: `t${i}`, file, iri: `https://example.org/t${i}`, kind: 'test', language: 'en', title: null, author: null, missing: [], label: file,
  });

  it('reads file names as paths, skips each unreadable text with one sentence, and searches the rest', () => {
    const files = [...Object.keys(GOOD), ...Object.keys(BAD), 'parens.txt', 'garbage-1mb.txt'];
    writeFileSync(path('manifest.json'), JSON.stringify({ documents: files.map(entry) }));
    const r = run('search', '--json', '--documents', dir, 'minister');
    assertNoTrace(r.stderr);
    assert.equal(r.code, 0, r.stderr.join('\n'));
    const skipped = Object.keys(BAD);
    assert.equal(r.stderr.length, skipped.length, r.stderr.join('\n'));
    skipped.forEach((name, i) => {
      assert.ok(r.stderr[i]!.startsWith(`search: skipping ${name}: it `), r.stderr[i]);
      assert.ok(r.stderr[i]!.endsWith('.'), 'a sentence');
      assert.match(r.stderr[i]!.slice(0, -1), BAD[name]![1]);
    });
    const hits = JSON.parse(r.stdout) as { document: string }[];
    const found = new Set(hits.map((h) => files[Number(h.document.slice(1))]));
    for (const name of ['a#b?.txt', 'a%20b.txt', 'with space.txt', 'ünïcødé 文字 😀.txt', 'bom.txt', 'crlf.txt', 'cr-only.txt']) {
      assert.ok(found.has(name), `${name} searched`);
    }
  });

  it('says in one line, with exit code 1, when no text can be read', () => {
    const only = mkdtempSync(join(dir, 'only-bad-'));
    writeFileSync(join(only, 'empty.txt'), '');
    writeFileSync(join(only, 'manifest.json'), JSON.stringify({ documents: [entry('empty.txt', 0)] }));
    const r = run('search', '--documents', only, 'x');
    assertNoTrace(r.stderr);
    assert.equal(r.code, 1);
    assert.deepEqual(r.stderr, ['search: skipping empty.txt: it is empty.', 'search: No text in the manifest could be read.']);
  });

  it('names a manifest that is not JSON in one line', () => {
    const broken = mkdtempSync(join(dir, 'broken-'));
    writeFileSync(join(broken, 'manifest.json'), '{"documents": [');
    const r = run('search', '--documents', broken, 'x');
    assertNoTrace(r.stderr);
    assert.equal(r.code, 1);
    assert.equal(r.stderr.length, 1);
    assert.match(r.stderr[0]!, /manifest\.json is not JSON/u);
  });
});
