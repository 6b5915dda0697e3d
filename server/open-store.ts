/**
 * Chooses the storage engine: PostgreSQL when a database URL is given
 * (DATABASE_URL), else embedded SQLite in the data folder.
 */
import { resolve } from 'node:path';
import { PgAnnotationStore } from './pg-store.ts';
import { SqliteAnnotationStore } from './sqlite-store.ts';
import type { AnnotationStore } from './store.ts';

export interface StoreChoice {
  /** The SQLite data folder (used when `databaseUrl` is absent). */
  readonly data: string;
  /** A PostgreSQL URL, e.g. process.env.DATABASE_URL. */
  readonly databaseUrl?: string | undefined;
}

/**
 * Opens the chosen store. Rejects with StoreUnavailableError when PostgreSQL
 * cannot be reached, or with the engine's error (a folder that cannot be made,
 * a file that is not a database, a schema newer than this server).
 */
export async function openStore(choice: StoreChoice): Promise<AnnotationStore> {
  if (choice.databaseUrl) return PgAnnotationStore.open({ connectionString: choice.databaseUrl });
  return new SqliteAnnotationStore(resolve(choice.data));
}

/** Where the store lives, for messages: the folder, or the URL without its password. */
export function describeStore(choice: StoreChoice): string {
  if (!choice.databaseUrl) return resolve(choice.data);
  try {
    const url = new URL(choice.databaseUrl);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return 'DATABASE_URL (not a valid URL)';
  }
}
