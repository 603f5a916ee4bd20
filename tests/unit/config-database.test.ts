import { describe, expect, it } from 'vitest';
import { describeDatabaseError } from '~db/connection.server';
import { redactUrl } from '~db/postgres.server';
import { ConfigError, loadConfig } from '~/lib/config.server';

describe('database configuration', () => {
  it('uses SQLite without DATABASE_URL and PostgreSQL with it, with its pool and timeout', () => {
    const sqlite = loadConfig({ DATA_DIR: '/srv/cho' });
    expect(sqlite.database).toEqual({
      path: '/srv/cho/cho-phien.sqlite',
      url: null,
      poolSize: 10,
      statementTimeoutMs: 15_000,
    });
    const pg = loadConfig({
      DATABASE_URL: 'postgres://cho:pw@db:5432/cho_phien',
      DATABASE_POOL_SIZE: '25',
      DATABASE_STATEMENT_TIMEOUT_MS: '5000',
    });
    expect(pg.database).toMatchObject({
      url: 'postgres://cho:pw@db:5432/cho_phien',
      poolSize: 25,
      statementTimeoutMs: 5000,
    });
  });

  it('rejects a URL that is not PostgreSQL and bad pool sizes, never printing the password', () => {
    let error: unknown;
    try {
      loadConfig({ DATABASE_URL: 'mysql://cho:s3cret@db/cho', DATABASE_POOL_SIZE: '0' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toMatch(
      /DATABASE_URL="mysql:\/\/cho:\*\*\*@db\/cho": must be a PostgreSQL URL/,
    );
    expect(message).toMatch(/DATABASE_POOL_SIZE="0": must be 1–200/);
    expect(message).not.toContain('s3cret');
  });

  it('JOBS=off leaves every background job, the search outbox included, to the worker', () => {
    const web = loadConfig({ JOBS: 'off' });
    expect(web.jobs).toBe(false);
    expect(web.search.inProcessWorker).toBe(false);
    expect(loadConfig({}).jobs).toBe(true);
    expect(() => loadConfig({ JOBS: 'maybe' })).toThrow(/JOBS="maybe": must be on or off/);
  });

  it('explains connection failures in one sentence and hides passwords in URLs', () => {
    expect(
      describeDatabaseError(
        Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
      ),
    ).toMatch(/PostgreSQL is not reachable/);
    const wrapped = new Error('Migration failed', {
      cause: Object.assign(new Error('password authentication failed'), { code: '28P01' }),
    });
    expect(describeDatabaseError(wrapped)).toMatch(/refused the user or password/);
    expect(redactUrl('postgres://cho:s3cret@db:5432/x')).toBe('postgres://cho:***@db:5432/x');
  });
});
