import { promises as fs } from 'node:fs';
import path from 'node:path';
import { FileMigrationProvider, Migrator } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '~db/connection.server';

// 0018 adds the covering index the embedded engine ranks matches from (decision 018).
const migrationFolder = path.resolve(import.meta.dirname, '../../db/migrations');
let opened: OpenedDatabase | undefined;
afterEach(async () => {
  await opened?.db.destroy();
  opened = undefined;
});

describe('migration 0018_product_search_lookup', () => {
  it('holds every column a text search filters, sorts and ranks by, and down drops it', async () => {
    opened = openDatabase(':memory:');
    const { db, sqlite } = opened;
    const migrator = new Migrator({
      db,
      provider: new FileMigrationProvider({ fs, path, migrationFolder }),
    });
    expect((await migrator.migrateTo('0018_product_search_lookup')).error).toBeUndefined();
    const columns = sqlite.pragma(`index_info('product_search_lookup')`) as Array<{ name: string }>;
    // Everything the engine filters, boosts, sorts and ranks by; never the document.
    expect(columns.map((c) => c.name)).toEqual([
      'product_id',
      'province_code',
      'commune_code',
      'ocop_group',
      'ocop_stars',
      'stars_rank',
      'price_vnd',
      'in_stock',
      'created_at',
      'name_folded',
    ]);

    expect((await migrator.migrateDown()).error).toBeUndefined();
    const left = sqlite
      .prepare(`select name from sqlite_master where type = 'index' and name = ?`)
      .all('product_search_lookup');
    expect(left).toEqual([]);
  });
});
