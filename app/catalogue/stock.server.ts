import { sql } from 'kysely';
import type { DB } from '~db/connection.server';
import type { StockMovementReason } from '~db/schema';
import type { Actor } from '~/accounts';
import { recordAudit } from '~/audit/index.server';
import { formatMessage } from '~/i18n/messages';
import { catalogueMessages as m } from '~/i18n/messages/catalogue';
import { UserError, invalid } from '~/lib/errors';
import { productsChanged } from '~/search/index.server';
import { getManagedProduct } from './managed-products.server';

/**
 * The one module that writes `products.stock`. Every change is one conditional UPDATE that refuses to
 * go below zero, with a `stock_movements` row saying why (sale, release, adjustment, import, seed) in
 * the same transaction, and the product queued for the search indexes.
 */

export interface StockLine {
  productId: number;
  quantity: number;
}

/** What a movement belongs to: the order and checkout of a sale or release, and who acted. */
export interface StockReference {
  orderId?: number | null;
  checkoutId?: number | null;
  userId?: number | null;
  now?: Date;
}

export type ReleaseReason = Extract<StockMovementReason, 'cancel_release' | 'expiry_release'>;

/**
 * Takes the units of a sale, line by line: each line is one UPDATE that only applies while the product
 * is published and has that many left, so concurrent checkouts never sell more than there is. A line
 * that cannot be taken throws a 409 naming the product; the caller's transaction then rolls back.
 */
export async function takeStock(trx: DB, lines: StockLine[], ref: StockReference): Promise<void> {
  const at = (ref.now ?? new Date()).toISOString();
  for (const line of lines) {
    const taken = await trx
      .updateTable('products')
      .set((eb) => ({ stock: eb('stock', '-', line.quantity), updated_at: at }))
      .where('id', '=', line.productId)
      .where('status', '=', 'published')
      .where('stock', '>=', line.quantity)
      .returning('stock')
      .executeTakeFirst();
    if (!taken) throw await outOfStock(trx, line);
    await recordMovement(trx, line.productId, -line.quantity, taken.stock, 'sale', ref, at);
  }
  await changed(trx, lines, ref);
}

/** Puts units back on sale: an order cancelled before shipping, or a checkout that was never paid. */
export async function releaseStock(
  trx: DB,
  lines: StockLine[],
  reason: ReleaseReason,
  ref: StockReference,
): Promise<void> {
  const at = (ref.now ?? new Date()).toISOString();
  for (const line of lines) {
    if (line.quantity <= 0) continue;
    const released = await trx
      .updateTable('products')
      .set((eb) => ({ stock: eb('stock', '+', line.quantity), updated_at: at }))
      .where('id', '=', line.productId)
      .returning('stock')
      .executeTakeFirst();
    if (released)
      await recordMovement(trx, line.productId, line.quantity, released.stock, reason, ref, at);
  }
  await changed(trx, lines, ref);
}

/**
 * Sets the stock a spreadsheet import or the demo seed says a product has. Records the difference and
 * returns whether anything changed; the caller (saveCatalogueProduct) queues the search update.
 */
export async function setStockLevel(
  trx: DB,
  productId: number,
  stock: number,
  reason: Extract<StockMovementReason, 'import' | 'seed'>,
  ref: StockReference,
): Promise<boolean> {
  if (!Number.isSafeInteger(stock) || stock < 0)
    throw new RangeError(`stock must be a whole number ≥ 0, got ${stock}`);
  const at = (ref.now ?? new Date()).toISOString();
  const current = await trx
    .selectFrom('products')
    .select('stock')
    .where('id', '=', productId)
    .executeTakeFirstOrThrow();
  if (current.stock === stock) return false;
  await trx
    .updateTable('products')
    .set({ stock, updated_at: at })
    .where('id', '=', productId)
    .where('stock', '=', current.stock)
    .executeTakeFirstOrThrow();
  await recordMovement(trx, productId, stock - current.stock, stock, reason, ref, at);
  return true;
}

/** The producer's manual change, with their reason: audited, and never below zero. */
export async function adjustStock(
  db: DB,
  actor: Actor,
  productId: number,
  delta: number,
  reason: string,
  now = new Date(),
): Promise<number> {
  const product = await getManagedProduct(db, actor, productId);
  if (!Number.isSafeInteger(delta) || delta === 0) throw invalid('delta', m.stockDeltaInvalid);
  const note = reason.trim();
  if (!note) throw invalid('reason', m.stockReasonRequired);
  const after = product.stock + delta;
  if (after < 0) throw invalid('delta', formatMessage(m.stockBelowZero, { stock: product.stock }));
  await db.transaction().execute(async (trx) => {
    // Guard against a concurrent change: only apply if the stock is still what the producer saw.
    const result = await trx
      .updateTable('products')
      .set({ stock: after, updated_at: now.toISOString() })
      .where('id', '=', productId)
      .where('stock', '=', product.stock)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw new UserError('conflict', 409, m.stockChanged);
    await recordMovement(
      trx,
      productId,
      delta,
      after,
      'adjustment',
      { userId: actor.userId },
      now.toISOString(),
      note,
    );
    await recordAudit(
      trx,
      {
        actorUserId: actor.userId,
        organizationId: product.organization_id,
        provinceCode: product.province_code,
        entityType: 'stock',
        entityId: productId,
        action: 'adjusted',
        changes: { stock: [product.stock, after], reason: [null, note] },
      },
      now,
    );
    await productsChanged(trx, [productId], now);
  });
  return after;
}

/** The producer's adjustments of one product, newest first (the product page's stock history). */
export function listStockAdjustments(db: DB, productId: number, limit = 50) {
  return db
    .selectFrom('stock_movements as s')
    .leftJoin('users as u', 'u.id', 's.user_id')
    .select([
      's.id',
      's.delta',
      's.stock_after',
      sql<string>`coalesce(s.note, '')`.as('reason'),
      's.created_at',
      'u.display_name',
    ])
    .where('s.product_id', '=', productId)
    .where('s.reason', '=', 'adjustment')
    .orderBy('s.id', 'desc')
    .limit(limit)
    .execute();
}

async function recordMovement(
  trx: DB,
  productId: number,
  delta: number,
  stockAfter: number,
  reason: StockMovementReason,
  ref: StockReference,
  at: string,
  note: string | null = null,
): Promise<void> {
  await trx
    .insertInto('stock_movements')
    .values({
      product_id: productId,
      delta,
      stock_after: stockAfter,
      reason,
      note,
      order_id: ref.orderId ?? null,
      checkout_id: ref.checkoutId ?? null,
      user_id: ref.userId ?? null,
      created_at: at,
    })
    .execute();
}

async function changed(trx: DB, lines: StockLine[], ref: StockReference): Promise<void> {
  await productsChanged(
    trx,
    lines.map((l) => l.productId),
    ref.now,
  );
}

async function outOfStock(trx: DB, line: StockLine): Promise<UserError> {
  const product = await trx
    .selectFrom('products')
    .select(['name', 'unit'])
    .where('id', '=', line.productId)
    .executeTakeFirst();
  return new UserError(
    'out_of_stock',
    409,
    formatMessage(m.outOfStock, {
      name: product?.name ?? `#${line.productId}`,
      quantity: line.quantity,
      unit: product?.unit ?? '',
    }),
  );
}
