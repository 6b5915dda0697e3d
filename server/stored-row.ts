/**
 * An annotation's row as both engines return it (snake_case columns), and its
 * conversion to the store's StoredAnnotation. The engines differ in how they
 * select the JSON (`json` in SQLite, `doc::text AS json` in PostgreSQL), not
 * in what comes back.
 */
import type { Audience, StoredAnnotation } from './store.ts';

export interface StoredRow {
  container: string;
  slug: string;
  seq: number;
  change: number;
  json: string | null;
  via: string | null;
  etag: string;
  deleted: string | null;
  changed_at: string;
  owner_id: number | null;
  audience: Audience;
}

export function toStored(row: StoredRow): StoredAnnotation {
  return {
    container: row.container,
    slug: row.slug,
    seq: row.seq,
    change: row.change,
    json: row.json,
    via: row.via,
    etag: row.etag,
    deleted: row.deleted,
    changedAt: row.changed_at,
    ownerId: row.owner_id,
    audience: row.audience,
  };
}
