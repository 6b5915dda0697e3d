import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LazySearch } from '../../src/app/lazy-search.ts';
import { SearchEngine, type AnnotationText } from '../../src/search/index.ts';

const docs = [{ id: 'mill', title: 'The mill', source: 'The mill stood idle for a year.\n\nThen the river rose and the wheel turned again.\n' }];
const note: AnnotationText = { id: 'n1', docId: 'mill', from: 4, to: 8, text: 'A quern was ground here', kind: 'comment' };

/** A handle whose idle tasks wait in `queued` until the test runs them. */
function lazy(): { search: LazySearch; queued: (() => void)[] } {
  const queued: (() => void)[] = [];
  return { search: new LazySearch(() => SearchEngine.build(docs), (task) => queued.push(task)), queued };
}

describe('LazySearch', () => {
  it('builds nothing when a property other than a search method is read', () => {
    const { search } = lazy();
    search.setAnnotations([note]);
    // What a renderer or a debugger reads of a bound value.
    const probed = search as unknown as Record<string, unknown>;
    for (const key of ['_$litDirective$', 'then', 'engine', 'documentIds', 'toJSON', 'constructor']) void probed[key];
    assert.equal(search.builds, 0);
    assert.equal(search.ready, false);
  });

  it('builds on the first search, once, with the annotation bodies in it', () => {
    const { search } = lazy();
    search.setAnnotations([note]);
    const hits = search.search('quern').hits;
    assert.equal(hits.length, 1);
    assert.equal(hits[0]!.source, 'annotation');
    assert.equal(search.search('river').hits.length, 1);
    assert.equal(search.builds, 1);
    assert.equal(search.ready, true);
  });

  it('builds when idle, scheduling one task however often the bodies change', () => {
    const { search, queued } = lazy();
    search.setAnnotations([note]);
    search.setAnnotations([note]);
    assert.equal(queued.length, 1);
    queued.shift()!();
    assert.equal(search.builds, 1);
    assert.equal(search.ready, true);
    assert.equal(search.search('quern').hits.length, 1);
    assert.equal(search.builds, 1, 'the search used the engine built when idle');
  });

  it('replaces the bodies it indexed when they change, without building the text index again', () => {
    const { search } = lazy();
    search.setAnnotations([note]);
    assert.equal(search.search('quern').hits.length, 1);
    search.setAnnotations([{ ...note, id: 'n2', text: 'A weir held the water' }]);
    assert.equal(search.ready, false);
    assert.equal(search.search('quern').hits.length, 0);
    assert.equal(search.search('weir').hits.length, 1);
    assert.equal(search.builds, 1);
  });

  it('builds nothing when a prebuilt engine is used', () => {
    const { search, queued } = lazy();
    search.use(SearchEngine.load(SearchEngine.build(docs).toJSON(), docs));
    search.setAnnotations([note]);
    for (const task of queued.splice(0)) task();
    assert.equal(search.search('quern').hits.length, 1);
    assert.equal(search.builds, 0);
  });
});
