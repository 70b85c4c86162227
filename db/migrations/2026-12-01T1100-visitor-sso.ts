import type { Kysely } from 'kysely';

// Frozen in time: this migration must never import application code.
export async function up(db: Kysely<any>): Promise<void> {
  // How visitors away from the kiosk prove who they are: 'email' (a one-time link), 'sso' (the
  // company's single sign-on) or 'sso_or_email'; single sign-on applies only where it is configured.
  await db.schema.alterTable('site_visitor_settings').addColumn('visitor_identification', 'text', (c) => c.notNull().defaultTo('sso_or_email')).execute();

  // A visitor who came back from single sign-on, until they check in or book (once, minutes later).
  // Only the hash of the token in their cookie is kept; this is no staff account and gives no role.
  await db.schema
    .createTable('visitor_sso_identities')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('visitor_name', 'text', (c) => c.notNull())
    .addColumn('visitor_email', 'text')
    .addColumn('visitor_employee_id', 'text')
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('visitor_sso_identities').execute();
  await db.schema.alterTable('site_visitor_settings').dropColumn('visitor_identification').execute();
}
