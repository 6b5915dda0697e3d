// A web-test-runner plugin that gives browser tests a real annotation server.
// The first request for /__annotation-server starts `server/main.ts` (through
// tsx) on a free loopback port over a temporary data folder and answers its
// address as JSON ({"url": "http://127.0.0.1:PORT"}); later requests get the
// same server. It is stopped, and its folder removed, when the runner stops.
// Only the tests that ask pay for it.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function annotationServerPlugin() {
  let child = null;
  let dir = null;
  let starting = null;

  function start() {
    dir = mkdtempSync(join(tmpdir(), 'wtr-annotation-server-'));
    child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--port', '0', '--data', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    return new Promise((resolve, reject) => {
      let out = '';
      let err = '';
      child.stdout.on('data', (chunk) => {
        out += chunk;
        const found = /listening on (http:\/\/[^\s/]+)\//.exec(out);
        if (found) resolve(found[1]);
      });
      child.stderr.on('data', (chunk) => (err += chunk));
      child.on('exit', (code) => reject(new Error(`the annotation server exited (${code}) before listening: ${err.trim()}`)));
    });
  }

  return {
    name: 'annotation-server',
    async serve(context) {
      if (context.path !== '/__annotation-server') return undefined;
      starting ??= start();
      try {
        return { body: JSON.stringify({ url: await starting }), type: 'json' };
      } catch (error) {
        return { body: JSON.stringify({ error: error.message }), type: 'json' };
      }
    },
    async serverStop() {
      child?.kill('SIGTERM');
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
