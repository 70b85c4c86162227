import type { Kysely } from 'kysely';

// Frozen in time: this migration must never import application code.
export async function up(db: Kysely<any>): Promise<void> {
  // Minutes after a no-show during which the visitor may rejoin at the front; 0 turns it off.
  await db.schema
    .alterTable('site_visitor_settings')
    .addColumn('rejoin_grace_minutes', 'integer', (c) => c.notNull().defaultTo(10))
    .execute();

  // The one message a site shows to everyone waiting ("we are running 15 minutes late"). The event
  // log keeps every post and clear; this row is the current one, for snapshots.
  await db.schema
    .createTable('site_broadcasts')
    .addColumn('site_id', 'text', (c) => c.primaryKey().references('sites.id'))
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('posted_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('site_broadcasts').execute();
  await db.schema.alterTable('site_visitor_settings').dropColumn('rejoin_grace_minutes').execute();
}
