import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { openDatabase, type OpenedDatabase } from '~db/connection.server';

export interface TestData extends OpenedDatabase {
  dataDir: string;
  databasePath: string;
  uploadsDir: string;
  cleanup(): Promise<void>;
}

/** A private copy of the seeded template database (demo catalogue included) in a new DATA_DIR. */
export function copyTemplateDatabase(): TestData {
  const template = inject('template');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cho-phien-test-'));
  const databasePath = path.join(dataDir, 'cho-phien.sqlite');
  fs.copyFileSync(template.databasePath, databasePath);
  // Uploads are read-only in tests that do not upload: link them instead of copying.
  fs.symlinkSync(template.uploadsDir, path.join(dataDir, 'uploads'));
  const opened = openDatabase(databasePath);
  return {
    ...opened,
    dataDir,
    databasePath,
    uploadsDir: path.join(dataDir, 'uploads'),
    async cleanup() {
      await opened.db.destroy();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    template: { dir: string; databasePath: string; uploadsDir: string };
  }
}

/** The first element, or a failed test saying what was missing (for `noUncheckedIndexedAccess`). */
export function first<T>(list: readonly T[], what = 'a first element'): NonNullable<T> {
  const [item] = list;
  if (item === undefined || item === null) throw new Error(`expected ${what}, got none`);
  return item;
}
