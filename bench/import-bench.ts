/**
 * Importing a big annotation file into the reader (issue 10, item 9): a
 * machine layer of 20,000 annotations, and 20,000 notes by a person (which
 * are saved to IndexedDB and re-anchored). Each figure is the wall time from
 * handing the file to the import (the layers panel's `import-file` event) to
 * the frame after the report is shown, and the longest main-thread block in
 * that time (the longest `longtask` entry; Chromium reports tasks over 50 ms).
 *
 * Baselines, in the same page: the file's text parsed with `JSON.parse` (the
 * machine layer), and parsed then written to a scratch IndexedDB database in
 * one transaction (the person's notes): the floor any import pays.
 */
import type { Browser } from 'playwright-core';
import { commentBody, describingBody, stableAnnotationId, tagBody, textTarget, type Annotation } from '../src/annotations/model.ts';
import { CodePointIndex } from '../src/document/code-points.ts';
import { timeNavigation } from './browser.ts';
import { BENCH_AGENT, collectionOf } from './corpus.ts';
import { Random } from './random.ts';
import { PAGES } from './site.ts';

/** A document annotations are made on. */
export interface ImportText {
  readonly iri: string;
  readonly source: string;
}

/** What one import run measured. */
export interface ImportRun {
  /** ms from the `import-file` event to the frame after the report. */
  readonly wall: number;
  /** The longest main-thread task in that time (ms; 0 when none exceeded 50 ms). */
  readonly longestTask: number;
  /** The report the reader showed (first line), to check that the import did what it should. */
  readonly report: string;
}

/**
 * `count` annotations on random word spans (one to six words) of `texts`,
 * made by a person (notes with a comment) or a machine (garbled flags with a
 * description). Deterministic ids; spans may overlap.
 */
export function generateImport(texts: readonly ImportText[], count: number, by: 'person' | 'machine', seed: number): Annotation[] {
  const random = new Random(seed);
  const prepared = texts.map((t) => ({ ...t, index: new CodePointIndex(t.source), words: [...t.source.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => [m.index, m.index + m[0].length] as const) }));
  const out: Annotation[] = [];
  for (let n = 0; n < count; n++) {
    const t = random.pick(prepared);
    const first = random.int(0, t.words.length - 1);
    const last = Math.min(t.words.length - 1, first + random.int(0, 5));
    const target = textTarget(t.iri, t.source, t.words[first]![0], t.words[last]![1], t.index);
    const id = stableAnnotationId(`bench-import:${by}:${seed}:${n}`);
    out.push(
      by === 'person'
        ? {
            '@context': 'http://www.w3.org/ns/anno.jsonld',
            id,
            type: 'Annotation',
            motivation: 'commenting',
            target,
            body: [commentBody(`Imported note ${n + 1}: a reader's remark on this passage.`)],
            creator: { type: 'Person', name: 'Bench reader' },
            created: '2026-01-01T00:00:00Z',
          }
        : {
            '@context': 'http://www.w3.org/ns/anno.jsonld',
            id,
            type: 'Annotation',
            motivation: 'assessing',
            target,
            body: [tagBody('garbled'), describingBody(`Imported flag ${n + 1}: a generated span.`)],
            generator: BENCH_AGENT,
            created: '2026-01-01T00:00:00Z',
          },
    );
  }
  return out;
}

/** The file's JSON text. */
export function importFileText(items: readonly Annotation[], label: string, seed: number): string {
  return JSON.stringify(collectionOf(items, label, seed));
}

/** Installed in the page: a long-task observer from the start, so tasks of the import are all seen. */
const LONG_TASKS = `(() => {
  window.__longTasks = [];
  try {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]); })
      .observe({ type: 'longtask', buffered: true });
  } catch {}
})()`;

/**
 * The import, in the page: fetch the file (not timed), fire `import-file` on
 * the layers panel, and wait until its status holds the report and no
 * progress bar is left, then one frame.
 */
