import type { WaitEstimate } from '../site-view.ts';
import { minimumResiduals } from './adaptive-interval.ts';
import { blendTowardLearned, coldStartWaits, type Waits } from './cold-start.ts';
import { monotoneWithinQueues, sayHonestly } from './consistent-estimates.ts';
import type { EstimatorInput } from './estimator-types.ts';
import { queuesNobodyServes, type NobodyServing } from './nobody-serving.ts';

export interface PublishedEstimates extends Waits {
  /** Queues nobody serves now (closed, or no technician available), with when someone is expected. */
  nobodyServing: Record<string, NobodyServing>;
}

export interface PublishOptions {
  /** Called visitors the learner has learned its calibration from (WaitCalibration.recorded). */
  learnedFrom: number;
  open: boolean;
  reopensAtMs: number | null;
}

/**
 * What every screen and API reply shows, from the learner's estimates: blended from the cold start
 * while the log is young (weight of the learner = visitors learned from / 50, the residuals the range
 * needs before it is read from them), the same for everyone in a queue in calling order (nobody
 * further back told less), each said honestly (the expected value inside its range, no false
 * precision past an hour), and the queues nobody serves named as such.
 */
export function publishEstimates(input: EstimatorInput, learned: Waits, options: PublishOptions): PublishedEstimates {
  const blended = blendTowardLearned(coldStartWaits(input), learned, options.learnedFrom / minimumResiduals);
  const ordered = monotoneWithinQueues(input.waiting, blended.visits, blended.queues, input.callPolicy);
  const honest = (record: Record<string, WaitEstimate | null>) =>
    Object.fromEntries(Object.entries(record).map(([id, estimate]) => [id, estimate ? sayHonestly(estimate) : null]));
  return {
    visits: honest(ordered.visits),
    queues: honest(ordered.queues),
    nobodyServing: queuesNobodyServes(input.queueIds, input.technicians, { open: options.open, reopensAtMs: options.reopensAtMs }),
  };
}
