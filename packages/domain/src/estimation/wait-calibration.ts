import type { WaitEstimate } from '../site-view.ts';
import type { EstimatorInput } from './estimator-types.ts';
import { AdaptiveInterval } from './adaptive-interval.ts';
import { ExpertWeights } from './expert-weights.ts';
import { FadingRegression } from './fading-regression.ts';
import { UpdateIntervals, updateAfterSeconds } from './update-intervals.ts';

/**
 * Online recalibration of the sampled estimate against what really happened, learned only from
 * visitors already called. Why: the simulation is only as right as its picture of the desk, and some
 * of the desk is invisible to it (a technician "available" but on the phone, a routing rule the site
 * never told us). A linear fit from the simulated wait, and two visible signals of what it misses (see
 * QueueSignals), to the real one, with fading memory, corrects that offset.
 *
 * Each queue then weighs three forecasts by how well they did on its own called visitors (see
 * ExpertWeights): its own fit (ridge toward the site's), the site's fit, and the mean of its recent real
 * waits. Why: a fixed pull toward the site cannot suit both a busy queue (its own fit is better) and a
 * queue with a few calls a day (its own fit is noise, and sometimes nothing beats its recent waits);
 * the weights choose per queue from evidence, and a queue is then about as good as the best of the three.
 * The range comes from AdaptiveInterval, so about 8 in 10 people really do fall inside it; later
 * updates (someone who has waited a while) have ranges of their own (UpdateIntervals), learned from
 * estimates made during real waits against the wait then left.
 */
const forgetting = 0.999;
/** Pseudo-observations pulling a young fit toward "the simulation is right" (and a queue toward the site). */
const sitePriorWeight = 20;
const queuePriorWeight = 200;
/**
 * The least spread residuals are measured in, as a share of the queue's expected service time. Why
 * relative: the simulation's spread can be nil (nobody ahead, a free technician), and an absolute floor
 * is only right for sites on one time scale: 10 s was a sixtieth of the default 10-minute service, but
 * a desk whose services take seconds (or a day run 60 times faster) then measured its short waits in a
 * unit longer than the waits, and their ranges came out too wide (90% inside a range meant for 8 in 10,
 * live at 60x). The same sixtieth keeps the floor where it was for that default service, and in step
 * with the site's own clock.
 */
const minimumScaleShareOfService = 1 / 60;
/** A millisecond (the log's resolution): only so that a nil spread with no service time is not divided by. */
const smallestScaleSeconds = 0.001;
/** Constant, simulated wait, head of line's wait so far, recent real waits: at first, the simulation alone. */
const priorCoefficients = [0, 1, 0, 0];
/** The forecasts each queue weighs: its own fit, the site's fit, its recent real waits. */
const expertCount = 3;

/**
 * What the desk shows about itself beyond the simulation's picture, read when a visitor joins. Why
 * these two: a head of the queue who has waited long, or recent visitors who waited long, are the
 * visible trace of what the simulation cannot see (technicians "available" but away, a slow spell);
 * the fit learns how much they add to the simulated wait, and leaves them out while they add nothing.
 */
export interface QueueSignals {
  /** Seconds the longest-waiting visitor of the queue has waited so far. */
  headOfLineSeconds: number;
  /** Mean real wait of the queue's recently called visitors (0 before any). */
  recentWaitSeconds: number;
  /**
   * Expected service time of a newcomer to the queue: not a feature of the fit, the queue's time scale,
   * which floors the spread the range is measured in (0 if unknown).
   */
  serviceSeconds: number;
}

const noSignals: QueueSignals = { headOfLineSeconds: 0, recentWaitSeconds: 0, serviceSeconds: 0 };

/** The signals of one queue in an estimator input (checked-in times give the head of line's wait). */
export function readQueueSignals(input: EstimatorInput, queueId: string): QueueSignals {
  let earliestMs = input.nowMs;
  for (const v of input.waiting) if (v.queueId === queueId) earliestMs = Math.min(earliestMs, Date.parse(v.checkedInAt));
  return { headOfLineSeconds: (input.nowMs - earliestMs) / 1000, recentWaitSeconds: input.recentWaitSeconds?.(queueId) ?? 0, serviceSeconds: input.queueServiceSeconds(queueId) };
}

function features(rawSeconds: number, signals: QueueSignals): number[] {
  return [1, rawSeconds, signals.headOfLineSeconds, signals.recentWaitSeconds];
}

interface QueueModel {
  fit: FadingRegression;
  weights: ExpertWeights;
}

/** What a queue's forecasts need, solved once per record (apply runs for every visitor, every recompute). */
interface Solved {
  queue: number[];
  site: number[];
  weights: number[];
}

export class WaitCalibration {
  private readonly site = new FadingRegression(priorCoefficients.length, forgetting);
  private readonly queues = new Map<string, QueueModel>();
  private readonly interval = new AdaptiveInterval();
  readonly updates = new UpdateIntervals();
  private readonly solved = new Map<string, Solved>();

  /** Visitors learned from so far: how much the learner, rather than the cold start, is to be believed. */
  recorded = 0;

