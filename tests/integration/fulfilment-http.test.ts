import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PRODUCER_PASSWORD } from '~/catalogue/seed.server';
import { signBankBody } from '~/payments/bank-webhook';
import { FormClient } from '../helpers/browser-less';
import { startTestServer, type TestServer } from '../helpers/server';
import { copyTemplateDatabase, type TestData } from '../helpers/test-db';

// Cooperatives fulfil their part of a multi-cooperative order through HTTP: the list, the steps with
// their bad inputs, the packing slip, who may touch what, the ledger and the operator's payouts.
const BANK_SECRET = 'bank-webhook-secret-for-fulfilment';

let data: TestData;
let server: TestServer;
let products: Array<{ id: number; organization_id: number; slug: string }>;
let communeCode: string;

beforeAll(async () => {
  data = copyTemplateDatabase();
  server = await startTestServer({
    dataDir: data.dataDir,
    env: {
      VIETQR_BANK_BIN: '970436',
      VIETQR_ACCOUNT_NUMBER: '0011004455667',
      VIETQR_ACCOUNT_NAME: 'CONG TY CHO PHIEN',
      BANK_WEBHOOK_SECRET: BANK_SECRET,
      COMMISSION_PERCENT: '5',
    },
  });
  const rows = await data.db
    .selectFrom('products')
    .innerJoin('organizations', 'organizations.id', 'products.organization_id')
    .select(['products.id', 'products.organization_id', 'organizations.slug'])
    .where('products.status', '=', 'published')
    .where('products.stock', '>', 20)
    .where('organizations.verification_state', '=', 'approved')
    .orderBy('products.id')
    .execute();
  products = [rows[0], rows.find((r) => r.organization_id !== rows[0].organization_id)!];
  communeCode = (
    await data.db
      .selectFrom('communes')
      .select('code')
      .where('province_code', '=', '01')
      .orderBy('code')
      .executeTakeFirstOrThrow()
  ).code;
});
afterAll(async () => {
  await server?.stop();
  await data?.cleanup();
});

const hidden = (html: string, name: string) =>
  new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? '';
const address = {
  contactName: 'Lò Thị Mai',
  contactPhone: '0987 111 222',
  contactEmail: '',
  provinceCode: '01',
  communeCode: '',
  street: '7 Lý Thái Tổ',
  note: 'Giao giờ hành chính',
};

/** A guest buys one unit from each cooperative with the given method; returns both orders. */
async function buy(method: 'vietqr' | 'cod') {
  const buyer = new FormClient(server.url);
  for (const p of products)
    expect(
      (await buyer.post('/gio-hang', { intent: 'add', productId: String(p.id), quantity: '1' }))
        .status,
    ).toBe(302);
  const fields = { ...address, communeCode };
  const review = await (
    await buyer.post('/thanh-toan?tinh=01', { intent: 'review', ...fields })
  ).text();
  const placed = await buyer.post('/thanh-toan', {
    intent: 'place',
    ...fields,
    paymentMethod: method,
    cartVersion: hidden(review, 'cartVersion'),
    expectedTotalVnd: hidden(review, 'expectedTotalVnd'),
  });
  expect(placed.status).toBe(302);
  const reference = placed.headers.get('location')!.split('/').pop()!;
  const checkout = await data.db
    .selectFrom('checkouts')
    .select(['id', 'total_vnd'])
    .where('reference', '=', reference)
    .executeTakeFirstOrThrow();
  const orders = await data.db
    .selectFrom('orders')
    .select(['id', 'code', 'organization_id', 'total_vnd', 'goods_vnd', 'state'])
    .where('checkout_id', '=', checkout.id)
    .orderBy('id')
    .execute();
  const byOrg = (orgId: number) => orders.find((o) => o.organization_id === orgId)!;
  return {
    buyer,
    reference,
    checkout,
    a: byOrg(products[0].organization_id),
    b: byOrg(products[1].organization_id),
  };
}

async function payByBank(reference: string, amount: number, id: string) {
  const raw = JSON.stringify({
    transactionId: id,
    amountVnd: amount,
    description: `MBVCB.1234 ${reference} chuyen tien`,
    occurredAt: new Date().toISOString(),
  });
  const response = await fetch(`${server.url}/webhooks/bank-transfer`, {
    method: 'POST',
    body: raw,
    headers: { 'Content-Type': 'application/json', 'X-Signature': signBankBody(raw, BANK_SECRET) },
  });
  expect(response.status).toBe(200);
}

async function signIn(identifier: string, password: string) {
  const client = new FormClient(server.url);
  expect((await client.post('/dang-nhap', { identifier, password })).status).toBe(302);
  return client;
}
const owner = (slug: string) => signIn(`${slug}@chophien.test`, DEMO_PRODUCER_PASSWORD);
const stateOf = async (orderId: number) =>
  (
    await data.db
      .selectFrom('orders')
      .select('state')
      .where('id', '=', orderId)
      .executeTakeFirstOrThrow()
  ).state;

