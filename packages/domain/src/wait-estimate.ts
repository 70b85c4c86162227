import type { WaitEstimate } from './site-view.ts';
import type { EstimatorInput } from './estimation/estimator-types.ts';
import { sampleFutures } from './estimation/future-sampler.ts';
import { summarizeSamples } from './estimation/summarize-futures.ts';

export type {
  EstimatorAppointment,
  EstimatorInput,
  EstimatorTechnician,
  EstimatorVisit,
  NoShowRate,
} from './estimation/estimator-types.ts';

export interface WaitEstimates {
  visits: Record<string, WaitEstimate | null>;
  /** For each queue, the wait of someone joining it now at normal priority. */
  queues: Record<string, WaitEstimate | null>;
}

/**
 * Estimates, for every waiting visitor and for a newcomer to each queue, the time until they are
 * called: the mean and the 10th-90th percentile over sampled futures of the call-next policy (see
 * estimation/future-sampler.ts). Null when no technician on duty serves the queue.
 */
export function estimateWaits(input: EstimatorInput): WaitEstimates {
  const futures = sampleFutures(input);
  const scratch = new Float64Array(futures.runs);
  const visits: Record<string, WaitEstimate | null> = {};
  futures.order.forEach((visit, v) => {
    visits[visit.id] = summarizeSamples(futures.waits, v * futures.runs, futures.runs, scratch);
  });
  const queues: Record<string, WaitEstimate | null> = {};
  for (const queueId of input.queueIds) {
    const q = futures.queueIds.indexOf(queueId);
    queues[queueId] = summarizeSamples(futures.joinWaits, q * futures.runs, futures.runs, scratch);
  }
  return { visits, queues };
}

export { WaitLearner, type WaitLearnerOptions } from './estimation/wait-learner.ts';
export { DurationDistribution } from './estimation/duration-distribution.ts';
