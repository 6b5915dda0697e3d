import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parsePlainText } from '../../src/document/parse.ts';
import { detectContradictions } from '../../src/analysis/damage/contradiction.ts';
import { detectUnsupported } from '../../src/analysis/damage/unsupported.ts';

const quotes = (text: string, found: readonly { from: number; to: number }[]) => found.map((f) => text.slice(f.from, f.to));

describe('detectContradictions', () => {
  it('flags both passages when one event is dated on two days of one month', () => {
    const text = [
      'Tension grew and Norway severed diplomatic relations on 12 March 1950.',
      '',
      'Diplomatic relations having been suspended on 14 March 1950, a neutral embassy took over.',
    ].join('\n');
    const found = detectContradictions(parsePlainText(text));
    assert.deepEqual(quotes(text, found), [
      'Tension grew and Norway severed diplomatic relations on 12 March 1950.',
      'Diplomatic relations having been suspended on 14 March 1950, a neutral embassy took over.',
    ]);
    assert.ok(found.every((f) => f.tag === 'contradiction'));
    assert.match(found[0]!.description, /12 March 1950 here but 14 March 1950/);
  });

  it('reads "Month D, YYYY" dates too', () => {
    const text = 'The treaty was signed on May 3, 1960. Later accounts say the treaty was signed on May 5, 1960.';
    assert.equal(detectContradictions(parsePlainText(text)).length, 2);
  });

  it('does not flag different events, different things, other months or far-apart days', () => {
    const text = [
      'The coup took place on 11 September 1973. Relations were cut on 22 September 1973.',
      '',
      'Poland opened an embassy on 7 January 1965. A trade treaty was signed on 9 January 1965.',
      '',
      'The treaty was signed on 3 May 1960. The treaty was signed on 3 June 1960.',
      '',
      'The embassy closed and relations were cut on 1 April 1980. Ties with the bank were cut on 28 April 1980.',
    ].join('\n');
    assert.deepEqual(detectContradictions(parsePlainText(text)), []);
  });
});

describe('detectUnsupported', () => {
  it('flags the sentence a [citation needed] tag follows', () => {
    const text = 'A sourced claim.[1] The minister visited twice.[citation needed] Another sentence.';
    const found = detectUnsupported(parsePlainText(text));
    assert.deepEqual(quotes(text, found), ['The minister visited twice.[citation needed]']);
    assert.equal(found[0]!.tag, 'unsupported');
  });

  it('ignores ordinary bracketed text', () => {
    const text = 'He said [sic] that it was so. The list [see below] is long.';
    assert.deepEqual(detectUnsupported(parsePlainText(text)), []);
  });
});
