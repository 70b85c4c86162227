import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen in time: this migration must never import application code.
// The latest wait estimates of each site, written by the one instance that computes them (the holder
// of the 'estimator' job) so that every other instance serves the same figures. `version` grows with
// each write. On PostgreSQL a write notifies the other instances after commit (channel
// walkup_estimates, payload `site:version`; the estimates themselves are read from the row, as a
// notification carries 8000 bytes at most). SQLite has one instance: there the table stays unused.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('published_estimates')
    .addColumn('site_id', 'text', (c) => c.primaryKey().references('sites.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    /** JSON of the estimates (protocol EstimatesPayload). */
    .addColumn('estimates', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .execute();
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`
    create or replace function walkup_notify_estimates() returns trigger language plpgsql as $$
    begin
      perform pg_notify('walkup_estimates', new.site_id || ':' || new.version);
      return null;
    end
    $$`.execute(db);
  await sql`
    create trigger published_estimates_notify after insert or update on published_estimates
    for each row execute function walkup_notify_estimates()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`drop trigger if exists published_estimates_notify on published_estimates`.execute(db);
    await sql`drop function if exists walkup_notify_estimates()`.execute(db);
  }
  await db.schema.dropTable('published_estimates').execute();
}
