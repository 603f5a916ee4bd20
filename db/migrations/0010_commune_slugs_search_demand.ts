import { sql, type Kysely } from 'kysely';

/**
 * Two communes of one province can fold to the same slug (Thái Nguyên's “Xã Văn Lang” and “Xã Văn
 * Lăng” were both `xa-van-lang`), so every commune's slug now ends with its official code and is unique;
 * the old slug (without the code) is still recognised and redirected by the commune page.
 *
 * `product_search_commune`: the embedded engine filters and boosts by commune.
 *
 * `search_demand`: what buyers searched for and found nothing or little, counted per ISO week and
 * province (the one the query named, '' when none). No buyer identity is kept: only the folded query.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db
    .updateTable('communes')
    .set({ slug: sql`slug || '-' || code` })
    .where(sql`slug`, 'not like', sql`'%-' || code`)
    .execute();
  await db.schema
    .createIndex('communes_slug_unique')
    .on('communes')
    .column('slug')
    .unique()
    .execute();

  // The embedded engine filters and boosts by commune (a commune page, "xã Bum Tở").
  await db.schema
    .createIndex('product_search_commune')
    .on('product_search')
    .column('commune_code')
    .execute();

  await db.schema
    .createTable('search_demand')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    /** Monday of the ISO week, YYYY-MM-DD. */
    .addColumn('week', 'text', (c) => c.notNull())
    .addColumn('province_code', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('query', 'text', (c) => c.notNull())
    .addColumn('searches', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('zero_results', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('fewest_results', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_searched_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('search_demand_key')
    .on('search_demand')
    .columns(['week', 'province_code', 'query'])
    .unique()
    .execute();
  await db.schema
    .createIndex('search_demand_province')
    .on('search_demand')
    .columns(['province_code', 'week'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('search_demand').execute();
  await db.schema.dropIndex('product_search_commune').execute();
  await db.schema.dropIndex('communes_slug_unique').execute();
  await db
    .updateTable('communes')
    .set({ slug: sql`substr(slug, 1, length(slug) - length(code) - 1)` })
    .execute();
}
