import { closeSync, fdatasync, fstatSync, openSync, statSync } from 'node:fs';
import { sql } from 'kysely';
import type { Db } from './connection.ts';

/** How often the WAL's identity is checked. */
const inodeCheckMs = 5_000;

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
 * while a connection is open (it truncates or rewinds it, never replaces it); should it ever be
 * replaced all the same, the periodic inode check opens the new one.
 */
export function createWalFlusher(walPath: string): WalFlusher {
  let fd: number | null = null;
  let checkedAt = 0;
  let running: Promise<void> | null = null;
  let queued: Promise<void> | null = null;

  /** The WAL's descriptor, reopened if the file was replaced (checked every few seconds: it costs two syscalls). */
  function descriptor(): number | null {
    const now = Date.now();
    if (fd !== null && now - checkedAt < inodeCheckMs) return fd;
    checkedAt = now;
    let inode: number;
    try {
      inode = statSync(walPath).ino;
    } catch (error) {
      // No WAL file: nothing was written since the last checkpoint, which SQLite synced itself.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    if (fd !== null && fstatSync(fd).ino === inode) return fd;
    if (fd !== null) closeSync(fd);
    fd = openSync(walPath, 'r');
    return fd;
  }

  function syncOnce(): Promise<void> {
    return new Promise((resolve, reject) => {
      const target = descriptor();
      if (target === null) return resolve();
      // The callback API: lighter on the main thread than FileHandle's promises, per sync.
      fdatasync(target, (error) => (error ? reject(error) : resolve()));
    });
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
      if (fd !== null) closeSync(fd);
      fd = null;
    },
  };
}

/** The database's file when it is one in WAL mode; null otherwise (in-memory, or another journal). */
export async function walDatabaseFile(db: Db): Promise<string | null> {
  const { rows: modes } = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(db);
  const { rows: files } = await sql<{ name: string; file: string }>`pragma database_list`.execute(db);
  const file = files.find((f) => f.name === 'main')?.file;
  return modes[0]?.journal_mode === 'wal' && file ? file : null;
}
