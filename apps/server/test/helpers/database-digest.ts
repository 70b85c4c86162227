import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../src/db/connection.ts';

const isPostgres = () => process.env.WALKUP_TEST_ENGINE === 'postgres';

/** The application's tables, by name, on either engine. */
export async function listTables(db: Db): Promise<string[]> {
  const rows = isPostgres()
    ? await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(db)
    : await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`.execute(db);
  return rows.rows.map((r) => r.name).filter((name) => !name.startsWith('kysely_'));
}

/**
 * A table's rows in a stable order: SQLite's rowid, or on PostgreSQL the row's own text (tables
 * without a unique order otherwise come back in any order).
 */
async function rowsOf(db: Db, table: string): Promise<unknown[]> {
  const query = isPostgres() ? sql`select * from ${sql.table(table)} order by ${sql.table(table)}::text` : sql`select * from ${sql.table(table)} order by rowid`;
  return (await query.execute(db)).rows;
}

/** The given tables' content, hashed: a refused request must leave it exactly as it was. */
export async function digestTables(db: Db, tables: readonly string[]): Promise<string> {
  if (isPostgres()) return digestPostgresTables(db, tables);
  const hash = createHash('sha256');
  for (const table of tables) hash.update(table).update(JSON.stringify(await rowsOf(db, table)));
  return hash.digest('hex');
}

/**
 * On PostgreSQL the same digest is one statement hashing every table's rows on the server (each table's
 * rows in their text order, as above): one round trip instead of a query per table, which is what made
 * the fuzz test's two thousand digests slow.
 */
async function digestPostgresTables(db: Db, tables: readonly string[]): Promise<string> {
  if (tables.length === 0) return createHash('sha256').digest('hex');
  const perTable = tables.map((table) => sql`cast(${table} as text) || ':' || coalesce((select string_agg(${sql.table(table)}::text, ',' order by ${sql.table(table)}::text) from ${sql.table(table)}), '')`);
  const { rows } = await sql<{ digest: string }>`select md5(concat_ws('|', ${sql.join(perTable)})) as digest`.execute(db);
  return rows[0]!.digest;
}
