import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parsePlainText } from '../../src/document/parse.ts';
import { textReferences } from '../../src/analysis/references/index.ts';

/** A Wikipedia-style article: a symbol outside the BMP before the notes so code points and code units differ. */
const ARTICLE = `Copper diplomacy

The mission opened in 1964 𝔸 after long talks.[1] Trade grew for a decade.[2] A poem was sent.[3]

References

  1. ^ Doe, Jane (2011). Copper and Empire. Chapel Hill, NC: University Press. p. 150.
  2. ^ a b "Trade in the Pacific" (in Spanish). Embassy News. 19 February 2007. Retrieved 2009-03-31.
  3. ^ Roe, Richard. "A Long Petal & Waves". Poetry Site. https://example.org/p_1. Retrieved 22 August 2020.
`;

describe('textReferences', () => {
  it('reads every entry of the notes list, with the span of its text', () => {
    const parsed = parsePlainText(ARTICLE);
    const refs = textReferences(parsed);
    assert.deepEqual(refs.map((r) => r.item.id), ['note-1', 'note-2', 'note-3']);
    assert.equal(ARTICLE.slice(refs[0]!.span.from, refs[0]!.span.to), 'Doe, Jane (2011). Copper and Empire. Chapel Hill, NC: University Press. p. 150.');
    assert.ok(ARTICLE.slice(refs[1]!.span.from, refs[1]!.span.to).startsWith('"Trade in the Pacific"'));
    assert.equal(refs[0]!.item.publisher, 'University Press');
    assert.equal(refs[1]!.item.language, 'Spanish');
    assert.equal(refs[2]!.item.URL, 'https://example.org/p_1');
  });

  it('gives nothing for a text without a notes list', () => {
    assert.deepEqual(textReferences(parsePlainText('A title\n\nJust prose, no notes.\n')), []);
  });
});

describe('references command', () => {
  const root = new URL('../..', import.meta.url).pathname;
  const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/references.ts', ...args], { cwd: root, encoding: 'utf8' });
  const withFile = (test: (file: string) => void): void => {
    const dir = mkdtempSync(join(tmpdir(), 'references-'));
    try {
      const file = join(dir, 'article.txt');
      writeFileSync(file, ARTICLE);
      test(file);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  it('prints CSL-JSON items with code-point spans with --json', () => {
    withFile((file) => {
      const r = run('--json', file);
      assert.equal(r.status, 0, r.stderr);
      const items = JSON.parse(r.stdout) as { id: string; type: string; title?: string; span: { start: number; end: number } }[];
      assert.equal(items.length, 3);
      assert.equal(items[0]!.type, 'book');
      assert.equal(items[0]!.title, 'Copper and Empire');
      const points = [...ARTICLE];
      for (const item of items) {
        const text = points.slice(item.span.start, item.span.end).join('');
        assert.ok(text.includes(item.title!), `${item.id}: ${text}`);
      }
    });
  });

  it('prints BibTeX and RIS with --format', () => {
    withFile((file) => {
      const bib = run('--format', 'bibtex', file);
      assert.equal(bib.status, 0, bib.stderr);
      assert.equal((bib.stdout.match(/^@\w+\{note-\d+,$/gmu) ?? []).length, 3);
      assert.match(bib.stdout, /title = \{\{A Long Petal \\& Waves\}\}/u);
      const ris = run('--format=ris', file);
      assert.equal(ris.status, 0, ris.stderr);
      assert.equal((ris.stdout.match(/^ER {2}- $/gmu) ?? []).length, 3);
      assert.match(ris.stdout, /^UR {2}- https:\/\/example\.org\/p_1$/mu);
    });
  });

  it('refuses an unknown format and a missing file with their exit codes', () => {
    const bad = run('--format', 'endnote', 'x.txt');
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /usage: npm run --silent references/u);
    const missing = run('--json', join(tmpdir(), 'no-such-file-for-references.txt'));
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /^references: .*no-such-file-for-references\.txt/u);
    assert.equal(missing.stdout.trim(), '[]');
  });
});
