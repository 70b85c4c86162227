// Worker entry when the server runs from its TypeScript sources (tsx, Vitest). Node 20 ignores
// `--import tsx` in a worker's execArgv, so tsx is registered here, inside the thread, before the
// .ts entry named by start-worker.ts loads. The esbuild bundle does not need this file.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.sourceEntry);
