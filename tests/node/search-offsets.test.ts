import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { SearchEngine, type SearchDocument } from '../../src/search/engine.ts';
import { foldWord } from '../../src/text/fold.ts';
import { tokenize } from '../../src/search/tokenize.ts';
import { readManifest } from '../../src/document/manifest.ts';
import { parsePlainText } from '../../src/document/parse.ts';

const dir = new URL('../../documents/', import.meta.url);
const manifest = readManifest(JSON.parse(readFileSync(new URL('manifest.json', dir), 'utf8')));
const docs: SearchDocument[] = manifest.documents.map((d) => ({
  id: d.id,
  title: d.title,
  source: readFileSync(new URL(d.file, dir), 'utf8'),
}));
const engine = SearchEngine.build(docs);
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/** Every `SAMPLE_STEP`-th word of a text: a general sample, no word chosen by hand. */
const SAMPLE_STEP = 37;

/** The words of each passage (block) the reader shows; markup such as note numbers is not shown text. */
function passageWords(doc: SearchDocument) {
  return parsePlainText(doc.source, { title: doc.title ?? null }).blocks.map((b) =>
    b.segments.flatMap((seg) => tokenize(doc.source.slice(seg.from, seg.to), seg.from)),
  );
}

function sample(doc: SearchDocument) {
  return passageWords(doc).flat().filter((_, i) => i % SAMPLE_STEP === 0);
}

function assertWholeWords(source: string, from: number, to: number): void {
  assert.ok(from >= 0 && to <= source.length && from < to, `range ${from}-${to}`);
  assert.ok(from === 0 || !WORD_CHAR.test(source[from - 1]!), `match at ${from} starts inside a word`);
  assert.ok(to === source.length || !WORD_CHAR.test(source[to]!), `match at ${to} ends inside a word`);
}

describe('match offsets on the real documents', () => {
  for (const doc of docs) {
    const words = sample(doc);

    it(`${doc.id}: every match of a sampled word slices out a whole word`, () => {
      assert.ok(words.length > 10);
      for (const w of words) {
        const results = engine.search(w.text, { document: doc.id });
        assert.ok(results.hits.length > 0, `"${w.text}" finds itself`);
        assert.ok(results.hits.some((h) => h.matches.some(([s, e]) => s === w.from && e === w.to)), `"${w.text}" at ${w.from}`);
        for (const hit of results.hits) {
          for (const [s, e] of hit.matches) {
            assertWholeWords(doc.source, s, e);
            assert.equal(tokenize(doc.source.slice(s, e)).length, 1);
          }
        }
      }
    });

    it(`${doc.id}: every match of a prefix slices out a word starting with it`, () => {
      for (const w of words) {
        const prefix = foldWord(w.text).slice(0, 3);
        if (prefix.length < 3) continue;
        const results = engine.search(`${prefix}*`, { document: doc.id });
        for (const hit of results.hits) {
          for (const [s, e] of hit.matches) {
            assertWholeWords(doc.source, s, e);
            assert.ok(foldWord(doc.source.slice(s, e)).startsWith(prefix), `"${doc.source.slice(s, e)}" for ${prefix}*`);
          }
        }
      }
    });

    it(`${doc.id}: every phrase match slices out the phrase's words, adjacent`, () => {
      // Pairs of neighbouring words inside one passage: a phrase never spans two passages.
      const pairs = passageWords(doc).flatMap((ws) => ws.slice(1).map((w, k) => [ws[k]!.text, w.text]));
      for (let i = 0; i < pairs.length; i += SAMPLE_STEP) {
        const pair = pairs[i]!;
        const results = engine.search(`"${pair.join(' ')}"`, { document: doc.id });
        assert.ok(results.hits.length > 0, `"${pair.join(' ')}" finds itself`);
        for (const hit of results.hits) {
          for (const [s, e] of hit.matches) {
            assertWholeWords(doc.source, s, e);
            assert.deepEqual(tokenize(doc.source.slice(s, e)).map((t) => foldWord(t.text)), pair.map(foldWord));
          }
        }
      }
    });

    it(`${doc.id}: snippets show the matched text at their marks`, () => {
      for (const w of words.slice(0, 40)) {
        for (const hit of engine.search(w.text, { document: doc.id }).hits) {
          assert.ok(hit.snippet.marks.length > 0);
          for (const [s, e] of hit.snippet.marks) {
            const shown = hit.snippet.text.slice(s, e);
            assert.ok(hit.matches.some(([ms, me]) => doc.source.slice(ms, me).replace(/\s+/gu, ' ') === shown), shown);
          }
        }
      }
    });
  }
});
