import { sql, type Kysely } from 'kysely';

// Frozen in time: this migration must never import application code.
const binCount = 15;
const summed = ['visits', 'served', 'resolved', 'escalated', 'no_shows', 'cancelled', 'transfers', 'wait_count', 'wait_sum', 'service_count', 'service_sum', 'feedback_count', 'feedback_sum', 'feedback_unhappy', 'feedback_happy', 'estimate_count', 'estimate_error_sum', 'estimate_absolute_error_sum', 'estimate_close'];
for (let bin = 0; bin < binCount; bin++) summed.push(`wait_bin_${bin}`, `service_bin_${bin}`);

/**
 * Prefix sums per site x weekday x hour: the row of a local day holds the totals of every day up
 * to it with the same site, weekday and hour, so a range grouped by site, weekday or hour reads two
 * rows per site x weekday x hour (the last on or before its end minus the last before its start)
 * however long it is, instead of a monthly row per month and a daily row per edge day. One row
 * where report_day_hours has one. The counters and bins only (maximums do not subtract), bigint like
 * the other report tables; filled from the existing report_day_hours with a running sum.
 */
export async function up(db: Kysely<any>): Promise<void> {
  let create = db.schema
    .createTable('report_cumulative_hours')
    .addColumn('site_id', 'text', (c) => c.notNull())
    .addColumn('weekday', 'integer', (c) => c.notNull())
    .addColumn('hour', 'integer', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull());
  for (const name of summed) create = create.addColumn(name, 'bigint', (c) => c.notNull().defaultTo(0));
  await create.addPrimaryKeyConstraint('report_cumulative_hours_pk', ['site_id', 'weekday', 'hour', 'day']).execute();
  await fillReportCumulativeHours(db);
}

/** The running sums of report_day_hours (also how the reports benchmark fills its generated year). */
export async function fillReportCumulativeHours(db: Kysely<any>): Promise<void> {
  const dimensions = ['site_id', 'weekday', 'hour', 'day'].map((c) => sql.ref(c));
  await sql`insert into report_cumulative_hours (${sql.join(dimensions)}, ${sql.join(summed.map((c) => sql.ref(c)))})
    select ${sql.join(dimensions)}, ${sql.join(summed.map((c) => sql`sum(${sql.ref(c)}) over running`))}
    from report_day_hours window running as (partition by site_id, weekday, hour order by day)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('report_cumulative_hours').execute();
}
