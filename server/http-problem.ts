/**
 * Refusals as RFC 9457 problem details: a status and one sentence saying what
 * was wrong, never a stack trace.
 */
import type { ServerResponse } from 'node:http';

/** A request the server refuses; `detail` is one sentence for the client. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    /** Extra response headers (e.g. `Allow` on 405, `ETag` on 412). */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(detail);
    this.name = 'HttpProblem';
  }
}

const TITLES: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  410: 'Gone',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
};

/** Writes `problem` as `application/problem+json` (headers already set on `res` are kept). */
export function sendProblem(res: ServerResponse, problem: HttpProblem): void {
  const body = JSON.stringify({
    type: 'about:blank',
    title: TITLES[problem.status] ?? 'Error',
    status: problem.status,
    detail: problem.detail,
  });
  res.statusCode = problem.status;
  for (const [name, value] of Object.entries(problem.headers)) res.setHeader(name, value);
  res.setHeader('Content-Type', 'application/problem+json');
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.end(body);
}
