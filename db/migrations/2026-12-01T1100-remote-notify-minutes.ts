import type { Kysely } from 'kysely';

// Frozen in time: this migration must never import application code.
export async function up(db: Kysely<any>): Promise<void> {
  // Visitors on the way are told to come over this many minutes before their estimated turn (their
  // walk to the tech bar), or when they reach the site's "almost up" place, whichever comes first.
  await db.schema.alterTable('site_visitor_settings').addColumn('remote_notify_minutes', 'integer', (c) => c.notNull().defaultTo(10)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('site_visitor_settings').dropColumn('remote_notify_minutes').execute();
}
