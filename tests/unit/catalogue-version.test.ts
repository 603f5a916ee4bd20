import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '~db/connection.server';
import { migrateToLatest } from '~db/migrate.server';
import { listProvinces, readCatalogueVersion } from '~/catalogue/index.server';

// Migration 0014: triggers keep the versions in the database, so a write through any connection (any
// app instance) is seen by the memoized lists and the response cache on their next read.
let opened: OpenedDatabase | undefined;
afterEach(async () => {
  await opened?.db.destroy();
  opened = undefined;
});

const province = (code: string, name: string) => ({
  code,
  name,
  full_name: `Tỉnh ${name}`,
  slug: name.toLowerCase(),
  kind: 'province' as const,
  former_names: '[]',
});

describe('catalogue version', () => {
  it('goes up with place writes, and the memoized province list follows', async () => {
    opened = openDatabase(':memory:');
    const { db } = opened;
    await migrateToLatest(db);
    const before = {
      catalogue: await readCatalogueVersion(db),
      places: await readCatalogueVersion(db, 'places'),
    };
    await db.insertInto('provinces').values(province('91', 'Kiên Giang')).execute();
    expect(await readCatalogueVersion(db)).toBe(before.catalogue + 1);
    expect(await readCatalogueVersion(db, 'places')).toBe(before.places + 1);
    expect((await listProvinces(db)).map((p) => p.code)).toEqual(['91']);
    // The memoized list is not shared mutable state.
    (await listProvinces(db)).pop();
    expect(await listProvinces(db)).toHaveLength(1);
    await db.insertInto('provinces').values(province('01', 'An Giang')).execute();
    expect((await listProvinces(db)).map((p) => p.name)).toEqual(['An Giang', 'Kiên Giang']);
    await db.updateTable('provinces').set({ name: 'Hà Nội' }).where('code', '=', '01').execute();
    expect((await listProvinces(db)).map((p) => p.name)).toEqual(['Hà Nội', 'Kiên Giang']);
    await db.deleteFrom('provinces').where('code', '=', '91').execute();
    expect((await listProvinces(db)).map((p) => p.code)).toEqual(['01']);
  });

  it('moves the catalogue row, not the places row, for other catalogue tables', async () => {
    opened = openDatabase(':memory:');
    const { db } = opened;
    await migrateToLatest(db);
    const places = await readCatalogueVersion(db, 'places');
    const catalogue = await readCatalogueVersion(db);
    await db.insertInto('app_meta').values({ key: 'unrelated', value: '1' }).execute();
    expect(await readCatalogueVersion(db)).toBe(catalogue);
    await db
      .insertInto('product_search')
      .values({
        product_id: 7,
        province_code: '01',
        commune_code: null,
        ocop_group: 'food',
        ocop_stars: null,
        stars_rank: 0,
        price_vnd: 1000,
        in_stock: 1,
        created_at: '2026-01-01T00:00:00.000Z',
        name_folded: 'mat ong',
        document: '{}',
      })
      .execute();
    expect(await readCatalogueVersion(db)).toBe(catalogue + 1);
    await db.updateTable('product_search').set({ price_vnd: 2000 }).execute();
    expect(await readCatalogueVersion(db)).toBe(catalogue + 2);
    expect(await readCatalogueVersion(db, 'places')).toBe(places);
  });
});
