import type { Kysely } from 'kysely';

// Frozen in time: this migration must never import application code.
export async function up(db: Kysely<any>): Promise<void> {
  // Configuration is edited live: what is archived stays (old visits point at it) but is offered no more.
  for (const table of ['sites', 'queues', 'categories', 'desks', 'technicians']) {
    await db.schema.alterTable(table).addColumn('archived_at', 'text').execute();
  }
  // Kiosk welcome text (JSON LocalizedText) and logo; minutes before closing when check-in stops.
  await db.schema.alterTable('sites').addColumn('welcome_text', 'text').execute();
  await db.schema.alterTable('sites').addColumn('logo_url', 'text').execute();
  await db.schema.alterTable('sites').addColumn('check_in_cutoff_minutes', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  // Per-vendor ITSM fields of a category (JSON: RT queue, JSM request type, GLPI category).
  await db.schema.alterTable('categories').addColumn('itsm_vendor_fields', 'text').execute();
  // The labels a visit was checked in with (JSON LocalizedText): history stays true after a rename.
  await db.schema.alterTable('visits').addColumn('category_label', 'text').execute();
  await db.schema.alterTable('visits').addColumn('queue_name', 'text').execute();

  // Holidays and one-off closures: local dates, both ends included, with a message for screens.
  await db.schema
    .createTable('site_closures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
    .addColumn('first_day', 'text', (c) => c.notNull())
    .addColumn('last_day', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('site_closures_site').on('site_closures').columns(['site_id', 'last_day']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('site_closures').execute();
  await db.schema.alterTable('visits').dropColumn('queue_name').execute();
  await db.schema.alterTable('visits').dropColumn('category_label').execute();
  await db.schema.alterTable('categories').dropColumn('itsm_vendor_fields').execute();
  for (const column of ['check_in_cutoff_minutes', 'logo_url', 'welcome_text']) await db.schema.alterTable('sites').dropColumn(column).execute();
  for (const table of ['technicians', 'desks', 'categories', 'queues', 'sites']) await db.schema.alterTable(table).dropColumn('archived_at').execute();
}
