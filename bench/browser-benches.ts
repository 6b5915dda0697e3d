/**
 * Whole-page benchmarks in Chromium: loading the reader against static HTML
 * of the same texts, and the reader at scale (1 MB, 10,000 annotations)
 * against static HTML of the corpus with its spans marked.
 */
import type { Browser } from 'playwright-core';
import { phasesOf, scrollProbe, timeNavigation, usedHeap, workerHeaps } from './browser.ts';
import { PAGES } from './site.ts';
import { intervals, percentile } from './stats.ts';

/** Runs `measure` `runs` times, alternating with `baseline`, and collects both. */
async function alternate<T>(runs: number, measure: () => Promise<T>, baseline: () => Promise<T>): Promise<{ measured: T[]; baseline: T[] }> {
  const measured: T[] = [];
  const base: T[] = [];
  for (let i = 0; i < runs; i++) {
    base.push(await baseline());
    measured.push(await measure());
  }
  return { measured, baseline: base };
}

/** Load: navigation until both texts, every shipped layer are ready (reader-ready), one frame later (ms); and the first paints. */
export async function benchLoad(
  browser: Browser,
  origin: string,
  runs: number,
): Promise<{ measured: number[]; textPaint: number[]; annotatedPaint: number[]; baseline: number[]; phases: Record<string, number>[] }> {
  const phases: Record<string, number>[] = [];
  const once = async (path: string, mode: Parameters<typeof timeNavigation>[2]) => {
    const nav = await timeNavigation(browser, origin + path, mode);
    if (mode === 'reader-ready') phases.push(await phasesOf(nav.page));
    await nav.close();
    return nav.ms;
  };
  const textPaint: number[] = [];
  const annotatedPaint: number[] = [];
  const { measured, baseline } = await alternate(
    runs,
    async () => {
      textPaint.push(await once(PAGES.app, 'first-text-paint'));
      annotatedPaint.push(await once(PAGES.app, 'first-annotated-paint'));
      return once(PAGES.app, 'reader-ready');
    },
    () => once(PAGES.staticTwo, 'load'),
  );
  return { measured, textPaint, annotatedPaint, baseline, phases };
}

/** One run's figures at scale. */
export interface ScaleRun {
  readonly firstPaint: number;
  readonly ready: number;
  readonly redrawOff: number;
  readonly redrawOn: number;
  readonly frameP95: number;
  readonly workP95: number;
  /** The page's own heap. */
  readonly heap: number;
  /** The heaps of its workers (the search index lives there once built). */
  readonly heapWorkers: number;
  readonly drawn: number;
  /** The load's phases (`phasesOf`), read after the scroll passes (the idle search build has usually run by then). */
  readonly phases: Record<string, number>;
}

const FRAMES = 150;
const STEP = 60;
const PROBE_TIMEOUT = 120_000;

const APP_REDRAW = `(async () => {
  const app = document.querySelector('reader-app');
  const session = app.annotationSession;
  const layer = session.workspace.allLayers().reduce((a, b) => (b.annotations.length > a.annotations.length ? b : a));
  const panel = document.querySelector('layers-panel');
  const view = document.querySelector('reader-view');
  const toggle = (visible) => new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no reader-updated after a layer toggle')), ${PROBE_TIMEOUT});
    const t0 = performance.now();
    view.addEventListener('reader-updated', () => requestAnimationFrame(() => {
      const c = new MessageChannel();
      c.port1.onmessage = () => { clearTimeout(timer); resolve(performance.now() - t0); };
      c.port2.postMessage(0);
    }), { once: true });
    panel.dispatchEvent(new CustomEvent('layer-toggle', { detail: { id: layer.id, visible } }));
  });
  const off = await toggle(false);
  const on = await toggle(true);
  return { off, on, drawn: document.querySelectorAll('.reader-text .hl').length };
})()`;

const STATIC_REDRAW = `(async () => {
  const toggle = (hidden) => new Promise((resolve) => {
    const t0 = performance.now();
    document.body.classList.toggle('nohl', hidden);
    requestAnimationFrame(() => { const c = new MessageChannel(); c.port1.onmessage = () => resolve(performance.now() - t0); c.port2.postMessage(0); });
  });
  const off = await toggle(true);
  const on = await toggle(false);
  return { off, on, drawn: document.querySelectorAll('mark.hl').length };
})()`;

/** The two pages of one scale benchmark: the reader and its static floor. */
export interface ScalePages {
  readonly app: string;
  readonly static: string;
}

async function scaleOnce(browser: Browser, origin: string, app: boolean, pages: ScalePages): Promise<ScaleRun> {
  const nav = await timeNavigation(browser, origin + (app ? pages.app : pages.static), app ? 'first-annotated-paint' : 'load', PROBE_TIMEOUT);
  try {
    const { page } = nav;
    let ready = nav.ms;
    if (app) {
      ready = await page.evaluate<number>(`new Promise((resolve) => {
        const app = document.querySelector('reader-app');
        if (app.annotationSession) requestAnimationFrame(() => resolve(performance.now()));
        else document.addEventListener('reader-ready', () => requestAnimationFrame(() => resolve(performance.now())), { once: true });
      })`);
    }
    const redraw = await page.evaluate<{ off: number; on: number; drawn: number }>(app ? APP_REDRAW : STATIC_REDRAW);
    const scroller = app ? '.reader-scroll' : 'article';
    const plain = await page.evaluate<{ stamps: number[] }>(scrollProbe(scroller, FRAMES, STEP, false));
    const scroll = await page.evaluate<{ work: number[] }>(scrollProbe(scroller, FRAMES, STEP, true));
    const frames = intervals(plain.stamps);
    const heap = await usedHeap(page);
    const heapWorkers = (await workerHeaps(page)).reduce((a, b) => a + b, 0);
    const phases = app ? await phasesOf(page) : {};
    return {
      heapWorkers,
      phases,
      firstPaint: nav.ms,
      ready,
      redrawOff: redraw.off,
      redrawOn: redraw.on,
      frameP95: frames.length ? percentile(frames, 95) : Number.NaN,
      workP95: scroll.work.length ? percentile(scroll.work, 95) : Number.NaN,
      heap,
      drawn: redraw.drawn,
    };
  } finally {
    await nav.close();
  }
}

/** Scale: the corpus in the reader and as static HTML, `runs` times each. */
export async function benchScale(browser: Browser, origin: string, runs: number, pages: ScalePages = { app: PAGES.corpusApp, static: PAGES.corpusStatic }): Promise<{ measured: ScaleRun[]; baseline: ScaleRun[] }> {
  return alternate(runs, () => scaleOnce(browser, origin, true, pages), () => scaleOnce(browser, origin, false, pages));
}
