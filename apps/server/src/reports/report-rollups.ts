import type { ReportGrouping } from './report-queries.ts';

/**
 * The summed report tables, finest first. Every one holds the same counters, maximums and duration
 * bins (migrations 2026-12-01T0700-manager-figures, 2026-12-01T1000-report-month-rollups and
 * 2026-12-01T1110-report-month-hour-rollups); they
 * differ in their period (a local day, or a month `YYYY-MM`) and in the dimensions they keep.
 * Listed finest first within each period.
 * The reader adds each batch to all of them in one transaction; a query sums whole months from the
 * smallest monthly table that keeps its groupings, and the days at the range's edges from a daily one.
 */
export interface ReportRollup {
  table:
    | 'report_buckets' | 'report_day_hours' | 'report_days' | 'report_site_days'
    | 'report_month_people_hours' | 'report_months' | 'report_month_hours' | 'report_month_site_hours' | 'report_month_weekdays';
  period: 'day' | 'month';
  /** Stored dimension columns (the period column included). */
  columns: readonly RollupColumn[];
  /** The primary key the upsert conflicts on (weekday follows from the day, so it is not in a daily key). */
  keys: readonly RollupColumn[];
  /** Groupings the table answers. */
  groupings: readonly ReportGrouping[];
}

export type RollupColumn = 'site_id' | 'day' | 'month' | 'hour' | 'weekday' | 'queue_id' | 'category_id' | 'technician_id';

const people = ['queue_id', 'category_id', 'technician_id'] as const;

export const reportRollups: readonly ReportRollup[] = [
  {
    table: 'report_buckets', period: 'day',
    columns: ['site_id', 'day', 'hour', 'weekday', ...people], keys: ['site_id', 'day', 'hour', ...people],
    groupings: ['site', 'queue', 'category', 'technician', 'day', 'hour', 'weekday'],
  },
  // Daily tables, largest first: a range's edge days come from the last one that keeps the groupings.
  { table: 'report_day_hours', period: 'day', columns: ['site_id', 'day', 'hour', 'weekday'], keys: ['site_id', 'day', 'hour'], groupings: ['site', 'day', 'hour', 'weekday'] },
  {
    table: 'report_days', period: 'day',
    columns: ['site_id', 'day', 'weekday', ...people], keys: ['site_id', 'day', ...people],
    groupings: ['site', 'queue', 'category', 'technician', 'day', 'weekday'],
  },
  { table: 'report_site_days', period: 'day', columns: ['site_id', 'day', 'weekday'], keys: ['site_id', 'day'], groupings: ['site', 'day', 'weekday'] },
  // Monthly tables, largest first: a query takes the last one that keeps its groupings.
  {
    table: 'report_month_people_hours', period: 'month',
    columns: ['site_id', 'month', 'hour', ...people], keys: ['site_id', 'month', ...people, 'hour'],
    groupings: ['site', 'queue', 'category', 'technician', 'hour'],
  },
  { table: 'report_months', period: 'month', columns: ['site_id', 'month', ...people], keys: ['site_id', 'month', ...people], groupings: ['site', 'queue', 'category', 'technician'] },
  { table: 'report_month_hours', period: 'month', columns: ['site_id', 'month', 'weekday', 'hour'], keys: ['site_id', 'month', 'weekday', 'hour'], groupings: ['site', 'weekday', 'hour'] },
  { table: 'report_month_site_hours', period: 'month', columns: ['site_id', 'month', 'hour'], keys: ['site_id', 'month', 'hour'], groupings: ['site', 'hour'] },
  { table: 'report_month_weekdays', period: 'month', columns: ['site_id', 'month', 'weekday'], keys: ['site_id', 'month', 'weekday'], groupings: ['site', 'weekday'] },
];

const covers = (rollup: ReportRollup, groupBy: readonly ReportGrouping[]) => groupBy.every((g) => rollup.groupings.includes(g));

/** The smallest daily table for the range's edges (or the whole range): hourly when grouped by hour, with people only when grouped by them too. */
export function dailyRollupFor(groupBy: readonly ReportGrouping[]): ReportRollup {
  return reportRollups.filter((r) => r.period === 'day' && covers(r, groupBy)).at(-1)!;
}

/** The smallest monthly table answering the groupings, or none (grouped by day, or by weekday and a person). */
export function monthlyRollupFor(groupBy: readonly ReportGrouping[]): ReportRollup | undefined {
  return reportRollups.filter((r) => r.period === 'month' && covers(r, groupBy)).at(-1);
}

const dayMs = 86_400_000;
const shiftDay = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);
const lastDayOfMonth = (month: string) => shiftDay(`${nextMonth(month)}-01`, -1);
function nextMonth(month: string): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  return monthNumber === 12 ? `${year + 1}-01` : `${year}-${String(monthNumber + 1).padStart(2, '0')}`;
}

/** One part of a range: a table, its period column and the inclusive bounds in that period. */
export interface RangePart {
  rollup: ReportRollup;
  from: string;
  to: string;
}

/**
 * Splits a from..to range of local days into the parts to sum: whole calendar months from a monthly
 * table, the days before the first and after the last whole month from a daily one. A range with no
 * whole month, or grouped by day, is one daily part. The sums are the same either way (same counters
 * and bins), only the number of rows read changes.
 */
