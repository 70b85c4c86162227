import type { Worker } from 'node:worker_threads';
import type { SiteEvent } from '@walkup/domain';
import { startWorkerThread } from '../threads/start-worker.ts';
import { createEstimatorCore } from './estimator-core.ts';
import type { EstimateInputs, EstimateResult, EstimatorReply, EstimatorRequest, LearnerSetup } from './estimator-messages.ts';

/** The estimator as the main thread sees it, whether it runs in a worker or in process. */
export interface Estimator {
  warm(setup: LearnerSetup, events: SiteEvent[]): void;
  observe(events: SiteEvent[]): void;
  estimate(inputs: EstimateInputs): Promise<EstimateResult>;
  close(): Promise<void>;
}

/** Same interface, same thread: for callers that cannot start a worker (buildApp `estimatorThread: false`). */
export function createInProcessEstimator(): Estimator {
  const core = createEstimatorCore();
  return {
    warm: (setup, events) => core.warm(setup, events),
    observe: (events) => core.observe(events),
    estimate: async (inputs) => core.estimate(inputs),
    close: async () => {},
  };
}

/**
 * Runs the estimator in a worker thread. If the thread dies, pending estimates fail, `onLost` is
 * told (its learners are gone and must be warmed again) and the next message starts a new thread.
 */
export function createEstimatorThread(options: { onLost?: () => void } = {}): Estimator {
  const pending = new Map<number, { resolve: (r: EstimateResult) => void; reject: (e: Error) => void }>();
  let worker: Worker | null = null;
  let nextId = 1;
  let closing = false;

  function settleAll(error: Error): void {
    for (const request of pending.values()) request.reject(error);
    pending.clear();
  }

  function start(): Worker {
    const started = startWorkerThread({ bundled: 'estimator-worker.mjs', source: new URL('./estimator-worker.ts', import.meta.url) });
    // Idle, the thread must not keep the process (or a test file) alive; it is referenced while a reply is due.
    started.unref();
    started.on('message', (reply: EstimatorReply) => {
      const request = pending.get(reply.id);
      if (!request) return;
      pending.delete(reply.id);
      if (pending.size === 0) started.unref();
      if (reply.ok) request.resolve(reply.result);
      else request.reject(new Error(reply.error));
    });
    started.on('error', (error) => settleAll(error));
    started.on('exit', (code) => {
      if (worker === started) worker = null;
      settleAll(new Error(`estimator thread exited (code ${code})`));
      if (!closing) options.onLost?.();
    });
    return started;
  }

  function post(message: EstimatorRequest): Worker {
    if (closing) throw new Error('estimator closed');
    worker ??= start();
    worker.postMessage(message);
    return worker;
  }

  /**
   * Committed events wait here until the end of the current task: a burst of commits crosses to the
   * thread as one message instead of one per change. Any other message sends them first, so the
   * thread still sees everything in commit order.
   */
  let unsent: SiteEvent[] = [];
  function sendEvents(): void {
    if (unsent.length === 0 || closing) return;
    const events = unsent;
    unsent = [];
    post({ type: 'observe', events });
  }

  return {
    // Events committed while the app closes have nobody left to estimate for.
    warm(setup, events) {
      if (closing) return;
      sendEvents();
      post({ type: 'warm', setup, events });
    },
    observe(events) {
      if (closing) return;
      if (unsent.length === 0) queueMicrotask(sendEvents);
      unsent.push(...events);
    },
    estimate(inputs) {
      return new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        try {
          sendEvents();
          post({ type: 'estimate', id, inputs }).ref();
        } catch (error) {
          pending.delete(id);
          reject(error as Error);
        }
      });
    },
    async close() {
      closing = true;
      const running = worker;
      worker = null;
      if (running) await running.terminate();
      settleAll(new Error('estimator closed'));
    },
  };
}
