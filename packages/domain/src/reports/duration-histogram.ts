/**
 * Fixed duration bins shared by every report bucket, so buckets add up by summing bin counts (in SQL
 * or here) and percentiles of any grouping come out of the sums. Edges fall on the minutes managers
 * set targets in (5, 10, 15, 20, 30 min), so "share within target" is exact for those targets and
 * interpolated inside a bin otherwise.
 */
export const durationBinEdgesSeconds = [60, 120, 180, 240, 300, 420, 600, 900, 1200, 1800, 2700, 3600, 5400, 7200] as const;
/** One more bin than edges: the last one holds everything beyond two hours. */
export const durationBinCount = durationBinEdgesSeconds.length + 1;

export function durationBinOf(seconds: number): number {
  for (let bin = 0; bin < durationBinEdgesSeconds.length; bin++) if (seconds < durationBinEdgesSeconds[bin]!) return bin;
  return durationBinEdgesSeconds.length;
}

function binBounds(bin: number, overflowEndSeconds: number): [number, number] {
  const low = bin === 0 ? 0 : durationBinEdgesSeconds[bin - 1]!;
  const high = bin < durationBinEdgesSeconds.length ? durationBinEdgesSeconds[bin]! : Math.max(overflowEndSeconds, low);
  return [low, high];
}

/**
 * The q-quantile (0..1) of the durations counted in `bins`, interpolated linearly within its bin.
 * `maxSeconds` bounds the open last bin (the largest duration seen, or twice its lower edge).
 */
export function quantileFromBins(bins: readonly number[], q: number, maxSeconds = 2 * durationBinEdgesSeconds.at(-1)!): number | null {
  const total = bins.reduce((sum, count) => sum + count, 0);
  if (total === 0) return null;
  const rank = q * total;
  let below = 0;
  for (let bin = 0; bin < bins.length; bin++) {
    const count = bins[bin] ?? 0;
    if (count > 0 && below + count >= rank) {
      const [low, high] = binBounds(bin, maxSeconds);
      return low + ((rank - below) / count) * (high - low);
    }
    below += count;
  }
  return binBounds(bins.length - 1, maxSeconds)[1];
}

/** Share (0..1) of the counted durations below `targetSeconds`; exact when the target is a bin edge. */
export function shareWithin(bins: readonly number[], targetSeconds: number, maxSeconds = 2 * durationBinEdgesSeconds.at(-1)!): number | null {
  const total = bins.reduce((sum, count) => sum + count, 0);
  if (total === 0) return null;
  let within = 0;
  for (let bin = 0; bin < bins.length; bin++) {
    const [low, high] = binBounds(bin, maxSeconds);
    const count = bins[bin] ?? 0;
    if (high <= targetSeconds) within += count;
    else if (low < targetSeconds) within += (count * (targetSeconds - low)) / (high - low);
  }
  return within / total;
}
