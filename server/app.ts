/**
 * The annotation server's HTTP layer: the W3C Web Annotation Protocol
 * (https://www.w3.org/TR/annotation-protocol/) over each person's and each
 * group's container (see access.ts), plus search (`<container>_search`) and a
 * change feed (`<container>_changes`); accounts, tokens and groups are in
 * account-routes.ts.
 *
 * Every annotation written is checked by `validateAnnotation`, the same rules
 * the reader applies to imports. Every refusal is a 4xx with one sentence of
 * problem JSON; an unexpected fault is a 500 of the same shape, never a crash.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createHash, randomUUID } from 'node:crypto';
import { agentErrors, validateAnnotation, isAbsoluteIri, isDateTime, MAX_FILE_LENGTH } from '../src/annotations/validate.ts';
import { fold } from '../src/text/fold.ts';
import { HttpProblem, sendProblem } from './http-problem.ts';
import { readBody } from './request-body.ts';
import {
  ALLOWED_REQUEST_HEADERS,
  ANNO_MEDIA_TYPE,
  EXPOSED_HEADERS,
  LDP_BASIC_CONTAINER,
  LDP_CONSTRAINED_BY,
  LDP_RESOURCE,
  PROTOCOL_SPEC,
  containerPreference,
  entityTags,
  negotiate,
  requireJsonBody,
} from './media-types.ts';
import { annotationDocument, changeEntry, containerDocument, pageDocument } from './representations.ts';
import { StoreUnavailableError, type AnnotationStore, type PageKey, type SearchFilters, type StoredAnnotation, type StoredPage } from './store.ts';
import { AccountStore, type User } from './accounts.ts';
import { audienceOf, canRead, groupContainer, requireOwner, userContainer, type ContainerRef } from './access.ts';
import { accountRoute, SignInLimiter } from './account-routes.ts';

export interface ServerOptions {
  readonly store: AnnotationStore;
  /** Annotations per AnnotationPage (default 100). */
  readonly pageSize?: number;
  /** Largest request body in bytes (default: the import limit, MAX_FILE_LENGTH). */
  readonly bodyLimit?: number;
  /** The server's public origin, e.g. `https://notes.example.org`; default: the address it listens on. */
  readonly publicUrl?: string;
  /** Failed sign-ins allowed per name and per address in a minute (default 5). */
  readonly signInAttempts?: number;
}

/** What a request resolves to once the server knows its options. */
interface ServerState {
  readonly options: ServerOptions;
  readonly accounts: AccountStore;
  readonly limiter: SignInLimiter;
}
/** Slugs the server accepts in paths: unreserved characters only, so they never need decoding. */
const SLUG = /^[A-Za-z0-9][A-Za-z0-9._~-]{0,127}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Ids longer than this are refused (no IRI we mint or read is near it). */
const MAX_ID_LENGTH = 2048;
/** Longest search parameter value. */
const MAX_PARAM_LENGTH = 1000;
const MAX_CHANGES = 1000;

const ANNOTATION_ALLOW = 'PUT, GET, OPTIONS, HEAD, DELETE';
const CONTAINER_ALLOW = 'POST, GET, OPTIONS, HEAD';
export const READ_ALLOW = 'GET, OPTIONS, HEAD';

/** A handler for one kind of resource: what it allows, and what it does per method. */
export interface Route {
  readonly allow: string;
  handle(method: string): Promise<void> | void;
}

/** Creates (not yet listening) the HTTP server over `options.store`. */
export function createAnnotationServer(options: ServerOptions): Server {
  const state: ServerState = {
    options,
    accounts: new AccountStore(options.store.accountRows),
    limiter: new SignInLimiter(options.signInAttempts ?? 5, 60_000),
  };
  const server = createServer((req, res) => {
    handle(state, req, res).catch((error: unknown) => {
      const problem =
        error instanceof HttpProblem
          ? error
          : error instanceof StoreUnavailableError
            ? new HttpProblem(503, 'The annotation database cannot be reached; nothing was changed, try again shortly.', { 'Retry-After': '5' })
            : new HttpProblem(500, 'The server failed on this request; nothing was changed by it.');
      if (error instanceof StoreUnavailableError) console.error(`annotation server: database unavailable: ${error.message}`);
      else if (!(error instanceof HttpProblem)) console.error('annotation server: unexpected fault:', error);
      if (res.headersSent) res.destroy();
      else sendProblem(res, problem);
    });
  });
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });
  return server;
}

