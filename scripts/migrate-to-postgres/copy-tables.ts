import { sql } from 'kysely';
import type { Db } from '../../apps/server/src/db/connection.ts';

type Row = Record<string, unknown>;
/** Tables the migrator keeps for itself: the target's own migration run fills them. */
const migratorTables = new Set(['kysely_migration', 'kysely_migration_lock']);
const batchSize = 500;

/** The application tables of the SQLite database, parents before the tables that reference them. */
export async function tablesInCopyOrder(source: Db): Promise<Array<{ name: string; selfReferences: Array<{ from: string; to: string }> }>> {
  const { rows: tables } = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`.execute(source);
  const names = tables.map((t) => t.name).filter((name) => !migratorTables.has(name));
  const parents = new Map<string, Set<string>>();
  const selfReferences = new Map<string, Array<{ from: string; to: string }>>();
  for (const name of names) {
    const { rows: keys } = await sql<{ table: string; from: string; to: string }>`select "table", "from", "to" from pragma_foreign_key_list(${name})`.execute(source);
    parents.set(name, new Set(keys.filter((k) => k.table !== name).map((k) => k.table)));
    selfReferences.set(name, keys.filter((k) => k.table === name).map((k) => ({ from: k.from, to: k.to })));
  }
  const ordered: string[] = [];
  while (ordered.length < names.length) {
    const ready = names.filter((name) => !ordered.includes(name) && [...parents.get(name)!].every((parent) => ordered.includes(parent) || !names.includes(parent)));
    if (ready.length === 0) throw new Error(`foreign keys form a cycle between ${names.filter((n) => !ordered.includes(n)).join(', ')}`);
    ordered.push(...ready);
  }
  return ordered.map((name) => ({ name, selfReferences: selfReferences.get(name)! }));
}

/** Rows of a table that references itself (a category's parent), each after the row it points to. */
function parentsFirst(rows: Row[], references: Array<{ from: string; to: string }>): Row[] {
  if (references.length === 0) return rows;
  const placed = new Set<string>();
  const keyOf = (row: Row, column: string) => `${column}:${String(row[column])}`;
  const ordered: Row[] = [];
  let rest = rows;
  while (rest.length > 0) {
    const ready = rest.filter((row) => references.every(({ from, to }) => row[from] === null || placed.has(keyOf({ [to]: row[from] }, to)) || !rows.some((r) => r[to] === row[from])));
    if (ready.length === 0) throw new Error('rows of a table reference each other in a cycle');
    for (const row of ready) for (const { to } of references) placed.add(keyOf(row, to));
    ordered.push(...ready);
    rest = rest.filter((row) => !ready.includes(row));
  }
  return ordered;
}

/** Copies one table's rows, in batches, inside the target transaction; returns the count copied. */
export async function copyTable(source: Db, target: Db, table: { name: string; selfReferences: Array<{ from: string; to: string }> }): Promise<number> {
  const rows = parentsFirst((await sql<Row>`select * from ${sql.table(table.name)}`.execute(source)).rows, table.selfReferences);
  for (let start = 0; start < rows.length; start += batchSize) {
    await target.insertInto(table.name as never).values(rows.slice(start, start + batchSize) as never).execute();
  }
  return rows.length;
}

/** Moves PostgreSQL's id sequences (serial columns) past the copied ids, so new rows never collide. */
export async function advanceSequences(target: Db): Promise<string[]> {
  const { rows } = await sql<{ table_name: string; column_name: string }>`
    select table_name, column_name from information_schema.columns
    where table_schema = current_schema() and column_default like 'nextval(%'`.execute(target);
  for (const { table_name, column_name } of rows) {
    await sql`select setval(pg_get_serial_sequence(${table_name}, ${column_name}), coalesce((select max(${sql.ref(column_name)}) from ${sql.table(table_name)}), 0) + 1, false)`.execute(target);
  }
  return rows.map((r) => `${r.table_name}.${r.column_name}`);
}

export async function countRows(db: Db, table: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db);
  return Number(rows[0]!.n);
}

/** Sites whose event counter disagrees with their log (a gap, or a counter behind the log). */
export async function sequenceProblems(db: Db): Promise<string[]> {
  const sites = await db.selectFrom('sites').select(['id', 'event_seq']).execute();
  const problems: string[] = [];
  for (const site of sites) {
    const { rows } = await sql<{ n: number; top: number | null }>`select count(*) as n, max(seq) as top from events where site_id = ${site.id}`.execute(db);
    const count = Number(rows[0]!.n);
    const top = Number(rows[0]!.top ?? 0);
    if (top !== site.event_seq || count !== top) problems.push(`site ${site.id}: counter ${site.event_seq}, ${count} events, highest seq ${top}`);
  }
  return problems;
}
