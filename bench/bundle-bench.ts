/**
 * Bundle benchmark: gzip size of the production JS and CSS against the gzip
 * size of the fixed libraries alone (lit, prosemirror-model,
 * prosemirror-view, lunr, whole, bundled and minified by Vite the same way).
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

/** Gzip (level 9) bytes of every .js and .css file under `dir`/assets. */
export async function gzipSizeOf(dir: string): Promise<{ bytes: number; files: string[] }> {
  const assets = join(dir, 'assets');
  const files = (await readdir(assets)).filter((f) => f.endsWith('.js') || f.endsWith('.css'));
  let bytes = 0;
  for (const f of files) bytes += gzipSync(await readFile(join(assets, f)), { level: 9 }).length;
  return { bytes, files };
}

/**
 * Gzip (level 9) bytes of what a page of `dir` loads before it runs: the
 * assets `index.html` names (scripts, stylesheets, module preloads) and what
 * they import statically, not the chunks loaded on demand (`import()`) or
 * the workers.
 */
export async function initialGzipSizeOf(dir: string): Promise<{ bytes: number; files: string[] }> {
  const html = await readFile(join(dir, 'index.html'), 'utf8');
  const queue = [...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  const seen = new Set<string>();
  let bytes = 0;
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const content = await readFile(join(dir, 'assets', file));
    bytes += gzipSync(content, { level: 9 }).length;
    if (file.endsWith('.js')) {
      // Static imports only: `from"./x.js"` and `import"./x.js"`; `import(…)` is on demand.
      for (const m of content.toString('utf8').matchAll(/(?:from|import)\s*["']\.\/([^"']+\.js)["']/g)) queue.push(m[1]!);
    }
  }
  return { bytes, files: [...seen] };
}

const ENTRY = `import * as lit from 'lit';
import * as model from 'prosemirror-model';
import * as view from 'prosemirror-view';
import lunr from 'lunr';
// Kept whole: every export is reachable, so nothing is shaken out.
window.__libraries = [lit, model, view, lunr];
`;

/**
 * Bundles the libraries alone in `work` (inside the project, so that
 * node_modules resolves) and returns their gzip size.
 */
export async function librariesGzipSize(work: string): Promise<number> {
  await rm(work, { recursive: true, force: true });
  await mkdir(work, { recursive: true });
  await writeFile(join(work, 'index.html'), '<!doctype html><script type="module" src="./main.js"></script>');
  await writeFile(join(work, 'main.js'), ENTRY);
  await build({
    configFile: false,
    root: work,
    logLevel: 'silent',
    build: { target: 'es2022', outDir: join(work, 'dist'), emptyOutDir: true, assetsInlineLimit: 0 },
  });
  return (await gzipSizeOf(join(work, 'dist'))).bytes;
}
