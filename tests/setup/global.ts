import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

const ROOT = path.resolve(import.meta.dirname, '../..');

// Builds the seeded template database once, in a child process under tsx because Kysely's
// FileMigrationProvider imports the .ts migrations natively. Each test file copies the result.
export default async function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cho-phien-template-'));
  execFileSync(process.execPath, ['--import', 'tsx', 'tests/helpers/build-template.ts', dir], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  project.provide('template', {
    dir,
    databasePath: path.join(dir, 'template.sqlite'),
    uploadsDir: path.join(dir, 'uploads'),
  });
  return async () => {
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
