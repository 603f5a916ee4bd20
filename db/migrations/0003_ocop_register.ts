import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('ocop_register_entries')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('province_code', 'text', (c) => c.notNull().references('provinces.code'))
    .addColumn('product_name', 'text', (c) => c.notNull())
    .addColumn('producer', 'text', (c) => c.notNull())
    .addColumn('stars', 'integer', (c) => c.notNull().check(sql`stars in (3, 4, 5)`))
    .addColumn('certificate_no', 'text', (c) => c.notNull())
    .addColumn('decision_date', 'text', (c) => c.notNull())
    .addColumn('expires_on', 'text', (c) => c.notNull())
    .addColumn('ocop_group', 'text', (c) => c.notNull())
    .addColumn('commune_code', 'text', (c) => c.references('communes.code'))
    .addColumn('matched_product_id', 'integer', (c) =>
      c.references('products.id').onDelete('set null'),
    )
    .addColumn('matched_by', 'integer', (c) => c.references('users.id'))
    .addColumn('matched_at', 'text')
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('ocop_register_certificate', ['province_code', 'certificate_no'])
    .execute();
  await db.schema
    .createIndex('ocop_register_product')
    .on('ocop_register_entries')
    .column('matched_product_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('ocop_register_entries').execute();
}
