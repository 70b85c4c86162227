import type { Kysely } from 'kysely';

// Frozen in time: this migration must never import application code.
export async function up(db: Kysely<any>): Promise<void> {
  // Which kiosk created a visit: a kiosk may cancel only the visit it has just created (the visitor
  // changed their mind on the ticket screen); any other cancellation is a technician's.
  await db.schema
    .createTable('kiosk_check_ins')
    .addColumn('visit_id', 'text', (c) => c.primaryKey().references('visits.id'))
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('checked_in_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('kiosk_check_ins').execute();
}
