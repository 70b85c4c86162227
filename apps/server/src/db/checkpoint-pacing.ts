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
   * the background thread stop or fall behind, the WAL is still bounded (about 64 MB of 4 KB pages).
   * Under a steady flood of commits the WAL only restarts through such a run (the background one
   * never finds the log idle), and each costs the event loop a checkpoint and two fsyncs, so it is
   * kept rare: every few seconds under the check-in benchmark, never at a real company's pace.
   */
  safetyNetPages: 16_000,
};

/** The next delay, from how many pages were written to the WAL since the previous run. */
export function nextCheckpointDelay(delayMs: number, newPages: number): number {
  const { minMs, maxMs, targetPages } = checkpointPacing;
  if (newPages > targetPages) return Math.max(minMs, delayMs / 2);
  if (newPages < targetPages / 4) return Math.min(maxMs, delayMs * 2);
  return delayMs;
}
