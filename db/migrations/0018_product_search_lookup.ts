import type { Kysely } from 'kysely';
import { isPostgres } from '../dialect';

/**
 * The embedded engine (SQLite) joins every FTS5 match to `product_search` to filter and rank it; the
 * table's rows carry the whole document, so each lookup reads far more than it needs. This index holds
 * everything filtering and ranking read, so tens of thousands of matches are joined without touching
 * the table; the page's documents are then read by id (decision 018). PostgreSQL searches
 * product_search through its own indexes (0009).
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) return;
  await db.schema
    .createIndex('product_search_lookup')
    .on('product_search')
    .columns([
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
    ])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) return;
  await db.schema.dropIndex('product_search_lookup').execute();
}
