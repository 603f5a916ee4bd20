import { defineConfig } from 'vitest/config';
import tsconfigPaths from 'vite-tsconfig-paths';

/**
 * Integration suites that also run on PostgreSQL (the `postgres` project: TEST_DATABASE=postgres, one
 * PostgreSQL server started by tests/setup/global.ts, a database per test file). The same files, not
 * copies; the rest are SQLite-specific (backups, FTS5 internals, the SQLite handle) or heavy browser-less
 * suites kept on one engine to hold CI time (decision 011).
 */
export const POSTGRES_SUITES = [
  'tests/integration/checkout.test.ts',
  'tests/integration/checkout-settlement.test.ts',
  'tests/integration/stock.test.ts',
  'tests/integration/order-steps.test.ts',
  'tests/integration/search-behaviour.test.ts',
  'tests/integration/search-degrade.test.ts',
  'tests/integration/embedded-sync.test.ts',
  'tests/integration/storefront-http.test.ts',
  'tests/integration/community-helpers-http.test.ts',
  'tests/integration/notices-domain.test.ts',
  'tests/integration/traceability-domain.test.ts',
  'tests/integration/tradeoffice-domain.test.ts',
  'tests/integration/seller-workspace.test.ts',
  'tests/integration/postgres-*.test.ts',
];

export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    setupFiles: ['tests/setup/fail-on-console-error.ts'],
    globalSetup: ['tests/setup/global.ts'],
    pool: 'forks',
    // Workers run under tsx too, so Kysely's FileMigrationProvider can import .ts migrations.
    poolOptions: { forks: { maxForks: 2, minForks: 1, execArgv: ['--import', 'tsx'] } },
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'sqlite',
          include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
          exclude: ['tests/integration/postgres-*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: POSTGRES_SUITES,
          env: { TEST_DATABASE: 'postgres' },
        },
      },
    ],
  },
});
