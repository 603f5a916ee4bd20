import { defineConfig } from 'vitest/config';
import tsconfigPaths from 'vite-tsconfig-paths';

export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    setupFiles: ['tests/setup/fail-on-console-error.ts'],
    globalSetup: ['tests/setup/global.ts'],
    pool: 'forks',
    // Workers run under tsx too, so Kysely's FileMigrationProvider can import .ts migrations.
    poolOptions: { forks: { maxForks: 2, minForks: 1, execArgv: ['--import', 'tsx'] } },
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
