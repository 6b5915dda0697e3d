/**
 * People, bearer tokens and groups, in the same SQLite database as the
 * annotations. A token expires (default 30 days) and can be revoked; a group
 * has one owner and members. Names compare without regard to case.
 */
import type Database from 'better-sqlite3';
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

/** How long a token lives unless told otherwise. */
export const TOKEN_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;
/** A person's name: letters, digits, space, dot, underscore, hyphen; 1-64 characters, not blank. */
export const USER_NAME = /^(?=.*[\p{L}\p{N}])[\p{L}\p{N}._ -]{1,64}$/u;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS users (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  password TEXT,
  created TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS tokens (
  digest TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id),
  expires TEXT NOT NULL,
  revoked INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS groups (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  owner_id INTEGER NOT NULL REFERENCES users (id),
  created TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS members (
  group_id TEXT NOT NULL REFERENCES groups (id),
  user_id INTEGER NOT NULL REFERENCES users (id),
  role TEXT NOT NULL CHECK (role IN ('owner', 'member')),
  PRIMARY KEY (group_id, user_id)
);
`;

export class AccountStore {
  constructor(private readonly db: Database.Database) {
    db.exec(SCHEMA);
  }

  /** The user called `name` (any case), or null. */
  userByName(name: string): User | null {
    return (this.db.prepare('SELECT id, name FROM users WHERE name = ?').get(name) as User | undefined) ?? null;
  }

  userById(id: number): User | null {
    return (this.db.prepare('SELECT id, name FROM users WHERE id = ?').get(id) as User | undefined) ?? null;
  }

  /**
   * Creates a user; `password` null makes an account that signs in only by
   * tokens made on the command line. Returns null when the name is taken.
   * Throws RangeError for a name USER_NAME refuses.
   */
  async createUser(name: string, password: string | null): Promise<User | null> {
    if (!USER_NAME.test(name)) throw new RangeError(`Not a usable name: ${JSON.stringify(name.slice(0, 70))}.`);
    const hash = password === null ? null : await hashPassword(password);
    const result = this.db.prepare('INSERT OR IGNORE INTO users (name, password, created) VALUES (?, ?, ?)').run(name, hash, new Date().toISOString());
    return result.changes ? { id: Number(result.lastInsertRowid), name } : null;
  }

  /** The user when `password` is theirs; null otherwise (unknown name included, after the same work). */
  async checkPassword(name: string, password: string): Promise<User | null> {
    const row = this.db.prepare('SELECT id, name, password FROM users WHERE name = ?').get(name) as (User & { password: string | null }) | undefined;
    // Hash even for an unknown name, so the answer's timing does not say which names exist.
    const ok = await verifyPassword(password, row?.password ?? DUMMY_HASH);
    return row && row.password && ok ? { id: row.id, name: row.name } : null;
  }

  /** A new token for `user`, valid for `lifetimeMs`. */
  issueToken(user: User, lifetimeMs = TOKEN_LIFETIME_MS): { token: string; expires: string } {
    const token = newToken();
    const expires = new Date(Date.now() + lifetimeMs).toISOString();
    this.db.prepare('INSERT INTO tokens (digest, user_id, expires) VALUES (?, ?, ?)').run(tokenDigest(token), user.id, expires);
    return { token, expires };
  }

  /** The user a token stands for, or null when it is unknown, expired or revoked. */
  userByToken(token: string): User | null {
    const row = this.db
      .prepare('SELECT u.id, u.name FROM tokens t JOIN users u ON u.id = t.user_id WHERE t.digest = ? AND t.revoked = 0 AND t.expires > ?')
      .get(tokenDigest(token), new Date().toISOString()) as User | undefined;
    return row ?? null;
  }

  /** Revokes a token; false when it was not a live one. */
  revokeToken(token: string): boolean {
    return this.db.prepare('UPDATE tokens SET revoked = 1 WHERE digest = ? AND revoked = 0').run(tokenDigest(token)).changes > 0;
  }

  /** Creates a group owned by `owner` (its first member). */
  createGroup(owner: User, name: string): Group {
    const id = crypto.randomUUID();
    this.db.transaction(() => {
      this.db.prepare('INSERT INTO groups (id, name, owner_id, created) VALUES (?, ?, ?, ?)').run(id, name, owner.id, new Date().toISOString());
      this.db.prepare(`INSERT INTO members (group_id, user_id, role) VALUES (?, ?, 'owner')`).run(id, owner.id);
    })();
    return { id, name, ownerId: owner.id };
  }

  group(id: string): Group | null {
    return (this.db.prepare('SELECT id, name, owner_id AS ownerId FROM groups WHERE id = ?').get(id) as Group | undefined) ?? null;
  }

  /** `user`'s role in group `groupId`, or null when not a member (or anonymous). */
  roleIn(groupId: string, user: User | null): Role | null {
    if (!user) return null;
    const row = this.db.prepare('SELECT role FROM members WHERE group_id = ? AND user_id = ?').get(groupId, user.id) as { role: Role } | undefined;
    return row?.role ?? null;
  }

  /** Adds `user` as a member (no change if they already belong). */
  addMember(groupId: string, user: User): void {
    this.db.prepare(`INSERT OR IGNORE INTO members (group_id, user_id, role) VALUES (?, ?, 'member')`).run(groupId, user.id);
  }

  members(groupId: string): { name: string; role: Role }[] {
    return this.db
      .prepare('SELECT u.name, m.role FROM members m JOIN users u ON u.id = m.user_id WHERE m.group_id = ? ORDER BY m.role DESC, u.name')
      .all(groupId) as { name: string; role: Role }[];
  }
}

/** A well-formed hash no password matches (scrypt of a random secret), checked against for unknown names. */
const DUMMY_HASH = await hashPassword(crypto.randomUUID());
