import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signBankBody } from '~/payments/bank-webhook';
import { FormClient } from '../helpers/browser-less';
import { startFakeStripe, type FakeStripe } from '../helpers/fake-stripe';
import { startTestServer, type TestServer } from '../helpers/server';
import { copyTemplateDatabase, type TestData } from '../helpers/test-db';

const BANK_SECRET = 'bank-webhook-secret-for-tests';
const STRIPE_WEBHOOK_SECRET = 'whsec_test_secret_for_webhooks';

let data: TestData;
let server: TestServer;
let stripe: FakeStripe;
let products: Array<{ id: number; organization_id: number; price_vnd: number }>;
let communeCode: string;

beforeAll(async () => {
  data = copyTemplateDatabase();
  stripe = await startFakeStripe();
  server = await startTestServer({
    dataDir: data.dataDir,
    env: {
      VIETQR_BANK_BIN: '970436',
      VIETQR_ACCOUNT_NUMBER: '0011004455667',
      VIETQR_ACCOUNT_NAME: 'CONG TY CHO PHIEN',
      BANK_WEBHOOK_SECRET: BANK_SECRET,
      STRIPE_SECRET_KEY: 'sk_test_fake',
      STRIPE_WEBHOOK_SECRET,
      STRIPE_API_URL: stripe.url,
    },
  });
  const rows = await data.db
    .selectFrom('products')
    .select(['id', 'organization_id', 'price_vnd'])
    .where('status', '=', 'published')
    .where('stock', '>', 20)
    .orderBy('id')
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
  await stripe?.close();
  await data?.cleanup();
});

const address = () => ({
  contactName: 'Trần Thị Hoa',
  contactPhone: '0987 654 321',
  contactEmail: '',
  provinceCode: '01',
  communeCode,
  street: '5 Phố Huế',
  note: 'Gọi trước khi giao',
});
const hidden = (html: string, name: string) =>
  new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? '';

/** A guest adds the products, asks for the review and places the order; returns the checkout reference. */
async function checkout(
  client: FormClient,
  method: 'vietqr' | 'card' | 'cod',
  tamper?: (fields: Record<string, string>) => void,
) {
  for (const product of products) {
    const added = await client.post('/gio-hang', {
      intent: 'add',
      productId: String(product.id),
      quantity: '1',
    });
    expect(added.status).toBe(302);
  }
  const review = await client.post('/thanh-toan?tinh=01', { intent: 'review', ...address() });
  expect(review.status).toBe(200);
  const html = await review.text();
  const fields = {
    intent: 'place',
    ...address(),
    paymentMethod: method,
    cartVersion: hidden(html, 'cartVersion'),
    expectedTotalVnd: hidden(html, 'expectedTotalVnd'),
  };
  tamper?.(fields);
  return client.post('/thanh-toan', fields);
}

async function placed(client: FormClient, method: 'vietqr' | 'card' | 'cod') {
  const response = await checkout(client, method);
  expect(response.status).toBe(302);
  const reference = response.headers.get('location')!.split('/').pop()!;
  const row = await data.db
    .selectFrom('checkouts')
    .select(['id', 'total_vnd', 'payment_state'])
    .where('reference', '=', reference)
    .executeTakeFirstOrThrow();
  return { reference, ...row };
}

function bankNotify(body: object, secret = BANK_SECRET) {
  const raw = JSON.stringify(body);
  return fetch(`${server.url}/webhooks/bank-transfer`, {
    method: 'POST',
    body: raw,
    headers: { 'Content-Type': 'application/json', 'X-Signature': signBankBody(raw, secret) },
  });
}

function stripeNotify(event: object, secret = STRIPE_WEBHOOK_SECRET) {
  const payload = JSON.stringify(event);
  return fetch(`${server.url}/webhooks/stripe`, {
    method: 'POST',
    body: payload,
    headers: {
      'Content-Type': 'application/json',
      'Stripe-Signature': Stripe.webhooks.generateTestHeaderString({ payload, secret }),
    },
  });
}

const stateOf = async (checkoutId: number) =>
  (
    await data.db
      .selectFrom('orders')
      .select('state')
      .where('checkout_id', '=', checkoutId)
      .orderBy('id')
      .execute()
  ).map((o) => o.state);

