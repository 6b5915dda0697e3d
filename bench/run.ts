/**
 * `npm run bench`: every figure of issue 7 beside a baseline measured in the
 * same run, printed as a table (or, with `--json`, as
 * `{"machine", "results": [...]}`). Progress goes to stderr. Exits 0 whatever
 * the figures: benchmarks inform, tests gate. `--runs N` sets the runs per
 * figure (default 5); `--only load,import` runs only the named groups (bundle, load, scale, large, import,
 * connectors, anchoring, search); `--import-notes N` sets how many notes by a person the import bench imports
 * (default 20,000). The last run's JSON is also written to `.bench/results.json`.
 * For clean JSON on stdout run `npm run --silent bench -- --json` (npm prints a banner otherwise).
 * `--only load,scale` runs only the named groups (bundle, load, scale, anchoring, search).
 */
import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { readManifestTexts } from '../src/cli/manifest-texts.ts';
import { benchAnchoring } from './anchoring-bench.ts';
import { benchConnectors } from './connectors-bench.ts';
import { launch } from './browser.ts';
import { benchLoad, benchScale, type ScaleRun } from './browser-benches.ts';
import { benchImport, generateImport, importFileText, type ImportRun } from './import-bench.ts';
import { gzipSizeOf, librariesGzipSize } from './bundle-bench.ts';
import { applyEdits, generateAnnotations, generateCorpus } from './corpus.ts';
import { describeMachine } from './machine.ts';
import { formatTable, makeResult, type BenchResult } from './report.ts';
import { benchBareLunr, benchEngine, type SearchFigures } from './search-bench.ts';
import { serveFolder } from './server.ts';
import { buildSite, CORPUS_IRI, PAGES, type LargeText } from './site.ts';
import { summarize } from './stats.ts';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const WORK = join(ROOT, '.bench');
const SEED = 20261122;
const CORPUS_LENGTH = 1_000_000;
const ANNOTATIONS = 10_000;
/** The large corpus: 10 MB in texts of 2.5 MB (the reader lays out at most 4 MB a text), with this many annotations. */
const LARGE_LENGTH = 10_000_000;
const LARGE_PARTS = 4;
const LARGE_ANNOTATIONS = 20_000;
const EDIT_RATE = 0.02;
/** Every this-many-th target is also anchored the baseline's way (it is far slower). */
const BASELINE_STRIDE = 50;

const args = process.argv.slice(2);
const json = args.includes('--json');
const runsArg = args.indexOf('--runs');
const RUNS = runsArg >= 0 ? Math.max(1, Number(args[runsArg + 1]) || 5) : 5;
/** `--only a,b`: run only these groups (bundle, load, scale, import, connectors, anchoring, search); all when absent. */
const onlyArg = args.indexOf('--only');
const ONLY = onlyArg >= 0 ? new Set((args[onlyArg + 1] ?? '').split(',').filter(Boolean)) : null;
const wanted = (group: string): boolean => !ONLY || ONLY.has(group);
/** `--import-notes N`: how many notes by a person the import bench imports (default 20,000). */
const notesArg = args.indexOf('--import-notes');
const IMPORT_NOTES = notesArg >= 0 ? Math.max(1, Number(args[notesArg + 1]) || 20_000) : 20_000;
const IMPORT_MACHINE = 20_000;
/** The import bench runs fewer times: one person-notes run took minutes before batching. */
const IMPORT_RUNS = Math.min(RUNS, 3);
const IMPORT_TIMEOUT = 1_200_000;
/** Where the import bench's files are written on the site. */
const IMPORT_FILES = { machine: 'import-machine.jsonld', person: 'import-person.jsonld' } as const;

/** Thrown to skip the browser benchmarks when Chromium did not start (the failure is already recorded). */
class SkipBrowserBenches extends Error {
  override name = 'SkipBrowserBenches';
}

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);
const results: BenchResult[] = [];
const failures: string[] = [];

