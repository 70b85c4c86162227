import type { Kysely } from 'kysely';

// Frozen in time: this migration must never import application code.
export async function up(db: Kysely<any>): Promise<void> {
  // ITSM connections admins manage in the console, beside the read-only ones of the environment and
  // WALKUP_ITSM_CONNECTIONS_FILE. `settings` holds the vendor's fields without secrets; `secrets` is
  // one encrypted JSON document (AES-256-GCM), so exports, audit entries and logs never carry them.
  await db.schema
    .createTable('itsm_stored_connections')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('vendor', 'text', (c) => c.notNull())
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('secrets', 'text')
    // Which secret fields are set (a JSON list of paths, no values): the console says "set" without decrypting.
    .addColumn('secret_fields', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('itsm_stored_connections').execute();
}
