import { sql, type Kysely } from 'kysely';

// Frozen in time: this migration must never import application code.
const binCount = 15;
const counters = ['visits', 'served', 'resolved', 'escalated', 'no_shows', 'cancelled', 'transfers', 'wait_count', 'wait_sum', 'wait_max', 'service_count', 'service_sum', 'service_max', 'feedback_count', 'feedback_sum', 'feedback_unhappy', 'feedback_happy', 'estimate_count', 'estimate_error_sum', 'estimate_absolute_error_sum', 'estimate_close'];
for (let bin = 0; bin < binCount; bin++) counters.push(`wait_bin_${bin}`, `service_bin_${bin}`);

/**
 * Monthly sums beside the daily ones, so a report over a year reads a few thousand rows instead of
 * hundreds of thousands: per site x month x queue x category x technician; per site x month x
 * weekday x hour; per site x month x weekday. And per site x day x hour and per site x day (no
 * people), so the days at the edges of a range do not read the rows of every technician. Same counters and bins as report_days (bigint: a month
 * of a busy site's waits in seconds may pass 2^31 on PostgreSQL). Filled from the existing buckets.
 */
const rollups = [
  { table: 'report_day_hours', text: ['site_id', 'day'], numbers: ['hour', 'weekday'] },
  { table: 'report_site_days', text: ['site_id', 'day'], numbers: ['weekday'] },
  { table: 'report_months', text: ['site_id', 'month', 'queue_id', 'category_id', 'technician_id'], numbers: [] as string[] },
  { table: 'report_month_hours', text: ['site_id', 'month'], numbers: ['weekday', 'hour'] },
  { table: 'report_month_weekdays', text: ['site_id', 'month'], numbers: ['weekday'] },
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const { table, text, numbers } of rollups) {
    let create = db.schema.createTable(table);
    for (const name of text) create = create.addColumn(name, 'text', (c) => c.notNull());
    for (const name of numbers) create = create.addColumn(name, 'integer', (c) => c.notNull());
    for (const name of counters) create = create.addColumn(name, 'bigint', (c) => c.notNull().defaultTo(0));
    // weekday follows from the day: not part of a daily key.
    const keys = [...text, ...numbers].filter((c) => c !== 'weekday' || !text.includes('day'));
    await create.addPrimaryKeyConstraint(`${table}_pk`, keys as never).execute();
    const dimensions = [...text, ...numbers];
    const source = dimensions.includes('hour') ? 'report_buckets' : 'report_days';
    const selected = dimensions.map((c) => (c === 'month' ? sql`substr(day, 1, 7)` : sql.ref(c)));
    const sums = counters.map((c) => (c.endsWith('_max') ? sql`max(${sql.ref(c)})` : sql`sum(${sql.ref(c)})`));
    await sql`insert into ${sql.table(table)} (${sql.join(dimensions.map((c) => sql.ref(c)))}, ${sql.join(counters.map((c) => sql.ref(c)))})
      select ${sql.join(selected)}, ${sql.join(sums)} from ${sql.table(source)} group by ${sql.join(selected)}`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const { table } of [...rollups].reverse()) await db.schema.dropTable(table).execute();
}
