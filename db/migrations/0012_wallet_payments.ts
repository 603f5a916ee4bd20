import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect';

/**
 * VNPay, MoMo and ZaloPay beside VietQR, cards and cash (docs/decisions/014-wallets-and-gateways.md).
 * The CHECK lists of checkouts.payment_method, payment_events.provider and refunds.method grow. A
 * column CHECK cannot be altered in SQLite, so each column is replaced — add the new column, copy,
 * drop the old (allowed: its only constraint is its own CHECK), rename — except payment_events.provider,
 * which is part of a unique constraint: that table (which nothing references) is rebuilt.
 * Checkouts also keep which gateway payment paid them (needed to refund it through the gateway).
 */
const METHODS = sql`('vietqr', 'card', 'cod', 'vnpay', 'momo', 'zalopay')`;
const PROVIDERS = sql`('bank', 'stripe', 'operator', 'vnpay', 'momo', 'zalopay')`;
const REFUND_METHODS = sql`('stripe', 'bank_transfer', 'vnpay', 'momo', 'zalopay')`;

async function replaceColumn(
  db: Kysely<any>,
  table: string,
  column: string,
  fallback: string,
  allowed: ReturnType<typeof sql>,
) {
  const next = `${column}_next`;
  await db.schema
    .alterTable(table)
    .addColumn(next, 'text', (c) =>
      c
        .notNull()
        .defaultTo(fallback)
        .check(sql`${sql.ref(next)} in ${allowed}`),
    )
    .execute();
  await db
    .updateTable(table)
    .set({ [next]: sql.ref(column) })
    .execute();
  await db.schema.alterTable(table).dropColumn(column).execute();
  await db.schema.alterTable(table).renameColumn(next, column).execute();
}

async function rebuildPaymentEvents(db: Kysely<any>, providers: ReturnType<typeof sql>) {
  const columns = [
    'id',
    'provider',
    'external_id',
    'checkout_id',
    'amount_vnd',
    'description',
    'occurred_at',
    'received_at',
    'outcome',
    'review_state',
    'resolved_by',
    'resolved_at',
    'resolution_note',
  ];
  await db.schema
    .createTable('payment_events_next')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('provider', 'text', (c) => c.notNull().check(sql`provider in ${providers}`))
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
    .addUniqueConstraint('payment_events_once_per_provider', ['provider', 'external_id'])
    .execute();
  await db
    .insertInto('payment_events_next')
    .columns(columns)
    .expression(db.selectFrom('payment_events').select(columns))
    .execute();
  await db.schema.dropTable('payment_events').execute();
  await db.schema.alterTable('payment_events_next').renameTo('payment_events').execute();
  // The ids were copied: PostgreSQL's identity sequence must start past them.
  if (isPostgres(db))
    await sql`select setval(pg_get_serial_sequence('payment_events', 'id'),
      coalesce((select max(id) from payment_events), 0) + 1, false)`.execute(db);
  await db.schema
    .createIndex('payment_events_review')
    .on('payment_events')
    .columns(['review_state', 'received_at'])
    .execute();
  await db.schema
    .createIndex('payment_events_checkout')
    .on('payment_events')
    .columns(['checkout_id', 'received_at'])
    .execute();
}

export async function up(db: Kysely<any>): Promise<void> {
  await replaceColumn(db, 'checkouts', 'payment_method', 'cod', METHODS);
  // One ALTER per column: SQLite adds one column per statement.
  for (const column of ['gateway_order_id', 'gateway_transaction_id', 'gateway_paid_at'])
    await db.schema.alterTable('checkouts').addColumn(column, 'text').execute();
  await replaceColumn(db, 'refunds', 'method', 'bank_transfer', REFUND_METHODS);
  await db.schema.alterTable('refunds').addColumn('gateway_refund_id', 'text').execute();
  await rebuildPaymentEvents(db, PROVIDERS);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db
    .deleteFrom('payment_events')
    .where('provider', 'in', ['vnpay', 'momo', 'zalopay'])
    .execute();
  await rebuildPaymentEvents(db, sql`('bank', 'stripe', 'operator')`);
  await db.schema.alterTable('refunds').dropColumn('gateway_refund_id').execute();
  await replaceColumn(db, 'refunds', 'method', 'bank_transfer', sql`('stripe', 'bank_transfer')`);
  await db.schema.alterTable('checkouts').dropColumn('gateway_paid_at').execute();
  await db.schema.alterTable('checkouts').dropColumn('gateway_transaction_id').execute();
  await db.schema.alterTable('checkouts').dropColumn('gateway_order_id').execute();
  await replaceColumn(db, 'checkouts', 'payment_method', 'cod', sql`('vietqr', 'card', 'cod')`);
}
