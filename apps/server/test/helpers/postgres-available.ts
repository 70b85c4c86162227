import { beforeEach } from 'vitest';
import { postgresAnswers, testPostgresUrl } from './postgres-test-database.ts';

/**
 * Setup file of the integration-pg project. Without PostgreSQL (a laptop), its tests skip and say why;
 * under CI (CI set) a missing PostgreSQL fails the run instead of passing it silently.
 */
if (!(await postgresAnswers())) {
  const where = new URL(testPostgresUrl).host;
  if (process.env.CI) throw new Error(`PostgreSQL does not answer at ${where}: CI must provide it for the integration-pg tests (set WALKUP_TEST_POSTGRES_URL)`);
  console.warn(`[integration-pg] skipped: PostgreSQL does not answer at ${where} (start it, or set WALKUP_TEST_POSTGRES_URL)`);
  beforeEach((context) => context.skip('PostgreSQL is not running'));
}