describe('VietQR bank transfer', () => {
  it('shows the QR with amount, account and reference, and the signed bank notification marks both orders paid', async () => {
    const buyer = new FormClient(server.url);
    const order = await placed(buyer, 'vietqr');
    expect(order.payment_state).toBe('awaiting');
    const page = await (await buyer.get(`/dat-hang/${order.reference}`)).text();
    expect(page).toContain('<svg');
    expect(page).toContain('0011004455667');
    expect(page).toContain(order.reference);
    expect(page).toContain('Vietcombank');
    // Someone without the checkout's cookie sees nothing.
    expect((await new FormClient(server.url).get(`/dat-hang/${order.reference}`)).status).toBe(404);

    const notification = {
      transactionId: 'FT26326000001',
      amountVnd: order.total_vnd,
      description: `MBVCB.123.${order.reference}.CT tu 0987654321`,
      occurredAt: new Date().toISOString(),
    };
    const forged = await bankNotify(notification, 'not-the-secret-at-all');
    expect(forged.status).toBe(400);
    expect(await stateOf(order.id)).toEqual(['placed', 'placed']);

    const ok = await bankNotify(notification);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ outcome: 'applied', duplicate: false });
    expect(await stateOf(order.id)).toEqual(['paid', 'paid']);
    const replay = await bankNotify(notification);
    expect(await replay.json()).toMatchObject({ duplicate: true });
    expect(await (await buyer.get(`/dat-hang/${order.reference}`)).text()).toContain(
      'Đã nhận thanh toán',
    );
  });

  it('holds short and unmatched transfers for the operator, who sees them', async () => {
    const order = await placed(new FormClient(server.url), 'vietqr');
    const short = await bankNotify({
      transactionId: 'FT26326000002',
      amountVnd: 10_000,
      description: order.reference,
      occurredAt: new Date().toISOString(),
    });
    expect(await short.json()).toMatchObject({ outcome: 'held_short' });
    const unmatched = await bankNotify({
      transactionId: 'FT26326000003',
      amountVnd: 99_000,
      description: 'chuyen tien hang',
      occurredAt: new Date().toISOString(),
    });
    expect(await unmatched.json()).toMatchObject({ outcome: 'held_unmatched' });
    expect(await stateOf(order.id)).toEqual(['placed', 'placed']);
    const bad = await fetch(`${server.url}/webhooks/bank-transfer`, {
      method: 'POST',
      body: '{"nope":1}',
      headers: { 'X-Signature': signBankBody('{"nope":1}', BANK_SECRET) },
    });
    expect(bad.status).toBe(400);

    const admin = new FormClient(server.url);
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
    expect(await stateOf(order.id)).toEqual(['paid', 'paid']);
    const buyerPage = await new FormClient(server.url).get('/quan-tri/thanh-toan');
    expect(buyerPage.status).toBe(302);
  });
});

