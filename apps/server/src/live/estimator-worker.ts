import { parentPort } from 'node:worker_threads';
import { lowerThisThreadsPriority } from '../threads/background-priority.ts';
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

lowerThisThreadsPriority();

port.on('message', (message: EstimatorRequest) => {
  switch (message.type) {
    case 'warm':
      core.warm(message.setup, message.events);
      return;
    case 'observe':
      core.observe(message.events);
      return;
    case 'estimate': {
      let reply: EstimatorReply;
      try {
        reply = { id: message.id, ok: true, result: core.estimate(message.inputs) };
      } catch (error) {
        reply = { id: message.id, ok: false, error: error instanceof Error ? error.message : String(error) };
      }
      port.postMessage(reply);
      return;
    }
  }
});
