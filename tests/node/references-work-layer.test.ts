import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parsePlainText } from '../../src/document/parse.ts';
import { validateAnnotation } from '../../src/annotations/validate.ts';
import { CSL_JSON, descriptionOf, positionSelectorOf, quoteSelectorOf, tagsOf, targetsOf, type Annotation, type TextualBody } from '../../src/annotations/model.ts';
import { kindOf } from '../../src/app/workspace.ts';
import { textWorkAnnotations, workIri } from '../../src/analysis/references/index.ts';

/** An author–date text of my own: two citations that resolve, one that does not, an uncited entry, one with a DOI. */
const TEXT = `Harbours

Trade grew fast (Ode 2000, 12). Okafor (2019) disagrees (Quist 2005).

References

Ode, K. 2000. Harbours of the South. Leeds: Quay Books.

Okafor, N. 2019. “Sea Lanes.” Coastal Studies 3 (1): 1–9. doi:10.1000/CS.2019.3.

Unread, U. 1970. A Book Nobody Cites. Paris: Seine.
`;
const IRI = 'https://example.org/harbours.txt';
const created = '2026-01-01T00:00:00Z';
const annotations = textWorkAnnotations(IRI, parsePlainText(TEXT), { created });
const quoteOf = (a: Annotation): string => quoteSelectorOf(targetsOf(a)[0]!)!.exact;
const cslOf = (a: Annotation): Record<string, unknown> => JSON.parse((a.body.find((b) => b.type === 'TextualBody' && b.format === CSL_JSON) as TextualBody).value);

describe('textWorkAnnotations', () => {
  const works = annotations.filter((a) => tagsOf(a).includes('work'));
  const links = annotations.filter((a) => a.motivation === 'linking' && tagsOf(a).includes('footnote'));
  const flags = annotations.filter((a) => a.motivation === 'assessing');

  it('links every reference entry to its work, the work as CSL-JSON with its IRI as id', () => {
    assert.deepEqual(works.map(quoteOf).map((q) => q.slice(0, 10)), ['Ode, K. 20', 'Okafor, N.', 'Unread, U.']);
    const okafor = cslOf(works[1]!);
    assert.equal(okafor.id, 'https://doi.org/10.1000/cs.2019.3');
    assert.equal(okafor.title, 'Sea Lanes');
    assert.equal(okafor['container-title'], 'Coastal Studies');
    assert.deepEqual(okafor.author, [{ family: 'Okafor', given: 'N.' }]);
    assert.match(cslOf(works[0]!).id as string, /^urn:uuid:/u);
    assert.match(descriptionOf(works[2]!)!, /Nothing in the text cites it/u);
    assert.match(descriptionOf(works[0]!)!, /Cited 1 time/u);
    assert.equal(kindOf(works[0]!), 'footnote', 'drawn with the footnote links, not as a note');
  });

  it('links each resolved author–year citation to its entry, as a note marker is', () => {
    assert.deepEqual(links.map(quoteOf), ['Ode 2000, 12', 'Okafor (2019)']);
    const entry = links[1]!.body.find((b) => b.type === 'SpecificResource');
    assert.ok(entry && entry.type === 'SpecificResource');
    assert.ok(TEXT.slice(positionSelectorOf(entry)!.start).startsWith('Okafor, N. 2019.'));
    assert.equal(kindOf(links[0]!), 'footnote');
  });

  it('flags the citation that names no entry, saying whom and when it names', () => {
    assert.deepEqual(flags.map(quoteOf), ['Quist 2005']);
    assert.deepEqual(tagsOf(flags[0]!), ['unresolved-footnote']);
    assert.match(descriptionOf(flags[0]!)!, /no entry by Quist from 2005/u);
  });

  it('every annotation passes the import checks (W3C MUSTs) and round-trips unchanged', () => {
    for (const a of annotations) {
      const check = validateAnnotation(JSON.parse(JSON.stringify(a)));
      assert.deepEqual(check.errors, []);
      assert.deepEqual(check.annotation!.body, a.body);
    }
  });

  it('gives the same IRI to one work in any spelling, and its ISBN URN when it has no DOI', () => {
    const a = workIri({ id: 'x', type: 'book', author: [{ family: 'Núñez' }], title: 'Copper & Empire', issued: { 'date-parts': [[2011]] } });
    const b = workIri({ id: 'y', type: 'book', author: [{ family: 'Nunez' }], title: 'Copper and empire.', issued: { 'date-parts': [[2011]] } });
    assert.equal(a, b);
    assert.equal(workIri({ id: 'z', type: 'book', ISBN: '9780000000002' }), 'urn:isbn:9780000000002');
  });
});

describe('references --layer', () => {
  it('prints one AnnotationCollection of the layer with file:// sources', () => {
    const dir = mkdtempSync(join(tmpdir(), 'work-layer-'));
    try {
      const file = join(dir, 'harbours.txt');
      writeFileSync(file, TEXT);
      const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/references.ts', '--layer', file], { cwd: join(import.meta.dirname, '../..'), encoding: 'utf8' });
      assert.equal(run.status, 0, run.stderr);
      const collection = JSON.parse(run.stdout) as { type: string; total: number; items: Annotation[] };
      assert.equal(collection.type, 'AnnotationCollection');
      assert.equal(collection.total, annotations.length);
      assert.ok(collection.items.every((a) => targetsOf(a).every((t) => t.source.startsWith('file://'))));
      const usage = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/references.ts', '--layer', '--format', 'ris', file], { cwd: join(import.meta.dirname, '../..'), encoding: 'utf8' });
      assert.equal(usage.status, 2);
      assert.match(usage.stderr, /take no format/u);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
