import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { Db } from '../../src/db/connection.ts';
import { openPostgres, postgresHandleOf } from '../../src/db/postgres-connection.ts';
import { seedResetScript, snapshotSeed } from './postgres-seed-snapshot.ts';

/**
 * The engine the integration tests run on: `postgres` in the integration-pg project (vitest.config.ts),
 * SQLite otherwise. Tests written against createTestApp/createTestDatabase run on both unchanged.
 */
export const testEngine: 'sqlite' | 'postgres' = process.env.WALKUP_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';

/** The server to create test databases on (trust authentication on CI and the development machines). */
export const testPostgresUrl = process.env.WALKUP_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Every database the tests create starts with this, so a leftover is easy to recognise and drop. */
const prefix = 'wkpg_';

export function databaseUrl(name: string): string {
  const url = new URL(testPostgresUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Whether PostgreSQL answers, for tests that need it to say why they skip (and fail under CI). */
export async function postgresAnswers(): Promise<boolean> {
  const client = new pg.Client({ connectionString: testPostgresUrl, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testPostgresUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Names the template after what goes into it: a change to a migration, the seed or the test accounts makes a new one. */
function templateName(): string {
  const root = fileURLToPath(new URL('../../../../', import.meta.url));
  const migrationsDir = path.join(root, 'db/migrations');
  const hash = createHash('sha256');
  for (const file of readdirSync(migrationsDir).sort()) hash.update(readFileSync(path.join(migrationsDir, file)));
  for (const file of ['db/seed/demo-site.json', 'apps/server/test/helpers/auth.ts', 'apps/server/src/db/seed.ts', 'apps/server/test/helpers/postgres-seed-snapshot.ts']) hash.update(readFileSync(path.join(root, file)));
  return `${prefix}template_${hash.digest('hex').slice(0, 16)}`;
}

let template: Promise<string> | null = null;

/** Templates are kept this long after they were built: other checkouts of the project may use theirs meanwhile. */
const keepTemplateMs = 24 * 3600_000;

/**
 * The migrated and seeded template database, made once (workers take turns through an advisory lock)
 * and kept between runs while its inputs are unchanged. Test databases are copies of it.
 */
export function postgresTemplate(prepare: (db: Db) => Promise<void>): Promise<string> {
  template ??= withAdmin(async (admin) => {
    const name = templateName();
    await admin.query(`select pg_advisory_lock(hashtext('walkup-test-template'))`);
    try {
      const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [name]);
      if (rowCount) return name;
      const building = `${name}_building`;
      await admin.query(`drop database if exists ${building} with (force)`);
      await admin.query(`create database ${building}`);
      const db = openPostgres(databaseUrl(building), { maxConnections: 2 });
      try {
        await prepare(db);
        await snapshotSeed(db);
      } finally {
        await db.destroy();
      }
      // Renamed once complete: a run killed half-way never leaves a template that looks finished.
      await admin.query(`alter database ${building} rename to ${name}`);
      await admin.query(`comment on database ${name} is '${new Date().toISOString()}'`);
      // Another checkout (a branch with other migrations) may be testing with its own template right now:
      // only templates built over a day ago go.
      const { rows } = await admin.query<{ datname: string; built: string | null }>(
        `select datname, shobj_description(oid, 'pg_database') as built from pg_database where datname like '${prefix}template_%' and datname <> $1 and datname not like '%_building'`,
        [name],
      );
      const stale = rows.filter((row) => !(Date.parse(row.built ?? '') > Date.now() - keepTemplateMs));
      for (const row of stale) await admin.query(`drop database if exists ${row.datname} with (force)`).catch(() => {});
      return name;
    } finally {
      await admin.query(`select pg_advisory_unlock(hashtext('walkup-test-template'))`);
    }
  });
  return template;
}

/** Runs of the integration-pg project name their databases after the run (vitest.config.ts sets it to the main process's id). */
export const runDatabasePrefix = `${prefix}run_`;
const runId = process.env.WALKUP_TEST_RUN ?? String(process.pid);
/** One test file runs at a time in each vitest worker, which VITEST_POOL_ID numbers. */
const worker = process.env.VITEST_POOL_ID ?? '0';
const inUse = new Set<string>();
let resetScript: Promise<string> | null = null;

/**
 * A database holding exactly the template's rows. Databases are kept for the whole run and reused:
 * each worker has its own few (a test may hold two at once), and a reused one is put back to the
 * template's rows by one reset script: about 60 ms, where copying the template and dropping the copy
 * took 2.5-3.5 s on a busy machine (DROP DATABASE makes PostgreSQL checkpoint). The run's databases are dropped when it ends
 * (postgres-run-databases.ts).
 */
export async function createPostgresTestDatabase(prepare: (db: Db) => Promise<void>): Promise<{ db: Db; url: string; drop(): Promise<void> }> {
  const source = await postgresTemplate(prepare);
  let slot = 0;
  while (inUse.has(`${runDatabasePrefix}${runId}_${worker}_${slot}`)) slot++;
  const name = `${runDatabasePrefix}${runId}_${worker}_${slot}`;
  inUse.add(name);
  const url = databaseUrl(name);
  const created = await withAdmin(async (admin) => {
    const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) await admin.query(`create database ${name} template ${source}`);
    return !rowCount;
  });
  const db = openPostgres(url, { maxConnections: 5 });
  if (!created) {
    resetScript ??= seedResetScript(db);
    await postgresHandleOf(db)!.pool.query(await resetScript);
  }
  return {
    db,
    url,
    async drop() {
      await db.destroy();
      inUse.delete(name);
    },
  };
}
