import { loadConfig } from '../../apps/server/src/config.ts';
import { openDatabase } from '../../apps/server/src/db/connection.ts';
import { migrateToLatest } from '../../apps/server/src/db/migrate.ts';
import { openPostgres } from '../../apps/server/src/db/postgres-connection.ts';
import { advanceSequences, copyTable, countRows, sequenceProblems, tablesInCopyOrder } from './copy-tables.ts';

/**
 * Moves a SQLite deployment to PostgreSQL: `npm run db:to-postgres -- [sqlite-file] [postgres-url]`
 * (defaults: WALKUP_DB_PATH and WALKUP_DATABASE_URL). Stop walkup first. The target gets the same
 * migrations, must be empty, and receives every table in one transaction (all or nothing); then the
 * row counts of every table, each site's gap-free event sequence and the id sequences are checked.
 */
export async function migrateSqliteToPostgres(sqliteFile: string, postgresUrl: string, log: (line: string) => void = console.log): Promise<void> {
  const { db: source, sqlite } = openDatabase(sqliteFile);
  const target = openPostgres(postgresUrl, { maxConnections: 2 });
  try {
    // Both at the same schema version: the copy is column for column.
    await migrateToLatest(source);
    await migrateToLatest(target);
    const tables = await tablesInCopyOrder(source);
    const filled = [];
    for (const table of tables) if ((await countRows(target, table.name)) > 0) filled.push(table.name);
    if (filled.length > 0) throw new Error(`the PostgreSQL database is not empty (${filled.join(', ')}): migrate into a new database`);

    const copied = new Map<string, number>();
    await target.transaction().execute(async (trx) => {
      for (const table of tables) copied.set(table.name, await copyTable(source, trx, table));
      await advanceSequences(trx);
    });

    const mismatches: string[] = [];
    for (const table of tables) {
      const [from, to] = [await countRows(source, table.name), await countRows(target, table.name)];
      log(`  ${table.name.padEnd(28)} ${String(to).padStart(8)} rows${from === to ? '' : `  MISMATCH: ${from} in SQLite`}`);
      if (from !== to) mismatches.push(table.name);
    }
    const problems = await sequenceProblems(target);
    for (const problem of problems) log(`  event sequence: ${problem}`);
    if (mismatches.length > 0 || problems.length > 0) throw new Error('verification failed: see above');
    log(`copied ${tables.length} tables; counts, event sequences and id sequences verified`);
  } finally {
    await target.destroy();
    await source.destroy();
    if (sqlite.open) sqlite.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const config = loadConfig();
  const sqliteFile = process.argv[2] ?? config.databasePath;
  const postgresUrl = process.argv[3] ?? (config.database.engine === 'postgres' ? config.database.url : undefined);
  if (!postgresUrl) {
    console.error('usage: npm run db:to-postgres -- [sqlite-file] <postgres-url>   (or set WALKUP_DATABASE_URL)');
    process.exit(2);
  }
  migrateSqliteToPostgres(sqliteFile, postgresUrl).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
