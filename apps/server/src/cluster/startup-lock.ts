import type { Db } from '../db/connection.ts';
import { newPostgresClient, postgresHandleOf } from '../db/postgres-connection.ts';

/**
 * Runs start-up work (migrations, seeding, bootstrap accounts) while holding a PostgreSQL session
 * advisory lock, so instances starting together do it one after the other and the later ones find it
 * done. On SQLite there is one instance: it just runs.
 */
export async function withStartupLock<T>(db: Db, work: () => Promise<T>): Promise<T> {
  const handle = postgresHandleOf(db);
  if (!handle) return work();
  const client = newPostgresClient(handle.url);
  await client.connect();
  try {
    await client.query(`select pg_advisory_lock(hashtext('walkup:startup'))`);
    return await work();
  } finally {
    // Ending the session releases the lock, also when the work failed.
    await client.end();
  }
}
