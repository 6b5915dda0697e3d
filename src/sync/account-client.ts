/**
 * The annotation server's account API as the reader uses it: make an account,
 * sign in (a bearer token that expires), sign out (the token revoked), make a
 * group, read one, add a member. Every failure is an AccountError whose
 * message is one sentence for the reader (the server's own `detail` when it
 * gave one). No DOM: `fetch` is passed in.
 */

/** What signing in gives. */
export interface Account {
  /** The server's origin, e.g. `http://127.0.0.1:8787`. */
  readonly server: string;
  readonly name: string;
  readonly token: string;
  /** ISO date-time after which the token is refused. */
  readonly expires: string;
  /** The person's own container (canonical IRI, ending in `/`). */
  readonly container: string;
}

/** A group as the reader knows it. */
export interface GroupInfo {
  /** The group's IRI, e.g. `http://127.0.0.1:8787/groups/<uuid>`. */
  readonly id: string;
  readonly name: string;
  /** Its container, ending in `/`. */
  readonly annotations: string;
  readonly members: readonly { readonly name: string; readonly role: string }[];
}

/** A request to the account API that did not succeed; the message says why in one sentence. */
export class AccountError extends Error {
  override name = 'AccountError';
  constructor(
    message: string,
    /** The HTTP status, or 0 when the server did not answer. */
    readonly status: number,
  ) {
    super(message);
  }
}

/** The origin of a server address the reader typed; throws AccountError when it is not an http(s) address. */
export function serverOrigin(address: string): string {
  let url: URL;
  try {
    url = new URL(address.trim());
  } catch {
    throw new AccountError(`"${address}" is not a server address (e.g. http://127.0.0.1:8787/).`, 0);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new AccountError(`"${address}" is not an http(s) address.`, 0);
  return url.origin;
}

export class AccountClient {
  private readonly fetch: typeof fetch;

  constructor(fetchImpl?: typeof fetch) {
    this.fetch = fetchImpl ?? ((input, init) => fetch(input, init));
  }

  /** Makes an account `name` on `address` (then sign in). */
  async createAccount(address: string, name: string, password: string): Promise<void> {
    await this.call(`${serverOrigin(address)}/accounts`, { method: 'POST', body: { name, password } });
  }

  /** Signs in to `address`. */
  async signIn(address: string, name: string, password: string): Promise<Account> {
    const server = serverOrigin(address);
    const doc = await this.call(`${server}/tokens`, { method: 'POST', body: { name, password } });
    const { token, expires, user, annotations } = doc as Record<string, unknown>;
    if (typeof token !== 'string' || typeof annotations !== 'string') throw new AccountError('The server\'s answer to the sign-in has no token.', 201);
    return { server, name: typeof user === 'string' ? user : name, token, expires: typeof expires === 'string' ? expires : '', container: annotations };
  }

  /** Revokes the token. A token the server no longer knows (401) counts as signed out. */
  async signOut(account: Pick<Account, 'server' | 'token'>): Promise<void> {
    try {
      await this.call(`${account.server}/tokens/current`, { method: 'DELETE', token: account.token });
    } catch (error) {
      if (!(error instanceof AccountError && error.status === 401)) throw error;
    }
  }

  /** Makes a group owned by the signed-in person. */
  async createGroup(account: Pick<Account, 'server' | 'token'>, name: string): Promise<GroupInfo> {
    const doc = (await this.call(`${account.server}/groups`, { method: 'POST', token: account.token, body: { name } })) as Record<string, unknown>;
    if (typeof doc.id !== 'string') throw new AccountError('The server\'s answer names no group.', 201);
    return this.group(account, doc.id);
  }

  /**
   * The group at `address` (its IRI, or its container), for a member. Throws
   * AccountError when the address is not a group on this server, or the
   * person is not a member (the server answers 404 to strangers).
   */
  async group(account: Pick<Account, 'server' | 'token'>, address: string): Promise<GroupInfo> {
    const iri = groupIri(account.server, address);
    const doc = (await this.call(iri, { method: 'GET', token: account.token })) as Record<string, unknown>;
    const listed: unknown[] = Array.isArray(doc.members) ? (doc.members as unknown[]) : [];
    const members = listed.filter(isMember);
    return { id: iri, name: typeof doc.name === 'string' ? doc.name : iri, annotations: `${iri}/annotations/`, members };
  }

  /** Adds the person `name` to a group the signed-in person owns. */
  async addMember(account: Pick<Account, 'server' | 'token'>, group: string, name: string): Promise<void> {
    await this.call(`${groupIri(account.server, group)}/members`, { method: 'POST', token: account.token, body: { name } });
  }

  private async call(url: string, options: { method: string; token?: string; body?: unknown }): Promise<unknown> {
    const headers = new Headers({ Accept: 'application/json' });
    if (options.token) headers.set('Authorization', `Bearer ${options.token}`);
    if (options.body !== undefined) headers.set('Content-Type', 'application/json');
    let res: Response;
    try {
      res = await this.fetch(url, { method: options.method, headers, ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}) });
    } catch (error) {
      throw new AccountError(`The server at ${new URL(url).origin} did not answer (${(error as Error).message}).`, 0);
    }
    const text = await res.text().catch(() => '');
    let doc: unknown = null;
    try {
      doc = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: said below when it matters
    }
    if (!res.ok) {
      const detail = (doc as { detail?: unknown } | null)?.detail;
      throw new AccountError(typeof detail === 'string' ? detail : `The server refused the request (${res.status}).`, res.status);
    }
    if (res.status !== 204 && (doc === null || typeof doc !== 'object')) throw new AccountError(`The server answered with something that is not JSON (${res.status}).`, res.status);
    return doc;
  }
}

/** The group IRI named by `address` (a group IRI, its container, or a bare id) on `server`. */
export function groupIri(server: string, address: string): string {
  const trimmed = address.trim();
  const bare = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(trimmed);
  let url: URL;
  try {
    url = new URL(bare ? `/groups/${trimmed}` : trimmed, server);
  } catch {
    throw new AccountError(`"${address}" is not a group address.`, 0);
  }
  const match = /^\/groups\/([0-9a-f-]{36})(?:\/(?:annotations\/?)?)?$/i.exec(url.pathname);
  if (url.origin !== server || !match) throw new AccountError(`"${address}" is not a group on ${server} (a group address looks like ${server}/groups/<id>).`, 0);
  return `${server}/groups/${match[1]!.toLowerCase()}`;
}

/** A group member as the server lists one: a name and a role, both strings. */
function isMember(value: unknown): value is { name: string; role: string } {
  if (typeof value !== 'object' || value === null) return false;
  const { name, role } = value as Record<string, unknown>;
  return typeof name === 'string' && typeof role === 'string';
}
