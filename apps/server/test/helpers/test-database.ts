import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase, type Db } from '../../src/db/connection.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { seedIfEmpty } from '../../src/db/seed.ts';
import { seedTestAccounts } from './auth.ts';

export const demoSeedFile = fileURLToPath(new URL('../../../../db/seed/demo-site.json', import.meta.url));

let template: Promise<string> | null = null;

/** Migrates and seeds (demo site, test accounts and devices) one template file per worker; each test gets its own copy (fast, isolated). */
async function templateFile(): Promise<string> {
  template ??= (async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'walkup-template-'));
    const file = path.join(dir, 'template.sqlite');
    const { db, sqlite } = openDatabase(file);
    await migrateToLatest(db);
    await seedIfEmpty(db, demoSeedFile);
    await seedTestAccounts(db);
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    await db.destroy();
    return file;
  })();
  return template;
}

export interface TestDatabase {
  db: Db;
  file: string;
  close(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const dir = mkdtempSync(path.join(tmpdir(), 'walkup-test-'));
  const file = path.join(dir, 'walkup.sqlite');
  copyFileSync(await templateFile(), file);
  const { db } = openDatabase(file);
  return {
    db,
    file,
    async close() {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
