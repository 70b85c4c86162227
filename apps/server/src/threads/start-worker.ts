import { Worker } from 'node:worker_threads';

/**
 * Starts one of the server's worker threads. The esbuild bundle ships each worker as its own file
 * beside main.mjs (scripts/build-server.ts); from sources (tsx, Vitest) this file is still .ts and
 * worker-from-sources.mjs registers tsx inside the thread before loading the .ts entry.
 */
export function startWorkerThread(options: {
  /** The bundle's file name, e.g. 'estimator-worker.mjs'. */
  bundled: string;
  /** The TypeScript entry, as `new URL('./x-worker.ts', import.meta.url)` in the caller. */
  source: URL;
  workerData?: Record<string, unknown>;
}): Worker {
  const fromSources = import.meta.url.endsWith('.ts');
  const entry = fromSources ? new URL('./worker-from-sources.mjs', import.meta.url) : new URL(`./${options.bundled}`, import.meta.url);
  // Profiling flags and the like stay with the main thread; source maps help the workers' stacks too.
  const execArgv = process.execArgv.filter((arg) => arg === '--enable-source-maps');
  const workerData = fromSources ? { ...options.workerData, sourceEntry: options.source.href } : options.workerData;
  return new Worker(entry, { execArgv, workerData });
}
