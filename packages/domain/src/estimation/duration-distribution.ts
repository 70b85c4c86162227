/**
 * A distribution of durations (seconds) held as weighted points, read through its inverse CDF.
 *
 * Why empirical rather than a fitted family: service times at a desk are skewed and often bimodal
 * (password resets next to re-images); a weighted sample keeps that shape, and the same object answers
 * "mean", "10th percentile" and "how much longer, given 10 minutes already spent".
 */
export interface WeightedPoint {
  value: number;
  weight: number;
}

export class DurationDistribution {
  private readonly values: Float64Array;
  /** Mid-point cumulative probability of each sorted value. */
  private readonly cumulative: Float64Array;
  readonly mean: number;
  /** Mean excess over the 90th percentile: the scale of an exponential tail beyond the data. */
  private readonly tailScale: number;

  constructor(points: readonly WeightedPoint[]) {
    const kept = points.filter((p) => p.value >= 0 && p.weight > 0).sort((a, b) => a.value - b.value);
    if (kept.length === 0) kept.push({ value: 0, weight: 1 });
    const total = kept.reduce((s, p) => s + p.weight, 0);
    this.values = new Float64Array(kept.map((p) => p.value));
    this.cumulative = new Float64Array(kept.length);
    let running = 0;
    let sum = 0;
    kept.forEach((p, i) => {
      this.cumulative[i] = (running + p.weight / 2) / total;
      running += p.weight;
      sum += p.value * p.weight;
    });
    this.mean = sum / total;
    const q90 = this.quantile(0.9);
    let excess = 0;
    let excessWeight = 0;
    kept.forEach((p) => {
      if (p.value > q90) {
        excess += (p.value - q90) * p.weight;
        excessWeight += p.weight;
      }
    });
    this.tailScale = excessWeight > 0 ? excess / excessWeight : Math.max(this.mean * 0.5, 1);
  }

  /** Value at probability p, linear between points; clamped to the observed range. */
  quantile(p: number): number {
    const { values, cumulative } = this;
    const n = values.length;
    if (p <= cumulative[0]!) return values[0]!;
    if (p >= cumulative[n - 1]!) return values[n - 1]!;
    let lo = 0;
    let hi = n - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! <= p) lo = mid;
      else hi = mid;
    }
    const span = cumulative[hi]! - cumulative[lo]!;
    const f = span > 0 ? (p - cumulative[lo]!) / span : 0;
    return values[lo]! + f * (values[hi]! - values[lo]!);
  }

  /** Probability that a duration is at most `seconds`. */
  cdf(seconds: number): number {
    const { values, cumulative } = this;
    const n = values.length;
    if (seconds <= values[0]!) return seconds < values[0]! ? 0 : cumulative[0]!;
    if (seconds >= values[n - 1]!) return 1;
    let lo = 0;
    let hi = n - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (values[mid]! <= seconds) lo = mid;
      else hi = mid;
    }
    const span = values[hi]! - values[lo]!;
    const f = span > 0 ? (seconds - values[lo]!) / span : 0;
    return cumulative[lo]! + f * (cumulative[hi]! - cumulative[lo]!);
  }

  /**
   * A draw of the time still to go for someone already `elapsed` seconds in: the distribution
   * conditioned on lasting longer. Beyond the data an exponential tail takes over, so a visit that
   * has overrun every precedent is not assumed to end this very second.
   */
  remaining(elapsed: number, u: number): number {
    const start = this.cdf(elapsed);
    if (start < 0.97) {
      const value = this.quantile(start + u * (1 - start));
      if (value > elapsed) return value - elapsed;
    }
    return -Math.log(1 - u * 0.999) * this.tailScale;
  }

  /** Expected time still to go for someone already `elapsed` seconds in, by numeric integration. */
  expectedRemaining(elapsed: number): number {
    const steps = 32;
    let sum = 0;
    for (let i = 0; i < steps; i++) sum += this.remaining(elapsed, (i + 0.5) / steps);
    return sum / steps;
  }
}
