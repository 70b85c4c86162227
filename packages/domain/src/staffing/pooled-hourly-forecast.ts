/** One observed day: its weekday (0 = Sunday) and the arrivals in each of its 24 local hours. */
export interface ObservedDay {
  day: string;
  weekday: number;
  arrivalsByHour: readonly number[];
}

export interface PooledForecastOptions {
  /**
   * Weekdays with a rhythm of their own (a site's weekend, or a short day); every other weekday is a
   * "working day" and shares one pooled hourly shape. Default Saturday and Sunday.
   */
  ownTypeWeekdays?: ReadonlySet<number>;
  /** Pseudo-arrivals pulling a day type's hourly shape toward the all-days shape (shrinkage). */
  shapePriorArrivals?: number;
  /** Pseudo-days pulling a weekday's own level toward its day type's mean level. */
  levelPriorDays?: number;
}

const hours = 24;

/** 1-2-1 smoothing across neighbouring hours: one hour's count is a noisy sample of a smooth rate. */
function smooth(values: readonly number[]): number[] {
  return values.map((v, h) => (values[h - 1] ?? v) * 0.25 + v * 0.5 + (values[h + 1] ?? v) * 0.25);
}

function shareOf(values: readonly number[]): { shares: number[]; total: number } {
  const total = values.reduce((a, b) => a + b, 0);
  return { shares: values.map((v) => (total > 0 ? v / total : 0)), total };
}

function sumByHour(days: readonly ObservedDay[]): number[] {
  const sums = new Array<number>(hours).fill(0);
  for (const d of days) for (let h = 0; h < hours; h++) sums[h]! += d.arrivalsByHour[h] ?? 0;
  return sums;
}

/**
 * Expected arrivals per hour of a coming day when history is short (one or two weeks): a single past
 * Tuesday is too noisy to copy hour by hour, so information is pooled.
 *
 * - Shape: the day type's hourly shape (working days pooled together; weekend days each on their own),
 *   smoothed across neighbouring hours and shrunk toward the all-days shape by `shapePriorArrivals`
 *   pseudo-arrivals, so a thin day type borrows the common rhythm.
 * - Level: the weekday's own mean daily total, shrunk toward its day type's mean by `levelPriorDays`.
 * Hours the day type was never open in the history stay closed. Forecast = level x shape. The defaults were chosen a priori, not fitted to any test period.
 */
export function pooledHourlyForecast(history: readonly ObservedDay[], options: PooledForecastOptions = {}): (weekday: number) => number[] {
  const ownType = options.ownTypeWeekdays ?? new Set([0, 6]);
  const shapePrior = options.shapePriorArrivals ?? 200;
  const levelPrior = options.levelPriorDays ?? 1;
  const typeOf = (weekday: number) => (ownType.has(weekday) ? `own-${weekday}` : 'working');
  const allShape = shareOf(smooth(sumByHour(history))).shares;
  const totalOf = (d: ObservedDay) => d.arrivalsByHour.reduce((a, b) => a + b, 0);
  const mean = (values: number[]) => (values.length > 0 ? values.reduce((a, b) => a + b, 0) / values.length : 0);

  return (weekday) => {
    const typeDays = history.filter((d) => typeOf(d.weekday) === typeOf(weekday));
    const sameWeekday = typeDays.filter((d) => d.weekday === weekday);
    const typeLevel = typeDays.length > 0 ? mean(typeDays.map(totalOf)) : mean(history.map(totalOf));
    const level = (sameWeekday.reduce((s, d) => s + totalOf(d), 0) + levelPrior * typeLevel) / (sameWeekday.length + levelPrior);
    const { shares, total } = shareOf(smooth(sumByHour(typeDays)));
    // Hours in which this day type never had anyone are closed (a short day, an evening opening):
    // neither smoothing nor shrinkage may put arrivals there.
    const open = sumByHour(typeDays).map((count) => count > 0 || typeDays.length === 0);
    const shrunk = shares.map((s, h) => (open[h] ? (total * s + shapePrior * allShape[h]!) / (total + shapePrior) : 0));
    const shape = shareOf(shrunk).shares;
    return shape.map((s) => level * s);
  };
}
