/**
 * `npm run --silent corpus -- DIR [--json] [--totals] [--details]`: runs the
 * importer and the analyzer on every text in DIR that has a
 * `<name>.expect.json` beside it (each text alone), and prints how far the
 * result is from the expectations: a table per text and in total (`--totals`:
 * the totals only; `--details`: every miss below the table; `--json`: the
 * whole measurement as JSON).
 *
 * A report, not a gate: exit 0 whatever the numbers. Exit 2 with a usage line
 * when DIR is missing; exit 1 with one line when DIR cannot be read or holds
 * no expectations. A text or expectation that cannot be read is named on
 * stderr and skipped; the others are still measured.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { findTextFindings } from '../analysis/analyze.ts';
import {
  corpusTotals,
  formatDetails,
  formatReport,
  formatTotals,
  measureText,
  readExpectation,
  type TextReport,
} from '../analysis/corpus-report.ts';

const SUFFIX = '.expect.json';

function main(args: readonly string[]): number {
  const flags = new Set(args.filter((a) => a.startsWith('--') && a !== '--'));
  const dirs = args.filter((a) => !a.startsWith('--'));
  if (dirs.length !== 1) {
    process.stderr.write('usage: npm run --silent corpus -- DIR [--json] [--totals] [--details]\n');
    return 2;
  }
  const dir = resolve(dirs[0]!);
  let names: string[];
  try {
    names = readdirSync(dir).filter((f) => f.endsWith(SUFFIX)).sort();
  } catch (error) {
    process.stderr.write(`corpus: ${dirs[0]}: cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}).\n`);
    return 1;
  }
  if (!names.length) {
    process.stderr.write(`corpus: ${dirs[0]}: no <name>${SUFFIX} files in this folder.\n`);
    return 1;
  }
  const reports: TextReport[] = [];
  for (const name of names) {
    try {
      reports.push(measureFile(dir, name));
    } catch (error) {
      process.stderr.write(`corpus: ${name}: ${error instanceof Error ? error.message : String(error)}\n`);
    }
  }
  if (flags.has('--json')) {
    process.stdout.write(`${JSON.stringify({ texts: reports, totals: corpusTotals(reports) }, null, 2)}\n`);
  } else if (flags.has('--totals')) {
    process.stdout.write(formatTotals(reports));
  } else {
    process.stdout.write(formatReport(reports));
    if (flags.has('--details')) process.stdout.write(`\n${formatDetails(reports)}`);
  }
  return 0;
}

function measureFile(dir: string, name: string): TextReport {
  const expectation = readExpectation(JSON.parse(readFileSync(join(dir, name), 'utf8')));
  const path = join(dir, expectation.file);
  const text = decode(readFileSync(path));
  const { parsed, findings } = findTextFindings({ iri: pathToFileURL(path).href, text, label: expectation.file });
  return measureText(name.slice(0, -SUFFIX.length), parsed, findings, expectation);
}

/** UTF-8 (a byte-order mark dropped, as the reader drops it); a file that is not UTF-8 is refused. */
function decode(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error('the text is not valid UTF-8.');
  }
}

process.exitCode = main(process.argv.slice(2));
