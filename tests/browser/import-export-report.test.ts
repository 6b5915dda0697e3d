/**
 * The import report says what really happened, one clean sentence a line; a
 * machine-made annotation never replaces a person's note; "Export checked
 * layers" with nothing checked exports nothing.
 */
import { expect } from '@esm-bundle/chai';
import { Session } from '../../src/app/session.ts';
import type { LoadedDocument } from '../../src/document/load.ts';
import { ANNO_CONTEXT, commentBody, textTarget, type Annotation } from '../../src/annotations/model.ts';
import '../../src/components/layers-panel.ts';
import { NOTHING_TO_EXPORT, type LayersPanel } from '../../src/components/layers-panel.ts';

const SOURCE = 'A text composed for the import tests. It has two sentences, and this is the second one of them.';
const IRI = 'file:///documents/import-test.txt';
let stores = 0;

async function openSession(): Promise<Session> {
  const doc = { entry: { id: 'doc', iri: IRI, label: 'Import test', title: 'Import test' }, source: SOURCE } as unknown as LoadedDocument;
  return Session.open([doc], { annotationsBase: new URL('/annotations/', location.href), layerFiles: [], storeName: `test-import-${Date.now()}-${stores++}` });
}

const ID = 'urn:uuid:00000000-0000-4000-8000-0000000000aa';

function byPerson(comment: string, modified?: string): Annotation {
  return {
    '@context': ANNO_CONTEXT,
    id: ID,
    type: 'Annotation',
    motivation: 'commenting',
    target: textTarget(IRI, SOURCE, 2, 6),
    body: [commentBody(comment)],
    creator: { type: 'Person', name: 'A reader' },
    created: '2025-01-01T00:00:00Z',
    ...(modified ? { modified } : {}),
  };
}

function byMachine(comment: string, modified: string): Annotation {
  const { creator: _person, ...rest } = byPerson(comment, modified);
  return { ...rest, generator: { type: 'Software', name: 'some analyzer' } };
}

const file = (items: unknown[]) => JSON.stringify({ '@context': ANNO_CONTEXT, type: 'AnnotationCollection', id: 'urn:x:import-test', label: 'x', items });

/** Each line one sentence: ends with one full stop, no "..", no empty line. */
function expectCleanLines(lines: string[]): void {
  for (const line of lines) {
    expect(line, line).to.match(/[.!?…]$/);
    expect(line, line).not.to.match(/\.\.|\.\s*\.$/);
    expect(line.trim(), line).to.equal(line);
  }
}

