import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen in time: this migration must never import application code.
// On PostgreSQL, every insert into the event log notifies the other walkup instances after commit
// (channel walkup_events, payload `site:firstSeq:lastSeq`); they read the events themselves from the
// table, in order. SQLite has one instance and nothing to notify: there this migration does nothing.
export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`
    create or replace function walkup_notify_events() returns trigger language plpgsql as $$
    declare
      range record;
    begin
      for range in select site_id, min(seq) as first_seq, max(seq) as last_seq from inserted group by site_id loop
        perform pg_notify('walkup_events', range.site_id || ':' || range.first_seq || ':' || range.last_seq);
      end loop;
      return null;
    end
    $$`.execute(db);
  await sql`
    create trigger events_notify after insert on events
    referencing new table as inserted for each statement execute function walkup_notify_events()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`drop trigger if exists events_notify on events`.execute(db);
  await sql`drop function if exists walkup_notify_events()`.execute(db);
}
