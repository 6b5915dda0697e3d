/** The account rows (accounts.ts) in PostgreSQL; names are unique without regard to case (an index on lower(name)). */
import type pg from 'pg';
import type { AccountRows, Group, Role, User } from './accounts.ts';

type Query = <R extends pg.QueryResultRow>(text: string, params?: unknown[]) => Promise<R[]>;

export class PgAccountRows implements AccountRows {
  constructor(private readonly query: Query) {}

  async insertUser(name: string, passwordHash: string | null, created: string): Promise<User | null> {
    const [row] = await this.query<User>(
      'INSERT INTO users (name, password, created) VALUES ($1, $2, $3) ON CONFLICT ((lower(name))) DO NOTHING RETURNING id, name',
      [name, passwordHash, created],
    );
    return row ?? null;
  }

  async userRow(name: string): Promise<(User & { password: string | null }) | null> {
    const [row] = await this.query<User & { password: string | null }>('SELECT id, name, password FROM users WHERE lower(name) = lower($1)', [name]);
    return row ?? null;
  }

  async userById(id: number): Promise<User | null> {
    const [row] = await this.query<User>('SELECT id, name FROM users WHERE id = $1', [id]);
    return row ?? null;
  }

  async insertToken(digest: string, userId: number, expires: string): Promise<void> {
    await this.query('INSERT INTO tokens (digest, user_id, expires) VALUES ($1, $2, $3)', [digest, userId, expires]);
  }

  async userByDigest(digest: string, now: string): Promise<User | null> {
    const [row] = await this.query<User>(
      'SELECT u.id, u.name FROM tokens t JOIN users u ON u.id = t.user_id WHERE t.digest = $1 AND NOT t.revoked AND t.expires > $2',
      [digest, now],
    );
    return row ?? null;
  }

  async revoke(digest: string): Promise<boolean> {
    return (await this.query('UPDATE tokens SET revoked = true WHERE digest = $1 AND NOT revoked RETURNING 1', [digest])).length > 0;
  }

  async insertGroup(group: Group, created: string): Promise<void> {
    // One statement, so the group never exists without its owner as a member.
    await this.query(
      `WITH g AS (INSERT INTO groups (id, name, owner_id, created) VALUES ($1, $2, $3, $4) RETURNING id, owner_id)
       INSERT INTO members (group_id, user_id, role) SELECT id, owner_id, 'owner' FROM g`,
      [group.id, group.name, group.ownerId, created],
    );
  }

  async group(id: string): Promise<Group | null> {
    const [row] = await this.query<Group>('SELECT id, name, owner_id AS "ownerId" FROM groups WHERE id = $1', [id]);
    return row ?? null;
  }

  async role(groupId: string, userId: number): Promise<Role | null> {
    const [row] = await this.query<{ role: Role }>('SELECT role FROM members WHERE group_id = $1 AND user_id = $2', [groupId, userId]);
    return row?.role ?? null;
  }

  async addMember(groupId: string, userId: number): Promise<void> {
    await this.query(`INSERT INTO members (group_id, user_id, role) VALUES ($1, $2, 'member') ON CONFLICT DO NOTHING`, [groupId, userId]);
  }

  async members(groupId: string): Promise<{ name: string; role: Role }[]> {
    return this.query<{ name: string; role: Role }>(
      'SELECT u.name, m.role FROM members m JOIN users u ON u.id = m.user_id WHERE m.group_id = $1 ORDER BY m.role DESC, u.name COLLATE "C"',
      [groupId],
    );
  }
}
