/** The URL a stubbed `fetch` was asked for, whether it was given a string, a URL or a Request. */
export function urlOf(input: RequestInfo | URL): string {
  if (typeof input === 'string') return input;
  return input instanceof URL ? input.href : input.url;
}

/** The text of a request body a stubbed `fetch` was given (our code sends strings). */
export function bodyText(body: BodyInit | null | undefined): string {
  if (typeof body !== 'string') throw new TypeError(`Expected a string request body, got ${Object.prototype.toString.call(body)}.`);
  return body;
}
