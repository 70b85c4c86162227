import type { Kysely } from 'kysely';

// Frozen in time: this migration must never import application code.
export async function up(db: Kysely<any>): Promise<void> {
  // Name of the site's ITSM connection (WALKUP_ITSM_CONNECTIONS_FILE); null uses `default`, `none`
  // creates no tickets. Only the name is stored: connection secrets never reach the database.
  await db.schema.alterTable('sites').addColumn('itsm_connection', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('sites').dropColumn('itsm_connection').execute();
}
