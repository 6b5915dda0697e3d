#!/usr/bin/env node
// Takes screenshots of the running reader in headless Chromium.
// usage: node scripts/screenshot.mjs URL OUT.png [width height] [--dark] [--eval JS]
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from './chromium.mjs';

const [url, out, w = '1440', h = '900', ...rest] = process.argv.slice(2);
const dark = rest.includes('--dark');
const evalIndex = rest.indexOf('--eval');
const script = evalIndex >= 0 ? rest[evalIndex + 1] : null;
const browser = await chromium.launch({
  executablePath: chromiumPath(),
  args: [...CHROMIUM_ARGS],
});
const page = await browser.newPage({ viewport: { width: Number(w), height: Number(h) }, colorScheme: dark ? 'dark' : 'light' });
page.on('console', (m) => { if (m.type() === 'error') console.error('console:', m.text()); });
page.on('pageerror', (e) => console.error('pageerror:', e.message));
await page.goto(url, { waitUntil: 'networkidle' });
await page.waitForTimeout(800);
if (script) { await page.evaluate(script); await page.waitForTimeout(600); }
await page.screenshot({ path: out });
await browser.close();
console.log(out);
