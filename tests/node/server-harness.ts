// Shared by the server-*.test.ts files: a server on a random loopback port over
// a temporary data folder, a well-formed annotation factory, and a check that
// what the server returns passes the reader's own import validation.
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { randomUUID } from 'node:crypto';
import { createAnnotationServer, type ServerOptions } from '../../server/app.ts';
import type { AnnotationStore } from '../../server/store.ts';
import { AccountStore, type User } from '../../server/accounts.ts';
import { currentEngine } from './server-engines.ts';
import { validateAnnotation } from '../../src/annotations/validate.ts';

export const ROOT = join(import.meta.dirname, '..', '..');
export const ANNO_TYPE = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';

export interface TestServer {
  readonly url: string;
  /** The signed-in tester's own container (canonical IRI). */
  readonly container: string;
  /** The tester's bearer token, which `api` sends to this server. */
  readonly token: string;
  readonly user: User;
  readonly store: AnnotationStore;
  readonly accounts: AccountStore;
  close(): Promise<void>;
}

/** Tokens `api` sends, by server origin. */
const tokens = new Map<string, string>();

/**
 * `fetch` signed in as the tester of the server it calls (unless the request
 * sets its own Authorization; `Authorization: ''` sends none).
 */
export function api(input: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  const token = tokens.get(new URL(input).origin);
  if (!headers.has('authorization') && token) headers.set('Authorization', `Bearer ${token}`);
  if (headers.get('authorization') === '') headers.delete('authorization');
  return fetch(input, { ...init, headers });
}

/**
 * An in-process server over a fresh store of the current engine (SQLite in a
 * temporary folder unless the suite runs under `describeEachEngine`), with one
 * person ("tester") signed in.
 */
export async function startServer(options: Partial<Omit<ServerOptions, 'store'>> = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'anno-server-'));
  const { store, dispose } = await currentEngine.open(dir);
  const server = createAnnotationServer({ store, ...options });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const accounts = new AccountStore(store.accountRows);
  const user = (await accounts.createUser('tester', null))!;
  const { token } = await accounts.issueToken(user);
  tokens.set(url, token);
  return {
    url,
    container: `${url}/users/${user.id}/annotations/`,
    token,
    user,
    store,
    accounts,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await dispose();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface NoteOptions {
  id?: string;
  source?: string;
  exact?: string;
  tags?: string[];
  creator?: string;
  comment?: string;
  created?: string;
  modified?: string;
}

/** A valid annotation in the reader's shape (a comment, tags, one quoted target). */
export function note(options: NoteOptions = {}): Record<string, unknown> {
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: options.id ?? `urn:uuid:${randomUUID()}`,
    type: 'Annotation',
    motivation: 'commenting',
    created: options.created ?? '2026-01-02T03:04:05Z',
    ...(options.modified ? { modified: options.modified } : {}),
    creator: { type: 'Person', name: options.creator ?? 'Ada Reader' },
    body: [
      { type: 'TextualBody', value: options.comment ?? 'a comment', purpose: 'commenting', format: 'text/plain' },
      ...(options.tags ?? []).map((value) => ({ type: 'TextualBody', value, purpose: 'tagging' })),
    ],
    target: {
      type: 'SpecificResource',
      source: options.source ?? 'https://example.org/texts/one',
      selector: [
        { type: 'TextQuoteSelector', exact: options.exact ?? 'some quoted words', prefix: 'before ', suffix: ' after' },
        { type: 'TextPositionSelector', start: 10, end: 10 + (options.exact ?? 'some quoted words').length },
      ],
    },
  };
}

/** POSTs `body` (JSON unless a string) to the container. */
export function post(server: { container: string }, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return api(server.container, {
    method: 'POST',
    headers: { 'Content-Type': ANNO_TYPE, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** POSTs a valid note and returns its address, entity tag and returned document. */
export async function created(server: { container: string }, options: NoteOptions = {}): Promise<{ location: string; etag: string; doc: Record<string, unknown> }> {
  const res = await post(server, note(options));
  assert.equal(res.status, 201, await res.clone().text());
  return { location: res.headers.get('location')!, etag: res.headers.get('etag')!, doc: (await res.json()) as Record<string, unknown> };
}

/** Asserts that `doc` passes the reader's import validation (the rules every stored annotation meets). */
export function assertValidAnnotation(doc: unknown): void {
  const { annotation, errors } = validateAnnotation(doc);
  assert.ok(annotation, `not a valid annotation: ${errors.join('; ')}`);
}

/** Asserts a refusal: status `status`, problem JSON whose detail is one sentence. */
export async function assertProblem(res: Response, status: number): Promise<string> {
  const text = await res.text();
  assert.equal(res.status, status, text);
  assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
  const problem = JSON.parse(text) as { status: number; detail: string };
  assert.equal(problem.status, status);
  assert.match(problem.detail, /^[A-Z"][^\n]*\.$/u, 'one sentence');
  assert.doesNotMatch(problem.detail, /\bat .+:\d+:\d+|node:internal|Error:/u, 'no stack trace');
  return problem.detail;
}

/** A server run as its own process (`npm run server`'s entry point), for kill -9 tests. */
export interface ServerProcess {
  readonly url: string;
  readonly child: ChildProcess;
}

/** `npm run server -- token --data DIR NAME`: a bearer token for NAME (created if new); `env` may select PostgreSQL. */
export function tokenFor(dataDir: string, name: string, env: Record<string, string> = {}): string {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts', 'token', '--data', dataDir, name], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.trim();
}

/** Starts `server/main.ts` over `dataDir` on a random port (`env` may select PostgreSQL); resolves once it prints that it listens. */
export function spawnServer(dataDir: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--port', '0', '--data', dataDir], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      const m = /^annotation server listening on (http:\/\/127\.0\.0\.1:\d+)\/$/.exec(line);
      if (m) resolve({ url: m[1]!, child });
    });
    child.on('exit', (code) => reject(new Error(`server exited (${code}) before listening: ${stderr}`)));
  });
}

/** Kills the process with SIGKILL and waits for it to be gone. */
export function killHard(proc: ServerProcess): Promise<void> {
  return new Promise((resolve) => {
    if (proc.child.exitCode !== null || proc.child.signalCode !== null) return resolve();
    proc.child.once('exit', () => resolve());
    proc.child.kill('SIGKILL');
  });
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'anno-data-'));
}
