// Worker entry when the server runs from its TypeScript sources (tsx, Vitest). Node 20 ignores
// `--import tsx` in a worker's execArgv, so tsx is registered here, inside the thread, before the
// .ts entry loads. The esbuild bundle does not need this file (dist/estimator-worker.mjs is plain JS).
import { register } from 'tsx/esm/api';

register();
await import('./estimator-worker.ts');
