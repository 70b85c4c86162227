/**
 * The shape assumed for service times before there is any history: a gamma distribution with shape 2
 * (coefficient of variation 0.71), as quantiles scaled to mean 1.
 *
 * Why not exponential: it is memoryless, so a technician ten minutes into a twelve-minute repair
 * would still be expected to need twelve more, and estimates would not fall while people watch
 * the screen. Walk-up services have a typical length with a right tail, which gamma(2) captures.
 */
function gamma2Cdf(x: number): number {
  return 1 - Math.exp(-x) * (1 + x);
}

function gamma2Quantile(p: number): number {
  let lo = 0;
  let hi = 50;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (gamma2Cdf(mid) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** `count` evenly spaced quantiles of the prior shape, scaled so that their mean is exactly 1. */
export function priorServiceShape(count: number): number[] {
  const raw = Array.from({ length: count }, (_, i) => gamma2Quantile((i + 0.5) / count));
  const mean = raw.reduce((s, x) => s + x, 0) / count;
  return raw.map((q) => q / mean);
}
