import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '~/accounts';
import { loadActor } from '~/accounts/index.server';
import { adjustStock, listStockAdjustments, takeStock } from '~/catalogue/stock.server';
import { isUserError, type UserError } from '~/lib/errors';
import { applyOrderEvent } from '~/orders/orders.server';
import { expireUnpaidCheckouts } from '~/payments/payments.server';
import { guestCheckout, productsOfTwoCooperatives } from '../helpers/checkout';
import { refreshEmbeddedSearch } from '../helpers/search';
import { copyTemplateDatabase, first, type TestData } from '../helpers/test-db';

let data: TestData;
beforeEach(() => {
  data = copyTemplateDatabase();
});
afterEach(async () => {
  await data.cleanup();
});

const stockOf = async (id: number) =>
  (
    await data.db
      .selectFrom('products')
      .select('stock')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
  ).stock;
const movementsOf = (id: number) =>
  data.db
    .selectFrom('stock_movements')
    .selectAll()
    .where('product_id', '=', id)
    .orderBy('id')
    .execute();

async function ownerOf(slug: string): Promise<{ actor: Actor; productId: number }> {
  const user = await data.db
    .selectFrom('users')
    .select('id')
    .where('email', '=', `${slug}@chophien.test`)
    .executeTakeFirstOrThrow();
  const actor = await loadActor(data.db, user.id);
  if (!actor) throw new Error(`no actor for ${slug}`);
  const product = await data.db
    .selectFrom('products as p')
    .innerJoin('organizations as o', 'o.id', 'p.organization_id')
    .select('p.id')
    .where('o.slug', '=', slug)
    .where('p.stock', '>', 0)
    .orderBy('p.id')
    .executeTakeFirstOrThrow();
  return { actor, productId: product.id };
}

async function userError(promise: Promise<unknown>): Promise<UserError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!isUserError(error)) throw new Error(`expected a UserError, got ${String(error)}`);
  return error;
}

describe('the demo seed', () => {
  it('records every product’s stock as seed movements that add up to it', async () => {
    const rows = await sql<{ id: number; stock: number; total: number | null; other: number }>`
      select p.id, p.stock, sum(m.delta) as total,
        sum(case when m.reason <> 'seed' then 1 else 0 end) as other
      from products p left join stock_movements m on m.product_id = p.id
      group by p.id`.execute(data.db);
    expect(rows.rows.length).toBeGreaterThan(0);
    for (const row of rows.rows) {
      expect(row.total ?? 0).toBe(row.stock);
      expect(row.other ?? 0).toBe(0);
    }
  });
});

describe('a sale and its release', () => {
  it('takes the units with a sale movement naming the order, and gives them back on cancellation', async () => {
    const a = first(await productsOfTwoCooperatives(data.db));
    const before = await stockOf(a.id);
    const { placed } = await guestCheckout(data.db, [{ productId: a.id, quantity: 2 }], 'vietqr');
    const order = await data.db
      .selectFrom('orders')
      .select('id')
      .where('checkout_id', '=', placed.checkoutId)
      .executeTakeFirstOrThrow();
    expect(await stockOf(a.id)).toBe(before - 2);
    expect((await movementsOf(a.id)).at(-1)).toMatchObject({
      delta: -2,
      stock_after: before - 2,
      reason: 'sale',
      order_id: order.id,
      checkout_id: placed.checkoutId,
    });

    await applyOrderEvent(
      data.db,
      { role: 'buyer', access: { checkoutToken: placed.accessToken } },
      order.id,
      'buyer_cancel',
    );
    expect(await stockOf(a.id)).toBe(before);
    expect((await movementsOf(a.id)).at(-1)).toMatchObject({
      delta: 2,
      stock_after: before,
      reason: 'cancel_release',
      order_id: order.id,
    });
  });

  it('records an unpaid checkout’s units coming back as an expiry release', async () => {
    const a = first(await productsOfTwoCooperatives(data.db));
    const before = await stockOf(a.id);
    const { placed } = await guestCheckout(data.db, [{ productId: a.id, quantity: 1 }], 'vietqr');
    expect(await expireUnpaidCheckouts(data.db, new Date(Date.now() + 13 * 3_600_000))).toBe(1);
    expect(await stockOf(a.id)).toBe(before);
    const last = (await movementsOf(a.id)).at(-1);
    expect(last).toMatchObject({ delta: 1, reason: 'expiry_release' });
    expect(placed.checkoutId).toBeGreaterThan(0);
  });

  it('refuses to take more than there is, naming the product in both languages, and writes nothing', async () => {
    const a = first(await productsOfTwoCooperatives(data.db));
    const product = await data.db
      .selectFrom('products')
      .select(['name', 'unit', 'stock'])
      .where('id', '=', a.id)
      .executeTakeFirstOrThrow();
    const movements = (await movementsOf(a.id)).length;
    const error = await userError(
      data.db
        .transaction()
        .execute((trx) =>
          takeStock(trx, [{ productId: a.id, quantity: product.stock + 1 }], { userId: null }),
        ),
    );
    expect(error.status).toBe(409);
    expect(error.userMessage.vi).toBe(
      `“${product.name}” không còn đủ ${product.stock + 1} ${product.unit}. Vui lòng xem lại giỏ hàng.`,
    );
    expect(error.userMessage.en).toContain('no longer has');
    expect(await stockOf(a.id)).toBe(product.stock);
    expect(await movementsOf(a.id)).toHaveLength(movements);
  });

  it('leaves the embedded search index to the outbox drain, outside the order transaction', async () => {
    const a = first(await productsOfTwoCooperatives(data.db));
    const indexedStock = async () => {
      const row = await data.db
        .selectFrom('product_search')
        .select('document')
        .where('product_id', '=', a.id)
        .executeTakeFirstOrThrow();
      return (JSON.parse(row.document) as { stock: number }).stock;
    };
    const before = await indexedStock();
    await guestCheckout(data.db, [{ productId: a.id, quantity: 1 }], 'cod');
    expect(await indexedStock()).toBe(before);
    expect(await refreshEmbeddedSearch(data.db)).toBeGreaterThan(0);
    expect(await indexedStock()).toBe(before - 1);
  });
});

