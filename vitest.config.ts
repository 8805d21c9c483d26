import { defineConfig } from 'vitest/config';

// One FerretDB for the whole run (test/setup/globalDb.ts); each test file takes a fresh
// database name from it. Files run in parallel workers on the two cores.
export default defineConfig({
  test: {
    include: ['shared/src/**/*.test.ts', 'server/src/**/*.test.ts', 'client/src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/setup/prerequisites.ts', 'test/setup/globalDb.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
