import type { Kysely } from 'kysely';

// Frozen in time: this migration must never import application code.
export async function up(db: Kysely<any>): Promise<void> {
  // When a visit's personal data was removed (retention period or an erasure request); the row and
  // its timings stay for the statistics.
  await db.schema.alterTable('visits').addColumn('anonymised_at', 'text').execute();
  await db.schema.createIndex('visits_checked_in_at').on('visits').column('checked_in_at').execute();
  // Days after check-in when a visit's personal data is removed; null uses the server default.
  await db.schema.alterTable('sites').addColumn('retention_days', 'integer').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('visits_checked_in_at').execute();
  await db.schema.alterTable('visits').dropColumn('anonymised_at').execute();
  await db.schema.alterTable('sites').dropColumn('retention_days').execute();
}
