import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;

/**
 * Opens the embedded SQLite database with settings chosen so that an acknowledged write is on disk:
 * WAL lets displays read while a check-in writes; synchronous=FULL fsyncs the WAL at every commit,
 * so a reply sent after commit survives a killed process and a power cut alike (NORMAL would only
 * survive the former). busy_timeout makes a second process (backup, CLI) wait instead of failing.
 */
export function openDatabase(path: string): { db: Db; sqlite: SQLite.Database } {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, sqlite };
}
