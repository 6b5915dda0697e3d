import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_FILE_LENGTH, fileSizeProblem, textLengthProblem } from '../../src/annotations/import-limit.ts';
import { importCollection, importReport } from '../../src/annotations/exchange.ts';
import { loadCollection } from '../../src/annotations/validate.ts';

/** A collection text of about `length` characters: valid JSON, one long label. */
function collectionText(length: number): string {
  const head = '{"@context":"http://www.w3.org/ns/anno.jsonld","type":"AnnotationCollection","items":[],"label":"';
  return `${head}${'x'.repeat(Math.max(0, length - head.length - 2))}"}`;
}

/** Runs `body` with JSON.parse replaced by one that fails the test: nothing may be parsed. */
function withoutParsing<T>(body: () => T): T {
  const parse = JSON.parse;
  JSON.parse = () => {
    throw new Error('JSON.parse was called on a file over the limit');
  };
  try {
    return body();
  } finally {
    JSON.parse = parse;
  }
}

describe('the import size limit', () => {
  it('refuses a file over 16 MB by its size, naming the file and the size', () => {
    const message = fileSizeProblem('notes-2024.jsonld', 18_664_652);
    assert.ok(message);
    assert.match(message, /^notes-2024\.jsonld was not imported: it is 17\.8 MB \(18,664,652 bytes\), more than the 16\.0 MB/);
  });

  it('takes a file at the limit, and an empty one', () => {
    assert.equal(fileSizeProblem('a.json', MAX_FILE_LENGTH), null);
    assert.equal(fileSizeProblem('a.json', 0), null);
  });

  it('shows a hostile file name neutralised and cut', () => {
    const message = fileSizeProblem(`invoice\u202Etxt.exe${'y'.repeat(500)}`, MAX_FILE_LENGTH + 1)!;
    assert.doesNotMatch(message, /\u202E/);
    assert.ok(message.length < 300);
  });

  it('measures a text in characters', () => {
    assert.equal(textLengthProblem('x'.repeat(10)), null);
    assert.match(textLengthProblem('x'.repeat(MAX_FILE_LENGTH + 1))!, /^the file is 16,777,217 characters long, more than the 16,777,216/);
  });

  it('importCollection refuses an over-long text without parsing it', () => {
    const text = collectionText(MAX_FILE_LENGTH + 1024);
    const result = withoutParsing(() => importCollection(text, [], { fileName: 'big.jsonld' }));
    assert.equal(result.total, 0);
    assert.match(result.refused!, /characters long, more than the 16,777,216 an annotation file may have/);
    assert.deepEqual(importReport('big.jsonld', result), ['big.jsonld was not imported.', result.refused]);
  });

  it('loadCollection refuses an over-long text without parsing it', () => {
    const { layer, problems } = withoutParsing(() => loadCollection('big.jsonld', collectionText(MAX_FILE_LENGTH + 1)));
    assert.equal(layer, null);
    assert.equal(problems.length, 1);
    assert.match(problems[0]!.message, /^big\.jsonld: the file is 16,777,217 characters long/);
  });

  it('still reads a file just under the limit', () => {
    const result = importCollection(collectionText(MAX_FILE_LENGTH - 16), [], { fileName: 'edge.jsonld' });
    assert.equal(result.refused, null);
  });
});
