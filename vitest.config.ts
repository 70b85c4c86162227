import { defineConfig } from 'vitest/config';

/** Tests of the SQLite engine's own pieces: they run in the SQLite integration project only. */
const sqliteOnlyTests = [
  'apps/server/test/group-commit.test.ts',
  'apps/server/test/worker-priority.test.ts',
];

/**
 * The server tests' files share their worker's modules (isolate: false) instead of importing the app
 * afresh for each file: importing it took 1-2 s of CPU per file, twice per file with PostgreSQL. Each
 * test builds its own app on its own database, tests that fake timers restore them, and no test
 * mocks a module, so nothing one file does reaches the next.
 */
const sharedModules = { isolate: false };

/**
 * Three tiers: fast unit tests of pure code, integration tests through the real app on real SQLite
 * files, and browser tests driving Debian's Chromium against a real server.
 */
export default defineConfig({
  test: {
    // In CI a JSON report is kept too, so .ci/run can print the plain "N passed, N failed" summary line.
    reporters: process.env.CI ? ['default', ['json', { outputFile: 'test-results/vitest.json' }]] : ['default'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['packages/*/test/**/*.test.ts', 'apps/kiosk/test/**/*.test.ts', 'apps/console/test/**/*.test.ts', 'apps/display/test/**/*.test.ts', 'apps/visitor/test/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['apps/server/test/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/rt/**/*.test.ts'],
          ...sharedModules,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        // The same integration tests on PostgreSQL (each test gets a database holding a migrated
        // template's rows). Tests of SQLite's own machinery (WAL flusher, checkpoints, crash safety of the
        // file) stay in the SQLite project only.
        test: {
          name: 'integration-pg',
          include: ['apps/server/test/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/cluster/**/*.test.ts'],
          exclude: sqliteOnlyTests,
          // The run's id names its test databases, which workers reuse and the global setup drops at the end.
          env: { WALKUP_TEST_ENGINE: 'postgres', WALKUP_TEST_RUN: String(process.pid) },
          globalSetup: ['apps/server/test/helpers/postgres-run-databases.ts'],
          setupFiles: ['apps/server/test/helpers/postgres-available.ts'],
          ...sharedModules,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          // Real server processes, killed and signalled: the bundle they run is built once for all files.
          name: 'crash',
          include: ['tests/crash/**/*.test.ts'],
          globalSetup: ['tests/crash/build-server-once.ts'],
          testTimeout: 90_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          // Each file starts its own server and Chromium and closes them; the server's modules load once.
          ...sharedModules,
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
