import { priorServiceShape } from './estimation/prior-shape.ts';
import { DurationDistribution, type WeightedPoint } from './estimation/duration-distribution.ts';
import { defaultSampleWeighting, sampleWeight, type SampleWeighting } from './estimation/sample-weighting.ts';

/**
 * Service durations learned online from the event log, per category.
 *
 * Each category keeps its recent durations with their time; a prediction weighs them by recency and
 * time of day (see sample-weighting.ts). Why shrink toward the configured value: a new category has no
 * history, so a few pseudo-observations shaped like an exponential around the configured mean
 * dominate at first and fade as real ones arrive. Why clip far outliers (Tukey's fence on the log
 * scale): one visit left open over lunch should not move everyone's estimate.
 */
export interface ServiceTimeModelOptions {
  weighting?: Partial<SampleWeighting>;
  /** Most recent durations kept per category. */
  keepSamples?: number;
  /** Weight of the configured value, in "recent observations at this hour". */
  priorWeight?: number;
}

interface Sample {
  seconds: number;
  atMs: number;
}

/** Quantiles at 5%, 15% .. 95% of the shape assumed before any data (see estimation/prior-shape.ts). */
const priorShape = priorServiceShape(10);
/** Predictions made within this window reuse one weighting of the samples. */
const cacheWindowMs = 15 * 60_000;

export class ServiceTimeModel {
  private readonly samples = new Map<string, Sample[]>();
  private readonly cache = new Map<string, { bucket: number; distribution: DurationDistribution }>();
  private readonly weighting: SampleWeighting;
  private readonly keepSamples: number;
  private readonly priorWeight: number;
  private latestMs = 0;

  constructor(
    private readonly configured: (categoryId: string) => number,
    options: ServiceTimeModelOptions = {},
  ) {
    this.weighting = { ...defaultSampleWeighting, ...options.weighting };
    this.keepSamples = options.keepSamples ?? 1500;
    this.priorWeight = options.priorWeight ?? 3;
  }

  /** Records one observed duration. `atMs` (when it ended) enables recency and time-of-day weighting. */
  record(categoryId: string, seconds: number, atMs?: number): void {
    if (!(seconds > 0) || !Number.isFinite(seconds)) return;
    const at = atMs ?? this.latestMs;
    this.latestMs = Math.max(this.latestMs, at);
    const list = this.samples.get(categoryId) ?? [];
    list.push({ seconds, atMs: at });
    if (list.length > this.keepSamples) list.shift();
    this.samples.set(categoryId, list);
    this.cache.delete(categoryId);
  }

  expectedSeconds(categoryId: string, atMs?: number): number {
    return this.distribution(categoryId, atMs).mean;
  }

  sampleCount(categoryId: string): number {
    return this.samples.get(categoryId)?.length ?? 0;
  }

  /** The duration distribution for a service starting at `atMs` (default: the latest observation). */
  distribution(categoryId: string, atMs?: number): DurationDistribution {
    const now = atMs ?? this.latestMs;
    const bucket = Math.floor(now / cacheWindowMs);
    const cached = this.cache.get(categoryId);
    if (cached && cached.bucket === bucket) return cached.distribution;
    const distribution = this.build(categoryId, now);
    this.cache.set(categoryId, { bucket, distribution });
    return distribution;
  }

  private build(categoryId: string, nowMs: number): DurationDistribution {
    const prior = this.configured(categoryId);
    const points: WeightedPoint[] = priorShape.map((q) => ({ value: prior * q, weight: this.priorWeight / priorShape.length }));
    const list = this.samples.get(categoryId) ?? [];
    const observed = list.map((s) => ({ value: s.seconds, weight: sampleWeight(s.atMs, nowMs, this.weighting) }));
    if (observed.length >= 20) {
      // Tukey's far-out fence, on the log scale because durations are skewed.
      const spread = new DurationDistribution(observed.map((p) => ({ value: Math.log(p.value), weight: p.weight })));
      const q1 = spread.quantile(0.25);
      const q3 = spread.quantile(0.75);
      const cap = Math.exp(q3 + 3 * Math.max(q3 - q1, 0.1));
      for (const point of observed) point.value = Math.min(point.value, cap);
    }
    return new DurationDistribution([...points, ...observed]);
  }
}
