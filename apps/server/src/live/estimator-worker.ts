import { setPriority } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parentPort } from 'node:worker_threads';
import { createEstimatorCore } from './estimator-core.ts';
import type { EstimatorReply, EstimatorRequest } from './estimator-messages.ts';

/**
 * Worker-thread entry: runs the estimator's learners and sampled futures on the second core, so
 * the main thread's event loop keeps serving HTTP, websockets and SQLite. Messages arrive in the
 * order they were posted, so a site's warm-up, its events and its estimate requests stay in order.
 */
const port = parentPort;
if (!port) throw new Error('estimator-worker must run in a worker thread');
const core = createEstimatorCore();

// Estimates are background work: on Linux a thread has its own nice value, and a lower priority here
// means that when both cores are busy, the main thread (answering check-ins) runs first. Elsewhere
// setpriority would lower the whole process, so it is left alone.
if (process.platform === 'linux') setPriority(0, 10);

port.on('message', (message: EstimatorRequest) => {
  switch (message.type) {
    case 'warm':
      core.warm(message.setup, message.events);
      return;
    case 'observe':
      core.observe(message.events);
      return;
    case 'estimate': {
      const startedAt = performance.now();
      let reply: EstimatorReply;
      try {
        reply = { id: message.id, ok: true, result: { ...core.estimate(message.inputs), busyMs: performance.now() - startedAt } };
      } catch (error) {
        reply = { id: message.id, ok: false, error: error instanceof Error ? error.message : String(error) };
      }
      port.postMessage(reply);
      return;
    }
  }
});
