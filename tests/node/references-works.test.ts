import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parsePlainText } from '../../src/document/parse.ts';
import { validateAnnotation } from '../../src/annotations/validate.ts';
import { positionSelectorOf, quoteSelectorOf, targetsOf, descriptionOf } from '../../src/annotations/model.ts';
import { textReferences } from '../../src/analysis/references/index.ts';
import { sameWork, worksCitedInSeveralTexts, type Citation } from '../../src/analysis/references/works.ts';
import { proposeWorkLinks } from '../../src/analysis/references/works-annotation.ts';
import { analyzeTexts } from '../../src/analysis/analyze.ts';

/** Two articles of my own sharing two works (one by author, title and year in different spellings, one by DOI). */
const FIRST = `Copper diplomacy

The mission opened after long talks.[1] Trade grew.[2] Prices fell.[3] A namesake.[4]

References

  1. ^ Núñez, José (2011). Copper and Empire: A History. Chapel Hill: University Press. p. 150.
  2. ^ Roe, Richard (2005). "Trade in the Pacific". Journal of Trade. 12 (3): 4–19. doi:10.1000/JT.2005.12.
  3. ^ Poe, Edgar (1999). Prices. London: Small Press.
  4. ^ Lee, Ann (2001). The Harbour. Boston: Sea Press.
`;
const SECOND = `Pacific trade 𝔸

Exports rose.[1] The empire fell.[2] Another harbour.[3]

References

  1. ^ Smith, Bo (2005). "Pacific Trade Revisited". Journal of Trade. doi:10.1000/jt.2005.12.
  2. ^ Nunez, Jose (2011). Copper and empire — a history. Durham: Duke.
  3. ^ Kim, Sun (2001). The Harbour. Boston: Sea Press.
`;

const citations = (iri: string, text: string): Citation[] =>
  textReferences(parsePlainText(text)).map((r) => ({ iri, item: r.item, span: r.span }));

describe('sameWork', () => {
  const item = (fields: object) => ({ id: 'x', type: 'book' as const, ...fields });
  const doe2011 = { author: [{ family: 'Doe', given: 'Jane' }], title: 'Copper and Empire', issued: { 'date-parts': [[2011]] } };

  it('matches by DOI whatever the case or resolver prefix', () => {
    assert.ok(sameWork(item({ DOI: '10.1000/ABC' }), item({ DOI: 'https://doi.org/10.1000/abc' })));
  });

  it('does not match two different DOIs even when author, title and year agree', () => {
    assert.ok(!sameWork(item({ ...doe2011, DOI: '10.1/a' }), item({ ...doe2011, DOI: '10.1/b' })));
  });

  it('reads an ISBN-10 and its ISBN-13 as one book', () => {
    assert.ok(sameWork(item({ ISBN: '0-306-40615-2' }), item({ ISBN: '978-0-306-40615-7' })));
    assert.ok(!sameWork(item({ ISBN: '0306406152' }), item({ ISBN: '9780000000002' })));
  });

  it('matches by folded authors, title and year', () => {
    assert.ok(sameWork(item(doe2011), item({ ...doe2011, author: [{ family: 'DOE' }], title: 'Copper and empire.' })));
    assert.ok(sameWork(item(doe2011), item({ ...doe2011, title: 'Copper & Empire' })), '"&" is "and"');
  });

  it('never matches on the title alone', () => {
    assert.ok(!sameWork(item(doe2011), item({ ...doe2011, author: [{ family: 'Roe' }] })), 'authors disagree');
    assert.ok(!sameWork(item(doe2011), item({ ...doe2011, issued: { 'date-parts': [[2012]] } })), 'years disagree');
    assert.ok(!sameWork(item(doe2011), item({ title: 'Copper and Empire', issued: { 'date-parts': [[2011]] } })), 'no authors');
    assert.ok(!sameWork(item(doe2011), item({ author: doe2011.author, title: 'Copper and Empire' })), 'no year');
  });
});

