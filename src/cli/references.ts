/**
 * `npm run --silent references -- [--json | --format csl|bibtex|ris] FILE...`
 *
 * The references of each text: every entry of its notes list read into
 * CSL-JSON. `--json` (the same as `--format csl`) prints one array of CSL
 * items, each with `span: {start, end}`, the entry's text in the source in
 * Unicode code points (as the W3C TextPositionSelector counts), and, when
 * more than one file is given, `document`, the file as given. `--format
 * bibtex` and `--format ris` print those formats. Without an option, one
 * readable line per entry. `--works` prints instead the works cited by more
 * than one of the files (see analysis/references/works.ts for when two
 * entries are one work), each with the file and code-point span of every
 * entry citing it. `--layer` prints the work-link layer as one W3C
 * AnnotationCollection (analysis/references/work-layer.ts): each entry linked
 * to its work as CSL-JSON, each author–year citation linked to its entry or
 * flagged when it names none, and the works shared by several files; target
 * sources are the files' `file://` URLs.
 *
 * A file that cannot be read gets one line on stderr naming it and why, and
 * the others are still read; the exit code is then 1 (2 on a usage error).
 */
import { CodePointIndex } from '../document/code-points.ts';
import { parsePlainText } from '../document/parse.ts';
import { textReferences, toBibtexFile, toRisFile, type CslItem } from '../analysis/references/index.ts';
import { workLabel, worksCitedInSeveralTexts } from '../analysis/references/works.ts';
import { textWorkAnnotations } from '../analysis/references/work-layer.ts';
import { proposeWorkLinks } from '../analysis/references/works-annotation.ts';
import { collection } from '../analysis/analyze.ts';
import { writeCollection } from './write-collection.ts';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { EXIT, runCli } from './run.ts';
import { readTextFiles } from './text-file.ts';

const USAGE = 'usage: npm run --silent references -- [--json | --format csl|bibtex|ris | --works | --layer] FILE...';
/** Texts larger than this are refused before they are read, as `analyze` does. */
const MAX_BYTES = 16 * 1024 * 1024;
const FORMATS = ['text', 'csl', 'bibtex', 'ris'] as const;
type Format = (typeof FORMATS)[number];

/** One reference as printed with --json. */
export type ReferenceRow = CslItem & { readonly document?: string; readonly span: { readonly start: number; readonly end: number } };

async function main(argv: readonly string[]): Promise<number> {
  let format: Format = 'text';
  let works = false;
  let layer = false;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') continue;
    if (arg === '--json') format = 'csl';
    else if (arg === '--works') works = true;
    else if (arg === '--layer') layer = true;
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
  if ((works || layer) && (format !== 'text' || (works && layer))) {
    process.stderr.write(`references: --works and --layer each print one thing and take no format.\n${USAGE}\n`);
    return EXIT.usage;
  }
  const { texts, failed } = readTextFiles('references', files, { maxBytes: MAX_BYTES });
  if (layer) {
    const created = new Date().toISOString();
    const parsed = texts.map(({ file, source }) => ({ iri: pathToFileURL(resolve(file)).href, parsed: parsePlainText(source) }));
    const items = [...parsed.flatMap((t) => textWorkAnnotations(t.iri, t.parsed, { created })), ...proposeWorkLinks(parsed, { created })];
    await writeCollection(process.stdout, collection(`works|${parsed.map((t) => t.iri).join('|')}`, `Works cited: ${texts.map((t) => t.file).join('; ')}`, items));
    return failed ? EXIT.badInput : EXIT.ok;
  }
  if (works) {
    printWorks(texts);
    return failed ? EXIT.badInput : EXIT.ok;
  }
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

/** The works cited by more than one of `texts`: the work's name, then `FILE:START-END  ENTRY` for each entry citing it. */
function printWorks(texts: readonly { readonly file: string; readonly source: string }[]): void {
  const found = worksCitedInSeveralTexts(
    texts.map(({ file, source }) => ({ iri: file, citations: textReferences(parsePlainText(source)).map((r) => ({ iri: file, item: r.item, span: r.span })) })),
  );
  const sources = new Map(texts.map((t) => [t.file, { source: t.source, points: new CodePointIndex(t.source) }]));
  for (const work of found) {
    process.stdout.write(`${workLabel(work)} (cited in ${work.iris.length} texts)\n`);
    for (const c of work.citations) {
      const { source, points } = sources.get(c.iri)!;
      const entry = source.slice(c.span.from, c.span.to).replace(/\s+/gu, ' ');
      process.stdout.write(`  ${c.iri}:${points.toCodePoints(c.span.from)}-${points.toCodePoints(c.span.to)}  ${entry}\n`);
    }
  }
  if (found.length === 0) process.stdout.write('No work is cited by more than one of these texts.\n');
}

runCli('references', main);
