/**
 * `npm run --silent timeline -- [--json] FILE...`
 *
 * The dated statements of the texts, in time order, so that a scholar can
 * take the chronology elsewhere. With `--json`, an array of
 * `{document, start, end, date: {from, to}, precision, text}`: `document` is
 * the file as given, `start`/`end` the sentence's offsets in Unicode code
 * points (as the W3C TextPositionSelector counts), `date.from`/`date.to`
 * `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, `precision` the coarser of the two ends
 * (`day`, `month` or `year`). Without it, one readable line per event.
 *
 * A file that cannot be read gets one line on stderr naming it and why, and
 * the others are still read; the exit code is then 1 (2 on a usage error).
 */
import { CodePointIndex } from '../document/code-points.ts';
import { parsePlainText } from '../document/parse.ts';
import { compare, isoOf, periodLabel, timelineEvents, type TimelineEvent } from '../analysis/timeline/events.ts';
import { EXIT, runCli } from './run.ts';
import { readTextFiles } from './text-file.ts';

const USAGE = 'usage: npm run --silent timeline -- [--json] FILE...';
/** Texts larger than this are refused before they are read, as `analyze` does. */
const MAX_BYTES = 16 * 1024 * 1024;

/** One event as printed with --json. */
export interface TimelineRow {
  readonly document: string;
  readonly start: number;
  readonly end: number;
  readonly date: { readonly from: string; readonly to: string };
  readonly precision: TimelineEvent['precision'];
  readonly text: string;
}

function main(argv: readonly string[]): number {
  let json = false;
  const files: string[] = [];
  for (const arg of argv) {
    if (arg === '--') continue;
    if (arg === '--json') json = true;
    else if (arg === '-h' || arg === '--help') {
      process.stdout.write(`${USAGE}\n`);
      return EXIT.ok;
    } else if (arg.startsWith('-')) {
      process.stderr.write(`timeline: unknown option ${arg}.\n${USAGE}\n`);
      return EXIT.usage;
    } else files.push(arg);
  }
  if (files.length === 0) {
    process.stderr.write(`timeline: give at least one text file.\n${USAGE}\n`);
    return EXIT.usage;
  }
  const { texts, failed } = readTextFiles('timeline', files, { maxBytes: MAX_BYTES });
  const rows: (TimelineRow & { readonly event: TimelineEvent })[] = [];
  for (const { file, source } of texts) {
    const points = new CodePointIndex(source);
    for (const event of timelineEvents(parsePlainText(source))) {
      rows.push({
        document: file,
        start: points.toCodePoints(event.from),
        end: points.toCodePoints(event.to),
        date: { from: isoOf(event.start), to: isoOf(event.end) },
        precision: event.precision,
        text: event.text,
        event,
      });
    }
  }
  // Time order; at equal dates, the order of the files as given, then of the text.
  const ordered = rows.sort((a, b) => compare(a.event.start, b.event.start) || compare(a.event.end, b.event.end) || files.indexOf(a.document) - files.indexOf(b.document) || a.start - b.start);
  if (json) {
    process.stdout.write(`${JSON.stringify(ordered.map(({ event: _event, ...row }) => row), null, 2)}\n`);
  } else {
    for (const r of ordered) {
      process.stdout.write(`${periodLabel(r.event.start, r.event.end)}  (${r.precision})  ${r.document}:${r.start}-${r.end}\n   ${r.text}\n`);
    }
    if (ordered.length === 0 && !failed) process.stdout.write('No dated statements in these texts.\n');
  }
  return failed ? EXIT.badInput : EXIT.ok;
}

runCli('timeline', main);
