import pg from 'pg';
import {
  ColumnDefinitionNode,
  DataTypeNode,
  Kysely,
  OperationNodeTransformer,
  PostgresAdapter,
  PostgresDialect,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely';
import type { Db } from './connection.ts';
import type { Database } from './schema.ts';

/**
 * The migrations say `integer ... autoIncrement()` (SQLite's spelling); PostgreSQL has no such
 * keyword. This rewrites such a column to `serial` (a 4-byte integer, so ids stay JavaScript numbers)
 * when a table is created, which keeps the frozen migrations as they are and the same on both engines.
 */
class SerialForAutoIncrement extends OperationNodeTransformer {
  protected override transformColumnDefinition(node: ColumnDefinitionNode): ColumnDefinitionNode {
    const column = super.transformColumnDefinition(node);
    if (!column.autoIncrement) return column;
    return { ...column, autoIncrement: undefined, dataType: DataTypeNode.create('serial') };
  }
}

const autoIncrementPlugin: KyselyPlugin = {
  transformQuery: ({ node }: PluginTransformQueryArgs): RootOperationNode =>
    node.kind === 'CreateTableNode' ? new SerialForAutoIncrement().transformNode(node) : node,
  transformResult: async ({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> => result,
};

/**
 * 64-bit integers (`count(*)`, `sum` of integers) and numerics come back from `pg` as strings, so that
 * no precision is lost. Our figures are counts and seconds, far below 2^53: parse them as numbers, as
 * better-sqlite3 returns them, so queries give the same types on both engines. Per pool, not global.
 */
const numberTypes = new Set<number>([pg.types.builtins.INT8, pg.types.builtins.NUMERIC]);
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (numberTypes.has(oid)) return (value: string) => Number(value);
    return format === 'binary' ? pg.types.getTypeParser(oid, 'binary') : pg.types.getTypeParser(oid);
  }) as typeof pg.types.getTypeParser,
};

export interface PostgresHandle {
  url: string;
  pool: pg.Pool;
}

/** The pool behind each PostgreSQL `Db`, so the app can open its LISTEN and lock connections next to it. */
const handles = new WeakMap<object, PostgresHandle>();

export function openPostgres(url: string, options: { maxConnections?: number } = {}): Db {
  const pool = new pg.Pool({ connectionString: url, max: options.maxConnections ?? 10, types, application_name: 'walkup' });
  // An idle pooled connection that the server drops must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: [autoIncrementPlugin] });
  handles.set(db, { url, pool });
  return db;
}

/** A new client outside the pool (LISTEN, session locks), with the same type parsing. */
export function newPostgresClient(url: string): pg.Client {
  return new pg.Client({ connectionString: url, types, application_name: 'walkup' });
}

/** The PostgreSQL connection details of a `Db` opened by openPostgres, or null for SQLite. */
export function postgresHandleOf(db: Db): PostgresHandle | null {
  return handles.get(db) ?? null;
}

/** True when `db` (or a transaction of it) talks to PostgreSQL. */
export function isPostgres(db: Kysely<unknown> | Db): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
