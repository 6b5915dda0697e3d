import { expect } from '@esm-bundle/chai';
import { AnchoringWorker } from '../../src/annotations/anchoring/in-worker.ts';
import { anchorAll } from '../../src/annotations/anchoring/batch.ts';
import { textTarget, type Annotation } from '../../src/annotations/model.ts';

const FILLER = 'Letters and minutes from these years sit in several archives and are read in different ways. ';
const ORIGINAL = `${FILLER}The consul reported on the harbour works. ${FILLER}A second mission arrived in the spring. ${FILLER}`;
const EDITED = `Preface. ${ORIGINAL.replace('harbour works', 'harbor works').replace('A second mission arrived in the spring', 'Nothing happened')}`;

function note(id: string, exact: string): Annotation {
  const from = ORIGINAL.indexOf(exact);
  return {
    id,
    type: 'Annotation',
    motivation: 'commenting',
    target: textTarget('file:///a.txt', ORIGINAL, from, from + exact.length),
    body: [],
    created: '2024-01-01T00:00:00Z',
  };
}

describe('AnchoringWorker', () => {
  it('anchors a batch in a worker with the same result as on the main thread', async () => {
    const list = [note('urn:x:1', 'The consul reported on the harbour works'), note('urn:x:2', 'A second mission arrived in the spring'), note('urn:x:3', 'Letters and minutes')];
    const worker = new AnchoringWorker();
    try {
      expect(worker.offThread).to.equal(true);
      const result = await worker.anchorAll(EDITED, list);
      expect(result).to.deep.equal(anchorAll(EDITED, list));
      expect(result.stats).to.deep.equal({ total: 3, position: 0, quote: 1, fuzzy: 1, orphaned: 1 });
      // Still a worker: it loaded and answered, rather than failing over to the main thread.
      expect(worker.offThread).to.equal(true);
    } finally {
      worker.terminate();
    }
  });

  it('answers on the main thread after it is terminated', async () => {
    const worker = new AnchoringWorker();
    worker.terminate();
    expect(worker.offThread).to.equal(false);
    const result = await worker.anchorAll(ORIGINAL, [note('urn:x:1', 'The consul reported')]);
    expect(result.stats.position).to.equal(1);
  });
});
