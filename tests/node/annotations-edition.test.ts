import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { anchorAll } from '../../src/annotations/anchoring/index.ts';
import { textTarget, type Annotation } from '../../src/annotations/model.ts';

/** A deterministic pseudo-random sequence (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS =
  'embassy treaty envoy harbour copper grain loan credit minister council delegation archive report letter winter spring coast port mission visit reform vote party union bank trade ship route cable consul decree border'.split(' ');

/** Sentences of random words, each a distinct mix, as a source text. */
function sentences(rand: () => number, count: number): string[] {
  return Array.from({ length: count }, () => {
    const n = 8 + Math.floor(rand() * 8);
    const words = Array.from({ length: n }, () => WORDS[Math.floor(rand() * WORDS.length)]!);
    return `${words.join(' ').replace(/^./, (c) => c.toUpperCase())}.`;
  });
}

describe('annotations follow their text into a corrected edition', () => {
  it('re-anchors every annotation after insertions, shifts and light edits inside quotes', () => {
    const rand = random(7);
    const IRI = 'file:///synthetic.txt';
    const parts = sentences(rand, 120);
    const text = parts.join(' ');
    // Annotate one whole sentence in every fourth, remembering which.
    const annotated: { part: number; annotation: Annotation }[] = [];
    let offset = 0;
    parts.forEach((s, i) => {
      if (i % 4 === 1) {
        annotated.push({
          part: i,
          annotation: {
            id: `urn:x:${i}`,
            type: 'Annotation',
            motivation: 'commenting',
            target: textTarget(IRI, text, offset, offset + s.length),
            body: [],
            created: '2024-01-01T00:00:00Z',
          },
        });
      }
      offset += s.length + 1;
    });
    // The edition: new sentences in places, and one word corrected inside every other annotated sentence.
    const edited = parts.map((s, i) => {
      const a = annotated.findIndex((x) => x.part === i);
      if (a === -1 || a % 2 === 1) return s;
      const words = s.split(' ');
      const k = Math.floor(words.length / 2);
      words[k] = `${words[k]!.slice(0, -1)}${words[k]!.slice(-1).toUpperCase()}`;
      return words.join(' ');
    });
    const withInserts = edited.flatMap((s, i) => (i % 10 === 3 ? [`An editor added this note number ${i}.`, s] : [s]));
    const editedText = withInserts.join(' ');
    const { anchors, stats } = anchorAll(editedText, annotated.map((x) => x.annotation));
    anchors.forEach((a, n) => {
      const expected = edited[annotated[n]!.part]!;
      assert.equal(a.anchor.status, 'anchored', `annotation ${a.annotationId}`);
      if (a.anchor.status !== 'anchored') return;
      assert.equal(editedText.slice(a.anchor.from, a.anchor.to), expected, `annotation ${a.annotationId}`);
    });
    assert.equal(stats.orphaned, 0);
    assert.ok(stats.fuzzy > 0 && stats.quote > 0, JSON.stringify(stats));
  });

  it('orphans the annotations whose sentences were rewritten, and only those', () => {
    const rand = random(11);
    const IRI = 'file:///synthetic.txt';
    const parts = sentences(rand, 60);
    const text = parts.join(' ');
    const starts = parts.map((_, i) => parts.slice(0, i).reduce((n, s) => n + s.length + 1, 0));
    const list: Annotation[] = [5, 15, 25, 35, 45].map((i) => ({
      id: `urn:x:${i}`,
      type: 'Annotation',
      motivation: 'commenting',
      target: textTarget(IRI, text, starts[i]!, starts[i]! + parts[i]!.length),
      body: [],
      created: '2024-01-01T00:00:00Z',
    }));
    const rewritten = new Set([15, 35]);
    const fresh = sentences(random(99), 60);
    const editedText = parts.map((s, i) => (rewritten.has(i) ? fresh[i]! : s)).join(' ');
    const { anchors } = anchorAll(editedText, list);
    assert.deepEqual(
      anchors.map((a) => [a.annotationId, a.anchor.status]),
      [5, 15, 25, 35, 45].map((i) => [`urn:x:${i}`, rewritten.has(i) ? 'orphaned' : 'anchored']),
    );
  });
});