function originOf(options: ServerOptions, req: IncomingMessage): string {
  if (options.publicUrl) return options.publicUrl.replace(/\/+$/, '');
  const address = req.socket.localAddress ?? '127.0.0.1';
  const host = address.includes(':') && !address.startsWith('::ffff:') ? `[${address}]` : address.replace(/^::ffff:/, '');
  return `http://${host}:${req.socket.localPort}`;
}

async function handle(state: ServerState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { options } = state;
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Expose-Headers', EXPOSED_HEADERS);
  const rawUrl = req.url ?? '/';
  if (!rawUrl.startsWith('/')) throw new HttpProblem(400, 'The request target must be a path on this server.');
  let url: URL;
  try {
    url = new URL(rawUrl, 'http://server.invalid');
  } catch {
    throw new HttpProblem(400, 'The request target is not a valid URL path.');
  }
  const method = (req.method ?? 'GET').toUpperCase();
  const ctx = new RequestContext(state, req, res, url, originOf(options, req));
  // A CORS preflight carries no Authorization: answer it from the path alone, before anything asks who is calling.
  if (method === 'OPTIONS' && /^\/annotations\//.test(url.pathname)) {
    return ctx.sendOptions(url.pathname === '/annotations/' ? CONTAINER_ALLOW : ANNOTATION_ALLOW);
  }
  await ctx.authenticate();
  const route = accountRoute(ctx) ?? (await routeFor(ctx));
  if (method === 'OPTIONS') return ctx.sendOptions(route.allow);
  if (!route.allow.split(', ').includes(method)) {
    throw new HttpProblem(405, `${method} is not allowed on ${url.pathname}.`, { Allow: route.allow });
  }
  await route.handle(method);
}

const NOT_FOUND: Route = {
  allow: READ_ALLOW,
  handle: () => {
    throw new HttpProblem(404, 'There is nothing at this address.');
  },
};

/** The container a path lies in and the rest of the path after it; null when it is in none. */
async function containerOf(ctx: RequestContext, path: string): Promise<{ container: ContainerRef | null; base: string; rest: string } | null> {
  const own = /^\/annotations(\/.*)?$/.exec(path);
  if (own) {
    const user = ctx.user();
    if (!user) throw new HttpProblem(401, 'Sign in first: /annotations/ is the container of the signed-in person\'s own annotations.', { 'WWW-Authenticate': 'Bearer' });
    return { container: await userContainer(ctx.accounts, user.id, user), base: '/annotations', rest: own[1] ?? '' };
  }
  const person = /^(\/users\/(\d{1,15})\/annotations)(\/.*)?$/.exec(path);
  if (person) return { container: await userContainer(ctx.accounts, Number(person[2]), ctx.user()), base: person[1]!, rest: person[3] ?? '' };
  const group = /^(\/groups\/([^/]+)\/annotations)(\/.*)?$/.exec(path);
  if (group) return { container: await groupContainer(ctx.accounts, group[2]!, ctx.user()), base: group[1]!, rest: group[3] ?? '' };
  return null;
}

async function routeFor(ctx: RequestContext): Promise<Route> {
  const path = ctx.url.pathname;
  if (path === '/') return { allow: READ_ALLOW, handle: () => ctx.sendService() };
  const found = await containerOf(ctx, path);
  if (!found || !found.container) return NOT_FOUND;
  const { container: c, base, rest } = found;
  if (rest === '') return { allow: READ_ALLOW, handle: () => ctx.redirect(`${base}/`) };
  if (rest === '/') {
    return { allow: CONTAINER_ALLOW, handle: (method) => (method === 'POST' ? ctx.createAnnotation(c) : ctx.getContainerOrPage(c)) };
  }
  if (rest === '/_search') return { allow: READ_ALLOW, handle: () => ctx.search(c) };
  if (rest === '/_changes') return { allow: READ_ALLOW, handle: () => ctx.changes(c) };
  const slug = rest.slice(1);
  if (!SLUG.test(slug)) return NOT_FOUND;
  return {
    allow: ANNOTATION_ALLOW,
    handle: (method) =>
      method === 'PUT' ? ctx.replaceAnnotation(c, slug) : method === 'DELETE' ? ctx.deleteAnnotation(c, slug) : ctx.getAnnotation(c, slug),
  };
}

