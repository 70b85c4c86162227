import { readdirSync, readFileSync } from 'node:fs';
import { expect, it, vi } from 'vitest';
import { startWorkerThread } from '../src/threads/start-worker.ts';

/** Threads of this process at a lower priority (nice 10): field 19 of /proc/<pid>/task/<tid>/stat. */
function backgroundThreads(): number {
  return readdirSync(`/proc/${process.pid}/task`).filter((tid) => {
    try {
      const stat = readFileSync(`/proc/${process.pid}/task/${tid}/stat`, 'utf8');
      return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16] === '10';
    } catch {
      return false; // the thread ended meanwhile
    }
  }).length;
}

it.runIf(process.platform === 'linux')('runs the estimator thread at a lower priority than the event loop', async () => {
  const before = backgroundThreads();
  const worker = startWorkerThread({ bundled: 'estimator-worker.mjs', source: new URL('../src/live/estimator-worker.ts', import.meta.url) });
  try {
    await vi.waitFor(() => expect(backgroundThreads()).toBeGreaterThan(before), { timeout: 10_000, interval: 50 });
    // Only that thread: the main thread (this one) keeps its priority.
    expect(readFileSync(`/proc/${process.pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[16]).toBe('0');
  } finally {
    await worker.terminate();
  }
});
