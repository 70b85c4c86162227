import { CompiledQuery } from 'kysely';
import type { Db } from './connection.ts';
import type { WalFlusher } from './wal-flusher.ts';

interface PendingWork<T> {
  work: (trx: Db) => Promise<T>;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}

/**
 * Transaction control, compiled once: a batch runs these several times per change, and Kysely would
 * build and compile each one afresh. The savepoint names are few (one per place in a batch).
 */
const controlStatements = new Map<string, CompiledQuery>();
function control(conn: Db, text: string): Promise<unknown> {
  let compiled = controlStatements.get(text);
  if (!compiled) controlStatements.set(text, (compiled = CompiledQuery.raw(text)));
  return conn.executeQuery(compiled);
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** Enough to amortise an fsync; small enough that one batch never holds the database for long. */
const maxBatch = 64;

export interface GroupCommitOptions {
  /**
   * Makes the WAL durable off the main thread. With it, a batch commits without SQLite's own fsync
   * (synchronous=NORMAL for that COMMIT only) and its callers are answered once the flusher's sync
   * is done; meanwhile the next batch already runs. Without it (in-memory databases), every COMMIT
   * fsyncs as the connection's synchronous=FULL says.
   */
  flusher?: WalFlusher | null;
  /** A failed sync leaves unknown what is on disk: the committer stops taking changes and says so here. */
  onStorageFailure?: (error: unknown) => void;
}

/**
 * Group commit: changes that arrive together share one database transaction and so one fsync, each
 * inside its own savepoint so that one failing change rolls back alone. Callers are answered only
 * once the commit is on disk, so an acknowledgement still means "on disk", and in commit order.
 *
 * A batch starts on setImmediate: the requests that reached the server while the previous commit
 * was flushing get parsed and queued first, which is what makes batches form under load while
 * adding no delay when the server is idle.
 */
export function createGroupCommitter(db: Db, options: GroupCommitOptions = {}) {
  const flusher = options.flusher ?? null;
  const queue: Array<PendingWork<unknown>> = [];
  let scheduled = false;
  let running = false;
  let storageFailure: unknown = null;

  function schedule(): void {
    if (scheduled || running || queue.length === 0) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      void runBatch();
    });
  }

  /** Alone in its transaction, a change needs no savepoint: rolling the transaction back rolls it back. */
  async function runAlone(conn: Db, item: PendingWork<unknown>): Promise<Outcome> {
    try {
      const value = await item.work(conn);
      await control(conn, 'commit');
      return { ok: true, value };
    } catch (error) {
      await control(conn, 'rollback').catch(() => {});
      return { ok: false, error };
    }
  }

  /**
   * Runs every change of the batch with no savepoint: null as soon as one fails (the caller rolls the
   * transaction back). Changes seldom fail, and two savepoint statements per change were a tenth of
   * a check-in's database time.
   */
  async function runOptimistically(conn: Db, batch: Array<PendingWork<unknown>>): Promise<Outcome[] | null> {
    const outcomes: Outcome[] = [];
    for (const item of batch) {
      try {
        outcomes.push({ ok: true, value: await item.work(conn) });
      } catch {
        return null;
      }
    }
    return outcomes;
  }

  /** Each change in its own savepoint, so that a failing one rolls back alone. */
  async function runWithSavepoints(conn: Db, batch: Array<PendingWork<unknown>>): Promise<Outcome[]> {
    const outcomes: Outcome[] = [];
    for (const [index, item] of batch.entries()) {
      const savepoint = `change_${index}`;
      await control(conn, `savepoint ${savepoint}`);
      try {
        const value = await item.work(conn);
        await control(conn, `release ${savepoint}`);
        outcomes.push({ ok: true, value });
      } catch (error) {
        await control(conn, `rollback to ${savepoint}`);
        await control(conn, `release ${savepoint}`);
        outcomes.push({ ok: false, error });
      }
    }
    return outcomes;
  }

  /**
   * Runs the batch in one transaction on one connection; the pragmas cannot leak to other queries.
   * The changes run first without savepoints; if one fails, the transaction is rolled back and the
   * batch runs again with one savepoint per change. Changes are database work only (their callers
   * hear nothing before the commit), so running one twice is safe.
   */
  async function commitBatch(batch: Array<PendingWork<unknown>>): Promise<Outcome[]> {
    return db.connection().execute(async (conn) => {
      // SQLite refuses to change the safety level inside a transaction: set it around this one.
      if (flusher) await control(conn, 'pragma synchronous = normal');
      try {
        await control(conn, 'begin');
        try {
          if (batch.length === 1) return [await runAlone(conn, batch[0]!)];
          let outcomes = await runOptimistically(conn, batch);
          if (!outcomes) {
            await control(conn, 'rollback');
            await control(conn, 'begin');
            outcomes = await runWithSavepoints(conn, batch);
          }
          await control(conn, 'commit');
          return outcomes;
        } catch (error) {
          await control(conn, 'rollback').catch(() => {});
          throw error;
        }
      } finally {
        if (flusher) await control(conn, 'pragma synchronous = full');
      }
    });
  }

  async function runBatch(): Promise<void> {
    running = true;
    const batch = queue.splice(0, maxBatch);
    let outcomes: Outcome[] = [];
    let failure: unknown = storageFailure;
    let durable: Promise<void> = Promise.resolve();
    if (failure === null) {
      try {
        outcomes = await commitBatch(batch);
        if (flusher) durable = flusher.flush();
      } catch (error) {
        failure = error;
      }
    }
    running = false;
    // The next batch runs while this one's sync is in flight: that overlap is the point of the flusher.
    schedule();
    try {
      await durable;
    } catch (error) {
      failure = error;
      storageFailure ??= error;
      options.onStorageFailure?.(error);
    }
    batch.forEach((item, index) => {
      const outcome = outcomes[index];
      if (failure !== null || !outcome) item.reject(failure ?? new Error('change not applied'));
      else if (outcome.ok) item.resolve(outcome.value);
      else item.reject(outcome.error);
    });
  }

  return {
    /** Runs `work` in the next shared transaction; resolves once that transaction is durable. */
    run<T>(work: (trx: Db) => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ work, resolve, reject } as PendingWork<unknown>);
        schedule();
      });
    },
  };
}

export type GroupCommitter = ReturnType<typeof createGroupCommitter>;
