import { sql, type CreateTableBuilder, type Kysely } from 'kysely';

// Frozen in time: this migration must never import application code.
const binCount = 15;
const summed = ['visits', 'served', 'resolved', 'escalated', 'no_shows', 'cancelled', 'transfers', 'wait_count', 'wait_sum', 'service_count', 'service_sum', 'feedback_count', 'feedback_sum', 'feedback_unhappy', 'feedback_happy', 'estimate_count', 'estimate_error_sum', 'estimate_absolute_error_sum', 'estimate_close'];
for (let bin = 0; bin < binCount; bin++) summed.push(`wait_bin_${bin}`, `service_bin_${bin}`);

/** A prefix-sums table: per site x cell (the dimension columns after site_id) x local day, running totals over days. */
export interface CumulativeTableShape {
  table: string;
  /** The cell's dimensions after site_id, with their column types. */
  cell: ReadonlyArray<readonly [name: string, type: 'text' | 'integer']>;
  /** The daily table keeping site, day and the cell's dimensions; summed over the others. */
  source: string;
}

/**
 * Prefix sums per site x weekday x hour: the row of a local day holds the totals of every day up
 * to it with the same site, weekday and hour, so a range grouped by site, weekday or hour reads two
 * rows per site x weekday x hour (the last on or before its end minus the last before its start)
 * however long it is, instead of a monthly row per month and a daily row per edge day. One row
 * where report_day_hours has one. The counters and bins only (maximums do not subtract), bigint like
 * the other report tables; filled from the existing report_day_hours with a running sum.
 */
const cumulativeHours: CumulativeTableShape = { table: 'report_cumulative_hours', cell: [['weekday', 'integer'], ['hour', 'integer']], source: 'report_day_hours' };

export async function up(db: Kysely<any>): Promise<void> {
  await createCumulativeTable(db, cumulativeHours);
}

/** Creates a prefix-sums table and fills it (also the next prefix-sums migration's way). */
export async function createCumulativeTable(db: Kysely<any>, shape: CumulativeTableShape): Promise<void> {
  let create: CreateTableBuilder<string, string> = db.schema.createTable(shape.table).addColumn('site_id', 'text', (c) => c.notNull());
  for (const [name, type] of shape.cell) create = create.addColumn(name, type, (c) => c.notNull());
  create = create.addColumn('day', 'text', (c) => c.notNull());
  for (const name of summed) create = create.addColumn(name, 'bigint', (c) => c.notNull().defaultTo(0));
  await create.addPrimaryKeyConstraint(`${shape.table}_pk`, ['site_id', ...shape.cell.map(([name]) => name), 'day']).execute();
  await fillCumulativeTable(db, shape);
}

/** The running sums of report_day_hours (also how the reports benchmark fills its generated year). */
export async function fillReportCumulativeHours(db: Kysely<any>): Promise<void> {
  await fillCumulativeTable(db, cumulativeHours);
}

/** Sums the source per site x cell x day (over the dimensions the table drops), then runs the sums over days. */
export async function fillCumulativeTable(db: Kysely<any>, shape: CumulativeTableShape): Promise<void> {
  const cell = ['site_id', ...shape.cell.map(([name]) => name)].map((c) => sql.ref(c));
  const dimensions = [...cell, sql.ref('day')];
  await sql`insert into ${sql.table(shape.table)} (${sql.join(dimensions)}, ${sql.join(summed.map((c) => sql.ref(c)))})
    select ${sql.join(dimensions)}, ${sql.join(summed.map((c) => sql`sum(sum(${sql.ref(c)})) over running`))}
    from ${sql.table(shape.source)} group by ${sql.join(dimensions)} window running as (partition by ${sql.join(cell)} order by day)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable(cumulativeHours.table).execute();
}
