import { durationBinCount, type BucketTotals } from '@walkup/domain';
import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';
import { isPostgres } from '../db/postgres-connection.ts';
import { cumulativePart } from './report-cumulative-hours.ts';
import { cumulativeRollupFor, planReportRange } from './report-rollups.ts';
import { summedBucketColumns, withReportTables } from './report-schema.ts';

/** What reports group by; `day` is the site's local calendar day. */
export const reportGroupings = ['site', 'queue', 'category', 'technician', 'day', 'hour', 'weekday'] as const;
export type ReportGrouping = (typeof reportGroupings)[number];

const columnOf = { site: 'site_id', queue: 'queue_id', category: 'category_id', technician: 'technician_id', day: 'day', hour: 'hour', weekday: 'weekday' } as const;

export interface ReportGroupKey {
  site?: string;
  queue?: string;
  category?: string;
  technician?: string;
  day?: string;
  hour?: number;
  weekday?: number;
}

const bins = (prefix: string) => Array.from({ length: durationBinCount }, (_, bin) => `${prefix}_bin_${bin}`);
const summed = {
  visits: 'visits', served: 'served', resolved: 'resolved', escalated: 'escalated', noShows: 'no_shows', cancelled: 'cancelled', transfers: 'transfers',
  waitCount: 'wait_count', waitSum: 'wait_sum', serviceCount: 'service_count', serviceSum: 'service_sum',
  feedbackCount: 'feedback_count', feedbackSum: 'feedback_sum', feedbackUnhappy: 'feedback_unhappy', feedbackHappy: 'feedback_happy',
  estimateCount: 'estimate_count', estimateErrorSum: 'estimate_error_sum', estimateAbsoluteErrorSum: 'estimate_absolute_error_sum', estimateClose: 'estimate_close',
} as const;

// In the order of summedBucketColumns, which the prefix sums' part selects: the parts are added up by position.
const summedColumns = summedBucketColumns;
const maximumColumns = ['wait_max', 'service_max'];

/**
 * Sums the report tables for the given sites and local days, grouped as asked. Everything is summed
 * in SQL: whole months from the smallest monthly table keeping the groupings, the days at the edges
 * from the daily (or hourly) table (`planReportRange`), each part grouped, then the parts added
 * together. A year of 100 sites is a few thousand monthly rows. Grouped among site, weekday and hour,
 * or among site, technician and hour, over a long range (`cumulativeRollupFor`), on SQLite, the
 * counters come from the prefix sums instead (two rows per site x weekday x hour, or per site x
 * technician x hour) and those parts only give the maximums, which do not subtract.
 */
