import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Db } from '../db/connection.ts';
import { preparedQuery } from '../db/prepared-query.ts';
import { cumulativeRollups, type CumulativeRollup } from './report-rollups.ts';
import { summedBucketColumns, withReportTables } from './report-schema.ts';

/**
 * The prefix-sums tables (`cumulativeRollups`): `report_cumulative_hours` per site x weekday x hour
 * (migration 2026-12-01T1300-report-cumulative-hours) and `report_cumulative_technician_hours` per
 * site x technician x hour (2026-12-01T1500-report-cumulative-technician-hours). A row per cell x
 * local day holds the counters and bins of every day up to that one in the same cell. A range is
 * then, per cell, the last row on or before its end minus the last row before its start: two rows
 * whatever the range's length. Maximums do not subtract, so the tables have none (the query takes
 * them from the other tables).
 */

/** A batch's sums for one site x cell x local day (the reader's fold of its deltas). */
export type CumulativeDelta = Record<string, string | number>;

type CellDay = Record<string, string | number>;

/** The statements adding a delta to one table, built once with every summed column (a zero adds nothing), so SQLite reuses each prepared statement. */
function deltaStatements({ table, cell }: CumulativeRollup) {
  const keyColumns = ['site_id', ...cell];
  const sameCell = <Q extends { where: (...args: any[]) => Q }>(query: Q, placeholder: (name: string) => unknown): Q =>
    keyColumns.reduce((q, c) => q.where(c, '=', placeholder(c)), query);
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
      .select([...keyColumns, sql<string>`${placeholder('day')}`.as('day'), ...summedBucketColumns.map((c) => sql`${sql.ref(`${table}.${c}`)} + ${placeholder(c)}`.as(c))])
      // Qualified: the selected day (the new row's) is also named day, and ORDER BY would take that one.
      .where(`${table}.day`, '<', placeholder('day'))
      .orderBy(`${table}.day`, 'desc')
      .limit(1);
    return reports.insertInto(table).columns([...keyColumns, 'day', ...summedBucketColumns]).expression(lastEarlier);
  });
  const insertFirst = preparedQuery<CellDay, never>((db, placeholder) =>
    (db as unknown as Kysely<any>).insertInto(table).values(Object.fromEntries([...keyColumns, 'day', ...summedBucketColumns].map((c) => [c, placeholder(c)]))),
  );
  return { addToDayAndLater, insertFromLastEarlier, insertFirst };
}

const statements = new Map(cumulativeRollups.map((cumulative) => [cumulative.table, deltaStatements(cumulative)]));

/**
 * Adds one batch's deltas (folded per site x cell x day) to a prefix-sums table, each to its day's
 * row and to every later row of the same cell, so an event for an earlier day (late feedback, a visit
 * ending days later) leaves every later total exact. A missing day row is created as the last
 * earlier total (or zero) plus the delta. One statement per cell x day touched when the day's row
 * exists, two or three for a new day; only the rows from that day on are rewritten, which for the
 * live log are that day's.
 */
export async function addCumulativeDeltas(db: Db, cumulative: CumulativeRollup, deltas: readonly CumulativeDelta[]): Promise<void> {
  const { addToDayAndLater, insertFromLastEarlier, insertFirst } = statements.get(cumulative.table)!;
  for (const delta of deltas) {
    const values: CellDay = { site_id: String(delta.site_id), day: String(delta.day) };
    for (const c of cumulative.cell) values[c] = c === 'technician_id' ? String(delta[c]) : Number(delta[c]);
    for (const c of summedBucketColumns) values[c] = Number(delta[c] ?? 0);
    // Nothing to add: the cell already has its rows (a bucket is created by a delta that counts something).
    if (summedBucketColumns.every((c) => values[c] === 0)) continue;
    const rewritten = await addToDayAndLater(db, values);
    if (rewritten.rows.some((row) => row.day === values.day)) continue;
    const copied = await insertFromLastEarlier(db, values);
    if (Number(copied.numAffectedRows ?? 0) === 0) await insertFirst(db, values);
  }
}