describe('a cooperative fulfils its part of a paid VietQR order', () => {
  it('lists it, accepts, refuses a bad shipment, ships with lots, delivers, and the buyer sees every step', async () => {
    const { buyer, reference, checkout, a, b } = await buy('vietqr');
    await payByBank(reference, checkout.total_vnd, 'FT-FULFIL-1');
    expect(await stateOf(a.id)).toBe('paid');

    const coopA = await owner(products[0].slug);
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
    expect(await stateOf(a.id)).toBe('paid');

    expect(
      (await coopA.post(`/kenh-nguoi-ban/don-hang/${a.code}`, { intent: 'accept' })).status,
    ).toBe(200);
    expect(await stateOf(a.id)).toBe('accepted');
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
    expect(await stateOf(a.id)).toBe('accepted');

    // A recorded batch of the product is offered on the ship form and linked from both timelines.
    const batchCreated = await coopA.post(`/kenh-nguoi-ban/san-pham/${products[0].id}/lo-hang`, {
      lotCode: 'L2026-11',
      producedOn: '01/11/2026',
      quantity: '100',
      quantityUnit: 'kg',
      communeCode: '03390',
    });
    expect(batchCreated.status).toBe(302);
    const batch = await data.db
      .selectFrom('batches')
      .select('id')
      .where('product_id', '=', products[0].id)
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
    const shipped = await fetch(`${server.url}/kenh-nguoi-ban/don-hang/${a.code}`, {
      method: 'POST',
      body: form,
      headers: { Cookie: coopA.cookieHeader },
    });
    expect(shipped.status).toBe(200);
    const row = await data.db
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
    expect(await stateOf(a.id)).toBe('delivered');

    const history = await data.db
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
    const earning = await data.db
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
    const { reference, checkout, a, b } = await buy('vietqr');
    await payByBank(reference, checkout.total_vnd, 'FT-FULFIL-2');
    const coopB = await owner(products[1].slug);
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
    expect(await stateOf(a.id)).toBe('paid');
    // Asking for the other cooperative's list by id shows one's own instead.
    const list = await (
      await coopB.get(`/kenh-nguoi-ban/don-hang?to-chuc=${products[0].organization_id}`)
    ).text();
    expect(list).not.toContain(a.code);
    expect(list).toContain(b.code);

    const stranger = await signIn('admin@chophien.test', 'chophien-admin-demo');
    expect(
      (await stranger.post(`/kenh-nguoi-ban/don-hang/${a.code}`, { intent: 'accept' })).status,
    ).toBe(404);
    const anonymous = await fetch(`${server.url}/kenh-nguoi-ban/don-hang/${a.code}`, {
      redirect: 'manual',
    });
    expect(anonymous.status).toBe(302);
    expect(await stateOf(a.id)).toBe('paid');
  });

  it('cancels with a reason only, gives the stock back and flags the paid money for refund', async () => {
    const { reference, checkout, b } = await buy('vietqr');
    await payByBank(reference, checkout.total_vnd, 'FT-FULFIL-3');
    const stockBefore = (
      await data.db
        .selectFrom('products')
        .select('stock')
        .where('id', '=', products[1].id)
        .executeTakeFirstOrThrow()
    ).stock;
    const coopB = await owner(products[1].slug);
    const noReason = await coopB.post(`/kenh-nguoi-ban/don-hang/${b.code}`, {
      intent: 'cooperative_cancel',
      reason: '  ',
    });
    expect(noReason.status).toBe(400);
    expect(await noReason.text()).toContain('lý do');
    expect(await stateOf(b.id)).toBe('paid');
    expect(
      (
        await coopB.post(`/kenh-nguoi-ban/don-hang/${b.code}`, {
          intent: 'cooperative_cancel',
          reason: 'Hết hàng do mưa lũ',
        })
      ).status,
    ).toBe(200);
    const row = await data.db
      .selectFrom('orders')
      .select(['state', 'cancel_reason', 'refund_due'])
      .where('id', '=', b.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ state: 'cancelled', cancel_reason: 'Hết hàng do mưa lũ', refund_due: 1 });
    expect(
      (
        await data.db
          .selectFrom('products')
          .select('stock')
          .where('id', '=', products[1].id)
          .executeTakeFirstOrThrow()
      ).stock,
    ).toBe(stockBefore + 1);
  });
});

describe('cash on delivery, the ledger and payouts', () => {
  it('counts COD money when delivered, shows the balance and lets only the operator pay out up to it', async () => {
    const { a } = await buy('cod');
    expect(await stateOf(a.id)).toBe('cod_accepted');
    const coopA = await owner(products[0].slug);
    const balanceBefore = await data.db
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
    const order = await data.db
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

    const admin = await signIn('admin@chophien.test', 'chophien-admin-demo');
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
    const entriesBefore = await data.db
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
    const audit = await data.db
      .selectFrom('audit_log')
      .select(['action', 'actor_user_id'])
      .where('entity_type', '=', 'payout')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0].action).toBe('payout.recorded');
  });
});

describe('free delivery threshold', () => {
  it('lets the owner set and clear it, refuses bad amounts and other cooperatives, and the review shows free delivery', async () => {
    const [a, b] = products;
    const coopA = await owner(a.slug);
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
        await data.db
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
    const buyer = new FormClient(server.url);
    await buyer.post('/gio-hang', { intent: 'add', productId: String(a.id), quantity: '1' });
    const review = await (
      await buyer.post('/thanh-toan?tinh=01', { intent: 'review', ...address, communeCode })
    ).text();
    expect(review).toContain('Miễn phí');

    expect(
      (await coopA.post(url, { organizationId: String(a.organization_id), freeDeliveryFrom: '' }))
        .status,
    ).toBe(200);
    expect(await threshold(a.organization_id)).toBeNull();
    const audit = await data.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'organization.free_delivery')
      .execute();
    expect(audit).toHaveLength(2);
  });
});
