import type { Kysely } from 'kysely';

// Frozen in time: this migration must never import application code.
export async function up(db: Kysely<any>): Promise<void> {
  // Booking rules of a site; a site without a row offers no appointments.
  await db.schema
    .createTable('appointment_settings')
    .addColumn('site_id', 'text', (c) => c.primaryKey().references('sites.id'))
    .addColumn('book_ahead_days', 'integer', (c) => c.notNull().defaultTo(14))
    .addColumn('cutoff_minutes', 'integer', (c) => c.notNull().defaultTo(60))
    .addColumn('late_grace_seconds', 'integer', (c) => c.notNull().defaultTo(600))
    .addColumn('max_advance_seconds', 'integer', (c) => c.notNull().defaultTo(1800))
    .addColumn('reminder_minutes', 'integer', (c) => c.notNull().defaultTo(60))
    // 'booking' or 'arrival': when the ITSM ticket of an appointment is created.
    .addColumn('itsm_ticket_at', 'text', (c) => c.notNull().defaultTo('arrival'))
    .execute();

  // Appointments each clock hour offers, per queue.
  await db.schema
    .createTable('appointment_capacity')
    .addColumn('queue_id', 'text', (c) => c.primaryKey().references('queues.id'))
    .addColumn('per_hour', 'integer', (c) => c.notNull())
    .execute();

  // Slot length of a category when it differs from its expected service time.
  await db.schema.alterTable('categories').addColumn('appointment_minutes', 'integer').execute();

  await db.schema
    .createTable('appointments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
    .addColumn('queue_id', 'text', (c) => c.notNull().references('queues.id'))
    .addColumn('category_id', 'text', (c) => c.notNull().references('categories.id'))
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    // The slot's local clock hour and the place taken in it: unique while the booking holds, so two
    // people taking the last place at once cannot both win, on SQLite and PostgreSQL alike. A
    // cancelled booking gives its place back by clearing it.
    .addColumn('hour_key', 'text', (c) => c.notNull())
    .addColumn('place', 'integer')
    // booked, arrived, cancelled, no_show, late (arrived after the grace: served as a walk-in)
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('visitor_name', 'text')
    .addColumn('visitor_email', 'text')
    .addColumn('visitor_employee_id', 'text')
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('booked_by', 'text', (c) => c.notNull())
    // The manage link's token is kept as a hash only; the check-in code is a booking reference (as on
    // a plane ticket) that the reminder repeats, so it is kept as is: it can only check the person in.
    .addColumn('manage_token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('check_in_code', 'text', (c) => c.notNull().unique())
    .addColumn('visit_id', 'text')
    .addColumn('reminder_sent_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('appointments_place').unique().on('appointments').columns(['queue_id', 'hour_key', 'place']).execute();
  await db.schema.createIndex('appointments_site_start').on('appointments').columns(['site_id', 'starts_at']).execute();

  // A self-booking waits here until the person opens the one-time link sent to their email: that is
  // how an employee without an account proves the address is theirs. Only the link's hash is kept.
  await db.schema
    .createTable('appointment_requests')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
    .addColumn('category_id', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('visitor_name', 'text', (c) => c.notNull())
    .addColumn('visitor_email', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();

  // Where a visit stands in the call order when not at its check-in time (an appointment), and which
  // booking it came from.
  await db.schema.alterTable('visits').addColumn('call_order_at', 'text').execute();
  await db.schema.alterTable('visits').addColumn('appointment_id', 'text').execute();
  await db.schema.alterTable('visits').addColumn('appointment_at', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('visits').dropColumn('appointment_at').execute();
  await db.schema.alterTable('visits').dropColumn('appointment_id').execute();
  await db.schema.alterTable('visits').dropColumn('call_order_at').execute();
  await db.schema.dropTable('appointment_requests').execute();
  await db.schema.dropTable('appointments').execute();
  await db.schema.alterTable('categories').dropColumn('appointment_minutes').execute();
  await db.schema.dropTable('appointment_capacity').execute();
  await db.schema.dropTable('appointment_settings').execute();
}
