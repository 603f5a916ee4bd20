import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from './schema';
import { openPostgres, redactUrl } from './postgres.server';

export type DB = Kysely<Database>;

/** Where the data lives: DATABASE_URL (PostgreSQL) when set, else the SQLite file. */
export interface DatabaseTarget {
  path: string;
  url: string | null;
  poolSize: number;
  statementTimeoutMs: number;
}

export interface ConfiguredDatabase {
  db: DB;
  dialect: 'sqlite' | 'postgres';
  /** The SQLite handle (backups, pragmas), null on PostgreSQL. */
  sqlite: SQLite.Database | null;
  /** What to show in logs: the file, or the URL without its password. */
  description: string;
  close(): Promise<void>;
}

/** Opens the configured database: PostgreSQL when DATABASE_URL is set, the SQLite file otherwise. */
export function openConfiguredDatabase(target: DatabaseTarget): ConfiguredDatabase {
  if (target.url) {
    const { db } = openPostgres({
      url: target.url,
      poolSize: target.poolSize,
      statementTimeoutMs: target.statementTimeoutMs,
    });
    return {
      db,
      dialect: 'postgres',
      sqlite: null,
      description: redactUrl(target.url),
      close: () => db.destroy(),
    };
  }
  const { db, sqlite } = openDatabase(target.path);
  return {
    db,
    dialect: 'sqlite',
    sqlite,
    description: target.path,
    async close() {
      await db.destroy().catch(() => {});
      if (sqlite.open) sqlite.close();
    },
  };
}

export interface OpenedDatabase {
  db: DB;
  /** The raw handle, for what Kysely does not cover: online backup, pragmas, checkpoints. */
  sqlite: SQLite.Database;
}

export function openDatabase(file: string): OpenedDatabase {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  // Lets the query planner gather statistics where they are missing (cheap; see sqlite.org/lang_analyze.html).
  sqlite.pragma('optimize = 0x10002');
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
  });
  return { db, sqlite };
}

export const STATEMENT_CACHE_SIZE = 1000;

/**
 * Kysely prepares every query afresh; preparing was the largest piece of database time in the checkout
 * benchmark's profile. This keeps the most recently used prepared statements by SQL text (a
 * statement still being iterated by a stream is never handed out twice: a fresh one is prepared).
 */
export function withStatementCache(sqlite: SQLite.Database, size = STATEMENT_CACHE_SIZE) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string): SQLite.Statement {
      const cached = cache.get(sql);
      if (cached && !cached.busy) {
        // Re-insert so the Map's order is least recently used first.
        cache.delete(sql);
        cache.set(sql, cached);
        return cached;
      }
      const statement = sqlite.prepare(sql);
      if (!cached) {
        cache.set(sql, statement);
        if (cache.size > size) cache.delete(cache.keys().next().value!);
      }
      return statement;
    },
  };
}

/**
 * A database error as one sentence an operator can act on: PostgreSQL unreachable, wrong password,
 * missing database, or the driver's own message.
 */
export function describeDatabaseError(error: unknown): string {
  type Failure = { code?: string; message?: string; errors?: unknown[]; cause?: unknown } | null;
  let e = error as Failure;
  // The driver's error may be wrapped (a failed migration): the innermost with a code says most.
  while (e && !e.code && e.cause) e = e.cause as Failure;
  const code = e?.code ?? '';
  const message = e?.message || (e?.errors?.length ? String(e.errors[0]) : String(error));
  if (code === 'ECONNREFUSED' || /ECONNREFUSED/.test(message))
    return `PostgreSQL is not reachable (connection refused): is it running, and are host and port in DATABASE_URL right? (${message})`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return `the host in DATABASE_URL cannot be resolved (${message})`;
  if (code === '28P01' || code === '28000')
    return `PostgreSQL refused the user or password in DATABASE_URL (${message})`;
  if (code === '3D000')
    return `the database named in DATABASE_URL does not exist: create it first (${message})`;
  if (code === '57P01' || code === '57P03')
    return `PostgreSQL is shutting down or starting up (${message})`;
  if (/timeout/i.test(message)) return `the database did not answer in time (${message})`;
  return message;
}
