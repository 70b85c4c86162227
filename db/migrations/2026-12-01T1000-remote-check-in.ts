import type { Kysely } from 'kysely';

// Frozen in time: this migration must never import application code.
export async function up(db: Kysely<any>): Promise<void> {
  // Whether a site takes check-ins from a link or a QR poster, and whether call-next waits for
  // those visitors to arrive (1) or calls them wherever they are (0).
  await db.schema.alterTable('site_visitor_settings').addColumn('remote_check_in', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('site_visitor_settings').addColumn('call_only_arrived', 'integer', (c) => c.notNull().defaultTo(1)).execute();

  // 1 while a visitor checked in remotely has not said "I'm here" nor been seen at the kiosk.
  await db.schema.alterTable('visits').addColumn('on_the_way', 'integer', (c) => c.notNull().defaultTo(0)).execute();

  // A remote check-in waits here until the person opens the one-time link sent to their email (the
  // way a self-booking does). Only the link's hash is kept; `visit_id` is the visit it created.
  await db.schema
    .createTable('remote_check_in_requests')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
    .addColumn('category_id', 'text', (c) => c.notNull())
    .addColumn('visitor_name', 'text', (c) => c.notNull())
    .addColumn('visitor_email', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('remote_check_in_requests').execute();
  await db.schema.alterTable('visits').dropColumn('on_the_way').execute();
  await db.schema.alterTable('site_visitor_settings').dropColumn('call_only_arrived').execute();
  await db.schema.alterTable('site_visitor_settings').dropColumn('remote_check_in').execute();
}
