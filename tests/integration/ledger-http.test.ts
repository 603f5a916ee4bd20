import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FormClient } from '../helpers/browser-less';
import { address, type FulfilmentServer, startFulfilmentServer } from '../helpers/fulfilment-http';

// Cash on delivery, the cooperative's ledger and balance, the operator's payouts, and the cooperative's
// own free-delivery threshold, through HTTP.
let ctx: FulfilmentServer;
beforeAll(async () => {
  ctx = await startFulfilmentServer();
});
afterAll(async () => {
  await ctx?.stop();
});

describe('cash on delivery, the ledger and payouts', () => {
  it('counts COD money when delivered, shows the balance and lets only the operator pay out up to it', async () => {
    const { a } = await ctx.buy('cod');
    expect(await ctx.stateOf(a.id)).toBe('cod_accepted');
    const coopA = await ctx.owner(ctx.products[0].slug);
    const balanceBefore = await ctx.data.db
      .selectFrom('ledger_entries')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount_vnd'), eb.lit(0)).as('n'))
      .where('organization_id', '=', a.organization_id)
      .executeTakeFirstOrThrow();
    const steps: Array<Record<string, string>> = [
      { intent: 'accept' },
      { intent: 'ship', carrier: 'Tự giao', trackingNumber: 'TG-01' },
      { intent: 'deliver' },
    ];
    for (const step of steps) {
      expect((await coopA.post(`/kenh-nguoi-ban/don-hang/${a.code}`, step)).status).toBe(200);
    }
    const order = await ctx.data.db
      .selectFrom('orders')
      .select(['state', 'paid_vnd', 'total_vnd'])
      .where('id', '=', a.id)
      .executeTakeFirstOrThrow();
    expect(order.state).toBe('delivered');
    expect(order.paid_vnd).toBe(order.total_vnd);

    const balance = Number(balanceBefore.n) + a.total_vnd - Math.round(a.goods_vnd * 0.05);
    const page = await (
      await coopA.get(`/kenh-nguoi-ban/so-du?to-chuc=${a.organization_id}`)
    ).text();
    expect(page).toContain(a.code);
    expect(page).toMatch(
      new RegExp(`data-testid="balance">${balance.toLocaleString('vi-VN').replace(/\./g, '\\.')}`),
    );

    // A cooperative member cannot record payouts, nor see the operator page.
    expect(
      (
        await coopA.post('/quan-tri/chi-tra', {
          organizationId: String(a.organization_id),
          amount: '1000',
          reference: 'FT-PAYOUT',
        })
      ).status,
    ).toBe(403);
    expect((await coopA.get('/quan-tri/chi-tra')).status).toBe(403);

    const admin = await ctx.signIn('admin@chophien.test', 'chophien-admin-demo');
    const payouts = await (await admin.get('/quan-tri/chi-tra')).text();
    expect(payouts).toContain('Ghi chi trả');
    const tooMuch = await admin.post('/quan-tri/chi-tra', {
      organizationId: String(a.organization_id),
      amount: String(balance + 1),
      reference: 'FT-PAYOUT-1',
    });
    expect(tooMuch.status).toBe(400);
    expect(await tooMuch.text()).toContain('vượt số dư');
    const noReference = await admin.post('/quan-tri/chi-tra', {
      organizationId: String(a.organization_id),
      amount: '1000',
      reference: '',
    });
    expect(noReference.status).toBe(400);
    const notMoney = await admin.post('/quan-tri/chi-tra', {
      organizationId: String(a.organization_id),
      amount: 'mười nghìn',
      reference: 'FT-PAYOUT-1',
    });
    expect(notMoney.status).toBe(400);
    expect(await notMoney.text()).toContain('số đồng nguyên dương');
    const entriesBefore = await ctx.data.db
      .selectFrom('ledger_entries')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('kind', '=', 'payout')
      .executeTakeFirstOrThrow();
    expect(Number(entriesBefore.n)).toBe(0);

    const paid = await admin.post('/quan-tri/chi-tra', {
      organizationId: String(a.organization_id),
      amount: (balance - 1000).toLocaleString('vi-VN'),
      reference: 'FT-PAYOUT-1',
    });
    expect(paid.status).toBe(200);
    const after = await (
      await coopA.get(`/kenh-nguoi-ban/so-du?to-chuc=${a.organization_id}`)
    ).text();
    expect(after).toMatch(/data-testid="balance">1\.000/);
    expect(after).toContain('FT-PAYOUT-1');
    const audit = await ctx.data.db
      .selectFrom('audit_log')
      .select(['action', 'actor_user_id'])
      .where('entity_type', '=', 'payout')
      .execute();
    expect(audit.map((entry) => entry.action)).toEqual(['payout.recorded']);
  });
});

describe('free delivery threshold', () => {
  it('lets the owner set and clear it, refuses bad amounts and other cooperatives, and the review shows free delivery', async () => {
    const [a, b] = ctx.products;
    const coopA = await ctx.owner(a.slug);
    const url = `/kenh-nguoi-ban/don-hang?to-chuc=${a.organization_id}`;
    const bad = await coopA.post(url, {
      organizationId: String(a.organization_id),
      freeDeliveryFrom: 'một trăm',
    });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('Ngưỡng miễn phí giao hàng');
    const foreign = await coopA.post(url, {
      organizationId: String(b.organization_id),
      freeDeliveryFrom: '1',
    });
    expect([403, 404]).toContain(foreign.status);
    const threshold = async (id: number) =>
      (
        await ctx.data.db
          .selectFrom('organizations')
          .select('free_delivery_from_vnd')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).free_delivery_from_vnd;
    expect(await threshold(b.organization_id)).toBeNull();

    expect(
      (
        await coopA.post(url, {
          organizationId: String(a.organization_id),
          freeDeliveryFrom: '1.000',
        })
      ).status,
    ).toBe(200);
    expect(await threshold(a.organization_id)).toBe(1000);
    const buyer = new FormClient(ctx.server.url);
    await buyer.post('/gio-hang', { intent: 'add', productId: String(a.id), quantity: '1' });
    const review = await (
      await buyer.post('/thanh-toan?tinh=01', {
        intent: 'review',
        ...address,
        communeCode: ctx.communeCode,
      })
    ).text();
    expect(review).toContain('Miễn phí');

    expect(
      (await coopA.post(url, { organizationId: String(a.organization_id), freeDeliveryFrom: '' }))
        .status,
    ).toBe(200);
    expect(await threshold(a.organization_id)).toBeNull();
    const audit = await ctx.data.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'organization.free_delivery')
      .execute();
    expect(audit).toHaveLength(2);
  });
});
