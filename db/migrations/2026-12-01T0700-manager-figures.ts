import type { Kysely } from 'kysely';

// Frozen in time: this migration must never import application code.
const binCount = 15;

export async function up(db: Kysely<any>): Promise<void> {
  // Managers see the sites listed here (technicians see the sites of their queues, admins all).
  await db.schema
    .createTable('auth_user_sites')
    .addColumn('user_id', 'text', (c) => c.notNull().references('auth_users.id'))
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
    .addPrimaryKeyConstraint('auth_user_sites_pk', ['user_id', 'site_id'])
    .execute();

  // The wait a site promises its visitors: the live board's alert and the reports' default target.
  await db.schema
    .createTable('site_service_targets')
    .addColumn('site_id', 'text', (c) => c.primaryKey().references('sites.id'))
    .addColumn('target_wait_seconds', 'integer', (c) => c.notNull())
    .execute();

  // One row per visit, kept from the log by the report reader: what it needs between a visit's
  // events, and the visit-level export. No personal data here; it stays in `visits`.
  await db.schema
    .createTable('report_visits')
    .addColumn('visit_id', 'text', (c) => c.primaryKey())
    .addColumn('site_id', 'text', (c) => c.notNull())
    .addColumn('queue_id', 'text', (c) => c.notNull())
    .addColumn('category_id', 'text', (c) => c.notNull())
    .addColumn('technician_id', 'text')
    .addColumn('desk_id', 'text')
    .addColumn('ticket_number', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('hour', 'integer', (c) => c.notNull())
    .addColumn('weekday', 'integer', (c) => c.notNull())
    .addColumn('checked_in_at', 'text', (c) => c.notNull())
    .addColumn('called_at', 'text')
    .addColumn('started_at', 'text')
    .addColumn('ended_at', 'text')
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('wait_seconds', 'integer')
    .addColumn('service_seconds', 'integer')
    .addColumn('transfers', 'integer', (c) => c.notNull())
    .addColumn('estimate_seconds', 'integer')
    .addColumn('feedback_score', 'integer')
    .execute();
  await db.schema.createIndex('report_visits_site_day').on('report_visits').columns(['site_id', 'day']).execute();

  // Sums per site x queue x category x technician x local day x hour, counted when a visit ends
  // (feedback may arrive later and is added to the same bucket). Fixed duration bins let any
  // grouping derive medians and percentiles by summing. technician_id is '' when nobody served.
  let buckets = db.schema
    .createTable('report_buckets')
    .addColumn('site_id', 'text', (c) => c.notNull())
    .addColumn('queue_id', 'text', (c) => c.notNull())
    .addColumn('category_id', 'text', (c) => c.notNull())
    .addColumn('technician_id', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('hour', 'integer', (c) => c.notNull())
    .addColumn('weekday', 'integer', (c) => c.notNull());
  const counters = ['visits', 'served', 'resolved', 'escalated', 'no_shows', 'cancelled', 'transfers', 'wait_count', 'wait_sum', 'wait_max', 'service_count', 'service_sum', 'service_max', 'feedback_count', 'feedback_sum', 'feedback_unhappy', 'feedback_happy', 'estimate_count', 'estimate_error_sum', 'estimate_absolute_error_sum', 'estimate_close'];
  for (let bin = 0; bin < binCount; bin++) counters.push(`wait_bin_${bin}`, `service_bin_${bin}`);
  for (const name of counters) buckets = buckets.addColumn(name, 'integer', (c) => c.notNull().defaultTo(0));
  await buckets.addPrimaryKeyConstraint('report_buckets_pk', ['site_id', 'day', 'hour', 'queue_id', 'category_id', 'technician_id']).execute();

  // The same sums per day (no hour): reports not grouped by hour read eleven times fewer rows.
  let days = db.schema
    .createTable('report_days')
    .addColumn('site_id', 'text', (c) => c.notNull())
    .addColumn('queue_id', 'text', (c) => c.notNull())
    .addColumn('category_id', 'text', (c) => c.notNull())
    .addColumn('technician_id', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('weekday', 'integer', (c) => c.notNull());
  for (const name of counters) days = days.addColumn(name, 'integer', (c) => c.notNull().defaultTo(0));
  await days.addPrimaryKeyConstraint('report_days_pk', ['site_id', 'day', 'queue_id', 'category_id', 'technician_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('report_days').execute();
  await db.schema.dropTable('report_buckets').execute();
  await db.schema.dropTable('report_visits').execute();
  await db.schema.dropTable('site_service_targets').execute();
  await db.schema.dropTable('auth_user_sites').execute();
}
