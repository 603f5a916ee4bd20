import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addToCart,
  loadCart,
  mergeGuestCart,
  newGuestCartToken,
  setCartQuantity,
} from '~/orders/cart.server';
import { placeCheckout, quoteCheckout } from '~/orders/checkout.server';
import {
  applyOrderEvent,
  completeDeliveredOrders,
  RETURN_WINDOW_DAYS,
} from '~/orders/orders.server';
import { expireUnpaidCheckouts, recordIncomingPayment } from '~/payments/payments.server';
import {
  guestCheckout,
  hanoiAddress,
  productsOfTwoCooperatives,
  SETTINGS,
} from '../helpers/checkout';
import { copyTemplateDatabase, type TestData } from '../helpers/test-db';

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
const ordersOf = (checkoutId: number) =>
  data.db
    .selectFrom('orders')
    .selectAll()
    .where('checkout_id', '=', checkoutId)
    .orderBy('id')
    .execute();
const checkoutOf = (id: number) =>
  data.db.selectFrom('checkouts').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('cart', () => {
  it('bounds quantities by stock, groups by cooperative and flags price changes', async () => {
    const [a, b] = await productsOfTwoCooperatives(data.db);
    const owner = { guestToken: newGuestCartToken() };
    expect(await addToCart(data.db, owner, a.id, a.stock + 10)).toEqual({
      quantity: a.stock,
      capped: true,
    });
    await addToCart(data.db, owner, b.id, 1);
    let cart = await loadCart(data.db, owner);
    expect(cart.groups.map((g) => g.organizationId).sort()).toEqual(
      [a.organization_id, b.organization_id].sort(),
    );
    expect(cart.changes).toEqual([]);
    await data.db
      .updateTable('products')
      .set({ price_vnd: b.price_vnd + 5_000 })
      .where('id', '=', b.id)
      .execute();
    cart = await loadCart(data.db, owner);
    expect(cart.changes).toEqual([
      {
        productId: b.id,
        name: b.name,
        kind: 'price',
        fromVnd: b.price_vnd,
        toVnd: b.price_vnd + 5_000,
      },
    ]);
    await expect(setCartQuantity(data.db, owner, a.id, -1)).rejects.toThrow(/whole number/);
    await expect(addToCart(data.db, owner, 999_999, 1)).rejects.toThrow(/no longer for sale/);
  });

  it('merges a guest cart into the account cart at sign-in', async () => {
    const [a, b] = await productsOfTwoCooperatives(data.db);
    const user = await data.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'admin@chophien.test')
      .executeTakeFirstOrThrow();
    await addToCart(data.db, { userId: user.id }, a.id, 1);
    const guest = { guestToken: newGuestCartToken() };
    await addToCart(data.db, guest, a.id, 2);
    await addToCart(data.db, guest, b.id, 1);
    await mergeGuestCart(data.db, guest.guestToken, user.id);
    const cart = await loadCart(data.db, { userId: user.id });
    expect(
      cart.groups.flatMap((g) => g.lines.map((l) => [l.productId, l.quantity])).sort(),
    ).toEqual(
      [
        [a.id, 3],
        [b.id, 1],
      ].sort(),
    );
    expect((await loadCart(data.db, guest)).itemCount).toBe(0);
  });
});

