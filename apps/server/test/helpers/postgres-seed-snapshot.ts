import { sql } from 'kysely';
import type { Db } from '../../src/db/connection.ts';

/** Where the template keeps a copy of its seeded rows, so a used test database can be put back to them. */
const snapshotSchema = 'walkup_test_seed';

async function applicationTables(db: Db): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not like 'kysely_%' order by table_name`.execute(db);
  return rows.map((row) => row.name);
}

/** Copies every application table's rows and every sequence's position into the snapshot schema (once, in the template). */
export async function snapshotSeed(db: Db): Promise<void> {
  await sql`create schema ${sql.id(snapshotSchema)}`.execute(db);
  for (const table of await applicationTables(db)) await sql`create table ${sql.id(snapshotSchema, table)} as table ${sql.id('public', table)}`.execute(db);
  await sql`create table ${sql.id(snapshotSchema, '_sequences')} as select sequencename as name, last_value from pg_sequences where schemaname = 'public'`.execute(db);
}

/** Tables ordered so that each comes after the tables its foreign keys point to. */
async function parentsFirst(db: Db, tables: readonly string[]): Promise<string[]> {
  const { rows } = await sql<{ child: string; parent: string }>`select c.relname as child, p.relname as parent from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid join pg_namespace n on n.oid = c.relnamespace where k.contype = 'f' and n.nspname = 'public'`.execute(db);
  const ordered: string[] = [];
  const visit = (table: string, path: Set<string>) => {
    if (ordered.includes(table) || path.has(table)) return;
    path.add(table);
    for (const { parent } of rows.filter((row) => row.child === table && row.parent !== table)) visit(parent, path);
    ordered.push(table);
  };
  for (const table of tables) visit(table, new Set());
  return ordered;
}

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * One script (a single round trip) that puts a test database copied from the template back to the
 * template's rows: it ends the sessions a previous test left (as DROP DATABASE ... WITH (FORCE) did),
 * empties every application table, copies the seeded rows back and rewinds the sequences. Much
 * cheaper than dropping the database, which makes PostgreSQL checkpoint: seconds on a busy machine.
 */
export async function seedResetScript(db: Db): Promise<string> {
  const tables = await parentsFirst(db, await applicationTables(db));
  const { rows: sequences } = await sql<{ name: string; last_value: number | null }>`select name, last_value from ${sql.id(snapshotSchema, '_sequences')}`.execute(db);
  return [
    'select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
    // DELETE, children first, rather than TRUNCATE: a test leaves a few rows, and TRUNCATE makes new
    // files for every table (several times slower on a busy disk).
    ...[...tables].reverse().map((table) => `delete from public.${quoted(table)}`),
    ...tables.map((table) => `insert into public.${quoted(table)} select * from ${snapshotSchema}.${quoted(table)}`),
    ...sequences.map(({ name, last_value }) => `select setval('public.${quoted(name)}', ${last_value ?? 1}, ${last_value !== null})`),
  ].join(';\n');
}
