/**
 * `npm run --silent publish-layer -- FILE --server URL [--group GROUP] [--audience private|group|public] [--token TOKEN]`
 *
 * Publishes a W3C AnnotationCollection (a shipped layer in `annotations/`, or
 * any exported layer) to an annotation server: each annotation is checked
 * with the reader's import rules, then POSTed to the group's container
 * (`--group`: its address or id) or to the person's own one. The token comes
 * from `--token` or the ANNOTATION_TOKEN environment variable (get one with
 * `npm run server -- token NAME`). Publishing again is harmless: an
 * annotation the container already holds (same `urn:uuid:` id) is counted as
 * already there, not doubled.
 *
 * Prints one summary line on stdout. Exit codes: 0 when every annotation is
 * on the server; 1 when the file cannot be read, the server cannot be reached
 * or refuses the token, or refused some annotations (each named on stderr,
 * with the server's reason); 2 on a usage error.
 */
import { readFileSync, statSync } from 'node:fs';
import { importCollection } from '../annotations/exchange.ts';
import { MAX_FILE_LENGTH } from '../annotations/validate.ts';
import { groupIri, serverOrigin, AccountError } from '../sync/account-client.ts';
import { AUDIENCES, type Audience } from '../sync/sync-state.ts';
import { EXIT, oneLine, runCli } from './run.ts';

const NAME = 'publish-layer';
const USAGE = `usage: npm run --silent ${NAME} -- FILE --server URL [--group GROUP] [--audience private|group|public] [--token TOKEN]`;
const ANNO_TYPE = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';
/** Refusals named one by one on stderr; past this, one line says how many more. */
const NAMED_REFUSALS = 10;

interface Args {
  readonly file: string;
  readonly server: string;
  readonly group: string | null;
  readonly audience: Audience | null;
  readonly token: string;
}

/** The arguments, or a sentence saying what is wrong with them. */
function parseArgs(argv: readonly string[], env: NodeJS.ProcessEnv): Args | string {
  const files: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') continue;
    if (['--server', '--group', '--audience', '--token'].includes(arg)) {
      const value = argv[++i];
      if (value === undefined) return `${arg} needs a value.`;
      options.set(arg, value);
    } else if (arg.startsWith('--')) return `${arg} is not an option of ${NAME}.`;
    else files.push(arg);
  }
  if (files.length !== 1) return `${NAME} publishes one file (${files.length ? `${files.length} given` : 'none given'}).`;
  const server = options.get('--server');
  if (!server) return '--server URL is needed (e.g. --server http://127.0.0.1:8787/).';
  const audience = options.get('--audience') ?? null;
  if (audience !== null && !(AUDIENCES as readonly string[]).includes(audience)) return `--audience must be private, group or public (not ${JSON.stringify(audience)}).`;
  const token = options.get('--token') ?? env.ANNOTATION_TOKEN ?? '';
  if (!token) return 'A token is needed: --token TOKEN, or ANNOTATION_TOKEN in the environment (npm run server -- token NAME prints one).';
  return { file: files[0]!, server, group: options.get('--group') ?? null, audience: audience as Audience | null, token };
}

async function main(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv, process.env);
  if (typeof args === 'string') {
    process.stderr.write(`${NAME}: ${args}\n${USAGE}\n`);
    return EXIT.usage;
  }
  let container: string;
  try {
    const origin = serverOrigin(args.server);
    container = args.group ? `${groupIri(origin, args.group)}/annotations/` : `${origin}/annotations/`;
  } catch (error) {
    process.stderr.write(`${NAME}: ${(error as AccountError).message}\n${USAGE}\n`);
    return EXIT.usage;
  }

  let text: string;
  try {
    const size = statSync(args.file).size;
    if (size > MAX_FILE_LENGTH) throw new Error(`it has ${size} bytes, more than the ${MAX_FILE_LENGTH} a layer may have`);
    text = readFileSync(args.file, 'utf8');
  } catch (error) {
    process.stderr.write(`${NAME}: ${args.file} cannot be read: ${oneLine((error as Error).message.replace(/^[A-Z]+: /, ''))}.\n`);
    return EXIT.badInput;
  }
  const read = importCollection(text, [], { fileName: args.file });
  if (read.refused) {
    process.stderr.write(`${NAME}: ${args.file} is not an annotation collection: ${oneLine(read.refused)}\n`);
    return EXIT.badInput;
  }
  const refused: string[] = read.skipped.map((s) => `${args.file}: ${oneLine(s.reason)}`);

  let published = 0;
  let already = 0;
  for (const annotation of read.added) {
    const body = JSON.stringify({ ...annotation, ...(args.audience ? { 'reader:audience': args.audience } : {}) });
    let res: Response;
    try {
      res = await fetch(container, { method: 'POST', headers: { 'Content-Type': ANNO_TYPE, Accept: ANNO_TYPE, Authorization: `Bearer ${args.token}` }, body });
    } catch (error) {
      process.stderr.write(`${NAME}: the server at ${container} did not answer (${oneLine((error as Error & { cause?: Error }).cause?.message ?? error)}); ${published} annotations were published before.\n`);
      return EXIT.badInput;
    }
    if (res.status === 201) published++;
    else if (res.status === 409) already++;
    else {
      const reason = await problemOf(res);
      // Refusals that concern every annotation alike end the run at once.
      if ([401, 403, 404, 405].includes(res.status) || res.status >= 500) {
        process.stderr.write(`${NAME}: ${container} refused the layer (${reason}); ${published} annotations were published before.\n`);
        return EXIT.badInput;
      }
      refused.push(`${annotation.id}: ${reason}`);
    }
  }
  for (const line of refused.slice(0, NAMED_REFUSALS)) process.stderr.write(`${NAME}: not published: ${line}\n`);
  if (refused.length > NAMED_REFUSALS) process.stderr.write(`${NAME}: …and ${refused.length - NAMED_REFUSALS} more not published.\n`);
  const parts = [`Published ${published} of ${read.total} annotations of ${args.file} to ${container}`];
  if (already) parts.push(`${already} were already there`);
  if (refused.length) parts.push(`${refused.length} were not published (see above)`);
  process.stdout.write(`${parts.join('; ')}.\n`);
  return refused.length ? EXIT.badInput : EXIT.ok;
}

async function problemOf(res: Response): Promise<string> {
  const text = await res.text().catch(() => '');
  try {
    const detail = (JSON.parse(text) as { detail?: unknown }).detail;
    if (typeof detail === 'string') return `${res.status}: ${oneLine(detail)}`;
  } catch {
    // not a problem document
  }
  return `status ${res.status}`;
}

runCli(NAME, main);
