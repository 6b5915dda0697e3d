/**
 * `npm start [-- --port N --server-port M --data DIR]`: the reader (Vite's dev
 * server, default http://127.0.0.1:5173/) and the annotation server (default
 * http://127.0.0.1:8787/) in one process, so one command serves both with
 * nothing else to set up: annotations in embedded SQLite under DIR (default
 * ./data), or in PostgreSQL when DATABASE_URL is set.
 *
 * The reader keeps working when the annotation server cannot start (its port
 * taken, its database unreachable): that is said on stderr, and the reader is
 * served all the same (it is local-first). Ctrl-C stops both.
 */
import type { AddressInfo } from 'node:net';
import { createServer as createVite } from 'vite';
import { createAnnotationServer } from '../server/app.ts';
import { describeStore, openStore } from '../server/open-store.ts';
import type { AnnotationStore } from '../server/store.ts';

const USAGE = 'usage: npm start -- [--port N] [--server-port M] [--data DIR]';

function parse(argv: readonly string[]): { port: number; serverPort: number; data: string } {
  const args = { port: 5173, serverPort: 8787, data: 'data' };
  for (let i = 0; i < argv.length; i += 2) {
    const [name, value] = [argv[i]!, argv[i + 1]];
    const number = value !== undefined && /^\d{1,5}$/.test(value) && Number(value) <= 65535 ? Number(value) : null;
    if (name === '--port' && number !== null) args.port = number;
    else if (name === '--server-port' && number !== null) args.serverPort = number;
    else if (name === '--data' && value !== undefined) args.data = value;
    else {
      console.error(`${name} is not an option here, or its value is missing or not a port number.\n${USAGE}`);
      process.exit(2);
    }
  }
  return args;
}

const args = parse(process.argv.slice(2));
const choice = { data: args.data, databaseUrl: process.env.DATABASE_URL };

/** Starts the annotation server; null (said on stderr) when it cannot. */
async function startAnnotationServer(): Promise<{ store: AnnotationStore; close(): Promise<void> } | null> {
  let store: AnnotationStore;
  try {
    store = await openStore(choice);
  } catch (e) {
    console.error(`The annotation server is not running: its database (${describeStore(choice)}) could not be opened: ${(e as Error).message}`);
    return null;
  }
  const server = createAnnotationServer({ store });
  const listening = await new Promise<boolean>((resolve) => {
    server.once('error', (e) => {
      console.error(`The annotation server is not running: it could not listen on 127.0.0.1:${args.serverPort}: ${e.message}`);
      resolve(false);
    });
    server.listen(args.serverPort, '127.0.0.1', () => resolve(true));
  });
  if (!listening) {
    await store.close();
    return null;
  }
  const { port } = server.address() as AddressInfo;
  console.log(`annotation server listening on http://127.0.0.1:${port}/ (${store.engine}: ${describeStore(choice)})`);
  return {
    store,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
    },
  };
}

const annotations = await startAnnotationServer();
const vite = await createVite({ server: { host: '127.0.0.1', port: args.port, strictPort: false } });
await vite.listen();
const address = vite.httpServer?.address() as AddressInfo | null;
console.log(`reader at http://127.0.0.1:${address?.port ?? args.port}/`);

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await vite.close();
  await annotations?.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
