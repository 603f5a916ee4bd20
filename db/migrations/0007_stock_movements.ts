import { sql, type Kysely } from 'kysely';
import { appendOnly, isPostgres } from '../dialect';

/**
 * One append-only history of every change to products.stock, with its reason: sales, releases of a
 * cancelled or expired order, the producer's adjustments, imports and the demo seed. It replaces
 * stock_adjustments (whose rows become `adjustment` movements, their text in `note`). Sales and releases
 * before this migration were not recorded, so each product with stock the history does not explain gets
 * one `opening` movement: afterwards the deltas of a product always add up to its stock.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('stock_movements')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('product_id', 'integer', (c) =>
      c.notNull().references('products.id').onDelete('cascade'),
    )
    .addColumn('delta', 'integer', (c) => c.notNull().check(sql`delta <> 0`))
    .addColumn('stock_after', 'integer', (c) => c.notNull().check(sql`stock_after >= 0`))
    .addColumn('reason', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`reason in ('opening', 'seed', 'import', 'adjustment', 'sale', 'cancel_release', 'expiry_release')`,
        ),
    )
    .addColumn('note', 'text')
    .addColumn('order_id', 'integer', (c) => c.references('orders.id'))
    .addColumn('checkout_id', 'integer', (c) => c.references('checkouts.id'))
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('stock_movements_product')
    .on('stock_movements')
    .columns(['product_id', 'id'])
    .execute();
  await db.schema
    .createIndex('stock_movements_order')
    .on('stock_movements')
    .column('order_id')
    .where(sql.ref('order_id'), 'is not', null)
    .execute();
  if (isPostgres(db)) await appendOnly(db, 'stock_movements', ['update']);
  else
    await sql`create trigger stock_movements_append_only before update on stock_movements
      begin select raise(abort, 'stock_movements is append-only'); end`.execute(db);

  await sql`insert into stock_movements (product_id, delta, stock_after, reason, note, user_id, created_at)
    select product_id, delta, stock_after, 'adjustment', reason, user_id, created_at
    from stock_adjustments order by id`.execute(db);
  await sql`insert into stock_movements (product_id, delta, stock_after, reason, created_at)
    select p.id, p.stock - coalesce(m.total, 0), p.stock, 'opening', ${new Date().toISOString()}
    from products p
    left join (select product_id, sum(delta) as total from stock_movements group by product_id) m
      on m.product_id = p.id
    where p.stock - coalesce(m.total, 0) <> 0
    order by p.id`.execute(db);
  await db.schema.dropTable('stock_adjustments').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('stock_adjustments')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('product_id', 'integer', (c) =>
      c.notNull().references('products.id').onDelete('cascade'),
    )
    .addColumn('delta', 'integer', (c) => c.notNull())
    .addColumn('stock_after', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('stock_adjustments_product')
    .on('stock_adjustments')
    .columns(['product_id', 'created_at'])
    .execute();
  await sql`insert into stock_adjustments (product_id, delta, stock_after, reason, user_id, created_at)
    select product_id, delta, stock_after, coalesce(note, ''), user_id, created_at
    from stock_movements where reason = 'adjustment' order by id`.execute(db);
  await db.schema.dropTable('stock_movements').execute();
}