const hours = `(values ${Array.from({ length: 24 }, (_, hour) => `(${hour})`).join(', ')})`;
const weekdayHours = `(values ${Array.from({ length: 7 * 24 }, (_, i) => `(${Math.floor(i / 24)}, ${i % 24})`).join(', ')})`;

/**
 * Every cell the sites may have, as rows (site_id, the cell's columns); most of them have no rows: a
 * seek that finds nothing. Weekday x hour: the 168 pairs. Technician x hour: each technician the
 * table holds for the site, found by skipping from one to the next on its primary key (a seek per
 * technician, not a scan of the site's rows), times the 24 hours.
 */
const cellsOf: Record<CumulativeRollup['table'], (sites: RawBuilder<unknown>) => RawBuilder<unknown>> = {
  report_cumulative_hours: (sites) =>
    sql`select sites.column1 as site_id, cells.column1 as weekday, cells.column2 as hour from ${sites} as sites cross join ${sql.raw(weekdayHours)} as cells`,
  report_cumulative_technician_hours: (sites) => {
    const nextTechnician = (site: string, after: RawBuilder<unknown> | undefined) =>
      sql`(select min(x.technician_id) from report_cumulative_technician_hours x where x.site_id = ${sql.raw(site)}${after ? sql` and x.technician_id > ${after}` : sql``})`;
    return sql`with recursive technicians(site_id, technician_id) as (
        select sites.column1, ${nextTechnician('sites.column1', undefined)} from ${sites} as sites
        union all
        select t.site_id, ${nextTechnician('t.site_id', sql.raw('t.technician_id'))} from technicians t where t.technician_id is not null
      )
      select t.site_id, t.technician_id, hours.column1 as hour from technicians t cross join ${sql.raw(hours)} as hours where t.technician_id is not null`;
  },
};

/**
 * The range's sums per site x cell, as rows carrying `groupColumns` (among site_id and the cell's
 * columns), every summed column and zero maximums, for the caller to group with the maximums' part.
 * Each bound is one seek of the primary key (a correlated max(day), which SQLite answers from the
 * index), then one row fetched per bound. SQLite only: PostgreSQL inlines the bounds and may run the
 * seek once per row of the table (a hash join), and even kept apart its seeks cost too much.
 */
export function cumulativePart(
  db: Db,
  cumulative: CumulativeRollup,
  filter: { siteIds: readonly string[]; from: string; to: string },
  groupColumns: readonly string[],
  maximumColumns: readonly string[],
) {
  const { table } = cumulative;
  const reports = withReportTables(db) as unknown as Kysely<any>;
  const keyColumns = ['site_id', ...cumulative.cell];
  const sites = sql`(values ${sql.join(filter.siteIds.map((id) => sql`(${id})`))})`;
  const sameCell = (alias: string) => sql.join(keyColumns.map((c) => sql`${sql.ref(`${alias}.${c}`)} = ${sql.ref(`cells.${c}`)}`), sql` and `);
  const lastDay = (comparison: '<=' | '<', bound: string) =>
    sql<string>`(select max(x.day) from ${sql.table(table)} x where ${sameCell('x')} and x.day ${sql.raw(comparison)} ${bound})`;
  const bounds = reports
    .selectFrom(sql`(${cellsOf[table](sites)})`.as('cells'))
    .select([...keyColumns.map((c) => sql.ref(`cells.${c}`).as(c)), lastDay('<=', filter.to).as('last_day'), lastDay('<', filter.from).as('before_day')]);
  const joinCell = (alias: string, day: string) => (join: any) =>
    keyColumns.reduce((j, c) => j.onRef(`${alias}.${c}`, '=', `g.${c}`), join).onRef(`${alias}.day`, '=', `g.${day}`);
  return reports
    .selectFrom(bounds.as('g'))
    .innerJoin(`${table} as e`, joinCell('e', 'last_day'))
    .leftJoin(`${table} as b`, joinCell('b', 'before_day'))
    .select([
      ...groupColumns.map((c) => sql.ref(`g.${c}`).as(c)),
      ...summedBucketColumns.map((c) => sql`${sql.ref(`e.${c}`)} - coalesce(${sql.ref(`b.${c}`)}, 0)`.as(c)),
      ...maximumColumns.map((c) => sql`0`.as(c)),
    ]);
}
