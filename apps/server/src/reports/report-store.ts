import type { SiteEvent } from '@walkup/domain';
import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';
import { toSiteEvent } from '../queries/events.ts';
import { bucketMaximumColumns, summedBucketColumns, withReportTables, type ReportVisitRow } from './report-schema.ts';
import { cumulativeRollups, reportRollups, type ReportRollup } from './report-rollups.ts';
import type { BucketDelta } from './report-visit-events.ts';
import { addCumulativeDeltas } from './report-cumulative-hours.ts';

/** Queries of the report reader. Plain functions taking the connection (or transaction) first. */

export async function listEventsAfterId(db: Db, afterId: number, limit: number): Promise<Array<SiteEvent & { id: number }>> {
  const rows = await db.selectFrom('events').selectAll().where('id', '>', afterId).orderBy('id').limit(limit).execute();
  return rows.map((row) => ({ ...toSiteEvent(row), id: row.id }));
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export async function loadReportVisits(db: Db, visitIds: readonly string[]): Promise<ReportVisitRow[]> {
  const rows: ReportVisitRow[] = [];
  for (const part of chunks(visitIds, 500)) rows.push(...(await withReportTables(db).selectFrom('report_visits').selectAll().where('visit_id', 'in', part).execute()));
  return rows;
}

export async function loadJoinEstimates(db: Db, visitIds: readonly string[]): Promise<Map<string, number | null>> {
  const estimates = new Map<string, number | null>();
  for (const part of chunks(visitIds, 500)) {
    const rows = await db.selectFrom('visits').select(['id', 'estimate_at_join_seconds']).where('id', 'in', part).execute();
    for (const row of rows) estimates.set(row.id, row.estimate_at_join_seconds);
  }
  return estimates;
}

export async function listSiteTimeZones(db: Db): Promise<Map<string, string>> {
  const rows = await db.selectFrom('sites').select(['id', 'time_zone']).execute();
  return new Map(rows.map((row) => [row.id, row.time_zone]));
}

const visitColumns = ['site_id', 'queue_id', 'category_id', 'technician_id', 'desk_id', 'ticket_number', 'day', 'hour', 'weekday', 'checked_in_at', 'called_at', 'started_at', 'ended_at', 'outcome', 'wait_seconds', 'service_seconds', 'transfers', 'estimate_seconds', 'feedback_score'] as const;

export async function saveReportVisits(db: Db, rows: readonly ReportVisitRow[]): Promise<void> {
  for (const part of chunks(rows, 400)) {
    await withReportTables(db)
      .insertInto('report_visits')
      .values(part)
      .onConflict((oc) => oc.column('visit_id').doUpdateSet((eb) => Object.fromEntries(visitColumns.map((c) => [c, eb.ref(`excluded.${c}`)]))))
      .execute();
  }
}

function completeRow(delta: BucketDelta): Record<string, string | number> {
  const row: Record<string, string | number> = { ...delta };
  for (const column of [...summedBucketColumns, ...bucketMaximumColumns]) row[column] ??= 0;
  return row;
}

async function upsertSums(db: Db, table: ReportRollup['table'], keys: readonly string[], rows: Array<Record<string, string | number>>): Promise<void> {
  for (const part of chunks(rows, 120)) {
    await withReportTables(db)
      .insertInto(table)
      .values(part as never)
      .onConflict((oc) =>
        oc.columns(keys as never).doUpdateSet(() => ({
          ...Object.fromEntries(summedBucketColumns.map((c) => [c, sql`${sql.ref(`${table}.${c}`)} + ${sql.ref(`excluded.${c}`)}`])),
          ...Object.fromEntries(
            bucketMaximumColumns.map((c) => [c, sql`case when ${sql.ref(`excluded.${c}`)} > ${sql.ref(`${table}.${c}`)} then ${sql.ref(`excluded.${c}`)} else ${sql.ref(`${table}.${c}`)} end`]),
          ),
        }) as never),
      )
      .execute();
  }
}

/** Folds the hourly deltas into one row per key of a rollup (same sums, maximum of maximums). */
function foldDeltas(rollup: Pick<ReportRollup, 'columns' | 'keys'>, deltas: readonly BucketDelta[]): Array<Record<string, string | number>> {
  const rows = new Map<string, Record<string, string | number>>();
  for (const delta of deltas) {
    const complete = completeRow(delta);
    const row: Record<string, string | number> = {};
    for (const column of rollup.columns) row[column] = column === 'month' ? delta.day.slice(0, 7) : complete[column]!;
    const key = rollup.keys.map((column) => row[column]).join('|');
    const existing = rows.get(key);
    if (!existing) {
      for (const column of [...summedBucketColumns, ...bucketMaximumColumns]) row[column] = complete[column]!;
      rows.set(key, row);
      continue;
    }
    for (const column of summedBucketColumns) existing[column] = Number(existing[column]) + Number(complete[column]);
    for (const column of bucketMaximumColumns) existing[column] = Math.max(Number(existing[column]), Number(complete[column]));
  }
  return [...rows.values()];
}

/**
 * Adds the batch's deltas to every summed table (hourly, daily, monthly): upserts adding each counter
 * and keeping the maximums; and the sums per site x cell x day to the prefix sums of that day and after.
 */
export async function addBucketDeltas(db: Db, deltas: readonly BucketDelta[]): Promise<void> {
  for (const rollup of reportRollups) await upsertSums(db, rollup.table, rollup.keys, foldDeltas(rollup, deltas));
  for (const cumulative of cumulativeRollups) {
    const columns = ['site_id', ...cumulative.cell, 'day'] as const;
    await addCumulativeDeltas(db, cumulative, foldDeltas({ columns, keys: columns }, deltas));
  }
}

/** Empties the report tables and their cursor, so the reader counts the whole log again. */
export async function clearReports(db: Db, cursorName: string): Promise<void> {
  const reports = withReportTables(db);
  for (const rollup of reportRollups) await reports.deleteFrom(rollup.table).execute();
  for (const cumulative of cumulativeRollups) await reports.deleteFrom(cumulative.table).execute();
  await reports.deleteFrom('report_visits').execute();
  await db.deleteFrom('reader_cursors').where('name', '=', cursorName).execute();
}
