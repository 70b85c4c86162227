import {
  atFractionalStaff, erlangA, estimateMeanPatienceSeconds, fitStaffEfficiency, mixServiceTimes, pooledHourlyForecast, recentWeekWeight, serviceLevel, serviceTimesByCategory,
  shareWithinTarget, type OpeningDayTypes, type StaffingModel,
} from '@walkup/domain';
import type { ObservedLog } from './observed-hours.ts';

export interface HourRow {
  day: string;
  hour: number;
  actualArrivals: number;
  forecastArrivals: number;
  naiveArrivals: number;
  techniciansOnDuty: number;
  /** Share called within the target (null when nobody came). */
  actualShare: number | null;
  /** The model: Erlang A, service SCV, staff efficiency fitted on the training week. */
  forecastShare: number;
  forecastShareErlangA: number;
  forecastShareErlangC: number;
  naiveShare: number | null;
}

export const weekdayOf = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();
const dayBefore = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

/**
 * Fits on `trainDays` and predicts each hour of `testDays`: arrivals (pooled profile) and the share
 * called within the target for the staff actually on duty (the roster the manager would plan), with
 * Erlang A (patience from the training abandonments) and the category mixture's mean service.
 * Naive: the same hour one week earlier, for arrivals and for the share. As the API: day types and
 * closed days from the opening hours, training weeks weighted by how recent they are.
 */
export function forecastTestWeek(log: ObservedLog, trainDays: string[], testDays: string[], targetSeconds: number, dayTypes: OpeningDayTypes) {
  const history = trainDays.map((day) => ({ day, weekday: weekdayOf(day), arrivalsByHour: (log.days.get(day) ?? []).map((h) => h.arrivals) }));
  const pooled = pooledHourlyForecast(history, { ownTypeWeekdays: dayTypes.ownTypeWeekdays });
  const forecastOf = (weekday: number) => (dayTypes.closedWeekdays.has(weekday) ? new Array<number>(24).fill(0) : pooled(weekday));
  const train = new Set(trainDays);
  const categories = serviceTimesByCategory(log.services.filter((s) => train.has(s.day)));
  const mix = mixServiceTimes(categories.map((c) => ({ weight: c.count, meanSeconds: c.meanSeconds, scv: c.scv })));
  const meanPatienceSeconds = estimateMeanPatienceSeconds(log.waits.filter((w) => train.has(w.day)));
  const weeksBefore = (day: string) => Math.floor((Date.parse(testDays[0]!) - Date.parse(day) - 1) / (7 * 86_400_000));
  const trainingHours = trainDays.flatMap((day) =>
    (log.days.get(day) ?? []).map((h) => ({ arrivals: h.arrivals, calledWithinTarget: h.calledWithinTarget, staffOnDuty: h.techniciansOnDuty, weight: recentWeekWeight(weeksBefore(day)) })),
  );
  const shape = { meanServiceSeconds: mix.meanSeconds, serviceScv: mix.scv, meanPatienceSeconds };
  const model: StaffingModel = { ...shape, staffEfficiency: fitStaffEfficiency(trainingHours, shape, targetSeconds) };
  const rows: HourRow[] = [];
  for (const day of testDays) {
    const forecast = forecastOf(weekdayOf(day));
    const lastWeek = log.days.get(dayBefore(day, 7));
    (log.days.get(day) ?? []).forEach((observed, hour) => {
      const load = { arrivalsPerHour: forecast[hour]!, meanServiceSeconds: mix.meanSeconds };
      const before = lastWeek?.[hour];
      rows.push({
        day,
        hour,
        actualArrivals: observed.arrivals,
        forecastArrivals: forecast[hour]!,
        naiveArrivals: before?.arrivals ?? 0,
        techniciansOnDuty: observed.techniciansOnDuty,
        actualShare: observed.arrivals > 0 ? observed.calledWithinTarget / observed.arrivals : null,
        forecastShare: shareWithinTarget(model, forecast[hour]!, observed.techniciansOnDuty, targetSeconds),
        forecastShareErlangA: atFractionalStaff(observed.techniciansOnDuty, (c) => erlangA(c, { ...load, meanPatienceSeconds }, targetSeconds).serviceLevel),
        forecastShareErlangC: atFractionalStaff(observed.techniciansOnDuty, (c) => serviceLevel(c, load, targetSeconds)),
        naiveShare: before && before.arrivals > 0 ? before.calledWithinTarget / before.arrivals : null,
      });
    });
  }
  return { rows, categories, mix, meanPatienceSeconds, model };
}

export function errors(pairs: Array<[predicted: number, actual: number]>): { mae: number; rmse: number; n: number } {
  const n = pairs.length;
  if (n === 0) return { mae: NaN, rmse: NaN, n };
  return {
    mae: pairs.reduce((a, [p, y]) => a + Math.abs(p - y), 0) / n,
    rmse: Math.sqrt(pairs.reduce((a, [p, y]) => a + (p - y) ** 2, 0) / n),
    n,
  };
}
