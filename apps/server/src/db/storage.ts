import { openDatabase, type Db } from './connection.ts';
import { openPostgres } from './postgres-connection.ts';

/** Where the data lives: the embedded SQLite file (default) or a PostgreSQL database (several instances). */
export type DatabaseTarget = { engine: 'sqlite'; path: string } | { engine: 'postgres'; url: string };

export interface Storage {
  engine: DatabaseTarget['engine'];
  db: Db;
  /** Closes the connections (and the SQLite file); the Db is unusable afterwards. */
  close(): Promise<void>;
}

/** Opens the database the target names; the rest of the server only sees the Kysely `Db`. */
export function openStorage(target: DatabaseTarget): Storage {
  if (target.engine === 'postgres') {
    const db = openPostgres(target.url);
    return { engine: 'postgres', db, close: () => db.destroy() };
  }
  const { db, sqlite } = openDatabase(target.path);
  return {
    engine: 'sqlite',
    db,
    async close() {
      await db.destroy();
      if (sqlite.open) sqlite.close();
    },
  };
}

/** A PostgreSQL URL (postgres:// or postgresql://) or nothing; anything else is a configuration mistake. */
export function parseDatabaseUrl(url: string | undefined): string | null {
  if (url === undefined || url === '') return null;
  if (!/^postgres(ql)?:\/\//.test(url)) throw new Error(`invalid configuration: WALKUP_DATABASE_URL must start with postgres:// (got '${url.split(':')[0]}:...')`);
  return url;
}