const IMPORT = (file: string, timeout: number) => `(async () => {
  ${LONG_TASKS};
  const text = await (await fetch(${JSON.stringify(file)})).text();
  const panel = document.querySelector('layers-panel');
  const app = document.querySelector('reader-app');
  const before = panel.status;
  await new Promise((r) => setTimeout(r, 200));
  const t0 = performance.now();
  panel.dispatchEvent(new CustomEvent('import-file', { detail: { name: ${JSON.stringify(file)}, text }, bubbles: true, composed: true }));
  const deadline = t0 + ${timeout};
  await new Promise((resolve, reject) => {
    const poll = () => {
      const status = String(panel.status ?? '');
      const busy = app.renderRoot?.querySelector?.('[role=progressbar]') || document.querySelector('[role=progressbar]');
      if (status !== before && /annotations? read|not imported|stopped|cancel/i.test(status) && !busy) {
        requestAnimationFrame(() => { const c = new MessageChannel(); c.port1.onmessage = resolve; c.port2.postMessage(0); });
        return;
      }
      if (performance.now() > deadline) { reject(new Error('import did not finish in time; status: ' + status.slice(0, 200))); return; }
      setTimeout(poll, 20);
    };
    poll();
  });
  const wall = performance.now() - t0;
  const longestTask = Math.max(0, ...window.__longTasks.filter(([s, d]) => s + d >= t0).map(([, d]) => d));
  return { wall, longestTask, report: String(panel.status).split('\\n')[0] };
})()`;

/** The floor: parse the file, and (`store`) write its items to a scratch IndexedDB in one transaction. */
const FLOOR = (file: string, store: boolean) => `(async () => {
  ${LONG_TASKS};
  const text = await (await fetch(${JSON.stringify(file)})).text();
  await new Promise((r) => setTimeout(r, 200));
  const t0 = performance.now();
  const doc = JSON.parse(text);
  if (${store}) {
    const db = await new Promise((resolve, reject) => {
      const req = indexedDB.open('bench-floor', 1);
      req.onupgradeneeded = () => req.result.createObjectStore('annotations', { keyPath: 'id' });
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    await new Promise((resolve, reject) => {
      const tx = db.transaction('annotations', 'readwrite', { durability: 'strict' });
      for (const a of doc.items) tx.objectStore('annotations').put({ id: a.id, revision: 1, deleted: false, annotation: a });
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }
  await new Promise((resolve) => requestAnimationFrame(() => { const c = new MessageChannel(); c.port1.onmessage = resolve; c.port2.postMessage(0); }));
  const wall = performance.now() - t0;
  const longestTask = Math.max(0, ...window.__longTasks.filter(([s, d]) => s + d >= t0).map(([, d]) => d));
  return { wall, longestTask, report: 'floor' };
})()`;

async function once(browser: Browser, origin: string, script: string, timeout: number): Promise<ImportRun> {
  const nav = await timeNavigation(browser, origin + PAGES.app, 'reader-ready', timeout);
  try {
    nav.page.setDefaultTimeout(timeout + 60_000);
    return await nav.page.evaluate<ImportRun>(script);
  } finally {
    await nav.close();
  }
}

/**
 * Imports `file` (a path on the site) into a fresh reader `runs` times,
 * alternating with the floor; `store` says whether the floor writes to IndexedDB.
 */
export async function benchImport(
  browser: Browser,
  origin: string,
  file: string,
  options: { runs: number; store: boolean; timeout: number },
): Promise<{ measured: ImportRun[]; baseline: ImportRun[] }> {
  const measured: ImportRun[] = [];
  const baseline: ImportRun[] = [];
  for (let i = 0; i < options.runs; i++) {
    baseline.push(await once(browser, origin, FLOOR(file, options.store), options.timeout));
    measured.push(await once(browser, origin, IMPORT(file, options.timeout), options.timeout));
  }
  return { measured, baseline };
}
