import { parentPort, workerData } from 'node:worker_threads';
import SQLite from 'better-sqlite3';
import { lowerThisThreadsPriority } from '../threads/background-priority.ts';
import { checkpointPacing, nextCheckpointDelay, type CheckpointerData } from './checkpoint-pacing.ts';

/**
 * Worker-thread entry: copies the WAL back into the database file with its own connection, so that
 * the main thread's commits never do it (SQLite's automatic checkpoint runs inside the COMMIT that
 * crosses the threshold: pages written back and two fsyncs, milliseconds on the event loop).
 * PASSIVE never waits for a lock and never blocks the writer or the readers.
 */
const port = parentPort;
if (!port) throw new Error('checkpoint-worker must run in a worker thread');
const { databasePath } = workerData as CheckpointerData;

lowerThisThreadsPriority();

const sqlite = new SQLite(databasePath, { fileMustExist: true });
// FULL: the copy into the database file is synced before the WAL may be reused.
sqlite.pragma('synchronous = FULL');
let delayMs = checkpointPacing.initialMs;
let timer: NodeJS.Timeout | null = null;
let walPagesBefore = 0;

function checkpoint(): void {
  const [result] = sqlite.pragma('wal_checkpoint(PASSIVE)') as Array<{ busy: number; log: number; checkpointed: number }>;
  const walPages = result?.log ?? 0;
  // A WAL with fewer pages than last time was restarted by the writer: all its pages are new.
  delayMs = nextCheckpointDelay(delayMs, walPages >= walPagesBefore ? walPages - walPagesBefore : walPages);
  walPagesBefore = walPages;
  timer = setTimeout(checkpoint, delayMs);
}

port.on('message', (message: 'stop') => {
  if (message !== 'stop') return;
  if (timer) clearTimeout(timer);
  sqlite.close();
  port.close();
});
timer = setTimeout(checkpoint, delayMs);