/** Runs one benchmark; a failure is reported and the others still run. */
async function step(name: string, body: () => Promise<void> | void): Promise<void> {
  const t0 = performance.now();
  log(`${name}…`);
  try {
    await body();
    log(`${name} done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  } catch (error) {
    const message = `${name} failed: ${(error as Error).stack ?? String(error)}`;
    failures.push(message);
    log(message);
  }
}

/** One result per load phase (src/app/phases.ts): the median over the runs of each mark's time, or each work's total. */
function phaseResults(label: string, runs: readonly Record<string, number>[]): void {
  const names = [...new Set(runs.flatMap((r) => Object.keys(r)))];
  for (const name of names) {
    const values = runs.map((r) => r[name]).filter((v): v is number => v !== undefined);
    results.push(
      makeResult(`${label} phase: ${name}`, 'ms', summarize(values), {
        note: name.endsWith('(total)') ? 'the time this work took, summed over its pieces (texts, layers)' : 'when this phase ended, ms since navigation start',
      }),
    );
  }
}

/** The figures of one scale benchmark (the 1 MB corpus, or the large one). */
function scaleResults(label: string, scale: { measured: ScaleRun[]; baseline: ScaleRun[] }, goals: { paint: number; heap: number }): void {
  const pick = (runs: ScaleRun[], key: 'firstPaint' | 'ready' | 'redrawOff' | 'redrawOn' | 'frameP95' | 'workP95' | 'heap' | 'drawn', factor = 1) =>
    summarize(runs.map((r) => r[key] * factor));
  const m = scale.measured;
  const s = scale.baseline;
  const mb = 1 / 1024 ** 2;
  results.push(
    makeResult(`${label}: first annotated paint`, 'ms', pick(m, 'firstPaint'), {
      baseline: pick(s, 'firstPaint'),
      targets: [{ on: 'value', op: '<=', limit: goals.paint }],
      note: 'navigation start to the first frame showing a highlight; baseline: the corpus as static HTML with its spans marked, load + one frame',
    }),
  );
  results.push(makeResult(`${label}: reader-ready`, 'ms', pick(m, 'ready'), { baseline: pick(s, 'ready') }));
  results.push(
    makeResult(`${label}: redraw after layer off`, 'ms', pick(m, 'redrawOff'), {
      baseline: pick(s, 'redrawOff'),
      note: 'layer-toggle event to one frame after the view redrew; baseline: a class hiding the static marks',
    }),
  );
  results.push(makeResult(`${label}: redraw after layer on`, 'ms', pick(m, 'redrawOn'), { baseline: pick(s, 'redrawOn') }));
  results.push(
    makeResult(`${label}: p95 frame while scrolling`, 'ms', pick(m, 'frameP95'), {
      baseline: pick(s, 'frameP95'),
      targets: [{ on: 'value', op: '<=', limit: 16 }],
      note: 'rAF timestamps while scrollTop grows 60 px a frame for 150 frames; at 60 Hz one frame is 16.7 ms, so only a figure above that means dropped frames',
    }),
  );
  results.push(
    makeResult(`${label}: p95 frame work while scrolling`, 'ms', pick(m, 'workP95'), {
      baseline: pick(s, 'workP95'),
      targets: [{ on: 'value', op: '<=', limit: 16 }],
      note: "a second pass of 150 frames, further down: from each frame's rAF callback to a task queued there (the frame's scroll, style, layout and paint)",
    }),
  );
  results.push(
    makeResult(`${label}: JS heap after GC, page`, 'MB', pick(m, 'heap', mb), {
      baseline: pick(s, 'heap', mb),
      targets: [{ on: 'value', op: '<=', limit: goals.heap }],
      note: "the page's own heap (CDP, after a forced GC, after the scroll passes); the search index is in a worker once built",
    }),
  );
  results.push(
    makeResult(`${label}: JS heap after GC, page + workers`, 'MB', summarize(m.map((r) => (r.heap + r.heapWorkers) * mb)), {
      baseline: pick(s, 'heap', mb),
      note: 'the same plus every worker of the page (the search worker holds the text and body indexes)',
    }),
  );
  results.push(makeResult(`${label}: highlight elements drawn`, 'count', pick(m, 'drawn'), { baseline: pick(s, 'drawn') }));
  phaseResults(label, m.map((r) => r.phases));
}

function searchResults(label: string, ours: SearchFigures, bare: SearchFigures, p95Limit: number): void {
  results.push(makeResult(`search ${label}: index build`, 'ms', ours.build, { baseline: bare.build }));
  results.push(makeResult(`search ${label}: query p50`, 'ms', ours.p50, { baseline: bare.p50 }));
  results.push(
    makeResult(`search ${label}: query p95`, 'ms', ours.p95, {
      baseline: bare.p95,
      targets: [
        { on: 'value', op: '<=', limit: p95Limit },
        { on: 'ratio', op: '<=', limit: 1.5 },
      ],
    }),
  );
}

/** The large corpus: LARGE_LENGTH characters in LARGE_PARTS texts, LARGE_ANNOTATIONS spread over them. */
function generateLarge(sources: readonly string[]): { texts: LargeText[]; annotations: ReturnType<typeof generateAnnotations> } {
  log(`generating the large corpus (${LARGE_LENGTH.toLocaleString('en-US')} characters in ${LARGE_PARTS} texts)`);
  const texts: LargeText[] = [];
  const annotations: ReturnType<typeof generateAnnotations> = [];
  for (let i = 0; i < LARGE_PARTS; i++) {
    const id = `large-${i + 1}`;
    const iri = `https://reader.example.org/bench/${id}.txt`;
    const source = generateCorpus(sources, { minLength: LARGE_LENGTH / LARGE_PARTS, seed: SEED + 10 + i });
    texts.push({ id, iri, source });
    for (const a of generateAnnotations(source, { count: LARGE_ANNOTATIONS / LARGE_PARTS, seed: SEED + 20 + i, iri })) annotations.push(a);
  }
  return { texts, annotations };
}

async function main(): Promise<void> {
  // Read as every reader of a file reads (decodeText), so the benchmarked offsets are the reader's.
  const manifestTexts = readManifestTexts(join(ROOT, 'documents')).documents;
  const texts = manifestTexts.map(({ entry: d, text }) => ({ id: d.id, title: d.title ?? d.label, source: text }));
  let chromiumVersion: string | null = null;

  await step('build (npm run build)', () => {
    const built = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`npm run build exited ${built.status}: ${built.stderr.slice(-2000)}`);
  });

  if (wanted('bundle')) await step('bundle', async () => {
    const ours = await gzipSizeOf(join(ROOT, 'dist'));
    const libraries = await librariesGzipSize(join(WORK, 'libraries'));
    results.push(
      makeResult('bundle: production JS + CSS, gzip', 'KB', summarize([ours.bytes / 1024]), {
        baseline: summarize([libraries / 1024]),
        targets: [{ on: 'ratio', op: '<=', limit: 1.3 }],
        note: `baseline: lit + prosemirror-model + prosemirror-view + lunr, whole, bundled alone by Vite; files: ${ours.files.join(', ')}`,
      }),
    );
  });

  log('generating the corpus, its annotations and the edited copy');
  const corpus = generateCorpus(
    texts.map((t) => t.source),
    { minLength: CORPUS_LENGTH, seed: SEED },
  );
  const annotations = generateAnnotations(corpus, { count: ANNOTATIONS, seed: SEED + 1, iri: CORPUS_IRI });
  const edited = applyEdits(corpus, { rate: EDIT_RATE, seed: SEED + 2 });
  log(`corpus ${corpus.length.toLocaleString('en-US')} characters, ${annotations.length} annotations, ${edited.edits} edits`);

  let browser: Browser | null = null;
  const server = await (async () => {
    const large = wanted('large') ? generateLarge(texts.map((t) => t.source)) : undefined;
    await buildSite(join(WORK, 'site'), { dist: join(ROOT, 'dist'), texts, corpus, annotations, seed: SEED, ...(large ? { large } : {}) });
    if (wanted('import')) {
      const on = manifestTexts.map(({ entry, text }) => ({ iri: entry.iri, source: text }));
      await writeFile(join(WORK, 'site', IMPORT_FILES.machine), importFileText(generateImport(on, IMPORT_MACHINE, 'machine', SEED + 3), 'Benchmark: a machine layer to import', SEED + 3));
      await writeFile(join(WORK, 'site', IMPORT_FILES.person), importFileText(generateImport(on, IMPORT_NOTES, 'person', SEED + 4), "Benchmark: a person's notes to import", SEED + 4));
    }
    return serveFolder(join(WORK, 'site'));
  })();
  try {
    if (wanted('load') || wanted('scale') || wanted('large') || wanted('import') || wanted('connectors')) await step('launch Chromium', async () => {
      browser = await launch();
    });
    // Without a browser the Node figures are still worth printing.
    const b = browser as Browser | null;
    if (!b) throw new SkipBrowserBenches();
    chromiumVersion = b.version();
    if (wanted('load')) await step('load', async () => {
      const load = await benchLoad(b, server.origin, Math.max(RUNS, 7));
      results.push(
        makeResult('load: both texts, all layers, reader-ready', 'ms', summarize(load.measured), {
          baseline: summarize(load.baseline),
          targets: [{ on: 'ratio', op: '<=', limit: 2 }],
          note: 'navigation start to reader-ready + one frame (the search index is built later: on first search or when idle); baseline: the two texts as static HTML, load + one frame',
        }),
      );
      results.push(
        makeResult('load: both texts, first text paint', 'ms', summarize(load.textPaint), {
          baseline: summarize(load.baseline),
          targets: [{ on: 'ratio', op: '<=', limit: 1.5 }],
          note: 'navigation start to the end of the first frame showing text of a reader view',
        }),
      );
      results.push(
        makeResult('load: both texts, first annotated paint', 'ms', summarize(load.annotatedPaint), {
          baseline: summarize(load.baseline),
          note: 'navigation start to the end of the first frame showing an annotation highlight',
        }),
      );
      phaseResults('load', load.phases);
    });
    if (wanted('scale')) await step('scale', async () => {
      scaleResults('scale (1 MB, 10k annotations)', await benchScale(b, server.origin, RUNS), { paint: 500, heap: 40 });
    });
    if (wanted('large')) await step('large', async () => {
      const pages = { app: PAGES.largeApp, static: PAGES.largeStatic };
      scaleResults(`large (10 MB in ${LARGE_PARTS} texts, ${LARGE_ANNOTATIONS / 1000}k annotations)`, await benchScale(b, server.origin, Math.min(RUNS, 3), pages), { paint: 1000, heap: 200 });
    });
    if (wanted('import')) await step('import', async () => {
      const pick = (runs: ImportRun[], key: 'wall' | 'longestTask') => summarize(runs.map((r) => r[key]));
      const machine = await benchImport(b, server.origin, IMPORT_FILES.machine, { runs: IMPORT_RUNS, store: false, timeout: IMPORT_TIMEOUT });
      const seen = machine.measured[0]?.report ?? '';
      results.push(
        makeResult(`import: machine layer of ${IMPORT_MACHINE.toLocaleString('en-US')}, wall`, 'ms', pick(machine.measured, 'wall'), {
          baseline: pick(machine.baseline, 'wall'),
          note: `import-file event to the frame after the report ("${seen}"); baseline: JSON.parse of the same file in the page`,
        }),
      );
      results.push(
        makeResult(`import: machine layer of ${IMPORT_MACHINE.toLocaleString('en-US')}, longest main-thread block`, 'ms', pick(machine.measured, 'longestTask'), {
          baseline: pick(machine.baseline, 'longestTask'),
          note: 'the longest long task (PerformanceObserver "longtask", over 50 ms) between the event and that frame',
        }),
      );
      const person = await benchImport(b, server.origin, IMPORT_FILES.person, { runs: IMPORT_RUNS, store: true, timeout: IMPORT_TIMEOUT });
      const said = person.measured[0]?.report ?? '';
      results.push(
        makeResult(`import: ${IMPORT_NOTES.toLocaleString('en-US')} notes by a person, wall`, 'ms', pick(person.measured, 'wall'), {
          baseline: pick(person.baseline, 'wall'),
          note: `saved to IndexedDB and anchored ("${said}"); baseline: JSON.parse and one IndexedDB transaction of the same items`,
        }),
      );
      results.push(
        makeResult(`import: ${IMPORT_NOTES.toLocaleString('en-US')} notes by a person, longest main-thread block`, 'ms', pick(person.measured, 'longestTask'), {
          baseline: pick(person.baseline, 'longestTask'),
        }),
      );
    });
    if (wanted('connectors')) await step('connectors', async () => {
      const c = await benchConnectors(b, server.origin, RUNS);
      results.push(
        makeResult('connectors: p95 frame work while scrolling, lines on', 'ms', summarize(c.measured), {
          baseline: summarize(c.baseline),
          targets: [{ on: 'value', op: '<=', limit: 16 }],
          note: 'both texts at 1440×900, the first scrolled 40 px a frame for 150 frames; baseline: the same with the connector lines off',
        }),
      );
    });
  } catch (error) {
    if (!(error instanceof SkipBrowserBenches)) throw error;
  } finally {
    await (browser as Browser | null)?.close();
    await server.close();
  }

  if (wanted('anchoring')) await step('anchoring', () => {
    const f = benchAnchoring(corpus, edited, annotations, { runs: RUNS, baselineRuns: 3, stride: BASELINE_STRIDE });
    results.push(
      makeResult('anchoring: re-anchor 10,000 after 2% edits', 'ms', summarize(f.ours), {
        baseline: summarize(f.baseline),
        targets: [{ on: 'ratio', op: '<=', limit: 0.1 }],
        note: `baseline: Hypothesis's way (approx-string-match) on every ${BASELINE_STRIDE}th target (${f.sample}), time scaled to all; ours: ${f.fuzzy} fuzzy, ${f.orphaned} orphaned`,
      }),
    );
    results.push(
      makeResult('anchoring: same anchor as baseline', '%', summarize([(100 * f.agree) / f.sample]), {
        targets: [{ on: 'value', op: '>=', limit: 99.5 }],
        note: `${f.agree} of ${f.sample} sampled targets`,
      }),
    );
    results.push(
      makeResult('anchoring: at the edited passage (ours)', '%', summarize([(100 * f.sampleOursCorrect) / f.sample]), {
        baseline: summarize([(100 * f.sampleBaselineCorrect) / f.sample]),
        note: `on the sample; ours on all targets: ${((100 * f.oursCorrect) / annotations.length).toFixed(1)}%. The corpus repeats the texts' paragraphs, so a short quote with its context often exists elsewhere too`,
      }),
    );
    results.push(
      makeResult('anchoring: anchored elsewhere than the edited passage (ours)', '%', summarize([(100 * f.sampleOursElsewhere) / f.sample]), {
        baseline: summarize([(100 * f.sampleBaselineElsewhere) / f.sample]),
        targets: [{ on: 'value', op: '<=', limit: 0 }],
        note: `on the sample (${f.sampleOursElsewhere} ours, ${f.sampleBaselineElsewhere} baseline); ours on all targets: ${f.oursElsewhere} (${((100 * f.oursElsewhere) / annotations.length).toFixed(1)}%). Elsewhere includes a copy of the passage with the same words around it, which the corpus has`,
      }),
    );
    const u = f.unique;
    const share = (n: number, of: number) => summarize([of ? (100 * n) / of : 0]);
    results.push(
      makeResult('anchoring, unique passages: at the true passage', '%', share(u.ours.atTruth, u.sample), {
        baseline: share(u.baseline.atTruth, u.sample),
        note: `sampled targets whose passage with its context occurs once in the corpus (${u.sample} of ${f.sample}); ours on all ${u.all} such targets: ${u.oursAll.atTruth} at the passage, ${u.oursAll.orphaned} orphaned, ${u.oursAll.elsewhere} elsewhere`,
      }),
    );
    results.push(makeResult('anchoring, unique passages: orphaned', '%', share(u.ours.orphaned, u.sample), { baseline: share(u.baseline.orphaned, u.sample) }));
    results.push(
      makeResult('anchoring, unique passages: anchored elsewhere', '%', share(u.ours.elsewhere, u.sample), {
        baseline: share(u.baseline.elsewhere, u.sample),
        targets: [{ on: 'value', op: '<=', limit: 0 }],
      }),
    );
  });

  if (wanted('search')) await step('search on our texts', () => {
    searchResults('(our texts)', benchEngine(texts, RUNS), benchBareLunr(texts, RUNS), 2);
  });
  if (wanted('search')) await step('search on the 1 MB corpus', () => {
    const docs = [{ id: 'corpus', source: corpus, title: 'Generated benchmark corpus' }];
    searchResults('(1 MB corpus)', benchEngine(docs, Math.min(RUNS, 3)), benchBareLunr(docs, Math.min(RUNS, 3)), 10);
  });

  const machine = describeMachine(chromiumVersion);
  const report = `${JSON.stringify({ machine, results, ...(failures.length ? { failures } : {}) }, null, 2)}\n`;
  // The last run's figures are kept (git-ignored) for the README and for comparing runs.
  await writeFile(join(WORK, 'results.json'), report);
  if (json) {
    process.stdout.write(report);
  } else {
    process.stdout.write(`Machine: ${machine}\n\n${formatTable(results)}\n`);
    const notes = results.filter((r) => r.note).map((r) => `- ${r.name}: ${r.note}`);
    if (notes.length) process.stdout.write(`\nNotes:\n${notes.join('\n')}\n`);
    if (failures.length) process.stdout.write(`\nFailed:\n${failures.map((f) => `- ${f.split('\n')[0]}`).join('\n')}\n`);
  }
}

main()
  .catch((error) => {
    log(`the benchmark stopped: ${(error as Error).stack ?? String(error)}`);
  })
  .finally(() => {
    process.exitCode = 0;
  });
