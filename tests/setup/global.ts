import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startTestPostgres } from '../helpers/postgres';

const ROOT = path.resolve(import.meta.dirname, '../..');
export const PG_TEMPLATE = 'cho_phien_template';

// Builds the seeded template database once, in a child process under tsx because Kysely's
// FileMigrationProvider imports the .ts migrations natively. Each test file copies the result: the
// SQLite file, or (the `postgres` project, TEST_DATABASE=postgres) a database created from a template
// database on one PostgreSQL server started here for the whole run.
export default async function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cho-phien-template-'));
  const postgres =
    project.config.env?.TEST_DATABASE === 'postgres' ? await startTestPostgres() : null;
  try {
    const env = { ...process.env };
    if (postgres) {
      postgres.psql(`create database ${PG_TEMPLATE}`);
      env.DATABASE_URL = postgres.url(PG_TEMPLATE);
    }
    execFileSync(process.execPath, ['--import', 'tsx', 'tests/helpers/build-template.ts', dir], {
      cwd: ROOT,
      stdio: 'inherit',
      env,
    });
  } catch (error) {
    postgres?.stop();
    throw error;
  }
  project.provide('template', {
    dir,
    databasePath: path.join(dir, 'template.sqlite'),
    uploadsDir: path.join(dir, 'uploads'),
    postgres: postgres ? { port: postgres.port, template: PG_TEMPLATE } : null,
  });
  return async () => {
    postgres?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
