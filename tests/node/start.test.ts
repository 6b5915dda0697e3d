// `npm start` (scripts/start.ts) serves the reader and the annotation server
// together from one command: both answer, the server on embedded SQLite, and
// the reader still comes up when the annotation server cannot.
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { rmSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { ROOT, tempDir } from './server-harness.ts';

interface Started {
  readonly child: ChildProcess;
  readonly reader: string;
  readonly server: string | null;
  readonly stderr: () => string;
}

/** Runs scripts/start.ts on free ports until it prints the reader's address. */
function start(args: string[]): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts', '--port', '0', ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  let server: string | null = null;
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      const api = /^annotation server listening on (http:\/\/127\.0\.0\.1:\d+)\/ \(SQLite: /.exec(line);
      if (api) server = api[1]!;
      const reader = /^reader at (http:\/\/127\.0\.0\.1:\d+)\/$/.exec(line);
      if (reader) resolve({ child, reader: reader[1]!, server, stderr: () => stderr });
    });
    child.on('exit', (code) => reject(new Error(`npm start exited (${code}) before serving: ${stderr}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

describe('npm start', () => {
  const dirs: string[] = [];
  after(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('serves the reader and the annotation server (SQLite, nothing to set up) from one command', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const started = await start(['--server-port', '0', '--data', dir]);
    try {
      assert.ok(started.server, 'the annotation server is listening');
      const page = await fetch(`${started.reader}/`);
      assert.equal(page.status, 200);
      assert.match(await page.text(), /<html/i);
      const service = await fetch(`${started.server}/`);
      assert.equal(service.status, 200);
      assert.match(String(((await service.json()) as { accounts: string }).accounts), /\/accounts$/);
      const signUp = await fetch(`${started.server}/accounts`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: 'reader', password: 'a long password' }) });
      assert.equal(signUp.status, 201, 'accounts are stored');
    } finally {
      await stop(started.child);
    }
  });

  it('still serves the reader when the annotation server cannot listen, and says why', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as { port: number }).port;
    const started = await start(['--server-port', String(port), '--data', dir]);
    try {
      assert.equal(started.server, null);
      assert.match(started.stderr(), new RegExp(`annotation server is not running: it could not listen on 127\\.0\\.0\\.1:${port}`));
      assert.equal((await fetch(`${started.reader}/`)).status, 200);
    } finally {
      await stop(started.child);
      taken.close();
    }
  });
});
