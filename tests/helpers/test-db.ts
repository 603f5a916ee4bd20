import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type SQLite from 'better-sqlite3';
import { inject } from 'vitest';
import { openDatabase, type OpenedDatabase } from '~db/connection.server';
import { openPostgres } from '~db/postgres.server';
import { PG_BIN } from './postgres';

export interface TestData extends OpenedDatabase {
  dataDir: string;
  databasePath: string;
  /** The PostgreSQL database of this copy (TEST_DATABASE=postgres), else null. */
  databaseUrl: string | null;
  /** What a child process opens: the SQLite file or the PostgreSQL URL. */
  databaseTarget: string;
  uploadsDir: string;
  cleanup(): Promise<void>;
}

export const testDatabaseIsPostgres = () => inject('template').postgres !== null;

/**
 * A private copy of the seeded template database (demo catalogue included) in a new DATA_DIR: a copy
 * of the SQLite file, or on PostgreSQL a new database created from the template database. The server
 * helper starts the app on the same copy (DATABASE_URL is read from the data directory).
 */
export function copyTemplateDatabase(): TestData {
  const template = inject('template');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cho-phien-test-'));
  const databasePath = path.join(dataDir, 'cho-phien.sqlite');
  // Uploads are read-only in tests that do not upload: link them instead of copying.
  fs.symlinkSync(template.uploadsDir, path.join(dataDir, 'uploads'));
  const uploadsDir = path.join(dataDir, 'uploads');
  if (template.postgres) {
    const { port } = template.postgres;
    const name = `test_${randomBytes(6).toString('hex')}`;
    const admin = `postgres://postgres@127.0.0.1:${port}/postgres`;
    const psql = (sql: string) =>
      execFileSync(path.join(PG_BIN, 'psql'), [
        '-X',
        '-q',
        '-v',
        'ON_ERROR_STOP=1',
        '-d',
        admin,
        '-c',
        sql,
      ]);
    psql(`create database ${name} template ${template.postgres.template}`);
    const databaseUrl = `postgres://postgres@127.0.0.1:${port}/${name}`;
    fs.writeFileSync(path.join(dataDir, DATABASE_URL_FILE), databaseUrl);
    const { db } = openPostgres({ url: databaseUrl, poolSize: 5, statementTimeoutMs: 60_000 });
    return {
      db,
      sqlite: sqliteOnly(),
      dataDir,
      databasePath,
      databaseUrl,
      databaseTarget: databaseUrl,
      uploadsDir,
      async cleanup() {
        await db.destroy();
        fs.rmSync(dataDir, { recursive: true, force: true });
        try {
          psql(`drop database if exists ${name} with (force)`);
        } catch {
          // The server is torn down at the end of the run anyway.
        }
      },
    };
  }
  fs.copyFileSync(template.databasePath, databasePath);
  const opened = openDatabase(databasePath);
  return {
    ...opened,
    dataDir,
    databasePath,
    databaseUrl: null,
    databaseTarget: databasePath,
    uploadsDir,
    async cleanup() {
      await opened.db.destroy();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The data directory file naming the PostgreSQL database its app should use (tests only). */
export const DATABASE_URL_FILE = 'database-url.test';

/** A stand-in for the SQLite handle on PostgreSQL: a SQLite-only test says so when it touches it. */
function sqliteOnly(): SQLite.Database {
  return new Proxy({} as SQLite.Database, {
    get(_target, property) {
      if (property === 'open') return false;
      throw new Error(
        `this test uses the SQLite handle (.${String(property)}) but runs on PostgreSQL: keep it in the SQLite project`,
      );
    },
  });
}

declare module 'vitest' {
  export interface ProvidedContext {
    template: {
      dir: string;
      databasePath: string;
      uploadsDir: string;
      postgres: { port: number; template: string } | null;
    };
  }
}

/** The first element, or a failed test saying what was missing (for `noUncheckedIndexedAccess`). */
export function first<T>(list: readonly T[], what = 'a first element'): NonNullable<T> {
  const [item] = list;
  if (item === undefined || item === null) throw new Error(`expected ${what}, got none`);
  return item;
}
