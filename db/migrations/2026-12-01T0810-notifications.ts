import type { Kysely } from 'kysely';

// Frozen in time: this migration must never import application code.
export async function up(db: Kysely<any>): Promise<void> {
  // One row per (visit, kind, channel), written in the same transaction as the decision to notify and
  // before anything is sent: the unique key is what makes a notification at most once.
  await db.schema
    .createTable('notification_deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('visit_id', 'text', (c) => c.notNull().references('visits.id'))
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('notification_deliveries_once', ['visit_id', 'kind', 'channel'])
    .execute();
  await db.schema.createIndex('notification_deliveries_due').on('notification_deliveries').columns(['state', 'next_attempt_at']).execute();

  // What a visitor chose: the one-tap opt-out, and the push subscription of their phone (personal
  // data: erased with the person and by the retention job).
  await db.schema
    .createTable('visit_notification_preferences')
    .addColumn('visit_id', 'text', (c) => c.primaryKey().references('visits.id'))
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
    .addColumn('opted_out', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('opt_out_token', 'text', (c) => c.notNull().unique())
    .addColumn('push_subscription', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('site_notification_settings')
    .addColumn('site_id', 'text', (c) => c.primaryKey().references('sites.id'))
    .addColumn('notify_at_position', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('site_notification_settings').execute();
  await db.schema.dropTable('visit_notification_preferences').execute();
  await db.schema.dropTable('notification_deliveries').execute();
}
