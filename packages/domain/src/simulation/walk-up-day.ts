/**
 * The shape of a walk-up IT desk's day, shared by the benchmarks that replay synthetic days and by
 * the demo's history: arrivals with a morning and an after-lunch peak, and the draws that vary
 * durations. Pure and seeded, so a plan is the same on every run.
 */

/** Walk-ins per hour by minute of the day: a morning peak and an after-lunch peak, 08:00-17:00. */
export function walkUpArrivalsPerHour(minute: number): number {
  if (minute < 8 * 60 || minute >= 17 * 60) return 0;
  const peak = (center: number, width: number, height: number) => height * Math.exp(-0.5 * ((minute - center) / width) ** 2);
  return 7 + peak(9 * 60 + 15, 35, 22) + peak(13 * 60 + 45, 40, 16);
}

/** Normal and exponential draws from a uniform source (Box-Muller; inverse transform). */
export function randomDraws(random: () => number) {
  return {
    normal: () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random()),
    exponential: (mean: number) => -Math.log(1 - random()) * mean,
  };
}

/**
 * Draws the whole minute of an arrival between `fromMinute` and `toMinute` in proportion to
 * `weightOf(minute)`, by inverse sampling on the cumulative weight: N draws give exactly N arrivals
 * with the day's shape. The second within the minute is left to the caller's own draw.
 */
export function arrivalMinuteSampler(fromMinute: number, toMinute: number, weightOf: (minute: number) => number, random: () => number): () => number {
  const minutes = Array.from({ length: toMinute - fromMinute }, (_, i) => fromMinute + i);
  const cumulative: number[] = [];
  for (const minute of minutes) cumulative.push((cumulative.at(-1) ?? 0) + weightOf(minute));
  const total = cumulative.at(-1) ?? 0;
  return () => {
    const target = random() * total;
    const index = cumulative.findIndex((c) => c > target);
    return minutes[index < 0 ? minutes.length - 1 : index]!;
  };
}
