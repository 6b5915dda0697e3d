/**
 * The PostgreSQL schema, as versioned migrations applied in order at start.
 * A migration is never edited once released: a change is a new one at the end.
 * `migrate` applies the missing ones in one transaction under an advisory
 * lock, so several server processes starting together apply each once.
 */
import type { PoolClient } from 'pg';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'annotations, feed counter, accounts and groups',
    sql: `
CREATE TABLE counters (name text PRIMARY KEY, value bigint NOT NULL);
INSERT INTO counters (name, value) VALUES ('change', 0);
CREATE TABLE containers (
  name text PRIMARY KEY,
  total bigint NOT NULL DEFAULT 0,
  last_change bigint NOT NULL DEFAULT 0,
  modified text
);
CREATE TABLE annotations (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  container text NOT NULL,
  slug text NOT NULL,
  change bigint NOT NULL UNIQUE,
  doc jsonb,
  via text,
  etag text NOT NULL,
  live boolean NOT NULL,
  deleted text,
  changed_at text NOT NULL,
  quotes text NOT NULL DEFAULT '',
  creator_name text,
  creator_id text,
  modified text NOT NULL,
  owner_id bigint,
  audience text NOT NULL DEFAULT 'private' CHECK (audience IN ('private', 'group', 'public')),
  sources text[] NOT NULL DEFAULT '{}',
  tags text[] NOT NULL DEFAULT '{}',
  UNIQUE (container, slug)
);
CREATE INDEX annotations_page ON annotations (container, seq) WHERE live;
CREATE INDEX annotations_changes ON annotations (container, change);
CREATE INDEX annotations_modified ON annotations (container, modified) WHERE live;
CREATE INDEX annotations_via ON annotations (container, via) WHERE live;
CREATE INDEX annotations_sources ON annotations USING gin (sources);
CREATE INDEX annotations_tags ON annotations USING gin (tags);
CREATE TABLE audience_counts (
  container text NOT NULL,
  audience text NOT NULL,
  owner_id bigint NOT NULL,
  n bigint NOT NULL,
  PRIMARY KEY (container, audience, owner_id)
);
CREATE TABLE users (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name text NOT NULL,
  password text,
  created text NOT NULL
);
CREATE UNIQUE INDEX users_name ON users (lower(name));
CREATE TABLE tokens (
  digest text PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES users (id),
  expires text NOT NULL,
  revoked boolean NOT NULL DEFAULT false
);
CREATE TABLE groups (
  id text PRIMARY KEY,
  name text NOT NULL,
  owner_id bigint NOT NULL REFERENCES users (id),
  created text NOT NULL
);
CREATE TABLE members (
  group_id text NOT NULL REFERENCES groups (id),
  user_id bigint NOT NULL REFERENCES users (id),
  role text NOT NULL CHECK (role IN ('owner', 'member')),
  PRIMARY KEY (group_id, user_id)
);
`,
  },
  {
    version: 2,
    name: 'trigram index for quote search',
    // In schema public, so that dropping another schema never drops the extension.
    sql: `
CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public;
CREATE INDEX annotations_quotes ON annotations USING gin (quotes public.gin_trgm_ops) WHERE live;
`,
  },
];

/** One key for every schema: CREATE EXTENSION is database-wide, so migrations never run side by side. */
const MIGRATION_LOCK = 0x616e6e6f;

/** Applies the migrations `client`'s schema lacks; returns the versions applied. Throws when the schema is newer than this server. */
export async function migrate(client: PoolClient, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied text NOT NULL)');
    const done = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
    const newest = Math.max(0, ...done);
    const known = Math.max(0, ...migrations.map((m) => m.version));
    if (newest > known) throw new Error(`The database was written by a newer server (schema ${newest}; this one knows up to ${known}).`);
    const applied: number[] = [];
    for (const migration of migrations) {
      if (done.has(migration.version)) continue;
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_migrations (version, name, applied) VALUES ($1, $2, $3)', [migration.version, migration.name, new Date().toISOString()]);
      applied.push(migration.version);
    }
    await client.query('COMMIT');
    return applied;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
