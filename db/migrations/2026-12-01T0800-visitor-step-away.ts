import type { Kysely } from 'kysely';

// Frozen in time: this migration must never import application code.
export async function up(db: Kysely<any>): Promise<void> {
  // A waiting visitor who asked for more time: skipped by call-next until away_until, place kept.
  await db.schema.alterTable('visits').addColumn('away_until', 'text').execute();
  await db.schema.alterTable('visits').addColumn('away_minutes', 'integer', (c) => c.notNull().defaultTo(0)).execute();

  // What a site allows visitors away from the kiosk; a site without a row gets the defaults in code.
  await db.schema
    .createTable('site_visitor_settings')
    .addColumn('site_id', 'text', (c) => c.primaryKey().references('sites.id'))
    .addColumn('step_away_limit_minutes', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('site_visitor_settings').execute();
  await db.schema.alterTable('visits').dropColumn('away_minutes').execute();
  await db.schema.alterTable('visits').dropColumn('away_until').execute();
}
