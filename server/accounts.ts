/**
 * People, bearer tokens and groups, in the same database as the annotations
 * (the rows through `AccountRows`, one implementation per engine). A token
 * expires (default 30 days) and can be revoked; a group has one owner and
 * members. Names compare without regard to case.
 */
import { hashPassword, newToken, tokenDigest, verifyPassword } from './passwords.ts';

export interface User {
  readonly id: number;
  readonly name: string;
}

export interface Group {
  readonly id: string;
  readonly name: string;
  readonly ownerId: number;
}

export type Role = 'owner' | 'member';

/** The account rows of one engine; every method rejects with StoreUnavailableError when the database is down. */
export interface AccountRows {
  /** Inserts a user; null when the name (any case) is taken. */
  insertUser(name: string, passwordHash: string | null, created: string): Promise<User | null>;
  /** The user called `name` (any case) with their password hash, or null. */
  userRow(name: string): Promise<(User & { password: string | null }) | null>;
  userById(id: number): Promise<User | null>;
  insertToken(digest: string, userId: number, expires: string): Promise<void>;
  /** The user of a token digest that is not revoked and expires after `now`, or null. */
  userByDigest(digest: string, now: string): Promise<User | null>;
  /** Revokes a token; false when it was not a live one. */
  revoke(digest: string): Promise<boolean>;
  /** Inserts a group and its owner as its first member, in one transaction. */
  insertGroup(group: Group, created: string): Promise<void>;
  group(id: string): Promise<Group | null>;
  role(groupId: string, userId: number): Promise<Role | null>;
  /** Adds a member (no change if they already belong). */
  addMember(groupId: string, userId: number): Promise<void>;
  members(groupId: string): Promise<{ name: string; role: Role }[]>;
}

/** How long a token lives unless told otherwise. */
export const TOKEN_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;
/** A person's name: letters, digits, space, dot, underscore, hyphen; 1-64 characters, not blank. */
export const USER_NAME = /^(?=.*[\p{L}\p{N}])[\p{L}\p{N}._ -]{1,64}$/u;

export class AccountStore {
  constructor(private readonly rows: AccountRows) {}

  /** The user called `name` (any case), or null. */
  async userByName(name: string): Promise<User | null> {
    const row = await this.rows.userRow(name);
    return row ? { id: row.id, name: row.name } : null;
  }

  userById(id: number): Promise<User | null> {
    return this.rows.userById(id);
  }

  /**
   * Creates a user; `password` null makes an account that signs in only by
   * tokens made on the command line. Returns null when the name is taken.
   * Throws RangeError for a name USER_NAME refuses.
   */
  async createUser(name: string, password: string | null): Promise<User | null> {
    if (!USER_NAME.test(name)) throw new RangeError(`Not a usable name: ${JSON.stringify(name.slice(0, 70))}.`);
    const hash = password === null ? null : await hashPassword(password);
    return this.rows.insertUser(name, hash, new Date().toISOString());
  }

  /** The user when `password` is theirs; null otherwise (unknown name included, after the same work). */
  async checkPassword(name: string, password: string): Promise<User | null> {
    const row = await this.rows.userRow(name);
    // Hash even for an unknown name, so the answer's timing does not say which names exist.
    const ok = await verifyPassword(password, row?.password ?? DUMMY_HASH);
    return row && row.password && ok ? { id: row.id, name: row.name } : null;
  }

  /** A new token for `user`, valid for `lifetimeMs`. */
  async issueToken(user: User, lifetimeMs = TOKEN_LIFETIME_MS): Promise<{ token: string; expires: string }> {
    const token = newToken();
    const expires = new Date(Date.now() + lifetimeMs).toISOString();
    await this.rows.insertToken(tokenDigest(token), user.id, expires);
    return { token, expires };
  }

  /** The user a token stands for, or null when it is unknown, expired or revoked. */
  userByToken(token: string): Promise<User | null> {
    return this.rows.userByDigest(tokenDigest(token), new Date().toISOString());
  }

  /** Revokes a token; false when it was not a live one. */
  revokeToken(token: string): Promise<boolean> {
    return this.rows.revoke(tokenDigest(token));
  }

  /** Creates a group owned by `owner` (its first member). */
  async createGroup(owner: User, name: string): Promise<Group> {
    const group = { id: crypto.randomUUID(), name, ownerId: owner.id };
    await this.rows.insertGroup(group, new Date().toISOString());
    return group;
  }

  group(id: string): Promise<Group | null> {
    return this.rows.group(id);
  }

  /** `user`'s role in group `groupId`, or null when not a member (or anonymous). */
  async roleIn(groupId: string, user: User | null): Promise<Role | null> {
    return user ? this.rows.role(groupId, user.id) : null;
  }

  /** Adds `user` as a member (no change if they already belong). */
  addMember(groupId: string, user: User): Promise<void> {
    return this.rows.addMember(groupId, user.id);
  }

  members(groupId: string): Promise<{ name: string; role: Role }[]> {
    return this.rows.members(groupId);
  }
}

/** A well-formed hash no password matches (scrypt of a random secret), checked against for unknown names. */
const DUMMY_HASH = await hashPassword(crypto.randomUUID());
