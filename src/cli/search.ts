/**
 * `npm run --silent search -- [--json] [options] QUERY…`
 *
 * Searches the texts listed in `documents/manifest.json` and prints ranked
 * hits: a table by default, or with `--json` an array of
 * `{document, score, snippet, matches}` where `document` is the manifest id and
 * `matches` are `[start, end)` source-text offsets counted in Unicode code
 * points (as the W3C TextPositionSelector counts), not UTF-16 code units.
 *
 * Exit status: 0 when the search ran (with or without hits), 1 when no text
 * could be read, 2 on a usage error.
 */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CodePointIndex } from '../document/code-points.ts';
import { readManifest, type DocumentEntry } from '../document/manifest.ts';
import { SearchEngine, type SearchDocument, type SearchHit } from '../search/engine.ts';
import { EXIT, oneLine, runCli } from './run.ts';
import { readTextFile, TextFileError } from './text-file.ts';

const USAGE = `Usage: npm run --silent search -- [--json] [--document ID] [--limit N] [--documents DIR] QUERY...

Searches the texts listed in DIR/manifest.json (default: the project's documents/).
  QUERY          words (all required), "a phrase" in quotes, a prefix* ; other characters are plain text
  --json         print a JSON array of {document, score, snippet, matches}:
                 document = the manifest id; matches = [start, end] source-text offsets in
                 Unicode code points (as W3C TextPositionSelector counts); snippet = plain text
  --document ID  search only the text with this manifest id
  --limit N      at most N hits (default: 20 in the table, all with --json)
  --documents DIR  another folder holding a manifest.json and its texts
  -h, --help     this help`;

class UsageError extends Error {
  override name = 'UsageError';
}

interface Options {
  readonly json: boolean;
  readonly document: string | null;
  readonly limit: number | null;
  /** The folder holding manifest.json: a path (file names in the manifest are paths relative to it, never URLs). */
  readonly dir: string;
  readonly query: string;
  readonly help: boolean;
}

/** Options, then the query; a word starting with one dash is query text (`-foo`), `--` ends the options. */
function parseArgs(argv: readonly string[]): Options {
  let json = false;
  let help = false;
  let document: string | null = null;
  let limit: number | null = null;
  let dir = fileURLToPath(new URL('../../documents/', import.meta.url));
  const words: string[] = [];
  const value = (i: number, name: string): string => {
    const v = argv[i + 1];
    if (v === undefined) throw new UsageError(`${name} needs a value.`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      for (const item of argv.slice(i + 1)) words.push(item);
      break;
    }
    if (arg === '--json') json = true;
    else if (arg === '-h' || arg === '--help') help = true;
    else if (arg === '--document') document = value(i++, arg);
    else if (arg === '--documents') dir = resolve(value(i++, arg));
    else if (arg === '--limit') {
      const raw = value(i++, arg);
      limit = Number(raw);
      if (!Number.isInteger(limit) || limit < 0) throw new UsageError(`--limit must be a whole number, not "${raw}".`);
    } else if (arg.startsWith('--')) {
      throw new UsageError(`Unknown option ${arg} (to search for it, put the query after --).`);
    } else words.push(arg);
  }
  return { json, help, document, limit, dir, query: words.join(' ') };
}

/**
 * The manifest's texts that can be read, each decoded as every reader of a
 * file decodes it (`decodeText`). An unreadable, empty, binary or non-UTF-8
 * text is reported on stderr in one sentence and skipped. Throws when the
 * manifest cannot be read or no text can.
 */
function loadDocuments(dir: string): { docs: SearchDocument[]; entries: DocumentEntry[] } {
  const manifestPath = join(dir, 'manifest.json');
  let json: unknown;
  try {
    json = JSON.parse(readTextFile(manifestPath));
  } catch (e) {
    if (e instanceof TextFileError) throw new Error(`Cannot read ${manifestPath}: it ${e.message}.`, { cause: e });
    throw new Error(`${manifestPath} is not JSON: ${oneLine(e)}`, { cause: e });
  }
  const manifest = readManifest(json);
  const docs: SearchDocument[] = [];
  const entries: DocumentEntry[] = [];
  for (const entry of manifest.documents) {
    // A file name, not a URL: `a#b?.txt` and `a%20b.txt` name files with those very characters.
    const path = join(dir, entry.file);
    try {
      docs.push({ id: entry.id, source: readTextFile(path), title: entry.title });
      entries.push(entry);
    } catch (e) {
      if (!(e instanceof TextFileError)) throw e;
      process.stderr.write(`search: skipping ${entry.file}: it ${e.message}.\n`);
    }
  }
  if (docs.length === 0) throw new Error('No text in the manifest could be read.');
  return { docs, entries };
}

/** A hit as the contract prints it: offsets in code points. */
function toJsonHit(hit: SearchHit, index: CodePointIndex) {
  return {
    document: hit.document,
    score: Math.round(hit.score * 10_000) / 10_000,
    snippet: hit.snippet.text,
    matches: hit.matches.map(([s, e]) => [index.toCodePoints(s), index.toCodePoints(e)]),
  };
}

/** The snippet with each match in »guillemets« for a terminal. */
function markedSnippet(hit: SearchHit): string {
  let out = '';
  let at = 0;
  for (const [s, e] of hit.snippet.marks) {
    out += `${hit.snippet.text.slice(at, s)}»${hit.snippet.text.slice(s, e)}«`;
    at = e;
  }
  return out + hit.snippet.text.slice(at);
}

function main(argv: readonly string[]): number {
  let options: Options;
  try {
    options = parseArgs(argv);
  } catch (e) {
    process.stderr.write(`search: ${(e as Error).message}\n${USAGE}\n`);
    return EXIT.usage;
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (options.query.trim() === '') {
    process.stderr.write(`search: no query given.\n${USAGE}\n`);
    return 2;
  }
  let loaded: ReturnType<typeof loadDocuments>;
  try {
    loaded = loadDocuments(options.dir);
  } catch (e) {
    process.stderr.write(`search: ${oneLine(e)}\n`);
    return EXIT.badInput;
  }
  const engine = SearchEngine.build(loaded.docs);
  const limit = options.limit ?? (options.json ? undefined : 20);
  const results = engine.search(options.query, { document: options.document, limit });
  if (options.json) {
    const indexes = new Map(loaded.docs.map((d) => [d.id, new CodePointIndex(d.source)]));
    // One hit per line: readable, and still one JSON array.
    const lines = results.hits.map((h) => JSON.stringify(toJsonHit(h, indexes.get(h.document)!)));
    process.stdout.write(lines.length ? `[\n${lines.join(',\n')}\n]\n` : '[]\n');
    if (results.hint) process.stderr.write(`search: ${results.hint}\n`);
    return 0;
  }
  if (results.hint) {
    process.stdout.write(`No results for ${JSON.stringify(options.query)}. ${results.hint}\n`);
    return 0;
  }
  const rows = results.hits.map((h, i) => {
    const index = new CodePointIndex(loaded.docs.find((d) => d.id === h.document)!.source);
    const [s] = h.matches[0]!;
    return `${String(i + 1).padStart(3)}  ${h.score.toFixed(3).padStart(6)}  ${h.document}  @${index.toCodePoints(s)}\n     ${markedSnippet(h)}`;
  });
  const total = results.groups.map((g) => `${g.document}: ${g.matchCount} matches in ${g.hits.length} passages`).join('; ');
  process.stdout.write(`${rows.join('\n')}\n\n${results.hits.length} hits shown (${total}).\n`);
  return 0;
}

runCli('search', main);
