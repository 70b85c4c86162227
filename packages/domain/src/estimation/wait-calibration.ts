import type { WaitEstimate } from '../site-view.ts';
import { highQuantile, lowQuantile } from './summarize-futures.ts';

/**
 * Online recalibration of the sampled estimate against what really happened, learned only from
 * visitors already called. Why: the simulation is only as right as its picture of the desk, and some
 * of the desk is invisible to it (a technician "available" but on the phone, a routing rule the site
 * never told us). A straight line from the simulated wait to the real one, fitted with fading memory,
 * corrects that steady offset; the range then comes from the recent spread of the real waits around
 * the line, scaled by the simulation's own spread (a split-conformal interval), so about 8 in 10
 * people really do fall inside it.
 */
const forgetting = 0.999;
/** Pseudo-observations pulling a young fit toward "the simulation is right" (and a queue toward the site). */
const sitePriorWeight = 20;
const queuePriorWeight = 200;
const keepResiduals = 600;
const minimumScaleSeconds = 10;

class LineFit {
  private w = 0;
  private x = 0;
  private y = 0;
  private xx = 0;
  private xy = 0;

  add(x: number, y: number): void {
    this.w = this.w * forgetting + 1;
    this.x = this.x * forgetting + x;
    this.y = this.y * forgetting + y;
    this.xx = this.xx * forgetting + x * x;
    this.xy = this.xy * forgetting + x * y;
  }

  /** Least squares with a ridge toward `prior` (as if `weight` points lay on the prior line). */
  line(prior: { intercept: number; slope: number }, weight: number): { intercept: number; slope: number } {
    const mx = this.w > 0 ? this.x / this.w : 0;
    // Prior points spread along the observed range so they pin both intercept and slope.
    const spread = this.w > 0 ? Math.max(this.xx / this.w, 1) : 1;
    const w = this.w + weight;
    const sx = this.x + weight * mx;
    const sy = this.y + weight * (prior.intercept + prior.slope * mx);
    const sxx = this.xx + weight * spread;
    const sxy = this.xy + weight * (prior.intercept * mx + prior.slope * spread);
    const det = w * sxx - sx * sx;
    if (det <= 1e-9) return prior;
    const slope = (w * sxy - sx * sy) / det;
    return { intercept: (sy - slope * sx) / w, slope: Math.max(0, slope) };
  }
}

export class WaitCalibration {
  private readonly site = new LineFit();
  private readonly queues = new Map<string, LineFit>();
  private readonly residuals: number[] = [];
  private quantiles: { low: number; high: number } | null = null;

  /** Learns from one visitor: the raw simulated estimate made when they joined, and their real wait. */
  record(queueId: string, raw: WaitEstimate, actualSeconds: number): void {
    const calibrated = this.mean(queueId, raw.expectedSeconds);
    this.residuals.push((actualSeconds - calibrated) / scaleOf(raw));
    if (this.residuals.length > keepResiduals) this.residuals.shift();
    this.quantiles = null;
    this.site.add(raw.expectedSeconds, actualSeconds);
    let fit = this.queues.get(queueId);
    if (!fit) this.queues.set(queueId, (fit = new LineFit()));
    fit.add(raw.expectedSeconds, actualSeconds);
  }

  apply(queueId: string, raw: WaitEstimate | null): WaitEstimate | null {
    if (!raw) return null;
    const expected = this.mean(queueId, raw.expectedSeconds);
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

  private mean(queueId: string, rawSeconds: number): number {
    const site = this.site.line({ intercept: 0, slope: 1 }, sitePriorWeight);
    const fit = this.queues.get(queueId);
    const line = fit ? fit.line(site, queuePriorWeight) : site;
    return Math.max(0, line.intercept + line.slope * rawSeconds);
  }
}

function scaleOf(raw: WaitEstimate): number {
  return Math.max(minimumScaleSeconds, raw.highSeconds - raw.lowSeconds);
}
