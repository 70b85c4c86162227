import path from 'node:path';
import SQLite from 'better-sqlite3';
import { loadConfig } from '../apps/server/src/config.ts';

/**
 * Online backup: `npm run db:backup -- <file>`. Uses SQLite's backup API (better-sqlite3 `.backup()`),
 * which copies pages in steps and restarts a step when the server writes meanwhile, so it is safe
 * while the server runs and yields a consistent snapshot including committed WAL content.
 */
const target = process.argv[2];
if (!target) {
  console.error('usage: npm run db:backup -- <backup-file>');
  process.exit(2);
}
const { databasePath } = loadConfig();
const source = new SQLite(databasePath, { fileMustExist: true });
// Wait for a writer rather than fail; the server holds write locks for milliseconds.
source.pragma('busy_timeout = 5000');
const started = Date.now();
await source.backup(path.resolve(target), {
  progress: ({ totalPages, remainingPages }) => {
    if (remainingPages > 0) process.stdout.write(`\r${totalPages - remainingPages}/${totalPages} pages`);
    return 200;
  },
});
const copy = new SQLite(path.resolve(target), { readonly: true });
const check = copy.pragma('integrity_check', { simple: true });
copy.close();
source.close();
console.log(`\nbacked up ${databasePath} to ${path.resolve(target)} in ${Date.now() - started} ms (integrity: ${String(check)})`);
if (check !== 'ok') process.exit(1);
