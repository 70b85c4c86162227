import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase, type Db } from '../../src/db/connection.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { seedIfEmpty } from '../../src/db/seed.ts';
import { seedTestAccounts } from './auth.ts';
import { createPostgresTestDatabase, testEngine } from './postgres-test-database.ts';

export const demoSeedFile = fileURLToPath(new URL('../../../../db/seed/demo-site.json', import.meta.url));

let template: Promise<string> | null = null;

/** Migrates and seeds (demo site, test accounts and devices) one template file per worker; each test gets its own copy (fast, isolated). */
async function templateFile(): Promise<string> {
  template ??= (async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'walkup-template-'));
    const file = path.join(dir, 'template.sqlite');
    const { db, sqlite } = openDatabase(file);
    // A scratch file copied once complete: no fsync for each of the migrations' and seed's commits
    // (seconds on a busy disk). The copies tests open are back to synchronous = FULL.
    sqlite.pragma('synchronous = OFF');
    await prepareTestData(db);
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    await db.destroy();
    return file;
  })();
  return template;
}

export interface TestDatabase {
  db: Db;
  /** The SQLite file, or the PostgreSQL database's URL. */
  file: string;
  engine: 'sqlite' | 'postgres';
  close(): Promise<void>;
}

/** What every test database starts with: the schema, the demo site, the test accounts and devices. */
async function prepareTestData(db: Db): Promise<void> {
  await migrateToLatest(db);
  await seedIfEmpty(db, demoSeedFile);
  await seedTestAccounts(db);
}

/** A fresh seeded database on the engine of this test run (WALKUP_TEST_ENGINE; SQLite by default). */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (testEngine === 'postgres') {
    const { db, url, drop } = await createPostgresTestDatabase(prepareTestData);
    return { db, file: url, engine: 'postgres', close: drop };
  }
  return createSqliteTestDatabase();
}

/** A fresh seeded SQLite file, whatever the engine of the run (tests of SQLite-only machinery). */
export async function createSqliteTestDatabase(): Promise<TestDatabase> {
  const dir = mkdtempSync(path.join(tmpdir(), 'walkup-test-'));
  const file = path.join(dir, 'walkup.sqlite');
  copyFileSync(await templateFile(), file);
  const { db } = openDatabase(file);
  return {
    db,
    file,
    engine: 'sqlite',
    async close() {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