describe('checkout', () => {
  it('makes one payment and one order per cooperative, takes the stock and empties the cart', async () => {
    const [a, b] = await productsOfTwoCooperatives(data.db);
    const before = [await stockOf(a.id), await stockOf(b.id)];
    const { placed, owner, quote } = await guestCheckout(
      data.db,
      [
        { productId: a.id, quantity: 2 },
        { productId: b.id, quantity: 1 },
      ],
      'vietqr',
    );
    expect(placed.orderCodes).toHaveLength(2);
    expect([await stockOf(a.id), await stockOf(b.id)]).toEqual([before[0] - 2, before[1] - 1]);
    const orders = await ordersOf(placed.checkoutId);
    expect(orders.map((o) => o.state)).toEqual(['placed', 'placed']);
    expect(orders.reduce((n, o) => n + o.total_vnd, 0)).toBe(quote.totalVnd);
    expect(quote.deliveryVnd).toBeGreaterThan(0);
    const checkout = await checkoutOf(placed.checkoutId);
    expect(checkout.payment_state).toBe('awaiting');
    expect(new Date(checkout.pay_by!).getTime() - new Date(checkout.created_at).getTime()).toBe(
      12 * 3_600_000,
    );
    expect((await loadCart(data.db, owner)).itemCount).toBe(0);
  });

  it('puts cash-on-delivery orders straight through to the cooperative', async () => {
    const [a] = await productsOfTwoCooperatives(data.db);
    const { placed } = await guestCheckout(data.db, [{ productId: a.id, quantity: 1 }], 'cod');
    expect((await ordersOf(placed.checkoutId)).map((o) => o.state)).toEqual(['cod_accepted']);
    expect((await checkoutOf(placed.checkoutId)).payment_state).toBe('cash_on_delivery');
  });

  it('refuses a tampered total or a stale cart and writes nothing', async () => {
    const [a] = await productsOfTwoCooperatives(data.db);
    const owner = { guestToken: newGuestCartToken() };
    await addToCart(data.db, owner, a.id, 1);
    const cart = await loadCart(data.db, owner);
    const address = await hanoiAddress(data.db);
    const quote = quoteCheckout(cart, '01', SETTINGS.feeTable);
    const stock = await stockOf(a.id);
    const count = async () =>
      Number(
        (
          await data.db
            .selectFrom('checkouts')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    await expect(
      placeCheckout(
        data.db,
        owner,
        null,
        { ...address, paymentMethod: 'cod', cartVersion: cart.version, expectedTotalVnd: 1_000 },
        SETTINGS,
      ),
    ).rejects.toThrow(/changed/);
    await expect(
      placeCheckout(
        data.db,
        owner,
        null,
        {
          ...address,
          paymentMethod: 'cod',
          cartVersion: `${a.id}:1:1`,
          expectedTotalVnd: quote.totalVnd,
        },
        SETTINGS,
      ),
    ).rejects.toThrow(/changed/);
    await expect(
      placeCheckout(
        data.db,
        owner,
        null,
        {
          ...address,
          paymentMethod: 'bitcoin',
          cartVersion: cart.version,
          expectedTotalVnd: quote.totalVnd,
        },
        SETTINGS,
      ),
    ).rejects.toThrow(/payment method/);
    await expect(
      placeCheckout(
        data.db,
        owner,
        null,
        {
          ...address,
          communeCode: '00001',
          provinceCode: '12',
          paymentMethod: 'cod',
          cartVersion: cart.version,
          expectedTotalVnd: quote.totalVnd,
        },
        SETTINGS,
      ),
    ).rejects.toThrow(/commune/);
    await expect(
      placeCheckout(
        data.db,
        owner,
        null,
        {
          ...address,
          contactPhone: '123',
          paymentMethod: 'cod',
          cartVersion: cart.version,
          expectedTotalVnd: quote.totalVnd,
        },
        SETTINGS,
      ),
    ).rejects.toThrow(/phone/);
    expect(await count()).toBe(before);
    expect(await stockOf(a.id)).toBe(stock);
  });

  it('sells exactly the stock when 200 buyers race for 50 units', async () => {
    const [a] = await productsOfTwoCooperatives(data.db);
    await data.db.updateTable('products').set({ stock: 50 }).where('id', '=', a.id).execute();
    const address = await hanoiAddress(data.db);
    const buyers = await Promise.all(
      Array.from({ length: 200 }, async () => {
        const owner = { guestToken: newGuestCartToken() };
        await addToCart(data.db, owner, a.id, 1);
        return { owner, cart: await loadCart(data.db, owner) };
      }),
    );
    const results = await Promise.allSettled(
      buyers.map(({ owner, cart }) =>
        placeCheckout(
          data.db,
          owner,
          null,
          {
            ...address,
            paymentMethod: 'vietqr',
            cartVersion: cart.version,
            expectedTotalVnd: quoteCheckout(cart, '01', SETTINGS.feeTable).totalVnd,
          },
          SETTINGS,
        ),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(50);
    expect(
      results
        .filter((r) => r.status === 'rejected')
        .every((r) => /no longer has|changed/.test(String((r as PromiseRejectedResult).reason))),
    ).toBe(true);
    expect(await stockOf(a.id)).toBe(0);
    const sold = await data.db
      .selectFrom('order_items')
      .select((eb) => eb.fn.sum<number>('quantity').as('n'))
      .where('product_id', '=', a.id)
      .executeTakeFirstOrThrow();
    expect(Number(sold.n)).toBe(50);
  });
});

describe('bank transfers', () => {
  async function vietqrCheckout() {
    const [a, b] = await productsOfTwoCooperatives(data.db);
    return (
      await guestCheckout(
        data.db,
        [
          { productId: a.id, quantity: 1 },
          { productId: b.id, quantity: 1 },
        ],
        'vietqr',
      )
    ).placed;
  }
  const pay = (externalId: string, amountVnd: number, reference: string | null) =>
    recordIncomingPayment(data.db, {
      provider: 'bank',
      externalId,
      amountVnd,
      description: `CT ${reference ?? 'khong ro'}`,
      occurredAt: new Date().toISOString(),
      reference,
    });

  it('marks every order paid once, and a replay changes nothing', async () => {
    const placed = await vietqrCheckout();
    expect((await pay('FT1', placed.totalVnd, placed.reference)).outcome).toBe('applied');
    expect((await ordersOf(placed.checkoutId)).map((o) => o.state)).toEqual(['paid', 'paid']);
    expect(await pay('FT1', placed.totalVnd, placed.reference)).toMatchObject({
      duplicate: true,
      outcome: 'applied',
    });
    expect((await checkoutOf(placed.checkoutId)).received_vnd).toBe(placed.totalVnd);
    const history = await data.db
      .selectFrom('order_history')
      .select('event')
      .where('event', '=', 'pay')
      .execute();
    expect(history).toHaveLength(2);
  });

  it('holds a short payment for review and completes with the rest', async () => {
    const placed = await vietqrCheckout();
    expect((await pay('FT2', 1_000, placed.reference)).outcome).toBe('held_short');
    expect((await ordersOf(placed.checkoutId)).map((o) => o.state)).toEqual(['placed', 'placed']);
    expect((await pay('FT3', placed.totalVnd - 1_000, placed.reference)).outcome).toBe('applied');
    expect((await checkoutOf(placed.checkoutId)).payment_state).toBe('paid');
  });

  it('flags an overpayment, holds unmatched and late money, never losing it', async () => {
    const placed = await vietqrCheckout();
    expect((await pay('FT4', placed.totalVnd + 50_000, placed.reference)).outcome).toBe(
      'applied_overpaid',
    );
    expect((await pay('FT5', 70_000, null)).outcome).toBe('held_unmatched');
    expect((await pay('FT6', 70_000, placed.reference)).outcome).toBe('held_already_paid');
    const late = await vietqrCheckout();
    await data.db
      .updateTable('checkouts')
      .set({ pay_by: new Date(Date.now() - 1000).toISOString() })
      .where('id', '=', late.checkoutId)
      .execute();
    expect(await expireUnpaidCheckouts(data.db)).toBe(1);
    expect((await pay('FT7', late.totalVnd, late.reference)).outcome).toBe('held_late');
    const open = await data.db
      .selectFrom('payment_events')
      .select('external_id')
      .where('review_state', '=', 'open')
      .orderBy('external_id')
      .execute();
    expect(open.map((r) => r.external_id)).toEqual(['FT4', 'FT5', 'FT6', 'FT7']);
  });

  it('expiry gives the stock back and only touches overdue checkouts', async () => {
    const [a] = await productsOfTwoCooperatives(data.db);
    const stock = await stockOf(a.id);
    const { placed } = await guestCheckout(data.db, [{ productId: a.id, quantity: 3 }], 'card');
    expect(await expireUnpaidCheckouts(data.db, new Date(Date.now() + 29 * 60_000))).toBe(0);
    expect(await stockOf(a.id)).toBe(stock - 3);
    expect(await expireUnpaidCheckouts(data.db, new Date(Date.now() + 31 * 60_000))).toBe(1);
    expect(await stockOf(a.id)).toBe(stock);
    expect((await ordersOf(placed.checkoutId)).map((o) => o.state)).toEqual(['cancelled']);
    expect((await checkoutOf(placed.checkoutId)).payment_state).toBe('expired');
  });
});

describe('fulfilment effects', () => {
  it('credits the cooperative on delivery (less commission) and records cash on delivery', async () => {
    const [a] = await productsOfTwoCooperatives(data.db);
    const { placed } = await guestCheckout(data.db, [{ productId: a.id, quantity: 2 }], 'cod');
    const [order] = await ordersOf(placed.checkoutId);
    const member = {
      userId: 1,
      isAdmin: false,
      memberships: [{ organizationId: order.organization_id, role: 'owner' as const }],
      officerProvinceCodes: [],
    };
    const outsider = {
      ...member,
      memberships: [{ organizationId: order.organization_id + 1000, role: 'owner' as const }],
    };
    await expect(
      applyOrderEvent(data.db, { role: 'cooperative', actor: outsider }, order.id, 'accept'),
    ).rejects.toThrow(/not found/i);
    await expect(
      applyOrderEvent(data.db, { role: 'cooperative', actor: member }, order.id, 'ship', {
        carrier: 'VNPost',
        trackingNumber: 'X1',
      }),
    ).rejects.toThrow(/not possible/);
    await applyOrderEvent(data.db, { role: 'cooperative', actor: member }, order.id, 'accept');
    await expect(
      applyOrderEvent(data.db, { role: 'cooperative', actor: member }, order.id, 'ship', {
        carrier: 'VNPost',
      }),
    ).rejects.toThrow(/tracking/);
    await applyOrderEvent(data.db, { role: 'cooperative', actor: member }, order.id, 'ship', {
      carrier: 'VNPost',
      trackingNumber: 'EB123456789VN',
      lots: ['L2026-01'],
    });
    await applyOrderEvent(
      data.db,
      { role: 'cooperative', actor: member },
      order.id,
      'deliver',
      {},
      { commissionPercent: 5 },
    );
    const after = await data.db
      .selectFrom('orders')
      .selectAll()
      .where('id', '=', order.id)
      .executeTakeFirstOrThrow();
    expect(after).toMatchObject({
      state: 'delivered',
      paid_vnd: order.total_vnd,
      carrier: 'VNPost',
      shipped_lots: '["L2026-01"]',
    });
    const ledger = await data.db
      .selectFrom('ledger_entries')
      .selectAll()
      .where('order_id', '=', order.id)
      .execute();
    expect(ledger).toEqual([
      expect.objectContaining({
        kind: 'earning',
        gross_vnd: order.total_vnd,
        commission_vnd: Math.round(order.goods_vnd * 0.05),
        amount_vnd: order.total_vnd - Math.round(order.goods_vnd * 0.05),
      }),
    ]);
    const steps = await data.db
      .selectFrom('order_history')
      .select(['to_state', 'actor_role'])
      .where('order_id', '=', order.id)
      .orderBy('id')
      .execute();
    expect(steps.map((s) => s.to_state)).toEqual([
      'placed',
      'cod_accepted',
      'accepted',
      'shipped',
      'delivered',
    ]);
  });

  it('lets the buyer cancel before acceptance with the checkout key, and gives the stock back', async () => {
    const [a] = await productsOfTwoCooperatives(data.db);
    const stock = await stockOf(a.id);
    const { placed } = await guestCheckout(data.db, [{ productId: a.id, quantity: 1 }], 'vietqr');
    const [order] = await ordersOf(placed.checkoutId);
    await expect(
      applyOrderEvent(
        data.db,
        { role: 'buyer', access: { checkoutToken: 'x'.repeat(43) } },
        order.id,
        'buyer_cancel',
      ),
    ).rejects.toThrow(/not found/i);
    await applyOrderEvent(
      data.db,
      { role: 'buyer', access: { checkoutToken: placed.accessToken } },
      order.id,
      'buyer_cancel',
    );
    expect(await stockOf(a.id)).toBe(stock);
    expect((await checkoutOf(placed.checkoutId)).payment_state).toBe('cancelled');
  });

  it('completes delivered orders once the return window has passed, as the system, and leaves the others', async () => {
    const [a] = await productsOfTwoCooperatives(data.db);
    const { placed } = await guestCheckout(data.db, [{ productId: a.id, quantity: 1 }], 'cod');
    const [order] = await ordersOf(placed.checkoutId);
    const member = {
      userId: 1,
      isAdmin: false,
      memberships: [{ organizationId: order.organization_id, role: 'owner' as const }],
      officerProvinceCodes: [],
    };
    const deliveredAt = new Date('2026-11-01T03:00:00Z');
    await applyOrderEvent(
      data.db,
      { role: 'cooperative', actor: member },
      order.id,
      'accept',
      {},
      { now: deliveredAt },
    );
    await applyOrderEvent(
      data.db,
      { role: 'cooperative', actor: member },
      order.id,
      'ship',
      { carrier: 'VNPost', trackingNumber: 'EB1' },
      { now: deliveredAt },
    );
    await applyOrderEvent(
      data.db,
      { role: 'cooperative', actor: member },
      order.id,
      'deliver',
      {},
      { now: deliveredAt },
    );
    const dayBefore = new Date(deliveredAt.getTime() + (RETURN_WINDOW_DAYS - 1) * 86_400_000);
    expect(await completeDeliveredOrders(data.db, dayBefore)).toBe(0);
    const after = new Date(deliveredAt.getTime() + (RETURN_WINDOW_DAYS + 1) * 86_400_000);
    expect(await completeDeliveredOrders(data.db, after)).toBeGreaterThanOrEqual(1);
    const last = await data.db
      .selectFrom('order_history')
      .select(['to_state', 'actor_role'])
      .where('order_id', '=', order.id)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(last).toEqual({ to_state: 'completed', actor_role: 'system' });
    expect(await completeDeliveredOrders(data.db, after)).toBe(0);
  });
});
