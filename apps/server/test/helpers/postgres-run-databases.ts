import { postgresAnswers, runDatabasePrefix, withAdmin } from './postgres-test-database.ts';

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Drops the test databases of the runs `ended` names (by the id in their name). */
async function dropRunDatabases(ended: (runId: number) => boolean): Promise<void> {
  await withAdmin(async (admin) => {
    const { rows } = await admin.query<{ datname: string }>(`select datname from pg_database where datname like '${runDatabasePrefix}%'`);
    for (const { datname } of rows) {
      const runId = Number(datname.slice(runDatabasePrefix.length).split('_')[0]);
      if (ended(runId)) await admin.query(`drop database if exists ${datname} with (force)`).catch(() => {});
    }
  });
}

/**
 * Global setup of the integration-pg project (runs in vitest's main process, whose id names the run's
 * databases): drops what killed runs left behind, and at the end this run's databases.
 */
export default async function setup(): Promise<() => Promise<void>> {
  if (!(await postgresAnswers())) return async () => {};
  await dropRunDatabases((runId) => runId !== process.pid && !processAlive(runId));
  return () => dropRunDatabases((runId) => runId === process.pid);
}
