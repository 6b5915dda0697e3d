/**
 * Reading a request body with a size limit. Over the limit the rest is read
 * and thrown away (so the client still gets the 413 rather than a reset
 * connection), up to a hard cap after which the connection is cut.
 */
import type { IncomingMessage } from 'node:http';
import { HttpProblem } from './http-problem.ts';

/** Bodies beyond this many times the limit are not even drained: the socket is closed. */
const DRAIN_FACTOR = 4;

/**
 * The body of `req` as UTF-8 text. Rejects with HttpProblem 413 when it is
 * longer than `limit` bytes, and 400 when it is not valid UTF-8.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    const refuse = (): HttpProblem => new HttpProblem(413, `The request body is larger than the ${limit} bytes an annotation may have.`, { Connection: 'close' });
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit * DRAIN_FACTOR) {
      req.resume();
      reject(refuse());
      return;
    }
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        tooLarge = true;
        chunks.length = 0;
        if (size > limit * DRAIN_FACTOR) {
          req.removeAllListeners('data');
          req.resume();
          reject(refuse());
        }
        return;
      }
      chunks.push(chunk);
    });
    req.on('error', () => reject(new HttpProblem(400, 'The request body could not be read to its end.')));
    req.on('end', () => {
      if (tooLarge) return reject(refuse());
      try {
        resolve(new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks)));
      } catch {
        reject(new HttpProblem(400, 'The request body is not valid UTF-8 text.'));
      }
    });
  });
}