function strongTag(text: string): string {
  return `"${createHash('sha256').update(text).digest('base64url').slice(0, 22)}"`;
}

/** A whole non-negative integer query value, or `fallback` when absent; 400 otherwise. */
function wholeParam(url: URL, name: string, fallback: number): number {
  const value = url.searchParams.get(name);
  if (value === null) return fallback;
  if (!/^\d{1,15}$/.test(value)) throw new HttpProblem(400, `The "${name}" parameter must be a whole number (has ${JSON.stringify(value.slice(0, 40))}).`);
  return Number(value);
}

function onlyParams(url: URL, allowed: readonly string[]): void {
  for (const name of url.searchParams.keys()) {
    if (!allowed.includes(name)) {
      throw new HttpProblem(400, `Unknown parameter ${JSON.stringify(name.slice(0, 40))}; this address reads ${allowed.join(', ')}.`);
    }
  }
}

/** True when a string anywhere in `value` (a property name too) holds U+0000, which PostgreSQL's text and jsonb refuse. */
function containsNul(value: unknown): boolean {
  // A loop, not recursion: JSON.parse accepts nesting deeper than the call stack.
  const pending: unknown[] = [value];
  while (pending.length) {
    const v = pending.pop();
    if (typeof v === 'string') {
      if (v.includes('\0')) return true;
    } else if (Array.isArray(v)) {
      for (const item of v) pending.push(item);
    } else if (v && typeof v === 'object') {
      for (const [key, inner] of Object.entries(v)) {
        if (key.includes('\0')) return true;
        pending.push(inner);
      }
    }
  }
  return false;
}

/** Everything one request needs: its parts, the stores, the signed-in person, and the IRIs it names. */
export class RequestContext {
  readonly store: AnnotationStore;
  readonly accounts: AccountStore;
  readonly limiter: SignInLimiter;
  readonly options: ServerOptions;
  readonly pageSize: number;
  /** Who the request's token stands for: a person, nobody (no token), or 'invalid' (unknown, expired, revoked). */
  private signedIn: User | null | 'invalid' = null;

  constructor(
    state: ServerState,
    readonly req: IncomingMessage,
    readonly res: ServerResponse,
    readonly url: URL,
    readonly origin: string,
  ) {
    this.options = state.options;
    this.store = state.options.store;
    this.accounts = state.accounts;
    this.limiter = state.limiter;
    this.pageSize = state.options.pageSize ?? 100;
  }

  /** Looks up the request's bearer token once, before routing (`user()` then answers from it). */
  async authenticate(): Promise<void> {
    const header = this.req.headers.authorization;
    if (header === undefined) return;
    const token = /^Bearer ([A-Za-z0-9._~+/-]{1,200}=*)$/.exec(header.trim())?.[1];
    this.signedIn = (token ? await this.accounts.userByToken(token) : null) ?? 'invalid';
  }

  /** The person whose bearer token the request carries, or null; 401 for a token that is unknown, expired or revoked. */
  user(): User | null {
    if (this.signedIn === 'invalid') {
      throw new HttpProblem(401, 'The bearer token is unknown, expired or revoked; sign in again.', { 'WWW-Authenticate': 'Bearer error="invalid_token"' });
    }
    return this.signedIn;
  }

  /** The bearer token itself, when the request carries a valid one. */
  token(): string | null {
    return this.user() ? /^Bearer (\S+)$/.exec(this.req.headers.authorization!.trim())![1]! : null;
  }

  containerIri(c: ContainerRef): string {
    return `${this.origin}${c.path}`;
  }

  iriIn(c: ContainerRef): (row: StoredAnnotation) => string {
    return (row) => `${this.origin}${c.path}${row.slug}`;
  }

  // ---- responses ----

