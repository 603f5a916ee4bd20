import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signBankBody } from '~/payments/bank-webhook';
import { FormClient } from '../helpers/browser-less';
import { BANK_SECRET, type PaymentsServer, startPaymentsServer } from '../helpers/payments-http';

// Bank transfers over HTTP (VietQR page, the signed bank webhook, the operator marking money received)
// and what checkout refuses. Stripe cards: stripe-http.test.ts.

let ctx: PaymentsServer;
beforeAll(async () => {
  ctx = await startPaymentsServer();
});
afterAll(async () => {
  await ctx?.stop();
});

describe('VietQR bank transfer', () => {
  it('shows the QR with amount, account and reference, and the signed bank notification marks both orders paid', async () => {
    const buyer = new FormClient(ctx.server.url);
    const order = await ctx.placed(buyer, 'vietqr');
    expect(order.payment_state).toBe('awaiting');
    const page = await (await buyer.get(`/dat-hang/${order.reference}`)).text();
    expect(page).toContain('<svg');
    expect(page).toContain('0011004455667');
    expect(page).toContain(order.reference);
    expect(page).toContain('Vietcombank');
    // Someone without the checkout's cookie sees nothing.
    expect((await new FormClient(ctx.server.url).get(`/dat-hang/${order.reference}`)).status).toBe(
      404,
    );

    const notification = {
      transactionId: 'FT26326000001',
      amountVnd: order.total_vnd,
      description: `MBVCB.123.${order.reference}.CT tu 0987654321`,
      occurredAt: new Date().toISOString(),
    };
    const forged = await ctx.bankNotify(notification, 'not-the-secret-at-all');
    expect(forged.status).toBe(400);
    expect(await ctx.stateOf(order.id)).toEqual(['placed', 'placed']);

    const ok = await ctx.bankNotify(notification);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ outcome: 'applied', duplicate: false });
    expect(await ctx.stateOf(order.id)).toEqual(['paid', 'paid']);
    const replay = await ctx.bankNotify(notification);
    expect(await replay.json()).toMatchObject({ duplicate: true });
    expect(await (await buyer.get(`/dat-hang/${order.reference}`)).text()).toContain(
      'Đã nhận thanh toán',
    );
  });

  it('holds short and unmatched transfers for the operator, who sees them', async () => {
    const order = await ctx.placed(new FormClient(ctx.server.url), 'vietqr');
    const short = await ctx.bankNotify({
      transactionId: 'FT26326000002',
      amountVnd: 10_000,
      description: order.reference,
      occurredAt: new Date().toISOString(),
    });
    expect(await short.json()).toMatchObject({ outcome: 'held_short' });
    const unmatched = await ctx.bankNotify({
      transactionId: 'FT26326000003',
      amountVnd: 99_000,
      description: 'chuyen tien hang',
      occurredAt: new Date().toISOString(),
    });
    expect(await unmatched.json()).toMatchObject({ outcome: 'held_unmatched' });
    expect(await ctx.stateOf(order.id)).toEqual(['placed', 'placed']);
    const bad = await fetch(`${ctx.server.url}/webhooks/bank-transfer`, {
      method: 'POST',
      body: '{"nope":1}',
      headers: { 'X-Signature': signBankBody('{"nope":1}', BANK_SECRET) },
    });
    expect(bad.status).toBe(400);

    const admin = new FormClient(ctx.server.url);
    expect(
      (
        await admin.post('/dang-nhap', {
          identifier: 'admin@chophien.test',
          password: 'chophien-admin-demo',
        })
      ).status,
    ).toBe(302);
    const page = await (await admin.get('/quan-tri/thanh-toan')).text();
    expect(page).toContain('FT26326000002');
    expect(page).toContain('Không khớp đơn nào');
    // The operator marks the rest of the transfer received by hand.
    const marked = await admin.post('/quan-tri/thanh-toan', {
      intent: 'received',
      reference: order.reference,
      amount: String(order.total_vnd - 10_000),
      transactionId: 'FT26326000099',
    });
    expect(marked.status).toBe(200);
    expect(await ctx.stateOf(order.id)).toEqual(['paid', 'paid']);
    const buyerPage = await new FormClient(ctx.server.url).get('/quan-tri/thanh-toan');
    expect(buyerPage.status).toBe(302);
  });
});

describe('checkout safety', () => {
  it('refuses a tampered total with a Vietnamese message and writes nothing', async () => {
    const before = await ctx.data.db
      .selectFrom('checkouts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const response = await ctx.checkout(
      new FormClient(ctx.server.url),
      'cod',
      (fields) => (fields.expectedTotalVnd = '1000'),
    );
    expect(response.status).toBe(409);
    expect(await response.text()).toContain('Giỏ hàng vừa thay đổi');
    const after = await ctx.data.db
      .selectFrom('checkouts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('reports every bad address field at once', async () => {
    const client = new FormClient(ctx.server.url);
    await client.post('/gio-hang', {
      intent: 'add',
      productId: String(ctx.products[0].id),
      quantity: '1',
    });
    const response = await client.post('/thanh-toan', {
      intent: 'review',
      contactName: 'A',
      contactPhone: '12',
      contactEmail: 'x@',
      provinceCode: '01',
      communeCode: '99999',
      street: '',
      note: '',
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    for (const message of [
      'Nhập họ tên người nhận',
      'Số điện thoại không đúng',
      'Địa chỉ e-mail không đúng',
      'Nhập số nhà',
      'Chọn xã, phường',
    ])
      expect(html).toContain(message);
  });

  it('lets a guest find the order by code and phone only', async () => {
    const order = await ctx.placed(new FormClient(ctx.server.url), 'cod');
    const code = (
      await ctx.data.db
        .selectFrom('orders')
        .select('code')
        .where('checkout_id', '=', order.id)
        .executeTakeFirstOrThrow()
    ).code;
    const stranger = new FormClient(ctx.server.url);
    expect((await stranger.get(`/don-hang/${code}`)).status).toBe(404);
    const wrong = await stranger.post('/tra-cuu-don-hang', { code, phone: '0900000000' });
    expect(wrong.status).toBe(404);
    const right = await stranger.post('/tra-cuu-don-hang', {
      code: code.toLowerCase().replace(/^cp/, 'cp-'),
      phone: '+84 987 654 321',
    });
    expect(right.status).toBe(302);
    const page = await stranger.get(`/don-hang/${code}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Thanh toán khi nhận hàng');
  });
});
