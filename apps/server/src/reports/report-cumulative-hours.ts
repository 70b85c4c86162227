import { sql, type Kysely } from 'kysely';
import type { Db } from '../db/connection.ts';
import { preparedQuery } from '../db/prepared-query.ts';
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

type CellDay = { site_id: string; weekday: number; hour: number; day: string } & Record<string, string | number>;
const sameCell = <Q extends { where: (...args: any[]) => Q }>(query: Q, placeholder: (name: string) => unknown): Q =>
  query.where('site_id', '=', placeholder('site_id')).where('weekday', '=', placeholder('weekday')).where('hour', '=', placeholder('hour'));

// Built once with every summed column (a zero adds nothing), so SQLite reuses each prepared statement.
const addToDayAndLater = preparedQuery<CellDay, { day: string }>((db, placeholder) =>
  sameCell(
    (db as unknown as Kysely<any>).updateTable(table).set(Object.fromEntries(summedBucketColumns.map((c) => [c, sql`${sql.ref(c)} + ${placeholder(c)}`]))),
    placeholder,
  )
    .where('day', '>=', placeholder('day'))
    .returning('day'),
);
const insertFromLastEarlier = preparedQuery<CellDay, never>((db, placeholder) => {
  const reports = db as unknown as Kysely<any>;
  const lastEarlier = sameCell(reports.selectFrom(table), placeholder)
    .select(['site_id', 'weekday', 'hour', sql<string>`${placeholder('day')}`.as('day'), ...summedBucketColumns.map((c) => sql`${sql.ref(`${table}.${c}`)} + ${placeholder(c)}`.as(c))])
    // Qualified: the selected day (the new row's) is also named day, and ORDER BY would take that one.
    .where(`${table}.day`, '<', placeholder('day'))
    .orderBy(`${table}.day`, 'desc')
    .limit(1);
  return reports.insertInto(table).columns(['site_id', 'weekday', 'hour', 'day', ...summedBucketColumns]).expression(lastEarlier);
});
const insertFirst = preparedQuery<CellDay, never>((db, placeholder) =>
  (db as unknown as Kysely<any>)
    .insertInto(table)
    .values(Object.fromEntries(['site_id', 'weekday', 'hour', 'day', ...summedBucketColumns].map((c) => [c, placeholder(c)]))),
);

/**
 * Adds one batch's deltas, each to its day's row and to every later row of the same site, weekday and
 * hour, so an event for an earlier day (late feedback, a visit ending days later) leaves every later
 * total exact. A missing day row is created as the last earlier total (or zero) plus the delta. One
 * statement per site x day x hour touched when the day's row exists, two or three for a new day; only
 * the rows from that day on are rewritten, which for the live log are that day's.
 */
export async function addCumulativeHourDeltas(db: Db, deltas: readonly DayHourDelta[]): Promise<void> {
  for (const delta of deltas) {
    const values = { site_id: String(delta.site_id), weekday: Number(delta.weekday), hour: Number(delta.hour), day: String(delta.day) } as CellDay;
    for (const c of summedBucketColumns) values[c] = Number(delta[c] ?? 0);
    // Nothing to add: the cell already has its rows (a bucket is created by a delta that counts something).
    if (summedBucketColumns.every((c) => values[c] === 0)) continue;
    const rewritten = await addToDayAndLater(db, values);
    if (rewritten.rows.some((row) => row.day === values.day)) continue;
    const copied = await insertFromLastEarlier(db, values);
    if (Number(copied.numAffectedRows ?? 0) === 0) await insertFirst(db, values);
  }
}

/** Every weekday x hour a site may have, as a VALUES list (most have no rows: a seek that finds nothing). */
const weekdayHours = sql.raw(`(values ${Array.from({ length: 7 * 24 }, (_, i) => `(${Math.floor(i / 24)}, ${i % 24})`).join(', ')})`);

/**
 * The range's sums per site x weekday x hour, as rows carrying `groupColumns` (among site_id, weekday,
 * hour), every summed column and zero maximums, for the caller to group with the maximums' part.
 * Each bound is one seek of the primary key (a correlated max(day), which SQLite answers from the
 * index), then one row fetched per bound. SQLite only: PostgreSQL inlines the bounds and may run the
 * seek once per row of the table (a hash join), and even kept apart its seeks cost too much.
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
