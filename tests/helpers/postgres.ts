import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './server';

/** Debian's PostgreSQL 15 (`apt-get install postgresql postgresql-contrib`). */
export const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

export interface TestPostgres {
  port: number;
  /** A connection URL for one database of this server (as the superuser, trust auth on loopback). */
  url(database: string): string;
  /** Runs SQL through psql synchronously (CREATE DATABASE for a test file, outside any transaction). */
  psql(sql: string, database?: string): string;
  stop(): void;
}

// initdb and postgres refuse to run as root: run them as the `postgres` user Debian's package creates.
function asPostgresUser(command: string, args: string[]): [string, string[]] {
  return process.getuid?.() === 0
    ? ['runuser', ['-u', 'postgres', '--', command, ...args]]
    : [command, args];
}

/**
 * Starts a throw-away PostgreSQL server: initdb into a temporary directory, pg_ctl on a free port,
 * loopback only, durability off (tests never survive a crash anyway). `stop()` removes everything.
 */
export async function startTestPostgres(): Promise<TestPostgres> {
  if (!fs.existsSync(path.join(PG_BIN, 'initdb')))
    throw new Error(
      `PostgreSQL tests need Debian's postgresql package (no ${PG_BIN}/initdb): apt-get install postgresql postgresql-contrib`,
    );
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cho-phien-pg-'));
  const data = path.join(dir, 'data');
  if (process.getuid?.() === 0) execFileSync('chown', ['postgres', dir]);
  const run = (command: string, args: string[]) => {
    const [cmd, argv] = asPostgresUser(path.join(PG_BIN, command), args);
    const result = spawnSync(cmd, argv, { encoding: 'utf8' });
    if (result.status !== 0)
      throw new Error(`${command} failed (${result.status}): ${result.stderr || result.stdout}`);
    return result.stdout;
  };
  run('initdb', ['-D', data, '--no-locale', '-E', 'UTF8', '-A', 'trust', '-U', 'postgres']);
  const port = await freePort();
  const options = [
    `-p ${port}`,
    `-k ${dir}`,
    "-c listen_addresses='127.0.0.1'",
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
    '-c max_connections=300',
    '-c shared_buffers=64MB',
  ].join(' ');
  run('pg_ctl', ['-D', data, '-o', options, '-l', path.join(dir, 'server.log'), '-w', 'start']);
  const url = (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;
  return {
    port,
    url,
    psql(sql, database = 'postgres') {
      return execFileSync(
        path.join(PG_BIN, 'psql'),
        ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-At', '-d', url(database), '-c', sql],
        { encoding: 'utf8' },
      );
    },
    stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
