/**
 * `npm run server -- [--port N] [--data DIR] [--public-url URL]`: runs the
 * annotation server on the loopback address and prints
 * `annotation server listening on http://127.0.0.1:PORT/` once it accepts
 * requests. `npm run server -- token [--data DIR] NAME` creates the person NAME
 * if needed and prints a bearer token for them. Exit codes: 0 after
 * SIGINT/SIGTERM (or a printed token), 1 when it cannot start, 2 on bad usage.
 *
 * Storage: SQLite in DIR (default ./data) unless the environment sets
 * DATABASE_URL, which selects PostgreSQL (the schema is migrated at start).
 */
import { createAnnotationServer } from './app.ts';
import { AccountStore, USER_NAME } from './accounts.ts';
import { describeStore, openStore, type StoreChoice } from './open-store.ts';
import type { AnnotationStore } from './store.ts';

const USAGE = 'usage: npm run server -- [--port N] [--data DIR] [--public-url URL]\n       npm run server -- token [--data DIR] NAME';

/** `token [--data DIR] NAME`: prints a token for NAME (created without a password if new). */
async function printToken(argv: readonly string[]): Promise<never> {
  let data = 'data';
  const names: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--data' && argv[i + 1] !== undefined) data = argv[++i]!;
    else names.push(argv[i]!);
  }
  if (names.length !== 1 || !USER_NAME.test(names[0]!)) {
    console.error(`token needs one NAME of letters, digits, spaces, dots, underscores or hyphens.\n${USAGE}`);
    process.exit(2);
  }
  const store = await open({ data, databaseUrl: process.env.DATABASE_URL });
  const accounts = new AccountStore(store.accountRows);
  const user = (await accounts.userByName(names[0]!)) ?? (await accounts.createUser(names[0]!, null))!;
  console.log((await accounts.issueToken(user)).token);
  await store.close();
  process.exit(0);
}

/** The store, or exit 1 with a message naming where it was looked for. */
async function open(choice: StoreChoice): Promise<AnnotationStore> {
  try {
    return await openStore(choice);
  } catch (e) {
    console.error(`The annotation database (${describeStore(choice)}) could not be opened: ${(e as Error).message}`);
    process.exit(1);
  }
}

if (process.argv[2] === 'token') await printToken(process.argv.slice(3));

interface Args {
  port: number;
  data: string;
  publicUrl?: string;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { port: 8787, data: 'data' };
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i]!;
    const value = argv[i + 1];
    if (name === '--help' || name === '-h') {
      console.log(USAGE);
      process.exit(0);
    }
    if (value === undefined || !['--port', '--data', '--public-url'].includes(name)) {
      console.error(`${name} is not an option here (or has no value).\n${USAGE}`);
      process.exit(2);
    }
    i++;
    if (name === '--port') {
      if (!/^\d{1,5}$/.test(value) || Number(value) > 65535) {
        console.error(`--port must be a number from 0 to 65535 (has ${JSON.stringify(value)}).`);
        process.exit(2);
      }
      args.port = Number(value);
    } else if (name === '--data') args.data = value;
    else args.publicUrl = value;
  }
  return args;
}

const args = parseArgs(process.argv.slice(2));
const store = await open({ data: args.data, databaseUrl: process.env.DATABASE_URL });
const server = createAnnotationServer({ store, ...(args.publicUrl ? { publicUrl: args.publicUrl } : {}) });
server.on('error', (e) => {
  console.error(`The annotation server could not listen on 127.0.0.1:${args.port}: ${e.message}`);
  process.exit(1);
});
server.listen(args.port, '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : args.port;
  console.log(`annotation server listening on http://127.0.0.1:${port}/`);
});

function stop(): void {
  server.close(() => {
    void store.close().finally(() => process.exit(0));
  });
  // Open keep-alive connections would hold close() forever.
  server.closeAllConnections();
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
