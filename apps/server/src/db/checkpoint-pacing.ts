export interface CheckpointerData {
  databasePath: string;
}

/**
 * How often the background checkpointer runs. Each run writes back the WAL's new pages and syncs the
 * database file, so running too often costs fsyncs for a handful of pages and too rarely lets the WAL
 * grow. The delay adapts to keep each run near SQLite's own batch (its automatic checkpoint fires at
 * 1,000 pages): shorter while the WAL fills fast, longer while the server is quiet.
 */
export const checkpointPacing = {
  initialMs: 200,
  minMs: 20,
  maxMs: 2_000,
  /** WAL pages per run aimed at. */
  targetPages: 1_000,
  /**
   * The main connection's own automatic checkpoint stays on at this size, as a safety net: should
   * the background thread stop or fall behind, the WAL is still bounded (about 16 MB of 4 KB pages).
   */
  safetyNetPages: 4_000,
};

/** The next delay, from how many pages were written to the WAL since the previous run. */
export function nextCheckpointDelay(delayMs: number, newPages: number): number {
  const { minMs, maxMs, targetPages } = checkpointPacing;
  if (newPages > targetPages) return Math.max(minMs, delayMs / 2);
  if (newPages < targetPages / 4) return Math.min(maxMs, delayMs * 2);
  return delayMs;
}
