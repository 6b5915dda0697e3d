// `npm run publish-layer`: a W3C collection published to a group on a real
// server (in-process), idempotent when run again, and every bad input (a
// wrong token, a broken file, a missing option, a server that is not there)
// ends in one clear line and a non-zero exit, nothing half-said.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, api, note, startServer, type TestServer } from './server-harness.ts';

let server: TestServer;
let dir: string;
let groupId: string;
before(async () => {
  server = await startServer();
  dir = mkdtempSync(join(tmpdir(), 'publish-layer-'));
  groupId = (await server.accounts.createGroup(server.user, 'Seminar')).id;
});
after(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs the command (asynchronously: the server answers from this very process). */
function publish(args: readonly string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'src/cli/publish-layer.ts', ...args], { cwd: ROOT, env: { ...process.env, ANNOTATION_TOKEN: '', ...env } }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

function collection(items: unknown[]): string {
  const file = join(dir, `layer-${Math.random().toString(36).slice(2)}.jsonld`);
  writeFileSync(file, JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', id: 'urn:x:layer', type: 'AnnotationCollection', label: 'A layer', total: items.length, items }));
  return file;
}

describe('publish-layer', () => {
  it('publishes every annotation of a collection to the group, with the audience asked for; again, nothing is doubled', async () => {
    const file = collection([note({ comment: 'one' }), note({ comment: 'two' })]);
    const first = await publish([file, '--server', `${server.url}/`, '--group', groupId, '--audience', 'public', '--token', server.token]);
    assert.equal(first.stderr, '');
    assert.equal(first.code, 0);
    assert.equal(first.stdout, `Published 2 of 2 annotations of ${file} to ${server.url}/groups/${groupId}/annotations/.\n`);
    const page = (await (await api(`${server.url}/groups/${groupId}/annotations/?iris=0&after=0`)).json()) as { items: Record<string, unknown>[] };
    assert.deepEqual(page.items.map((a) => (a.body as { value: string }[])[0]!.value).sort(), ['one', 'two']);
    assert.ok(page.items.every((a) => a['reader:audience'] === 'public'));

    const again = await publish([file, '--server', server.url, '--group', `${server.url}/groups/${groupId}`], { ANNOTATION_TOKEN: server.token });
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /^Published 0 of 2 annotations .*; 2 were already there\.\n$/);
  });

  it('names each annotation the file or the server refused, publishes the rest, and exits 1', async () => {
    const file = collection([note({ comment: 'fine' }), { type: 'Annotation', id: 'urn:x:broken' }]);
    const run = await publish([file, '--server', server.url, '--token', server.token]);
    assert.equal(run.code, 1);
    assert.match(run.stdout, /^Published 1 of 2 annotations .*; 1 were not published \(see above\)\.\n$/);
    assert.match(run.stderr, /^publish-layer: not published: .*urn:x:broken.*\n$/);
  });

  it('a wrong token, a group one is not in, a broken file, a missing file: one line each, exit 1', async () => {
    const file = collection([note()]);
    const cases: [string[], RegExp][] = [
      [[file, '--server', server.url, '--token', 'not-a-token'], /^publish-layer: .*refused the layer \(401: .*\); 0 annotations were published before\.\n$/],
      [[file, '--server', server.url, '--group', '0f8fad5b-d9cb-469f-a165-70867728950e', '--token', server.token], /^publish-layer: .*refused the layer \(40[45]: .*\n$/],
      [[join(dir, 'missing.jsonld'), '--server', server.url, '--token', server.token], /^publish-layer: .*missing\.jsonld cannot be read: .*\.\n$/],
    ];
    for (const [args, stderr] of cases) {
      const run = await publish(args);
      assert.equal(run.code, 1, run.stderr);
      assert.match(run.stderr, stderr);
      assert.doesNotMatch(run.stderr, /\n {4}at /, 'no stack trace');
    }
    const broken = join(dir, 'broken.jsonld');
    writeFileSync(broken, '{"type": "AnnotationCollection", "items": [');
    const run = await publish([broken, '--server', server.url, '--token', server.token]);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /^publish-layer: .*broken\.jsonld is not an annotation collection: .+\n$/);
  });

  it('a server that is not there is said plainly (exit 1); a missing option is a usage error (exit 2)', async () => {
    const file = collection([note()]);
    const down = await publish([file, '--server', 'http://127.0.0.1:1/', '--token', 'x']);
    assert.equal(down.code, 1);
    assert.match(down.stderr, /^publish-layer: the server at http:\/\/127\.0\.0\.1:1\/annotations\/ did not answer \(.+\); 0 annotations were published before\.\n$/);
    for (const args of [[file, '--token', 'x'], [file, '--server', server.url], ['--server', server.url, '--token', 'x'], [file, '--server', server.url, '--token', 'x', '--audience', 'everyone'], [file, '--server', 'ftp://x', '--token', 'x']]) {
      const run = await publish(args);
      assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
      assert.match(run.stderr, /^publish-layer: [^\n]+\nusage: npm run --silent publish-layer -- FILE --server URL/);
    }
  });
});
