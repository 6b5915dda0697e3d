/**
 * Connector lines while scrolling: the frame work of scrolling the first text
 * of the two-text reader with the connector lines on, against the same page
 * with them off (the baseline), alternating runs. The choice is set the way
 * the reader remembers it (localStorage) before the page's scripts run.
 */
import type { Browser } from 'playwright-core';
import { scrollProbe } from './browser.ts';
import { PAGES } from './site.ts';
import { percentile } from './stats.ts';

const FRAMES = 150;
const STEP = 40;

async function once(browser: Browser, origin: string, on: boolean): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(`localStorage.setItem('reader.connectors', ${JSON.stringify(on ? 'on' : 'off')})`);
    await page.goto(origin + PAGES.app, { waitUntil: 'load' });
    await page.waitForFunction(`document.querySelector('reader-app')?.annotationSession`, undefined, { timeout: 120_000 });
    const drawn = await page.evaluate<number>(`new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(document.querySelector('claim-connectors')?.connectors.length ?? -1))))`);
    if (on && drawn < 0) throw new Error('connector lines were not drawn');
    const scroll = await page.evaluate<{ work: number[] }>(scrollProbe('.reader-scroll', FRAMES, STEP, true));
    return scroll.work.length ? percentile(scroll.work, 95) : Number.NaN;
  } finally {
    await context.close();
  }
}

/** p95 frame work while scrolling, with the connector lines on (measured) and off (baseline), `runs` each. */
export async function benchConnectors(browser: Browser, origin: string, runs: number): Promise<{ measured: number[]; baseline: number[] }> {
  const measured: number[] = [];
  const baseline: number[] = [];
  for (let i = 0; i < runs; i++) {
    baseline.push(await once(browser, origin, false));
    measured.push(await once(browser, origin, true));
  }
  return { measured, baseline };
}
