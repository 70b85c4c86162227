import type { Kysely } from 'kysely';

// Frozen in time: this migration must never import application code.
export async function up(db: Kysely<any>): Promise<void> {
  // The language the visitor used at the kiosk ('en', 'fr'), so their notifications speak it; null
  // for visits checked in before, or by staff: the site's default language then.
  await db.schema.alterTable('visits').addColumn('visitor_language', 'text').execute();

  // A link that can do one thing: give the feedback of one resolved visit (the closing email's
  // faces, the kiosk's "How did it go?"). Kept as SHA-256 like visitor links; it expires.
  await db.schema
    .createTable('feedback_links')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('visit_id', 'text', (c) => c.notNull().references('visits.id'))
    .addColumn('site_id', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('feedback_links_by_visit').on('feedback_links').column('visit_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('feedback_links').execute();
  await db.schema.alterTable('visits').dropColumn('visitor_language').execute();
}
