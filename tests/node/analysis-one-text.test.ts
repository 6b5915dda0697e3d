import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeLayers, type AnalysisInput } from '../../src/analysis/analyze.ts';

/**
 * Damage flags of a text depend on that text alone: loading other texts
 * beside it never adds, removes or changes one (issue: adding a text made
 * "Even" a misspelling of "Event").
 */
const A: AnalysisInput = {
  iri: 'https://example.org/a.txt',
  text: [
    'Harbour records',
    '',
    'Even the weather helped the fleet that spring. The ships left the harbour in May and returned in June.',
    '',
    'The crew stayed at an inn near the quay. Prince Albert visited the port in the autumn.',
  ].join('\n'),
};
const B: AnalysisInput = {
  iri: 'https://example.org/b.txt',
  text: [
    'Festival notes',
    '',
    'The Event opened in Alberta. Event staff came from Alberta and Alberta. The Event closed in Alberta late in the year.',
    '',
    'Stalls stood in rows in the square in front of the hall in the town in the north, in sun and in rain.',
  ].join('\n'),
};
const C: AnalysisInput = {
  iri: 'https://example.org/c.txt',
  text: 'Weather report\n\nEven and Even and Even, the Evening papers said. The Evening came.\n',
};

function damageOf(inputs: readonly AnalysisInput[], iri: string) {
  const items = analyzeLayers(inputs, { created: '2026-01-01T00:00:00Z' }).damage;
  return items.filter((a) => JSON.stringify(a.target).includes(`"source":"${iri}"`)).map((a) => JSON.stringify(a));
}

describe('damage flags look at one text at a time', () => {
  for (const input of [A, B, C]) {
    it(`gives ${input.iri} the same flags alone as together with the others`, () => {
      const alone = damageOf([input], input.iri);
      assert.deepEqual(damageOf([A, B, C], input.iri), alone);
      assert.deepEqual(damageOf([C, input, B, A].filter((x, i, all) => all.indexOf(x) === i), input.iri), alone);
    });
  }

  it('does not take a word of one text for a misspelling of a word of another', () => {
    const flagged = damageOf([A, B], A.iri).join('\n');
    assert.doesNotMatch(flagged, /"Even"|"Albert"|"inn"/u);
  });
});
