import { highQuantile, lowQuantile } from './summarize-futures.ts';

/** Recent residuals kept: a few days of a busy desk, so the range follows the desk as it is now. */
const keepResiduals = 600;
/** Residuals needed before the range at joining is read from them (and the cold start's blend ends). */
export const minimumResiduals = 50;
/**
 * The fewest residuals whose order statistics give a 10-90% range at all: split conformal prediction
 * needs n + 1 >= 1 / (share outside on one side), i.e. 9, for its finite-sample guarantee (the range is
 * then the lowest to the highest residual, and narrows as residuals come in).
 */
export const fewestResidualsForRange = Math.ceil(1 / lowQuantile) - 1;
/**
 * Step of the adaptive levels, as in Gibbs and Candès' experiments (0.005): a level moves by at most
 * half a percentile per visitor, so one bad afternoon cannot swing the range, while a drift that lasts
 * a few hundred visitors (1 / 0.005 = 200) is followed.
 */
const levelStep = 0.005;

/**
 * The range shown around an estimate: split-conformal (recent real-minus-predicted residuals, in units
 * of the simulation's own spread) with adaptive levels (adaptive conformal inference, Gibbs and Candès,
 * "Adaptive conformal inference under distribution shift", NeurIPS 2021). Why adaptive: recent residuals
 * only give 8 in 10 if the desk behaves as it did; when it does not, each miss below (above) lowers
 * (raises) the percentile used for that side, so over time about 1 in 10 real waits falls below the
 * range and 1 in 10 above, whatever the drift.
 */
export class AdaptiveInterval {
  private readonly residuals: number[] = [];
  /** `minimum`: residuals before the range is read from them (at least fewestResidualsForRange). */
  constructor(private readonly minimum = minimumResiduals) {}

  private sorted: number[] | null = null;
  private lowLevel = lowQuantile;
  private highLevel = highQuantile;

  get ready(): boolean {
    return this.residuals.length >= Math.max(this.minimum, fewestResidualsForRange);
  }

  /** The range around `expected`, given the simulation's spread `scale` (only once ready). */
  around(expected: number, scale: number): { low: number; high: number } {
    return {
      low: Math.max(0, expected + this.residualAt(this.lowLevel, 'low') * scale),
      high: Math.max(expected, expected + this.residualAt(this.highLevel, 'high') * scale),
    };
  }

  /** Learns from one called visitor: what was (or would now be) predicted for them, and their real wait. */
  record(expected: number, scale: number, actual: number): void {
    if (this.ready) {
      const { low, high } = this.around(expected, scale);
      this.lowLevel = clamp(this.lowLevel - levelStep * ((actual < low ? 1 : 0) - lowQuantile), 0, 0.5);
      this.highLevel = clamp(this.highLevel + levelStep * ((actual > high ? 1 : 0) - (1 - highQuantile)), 0.5, 1);
    }
    this.residuals.push((actual - expected) / scale);
    if (this.residuals.length > keepResiduals) this.residuals.shift();
    this.sorted = null;
  }

  /**
   * The split-conformal order statistic for a side: the ceil((n + 1) level)-th smallest residual for
   * the top, the floor((n + 1) level)-th for the bottom (Vovk et al.; Lei et al. 2018). Why not the
   * plain empirical percentile: with a few dozen residuals it is too narrow (9 residuals: the 10th
   * percentile is the lowest but one), so a young range would cover less than it says; with hundreds
   * both agree within one residual.
   */
  private residualAt(level: number, side: 'low' | 'high'): number {
    this.sorted ??= [...this.residuals].sort((a, b) => a - b);
    const n = this.sorted.length;
    const rank = side === 'high' ? Math.ceil((n + 1) * level) : Math.floor((n + 1) * level);
    return this.sorted[Math.min(n, Math.max(1, rank)) - 1]!;
  }
}

function clamp(x: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, x));
}
