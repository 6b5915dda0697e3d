/**
 * `npm run --silent references -- [--json | --format csl|bibtex|ris] FILE...`
 *
 * The references of each text: every entry of its notes list read into
 * CSL-JSON. `--json` (the same as `--format csl`) prints one array of CSL
 * items, each with `span: {start, end}`, the entry's text in the source in
 * Unicode code points (as the W3C TextPositionSelector counts), and, when
 * more than one file is given, `document`, the file as given. `--format
 * bibtex` and `--format ris` print those formats. Without an option, one
 * readable line per entry.
 *
 * A file that cannot be read gets one line on stderr naming it and why, and
 * the others are still read; the exit code is then 1 (2 on a usage error).
 */
import { CodePointIndex } from '../document/code-points.ts';
import { parsePlainText } from '../document/parse.ts';
import { textReferences, toBibtexFile, toRisFile, type CslItem } from '../analysis/references/index.ts';
import { EXIT, runCli } from './run.ts';
import { readTextFiles } from './text-file.ts';

const USAGE = 'usage: npm run --silent references -- [--json | --format csl|bibtex|ris] FILE...';
/** Texts larger than this are refused before they are read, as `analyze` does. */
const MAX_BYTES = 16 * 1024 * 1024;
const FORMATS = ['text', 'csl', 'bibtex', 'ris'] as const;
type Format = (typeof FORMATS)[number];

/** One reference as printed with --json. */
export type ReferenceRow = CslItem & { readonly document?: string; readonly span: { readonly start: number; readonly end: number } };

function main(argv: readonly string[]): number {
  let format: Format = 'text';
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') continue;
    if (arg === '--json') format = 'csl';
    else if (arg === '--format' || arg.startsWith('--format=')) {
      const value = arg === '--format' ? argv[++i] : arg.slice('--format='.length);
      if (!FORMATS.includes(value as Format)) {
        process.stderr.write(`references: unknown format ${value ?? '(none)'}; use csl, bibtex or ris.\n${USAGE}\n`);
        return EXIT.usage;
      }
      format = value as Format;
    } else if (arg === '-h' || arg === '--help') {
      process.stdout.write(`${USAGE}\n`);
      return EXIT.ok;
    } else if (arg.startsWith('-')) {
      process.stderr.write(`references: unknown option ${arg}.\n${USAGE}\n`);
      return EXIT.usage;
    } else files.push(arg);
  }
  if (files.length === 0) {
    process.stderr.write(`references: give at least one text file.\n${USAGE}\n`);
    return EXIT.usage;
  }
  const { texts, failed } = readTextFiles('references', files, { maxBytes: MAX_BYTES });
  const rows: ReferenceRow[] = [];
  for (const { file, source } of texts) {
    const points = new CodePointIndex(source);
    for (const ref of textReferences(parsePlainText(source))) {
      // Ids must be unique across files for BibTeX keys and CSL citations.
      const id = files.length > 1 ? `${files.indexOf(file) + 1}-${ref.item.id}` : ref.item.id;
      rows.push({
        ...ref.item,
        id,
        ...(files.length > 1 ? { document: file } : {}),
        span: { start: points.toCodePoints(ref.span.from), end: points.toCodePoints(ref.span.to) },
      });
    }
  }
  if (format === 'csl') process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
  else if (format === 'bibtex') process.stdout.write(toBibtexFile(rows));
  else if (format === 'ris') process.stdout.write(toRisFile(rows));
  else {
    for (const r of rows) {
      const who = r.author?.map((a) => a.family ?? a.literal).join(', ');
      const year = r.issued?.['date-parts'][0]?.[0];
      process.stdout.write(`${r.document ? `${r.document}:` : ''}${r.span.start}-${r.span.end}  ${r.id}  ${[who, year, r.title].filter(Boolean).join('. ') || '(no fields read)'}\n`);
    }
    if (rows.length === 0 && !failed) process.stdout.write('No reference entries in these texts.\n');
  }
  return failed ? EXIT.badInput : EXIT.ok;
}

runCli('references', main);
