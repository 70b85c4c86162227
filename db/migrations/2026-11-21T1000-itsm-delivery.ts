import type { Kysely } from 'kysely';

// Frozen in time: this migration must never import application code.
export async function up(db: Kysely<any>): Promise<void> {
  // Per-visit delivery progress. The events themselves stay in the log; this row only says how far
  // the ITSM has been told (`delivered_event_id`) and when to try again, so waits survive restarts.
  await db.schema
    .createTable('itsm_deliveries')
    .addColumn('visit_id', 'text', (c) => c.primaryKey().references('visits.id'))
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
    .addColumn('target_event_id', 'integer', (c) => c.notNull())
    .addColumn('delivered_event_id', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    // Set before a create is sent and cleared once its outcome is recorded: when still set, the
    // outcome is unknown and the ticket must be looked up by correlation id before sending again.
    .addColumn('create_sent_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('itsm_deliveries_due').on('itsm_deliveries').columns(['state', 'next_attempt_at']).execute();

  // Last outcome per ITSM connection, for the health view (the breaker state itself is in memory).
  await db.schema
    .createTable('itsm_connection_status')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('vendor', 'text', (c) => c.notNull())
    .addColumn('last_success_at', 'text')
    .addColumn('last_failure_at', 'text')
    .addColumn('last_error', 'text')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('itsm_connection_status').execute();
  await db.schema.dropTable('itsm_deliveries').execute();
}
