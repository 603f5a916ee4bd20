import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  applyOrderEvent,
  completeDeliveredOrders,
  RETURN_WINDOW_DAYS,
} from '~/orders/orders.server';
import { expireUnpaidCheckouts, recordIncomingPayment } from '~/payments/payments.server';
import {
  checkoutOf,
  firstOrderOf,
  guestCheckout,
  ordersOf,
  productsOfTwoCooperatives,
  stockOf,
} from '../helpers/checkout';
import { copyTemplateDatabase, type TestData } from '../helpers/test-db';

// After a checkout is placed, against the database: bank transfers (once, short, over, unmatched,
// late, expiry) and what the order steps do (the ledger, cash on delivery, cancelling, completing).

let data: TestData;
beforeEach(() => {
  data = copyTemplateDatabase();
});
afterEach(async () => {
  await data.cleanup();
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
    expect((await ordersOf(data.db, placed.checkoutId)).map((o) => o.state)).toEqual([
      'paid',
      'paid',
    ]);
    expect(await pay('FT1', placed.totalVnd, placed.reference)).toMatchObject({
      duplicate: true,
      outcome: 'applied',
    });
    expect((await checkoutOf(data.db, placed.checkoutId)).received_vnd).toBe(placed.totalVnd);
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
    expect((await ordersOf(data.db, placed.checkoutId)).map((o) => o.state)).toEqual([
      'placed',
      'placed',
    ]);
    expect((await pay('FT3', placed.totalVnd - 1_000, placed.reference)).outcome).toBe('applied');
    expect((await checkoutOf(data.db, placed.checkoutId)).payment_state).toBe('paid');
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
    const stock = await stockOf(data.db, a.id);
    const { placed } = await guestCheckout(data.db, [{ productId: a.id, quantity: 3 }], 'card');
    expect(await expireUnpaidCheckouts(data.db, new Date(Date.now() + 29 * 60_000))).toBe(0);
    expect(await stockOf(data.db, a.id)).toBe(stock - 3);
    expect(await expireUnpaidCheckouts(data.db, new Date(Date.now() + 31 * 60_000))).toBe(1);
    expect(await stockOf(data.db, a.id)).toBe(stock);
    expect((await ordersOf(data.db, placed.checkoutId)).map((o) => o.state)).toEqual(['cancelled']);
    expect((await checkoutOf(data.db, placed.checkoutId)).payment_state).toBe('expired');
  });
});

describe('fulfilment effects', () => {
  it('credits the cooperative on delivery (less commission) and records cash on delivery', async () => {
    const [a] = await productsOfTwoCooperatives(data.db);
    const { placed } = await guestCheckout(data.db, [{ productId: a.id, quantity: 2 }], 'cod');
    const order = await firstOrderOf(data.db, placed.checkoutId);
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
    const stock = await stockOf(data.db, a.id);
    const { placed } = await guestCheckout(data.db, [{ productId: a.id, quantity: 1 }], 'vietqr');
    const order = await firstOrderOf(data.db, placed.checkoutId);
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
    expect(await stockOf(data.db, a.id)).toBe(stock);
    expect((await checkoutOf(data.db, placed.checkoutId)).payment_state).toBe('cancelled');
  });

  it('completes delivered orders once the return window has passed, as the system, and leaves the others', async () => {
    const [a] = await productsOfTwoCooperatives(data.db);
    const { placed } = await guestCheckout(data.db, [{ productId: a.id, quantity: 1 }], 'cod');
    const order = await firstOrderOf(data.db, placed.checkoutId);
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