describe('adjustStock (the producer’s change)', () => {
  it('applies the change with the producer’s reason, in the history and the audit log', async () => {
    const { actor, productId } = await ownerOf('htx-che-tam-duong');
    const before = await stockOf(productId);
    expect(await adjustStock(data.db, actor, productId, 5, '  Thu hoạch mới ')).toBe(before + 5);
    expect((await movementsOf(productId)).at(-1)).toMatchObject({
      delta: 5,
      stock_after: before + 5,
      reason: 'adjustment',
      note: 'Thu hoạch mới',
      user_id: actor.userId,
    });
    const [latest] = await listStockAdjustments(data.db, productId);
    expect(latest).toMatchObject({ delta: 5, reason: 'Thu hoạch mới' });
    const audit = await data.db
      .selectFrom('audit_log')
      .select(['action', 'changes'])
      .where('entity_type', '=', 'stock')
      .where('entity_id', '=', productId)
      .executeTakeFirstOrThrow();
    expect(audit.action).toBe('adjusted');
    expect(JSON.parse(audit.changes)).toMatchObject({ stock: [before, before + 5] });
  });

  it('refuses a zero change, a missing reason and a stock below zero, with their messages', async () => {
    const { actor, productId } = await ownerOf('htx-che-tam-duong');
    const stock = await stockOf(productId);
    const zero = await userError(adjustStock(data.db, actor, productId, 0, 'x'));
    expect([zero.status, zero.field, zero.userMessage.vi]).toEqual([
      400,
      'delta',
      'Số lượng thay đổi phải là số nguyên khác 0.',
    ]);
    const noReason = await userError(adjustStock(data.db, actor, productId, 1, '   '));
    expect([noReason.field, noReason.userMessage.en]).toEqual([
      'reason',
      'Give a reason (e.g. new harvest, damaged goods).',
    ]);
    const below = await userError(adjustStock(data.db, actor, productId, -(stock + 1), 'hỏng'));
    expect(below.userMessage.vi).toBe(`Tồn kho không thể âm (hiện có ${stock}).`);
    expect(await stockOf(productId)).toBe(stock);
  });

  it('answers 404 for a product of another organization', async () => {
    const { actor } = await ownerOf('htx-che-tam-duong');
    const other = await data.db
      .selectFrom('products')
      .select('id')
      .where(
        'organization_id',
        'not in',
        actor.memberships.map((m) => m.organizationId),
      )
      .executeTakeFirstOrThrow();
    expect((await userError(adjustStock(data.db, actor, other.id, 1, 'x'))).status).toBe(404);
  });
});

describe('stock_movements', () => {
  it('is append-only', async () => {
    const a = first(await productsOfTwoCooperatives(data.db));
    await expect(
      sql`update stock_movements set delta = 1 where product_id = ${a.id}`.execute(data.db),
    ).rejects.toThrow(/append-only/);
  });
});
