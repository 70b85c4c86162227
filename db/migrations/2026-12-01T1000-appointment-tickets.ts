import type { Kysely } from 'kysely';

// Frozen in time: this migration must never import application code.
export async function up(db: Kysely<any>): Promise<void> {
  // The ITSM ticket of a booking made where tickets are created at booking. `visit_id` is reserved at
  // booking: the visit takes it at arrival, so the ticket's correlation id stays the same and the visit
  // finds (never re-creates) the ticket. The rest mirrors itsm_deliveries, for the time before arrival.
  await db.schema
    .createTable('appointment_tickets')
    .addColumn('appointment_id', 'text', (c) => c.primaryKey().references('appointments.id'))
    .addColumn('visit_id', 'text', (c) => c.notNull().unique())
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
    .addColumn('remote_id', 'text')
    .addColumn('ticket_number', 'text')
    .addColumn('ticket_url', 'text')
    // What the ITSM last heard ("booked@<start>", "cancelled@<start>"...): a change from it is due.
    .addColumn('told', 'text')
    // Set before a create is sent and cleared once its outcome is recorded (see itsm_deliveries).
    .addColumn('create_sent_at', 'text')
    // When the worker should look at the booking next; null when the ITSM is up to date.
    .addColumn('due_at', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .execute();
  await db.schema.createIndex('appointment_tickets_due').on('appointment_tickets').column('due_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('appointment_tickets').execute();
}
