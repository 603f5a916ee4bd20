import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect';

/**
 * PostgreSQL's embedded search (the fallback when Meilisearch is down), where SQLite has its FTS5
 * table: product_search keeps the folded text per field, a weighted tsvector generated from it
 * (name A, cooperative and place B, category C, description D) and pg_trgm indexes for typos.
 * Nothing changes on SQLite.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`create extension if not exists pg_trgm`.execute(db);
  for (const column of [
    'fts_name',
    'fts_cooperative',
    'fts_place',
    'fts_category',
    'fts_description',
  ])
    await db.schema
      .alterTable('product_search')
      .addColumn(column, 'text', (c) => c.notNull().defaultTo(''))
      .execute();
  await sql`alter table product_search add column fts tsvector generated always as (
    setweight(to_tsvector('simple', fts_name), 'A') ||
    setweight(to_tsvector('simple', fts_cooperative), 'B') ||
    setweight(to_tsvector('simple', fts_place), 'B') ||
    setweight(to_tsvector('simple', fts_category), 'C') ||
    setweight(to_tsvector('simple', fts_description), 'D')
  ) stored`.execute(db);
  await sql`create index product_search_fts on product_search using gin (fts)`.execute(db);
  // Typos: a typed word close to a word of the name (pg_trgm's word similarity, %> operator).
  await sql`create index product_search_name_trgm on product_search using gin (fts_name gin_trgm_ops)`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`drop index product_search_name_trgm`.execute(db);
  await sql`alter table product_search drop column fts`.execute(db);
  for (const column of [
    'fts_name',
    'fts_cooperative',
    'fts_place',
    'fts_category',
    'fts_description',
  ])
    await db.schema.alterTable('product_search').dropColumn(column).execute();
}
