/**
 * Headless Chromium through playwright-core, and the in-page probes the
 * browser benchmarks read. Probes are plain strings: functions compiled by
 * tsx would carry helper names the page does not have.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../scripts/chromium.mjs';

/** Debian's Chromium unless CHROME_PATH names another. */
export const chromePath = chromiumPath;

/** Launches headless Chromium with the flags this closed, two-core machine needs. */
export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromePath(),
    headless: true,
    // Precise heap figures for the memory benchmark.
    args: [...CHROMIUM_ARGS, '--enable-precise-memory-info'],
  });
}

/**
 * Installed before any page script: `window.__bench.done` resolves with
 * `performance.now()` (ms since navigation start) once the page is ready and
 * one frame with it has been rendered (a rAF, then a task after that frame).
 * Ready is `reader-ready` for the app, `load` for a static page, or, for
 * `first-annotated-paint`, the end of the first frame whose rAF callback finds
 * an annotation highlight (`.reader-text .hl`) in the page (`first-text-paint`:
 * a paragraph of a text, `.reader-text p`).
 */
export function readyProbe(mode: 'reader-ready' | 'load' | 'first-annotated-paint' | 'first-text-paint'): string {
  return `(() => {
    const afterFrame = (resolve) => requestAnimationFrame(() => { const c = new MessageChannel(); c.port1.onmessage = () => resolve(performance.now()); c.port2.postMessage(0); });
    const bench = (window.__bench = {});
    bench.done = new Promise((resolve) => {
      const mode = ${JSON.stringify(mode)};
      if (mode === 'load') addEventListener('load', () => afterFrame(resolve), { once: true });
      else if (mode === 'reader-ready') document.addEventListener('reader-ready', () => afterFrame(resolve), { once: true });
      else {
        // Found in a rAF callback: that frame paints it, and a task queued now runs once it has.
        const selector = mode === 'first-text-paint' ? '.reader-text p' : '.reader-text .hl';
        const poll = () => {
          if (!document.querySelector(selector)) { requestAnimationFrame(poll); return; }
          const c = new MessageChannel(); c.port1.onmessage = () => resolve(performance.now()); c.port2.postMessage(0);
        };
        requestAnimationFrame(poll);
      }
    });
  })();`;
}

/** Opens `url` in a fresh context (no cache, no storage) and resolves with the probe's time in ms. */
export async function timeNavigation(browser: Browser, url: string, mode: Parameters<typeof readyProbe>[0], timeout = 120_000): Promise<{ ms: number; page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(readyProbe(mode));
  await page.goto(url, { waitUntil: 'commit', timeout });
  const ms = await page.evaluate<number>('window.__bench.done');
  return { ms, page, close: () => context.close() };
}

/**
 * Scrolls `selector` (the first match) by `step` px per frame for `frames`
 * frames and resolves with the rAF timestamps. With `work`, each rAF also
 * queues a task and the time from the rAF callback to that task (the frame's
 * own scroll, style, layout and paint) is returned too; this is a separate
 * pass because the queued task can change how Chromium schedules frames.
 */
export function scrollProbe(selector: string, frames: number, step: number, work: boolean): string {
  return `new Promise((resolve) => {
    const el = document.querySelector(${JSON.stringify(selector)});
    if (!el) { resolve({ stamps: [], work: [] }); return; }
    const stamps = [];
    const work = [];
    const channel = new MessageChannel();
    let started = 0;
    channel.port1.onmessage = () => work.push(performance.now() - started);
    const tick = (t) => {
      stamps.push(t);
      if (stamps.length > ${frames}) { setTimeout(() => { channel.port1.close(); resolve({ stamps, work }); }, 50); return; }
      started = performance.now();
      el.scrollTop += ${step};
      if (${work}) channel.port2.postMessage(0);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })`;
}

/** Used JS heap (bytes) after a forced garbage collection, through the DevTools protocol. */
export async function usedHeap(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return usage.usedSize;
}

/**
 * The reader's load phases on the page's timeline (src/app/phases.ts): each
 * `reader:<phase>` mark as ms since navigation, and each measured kind of
 * work (`parse`, `build-doc`, `layer-parse`) as its total ms, keyed `<work> (total)`.
 */
export async function phasesOf(page: Page): Promise<Record<string, number>> {
  return await page.evaluate<Record<string, number>>(`(() => {
    const out = {};
    for (const m of performance.getEntriesByType('mark')) if (m.name.startsWith('reader:') && !(m.name.slice(7) in out)) out[m.name.slice(7)] = m.startTime;
    for (const m of performance.getEntriesByType('measure')) if (m.name.startsWith('reader:')) {
      const key = m.name.slice(7) + ' (total)';
      out[key] = (out[key] || 0) + m.duration;
    }
    return out;
  })()`);
}

/**
 * Used JS heap (bytes) of each dedicated worker of `page` after a forced
 * garbage collection. Playwright gives workers no DevTools session, so this
 * attaches through the page's (Target.setAutoAttach, messages relayed by
 * Target.sendMessageToTarget).
 */
export async function workerHeaps(page: Page): Promise<number[]> {
  const cdp = await page.context().newCDPSession(page);
  const attached: string[] = [];
  const replies = new Map<number, (result: unknown) => void>();
  let next = 1;
  cdp.on('Target.attachedToTarget', (e: { sessionId: string; targetInfo: { type: string } }) => {
    if (e.targetInfo.type === 'worker') attached.push(e.sessionId);
  });
  cdp.on('Target.receivedMessageFromTarget', (e: { message: string }) => {
    const m = JSON.parse(e.message) as { id?: number; result?: unknown };
    if (m.id !== undefined) replies.get(m.id)?.(m.result);
  });
  try {
    await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
    await new Promise((r) => setTimeout(r, 200));
    const heaps: number[] = [];
    for (const sessionId of attached) {
      const ask = (method: string) =>
        Promise.race([
          new Promise<unknown>((resolve) => {
            const id = next++;
            replies.set(id, resolve);
            void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) });
          }),
          new Promise<null>((resolve) => setTimeout(() => resolve(null), 10_000)),
        ]);
      await ask('HeapProfiler.collectGarbage');
      const usage = (await ask('Runtime.getHeapUsage')) as { usedSize: number } | null;
      if (usage) heaps.push(usage.usedSize);
    }
    return heaps;
  } finally {
    await cdp.detach();
  }
}
