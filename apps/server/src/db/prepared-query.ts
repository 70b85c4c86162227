import type { Compilable, CompiledQuery, QueryResult } from 'kysely';
import type { Db } from './connection.ts';
import { isPostgres } from './postgres-connection.ts';

/** Stands for a named value while the query is built; no real value starts with a NUL character. */
const placeholderPrefix = '\u0000walkup-param:';

type Slot = { name: string } | { value: unknown };

/**
 * A query built and compiled once, then run with new values. Kysely rebuilds its immutable builder
 * tree and recompiles the SQL text on every call, and for the few statements each check-in runs
 * that cost more than SQLite executing them. Here the builder runs once with named placeholders;
 * each call only fills the parameter list in and hands the same compiled query to Kysely, so it still
 * runs through the dialect (and its transaction) like any other query, and the SQL text stays the
 * same (SQLite's prepared statement is reused too, see connection.ts).
 *
 * Placeholders may stand only for values Kysely passes as parameters (inserted values, compared
 * values), not for identifiers or for values a builder inspects.
 */
export function preparedQuery<P extends Record<string, unknown>, R>(
  build: (db: Db, placeholder: <K extends keyof P & string>(name: K) => P[K]) => Compilable<R>,
): (db: Db, values: P) => Promise<QueryResult<R>> {
  // One compiled form per engine: SQLite and PostgreSQL spell parameters differently (? and $1).
  const compiledByEngine = new Map<boolean, { query: CompiledQuery<R>; slots: Slot[] }>();

  function compile(db: Db) {
    const query = build(db, (name) => `${placeholderPrefix}${name}` as never).compile();
    const slots = query.parameters.map((value): Slot =>
      typeof value === 'string' && value.startsWith(placeholderPrefix) ? { name: value.slice(placeholderPrefix.length) } : { value },
    );
    return { query, slots };
  }

  return async (db, values) => {
    const postgres = isPostgres(db);
    let compiled = compiledByEngine.get(postgres);
    if (!compiled) compiledByEngine.set(postgres, (compiled = compile(db)));
    const parameters = compiled.slots.map((slot) => {
      if (!('name' in slot)) return slot.value;
      if (values[slot.name] === undefined) throw new Error(`prepared query: no value for '${slot.name}'`);
      return values[slot.name];
    });
    return db.executeQuery({ ...compiled.query, parameters });
  };
}
