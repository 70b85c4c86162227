import { sql } from 'kysely';
import { startWorkerThread } from '../threads/start-worker.ts';
import { checkpointPacing, type CheckpointerData } from './checkpoint-pacing.ts';
import type { Db } from './connection.ts';

/** SQLite's default automatic checkpoint size, which the main connection goes back to without the thread. */
const sqliteDefaultPages = 1_000;

export interface BackgroundCheckpointer {
  close(): Promise<void>;
}

/**
 * Moves WAL checkpoints off the main thread (checkpoint-worker.ts). Measured on this machine (a
 * check-in's statements replayed alone): the automatic checkpoint inside COMMIT was about 40% of a
 * check-in's database time, with a 5-10 ms stall each time the WAL reached 1,000 pages. The main
 * connection keeps a larger automatic checkpoint as a safety net, and goes back to SQLite's default
 * if the thread ends unexpectedly.
 */
export async function startBackgroundCheckpointer(
  db: Db,
  databasePath: string,
  onLost: (error: unknown) => void,
): Promise<BackgroundCheckpointer> {
  await sql.raw(`pragma wal_autocheckpoint = ${checkpointPacing.safetyNetPages}`).execute(db);
  const worker = startWorkerThread({
    bundled: 'checkpoint-worker.mjs',
    source: new URL('./checkpoint-worker.ts', import.meta.url),
    workerData: { databasePath } satisfies CheckpointerData,
  });
  // The thread must not keep the process (or a test file) alive on its own.
  worker.unref();
  let stopping = false;
  const exited = new Promise<void>((resolve) => {
    worker.once('error', (error) => {
      if (!stopping) onLost(error);
    });
    worker.once('exit', (code) => {
      if (!stopping) {
        onLost(new Error(`checkpoint thread exited (code ${code})`));
        void sql.raw(`pragma wal_autocheckpoint = ${sqliteDefaultPages}`).execute(db).catch(() => {});
      }
      resolve();
    });
  });
  return {
    async close() {
      stopping = true;
      worker.postMessage('stop');
      await exited;
    },
  };
}
