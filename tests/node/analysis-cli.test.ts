import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = join(import.meta.dirname, '..', '..');

function analyze(...files: string[]) {
  const r = spawnSync('npx', ['tsx', 'src/cli/analyze.ts', ...files], { cwd: root, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr.split('\n').filter((l) => l && !l.startsWith('npm warn')) };
}

describe('npm run analyze', () => {
  let dir = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'analyze-cli-'));
    writeFileSync(join(dir, 'a.txt'), 'A first text ends well.\n\nIt has a paragraph that breaks off in the\n');
    writeFileSync(join(dir, 'b.txt'), 'A second text with a claim.[citation needed]\n');
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'binary.dat'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x0d, 0x0a]));
    writeFileSync(join(dir, 'latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints one AnnotationCollection whose targets are the files\' file:// URLs', () => {
    const r = analyze(join(dir, 'a.txt'), join(dir, 'b.txt'));
    assert.equal(r.code, 0, r.stderr.join('\n'));
    const c = JSON.parse(r.stdout);
    assert.equal(c.type, 'AnnotationCollection');
    assert.equal(c.total, c.items.length);
    const sources = new Set(c.items.map((a: { target: { source: string } }) => a.target.source));
    assert.deepEqual([...sources].sort(), [pathToFileURL(join(dir, 'a.txt')).href, pathToFileURL(join(dir, 'b.txt')).href]);
    const tags = c.items.flatMap((a: { body: { purpose?: string; value?: string }[] }) => a.body.filter((b) => b.purpose === 'tagging').map((b) => b.value));
    assert.deepEqual(tags.sort(), ['truncated', 'unsupported']);
  });

  const failures: readonly [string, string, RegExp][] = [
    ['a missing file', 'nope.txt', /nope\.txt: does not exist$/],
    ['an empty file', 'empty.txt', /empty\.txt: is empty/],
    ['a binary file', 'binary.dat', /binary\.dat: is not a text file \(it contains NUL bytes, the first at byte 4\)$/],
    ['a file that is not UTF-8', 'latin1.txt', /latin1\.txt: is not a UTF-8 text file \(the bytes at offset 3 are not valid UTF-8\)$/],
  ];
  for (const [what, file, message] of failures) {
    it(`refuses ${what} with one line on stderr and a non-zero exit`, () => {
      const r = analyze(join(dir, 'a.txt'), join(dir, file));
      assert.notEqual(r.code, 0);
      assert.equal(r.stdout, '');
      assert.equal(r.stderr.length, 1);
      assert.match(r.stderr[0]!, message);
    });
  }

  it('prints usage and exits 2 without files', () => {
    const r = analyze();
    assert.equal(r.code, 2);
    assert.match(r.stderr[0]!, /usage/);
  });
});
