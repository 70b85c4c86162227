import type { WaitEstimate } from './site-view.ts';
import type { EstimatorInput, EstimatorVisit } from './estimation/estimator-types.ts';
import { sampleFutures } from './estimation/future-sampler.ts';
import { summarizeSamples } from './estimation/summarize-futures.ts';
import { readQueueSignals, type QueueSignals } from './estimation/wait-calibration.ts';

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
  const signals = new Map<string, QueueSignals>();
  const signalsOf = (queueId: string) => {
    let found = signals.get(queueId);
    if (!found) signals.set(queueId, (found = readQueueSignals(input, queueId)));
    return found;
  };
  const visits: Record<string, WaitEstimate | null> = {};
  futures.order.forEach((visit, v) => {
    const raw = summarizeSamples(futures.waits, v * futures.runs, futures.runs, scratch);
    visits[visit.id] = input.calibration ? input.calibration.apply(visit.queueId, raw, signalsOf(visit.queueId), waitedSeconds(input, visit)) : raw;
  });
  const queues: Record<string, WaitEstimate | null> = {};
  for (const queueId of input.queueIds) {
    const q = futures.queueIds.indexOf(queueId);
    const raw = summarizeSamples(futures.joinWaits, q * futures.runs, futures.runs, scratch);
    queues[queueId] = input.calibration ? input.calibration.apply(queueId, raw, signalsOf(queueId)) : raw;
  }
  return { visits, queues };
}

/**
 * Some visitors' uncalibrated estimates: the same sampled futures as `estimateWaits`, summarised for
 * those visitors alone (summarising every visitor costs as much as sampling once the queue is long).
 */
export function rawWaitsOf(input: EstimatorInput, visitIds: ReadonlySet<string>): Map<string, WaitEstimate> {
  const futures = sampleFutures(input);
  const scratch = new Float64Array(futures.runs);
  const found = new Map<string, WaitEstimate>();
  futures.order.forEach((visit, v) => {
    const raw = visitIds.has(visit.id) ? summarizeSamples(futures.waits, v * futures.runs, futures.runs, scratch) : null;
    if (raw) found.set(visit.id, raw);
  });
  return found;
}

/** Seconds a waiting visitor has waited at `input.nowMs` (from their check-in). */
export function waitedSeconds(input: EstimatorInput, visit: EstimatorVisit): number {
  return Math.max(0, (input.nowMs - Date.parse(visit.checkedInAt)) / 1000);
}

export { WaitLearner, type WaitLearnerOptions } from './estimation/wait-learner.ts';
export { DurationDistribution } from './estimation/duration-distribution.ts';
export { WaitCalibration, readQueueSignals, type QueueSignals } from './estimation/wait-calibration.ts';
export { PickupDelayModel, type PickupDelay } from './estimation/pickup-delay.ts';
export { publishEstimates, type PublishedEstimates, type PublishOptions } from './estimation/publish-estimates.ts';
export { keepInsideRange, sayHonestly, monotoneWithinQueues, longWaitSeconds } from './estimation/consistent-estimates.ts';
export { coldStartWaits, blendTowardLearned, type Waits } from './estimation/cold-start.ts';
export { queuesNobodyServes, nextOpeningAt, type NobodyServing } from './estimation/nobody-serving.ts';
