import type { WaitEstimate } from '../site-view.ts';

/** Percentiles shown as the range: about 8 in 10 people wait within it. */
export const lowQuantile = 0.1;
export const highQuantile = 0.9;

/**
 * Turns one visitor's sampled call times into the shown estimate: the mean (what minimises the squared
 * error people feel) and the 10th-90th percentile range. Null when most runs never reach them (nobody
 * on duty serves their queue).
 */
export function summarizeSamples(samples: Float64Array, offset: number, runs: number, scratch: Float64Array): WaitEstimate | null {
  let count = 0;
  for (let r = 0; r < runs; r++) {
    const value = samples[offset + r]!;
    if (Number.isFinite(value)) scratch[count++] = value;
  }
  if (count === 0 || count * 2 < runs) return null;
  const sorted = scratch.subarray(0, count).sort();
  let sum = 0;
  for (let i = 0; i < count; i++) sum += sorted[i]!;
  const at = (p: number) => {
    const x = p * (count - 1);
    const lo = Math.floor(x);
    const hi = Math.min(count - 1, lo + 1);
    return sorted[lo]! + (x - lo) * (sorted[hi]! - sorted[lo]!);
  };
  return {
    expectedSeconds: Math.round(sum / count),
    lowSeconds: Math.round(at(lowQuantile)),
    highSeconds: Math.round(at(highQuantile)),
  };
}
