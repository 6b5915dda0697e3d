import { expect } from '@esm-bundle/chai';
import { loadShippedLayers } from '../../src/app/shipped-layers.ts';
import { readLayer } from '../../src/app/layers/read-layer.ts';
import { readLayerOffThread } from '../../src/app/layers/off-thread.ts';

const IRI = 'https://example.org/texts/mill.txt';
const SOURCE = 'The mill stood idle for a year, and then the river rose and the wheel turned again.';

function annotation(n: number) {
  const exact = 'river rose';
  const start = SOURCE.indexOf(exact);
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: `urn:uuid:00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    type: 'Annotation',
    motivation: 'commenting',
    body: [{ type: 'TextualBody', purpose: 'commenting', value: `Note ${n}` }],
    target: {
      type: 'SpecificResource',
      source: IRI,
      selector: [
        { type: 'TextPositionSelector', start, end: start + exact.length },
        { type: 'TextQuoteSelector', exact, prefix: SOURCE.slice(0, start), suffix: SOURCE.slice(start + exact.length) },
      ],
    },
    creator: { id: 'urn:x:p', type: 'Person', name: 'P' },
    created: '2024-01-01T00:00:00Z',
  };
}

const collection = (items: unknown[]) =>
  JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', id: 'urn:x:layer:test', type: 'AnnotationCollection', label: 'Test layer', items });

const bytesOf = (text: string) => new TextEncoder().encode(text).buffer;

/** Records the file named in every message posted to a layer worker until `restore`. */
function spyOnLayerRequests(): { files: string[]; restore: () => void } {
  const files: string[] = [];
  const real = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (this: Worker, message: unknown, ...rest: unknown[]) {
    const file = (message as { file?: unknown } | null)?.file;
    if (typeof file === 'string') files.push(file);
    return (real as (...args: unknown[]) => void).call(this, message, ...rest);
  } as typeof real;
  return { files, restore: () => (Worker.prototype.postMessage = real) };
}

describe('layer files read off the page thread', () => {
  it('gives the same layer and problems as reading on the page, frozen', async () => {
    const text = collection([annotation(1), { type: 'Annotation', id: 'not-an-iri' }, annotation(2)]);
    const here = readLayer('notes.jsonld', bytesOf(text));
    const there = await readLayerOffThread('notes.jsonld', bytesOf(text));
    expect(there).to.deep.equal(here);
    expect(there.layer!.annotations).to.have.length(2);
    expect(there.problems).to.have.length(1);
    expect(Object.isFrozen(there.layer), 'the layer').to.equal(true);
    expect(Object.isFrozen(there.layer!.annotations[0]!.target), 'a target inside it').to.equal(true);
  });

  it('sends files over the threshold to the worker and reads the others here; a broken one is named, the rest load', async () => {
    const files: Record<string, string> = {
      'big.jsonld': collection(Array.from({ length: 50 }, (_, i) => annotation(i + 1))),
      'small.jsonld': collection([annotation(100)]),
      // Cut off mid-file (longer than the small one, so it goes to the worker).
      'broken.jsonld': collection([annotation(7), annotation(8)]).slice(0, -5),
    };
    const fakeFetch = ((input: RequestInfo | URL) => {
      const url = input instanceof Request ? input.url : String(input);
      const name = url.split('/').pop()!;
      return Promise.resolve(name in files ? new Response(files[name]) : new Response('', { status: 404 }));
    }) as typeof fetch;
    const spy = spyOnLayerRequests();
    try {
      const threshold = files['small.jsonld']!.length + 1;
      const loaded = await loadShippedLayers(new URL('http://example.invalid/annotations/'), ['big.jsonld', 'small.jsonld', 'broken.jsonld', 'missing.jsonld'], {
        fetch: fakeFetch,
        offThreadBytes: threshold,
      });
      expect(spy.files, 'only the files over the threshold went to the worker').to.deep.equal(['big.jsonld', 'broken.jsonld']);
      expect(loaded.layers.map((l) => [l.file, l.annotations.length])).to.deep.equal([
        ['big.jsonld', 50],
        ['small.jsonld', 1],
      ]);
      expect(loaded.problems).to.have.length(2);
      expect(loaded.problems[0]).to.match(/^broken\.jsonld: the file is not valid JSON/);
      expect(loaded.problems[1]).to.equal('missing.jsonld: the file could not be read (HTTP 404).');
    } finally {
      spy.restore();
    }
  });
});
