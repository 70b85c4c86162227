import { durationBinCount } from '@walkup/domain';
import type { Kysely, Selectable } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { Database } from '../db/schema.ts';

/** Row types of the report tables (migration 2026-12-01T0700-manager-figures), kept beside their users. */
export type VisitOutcome = 'open' | 'resolved' | 'escalated' | 'no_show' | 'cancelled';

export interface ReportVisitsTable {
  visit_id: string;
  site_id: string;
  queue_id: string;
  category_id: string;
  technician_id: string | null;
  desk_id: string | null;
  ticket_number: string;
  day: string;
  hour: number;
  weekday: number;
  checked_in_at: string;
  called_at: string | null;
  started_at: string | null;
  ended_at: string | null;
  outcome: VisitOutcome;
  wait_seconds: number | null;
  service_seconds: number | null;
  transfers: number;
  estimate_seconds: number | null;
  feedback_score: number | null;
}

/** The summable counters of a bucket (bins are `wait_bin_N` / `service_bin_N`). */
export const bucketCounterColumns = [
  'visits', 'served', 'resolved', 'escalated', 'no_shows', 'cancelled', 'transfers',
  'wait_count', 'wait_sum', 'service_count', 'service_sum',
  'feedback_count', 'feedback_sum', 'feedback_unhappy', 'feedback_happy',
  'estimate_count', 'estimate_error_sum', 'estimate_absolute_error_sum', 'estimate_close',
] as const;
export const bucketMaximumColumns = ['wait_max', 'service_max'] as const;
const binColumns = Array.from({ length: durationBinCount }, (_, bin) => [`wait_bin_${bin}`, `service_bin_${bin}`]).flat();
/** Every column that adds up (counters and bins), unlike the maximums. */
export const summedBucketColumns: readonly string[] = [...bucketCounterColumns, ...binColumns];
export const bucketDimensionColumns = ['site_id', 'queue_id', 'category_id', 'technician_id', 'day', 'hour', 'weekday'] as const;

export type BucketCounterColumn = (typeof bucketCounterColumns)[number] | (typeof bucketMaximumColumns)[number] | `wait_bin_${number}` | `service_bin_${number}`;
export type ReportBucketsTable = { site_id: string; queue_id: string; category_id: string; technician_id: string; day: string; hour: number; weekday: number } & Record<BucketCounterColumn, number>;

export type ReportDaysTable = Omit<ReportBucketsTable, 'hour'>;
type Counters = Record<BucketCounterColumn, number>;
export type ReportDayHoursTable = { site_id: string; day: string; hour: number; weekday: number } & Counters;
export type ReportSiteDaysTable = { site_id: string; day: string; weekday: number } & Counters;
/** Monthly rollups (migration 2026-12-01T1000-report-month-rollups); `month` is `YYYY-MM`. */
export type ReportMonthsTable = { site_id: string; month: string; queue_id: string; category_id: string; technician_id: string } & Counters;
export type ReportMonthHoursTable = { site_id: string; month: string; weekday: number; hour: number } & Counters;
export type ReportMonthWeekdaysTable = { site_id: string; month: string; weekday: number } & Counters;
/** Migration 2026-12-01T1110-report-month-hour-rollups. */
export type ReportMonthSiteHoursTable = { site_id: string; month: string; hour: number } & Counters;
export type ReportMonthPeopleHoursTable = { site_id: string; month: string; queue_id: string; category_id: string; technician_id: string; hour: number } & Counters;
/** Prefix sums, migration 2026-12-01T1300-report-cumulative-hours: the counters and bins only (no maximums). */
export type ReportCumulativeHoursTable = { site_id: string; weekday: number; hour: number; day: string } & Omit<Counters, (typeof bucketMaximumColumns)[number]>;
/** Prefix sums per site x technician x hour, migration 2026-12-01T1500-report-cumulative-technician-hours. */
export type ReportCumulativeTechnicianHoursTable = { site_id: string; technician_id: string; hour: number; day: string } & Omit<Counters, (typeof bucketMaximumColumns)[number]>;

export interface SiteServiceTargetsTable {
  site_id: string;
  target_wait_seconds: number;
}

export interface AuthUserSitesTable {
  user_id: string;
  site_id: string;
}

export interface ReportTables {
  report_visits: ReportVisitsTable;
  report_buckets: ReportBucketsTable;
  report_days: ReportDaysTable;
  report_day_hours: ReportDayHoursTable;
  report_site_days: ReportSiteDaysTable;
  report_months: ReportMonthsTable;
  report_month_hours: ReportMonthHoursTable;
  report_month_weekdays: ReportMonthWeekdaysTable;
  report_month_site_hours: ReportMonthSiteHoursTable;
  report_month_people_hours: ReportMonthPeopleHoursTable;
  report_cumulative_hours: ReportCumulativeHoursTable;
  report_cumulative_technician_hours: ReportCumulativeTechnicianHoursTable;
  site_service_targets: SiteServiceTargetsTable;
  auth_user_sites: AuthUserSitesTable;
}

export type ReportDb = Kysely<Database & ReportTables>;
export type ReportVisitRow = Selectable<ReportVisitsTable>;

/** The same connection, typed with the report tables as well (the shared schema file stays the lead's). */
export function withReportTables(db: Db): ReportDb {
  return db as unknown as ReportDb;
}

/** What a site promises when it has not said: 10 minutes, the usual tech bar target. */
export const defaultTargetWaitSeconds = 600;
