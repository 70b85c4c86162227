import { open, stat, type FileHandle } from 'node:fs/promises';
import { sql } from 'kysely';
import type { Db } from './connection.ts';

export interface WalFlusher {
  /** Resolves once everything written to the WAL before this call is on disk. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Makes SQLite's write-ahead log durable without stopping the event loop: fdatasync runs in libuv's
 * thread pool while the main thread goes on parsing and answering. With synchronous=FULL, SQLite
 * calls fsync inside COMMIT itself, on the main thread, for every transaction.
 *
 * Calls that arrive while a sync is running share the next one, which starts when it ends: a sync
 * covers exactly what was written before it started, so every caller waits for one that began after
 * its own commit, and syncs finish in the order their callers committed.
 *
 * fsync applies to the file, not to the descriptor (Linux flushes the inode's dirty pages, whoever
 * wrote them), so a descriptor of our own covers SQLite's writes. SQLite keeps the same WAL file
 * while a connection is open; should it ever be replaced, the inode check opens the new one.
 */
export function createWalFlusher(walPath: string): WalFlusher {
  let handle: FileHandle | null = null;
  let inode = -1;
  let running: Promise<void> | null = null;
  let queued: Promise<void> | null = null;

  async function syncOnce(): Promise<void> {
    let current;
    try {
      current = await stat(walPath);
    } catch (error) {
      // No WAL file: nothing was written since the last checkpoint, which SQLite synced itself.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    if (!handle || current.ino !== inode) {
      await handle?.close();
      handle = await open(walPath, 'r');
      inode = (await handle.stat()).ino;
    }
    await handle.datasync();
  }

  function flush(): Promise<void> {
    if (!running) {
      running = syncOnce().finally(() => {
        running = null;
      });
      return running;
    }
    queued ??= running
      .catch(() => {})
      .then(() => {
        queued = null;
        return flush();
      });
    return queued;
  }

  return {
    flush,
    async close() {
      await running?.catch(() => {});
      await queued?.catch(() => {});
      await handle?.close();
      handle = null;
    },
  };
}

/** A flusher for the database's WAL, or null when it has none (in-memory, or not in WAL mode). */
export async function walFlusherFor(db: Db): Promise<WalFlusher | null> {
  const { rows: modes } = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(db);
  const { rows: files } = await sql<{ name: string; file: string }>`pragma database_list`.execute(db);
  const file = files.find((f) => f.name === 'main')?.file;
  return modes[0]?.journal_mode === 'wal' && file ? createWalFlusher(`${file}-wal`) : null;
}
