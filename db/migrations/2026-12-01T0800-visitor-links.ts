import type { Kysely } from 'kysely';

// Frozen in time: this migration must never import application code.
export async function up(db: Kysely<any>): Promise<void> {
  // The personal link of a visit (the QR code on the kiosk's ticket screen). Only a SHA-256 of the
  // token is kept, so a copy of the database opens no visitor's page; revoking sets revoked_at.
  await db.schema
    .createTable('visitor_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('visit_id', 'text', (c) => c.notNull().references('visits.id'))
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('visitor_links_visit').on('visitor_links').column('visit_id').execute();

  // One feedback per visit: the event in the log is the record, this row makes a second one fail
  // (the primary key holds on PostgreSQL with several instances too).
  await db.schema
    .createTable('visit_feedback')
    .addColumn('visit_id', 'text', (c) => c.primaryKey().references('visits.id'))
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('given_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('visit_feedback').execute();
  await db.schema.dropTable('visitor_links').execute();
}
