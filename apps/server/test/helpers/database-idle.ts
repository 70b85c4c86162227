import type { Db } from '../../src/db/connection.ts';
import { postgresHandleOf } from '../../src/db/postgres-connection.ts';

/**
 * Waits until no query of `db` is in flight. better-sqlite3 answers synchronously, so under fake timers
 * `vi.advanceTimersByTimeAsync` alone runs a worker's pass to its end; PostgreSQL queries are real
 * I/O that fake timers do not wait for. This polls the pool between turns of the event loop
 * (setImmediate, which the tests do not fake) until it has stayed idle for a few turns: the gaps
 * between one query and the next are microtasks only, so a pass still running is never taken for idle.
 */
export async function databaseIdle(db: Db, timeoutMs = 10_000): Promise<void> {
  const pool = postgresHandleOf(db)?.pool;
  if (!pool) return;
  const deadline = performance.now() + timeoutMs;
  let quietTurns = 0;
  while (quietTurns < 5) {
    if (performance.now() > deadline) throw new Error(`the database still had queries in flight after ${timeoutMs} ms`);
    await new Promise((resolve) => setImmediate(resolve));
    quietTurns = pool.totalCount === pool.idleCount && pool.waitingCount === 0 ? quietTurns + 1 : 0;
  }
}
