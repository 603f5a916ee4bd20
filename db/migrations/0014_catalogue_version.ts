import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect';

/**
 * Row 1's `version` goes up with every write to what public pages show (products, their images,
 * certificates, cooperatives, places, the search index, batches). Triggers bump it inside the writing
 * transaction, so every app instance sharing the database sees a new version as soon as the write
 * commits, and caches keyed on it (server/response-cache.ts, decision 015) can never serve a page
 * older than the data. Row 2 is the places version (provinces and communes only). On PostgreSQL the
 * same bump is one statement-level trigger per table calling `catalogue_version_bump(all_rows)`.
 */
export const CATALOGUE_TABLES = [
  'provinces',
  'communes',
  'organizations',
  'products',
  'product_images',
  'ocop_certificates',
  'certifications',
  'ocop_register_entries',
  'product_search',
  'search_outbox',
  'batches',
  'batch_events',
  // Ratings, counts and reviews show on product cards and pages (0013).
  'product_reviews',
  'review_photos',
] as const;
/** Row 2 changes only with these: the province and commune lists stay cached while stock moves. */
const PLACE_TABLES = ['provinces', 'communes'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('catalogue_version')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id in (1, 2)`))
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db
    .insertInto('catalogue_version')
    .values([
      { id: 1, version: 1 },
      { id: 2, version: 1 },
    ])
    .execute();
  if (isPostgres(db)) {
    await sql`create function catalogue_version_bump() returns trigger language plpgsql as $$
      begin
        if tg_argv[0] = 'all' then
          update catalogue_version set version = version + 1;
        else
          update catalogue_version set version = version + 1 where id = 1;
        end if;
        return null;
      end $$`.execute(db);
    for (const table of CATALOGUE_TABLES) {
      const rows = PLACE_TABLES.includes(table as never) ? 'all' : 'catalogue';
      await sql`create trigger ${sql.raw(`catalogue_version_${table}`)}
        after insert or update or delete on ${sql.table(table)}
        for each statement execute function catalogue_version_bump(${sql.lit(rows)})`.execute(db);
    }
    return;
  }
  for (const table of CATALOGUE_TABLES) {
    // Places bump both rows; everything else the catalogue row only.
    const rows = PLACE_TABLES.includes(table as never) ? sql`` : sql`where id = 1`;
    for (const event of ['insert', 'update', 'delete']) {
      await sql`create trigger ${sql.raw(`catalogue_version_${table}_${event}`)}
        after ${sql.raw(event)} on ${sql.table(table)}
        begin update catalogue_version set version = version + 1 ${rows}; end`.execute(db);
    }
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    for (const table of CATALOGUE_TABLES) {
      await sql`drop trigger if exists ${sql.raw(`catalogue_version_${table}`)} on ${sql.table(table)}`.execute(
        db,
      );
    }
    await sql`drop function if exists catalogue_version_bump()`.execute(db);
    await db.schema.dropTable('catalogue_version').execute();
    return;
  }
  for (const table of CATALOGUE_TABLES) {
    for (const event of ['insert', 'update', 'delete']) {
      await sql`drop trigger if exists ${sql.raw(`catalogue_version_${table}_${event}`)}`.execute(
        db,
      );
    }
  }
  await db.schema.dropTable('catalogue_version').execute();
}
