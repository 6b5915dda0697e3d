/**
 * Accounts, sign-in and groups over HTTP (JSON in, JSON out):
 *
 * - `POST /accounts` `{name, password}`: a new account (201).
 * - `POST /tokens` `{name, password}`: sign in, a bearer token that expires (201);
 *   failed attempts are limited per name and per client address (429).
 * - `DELETE /tokens/current`: revokes the token the request carries (204).
 * - `POST /groups` `{name}`: a new group owned by the signed-in person (201).
 * - `GET /groups/<id>`: the group and its members, for members (others: 404).
 * - `POST /groups/<id>/members` `{name}`: the owner adds a person (204; members: 403).
 */
import type { RequestContext, Route } from './app.ts';
import { USER_NAME, type User } from './accounts.ts';
import { GROUP_ID } from './access.ts';
import { HttpProblem } from './http-problem.ts';

const MIN_PASSWORD = 8;
const MAX_PASSWORD = 1024;
const MAX_GROUP_NAME = 200;
const MAX_TRACKED = 10_000;

/**
 * Counts failed sign-ins per key (a name, an address) in a sliding window;
 * `blocked` says how many ms until the next attempt is allowed when a key may
 * fail `limit` times per window.
 */
export class SignInLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    /** Failures allowed per name in a window; an address may fail ten times as often (people share addresses). */
    readonly attempts: number,
    private readonly windowMs: number,
  ) {}

  /** Milliseconds to wait before `key` may try again; 0 when it may now. */
  blocked(key: string, limit: number, now = Date.now()): number {
    const recent = (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (recent.length) this.failures.set(key, recent);
    else this.failures.delete(key);
    return recent.length >= limit ? this.windowMs - (now - recent[recent.length - limit]!) : 0;
  }

  fail(key: string, now = Date.now()): void {
    // Bounded: a flood of made-up names forgets the oldest keys rather than growing without end.
    if (this.failures.size >= MAX_TRACKED && !this.failures.has(key)) this.failures.delete(this.failures.keys().next().value!);
    this.failures.set(key, [...(this.failures.get(key) ?? []), now]);
  }
}

function text(doc: Record<string, unknown>, field: string, what: string): string {
  const value = doc[field];
  if (typeof value !== 'string') throw new HttpProblem(400, `The request needs "${field}", ${what}.`);
  return value;
}

function password(doc: Record<string, unknown>): string {
  const value = text(doc, 'password', 'the password');
  if (value.length < MIN_PASSWORD || value.length > MAX_PASSWORD) {
    throw new HttpProblem(400, `A password has ${MIN_PASSWORD} to ${MAX_PASSWORD} characters.`);
  }
  return value;
}

function signedIn(ctx: RequestContext): User {
  const user = ctx.user();
  if (!user) throw new HttpProblem(401, 'Sign in first (POST /tokens) and send the token as "Authorization: Bearer …".', { 'WWW-Authenticate': 'Bearer' });
  return user;
}

const JSON_TYPE = { mediaType: 'application/json' };

async function createAccount(ctx: RequestContext): Promise<void> {
  const doc = await ctx.objectBody();
  const name = text(doc, 'name', 'the name to sign in with');
  if (!USER_NAME.test(name)) throw new HttpProblem(400, 'A name has 1 to 64 letters, digits, spaces, dots, underscores or hyphens.');
  const user = await ctx.accounts.createUser(name, password(doc));
  if (!user) throw new HttpProblem(409, 'This name is taken; choose another.');
  ctx.res.setHeader('Location', `${ctx.origin}/users/${user.id}`);
  ctx.sendJson(201, { id: user.id, name: user.name, annotations: `${ctx.origin}/users/${user.id}/annotations/` }, {}, JSON_TYPE);
}

