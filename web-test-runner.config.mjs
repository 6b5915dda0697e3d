// Browser tests run in real Chromium (Debian's by default; CHROME_PATH overrides).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fromRollup } from '@web/dev-server-rollup';
import rollupCommonjs from '@rollup/plugin-commonjs';
import { chromeLauncher } from '@web/test-runner-chrome';
import { CHROMIUM_ARGS, chromiumPath } from './scripts/chromium.mjs';
import { annotationServerPlugin } from './scripts/wtr-annotation-server.mjs';

const commonjs = fromRollup(rollupCommonjs);

export default {
  files: ['tests/browser/**/*.test.ts'],
  nodeResolve: true,
  rootDir: '.',
  concurrency: 1,
  testsFinishTimeout: 240000,
  // A loaded machine can take long to open the first page; a slow start is not a failed test.
  browserStartTimeout: 120000,
  testFramework: { config: { timeout: 20000 } },
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }),
    // lunr is CommonJS; version 25 of the plugin converts it here (see stack notes).
    commonjs({ include: ['**/node_modules/lunr/**'] }),
    // Started on first use only: the sync tests talk to a real annotation server.
    annotationServerPlugin(),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: chromiumPath(),
        headless: true,
        args: [...CHROMIUM_ARGS],
      },
    }),
  ],
};