describe('import report', () => {
  it('keeps a person’s note when a newer machine-made version is imported, and says so', async () => {
    const session = await openSession();
    try {
      const first = await session.importFile('mine.json', file([byPerson('My own words')]));
      expect(first.split('\n')[0]).to.equal('mine.json: 1 annotation read; 1 added, 0 updated, 0 skipped.');
      const report = await session.importFile('machine.json', file([byMachine('Machine words', '2026-01-01T00:00:00Z')]));
      const lines = report.split('\n');
      expect(lines[0]).to.equal('machine.json: 1 annotation read; 0 added, 0 updated, 1 skipped.');
      expect(lines[1]).to.match(/^Annotation 1 \("urn:uuid:[^"]+"\) was not imported: it is machine-made.*note made by a person.*kept/);
      expect(report).not.to.match(/for this visit only/);
      expectCleanLines(lines);
      expect(session.workspace.get(ID)!.comment).to.equal('My own words');
    } finally {
      session.close();
    }
  });

  it('names the file once, ends each line once, and says nothing of machine annotations for a refused file', async () => {
    const session = await openSession();
    try {
      const refused = (await session.importFile('broken.json', '{ not json')).split('\n');
      expect(refused[0]).to.equal('broken.json was not imported.');
      expect(refused[1]).to.match(/^The file is not valid JSON/);
      expect(refused.join(' ').split('broken.json')).to.have.length(2);
      expect(refused.join(' ')).not.to.match(/for this visit only/);
      expectCleanLines(refused);

      const mixed = (await session.importFile('mixed.json', file([byMachine('Machine words', '2026-01-01T00:00:00Z'), { id: 'not an iri' }]))).split('\n');
      expect(mixed[0]).to.equal('mixed.json: 2 annotations read; 1 added, 0 updated, 1 skipped.');
      expect(mixed[1]).to.match(/^Annotation 2 \("not an iri"\) was left out because/);
      expect(mixed[2]).to.equal('Its 1 machine-made annotation is shown for this visit only.');
      expect(mixed.join(' ').split('mixed.json')).to.have.length(2);
      expectCleanLines(mixed);
    } finally {
      session.close();
    }
  });
});

describe('export with nothing checked', () => {
  async function mountPanel(visible: boolean[]): Promise<LayersPanel> {
    const panel = document.createElement('layers-panel');
    panel.layers = visible.map((v, i) => ({ id: `layer-${i}`, label: `Layer ${i}`, origin: 'shipped', count: 3, visible: v }));
    document.body.append(panel);
    await panel.updateComplete;
    return panel;
  }
  afterEach(() => document.querySelectorAll('layers-panel').forEach((p) => p.remove()));

  it('exports nothing and says why when no layer is checked', async () => {
    const panel = await mountPanel([true, true]);
    const requests: string[][] = [];
    panel.addEventListener('export-request', (e) => requests.push(e.detail.layerIds));
    for (const box of panel.querySelectorAll<HTMLInputElement>('input.layer-check')) box.checked = false;
    panel.querySelector<HTMLButtonElement>('button.export')!.click();
    await panel.updateComplete;
    expect(requests).to.deep.equal([]);
    expect(panel.querySelector('.status')!.textContent.trim()).to.equal(NOTHING_TO_EXPORT);
  });

  it('disables the button, with the reason beside it, when no layer is shown', async () => {
    const panel = await mountPanel([false, false]);
    const button = panel.querySelector<HTMLButtonElement>('button.export')!;
    expect(button.disabled).to.equal(true);
    expect(panel.querySelector(`#${button.getAttribute('aria-describedby')}`)!.textContent).to.equal(NOTHING_TO_EXPORT);
  });

  it('exports exactly the checked layers', async () => {
    const panel = await mountPanel([true, false]);
    const requests: string[][] = [];
    panel.addEventListener('export-request', (e) => requests.push(e.detail.layerIds));
    panel.querySelector<HTMLButtonElement>('button.export')!.click();
    expect(requests).to.deep.equal([['layer-0']]);
  });

  it('a session asked for no layers exports an empty collection, not every layer', async () => {
    const session = await openSession();
    try {
      await session.importFile('mine.json', file([byPerson('My own words')]));
      expect(JSON.parse(session.exportLayers([])).items).to.deep.equal([]);
      expect(JSON.parse(session.exportLayers(['own'])).items.map((a: Annotation) => a.id)).to.deep.equal([ID]);
    } finally {
      session.close();
    }
  });
});

describe('import from Hypothesis', () => {
  const row = (id: string, exact: string, uri = IRI, position?: { start: number; end: number }) => ({
    id,
    created: '2024-05-01T10:00:00+00:00',
    updated: '2024-05-01T10:00:00+00:00',
    user: 'acct:alice@hypothes.is',
    uri,
    text: 'A comment made in Hypothesis.',
    tags: ['imported'],
    target: [{ source: uri, selector: [{ type: 'TextQuoteSelector', exact, prefix: '', suffix: '' }, ...(position ? [{ type: 'TextPositionSelector', ...position }] : [])] }],
    document: { title: ['Somewhere else'] },
  });

  it('anchors each note or lists it as an orphan with its reason, and exports the notes back in that format', async () => {
    const session = await openSession();
    try {
      // hyp1 is on this text (its Hypothesis position counts in another page: ours is found from the quote);
      // hyp2 quotes words the text does not have but keeps a position; hyp3 is on another page; hyp4 and hyp5 cannot be kept.
      const rows = [
        row('hyp1', 'two sentences', IRI, { start: 500, end: 513 }),
        row('hyp2', 'words this text never had', IRI, { start: 3, end: 28 }),
        row('hyp3', 'second one', 'https://elsewhere.example.org/page', { start: 10, end: 20 }),
        { ...row('hyp4', 'x'), target: [{ source: IRI }] },
        row('hyp5', 'no such words at all'),
      ];
      const report = await session.importFile('hypothesis.json', JSON.stringify({ total: rows.length, rows }));
      expect(report.split('\n')[0]).to.equal('hypothesis.json: 5 annotations read; 3 added, 0 updated, 2 skipped.');
      expect(report).to.contain('page note');
      expect(report).to.contain('hyp5 was left out: its quote ("no such words at all") is not in the text');
      const ws = session.workspace;
      const placed = ws.get('https://hypothes.is/a/hyp1')!.placed[0]!;
      expect(SOURCE.slice(placed.from, placed.to)).to.equal('two sentences');
      const orphans = new Map(ws.orphans().map((o) => [o.annotationId, o.reason]));
      expect(orphans.get('https://hypothes.is/a/hyp2')).to.be.a('string');
      expect(orphans.get('https://hypothes.is/a/hyp3')).to.contain('https://elsewhere.example.org/page');
      const exported = JSON.parse(session.exportHypothesis()) as { total: number; rows: { id: string; text: string; tags: string[] }[] };
      expect(exported.rows.map((r) => r.id).sort()).to.deep.equal(['hyp1', 'hyp2', 'hyp3']);
      expect(exported.rows[0]!.tags).to.deep.equal(['imported']);
    } finally {
      session.close?.();
    }
  });
});

describe('search over an HTML comment', () => {
  it('finds the words of an HTML body and shows its text, never its markup', async () => {
    const session = await openSession();
    try {
      const note: Annotation = {
        ...byPerson('unused'),
        id: 'urn:uuid:00000000-0000-4000-8000-0000000000bb',
        body: [{ type: 'TextualBody', purpose: 'commenting', format: 'text/html', value: '<p>A <b>bolded</b> remark with <img src=x onerror=alert(1)> markup</p>' }],
      };
      await session.importFile('html.json', file([note]));
      const results = await session.search.search('bolded');
      const hit = results.hits.find((h) => h.source === 'annotation');
      expect(hit, 'the body is found by its words').to.exist;
      const shown = JSON.stringify(hit!.snippet);
      expect(shown).to.contain('bolded');
      expect(shown).not.to.contain('<b>');
      expect(shown).not.to.contain('onerror');
      expect((await session.search.search('onerror')).hits.filter((h) => h.source === 'annotation')).to.have.length(0);
    } finally {
      session.close?.();
    }
  });
});