describe('checkout safety', () => {
  it('refuses a tampered total with a Vietnamese message and writes nothing', async () => {
    const before = await data.db
      .selectFrom('checkouts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const response = await checkout(
      new FormClient(server.url),
      'cod',
      (fields) => (fields.expectedTotalVnd = '1000'),
    );
    expect(response.status).toBe(409);
    expect(await response.text()).toContain('Giỏ hàng vừa thay đổi');
    const after = await data.db
      .selectFrom('checkouts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('reports every bad address field at once', async () => {
    const client = new FormClient(server.url);
    await client.post('/gio-hang', {
      intent: 'add',
      productId: String(products[0].id),
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
    const order = await placed(new FormClient(server.url), 'cod');
    const code = (
      await data.db
        .selectFrom('orders')
        .select('code')
        .where('checkout_id', '=', order.id)
        .executeTakeFirstOrThrow()
    ).code;
    const stranger = new FormClient(server.url);
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

describe('Stripe cards', () => {
  it('sends the buyer to a VND Checkout Session and applies the signed webhook once, in any order', async () => {
    const buyer = new FormClient(server.url);
    const order = await placed(buyer, 'card');
    const go = await buyer.post(`/dat-hang/${order.reference}`, { intent: 'card' });
    expect(go.status).toBe(302);
    expect(go.headers.get('location')).toMatch(/^https:\/\/checkout\.stripe\.test\//);
    const [sessionId, params] = [...stripe.sessions].at(-1)!;
    expect(params).toMatchObject({
      currency: 'vnd',
      client_reference_id: order.reference,
      mode: 'payment',
    });
    const completed = {
      id: 'evt_completed_1',
      object: 'event',
      type: 'checkout.session.completed',
      data: {
        object: {
          id: sessionId,
          object: 'checkout.session',
          client_reference_id: order.reference,
          amount_total: order.total_vnd,
          payment_status: 'paid',
          payment_intent: 'pi_test_1',
        },
      },
    };

    expect((await stripeNotify(completed, 'whsec_wrong')).status).toBe(400);
    expect(await stateOf(order.id)).toEqual(['placed', 'placed']);
    const first = await stripeNotify(completed);
    expect(first.status).toBe(200);
    expect(await stateOf(order.id)).toEqual(['paid', 'paid']);
    expect(await (await stripeNotify(completed)).json()).toMatchObject({ result: 'duplicate' });
    // An expiry that arrives late changes nothing.
    const expired = {
      id: 'evt_expired_1',
      object: 'event',
      type: 'checkout.session.expired',
      data: {
        object: { id: sessionId, object: 'checkout.session', client_reference_id: order.reference },
      },
    };
    expect(await (await stripeNotify(expired)).json()).toMatchObject({ result: 'ignored' });
    expect(await stateOf(order.id)).toEqual(['paid', 'paid']);
  });

  it('expires a session reported expired, giving the stock back; a payment after that is held', async () => {
    const order = await placed(new FormClient(server.url), 'card');
    const stock = (
      await data.db
        .selectFrom('products')
        .select('stock')
        .where('id', '=', products[0].id)
        .executeTakeFirstOrThrow()
    ).stock;
    const expired = {
      id: 'evt_expired_2',
      object: 'event',
      type: 'checkout.session.expired',
      data: {
        object: { id: 'cs_x', object: 'checkout.session', client_reference_id: order.reference },
      },
    };
    expect(await (await stripeNotify(expired)).json()).toMatchObject({ result: 'expired' });
    expect(await stateOf(order.id)).toEqual(['cancelled', 'cancelled']);
    expect(
      (
        await data.db
          .selectFrom('products')
          .select('stock')
          .where('id', '=', products[0].id)
          .executeTakeFirstOrThrow()
      ).stock,
    ).toBe(stock + 1);
    const late = {
      id: 'evt_completed_2',
      object: 'event',
      type: 'checkout.session.completed',
      data: {
        object: {
          id: 'cs_late',
          object: 'checkout.session',
          client_reference_id: order.reference,
          amount_total: order.total_vnd,
          payment_status: 'paid',
          payment_intent: 'pi_late',
        },
      },
    };
    expect(await (await stripeNotify(late)).json()).toMatchObject({ result: 'held_late' });
  });

  it('refunds a cancelled card order through Stripe, once', async () => {
    const buyer = new FormClient(server.url);
    const order = await placed(buyer, 'card');
    const completed = {
      id: 'evt_completed_3',
      object: 'event',
      type: 'checkout.session.completed',
      data: {
        object: {
          id: 'cs_refund',
          object: 'checkout.session',
          client_reference_id: order.reference,
          amount_total: order.total_vnd,
          payment_status: 'paid',
          payment_intent: 'pi_refund',
        },
      },
    };
    await stripeNotify(completed);
    const [first] = await data.db
      .selectFrom('orders')
      .select(['id', 'code', 'paid_vnd'])
      .where('checkout_id', '=', order.id)
      .orderBy('id')
      .execute();
    expect(
      (
        await buyer.post(`/dat-hang/${order.reference}`, {
          intent: 'cancel',
          orderId: String(first.id),
        })
      ).status,
    ).toBe(200);
    const admin = new FormClient(server.url);
    await admin.post('/dang-nhap', {
      identifier: 'admin@chophien.test',
      password: 'chophien-admin-demo',
    });
    expect(await (await admin.get('/quan-tri/thanh-toan')).text()).toContain(first.code);
    expect(
      (
        await admin.post('/quan-tri/thanh-toan', {
          intent: 'refund',
          code: first.code,
          reason: 'Người mua huỷ',
        })
      ).status,
    ).toBe(200);
    expect(stripe.refunds.at(-1)).toMatchObject({
      payment_intent: 'pi_refund',
      amount: String(first.paid_vnd),
    });
    const again = await admin.post('/quan-tri/thanh-toan', {
      intent: 'refund',
      code: first.code,
      reason: 'Người mua huỷ',
    });
    expect(again.status).toBe(409);
    expect(stripe.refunds).toHaveLength(1);
    const refunded = {
      id: 'evt_refunded_1',
      object: 'event',
      type: 'charge.refunded',
      data: {
        object: {
          id: 'ch_1',
          object: 'charge',
          payment_intent: 'pi_refund',
          amount_refunded: first.paid_vnd,
        },
      },
    };
    expect(await (await stripeNotify(refunded)).json()).toMatchObject({ result: 'refund' });
    expect(
      (
        await data.db
          .selectFrom('orders')
          .select('state')
          .where('id', '=', first.id)
          .executeTakeFirstOrThrow()
      ).state,
    ).toBe('refunded');
  });
});
