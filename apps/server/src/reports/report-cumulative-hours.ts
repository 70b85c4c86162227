import { sql, type Kysely } from 'kysely';
import type { Db } from '../db/connection.ts';
import { summedBucketColumns, withReportTables } from './report-schema.ts';

/**
 * `report_cumulative_hours` (migration 2026-12-01T1300-report-cumulative-hours): per site x weekday x
 * hour x local day, the counters and bins of every day up to that one with the same site, weekday and
 * hour (prefix sums). A range is then, per site x weekday x hour, the last row on or before its end
 * minus the last row before its start: two rows whatever the range's length. Maximums do not
 * subtract, so the table has none (the query takes them from the other tables).
 */
const table = 'report_cumulative_hours';

/** A batch's sums for one site x local day x hour (the fold the reader makes for report_day_hours). */
export type DayHourDelta = Record<string, string | number>;

/**
 * Adds one batch's deltas, each to its day's row and to every later row of the same site, weekday and
 * hour, so an event for an earlier day (late feedback, a visit ending days later) leaves every later
 * total exact. A missing day row is first created from the last earlier total (or zeros). Costs a few
 * statements per site x day x hour touched, and the later rows rewritten are only those after that day.
 */
export async function addCumulativeHourDeltas(db: Db, deltas: readonly DayHourDelta[]): Promise<void> {
  const reports = db as unknown as Kysely<any>;
  for (const delta of deltas) {
    const { site_id: siteId, weekday, hour, day } = delta;
    const cell = { site_id: siteId, weekday, hour };
    await reports
      .insertInto(table)
      .columns(['site_id', 'weekday', 'hour', 'day', ...summedBucketColumns])
      .expression(
        reports
          .selectFrom(table)
          .select(['site_id', 'weekday', 'hour', sql<string>`${day}`.as('day'), ...summedBucketColumns])
          .where('site_id', '=', siteId)
          .where('weekday', '=', weekday)
          .where('hour', '=', hour)
          // Qualified: the selected day (the new row's) is also named day, and ORDER BY would take that one.
          .where(`${table}.day`, '<', day)
          .orderBy(`${table}.day`, 'desc')
          .limit(1),
      )
      .onConflict((oc) => oc.doNothing())
      .execute();
    await reports.insertInto(table).values({ ...cell, day }).onConflict((oc) => oc.doNothing()).execute();
    const added = summedBucketColumns.filter((c) => Number(delta[c] ?? 0) !== 0);
    if (added.length === 0) continue;
    await reports
      .updateTable(table)
      .set(Object.fromEntries(added.map((c) => [c, sql`${sql.ref(c)} + ${Number(delta[c])}`])))
      .where('site_id', '=', siteId)
      .where('weekday', '=', weekday)
      .where('hour', '=', hour)
      .where('day', '>=', day)
      .execute();
  }
}

/** Every weekday x hour a site may have, as a VALUES list (most have no rows: a seek that finds nothing). */
const weekdayHours = sql.raw(`(values ${Array.from({ length: 7 * 24 }, (_, i) => `(${Math.floor(i / 24)}, ${i % 24})`).join(', ')})`);

/**
 * The range's sums per site x weekday x hour, as rows carrying `groupColumns` (among site_id, weekday,
 * hour), every summed column and zero maximums, for the caller to group with the maximums' part.
 * Each bound is one seek of the primary key (a correlated max(day), which SQLite and PostgreSQL both
 * answer from the index), then one row fetched per bound.
 */
export function cumulativeHoursPart(db: Db, filter: { siteIds: readonly string[]; from: string; to: string }, groupColumns: readonly string[], maximumColumns: readonly string[]) {
  const reports = withReportTables(db) as unknown as Kysely<any>;
  const sites = sql`(values ${sql.join(filter.siteIds.map((id) => sql`(${id})`))})`;
  const lastDay = (comparison: '<=' | '<', bound: string) =>
    sql<string>`(select max(x.day) from ${sql.table(table)} x where x.site_id = sites.column1 and x.weekday = cells.column1 and x.hour = cells.column2 and x.day ${sql.raw(comparison)} ${bound})`;
  const bounds = reports
    .selectFrom(sites.as('sites'))
    .crossJoin(weekdayHours.as('cells'))
    .select([
      sql.ref('sites.column1').as('site_id'),
      sql.ref('cells.column1').as('weekday'),
      sql.ref('cells.column2').as('hour'),
      lastDay('<=', filter.to).as('last_day'),
      lastDay('<', filter.from).as('before_day'),
    ]);
  return reports
    .selectFrom(bounds.as('g'))
    .innerJoin(`${table} as e`, (join) => join.onRef('e.site_id', '=', 'g.site_id').onRef('e.weekday', '=', 'g.weekday').onRef('e.hour', '=', 'g.hour').onRef('e.day', '=', 'g.last_day'))
    .leftJoin(`${table} as b`, (join) => join.onRef('b.site_id', '=', 'g.site_id').onRef('b.weekday', '=', 'g.weekday').onRef('b.hour', '=', 'g.hour').onRef('b.day', '=', 'g.before_day'))
    .select([
      ...groupColumns.map((c) => sql.ref(`g.${c}`).as(c)),
      ...summedBucketColumns.map((c) => sql`${sql.ref(`e.${c}`)} - coalesce(${sql.ref(`b.${c}`)}, 0)`.as(c)),
      ...maximumColumns.map((c) => sql`0`.as(c)),
    ]);
}
