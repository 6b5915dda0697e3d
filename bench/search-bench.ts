/**
 * Search benchmark (Node): index build time and query p50 / p95 over a fixed
 * query set, for the reader's engine and for a bare lunr index (default
 * pipeline, one document per paragraph) over the same text.
 */
import lunr from 'lunr';
import { SearchEngine, type SearchDocument } from '../src/search/index.ts';
import { paragraphsOf } from './corpus.ts';
import { percentile, summarize, type Summary } from './stats.ts';

/**
 * The fixed query set: single words, two words, phrases, a prefix, names with
 * and without their accents, a number, and a word that is not there.
 */
export const QUERIES: readonly string[] = [
  'Soviet',
  'Chile',
  'relations',
  'Allende',
  'Corvalan',
  'Corvalán',
  'embassy',
  'Moscow',
  'Warsaw Pact',
  'Soviet Union',
  '"diplomatic relations"',
  '"Warsaw Pact"',
  'trade agreement',
  'Pinochet coup',
  'Czechoslovakia',
  'Poland',
  'Bulgaria Hungary',
  'economic aid',
  '1973',
  'communist party',
  'credit',
  'ambassador',
  'gov*',
  'Santiago',
  'Russia',
  'copper',
  'Frei government',
  'visit',
  'Putin',
  'xylophone',
];

/** The same query for bare lunr: quotes and operators dropped, as a user's words. */
function lunrQuery(q: string): string {
  return q.replace(/["+\-~^:]/g, ' ').trim();
}

/** Build and query figures for one engine. */
export interface SearchFigures {
  readonly build: Summary;
  readonly p50: Summary;
  readonly p95: Summary;
}

/** Per-round p50 and p95 of per-query times (each query timed `repeats` times, its median kept). */
function queryRounds(run: (q: string) => void, rounds: number, repeats: number): { p50: Summary; p95: Summary } {
  for (const q of QUERIES) run(q);
  const p50: number[] = [];
  const p95: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const perQuery = QUERIES.map((q) => {
      const times: number[] = [];
      for (let k = 0; k < repeats; k++) {
        const t0 = performance.now();
        run(q);
        times.push(performance.now() - t0);
      }
      return summarize(times).median;
    });
    p50.push(percentile(perQuery, 50));
    p95.push(percentile(perQuery, 95));
  }
  return { p50: summarize(p50), p95: summarize(p95) };
}

/** The reader's engine over `documents`. */
export function benchEngine(documents: readonly SearchDocument[], runs: number): SearchFigures {
  const builds: number[] = [];
  let engine: SearchEngine | null = null;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    engine = SearchEngine.build(documents);
    builds.push(performance.now() - t0);
  }
  const e = engine!;
  return { build: summarize(builds), ...queryRounds((q) => void e.search(q), runs, 3) };
}

/** A bare lunr index over the same texts, one document per paragraph. */
export function benchBareLunr(documents: readonly SearchDocument[], runs: number): SearchFigures {
  const paragraphs = paragraphsOf(documents.map((d) => d.source));
  const builds: number[] = [];
  let index: lunr.Index | null = null;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    index = lunr(function () {
      this.ref('id');
      this.field('body');
      paragraphs.forEach((body, id) => this.add({ id: String(id), body }));
    });
    builds.push(performance.now() - t0);
  }
  const idx = index!;
  const run = (q: string) => {
    try {
      idx.search(lunrQuery(q));
    } catch {
      // A query bare lunr cannot parse costs what it cost; the figure is the time.
    }
  };
  return { build: summarize(builds), ...queryRounds(run, runs, 3) };
}