  /** Sends `doc` as JSON with `headers`, honouring If-Match (412) and If-None-Match (304) against `etag` on reads. */
  sendJson(status: number, doc: unknown, headers: Record<string, string>, options: { etag?: string; mediaType?: string } = {}): void {
    const mediaType = options.mediaType ?? negotiate(this.req.headers.accept);
    const body = JSON.stringify(doc);
    const etag = options.etag ?? strongTag(body);
    const method = this.req.method?.toUpperCase();
    const reading = method === 'GET' || method === 'HEAD';
    // Writes checked If-Match against the version they replaced; the answer carries the new one.
    if (reading) this.checkPreconditions(etag);
    for (const [name, value] of Object.entries(headers)) this.res.setHeader(name, value);
    this.res.setHeader('ETag', etag);
    const unchanged = entityTags(this.req.headers['if-none-match']);
    if (reading && unchanged && (unchanged.includes('*') || unchanged.includes(etag))) {
      this.res.statusCode = 304;
      this.res.end();
      return;
    }
    this.res.statusCode = status;
    this.res.setHeader('Content-Type', mediaType);
    this.res.setHeader('Content-Length', Buffer.byteLength(body));
    this.res.end(body);
  }

  /** 412 when the request's If-Match names no current tag (a stale tag is never answered 304). */
  checkPreconditions(currentTag: string | null): void {
    const wanted = entityTags(this.req.headers['if-match']);
    if (!wanted) return;
    if (currentTag !== null && (wanted.includes('*') || wanted.includes(currentTag))) return;
    throw new HttpProblem(412, 'The If-Match entity tag is not the current one: the resource changed since it was read.', currentTag ? { ETag: currentTag } : {});
  }

  sendOptions(allow: string): void {
    this.res.setHeader('Allow', allow);
    this.res.setHeader('Access-Control-Allow-Methods', allow);
    this.res.setHeader('Access-Control-Allow-Headers', ALLOWED_REQUEST_HEADERS);
    this.res.setHeader('Access-Control-Max-Age', '600');
    if (allow === CONTAINER_ALLOW) this.res.setHeader('Accept-Post', ANNO_MEDIA_TYPE);
    this.res.setHeader('Vary', 'Accept');
    this.res.statusCode = 200;
    this.res.setHeader('Content-Length', '0');
    this.res.end();
  }

  sendEmpty(status: number): void {
    this.res.statusCode = status;
    this.res.setHeader('Content-Length', '0');
    this.res.end();
  }

  redirect(path: string): void {
    this.res.setHeader('Location', `${this.origin}${path}${this.url.search}`);
    this.sendEmpty(308);
  }

  sendService(): void {
    const user = this.user();
    const doc = {
      accounts: `${this.origin}/accounts`,
      tokens: `${this.origin}/tokens`,
      groups: `${this.origin}/groups`,
      ...(user ? { user: user.name, annotations: `${this.origin}/users/${user.id}/annotations/` } : {}),
    };
    this.sendJson(200, doc, { Allow: READ_ALLOW, Vary: 'Accept, Authorization' }, { mediaType: 'application/json' });
  }

  private annotationHeaders(): Record<string, string> {
    return { Link: `<${LDP_RESOURCE}>; rel="type"`, Allow: ANNOTATION_ALLOW, Vary: 'Accept' };
  }

  private sendAnnotation(c: ContainerRef, status: number, row: StoredAnnotation): void {
    this.sendJson(status, annotationDocument(row, this.iriIn(c)(row)), this.annotationHeaders(), { etag: row.etag });
  }

  /** The container, or 404 when the reader may not see it. */
  private visible(c: ContainerRef): NonNullable<ContainerRef['visibility']> {
    if (!c.visibility) throw new HttpProblem(404, 'There is nothing at this address.');
    return c.visibility;
  }

  /** The stored row at `slug` that the reader may see; 404 when there is none they may see, 410 when deleted. */
  private async readable(c: ContainerRef, slug: string): Promise<StoredAnnotation> {
    const row = await this.store.get(c.key, slug);
    if (!row || !canRead(c, row, this.user())) {
      this.checkPreconditions(null);
      throw new HttpProblem(404, 'No annotation has this address.');
    }
    if (row.deleted) {
      this.checkPreconditions(null);
      throw new HttpProblem(410, 'This annotation was deleted.');
    }
    return row;
  }

  // ---- annotations ----