export async function sumReportBuckets(
  db: Db,
  filter: { siteIds: readonly string[]; from: string; to: string },
  groupBy: readonly ReportGrouping[],
): Promise<Array<{ key: ReportGroupKey; totals: BucketTotals }>> {
  if (filter.siteIds.length === 0) return [];
  const groupColumns = groupBy.map((g) => columnOf[g]);
  // SQLite only: PostgreSQL runs each of the seeks per cell as a subplan costing 10-20 times
  // SQLite's, and measured slower that way than its plain plan (docs/manager-figures.md).
  const cumulative = isPostgres(db) ? undefined : cumulativeRollupFor(filter, groupBy);
  // The same selection sums each part and then adds the parts together (sums of sums, maximum of maximums).
  const sums = [
    ...groupColumns.map((c) => sql.ref(c)),
    ...summedColumns.map((c) => sql`sum(${sql.ref(c)})`.as(c)),
    ...maximumColumns.map((c) => sql`max(${sql.ref(c)})`.as(c)),
  ];
  // With the prefix sums, the other parts only read the maximums (49 sums fewer per row read).
  const partSelection = cumulative ? [...groupColumns.map((c) => sql.ref(c)), ...summedColumns.map((c) => sql`0`.as(c)), ...maximumColumns.map((c) => sql`max(${sql.ref(c)})`.as(c))] : sums;
  const parts = planReportRange(filter, groupBy).map(({ rollup, from, to }) => {
    const period = rollup.period;
    let part = withReportTables(db)
      .selectFrom(rollup.table as 'report_days')
      .select(partSelection as never)
      .where('site_id', 'in', [...filter.siteIds])
      .where(period as 'day', '>=', from)
      .where(period as 'day', '<=', to);
    for (const column of groupColumns) part = part.groupBy(column as 'day');
    return part;
  });
  if (cumulative) parts.unshift(cumulativePart(db, cumulative, filter, groupColumns, maximumColumns) as never);
  const union = parts.slice(1).reduce((all, part) => all.unionAll(part), parts[0]!);
  let query = withReportTables(db)
    .selectFrom(union.as('parts') as never)
    .select(sums as never);
  for (const column of groupColumns) query = query.groupBy(column as never).orderBy(column as never);
  const rows = (await query.execute()) as Array<Record<string, string | number | null>>;
  const number = (value: string | number | null | undefined) => Number(value ?? 0);
  return rows
    .filter((row) => number(row.visits) > 0 || number(row.feedback_count) > 0)
    .map((row) => {
      const key: ReportGroupKey = {};
      for (const grouping of groupBy) {
        const value = row[columnOf[grouping]];
        (key as Record<string, unknown>)[grouping] = grouping === 'hour' || grouping === 'weekday' ? number(value) : String(value ?? '');
      }
      const totals = Object.fromEntries(Object.entries(summed).map(([name, column]) => [name, number(row[column])])) as unknown as BucketTotals;
      totals.waitBins = bins('wait').map((c) => number(row[c]));
      totals.serviceBins = bins('service').map((c) => number(row[c]));
      totals.waitMax = number(row.wait_max);
      totals.serviceMax = number(row.service_max);
      return { key, totals };
    });
}

export interface VisitExportRow {
  visitId: string;
  siteId: string;
  ticketNumber: string;
  queueId: string;
  categoryId: string;
  technicianId: string | null;
  deskId: string | null;
  day: string;
  checkedInAt: string;
  calledAt: string | null;
  startedAt: string | null;
  endedAt: string | null;
  outcome: string;
  waitSeconds: number | null;
  serviceSeconds: number | null;
  transfers: number;
  estimateSeconds: number | null;
  feedbackScore: number | null;
  visitorName: string | null;
  visitorEmail: string | null;
}

/**
 * The visits of the given sites and local days, in check-in order, with the visitor's name and
 * e-mail as the visit row holds them now: null once anonymised, so an export never brings them back.
 */
export async function listReportVisits(db: Db, filter: { siteIds: readonly string[]; from: string; to: string }, limit: number): Promise<VisitExportRow[]> {
  if (filter.siteIds.length === 0) return [];
  const rows = await withReportTables(db)
    .selectFrom('report_visits')
    .leftJoin('visits', 'visits.id', 'report_visits.visit_id')
    .selectAll('report_visits')
    .select(['visits.visitor_name', 'visits.visitor_email'])
    .where('report_visits.site_id', 'in', [...filter.siteIds])
    .where('report_visits.day', '>=', filter.from)
    .where('report_visits.day', '<=', filter.to)
    .orderBy('report_visits.checked_in_at')
    .orderBy('report_visits.visit_id')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    visitId: row.visit_id,
    siteId: row.site_id,
    ticketNumber: row.ticket_number,
    queueId: row.queue_id,
    categoryId: row.category_id,
    technicianId: row.technician_id,
    deskId: row.desk_id,
    day: row.day,
    checkedInAt: row.checked_in_at,
    calledAt: row.called_at,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    outcome: row.outcome,
    waitSeconds: row.wait_seconds,
    serviceSeconds: row.service_seconds,
    transfers: row.transfers,
    estimateSeconds: row.estimate_seconds,
    feedbackScore: row.feedback_score,
    visitorName: row.visitor_name ?? null,
    visitorEmail: row.visitor_email ?? null,
  }));
}

export async function readTargetWaitSeconds(db: Db, siteId: string): Promise<number | null> {
  const row = await withReportTables(db).selectFrom('site_service_targets').select('target_wait_seconds').where('site_id', '=', siteId).executeTakeFirst();
  return row?.target_wait_seconds ?? null;
}