  /** Learns from one visitor: the raw simulated estimate made when they joined, and their real wait. */
  record(queueId: string, raw: WaitEstimate, actualSeconds: number, signals: QueueSignals = noSignals): void {
    const forecasts = this.forecasts(queueId, raw.expectedSeconds, signals);
    const expected = this.combine(queueId, forecasts);
    this.interval.record(expected, scaleOf(raw, signals), actualSeconds);
    this.recorded++;
    const queue = this.queue(queueId);
    queue.weights.update(sleepingLosses(forecasts, this.solve(queueId).weights, actualSeconds));
    const x = features(raw.expectedSeconds, signals);
    this.site.add(x, actualSeconds);
    queue.fit.add(x, actualSeconds);
    this.solved.clear();
  }

  /**
   * Learns the range of later updates from one visitor: the raw estimate made after `waitedSeconds` of
   * their wait, and the wait that was really left from then. The point's fit stays learned at joining.
   */
  recordUpdate(queueId: string, raw: WaitEstimate, remainingSeconds: number, waitedSeconds: number, signals: QueueSignals = noSignals): void {
    const expected = this.combine(queueId, this.forecasts(queueId, raw.expectedSeconds, signals));
    this.updates.record(expected, scaleOf(raw, signals), remainingSeconds, waitedSeconds);
  }

  /**
   * The calibrated estimate of someone who has waited `waitedSeconds` already (0: joining now). From a
   * second on, the range is that of later updates once enough of them were learned.
   */
  apply(queueId: string, raw: WaitEstimate | null, signals: QueueSignals = noSignals, waitedSeconds = 0): WaitEstimate | null {
    if (!raw) return null;
    const expected = this.combine(queueId, this.forecasts(queueId, raw.expectedSeconds, signals));
    const interval = (waitedSeconds >= updateAfterSeconds ? this.updates.intervalFor(waitedSeconds, expected) : null) ?? this.interval;
    if (!interval.ready) {
      // The simulation's own range, moved with the point: a calibrated point between uncalibrated
      // bounds was often outside them (expected 35 s, range 311,111-347,365 s).
      const shift = expected - raw.expectedSeconds;
      return { expectedSeconds: Math.round(expected), lowSeconds: Math.round(Math.max(0, Math.min(expected, raw.lowSeconds + shift))), highSeconds: Math.round(Math.max(expected, raw.highSeconds + shift)) };
    }
    const { low, high } = interval.around(expected, scaleOf(raw, signals));
    return { expectedSeconds: Math.round(expected), lowSeconds: Math.round(Math.min(expected, low)), highSeconds: Math.round(high) };
  }

  /** Current weights of the queue's own fit, the site's fit and its recent waits (they sum to 1). */
  expertWeights(queueId: string): number[] {
    return [...this.solve(queueId).weights];
  }

  /** The three forecasts; null for recent waits while the queue has none (or the signal is absent). */
  private forecasts(queueId: string, rawSeconds: number, signals: QueueSignals): (number | null)[] {
    const { queue, site } = this.solve(queueId);
    const x = features(rawSeconds, signals);
    const line = (beta: number[]) => Math.max(0, beta.reduce((sum, b, i) => sum + b * x[i]!, 0));
    return [line(queue), line(site), signals.recentWaitSeconds > 0 ? signals.recentWaitSeconds : null];
  }

  private combine(queueId: string, forecasts: readonly (number | null)[]): number {
    // Null only if the awake experts' weights all underflowed: fall back on the site's fit.
    return weightedMeanOfPresent(forecasts, this.solve(queueId).weights) ?? forecasts[1]!;
  }

  private solve(queueId: string): Solved {
    let found = this.solved.get(queueId);
    if (!found) {
      const site = this.site.coefficients(priorCoefficients, sitePriorWeight);
      const model = this.queues.get(queueId);
      const queue = model?.fit.coefficients(site, queuePriorWeight) ?? site;
      const weights = model?.weights.weights() ?? new Array<number>(expertCount).fill(1 / expertCount);
      this.solved.set(queueId, (found = { queue, site, weights }));
    }
    return found;
  }

  private queue(queueId: string): QueueModel {
    let found = this.queues.get(queueId);
    if (!found) this.queues.set(queueId, (found = { fit: new FadingRegression(priorCoefficients.length, forgetting), weights: new ExpertWeights(expertCount, forgetting) }));
    return found;
  }
}

/**
 * Squared errors of the forecasts; an expert without a forecast is charged the weighted mean loss of
 * the others (the "sleeping experts" convention of Freund, Schapire, Singer and Warmuth, 1997), so
 * sitting out cannot earn it weight against them.
 */
function sleepingLosses(forecasts: readonly (number | null)[], weights: readonly number[], actualSeconds: number): number[] {
  const losses = forecasts.map((f) => (f === null ? null : (f - actualSeconds) ** 2));
  const awakeMean = weightedMeanOfPresent(losses, weights) ?? Math.min(...losses.filter((l) => l !== null));
  return losses.map((loss) => loss ?? awakeMean);
}

/** The weighted mean of the values present (the awake experts'); null when their weights sum to 0. */
function weightedMeanOfPresent(values: readonly (number | null)[], weights: readonly number[]): number | null {
  let sum = 0;
  let weight = 0;
  values.forEach((value, i) => {
    if (value === null) return;
    sum += weights[i]! * value;
    weight += weights[i]!;
  });
  return weight > 0 ? sum / weight : null;
}

/** The simulation's spread, the unit residuals are measured in, floored at the queue's time scale. */
function scaleOf(raw: WaitEstimate, signals: QueueSignals): number {
  return Math.max(smallestScaleSeconds, minimumScaleShareOfService * signals.serviceSeconds, raw.highSeconds - raw.lowSeconds);
}
