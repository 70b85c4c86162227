import { defineConfig } from 'vitest/config';

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
          include: ['packages/*/test/**/*.test.ts', 'apps/kiosk/test/**/*.test.ts', 'apps/console/test/**/*.test.ts', 'apps/display/test/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['apps/server/test/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/rt/**/*.test.ts', 'tests/crash/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