  async getAnnotation(c: ContainerRef, slug: string): Promise<void> {
    this.sendAnnotation(c, 200, await this.readable(c, slug));
  }

  /** The request's JSON body, parsed; 415, 413 or 400 when it cannot be. */
  async jsonBody(): Promise<unknown> {
    requireJsonBody(this.req.headers['content-type']);
    const text = await readBody(this.req, this.options.bodyLimit ?? MAX_FILE_LENGTH);
    if (!text.trim()) throw new HttpProblem(400, 'The request body is empty; it must be one JSON object.');
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      throw new HttpProblem(400, `The request body is not valid JSON (${(e as Error).message.slice(0, 120)}).`);
    }
    if (containsNul(parsed)) throw new HttpProblem(400, 'The request body contains the character U+0000 (NUL), which cannot be stored; remove it.');
    return parsed;
  }

  /** The body as one JSON object; 400 for a list or a single value. */
  async objectBody(): Promise<Record<string, unknown>> {
    const raw = await this.jsonBody();
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      throw new HttpProblem(400, 'The request body must be one JSON object, not a list or a single value.');
    }
    return raw as Record<string, unknown>;
  }

  /** Validates `raw` with the import rules, under the IRI `iri`; 400 with every reason when it fails. */
  private validated(raw: Record<string, unknown>, iri: string) {
    const { annotation, errors } = validateAnnotation({ ...raw, id: iri });
    if (!annotation) throw new HttpProblem(400, `The annotation was refused because ${errors.join('; ')}.`);
    // The import rules keep only the model's terms; a `canonical` IRI MUST be kept as it was given (protocol §5.1).
    const { canonical } = raw;
    if (canonical === undefined) return annotation;
    if (typeof canonical !== 'string' || canonical.length > MAX_ID_LENGTH || !isAbsoluteIri(canonical)) {
      throw new HttpProblem(400, 'The annotation\'s "canonical" must be an absolute IRI.');
    }
    return { ...annotation, canonical };
  }

  /**
   * The annotation with the signed-in account as its `creator`, replacing any
   * the client sent: a note's attribution is the server's to state, else a
   * member could sign a note with another member's name. A `generator` (the
   * software that made it) is kept as sent. A malformed `creator` is still
   * refused (400), as an import would refuse it.
   */
  private authorOf(doc: Record<string, unknown>, user: User): Record<string, unknown> {
    const errors = doc.creator === undefined ? [] : agentErrors(doc.creator, 'creator');
    if (errors.length) throw new HttpProblem(400, `The annotation was refused because ${errors.join('; ')}.`);
    return { ...doc, creator: { id: `${this.origin}/users/${user.id}`, type: 'Person', name: user.name } };
  }

  async createAnnotation(c: ContainerRef): Promise<void> {
    this.visible(c);
    const user = this.user();
    if (!c.canPost || !user) throw new HttpProblem(404, 'There is nothing at this address.');
    negotiate(this.req.headers.accept);
    const doc = await this.objectBody();
    const audience = audienceOf(doc['reader:audience'], c);
    const claim = this.claimedSlug(c, doc.id);
    if (claim?.via) {
      const earlier = await this.store.byVia(c.key, claim.via);
      if (earlier) {
        throw new HttpProblem(409, 'An annotation with this id is already stored; change it with PUT at its address.', { Location: this.iriIn(c)(earlier) });
      }
    }
    let slug = claim?.slug ?? this.slugHeader() ?? randomUUID();
    if (await this.store.hasSlug(c.key, slug)) {
      if (claim && !claim.via) throw new HttpProblem(409, 'This address already holds an annotation; change it with PUT.', { Location: `${this.containerIri(c)}${slug}` });
      slug = randomUUID();
    }
    const iri = `${this.containerIri(c)}${slug}`;
    const annotation = this.validated(this.authorOf({ ...doc, created: doc.created ?? new Date().toISOString() }, user), iri);
    const via = claim ? claim.via : typeof doc.id === 'string' ? doc.id : null;
    const stored = await this.store.create(c.key, slug, annotation, { via, ownerId: user.id, audience });
    if (!stored) throw new HttpProblem(409, 'This address already holds an annotation; change it with PUT.', { Location: iri });
    this.res.setHeader('Location', iri);
    this.sendAnnotation(c, 201, stored);
  }

  /**
   * The slug an id in a POST body asks for: a `urn:uuid:` id keeps its UUID
   * when free (and is kept as `via`, so a client's retried POST finds its first
   * one: 409), an IRI in this container keeps its last segment. Other absolute
   * IRIs get a fresh slug (null here); anything else is refused.
   */
  private claimedSlug(c: ContainerRef, id: unknown): { slug: string; via: string | null } | null {
    if (id === undefined) return null;
    if (typeof id !== 'string' || id.length > MAX_ID_LENGTH || !isAbsoluteIri(id)) {
      throw new HttpProblem(400, 'The annotation\'s "id" must be an absolute IRI such as urn:uuid:…, or left out.');
    }
    const uuid = /^urn:uuid:(.+)$/i.exec(id)?.[1];
    if (uuid && UUID.test(uuid)) return { slug: uuid.toLowerCase(), via: id };
    const iri = this.containerIri(c);
    if (id.startsWith(iri)) {
      const slug = id.slice(iri.length);
      if (!SLUG.test(slug) || slug.startsWith('_')) throw new HttpProblem(400, 'The annotation\'s "id" names an address in this container that cannot hold an annotation.');
      return { slug, via: null };
    }
    return null;
  }

  /** A usable `Slug` header (LDP §5.2.3.10), or null to let the server choose. */
  private slugHeader(): string | null {
    const header = this.req.headers.slug;
    if (typeof header !== 'string') return null;
    let slug: string;
    try {
      slug = decodeURIComponent(header.trim());
    } catch {
      return null;
    }
    return SLUG.test(slug) && !slug.startsWith('_') ? slug : null;
  }

  async replaceAnnotation(c: ContainerRef, slug: string): Promise<void> {
    const current = await this.readable(c, slug);
    requireOwner(current, this.user());
    this.checkPreconditions(current.etag);
    negotiate(this.req.headers.accept);
    const doc = await this.objectBody();
    const iri = this.iriIn(c)(current);
    if (doc.id !== undefined && doc.id !== iri && doc.id !== current.via) {
      throw new HttpProblem(400, `The annotation's "id" is not this annotation's IRI (${iri}).`);
    }
    const audience = audienceOf(doc['reader:audience'] ?? current.audience, c);
    const stored = JSON.parse(current.json!) as { created?: string; canonical?: string };
    // Protocol §5.2: once set, "canonical" and "via" do not change (left out, they are kept).
    if (stored.canonical !== undefined && doc.canonical !== undefined && doc.canonical !== stored.canonical) {
      throw new HttpProblem(409, `The annotation's "canonical" is set (${stored.canonical}) and cannot change.`);
    }
    if (current.via !== null && doc.via !== undefined && doc.via !== current.via) {
      throw new HttpProblem(409, `The annotation's "via" is set (${current.via}) and cannot change.`);
    }
    const annotation = this.validated(
      this.authorOf(
        { ...doc, created: doc.created ?? stored.created, modified: doc.modified ?? new Date().toISOString(), canonical: doc.canonical ?? stored.canonical },
        this.user()!,
      ),
      iri,
    );
    const outcome = await this.store.replace(c.key, slug, annotation, audience, entityTags(this.req.headers['if-match']));
    if (outcome.kind === 'stale') this.checkPreconditions(outcome.current.etag);
    if (outcome.kind !== 'done') throw new HttpProblem(410, 'This annotation was deleted meanwhile.');
    this.sendAnnotation(c, 200, outcome.stored);
  }

  async deleteAnnotation(c: ContainerRef, slug: string): Promise<void> {
    const current = await this.readable(c, slug);
    requireOwner(current, this.user());
    const outcome = await this.store.remove(c.key, slug, entityTags(this.req.headers['if-match']));
    if (outcome.kind === 'stale') this.checkPreconditions(outcome.current.etag);
    if (outcome.kind !== 'done') throw new HttpProblem(410, 'This annotation was already deleted.');
    this.sendEmpty(204);
  }

  // ---- container and pages ----

  /** The page key named by `after`, `before` or `page=last`; null when the URL names no page. */
  private pageKey(): PageKey | null {
    const page = this.url.searchParams.get('page');
    if (page !== null && page !== 'last') throw new HttpProblem(400, 'The "page" parameter can only be "last"; other pages are named by "after" or "before".');
    if (page === 'last') return { last: true };
    if (this.url.searchParams.has('before')) return { before: wholeParam(this.url, 'before', 0) };
    if (this.url.searchParams.has('after')) return { after: wholeParam(this.url, 'after', 0) };
    return null;
  }

  private irisParam(): boolean | null {
    const iris = this.url.searchParams.get('iris');
    if (iris === null) return null;
    if (iris !== '0' && iris !== '1') throw new HttpProblem(400, 'The "iris" parameter must be 0 or 1.');
    return iris === '1';
  }

  /** Links of `page`, whose address is `base` plus its key (`base` ends in `?` or `&`). */
  private pageLinks(base: string, key: PageKey, page: StoredPage): { id: string; next: string | null; prev: string | null } {
    const keyText = 'after' in key ? `after=${key.after}` : 'before' in key ? `before=${key.before}` : 'page=last';
    const rows = page.rows;
    return {
      id: `${base}${keyText}`,
      next: page.hasNext ? `${base}after=${rows.length ? rows[rows.length - 1]!.seq : 'before' in key ? key.before - 1 : 0}` : null,
      prev: page.hasPrev ? `${base}before=${rows.length ? rows[0]!.seq : 'after' in key ? key.after + 1 : 0}` : null,
    };
  }

  async getContainerOrPage(c: ContainerRef): Promise<void> {
    const visibility = this.visible(c);
    onlyParams(this.url, ['iris', 'after', 'before', 'page']);
    const irisParam = this.irisParam();
    const key = this.pageKey();
    const stored = await this.store.containerState(c.key);
    // The stored total counts every annotation; a group member does not see others' private ones.
    const state = 'all' in visibility ? stored : { ...stored, total: await this.store.count(c.key, { visibility }) };
    const containerIri = this.containerIri(c);
    const iriOf = this.iriIn(c);
    if (key) {
      const iris = irisParam ?? false;
      const found = await this.store.page(c.key, key, this.pageSize, { visibility });
      // The last page's place follows from the running total; deeper pages' would need a count (see StoredPage).
      const page = 'last' in key && found.startIndex === null ? { ...found, startIndex: state.total - found.rows.length } : found;
      const links = this.pageLinks(`${containerIri}?iris=${iris ? 1 : 0}&`, key, page);
      const doc = pageDocument({ page, links, partOf: { id: containerIri, ...state }, iris, iriOf, embedded: false });
      this.sendJson(200, doc, { Allow: READ_ALLOW, Vary: 'Accept, Authorization' });
      return;
    }
    const preference = containerPreference(this.req.headers.prefer as string | undefined);
    const iris = preference === 'iris' || (preference !== 'descriptions' && irisParam === true);
    const minimal = preference === 'minimal';
    const id = preference !== null || irisParam !== null ? `${containerIri}?iris=${iris ? 1 : 0}` : containerIri;
    const base = `${containerIri}?iris=${iris ? 1 : 0}&`;
    let first: Record<string, unknown> | string | null = null;
    let last: string | null = null;
    if (state.total > 0) {
      last = `${base}page=last`;
      if (minimal) first = `${base}after=0`;
      else {
        const page = await this.store.page(c.key, { after: 0 }, this.pageSize, { visibility });
        const links = this.pageLinks(base, { after: 0 }, page);
        first = pageDocument({ page, links, partOf: { id, ...state }, iris, iriOf, embedded: true });
      }
    }
    const doc = containerDocument({ id, label: c.label, state, first, last });
    this.sendJson(200, doc, {
      Link: `<${LDP_BASIC_CONTAINER}>; rel="type", <${PROTOCOL_SPEC}>; rel="${LDP_CONSTRAINED_BY}"`,
      Allow: CONTAINER_ALLOW,
      'Accept-Post': ANNO_MEDIA_TYPE,
      Vary: 'Accept, Prefer, Authorization',
      'Content-Location': id,
      ...(preference ? { 'Preference-Applied': 'return=representation' } : {}),
    });
  }

  // ---- search and changes ----

  private searchFilters(): SearchFilters {
    const get = (name: string): string | undefined => {
      const value = this.url.searchParams.get(name);
      if (value === null) return undefined;
      if (value.includes('\0')) throw new HttpProblem(400, `The "${name}" parameter contains the character U+0000 (NUL), which nothing stored can hold.`);
      if (!value.trim() || value.length > MAX_PARAM_LENGTH) {
        throw new HttpProblem(400, `The "${name}" parameter must be between 1 and ${MAX_PARAM_LENGTH} characters long.`);
      }
      return value;
    };
    const instant = (name: string, endOfDay: boolean): string | undefined => {
      const value = get(name);
      if (value === undefined) return undefined;
      const dateTime = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T${endOfDay ? '23:59:59.999' : '00:00:00'}Z` : value;
      if (!isDateTime(dateTime)) throw new HttpProblem(400, `The "${name}" parameter must be a date (YYYY-MM-DD) or a date and time with a timezone.`);
      return new Date(Date.parse(dateTime)).toISOString();
    };
    const source = get('source');
    if (source !== undefined && !isAbsoluteIri(source)) throw new HttpProblem(400, 'The "source" parameter must be a document\'s absolute IRI.');
    const quote = get('quote');
    const creator = get('creator');
    const tag = get('tag');
    const modifiedFrom = instant('modifiedFrom', false);
    const modifiedTo = instant('modifiedTo', true);
    return {
      ...(source !== undefined ? { source } : {}),
      ...(tag !== undefined ? { tag } : {}),
      ...(quote !== undefined ? { quote: fold(quote) } : {}),
      ...(creator !== undefined ? { creator: isAbsoluteIri(creator) ? creator : fold(creator) } : {}),
      ...(modifiedFrom !== undefined ? { modifiedFrom } : {}),
      ...(modifiedTo !== undefined ? { modifiedTo } : {}),
    };
  }

  async search(c: ContainerRef): Promise<void> {
    const visibility = this.visible(c);
    const filterNames = ['source', 'tag', 'quote', 'creator', 'modifiedFrom', 'modifiedTo'];
    onlyParams(this.url, [...filterNames, 'iris', 'after', 'before', 'page']);
    const filters = { ...this.searchFilters(), visibility };
    const iris = this.irisParam() ?? false;
    const key = this.pageKey() ?? { after: 0 };
    const query = new URLSearchParams();
    for (const name of filterNames) {
      const value = this.url.searchParams.get(name);
      if (value !== null) query.set(name, value);
    }
    query.set('iris', iris ? '1' : '0');
    const collection = `${this.containerIri(c)}_search?${query}`;
    const page = await this.store.page(c.key, key, this.pageSize, filters);
    const links = this.pageLinks(`${collection}&`, key, page);
    const total = await this.store.count(c.key, filters);
    const doc = pageDocument({ page, links, partOf: { id: collection, total, modified: null }, iris, iriOf: this.iriIn(c), embedded: false });
    this.sendJson(200, doc, { Allow: READ_ALLOW, Vary: 'Accept, Authorization' });
  }

  async changes(c: ContainerRef): Promise<void> {
    this.visible(c);
    onlyParams(this.url, ['since', 'limit']);
    const since = wholeParam(this.url, 'since', 0);
    const limit = Math.min(Math.max(wholeParam(this.url, 'limit', MAX_CHANGES), 1), MAX_CHANGES);
    const { rows, more } = await this.store.changes(c.key, since, limit);
    const cursor = rows.length ? rows[rows.length - 1]!.change : since;
    const feed = `${this.containerIri(c)}_changes`;
    const iriOf = this.iriIn(c);
    const user = this.user();
    const doc = {
      id: `${feed}?since=${since}`,
      type: 'ChangeFeed',
      partOf: this.containerIri(c),
      since: String(since),
      cursor: String(cursor),
      more,
      next: `${feed}?since=${cursor}`,
      // An annotation the reader may no longer see (made private by its owner) is a tombstone to them.
      changes: rows.map((row) => changeEntry(row, iriOf(row), canRead(c, row, user))),
    };
    this.sendJson(200, doc, { Allow: READ_ALLOW, Vary: 'Accept, Authorization' }, { mediaType: 'application/json' });
  }
}
