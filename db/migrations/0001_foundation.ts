import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect';

// Migrations take Kysely<any> and never import app code: they must keep working as the app changes.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('app_meta')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('provinces')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('full_name', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('province', 'city')`))
    .addColumn('former_names', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();

  await db.schema
    .createTable('communes')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('province_code', 'text', (c) => c.notNull().references('provinces.code'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('full_name', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('commune', 'ward', 'special_zone')`),
    )
    .addColumn('former_names', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await db.schema
    .createIndex('communes_province')
    .on('communes')
    .columns(['province_code', 'slug'])
    .execute();

  await db.schema
    .createTable('organizations')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) =>
      c
        .notNull()
        .check(sql`kind in ('cooperative', 'cooperative_group', 'household', 'enterprise')`),
    )
    .addColumn('province_code', 'text', (c) => c.notNull().references('provinces.code'))
    .addColumn('commune_code', 'text', (c) => c.references('communes.code'))
    .addColumn('address_line', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('phone', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('tax_code', 'text')
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('logo_key', 'text')
    .addColumn('verification_state', 'text', (c) =>
      c
        .notNull()
        .defaultTo('pending')
        .check(sql`verification_state in ('pending', 'approved', 'rejected')`),
    )
    .addColumn('rejection_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('organizations_province')
    .on('organizations')
    .column('province_code')
    .execute();

  await db.schema
    .createTable('products')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('ocop_group', 'text', (c) =>
      c
        .notNull()
        .check(sql`ocop_group in ('food', 'beverage', 'herbal', 'textile', 'souvenir', 'tourism')`),
    )
    .addColumn('category', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('net_quantity', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('weight_g', 'integer', (c) => c.check(sql`weight_g is null or weight_g > 0`))
    .addColumn('price_vnd', 'integer', (c) =>
      c.notNull().check(sql`price_vnd > 0 and price_vnd = cast(price_vnd as integer)`),
    )
    .addColumn('stock', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`stock >= 0`),
    )
    .addColumn('gtin', 'text', (c) => c.unique())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('draft')
        .check(sql`status in ('draft', 'submitted', 'published', 'rejected', 'archived')`),
    )
    .addColumn('rejection_reason', 'text')
    .addColumn('origin_commune_code', 'text', (c) => c.references('communes.code'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addUniqueConstraint('products_org_name', ['organization_id', 'name_key'])
    .execute();
  await db.schema
    .createIndex('products_org_status')
    .on('products')
    .columns(['organization_id', 'status'])
    .execute();

  await db.schema
    .createTable('product_images')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('product_id', 'integer', (c) =>
      c.notNull().references('products.id').onDelete('cascade'),
    )
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('alt', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .createIndex('product_images_product')
    .on('product_images')
    .columns(['product_id', 'position'])
    .execute();

  await db.schema
    .createTable('ocop_certificates')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('product_id', 'integer', (c) =>
      c.notNull().unique().references('products.id').onDelete('cascade'),
    )
    .addColumn('stars', 'integer', (c) => c.notNull().check(sql`stars in (3, 4, 5)`))
    .addColumn('certificate_no', 'text', (c) => c.notNull())
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('expires_on', 'text', (c) => c.notNull())
    .addColumn('scan_key', 'text')
    .addColumn('review_state', 'text', (c) =>
      c
        .notNull()
        .defaultTo('pending')
        .check(sql`review_state in ('pending', 'approved', 'rejected')`),
    )
    .addColumn('review_note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('certifications')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('product_id', 'integer', (c) =>
      c.notNull().references('products.id').onDelete('cascade'),
    )
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('vietgap', 'organic', 'geographical_indication')`),
    )
    .addColumn('reference', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('issued_on', 'text')
    .addColumn('expires_on', 'text')
    .execute();
  await db.schema
    .createIndex('certifications_product')
    .on('certifications')
    .column('product_id')
    .execute();

  await db.schema
    .createTable('search_outbox')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('product_id', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('processed_at', 'text')
    .execute();
  await db.schema
    .createIndex('search_outbox_pending')
    .on('search_outbox')
    .columns(['processed_at', 'next_attempt_at'])
    .execute();

  // Embedded search engine: filter columns + the document, and an FTS5 index over folded text.
  await db.schema
    .createTable('product_search')
    .addColumn('product_id', 'integer', (c) => c.primaryKey())
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('commune_code', 'text')
    .addColumn('ocop_group', 'text', (c) => c.notNull())
    .addColumn('ocop_stars', 'integer')
    .addColumn('stars_rank', 'integer', (c) => c.notNull())
    .addColumn('price_vnd', 'integer', (c) => c.notNull())
    .addColumn('in_stock', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('name_folded', 'text', (c) => c.notNull())
    .addColumn('document', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('product_search_price')
    .on('product_search')
    .column('price_vnd')
    .execute();
  await db.schema
    .createIndex('product_search_created')
    .on('product_search')
    .column('created_at')
    .execute();
  await db.schema
    .createIndex('product_search_stars')
    .on('product_search')
    .columns(['stars_rank desc', 'created_at desc'])
    .execute();
  // Covering index: the facet cube of an empty query is a scan of this index, with no sort.
  await db.schema
    .createIndex('product_search_facets')
    .on('product_search')
    .columns(['province_code', 'ocop_group', 'ocop_stars', 'in_stock', 'price_vnd'])
    .execute();
  // PostgreSQL searches product_search itself (full text + pg_trgm, added in 0009_postgres_search).
  if (isPostgres(db)) return;
  await sql`create virtual table product_fts using fts5(
    name, cooperative, place, category, description,
    tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3'
  )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) await sql`drop table product_fts`.execute(db);
  for (const table of [
    'product_search',
    'search_outbox',
    'certifications',
    'ocop_certificates',
    'product_images',
    'products',
    'organizations',
    'communes',
    'provinces',
    'app_meta',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
