import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { openDatabase } from '~db/connection.server';
import { openPostgres } from '~db/postgres.server';
import { createEmbeddedSearchIndex } from '~/search/embedded.server';
import { loadFoldedSynonyms } from '~/search/synonyms.server';
import { emptyQuery } from '~/search/types';
import { PG_BIN } from '../helpers/postgres';

// PostgreSQL project only: npm run db:copy moves a seeded SQLite database into an empty PostgreSQL one.
const ROOT = path.resolve(import.meta.dirname, '../..');
let dir: string;
let targetUrl: string;

// Child processes run asynchronously: a worker blocked for a minute misses vitest's RPC deadline.
const run = async (args: string[], env: Record<string, string | undefined> = {}) => {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, args, {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, ...env },
    });
    return { status: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { status: e.code ?? 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
};

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cho-phien-copy-'));
  const built = await run(['--import', 'tsx', 'tests/helpers/build-template.ts', dir], {
    DATABASE_URL: '',
  });
  if (built.status !== 0) throw new Error(`template build failed: ${built.stderr}`);
  const { port } = inject('template').postgres!;
  const name = `copy_${process.pid}`;
  const admin = `postgres://postgres@127.0.0.1:${port}/postgres`;
  execFileSync(path.join(PG_BIN, 'psql'), [
    '-X',
    '-q',
    '-d',
    admin,
    '-c',
    `create database ${name}`,
  ]);
  targetUrl = `postgres://postgres@127.0.0.1:${port}/${name}`;
}, 120_000);
afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const copy = () =>
  run(['--import', 'tsx', 'scripts/db-copy.ts', '--to', targetUrl], {
    DATABASE_URL: '',
    DATABASE_PATH: path.join(dir, 'template.sqlite'),
  });

describe('npm run db:copy', () => {
  it('copies every table with matching counts and checksums, sequences past the ids, search rebuilt', async () => {
    const result = await copy();
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/every count and checksum matches/);
    expect(result.stdout).not.toMatch(/'NO'/);

    const sqlite = openDatabase(path.join(dir, 'template.sqlite'));
    const { db } = openPostgres({ url: targetUrl, poolSize: 2, statementTimeoutMs: 30_000 });
    try {
      for (const table of ['products', 'communes', 'stock_movements', 'batch_events'] as const) {
        const count = async (d: typeof db) =>
          (
            await d
              .selectFrom(table)
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n;
        expect(await count(db)).toBe(await count(sqlite.db));
        expect(await count(db)).toBeGreaterThan(0);
      }
      // New rows get ids past the copied ones.
      const max = await sqlite.db
        .selectFrom('products')
        .select((eb) => eb.fn.max('id').as('id'))
        .executeTakeFirstOrThrow();
      const product = await db
        .selectFrom('products')
        .selectAll()
        .orderBy('id')
        .executeTakeFirstOrThrow();
      const { id: _id, ...copyOf } = product;
      const inserted = await db
        .insertInto('products')
        .values({ ...copyOf, slug: 'ban-sao-moi', name_key: 'ban sao moi', gtin: null })
        .returning('id')
        .executeTakeFirstOrThrow();
      expect(inserted.id).toBeGreaterThan(Number(max.id));
      // The embedded search answers on PostgreSQL at once.
      const index = createEmbeddedSearchIndex(db, loadFoldedSynonyms());
      const found = await index.search(emptyQuery({ q: 'mien dong' }));
      expect(found.hits[0]?.name).toMatch(/^Miến dong/);
    } finally {
      await db.destroy();
      await sqlite.db.destroy();
    }
  });

  it('refuses a target that already holds rows, and a URL that is not PostgreSQL', async () => {
    const again = await copy();
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/Refusing to copy: .* is not empty/);
    const bad = await run(['--import', 'tsx', 'scripts/db-copy.ts', '--to', 'mysql://x']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/Usage: npm run db:copy -- --to postgres:\/\//);
  });
});