async function signIn(ctx: RequestContext): Promise<void> {
  const doc = await ctx.objectBody();
  const name = text(doc, 'name', 'the account name');
  const secret = text(doc, 'password', 'the password');
  const limits: [string, number][] = [
    [`name:${name.toLowerCase()}`, ctx.limiter.attempts],
    [`address:${ctx.req.socket.remoteAddress ?? '?'}`, ctx.limiter.attempts * 10],
  ];
  const keys = limits.map(([key]) => key);
  const wait = Math.max(...limits.map(([key, limit]) => ctx.limiter.blocked(key, limit)));
  if (wait > 0) {
    throw new HttpProblem(429, 'Too many failed sign-ins; wait a minute before trying again.', { 'Retry-After': String(Math.ceil(wait / 1000)) });
  }
  const user = await ctx.accounts.checkPassword(name, secret);
  if (!user) {
    for (const k of keys) ctx.limiter.fail(k);
    throw new HttpProblem(401, 'The name or the password is wrong.');
  }
  const { token, expires } = await ctx.accounts.issueToken(user);
  ctx.sendJson(201, { token, expires, user: user.name, annotations: `${ctx.origin}/users/${user.id}/annotations/` }, { 'Cache-Control': 'no-store' }, JSON_TYPE);
}

async function signOut(ctx: RequestContext): Promise<void> {
  signedIn(ctx);
  await ctx.accounts.revokeToken(ctx.token()!);
  ctx.sendEmpty(204);
}

async function createGroup(ctx: RequestContext): Promise<void> {
  const user = signedIn(ctx);
  const doc = await ctx.objectBody();
  const name = text(doc, 'name', 'the group name').trim();
  if (!name || name.length > MAX_GROUP_NAME) throw new HttpProblem(400, `A group name has 1 to ${MAX_GROUP_NAME} characters.`);
  const group = await ctx.accounts.createGroup(user, name);
  const iri = `${ctx.origin}/groups/${group.id}`;
  ctx.res.setHeader('Location', iri);
  ctx.sendJson(201, { id: iri, name: group.name, annotations: `${iri}/annotations/` }, {}, JSON_TYPE);
}

/** The group `id` when the signed-in person belongs to it; 404 otherwise. */
async function memberGroup(ctx: RequestContext, id: string) {
  const group = GROUP_ID.test(id) ? await ctx.accounts.group(id) : null;
  const role = group ? await ctx.accounts.roleIn(group.id, ctx.user()) : null;
  if (!group || !role) throw new HttpProblem(404, 'There is nothing at this address.');
  return { group, role };
}

async function showGroup(ctx: RequestContext, id: string): Promise<void> {
  const { group } = await memberGroup(ctx, id);
  const iri = `${ctx.origin}/groups/${group.id}`;
  ctx.sendJson(200, { id: iri, name: group.name, members: await ctx.accounts.members(group.id), annotations: `${iri}/annotations/` }, { Vary: 'Authorization' }, JSON_TYPE);
}

async function addMember(ctx: RequestContext, id: string): Promise<void> {
  const { group, role } = await memberGroup(ctx, id);
  if (role !== 'owner') throw new HttpProblem(403, 'Only the owner of the group adds members.');
  const doc = await ctx.objectBody();
  const person = await ctx.accounts.userByName(text(doc, 'name', 'the name of the person to add'));
  if (!person) throw new HttpProblem(404, 'No person has this name.');
  await ctx.accounts.addMember(group.id, person);
  ctx.sendEmpty(204);
}

/** The account route for the request's path, or null when it is not one. */
export function accountRoute(ctx: RequestContext): Route | null {
  const path = ctx.url.pathname;
  if (path === '/accounts') return { allow: 'POST, OPTIONS', handle: () => createAccount(ctx) };
  if (path === '/tokens') return { allow: 'POST, OPTIONS', handle: () => signIn(ctx) };
  if (path === '/tokens/current') return { allow: 'DELETE, OPTIONS', handle: () => signOut(ctx) };
  if (path === '/groups') return { allow: 'POST, OPTIONS', handle: () => createGroup(ctx) };
  const group = /^\/groups\/([^/]+)$/.exec(path);
  if (group) return { allow: 'GET, HEAD, OPTIONS', handle: () => showGroup(ctx, group[1]!) };
  const members = /^\/groups\/([^/]+)\/members$/.exec(path);
  if (members) return { allow: 'POST, OPTIONS', handle: () => addMember(ctx, members[1]!) };
  return null;
}
