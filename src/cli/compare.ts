/**
 * `npm run --silent compare -- [--json] [--limit N] --from FILE:START-END FILE...`
 *
 * The passages of the other files most likely to make the same claim as
 * `START`–`END` of the first file (Unicode code points of its source, as the
 * W3C TextPositionSelector counts; `START-START` means the sentence at START),
 * best first, at most 10 (or N): with `--json` an array of
 * `{document, start, end, score, relation, shared}` (document = the file as
 * given, offsets in code points), else a readable list.
 *
 * A bad argument, or a file that cannot be read as text, gives one line on
 * stderr and exit code 2 (usage) or 1 (file or passage); anything else one
 * line and exit code 3 (`run.ts`); never a stack trace. Files are read as
 * every tool reads them (`text-file.ts`: UTF-8, a leading BOM not counted).
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PassageError, suggestClaims, type ClaimText } from '../analysis/claims/index.ts';
import { CodePointIndex } from '../document/code-points.ts';
import { parsePlainText } from '../document/parse.ts';
import { EXIT, runCli } from './run.ts';
import { readTextFile, TextFileError } from './text-file.ts';

const USAGE = 'usage: npm run --silent compare -- [--json] [--limit N] --from FILE:START-END FILE...';
/** Texts larger than this are refused before they are read, as `analyze` does. */
const MAX_BYTES = 16 * 1024 * 1024;
/** Most candidates printed. */
const MAX_RESULTS = 10;

class UsageError extends Error {
  override name = 'UsageError';
}
class InputError extends Error {
  override name = 'InputError';
}

interface Options {
  readonly json: boolean;
  readonly limit: number;
  readonly from: { readonly file: string; readonly start: number; readonly end: number };
  readonly files: readonly string[];
}

function parseArgs(argv: readonly string[]): Options {
  let json = false;
  let limit = MAX_RESULTS;
  let from: Options['from'] | null = null;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') continue;
    if (arg === '--json') json = true;
    else if (arg === '--limit') {
      const raw = argv[++i];
      const n = Number(raw);
      if (raw === undefined || !Number.isInteger(n) || n < 1 || n > MAX_RESULTS) throw new UsageError(`--limit needs a whole number from 1 to ${MAX_RESULTS}, not "${raw ?? ''}".`);
      limit = n;
    } else if (arg === '--from') {
      const raw = argv[++i];
      if (raw === undefined) throw new UsageError('--from needs FILE:START-END.');
      const m = /^(.+):(\d+)-(\d+)$/u.exec(raw);
      if (!m) throw new UsageError(`--from needs FILE:START-END with whole numbers, not "${raw}".`);
      const start = Number(m[2]);
      const end = Number(m[3]);
      if (end < start) throw new UsageError(`--from ${raw}: END (${end}) is before START (${start}).`);
      from = { file: m[1]!, start, end };
    } else if (arg.startsWith('-')) throw new UsageError(`Unknown option ${arg}.`);
    else files.push(arg);
  }
  if (!from) throw new UsageError('--from FILE:START-END is required.');
  if (files.length === 0) throw new UsageError('Give at least one other file to compare with.');
  return { json, limit, from, files };
}

/** The file as a claim text, read as every tool reads a file (`readTextFile`); InputError naming the file and the problem. */
function readText(file: string): ClaimText {
  let text: string;
  try {
    text = readTextFile(file, { maxBytes: MAX_BYTES });
  } catch (error) {
    if (error instanceof TextFileError) throw new InputError(`${file} ${error.message}`);
    throw error;
  }
  return { iri: pathToFileURL(resolve(file)).href, text, parsed: parsePlainText(text) };
}

function main(argv: readonly string[]): number {
  let options: Options;
  try {
    options = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`compare: ${error.message}\n${USAGE}\n`);
    return EXIT.usage;
  }
  try {
    const source = readText(options.from.file);
    const others = options.files.map((f) => ({ file: f, text: readText(f) }));
    const index = new CodePointIndex(source.text);
    const length = index.toCodePoints(source.text.length);
    if (options.from.end > length) throw new InputError(`${options.from.file}: the passage ${options.from.start}-${options.from.end} runs past the end of the text (${length} code points).`);
    const request = { text: source, from: index.toCodeUnits(options.from.start), to: index.toCodeUnits(options.from.end) };
    const suggestions = suggestClaims(request, others.map((o) => o.text), options.limit);
    const fileOf = new Map(others.map((o) => [o.text.iri, o]));
    const rows = suggestions.map((s) => {
      const other = fileOf.get(s.iri)!;
      const cp = new CodePointIndex(other.text.text);
      return { document: other.file, start: cp.toCodePoints(s.from), end: cp.toCodePoints(s.to), score: s.score, relation: s.relation, shared: s.shared, quote: s.quote, description: s.description };
    });
    if (options.json) {
      process.stdout.write(`${JSON.stringify(rows.map(({ quote: _q, description: _d, ...r }) => r), null, 2)}\n`);
    } else {
      rows.forEach((r, i) => {
        process.stdout.write(`${i + 1}. ${r.document}:${r.start}-${r.end}  ${r.relation}  score ${r.score}\n   ${r.quote.replace(/\s+/gu, ' ')}\n   ${r.description}\n`);
      });
      if (rows.length === 0) process.stdout.write('No passage of the other texts shares anything with this one.\n');
    }
    return EXIT.ok;
  } catch (error) {
    if (error instanceof InputError || error instanceof PassageError) {
      process.stderr.write(`compare: ${error.message}\n`);
      return EXIT.badInput;
    }
    throw error;
  }
}

runCli('compare', main);
