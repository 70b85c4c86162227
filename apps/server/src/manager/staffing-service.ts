import {
  estimateMeanPatienceSeconds, fitStaffEfficiency, InvalidInputError, mixServiceTimes, openingDayTypes, pooledHourlyForecast, recentWeekWeight, serviceTimesByCategory,
  shareWithinTarget, staffNeeded, weekdayOfDay, type StaffingModel,
} from '@walkup/domain';
import type { Db } from '../db/connection.ts';
import { addDays, loadStaffingHistory } from './staffing-history.ts';

/** Weeks of history the arrivals, service times and patience are learned from. */
const historyWeeks = 4;
/**
 * Weeks the staff efficiency is fitted on, recent ones weighing more (`recentWeekWeight`): one week
 * has few busy hours and follows its accidents. A younger log fits on the weeks it has.
 */
const efficiencyWeeks = 6;
/** Service time assumed before a site has served anyone (an IT walk-up visit). */
const defaultServiceSeconds = 600;

export interface StaffingRequest {
  siteId: string;
  /** First local day of the week to plan. */
  weekStart: string;
  targetWaitSeconds: number;
  /** Share to call within the target, e.g. 0.9. */
  goalShare: number;
  /** Technicians planned per hour of the week (7 x 24, by day then hour), to compute its service level. */
  roster?: number[];
  holidays?: string[];
}

export interface StaffingHour {
  day: string;
  hour: number;
  expectedArrivals: number;
  meanServiceSeconds: number;
  techniciansNeeded: number;
  planned: number | null;
  plannedServiceLevel: number | null;
}

export interface StaffingPlan {
  hours: StaffingHour[];
  /** Mean patience of waiting visitors (censored estimate from the cancellations); null when nobody cancelled (Erlang C). */
  meanPatienceSeconds: number | null;
  /** Squared coefficient of variation of service times (the category mixture's). */
  serviceScv: number;
  /** Share of the technicians on duty who were in effect serving, fitted on the history (1 without enough history). */
  staffEfficiency: number;
}

const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

/**
 * The model `npm run bench:staffing` validates, learned from the site's last four weeks of report
 * rows: arrivals per hour from the pooled hourly forecast (working days share one smoothed shape,
 * each weekday keeps its own level, both shrunk; the working days and the weekend are those of the
 * site's weekly opening hours; holidays and closed weekdays are forecast closed), service times as
 * the mixture of categories (mean and SCV), the patience from cancellations (Erlang A; with none,
 * Erlang C), and the staff efficiency that best explains the last six weeks' shares called within
 * the target given who was on duty, recent weeks weighing more. Technicians needed = fewest on duty
 * reaching `goalShare`.
 */
export async function planStaffing(db: Db, request: StaffingRequest): Promise<StaffingPlan> {
  if (request.roster && request.roster.length !== 7 * 24) throw new InvalidInputError('invalid_roster', `the roster needs 168 hourly values (7 days x 24 hours), got ${request.roster.length}`);
  const holidays = new Set(request.holidays ?? []);
  const from = addDays(request.weekStart, -7 * efficiencyWeeks);
  const history = await loadStaffingHistory(db, { siteId: request.siteId, from, to: addDays(request.weekStart, -1), targetWaitSeconds: request.targetWaitSeconds, holidays });
  const learnFrom = addDays(request.weekStart, -7 * historyWeeks);
  const dayTypes = openingDayTypes(history.openingHours);
  const forecastOf = pooledHourlyForecast(history.days.filter((d) => d.day >= learnFrom), { ownTypeWeekdays: dayTypes.ownTypeWeekdays });
  const categories = serviceTimesByCategory(history.services.filter((s) => s.day >= learnFrom));
  const mix = categories.length > 0 ? mixServiceTimes(categories.map((c) => ({ weight: c.count, meanSeconds: c.meanSeconds, scv: c.scv }))) : { meanSeconds: defaultServiceSeconds, scv: 1 };
  const meanPatienceSeconds = estimateMeanPatienceSeconds(history.waits.filter((w) => w.day >= learnFrom));
  const shape = { meanServiceSeconds: mix.meanSeconds, serviceScv: mix.scv, meanPatienceSeconds };
  const weightedHours = history.staffedHours.map((h) => ({ ...h, weight: recentWeekWeight(Math.floor((daysBetween(h.day, request.weekStart) - 1) / 7)) }));
  const model: StaffingModel = { ...shape, staffEfficiency: fitStaffEfficiency(weightedHours, shape, request.targetWaitSeconds) };
  const plan: StaffingHour[] = [];
  for (let d = 0; d < 7; d++) {
    const day = addDays(request.weekStart, d);
    const closed = holidays.has(day) || dayTypes.closedWeekdays.has(weekdayOfDay(day));
    const forecast = closed ? new Array<number>(24).fill(0) : forecastOf(weekdayOfDay(day));
    for (let hour = 0; hour < 24; hour++) {
      const arrivals = forecast[hour]!;
      const planned = request.roster ? request.roster[d * 24 + hour]! : null;
      plan.push({
        day,
        hour,
        expectedArrivals: Math.round(arrivals * 100) / 100,
        meanServiceSeconds: Math.round(mix.meanSeconds),
        techniciansNeeded: staffNeeded(model, arrivals, request.targetWaitSeconds, request.goalShare),
        planned,
        plannedServiceLevel: planned === null ? null : Math.round(shareWithinTarget(model, arrivals, planned, request.targetWaitSeconds) * 1000) / 1000,
      });
    }
  }
  return {
    hours: plan,
    meanPatienceSeconds: Number.isFinite(meanPatienceSeconds) ? Math.round(meanPatienceSeconds) : null,
    serviceScv: Math.round(mix.scv * 100) / 100,
    staffEfficiency: model.staffEfficiency,
  };
}
