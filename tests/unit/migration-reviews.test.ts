import { promises as fs } from 'node:fs';
import path from 'node:path';
import { FileMigrationProvider, Migrator, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '~db/connection.server';

// 0013 adds the reviews tables; the database holds the rules too (1–5 stars, one review per line).
const migrationFolder = path.resolve(import.meta.dirname, '../../db/migrations');
let opened: OpenedDatabase | undefined;
afterEach(async () => {
  await opened?.db.destroy();
  opened = undefined;
});

const tables = async (db: OpenedDatabase['db']) =>
  (
    await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(db)
  ).rows.map((r) => r.name);

describe('migration 0013_reviews', () => {
  it('creates the review tables with their checks, and drops them on the way down', async () => {
    opened = openDatabase(':memory:');
    const migrator = new Migrator({
      db: opened.db,
      provider: new FileMigrationProvider({ fs, path, migrationFolder }),
    });
    expect((await migrator.migrateTo('0013_reviews')).error).toBeUndefined();
    const db = opened.db;
    expect(await tables(db)).toEqual(
      expect.arrayContaining(['product_reviews', 'review_photos', 'review_reports']),
    );
    // Without the rows a review points at, the foreign keys refuse it; with a bad rating, the check.
    await sql`pragma foreign_keys = off`.execute(db);
    const insert = (rating: number, orderId = 1) =>
      sql`insert into product_reviews (order_id, product_id, organization_id, author_name, rating,
        created_at) values (${orderId}, 1, 1, 'Hà', ${rating}, '2026-11-01T00:00:00.000Z')`.execute(
        db,
      );
    await insert(5);
    await expect(insert(6, 2)).rejects.toThrow(/CHECK/);
    await expect(insert(0, 3)).rejects.toThrow(/CHECK/);
    await expect(insert(4)).rejects.toThrow(/UNIQUE/);
    expect((await migrator.migrateTo('0008_search_outbox_embedded')).error).toBeUndefined();
    expect(await tables(db)).not.toContain('product_reviews');
  });
});
