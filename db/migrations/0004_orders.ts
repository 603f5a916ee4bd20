import { sql, type Kysely } from 'kysely';

// Carts, checkouts (one payment each), orders (one per cooperative), their history, payments received,
// refunds and the cooperatives' ledger. Money is whole VND in integer columns.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('organizations')
    .addColumn('free_delivery_from_vnd', 'integer')
    .execute();

  await db.schema
    .createTable('carts')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('token_hash', 'text', (c) => c.unique())
    .addColumn('user_id', 'integer', (c) => c.unique().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('cart_owner', sql`token_hash is not null or user_id is not null`)
    .execute();
  await db.schema
    .createTable('cart_items')
    .addColumn('cart_id', 'integer', (c) => c.notNull().references('carts.id').onDelete('cascade'))
    .addColumn('product_id', 'integer', (c) =>
      c.notNull().references('products.id').onDelete('cascade'),
    )
    .addColumn('quantity', 'integer', (c) => c.notNull().check(sql`quantity between 1 and 999`))
    .addColumn('price_vnd_when_added', 'integer', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('cart_items_pk', ['cart_id', 'product_id'])
    .execute();

  await db.schema
    .createTable('checkouts')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('reference', 'text', (c) => c.notNull().unique())
    .addColumn('access_token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('buyer_user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('contact_name', 'text', (c) => c.notNull())
    .addColumn('contact_phone', 'text', (c) => c.notNull())
    .addColumn('contact_email', 'text')
    .addColumn('province_code', 'text', (c) => c.notNull().references('provinces.code'))
    .addColumn('commune_code', 'text', (c) => c.notNull().references('communes.code'))
    .addColumn('street', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('payment_method', 'text', (c) =>
      c.notNull().check(sql`payment_method in ('vietqr', 'card', 'cod')`),
    )
    .addColumn('goods_vnd', 'integer', (c) => c.notNull())
    .addColumn('delivery_vnd', 'integer', (c) => c.notNull())
    .addColumn('total_vnd', 'integer', (c) => c.notNull().check(sql`total_vnd > 0`))
    .addColumn('received_vnd', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('payment_state', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`payment_state in ('awaiting', 'paid', 'cash_on_delivery', 'expired', 'cancelled')`,
        ),
    )
    .addColumn('pay_by', 'text')
    .addColumn('paid_at', 'text')
    .addColumn('stripe_session_id', 'text', (c) => c.unique())
    .addColumn('stripe_payment_intent_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('checkouts_awaiting')
    .on('checkouts')
    .columns(['payment_state', 'pay_by'])
    .execute();
  await db.schema
    .createIndex('checkouts_buyer')
    .on('checkouts')
    .columns(['buyer_user_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('orders')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('checkout_id', 'integer', (c) => c.notNull().references('checkouts.id'))
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('payment_method', 'text', (c) => c.notNull())
    .addColumn('goods_vnd', 'integer', (c) => c.notNull())
    .addColumn('delivery_vnd', 'integer', (c) => c.notNull())
    .addColumn('total_vnd', 'integer', (c) => c.notNull())
    .addColumn('paid_vnd', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('weight_g', 'integer', (c) => c.notNull())
    .addColumn('carrier', 'text')
    .addColumn('tracking_number', 'text')
    .addColumn('shipped_lots', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('cancel_reason', 'text')
    .addColumn('refund_due', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('orders_checkout').on('orders').column('checkout_id').execute();
  await db.schema
    .createIndex('orders_organization')
    .on('orders')
    .columns(['organization_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('order_items')
    .addColumn('order_id', 'integer', (c) =>
      c.notNull().references('orders.id').onDelete('cascade'),
    )
    .addColumn('product_id', 'integer', (c) => c.notNull().references('products.id'))
    .addColumn('product_name', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('unit_price_vnd', 'integer', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull().check(sql`quantity > 0`))
    .addColumn('weight_g', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('order_items_pk', ['order_id', 'product_id'])
    .execute();

  await db.schema
    .createTable('order_history')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('order_id', 'integer', (c) =>
      c.notNull().references('orders.id').onDelete('cascade'),
    )
    .addColumn('from_state', 'text', (c) => c.notNull())
    .addColumn('to_state', 'text', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('actor_role', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('carrier', 'text')
    .addColumn('tracking_number', 'text')
    .addColumn('lots', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await db.schema
    .createIndex('order_history_order')
    .on('order_history')
    .columns(['order_id', 'id'])
    .execute();

  // Every payment notification and operator confirmation, once per provider transaction id.
  await db.schema
    .createTable('payment_events')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('provider', 'text', (c) =>
      c.notNull().check(sql`provider in ('bank', 'stripe', 'operator')`),
    )
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('checkout_id', 'integer', (c) => c.references('checkouts.id'))
    .addColumn('amount_vnd', 'integer', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('review_state', 'text', (c) =>
      c.notNull().check(sql`review_state in ('none', 'open', 'resolved')`),
    )
    .addColumn('resolved_by', 'integer', (c) => c.references('users.id'))
    .addColumn('resolved_at', 'text')
    .addColumn('resolution_note', 'text')
    .addUniqueConstraint('payment_events_once', ['provider', 'external_id'])
    .execute();
  await db.schema
    .createIndex('payment_events_review')
    .on('payment_events')
    .columns(['review_state', 'received_at'])
    .execute();

  await db.schema
    .createTable('refunds')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('order_id', 'integer', (c) => c.notNull().references('orders.id'))
    .addColumn('amount_vnd', 'integer', (c) => c.notNull().check(sql`amount_vnd > 0`))
    .addColumn('method', 'text', (c) =>
      c.notNull().check(sql`method in ('stripe', 'bank_transfer')`),
    )
    .addColumn('stripe_refund_id', 'text', (c) => c.unique())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  // What each cooperative is owed: earnings of delivered orders (net of commission), reversals, payouts.
  await db.schema
    .createTable('ledger_entries')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('order_id', 'integer', (c) => c.references('orders.id'))
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('earning', 'reversal', 'payout')`),
    )
    .addColumn('gross_vnd', 'integer', (c) => c.notNull())
    .addColumn('commission_vnd', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('amount_vnd', 'integer', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('ledger_organization')
    .on('ledger_entries')
    .columns(['organization_id', 'id'])
    .execute();
  // One earning and at most one reversal per order, whatever retries happen.
  await sql`create unique index ledger_order_once on ledger_entries (order_id, kind) where order_id is not null`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'ledger_entries',
    'refunds',
    'payment_events',
    'order_history',
    'order_items',
    'orders',
    'checkouts',
    'cart_items',
    'carts',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.alterTable('organizations').dropColumn('free_delivery_from_vnd').execute();
}
