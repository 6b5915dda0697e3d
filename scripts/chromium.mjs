// How this project starts headless Chromium, in one place: the tests
// (web-test-runner), the benchmarks and the screenshot tool all use it.

/** Debian's Chromium unless CHROME_PATH names another Chrome or Chromium. */
export function chromiumPath() {
  return process.env.CHROME_PATH || '/usr/bin/chromium';
}

/**
 * Flags for a root user on a closed network: no sandbox (root), no GPU, and no
 * background connections (they are refused here, many at a time).
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
