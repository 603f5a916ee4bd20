import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FulfilmentServer, startFulfilmentServer } from '../helpers/fulfilment-http';

// Cooperatives fulfil their part of a multi-cooperative order through HTTP: the list, the steps with
// their bad inputs, the packing slip, who may touch what. The ledger and payouts: ledger-http.test.ts.
let ctx: FulfilmentServer;
beforeAll(async () => {
  ctx = await startFulfilmentServer();
});
afterAll(async () => {
  await ctx?.stop();
});

describe('a cooperative fulfils its part of a paid VietQR order', () => {
  it('lists it, accepts, refuses a bad shipment, ships with lots, delivers, and the buyer sees every step', async () => {
    const { buyer, reference, checkout, a, b } = await ctx.buy('vietqr');
    await ctx.payByBank(reference, checkout.total_vnd, 'FT-FULFIL-1');
    expect(await ctx.stateOf(a.id)).toBe('paid');

    const coopA = await ctx.owner(ctx.products[0].slug);
    const list = await (await coopA.get('/kenh-nguoi-ban/don-hang')).text();
    expect(list).toContain(a.code);
    expect(list).not.toContain(b.code);
    expect(list).toContain('Cần xử lý (');

    const detail = await (await coopA.get(`/kenh-nguoi-ban/don-hang/${a.code}`)).text();
    expect(detail).toContain('Lò Thị Mai');
    expect(detail).toContain('Nhận đơn');

    // Shipping before accepting is refused and changes nothing.
    const early = await coopA.post(`/kenh-nguoi-ban/don-hang/${a.code}`, {
      intent: 'ship',
      carrier: 'Viettel Post',
      trackingNumber: 'VTP1',
    });
    expect(early.status).toBe(409);
    expect(await ctx.stateOf(a.id)).toBe('paid');

    expect(
      (await coopA.post(`/kenh-nguoi-ban/don-hang/${a.code}`, { intent: 'accept' })).status,
    ).toBe(200);
    expect(await ctx.stateOf(a.id)).toBe('accepted');
    const again = await coopA.post(`/kenh-nguoi-ban/don-hang/${a.code}`, { intent: 'accept' });
    expect(again.status).toBe(409);

    const noTracking = await coopA.post(`/kenh-nguoi-ban/don-hang/${a.code}`, {
      intent: 'ship',
      carrier: 'Viettel Post',
      trackingNumber: '',
    });
    expect(noTracking.status).toBe(400);
    expect(await noTracking.text()).toContain('mã vận đơn');
    const badLot = await coopA.post(`/kenh-nguoi-ban/don-hang/${a.code}`, {
      intent: 'ship',
      carrier: 'Viettel Post',
      trackingNumber: 'VTP123',
      lots: 'LÔ<script>',
    });
    expect(badLot.status).toBe(400);
    expect(await badLot.text()).toContain('không hợp lệ');
    const unknownIntent = await coopA.post(`/kenh-nguoi-ban/don-hang/${a.code}`, { intent: 'pay' });
    expect(unknownIntent.status).toBe(400);
    expect(await ctx.stateOf(a.id)).toBe('accepted');

    // A recorded batch of the product is offered on the ship form and linked from both timelines.
    const batchCreated = await coopA.post(
      `/kenh-nguoi-ban/san-pham/${ctx.products[0].id}/lo-hang`,
      {
        lotCode: 'L2026-11',
        producedOn: '01/11/2026',
        quantity: '100',
        quantityUnit: 'kg',
        communeCode: '03390',
      },
    );
    expect(batchCreated.status).toBe(302);
    const batch = await ctx.data.db
      .selectFrom('batches')
      .select('id')
      .where('product_id', '=', ctx.products[0].id)
      .where('lot_code', '=', 'L2026-11')
      .executeTakeFirstOrThrow();
    expect(await (await coopA.get(`/kenh-nguoi-ban/don-hang/${a.code}`)).text()).toContain(
      'value="L2026-11"',
    );
    const form = new URLSearchParams({
      intent: 'ship',
      carrier: 'Viettel Post',
      trackingNumber: 'VTP123456789',
    });
    form.append('lots', 'L2026-11');
    form.append('lots', 'L2026-12, L2026-11');
    const shipped = await fetch(`${ctx.server.url}/kenh-nguoi-ban/don-hang/${a.code}`, {
      method: 'POST',
      body: form,
      headers: { Cookie: coopA.cookieHeader },
    });
    expect(shipped.status).toBe(200);
    const row = await ctx.data.db
      .selectFrom('orders')
      .select(['state', 'carrier', 'tracking_number', 'shipped_lots'])
      .where('id', '=', a.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      state: 'shipped',
      carrier: 'Viettel Post',
      tracking_number: 'VTP123456789',
    });
    expect(JSON.parse(row.shipped_lots)).toEqual(['L2026-11', 'L2026-12']);

    const slip = await (
      await coopA.get(`/kenh-nguoi-ban/don-hang/${a.code}/phieu-dong-goi`)
    ).text();
    expect(slip).toContain('Phiếu đóng gói');
    expect(slip).toContain('7 Lý Thái Tổ');
    expect(slip).toContain('Đã thanh toán trước');

    expect(
      (await coopA.post(`/kenh-nguoi-ban/don-hang/${a.code}`, { intent: 'deliver' })).status,
    ).toBe(200);
    expect(await ctx.stateOf(a.id)).toBe('delivered');

    const history = await ctx.data.db
      .selectFrom('order_history')
      .select(['to_state', 'actor_role', 'actor_user_id'])
      .where('order_id', '=', a.id)
      .orderBy('id')
      .execute();
    expect(history.map((h) => h.to_state)).toEqual([
      'placed',
      'paid',
      'accepted',
      'shipped',
      'delivered',
    ]);
    expect(
      history.filter((h) => h.actor_role === 'cooperative').every((h) => h.actor_user_id !== null),
    ).toBe(true);

    const buyerPage = await (await buyer.get(`/don-hang/${a.code}`)).text();
    expect(buyerPage).toContain('VTP123456789');
    expect(buyerPage).toContain('L2026-12');
    expect(buyerPage).toContain(`href="/lo-hang/${batch.id}"`);
    expect(await (await coopA.get(`/kenh-nguoi-ban/don-hang/${a.code}`)).text()).toContain(
      `href="/kenh-nguoi-ban/lo-hang/${batch.id}"`,
    );
    expect(buyerPage).toContain('Tôi đã nhận được hàng');

    // 5% commission on the goods, not on the delivery fee.
    const earning = await ctx.data.db
      .selectFrom('ledger_entries')
      .selectAll()
      .where('order_id', '=', a.id)
      .executeTakeFirstOrThrow();
    expect(earning).toMatchObject({
      kind: 'earning',
      gross_vnd: a.total_vnd,
      commission_vnd: Math.round(a.goods_vnd * 0.05),
      amount_vnd: a.total_vnd - Math.round(a.goods_vnd * 0.05),
    });
  });

  it("keeps each cooperative out of the other one's orders", async () => {
    const { reference, checkout, a, b } = await ctx.buy('vietqr');
    await ctx.payByBank(reference, checkout.total_vnd, 'FT-FULFIL-2');
    const coopB = await ctx.owner(ctx.products[1].slug);
    expect((await coopB.get(`/kenh-nguoi-ban/don-hang/${a.code}`)).status).toBe(404);
    expect((await coopB.get(`/kenh-nguoi-ban/don-hang/${a.code}/phieu-dong-goi`)).status).toBe(404);
    expect(
      (await coopB.post(`/kenh-nguoi-ban/don-hang/${a.code}`, { intent: 'accept' })).status,
    ).toBe(404);
    expect(
      (
        await coopB.post(`/kenh-nguoi-ban/don-hang/${a.code}`, {
          intent: 'cooperative_cancel',
          reason: 'Không phải của tôi',
        })
      ).status,
    ).toBe(404);
    expect(await ctx.stateOf(a.id)).toBe('paid');
    // Asking for the other cooperative's list by id shows one's own instead.
    const list = await (
      await coopB.get(`/kenh-nguoi-ban/don-hang?to-chuc=${ctx.products[0].organization_id}`)
    ).text();
    expect(list).not.toContain(a.code);
    expect(list).toContain(b.code);

    const stranger = await ctx.signIn('admin@chophien.test', 'chophien-admin-demo');
    expect(
      (await stranger.post(`/kenh-nguoi-ban/don-hang/${a.code}`, { intent: 'accept' })).status,
    ).toBe(404);
    const anonymous = await fetch(`${ctx.server.url}/kenh-nguoi-ban/don-hang/${a.code}`, {
      redirect: 'manual',
    });
    expect(anonymous.status).toBe(302);
    expect(await ctx.stateOf(a.id)).toBe('paid');
  });

  it('cancels with a reason only, gives the stock back and flags the paid money for refund', async () => {
    const { reference, checkout, b } = await ctx.buy('vietqr');
    await ctx.payByBank(reference, checkout.total_vnd, 'FT-FULFIL-3');
    const stockBefore = (
      await ctx.data.db
        .selectFrom('products')
        .select('stock')
        .where('id', '=', ctx.products[1].id)
        .executeTakeFirstOrThrow()
    ).stock;
    const coopB = await ctx.owner(ctx.products[1].slug);
    const noReason = await coopB.post(`/kenh-nguoi-ban/don-hang/${b.code}`, {
      intent: 'cooperative_cancel',
      reason: '  ',
    });
    expect(noReason.status).toBe(400);
    expect(await noReason.text()).toContain('lý do');
    expect(await ctx.stateOf(b.id)).toBe('paid');
    expect(
      (
        await coopB.post(`/kenh-nguoi-ban/don-hang/${b.code}`, {
          intent: 'cooperative_cancel',
          reason: 'Hết hàng do mưa lũ',
        })
      ).status,
    ).toBe(200);
    const row = await ctx.data.db
      .selectFrom('orders')
      .select(['state', 'cancel_reason', 'refund_due'])
      .where('id', '=', b.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ state: 'cancelled', cancel_reason: 'Hết hàng do mưa lũ', refund_due: 1 });
    expect(
      (
        await ctx.data.db
          .selectFrom('products')
          .select('stock')
          .where('id', '=', ctx.products[1].id)
          .executeTakeFirstOrThrow()
      ).stock,
    ).toBe(stockBefore + 1);
  });
});
