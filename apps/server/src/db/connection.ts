import { closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, type SqliteDatabase } from 'kysely';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;

/** Distinct SQL texts kept prepared; Kysely's `in (?, ?, ...)` lists make a few variants per query. */
const statementCacheSize = 500;

/**
 * Kysely's SQLite driver prepares every query afresh, and preparing costs more than running our
 * small indexed queries (profiled: about a third of a check-in's CPU). Statements are reused per SQL
 * text, except one still being iterated (a streamed query), which gets a fresh statement.
 */
function withStatementCache(sqlite: SQLite.Database): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      const cached = cache.get(sql);
      if (cached && !cached.busy) return cached;
      const statement = sqlite.prepare(sql);
      if (!cached) {
        if (cache.size >= statementCacheSize) cache.delete(cache.keys().next().value!);
        cache.set(sql, statement);
      }
      return statement;
    },
  };
}

/**
 * Visitors' names and emails live in the database: its folder is created 0700 and the file 0600,
 * whatever the umask. SQLite gives the -wal and -shm files it creates later the database file's own
 * permissions, so they are 0600 too. An existing file keeps the permissions an admin gave it.
 */
export function createPrivateFile(path: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  try {
    closeSync(openSync(path, 'wx', 0o600));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}

/**
 * Opens the embedded SQLite database with settings chosen so that an acknowledged write is on disk:
 * WAL lets displays read while a check-in writes; synchronous=FULL fsyncs the WAL at every commit,
 * so a reply sent after commit survives a killed process and a power cut alike (NORMAL would only
 * survive the former). The group committer's batches are the one exception, with the same guarantee
 * kept another way: they commit with NORMAL and their callers wait for an fdatasync of the WAL run
 * off the main thread (group-commit.ts, wal-flusher.ts). busy_timeout makes a second process
 * (backup, CLI) wait instead of failing.
 */
export function openDatabase(path: string): { db: Db; sqlite: SQLite.Database } {
  if (path !== ':memory:') createPrivateFile(path);
  const sqlite = new SQLite(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, sqlite };
}
