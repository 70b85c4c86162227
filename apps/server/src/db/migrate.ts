import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './connection.ts';

const migrationFolder = fileURLToPath(new URL('../../../../db/migrations', import.meta.url));

/**
 * Loads the date-prefixed migration files. The import happens in this module (not inside Kysely's
 * FileMigrationProvider) so that whichever TypeScript loader runs the app (tsx, Vitest) handles it.
 */
const folderProvider: MigrationProvider = {
  async getMigrations() {
    const migrations: Record<string, Migration> = {};
    const files = readdirSync(migrationFolder).filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith('.d.ts')).sort();
    for (const file of files) {
      migrations[file.replace(/\.(ts|js)$/, '')] = await import(pathToFileURL(path.join(migrationFolder, file)).href);
    }
    return migrations;
  },
};

export async function migrateToLatest(db: Db): Promise<void> {
  const migrator = new Migrator({ db, provider: folderProvider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`database migration failed${failed ? ` at ${failed.migrationName}` : ''}: ${String(error)}`);
  }
}
