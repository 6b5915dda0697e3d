import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { analyzeText, analyzeTexts } from '../../src/analysis/analyze.ts';
import { capFlags, MAX_FLAGS_PER_KIND } from '../../src/analysis/flag-cap.ts';
import { flag, type Finding } from '../../src/analysis/finding.ts';
import { tagsOf, type Annotation } from '../../src/annotations/model.ts';
import { validateAnnotation } from '../../src/annotations/validate.ts';
import { writeCollection } from '../../src/cli/write-collection.ts';

const describing = (a: Annotation) => a.body.find((b) => 'purpose' in b && b.purpose === 'describing') as { value: string } | undefined;

describe('capFlags', () => {
  const garbled = (i: number) => flag('damage', 'garbled', { from: i * 10, to: i * 10 + 5 }, `g${i}`, 0.8);
  const split = (i: number) => flag('damage', 'split', { from: i * 10 + 1, to: i * 10 + 2 }, `s${i}`, 0.7);
  const link: Finding = { kind: 'footnote', layer: 'footnotes', number: 1, from: 3, to: 4, entry: { from: 90, to: 95 }, description: 'n', confidence: 0.9 };

  it('returns the findings themselves when no kind is over the cap', () => {
    const findings = [garbled(0), split(0), link];
    assert.equal(capFlags(findings, 3), findings);
  });

  it('keeps the first flags of a kind over the cap and one summary flag for the rest, other kinds untouched', () => {
    const findings: Finding[] = [link];
    for (let i = 0; i < 10; i++) findings.push(garbled(i), split(i));
    const capped = capFlags(findings, 4);
    const g = capped.filter((f) => f.kind === 'flag' && f.tag === 'garbled');
    assert.equal(g.length, 5);
    assert.deepEqual(g.slice(0, 4).map((f) => f.description), ['g0', 'g1', 'g2', 'g3']);
    const summary = g[4]!;
    assert.equal(summary.kind === 'flag' && summary.omitted, 6);
    assert.equal(summary.from, 40, 'on the first flag left out');
    assert.match(summary.description, /^10 "garbled" flags were found in this text, too many to list: the first 4 are shown, and this flag stands for the other 6/u);
    assert.equal(capped.filter((f) => f.kind === 'flag' && f.tag === 'split').length, 5);
    assert.ok(capped.includes(link));
  });
});

describe('analyzer: absurd flag counts', () => {
  // Prose in which one sentence of five has a missing space ("in1959"): too many flags to list, yet few enough
  // of the text's sentences (20%) that the genre back-off (damage/genre.ts) still takes them for damage.
  const unit = 'It met the minister in1959 twice. The delegation arrived in Santiago in May. They talked for an hour. They left the city. Nobody slept that night. ';
  const text = `A heading\n\n${unit.repeat(MAX_FLAGS_PER_KIND + 500)}\n`;

  it(`lists at most ${MAX_FLAGS_PER_KIND} flags of a kind per text, plus one summary flag that is a W3C annotation of that kind`, () => {
    const annotations = analyzeText({ iri: 'https://example.org/t.txt', text });
    const garbled = annotations.filter((a) => tagsOf(a).includes('garbled'));
    assert.equal(garbled.length, MAX_FLAGS_PER_KIND + 1);
    const summaries = garbled.filter((a) => /too many to list/u.test(describing(a)!.value));
    assert.equal(summaries.length, 1);
    const summary = summaries[0]!;
    assert.match(describing(summary)!.value, /^1,500 "garbled" flags were found in this text, too many to list: the first 1,000 are shown, and this flag stands for the other 500/u);
    assert.equal(summary.motivation, 'assessing');
    assert.deepEqual(validateAnnotation(summary).errors, []);
    assert.equal(new Set(annotations.map((a) => a.id)).size, annotations.length, 'the summary has an id of its own');
  });

  it('caps each text of a corpus on its own', () => {
    const c = analyzeTexts([{ iri: 'https://example.org/a.txt', text }, { iri: 'https://example.org/b.txt', text }]);
    for (const iri of ['https://example.org/a.txt', 'https://example.org/b.txt']) {
      const mine = c.items.filter((a) => !Array.isArray(a.target) && (a.target as { source: string }).source === iri && tagsOf(a).includes('garbled'));
      assert.equal(mine.length, MAX_FLAGS_PER_KIND + 1, iri);
    }
  });
});

describe('writeCollection', () => {
  async function written(items: number): Promise<string> {
    const base = analyzeTexts([{ iri: 'https://example.org/w.txt', text: `Title\n\n${'in1959 was. '.repeat(items)}\n` }], { created: '2026-01-01T00:00:00Z' });
    const out = new PassThrough();
    let s = '';
    out.on('data', (d) => (s += d));
    await writeCollection(out, base);
    out.end();
    assert.equal(s, `${JSON.stringify(base, null, 2)}\n`);
    return s;
  }

  it('writes exactly the bytes of JSON.stringify(collection, null, 2), item by item', async () => {
    for (const n of [0, 1, 200]) await written(n);
  });
});