describe('worksCitedInSeveralTexts', () => {
  it('groups the works both texts cite, with the entries citing them', () => {
    const works = worksCitedInSeveralTexts([
      { iri: 'urn:a', citations: citations('urn:a', FIRST) },
      { iri: 'urn:b', citations: citations('urn:b', SECOND) },
    ]);
    const quoted = works.map((w) => w.citations.map((c) => (c.iri === 'urn:a' ? FIRST : SECOND).slice(c.span.from, c.span.to).slice(0, 12)));
    assert.deepEqual(quoted, [
      ['Núñez, José ', 'Nunez, Jose '],
      ['Roe, Richard', 'Smith, Bo (2'],
    ]);
    assert.deepEqual(works[0]!.iris, ['urn:a', 'urn:b']);
  });

  it('leaves out a work cited in one text only, even twice', () => {
    const twice = `${FIRST.trimEnd()}\n  5. ^ Poe, Edgar (1999). Prices. London: Small Press.\n`;
    assert.deepEqual(worksCitedInSeveralTexts([{ iri: 'urn:a', citations: citations('urn:a', twice) }]), []);
  });
});

describe('proposeWorkLinks', () => {
  const texts = [
    { iri: 'https://example.org/a', parsed: parsePlainText(FIRST) },
    { iri: 'https://example.org/b', parsed: parsePlainText(SECOND) },
  ];
  const created = '2026-01-01T00:00:00Z';

  it('links each shared work with a valid linking annotation, one target per citing entry', () => {
    const links = proposeWorkLinks(texts, { created });
    assert.equal(links.length, 2);
    for (const link of links) {
      assert.deepEqual(validateAnnotation(link).errors, []);
      assert.equal(link.motivation, 'linking');
      assert.equal(targetsOf(link).length, 2);
    }
    const [first, second] = targetsOf(links[0]!);
    assert.ok(quoteSelectorOf(first!)!.exact.startsWith('Núñez, José (2011). Copper and Empire'));
    assert.ok(quoteSelectorOf(second!)!.exact.startsWith('Nunez, Jose (2011)'));
    // The second text has a character outside the BMP before its notes: positions are code points.
    const start = positionSelectorOf(second!)!.start;
    assert.equal([...SECOND].slice(start, start + 5).join(''), 'Nunez');
    assert.match(descriptionOf(links[0]!)!, /^Work cited in 2 texts: Núñez \(2011\)\. Copper and Empire/u);
  });

  it('gives the same ids on every run and nothing for one text', () => {
    assert.deepEqual(proposeWorkLinks(texts, { created }).map((l) => l.id), proposeWorkLinks(texts, { created }).map((l) => l.id));
    assert.deepEqual(proposeWorkLinks(texts.slice(0, 1), { created }), []);
  });
});

describe('references --works', () => {
  const root = new URL('../..', import.meta.url).pathname;
  const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/references.ts', ...args], { cwd: root, encoding: 'utf8' });

  it('prints each work cited by more than one file with the code-point span of every entry citing it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'works-'));
    try {
      const [a, b] = [join(dir, 'a.txt'), join(dir, 'b.txt')];
      writeFileSync(a, FIRST);
      writeFileSync(b, SECOND);
      const r = run('--works', a, b);
      assert.equal(r.status, 0, r.stderr);
      const lines = r.stdout.trimEnd().split('\n');
      assert.equal(lines.length, 6);
      assert.match(lines[0]!, /^Núñez \(2011\)\. Copper and Empire: A History \(cited in 2 texts\)$/u);
      assert.match(lines[3]!, /^Roe \(2005\)\. Trade in the Pacific \(cited in 2 texts\)$/u);
      const where = /^ {2}(.+):(\d+)-(\d+) {2}(.*)$/u.exec(lines[2]!)!;
      assert.equal(where[1], b);
      assert.ok([...SECOND].slice(+where[2]!, +where[3]!).join('').startsWith('Nunez, Jose (2011)'));
      assert.ok(where[4]!.startsWith('Nunez, Jose (2011)'));
      assert.match(run('--works', a).stdout, /^No work is cited by more than one of these texts\.$/mu);
      assert.equal(run('--works', '--json', a, b).status, 2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('analyzeTexts', () => {
  it('carries the work links among its items', () => {
    const inputs = [
      { iri: 'https://example.org/a', text: FIRST },
      { iri: 'https://example.org/b', text: SECOND },
    ];
    const created = '2026-01-01T00:00:00Z';
    const items = analyzeTexts(inputs, { created }).items;
    const expected = proposeWorkLinks(inputs.map((i) => ({ iri: i.iri, parsed: parsePlainText(i.text) })), { created });
    assert.equal(expected.length, 2);
    for (const link of expected) assert.deepEqual(items.find((a) => a.id === link.id), link);
  });
});
