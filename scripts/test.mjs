#!/usr/bin/env node
// Runs every test: type-check, lint, Node unit tests, browser tests in Chromium.
// Prints one closing line "tests: N passed, M failed" and exits non-zero on any failure.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

function run(cmd, args) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    let out = '';
    child.stdout.on('data', (d) => { out += d; process.stdout.write(d); });
    child.stderr.on('data', (d) => { out += d; process.stderr.write(d); });
    child.on('close', (code) => resolve({ code: code ?? 1, out }));
  });
}

// eslint-disable-next-line no-control-regex
const plain = (s) => s.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');
let passed = 0;
let failed = 0;
let broken = false;

console.log('== type-check (npm run typecheck: page, workers, Node, and both kinds of test, each with its own globals)');
const tsc = await run('npm', ['run', '--silent', 'typecheck']);
if (tsc.code !== 0) { broken = true; console.log('type-check failed'); }

console.log('== lint (eslint, type-aware rules: eslint.config.js)');
const lint = await run('npx', ['eslint', '.']);
if (lint.code !== 0) { broken = true; console.log('lint failed'); }

console.log('== Node unit tests');
// Node 20 takes no globs after --test: list the files ourselves.
const nodeTests = readdirSync('tests/node', { recursive: true })
  .map(String)
  .filter((f) => f.endsWith('.test.ts'))
  .map((f) => join('tests/node', f));
const node = await run('node', ['--import', 'tsx', '--test', '--test-reporter=spec', ...nodeTests]);
{
  const out = plain(node.out);
  const p = /ℹ pass (\d+)/.exec(out);
  const f = /ℹ fail (\d+)/.exec(out);
  passed += p ? Number(p[1]) : 0;
  failed += f ? Number(f[1]) : 0;
  if (node.code !== 0 && !(f && Number(f[1]) > 0)) broken = true;
}

console.log('== Browser tests (web-test-runner, Chromium)');
const wtr = await run('npx', ['wtr', '--config', 'web-test-runner.config.mjs']);
{
  const out = plain(wtr.out);
  const p = [...out.matchAll(/(\d+) passed/g)].pop();
  const f = [...out.matchAll(/(\d+) failed/g)].pop();
  passed += p ? Number(p[1]) : 0;
  failed += f ? Number(f[1]) : 0;
  if (wtr.code !== 0 && !(f && Number(f[1]) > 0)) broken = true;
}

if (broken) failed = Math.max(failed, 1);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 || broken ? 1 : 0);