export function planReportRange(range: { from: string; to: string }, groupBy: readonly ReportGrouping[]): RangePart[] {
  const daily = dailyRollupFor(groupBy);
  const monthly = monthlyRollupFor(groupBy);
  const firstMonth = range.from.endsWith('-01') ? range.from.slice(0, 7) : nextMonth(range.from.slice(0, 7));
  let lastMonth = range.to.slice(0, 7);
  if (lastDayOfMonth(lastMonth) !== range.to) lastMonth = monthBefore(lastMonth);
  if (!monthly || firstMonth > lastMonth) return [{ rollup: daily, ...range }];
  const parts: RangePart[] = [{ rollup: monthly, from: firstMonth, to: lastMonth }];
  const monthsStart = `${firstMonth}-01`;
  const monthsEnd = lastDayOfMonth(lastMonth);
  if (range.from < monthsStart) parts.push({ rollup: daily, from: range.from, to: shiftDay(monthsStart, -1) });
  if (range.to > monthsEnd) parts.push({ rollup: daily, from: shiftDay(monthsEnd, 1), to: range.to });
  return parts;
}

function monthBefore(month: string): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  return monthNumber === 1 ? `${year - 1}-12` : `${year}-${String(monthNumber - 1).padStart(2, '0')}`;
}

const monthsIn = (part: RangePart) => {
  const [fromYear, fromMonth] = part.from.split('-').map(Number) as [number, number];
  const [toYear, toMonth] = part.to.split('-').map(Number) as [number, number];
  return (toYear - fromYear) * 12 + toMonth - fromMonth + 1;
};
const daysIn = (part: RangePart) => (Date.parse(`${part.to}T00:00:00Z`) - Date.parse(`${part.from}T00:00:00Z`)) / dayMs + 1;

/** The most rows a part may read per site: a row per period and per weekday x hour cell its table keeps (a day has one weekday). People are not counted: per site and person for a grouping by a person. */
function cellsRead(part: RangePart): number {
  const { rollup } = part;
  const hours = rollup.columns.includes('hour') ? 24 : 1;
  if (rollup.period === 'day') return daysIn(part) * hours;
  return monthsIn(part) * hours * (rollup.columns.includes('weekday') ? 7 : 1);
}

/** A prefix-sums table (report-cumulative-hours.ts): running totals over days per site x cell. */
export interface CumulativeRollup {
  table: 'report_cumulative_hours' | 'report_cumulative_technician_hours';
  /** The cell's dimensions after site_id (its primary key is site_id, the cell, day). */
  cell: readonly RollupColumn[];
  groupings: readonly ReportGrouping[];
  /** Cells per site (per site and technician for technician x hour), each read with two seeks whatever the range. */
  cellsPerSite: number;
}

/** Smallest first: a grouping among site and hour reads the weekday x hour sums (168 cells a site, not 24 per technician). */
export const cumulativeRollups: readonly CumulativeRollup[] = [
  { table: 'report_cumulative_hours', cell: ['weekday', 'hour'], groupings: ['site', 'weekday', 'hour'], cellsPerSite: 7 * 24 },
  { table: 'report_cumulative_technician_hours', cell: ['technician_id', 'hour'], groupings: ['site', 'technician', 'hour'], cellsPerSite: 24 },
];

/**
 * Above this many rows per cell of the prefix sums, a range reads them. Measured on the benchmark's
 * year (2026-12-01) for weekday x hour: the prefix sums cost a fixed ~1 ms of CPU per site (168
 * seeks, two rows of 49 sums per open cell) plus the maximums from the other tables (~0.8 µs a row),
 * against ~3.7 µs a row of 49 sums on those tables, so they pay from about 325 rows a site: six months
 * of a site open 55 weekday x hour cells (a third of 168), or a month of edge days by hour (11 of 24
 * hours open). Four rows per cell (672 a site) sits between the two; near it both plans cost about
 * the same. For technician x hour the same four rows per cell (96 per site and technician) is taken
 * by analogy, the old plan's rows counted per technician (each is really one per queue x category
 * served, so it costs more than counted): a year (288) reads the prefix sums, a quarter (72) does not.
 */
export const cumulativeRowsPerCell = 4;

/**
 * The prefix sums a range is summed from, if any: the smallest table keeping the groupings, and only
 * when the monthly and daily tables would read more than `cumulativeRowsPerCell` rows per cell. So a
 * day, a few weeks, a quarter by weekday x hour, or whole months by hour or by weekday (a row per
 * month and hour, or weekday) stay on the other tables, which cost less there; half a year or more
 * by weekday x hour or by technician x hour, and ranges with a month of edge days by hour, go to the
 * prefix sums.
 */
export function cumulativeRollupFor(range: { from: string; to: string }, groupBy: readonly ReportGrouping[]): CumulativeRollup | undefined {
  const cumulative = cumulativeRollups.find((c) => groupBy.every((g) => c.groupings.includes(g)));
  if (!cumulative) return undefined;
  const rows = planReportRange(range, groupBy).reduce((total, part) => total + cellsRead(part), 0);
  return rows > cumulativeRowsPerCell * cumulative.cellsPerSite ? cumulative : undefined;
}
