import type { Db } from './connection.ts';

interface PendingWork<T> {
  work: (trx: Db) => Promise<T>;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}

/** Enough to amortise an fsync; small enough that one batch never holds the database for long. */
const maxBatch = 64;

/**
 * Group commit: changes that arrive together share one database transaction and so one fsync, each
 * inside its own savepoint so that one failing change rolls back alone. Callers are answered only
 * after the shared COMMIT returned, so an acknowledgement still means "on disk".
 *
 * A batch starts on setImmediate: the requests that reached the server while the previous commit
 * was flushing get parsed and queued first, which is what makes batches form under load while
 * adding no delay when the server is idle.
 */
export function createGroupCommitter(db: Db) {
  const queue: Array<PendingWork<unknown>> = [];
  let scheduled = false;
  let running = false;

  function schedule(): void {
    if (scheduled || running || queue.length === 0) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      void runBatch();
    });
  }

  async function runBatch(): Promise<void> {
    running = true;
    const batch = queue.splice(0, maxBatch);
    const outcomes: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = [];
    let commitError: unknown = null;
    try {
      const trx = await db.startTransaction().execute();
      try {
        for (const [index, item] of batch.entries()) {
          const name = `change_${index}`;
          const savepoint = await trx.savepoint(name).execute();
          try {
            const value = await item.work(savepoint);
            await savepoint.releaseSavepoint(name).execute();
            outcomes.push({ ok: true, value });
          } catch (error) {
            await savepoint.rollbackToSavepoint(name).execute();
            await savepoint.releaseSavepoint(name).execute();
            outcomes.push({ ok: false, error });
          }
        }
        await trx.commit().execute();
      } catch (error) {
        await trx.rollback().execute().catch(() => {});
        throw error;
      }
    } catch (error) {
      commitError = error;
    } finally {
      running = false;
    }
    batch.forEach((item, index) => {
      const outcome = outcomes[index];
      if (commitError !== null || !outcome) item.reject(commitError ?? new Error('change not applied'));
      else if (outcome.ok) item.resolve(outcome.value);
      else item.reject(outcome.error);
    });
    schedule();
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
