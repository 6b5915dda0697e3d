/** The account rows (accounts.ts) in the SQLite database. */
import type Database from 'better-sqlite3';
import type { AccountRows, Group, Role, User } from './accounts.ts';

export const ACCOUNT_SCHEMA = `
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

/** Synchronous better-sqlite3 calls behind the async interface (each its own durable transaction). */
export class SqliteAccountRows implements AccountRows {
  private readonly statements = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {}

  private stmt(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) this.statements.set(sql, (statement = this.db.prepare(sql)));
    return statement;
  }

  async insertUser(name: string, passwordHash: string | null, created: string): Promise<User | null> {
    const result = this.stmt('INSERT OR IGNORE INTO users (name, password, created) VALUES (?, ?, ?)').run(name, passwordHash, created);
    return result.changes ? { id: Number(result.lastInsertRowid), name } : null;
  }

  async userRow(name: string): Promise<(User & { password: string | null }) | null> {
    return (this.stmt('SELECT id, name, password FROM users WHERE name = ?').get(name) as (User & { password: string | null }) | undefined) ?? null;
  }

  async userById(id: number): Promise<User | null> {
    return (this.stmt('SELECT id, name FROM users WHERE id = ?').get(id) as User | undefined) ?? null;
  }

  async insertToken(digest: string, userId: number, expires: string): Promise<void> {
    this.stmt('INSERT INTO tokens (digest, user_id, expires) VALUES (?, ?, ?)').run(digest, userId, expires);
  }

  async userByDigest(digest: string, now: string): Promise<User | null> {
    const row = this.stmt('SELECT u.id, u.name FROM tokens t JOIN users u ON u.id = t.user_id WHERE t.digest = ? AND t.revoked = 0 AND t.expires > ?')
      .get(digest, now) as User | undefined;
    return row ?? null;
  }

  async revoke(digest: string): Promise<boolean> {
    return this.stmt('UPDATE tokens SET revoked = 1 WHERE digest = ? AND revoked = 0').run(digest).changes > 0;
  }

  async insertGroup(group: Group, created: string): Promise<void> {
    this.db.transaction(() => {
      this.stmt('INSERT INTO groups (id, name, owner_id, created) VALUES (?, ?, ?, ?)').run(group.id, group.name, group.ownerId, created);
      this.stmt(`INSERT INTO members (group_id, user_id, role) VALUES (?, ?, 'owner')`).run(group.id, group.ownerId);
    })();
  }

  async group(id: string): Promise<Group | null> {
    return (this.stmt('SELECT id, name, owner_id AS ownerId FROM groups WHERE id = ?').get(id) as Group | undefined) ?? null;
  }

  async role(groupId: string, userId: number): Promise<Role | null> {
    const row = this.stmt('SELECT role FROM members WHERE group_id = ? AND user_id = ?').get(groupId, userId) as { role: Role } | undefined;
    return row?.role ?? null;
  }

  async addMember(groupId: string, userId: number): Promise<void> {
    this.stmt(`INSERT OR IGNORE INTO members (group_id, user_id, role) VALUES (?, ?, 'member')`).run(groupId, userId);
  }

  async members(groupId: string): Promise<{ name: string; role: Role }[]> {
    return this.stmt('SELECT u.name, m.role FROM members m JOIN users u ON u.id = m.user_id WHERE m.group_id = ? ORDER BY m.role DESC, u.name')
      .all(groupId) as { name: string; role: Role }[];
  }
}
