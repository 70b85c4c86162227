import { sql, type Kysely } from 'kysely';

// Frozen in time: this migration must never import application code.
const binCount = 15;
const counters = ['visits', 'served', 'resolved', 'escalated', 'no_shows', 'cancelled', 'transfers', 'wait_count', 'wait_sum', 'wait_max', 'service_count', 'service_sum', 'service_max', 'feedback_count', 'feedback_sum', 'feedback_unhappy', 'feedback_happy', 'estimate_count', 'estimate_error_sum', 'estimate_absolute_error_sum', 'estimate_close'];
for (let bin = 0; bin < binCount; bin++) counters.push(`wait_bin_${bin}`, `service_bin_${bin}`);

/**
 * Two more monthly sums, so a year grouped by hour reads one row per site x month x hour (not 7, one
 * per weekday, from report_month_hours), and a year grouped by technician (queue, category) x hour
 * reads monthly rows instead of every hourly bucket: per site x month x hour, and per site x month x
 * queue x category x technician x hour. Same counters and bins as the other rollups (bigint), filled
 * from the existing hourly buckets.
 */
const rollups = [
  { table: 'report_month_site_hours', text: ['site_id', 'month'], numbers: ['hour'] },
  { table: 'report_month_people_hours', text: ['site_id', 'month', 'queue_id', 'category_id', 'technician_id'], numbers: ['hour'] },
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const { table, text, numbers } of rollups) {
    let create = db.schema.createTable(table);
    for (const name of text) create = create.addColumn(name, 'text', (c) => c.notNull());
    for (const name of numbers) create = create.addColumn(name, 'integer', (c) => c.notNull());
    for (const name of counters) create = create.addColumn(name, 'bigint', (c) => c.notNull().defaultTo(0));
    const dimensions = [...text, ...numbers];
    await create.addPrimaryKeyConstraint(`${table}_pk`, dimensions as never).execute();
    const selected = dimensions.map((c) => (c === 'month' ? sql`substr(day, 1, 7)` : sql.ref(c)));
    const sums = counters.map((c) => (c.endsWith('_max') ? sql`max(${sql.ref(c)})` : sql`sum(${sql.ref(c)})`));
    await sql`insert into ${sql.table(table)} (${sql.join(dimensions.map((c) => sql.ref(c)))}, ${sql.join(counters.map((c) => sql.ref(c)))})
      select ${sql.join(selected)}, ${sql.join(sums)} from report_buckets group by ${sql.join(selected)}`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const { table } of [...rollups].reverse()) await db.schema.dropTable(table).execute();
}
