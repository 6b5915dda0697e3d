import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, collectionOf, generateAnnotations, generateCorpus, paragraphsOf, pickSpans } from '../../bench/corpus.ts';
import { Random } from '../../bench/random.ts';
import { validateAnnotation } from '../../src/annotations/validate.ts';
import { quoteSelectorOf, positionSelectorOf, targetsOf } from '../../src/annotations/model.ts';
import { paragraphsHtml } from '../../bench/static-html.ts';

const A = 'The ferry left the harbour at 7 in the morning.\n\nGulls followed it for 12 miles, crying.\n';
const B = 'A second text: the lighthouse keeper counted 340 ships.\n\n\nHe wrote them down in a green book.';

describe('seeded random', () => {
  it('repeats for a seed and differs between seeds', () => {
    const a = new Random(1);
    const b = new Random(1);
    const c = new Random(2);
    const xs = [a.next(), a.next(), a.next()];
    assert.deepEqual([b.next(), b.next(), b.next()], xs);
    assert.notDeepEqual([c.next(), c.next(), c.next()], xs);
    assert.ok(xs.every((x) => x >= 0 && x < 1));
  });

  it('shuffles a copy without losing or adding items', () => {
    const items = [1, 2, 3, 4, 5, 6];
    const shuffled = new Random(3).shuffle(items);
    assert.deepEqual(items, [1, 2, 3, 4, 5, 6]);
    assert.deepEqual([...shuffled].sort(), items);
  });
});

describe('generated corpus', () => {
  it('splits texts into paragraphs at blank lines only', () => {
    assert.deepEqual(paragraphsOf(['one\ntwo\n\nthree', 'four\n \n\nfive  ']), ['one\ntwo', 'three', 'four', 'five']);
  });

  it('reaches the asked length, is the same for a seed, and differs for another', () => {
    const one = generateCorpus([A, B], { minLength: 2000, seed: 7 });
    assert.ok(one.length >= 2000);
    assert.equal(generateCorpus([A, B], { minLength: 2000, seed: 7 }), one);
    assert.notEqual(generateCorpus([A, B], { minLength: 2000, seed: 8 }), one);
  });

  it('varies numbers but keeps their digit count, and keeps the paragraph structure', () => {
    const corpus = generateCorpus([A, B], { minLength: 5000, seed: 9 });
    const numbers = corpus.match(/\d+/g) ?? [];
    assert.ok(numbers.length > 0);
    assert.ok(numbers.every((n) => n.length <= 3));
    assert.ok(numbers.some((n) => !['7', '12', '340'].includes(n)), 'some number was varied');
    assert.ok(!/\n\n\n/.test(corpus), 'paragraphs are joined by one blank line');
  });

  it('refuses texts without a paragraph', () => {
    assert.throws(() => generateCorpus(['   \n\n  '], { minLength: 10, seed: 1 }), RangeError);
  });
});

describe('generated annotations', () => {
  const text = generateCorpus([A, B], { minLength: 4000, seed: 11 });
  const iri = 'https://example.org/corpus.txt';

  it('picks ascending, non-overlapping word spans, one per slice', () => {
    const spans = pickSpans(text, 50, 5);
    assert.equal(spans.length, 50);
    for (let i = 1; i < spans.length; i++) assert.ok(spans[i]!.from >= spans[i - 1]!.to, `span ${i} starts after span ${i - 1}`);
    assert.ok(spans.every((s) => /^[\p{L}\p{N}]/u.test(text.slice(s.from, s.to)) && /[\p{L}\p{N}]$/u.test(text.slice(s.from, s.to))));
  });

  it('writes valid W3C annotations whose selectors both point at the span', () => {
    const items = generateAnnotations(text, { count: 40, seed: 3, iri });
    assert.equal(items.length, 40);
    assert.equal(new Set(items.map((a) => a.id)).size, 40);
    for (const a of items) {
      assert.deepEqual(validateAnnotation(a).errors, []);
      const target = targetsOf(a)[0]!;
      const quote = quoteSelectorOf(target)!;
      const position = positionSelectorOf(target)!;
      assert.equal(target.source, iri);
      assert.equal([...text].slice(position.start, position.end).join(''), quote.exact);
    }
    const collection = collectionOf(items, 'bench', 3);
    assert.equal(collection.total, 40);
    assert.equal(collection.type, 'AnnotationCollection');
  });
});

describe('random edits', () => {
  it('edits about the asked share of characters and maps old offsets to new ones', () => {
    const text = 'abcdefghij'.repeat(500);
    const { text: edited, edits, moved } = applyEdits(text, { rate: 0.02, seed: 4 });
    assert.ok(edits > 50 && edits < 150, `${edits} edits`);
    assert.notEqual(edited, text);
    assert.equal(moved.length, text.length + 1);
    assert.equal(moved[text.length], edited.length);
    for (let i = 1; i < moved.length; i++) assert.ok(moved[i]! >= moved[i - 1]!, 'offsets keep their order');
  });

  it('changes nothing at rate 0 and never splits a surrogate pair', () => {
    assert.equal(applyEdits('plain', { rate: 0, seed: 1 }).text, 'plain');
    const emoji = '😀'.repeat(200);
    assert.equal(applyEdits(emoji, { rate: 0.5, seed: 1 }).text, emoji);
  });
});

describe('static HTML floor', () => {
  it('wraps marked spans and escapes markup, leaving out a mark across a paragraph break', () => {
    const text = 'a <b> & c\n\nd e';
    const html = paragraphsHtml(text, [
      { from: 2, to: 5 },
      { from: 8, to: 12 },
    ]);
    assert.equal(html, '<p>a <mark class="hl">&lt;b&gt;</mark> &amp; c</p>\n<p>d e</p>');
  });
});
