import { sql, type Kysely } from 'kysely';

/**
 * Verified-purchase reviews (decision 016): one review per order line (order + product), written by the
 * buyer of a delivered order; photos in their own table; the cooperative's one answer and the
 * operator's hiding sit on the review row; reports, one per reporter, in their own table.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('product_reviews')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('order_id', 'integer', (c) => c.notNull().references('orders.id'))
    .addColumn('product_id', 'integer', (c) =>
      c.notNull().references('products.id').onDelete('cascade'),
    )
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('author_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('rating', 'integer', (c) => c.notNull().check(sql`rating between 1 and 5`))
    .addColumn('body', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('state', 'text', (c) =>
      c
        .notNull()
        .defaultTo('visible')
        .check(sql`state in ('visible', 'hidden')`),
    )
    .addColumn('hidden_reason', 'text')
    .addColumn('hidden_by', 'integer', (c) => c.references('users.id'))
    .addColumn('hidden_at', 'text')
    .addColumn('reply_body', 'text')
    .addColumn('reply_by', 'integer', (c) => c.references('users.id'))
    .addColumn('reply_at', 'text')
    .addColumn('report_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('product_reviews_order_line', ['order_id', 'product_id'])
    .execute();
  await db.schema
    .createIndex('product_reviews_product')
    .on('product_reviews')
    .columns(['product_id', 'state', 'id'])
    .execute();
  await db.schema
    .createIndex('product_reviews_organization')
    .on('product_reviews')
    .columns(['organization_id', 'id'])
    .execute();
  await db.schema
    .createTable('review_photos')
    .addColumn('review_id', 'integer', (c) =>
      c.notNull().references('product_reviews.id').onDelete('cascade'),
    )
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('review_photos_pk', ['review_id', 'position'])
    .execute();
  await db.schema
    .createTable('review_reports')
    .addColumn('review_id', 'integer', (c) =>
      c.notNull().references('product_reviews.id').onDelete('cascade'),
    )
    .addColumn('reporter_user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('review_reports_pk', ['review_id', 'reporter_user_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('review_reports').execute();
  await db.schema.dropTable('review_photos').execute();
  await db.schema.dropTable('product_reviews').execute();
}
