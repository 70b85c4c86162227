import type { WaitEstimate } from '../../packages/domain/src/site-view.ts';
import type { EstimatorInput } from '../../packages/domain/src/estimation/estimator-types.ts';
import { FadingRegression } from '../../packages/domain/src/estimation/fading-regression.ts';
import { highQuantile, lowQuantile } from '../../packages/domain/src/estimation/summarize-futures.ts';

/**
 * Online recalibration of the sampled estimate against what really happened, learned only from
 * visitors already called. Why: the simulation is only as right as its picture of the desk, and some
 * of the desk is invisible to it (a technician "available" but on the phone, a routing rule the site
 * never told us). A linear fit from the simulated wait, and two visible signals of what it misses (see
 * QueueSignals), to the real one, with fading memory, corrects that offset; the range then comes from the recent spread of the real waits around
 * the line, scaled by the simulation's own spread (a split-conformal interval), so about 8 in 10
 * people really do fall inside it.
 */
const forgetting = Number(process.env.FG ?? 0.999);
/** Pseudo-observations pulling a young fit toward "the simulation is right" (and a queue toward the site). */
const sitePriorWeight = Number(process.env.SPW ?? 20);
const queuePriorWeight = Number(process.env.QPW ?? 200);
const keepResiduals = 600;
const minimumScaleSeconds = 10;
/** Constant, simulated wait, head of line's wait so far, recent real waits: at first, the simulation alone. */
const priorCoefficients = [0, 1, 0, 0];

/**
 * What the desk shows about itself beyond the simulation's picture, read when a visitor joins. Why
 * these two: a head of the queue who has waited long, or recent visitors who waited long, are the
 * visible trace of what the simulation cannot see (technicians "available" but away, a slow spell);
 * the fit learns how much they add to the simulated wait, and leaves them out while they add nothing.
 */
export interface QueueSignals {
  /** Seconds the longest-waiting visitor of the queue has waited so far. */
  headOfLineSeconds: number;
  /** Mean real wait of the queue's recently called visitors. */
  recentWaitSeconds: number;
}

const noSignals: QueueSignals = { headOfLineSeconds: 0, recentWaitSeconds: 0 };

/** The signals of one queue in an estimator input (checked-in times give the head of line's wait). */
export function readQueueSignals(input: EstimatorInput, queueId: string): QueueSignals {
  let earliestMs = input.nowMs;
  for (const v of input.waiting) if (v.queueId === queueId) earliestMs = Math.min(earliestMs, Date.parse(v.checkedInAt));
  return { headOfLineSeconds: (input.nowMs - earliestMs) / 1000, recentWaitSeconds: input.recentWaitSeconds?.(queueId) ?? 0 };
}

function features(rawSeconds: number, signals: QueueSignals): number[] {
  return [1, rawSeconds, signals.headOfLineSeconds, signals.recentWaitSeconds];
}

export class WaitCalibration {
  private readonly site = new FadingRegression(priorCoefficients.length, forgetting);
  private readonly queues = new Map<string, FadingRegression>();
  private readonly residuals: number[] = [];
  private readonly offsets = new Map<string, { w: number; s: number }>();
  private quantiles: { low: number; high: number } | null = null;
  /** Solved coefficients per queue, until the next record. */
  private readonly coefficients = new Map<string, number[]>();

  /** Learns from one visitor: the raw simulated estimate made when they joined, and their real wait. */
  record(queueId: string, raw: WaitEstimate, actualSeconds: number, signals: QueueSignals = noSignals): void {
    const calibrated = this.mean(queueId, raw.expectedSeconds, signals);
    this.residuals.push((actualSeconds - calibrated) / scaleOf(raw));
    if (this.residuals.length > keepResiduals) this.residuals.shift();
    this.quantiles = null;
    const x = features(raw.expectedSeconds, signals);
    this.site.add(x, actualSeconds);
    let fit = this.queues.get(queueId);
    if (!fit) this.queues.set(queueId, (fit = new FadingRegression(priorCoefficients.length, forgetting)));
    fit.add(x, actualSeconds);
    if (process.env.OFF) { const s = this.site.coefficients(priorCoefficients, sitePriorWeight); const pred = s.reduce((sum, b, i) => sum + b * x[i]!, 0); const o = this.offsets.get(queueId) ?? { w: 0, s: 0 }; o.w = o.w * forgetting + 1; o.s = o.s * forgetting + (actualSeconds - pred); this.offsets.set(queueId, o); }
    this.coefficients.clear();
  }

  apply(queueId: string, raw: WaitEstimate | null, signals: QueueSignals = noSignals): WaitEstimate | null {
    if (!raw) return null;
    const expected = this.mean(queueId, raw.expectedSeconds, signals);
    if (this.residuals.length < 50) return { expectedSeconds: Math.round(expected), lowSeconds: raw.lowSeconds, highSeconds: raw.highSeconds };
    const { low, high } = this.residualQuantiles();
    const scale = scaleOf(raw);
    return {
      expectedSeconds: Math.round(expected),
      lowSeconds: Math.round(Math.max(0, expected + low * scale)),
      highSeconds: Math.round(Math.max(expected, expected + high * scale)),
    };
  }

  private residualQuantiles(): { low: number; high: number } {
    if (!this.quantiles) {
      const sorted = [...this.residuals].sort((a, b) => a - b);
      const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
      this.quantiles = { low: at(lowQuantile), high: at(highQuantile) };
    }
    return this.quantiles;
  }

  private mean(queueId: string, rawSeconds: number, signals: QueueSignals): number {
    let beta = this.coefficients.get(queueId);
    if (!beta) {
      const site = this.site.coefficients(priorCoefficients, sitePriorWeight);
      beta = this.queues.get(queueId)?.coefficients(site, queuePriorWeight) ?? site;
      if (process.env.OFF) { const o = this.offsets.get(queueId); beta = [...site]; if (o) beta[0] = site[0]! + o.s / (o.w + Number(process.env.OFF)); }
      this.coefficients.set(queueId, beta);
    }
    const x = features(rawSeconds, signals);
    return Math.max(0, beta.reduce((sum, b, i) => sum + b * x[i]!, 0));
  }
}

function scaleOf(raw: WaitEstimate): number {
  return Math.max(minimumScaleSeconds, raw.highSeconds - raw.lowSeconds);
}
