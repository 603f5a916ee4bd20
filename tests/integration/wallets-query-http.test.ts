import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expireUnpaidCheckouts } from '~/payments/index.server';
import { FormClient } from '../helpers/browser-less';
import { startFakeWallets, type FakeWallets, type WalletAttempt } from '../helpers/fake-wallets';
import { type PaymentsServer, startPaymentsServer } from '../helpers/payments-http';

// "Hỏi cổng thanh toán / Check with the gateway" on /quan-tri/thanh-toan, over HTTP against the local
// gateways of tests/helpers/fake-wallets.ts (VNPay querydr, MoMo /v2/gateway/api/query, ZaloPay
// /v2/query, with their documented answers): a payment whose notification was lost is recorded once
// through the IPN's path; unpaid stays awaiting; forged answers and a gateway that is down change
// nothing and say so; only the operator may ask.

let ctx: PaymentsServer;
let wallets: FakeWallets;
let admin: FormClient;
beforeAll(async () => {
  wallets = await startFakeWallets();
  ctx = await startPaymentsServer({ env: wallets.env() });
  wallets.setAppUrl(ctx.server.url);
  admin = new FormClient(ctx.server.url);
  const signedIn = await admin.post('/dang-nhap', {
    identifier: 'admin@chophien.test',
    password: 'chophien-admin-demo',
  });
  expect(signedIn.status).toBe(302);
});
afterAll(async () => {
  await ctx?.stop();
  await wallets?.close();
});

type Provider = 'vnpay' | 'momo' | 'zalopay';
const NAME = { vnpay: 'VNPay', momo: 'MoMo', zalopay: 'ZaloPay' } as const;

/** Places a checkout paid with `provider` and follows the "pay" button to the gateway's page. */
async function begin(provider: Provider) {
  const buyer = new FormClient(ctx.server.url);
  const order = await ctx.placed(buyer, provider);
  const go = await buyer.post(`/dat-hang/${order.reference}`, { intent: 'card' });
  expect(go.status).toBe(302);
  await (await fetch(go.headers.get('location') ?? '')).text();
  const attempt = wallets.attempts.at(-1) as WalletAttempt;
  expect(attempt).toMatchObject({ provider, amount: order.total_vnd });
  expect(attempt.orderId).toContain(order.reference);
  return { buyer, order, attempt };
}

const ask = (client: FormClient, reference: string) =>
  client.post('/quan-tri/thanh-toan', { intent: 'query', reference });

/** The status line the page shows after asking, or its error message. */
async function said(response: Response) {
  const html = await response.text();
  const status = /data-testid="gateway-check"[^>]*>([^<]*)</.exec(html)?.[1];
  const error = /role="alert"[^>]*>([^<]*)</.exec(html)?.[1];
  return (status ?? error ?? '').replace(/&#x27;|&#39;/g, "'");
}

const checkoutRow = (id: number) =>
  ctx.data.db
    .selectFrom('checkouts')
    .select(['payment_state', 'received_vnd', 'gateway_order_id', 'gateway_transaction_id'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
const eventsOf = (id: number) =>
  ctx.data.db
    .selectFrom('payment_events')
    .select(['provider', 'external_id', 'amount_vnd', 'outcome'])
    .where('checkout_id', '=', id)
    .orderBy('id')
    .execute();
const auditsOf = (checkoutId: number) =>
  ctx.data.db
    .selectFrom('audit_log')
    .select(['action', 'changes', 'actor_user_id'])
    .where('entity_type', '=', 'payment')
    .where('entity_id', '=', checkoutId)
    .where('action', '=', 'payment.gateway_queried')
    .orderBy('id')
    .execute();

describe.each(['vnpay', 'momo', 'zalopay'] as const)('%s', (provider) => {
  it('recovers a payment whose notification was lost, exactly once', async () => {
    const { order, attempt } = await begin(provider);
    // The checkout's row offers the question.
    const page = await (await admin.get('/quan-tri/thanh-toan')).text();
    expect(page).toContain(order.reference);
    expect(page).toContain('Hỏi cổng thanh toán');

    wallets.payWithoutNotice(attempt);
    const first = await ask(admin, order.reference);
    expect(first.status).toBe(200);
    expect(await said(first)).toBe(
      `${NAME[provider]} báo đã thanh toán. Đã ghi nhận: đã xác nhận thanh toán`,
    );
    expect(wallets.queries.at(-1)).toBe(`${provider} ${attempt.orderId}`);
    const row = await checkoutRow(order.id);
    expect(row).toMatchObject({
      payment_state: 'paid',
      received_vnd: order.total_vnd,
      gateway_order_id: attempt.orderId,
    });
    expect(row.gateway_transaction_id).toMatch(/^\d+$/);
    expect(await ctx.stateOf(order.id)).toEqual(['paid', 'paid']);

    // Asking twice, and the notification arriving after all: recorded once.
    const second = await ask(admin, order.reference);
    expect(second.status).toBe(200);
    expect(await said(second)).toBe(
      `${NAME[provider]} báo đã thanh toán. Đã ghi nhận: giao dịch này đã được ghi trước đó`,
    );
    await wallets.notify(attempt);
    expect(await eventsOf(order.id)).toEqual([
      {
        provider,
        external_id: row.gateway_transaction_id,
        amount_vnd: order.total_vnd,
        outcome: 'applied',
      },
    ]);
    const audits = await auditsOf(order.id);
    expect(audits).toHaveLength(2);
    expect(JSON.parse(audits[0]!.changes)).toMatchObject({
      gateway: [null, provider],
      answer: [null, 'paid'],
      outcome: [null, 'applied'],
      duplicate: [null, false],
    });
    expect(audits[0]!.actor_user_id).not.toBeNull();
    expect(wallets.badSignatures).toEqual([]);
  });

  it('leaves an unpaid checkout awaiting and shows what the gateway says', async () => {
    const { order } = await begin(provider);
    const response = await ask(admin, order.reference);
    expect(response.status).toBe(200);
    const code = { vnpay: '00/01', momo: '1000', zalopay: '3' }[provider];
    expect(await said(response)).toBe(
      `${NAME[provider]} báo giao dịch đang chờ xử lý, chưa thanh toán (mã ${code}). Chưa ghi nhận gì.`,
    );
    expect(await checkoutRow(order.id)).toMatchObject({
      payment_state: 'awaiting',
      received_vnd: 0,
    });
    expect(await eventsOf(order.id)).toEqual([]);
    expect(await auditsOf(order.id)).toHaveLength(1);
  });

  it('refuses a forged query answer and records nothing', async () => {
    const { order, attempt } = await begin(provider);
    wallets.payWithoutNotice(attempt);
    wallets.queryFault.mode = 'forge';
    try {
      const response = await ask(admin, order.reference);
      expect(response.status).toBe(409);
      expect(await said(response)).toBe(
        `Câu trả lời của ${NAME[provider]} không kiểm tra được (sai chữ ký hoặc không đúng giao dịch). Chưa ghi nhận gì.`,
      );
    } finally {
      wallets.queryFault.mode = null;
    }
    expect(await eventsOf(order.id)).toEqual([]);
    expect((await checkoutRow(order.id)).payment_state).toBe('awaiting');
    expect(JSON.parse((await auditsOf(order.id))[0]!.changes)).toMatchObject({
      answer: [null, 'forged'],
    });
  });

  it('says so when the gateway is down, without a server error', async () => {
    const { order, attempt } = await begin(provider);
    wallets.payWithoutNotice(attempt);
    wallets.queryFault.mode = 'down';
    try {
      const response = await ask(admin, order.reference);
      expect(response.status).toBe(409);
      const message = await said(response);
      expect(message).toMatch(new RegExp(`^Không liên lạc được với ${NAME[provider]} \\(.*503`));
      expect(message).toContain('Chưa có gì thay đổi');
    } finally {
      wallets.queryFault.mode = null;
    }
    expect(await eventsOf(order.id)).toEqual([]);
    expect((await checkoutRow(order.id)).payment_state).toBe('awaiting');
  });

  it('holds money the gateway reports after the checkout expired', async () => {
    const { order, attempt } = await begin(provider);
    wallets.payWithoutNotice(attempt);
    await expireUnpaidCheckouts(ctx.data.db, new Date(Date.now() + 3 * 3_600_000));
    expect((await checkoutRow(order.id)).payment_state).toBe('expired');
    const response = await ask(admin, order.reference);
    expect(response.status).toBe(200);
    expect(await said(response)).toBe(
      `${NAME[provider]} báo đã thanh toán. Đã ghi nhận: đến sau khi đơn hết hạn`,
    );
    expect((await checkoutRow(order.id)).payment_state).toBe('expired');
    expect(await eventsOf(order.id)).toEqual([
      expect.objectContaining({ provider, amount_vnd: order.total_vnd, outcome: 'held_late' }),
    ]);
  });
});

describe('who may ask, and bad input', () => {
  it('is for the operator only; a cross-site form is refused', async () => {
    const { order, attempt, buyer } = await begin('momo');
    wallets.payWithoutNotice(attempt);
    const before = wallets.queries.length;
    const guest = await ask(new FormClient(ctx.server.url), order.reference);
    expect([302, 403, 404]).toContain(guest.status);
    const asBuyer = await ask(buyer, order.reference);
    expect([302, 403, 404]).toContain(asBuyer.status);
    const producer = new FormClient(ctx.server.url);
    const org = await ctx.data.db
      .selectFrom('organizations')
      .select('slug')
      .where('id', '=', ctx.products[0].organization_id)
      .executeTakeFirstOrThrow();
    expect(
      (
        await producer.post('/dang-nhap', {
          identifier: `${org.slug}@chophien.test`,
          password: 'chophien-producer-demo',
        })
      ).status,
    ).toBe(302);
    expect((await ask(producer, order.reference)).status).toBe(403);
    const crossSite = await admin.post(
      '/quan-tri/thanh-toan',
      { intent: 'query', reference: order.reference },
      { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' },
    );
    expect(crossSite.status).toBe(403);
    expect(wallets.queries.length).toBe(before);
    expect(await eventsOf(order.id)).toEqual([]);
    expect((await checkoutRow(order.id)).payment_state).toBe('awaiting');
  });

  it('explains a bad or unknown reference and a checkout with no gateway', async () => {
    const bad = await ask(admin, 'abc');
    expect(bad.status).toBe(400);
    expect(await said(bad)).toContain('Mã thanh toán phải có dạng TT');
    const unknown = await ask(admin, 'TTZZZZZZZZ');
    expect(unknown.status).toBe(404);
    expect(await said(unknown)).toBe('Không có đơn thanh toán nào với mã này.');
    const transfer = await ctx.placed(new FormClient(ctx.server.url), 'vietqr');
    const notGateway = await ask(admin, transfer.reference.toLowerCase());
    expect(notGateway.status).toBe(409);
    expect(await said(notGateway)).toContain('không hỏi cổng được');
    const neverSent = await ctx.placed(new FormClient(ctx.server.url), 'zalopay');
    const none = await ask(admin, neverSent.reference);
    expect(none.status).toBe(409);
    expect(await said(none)).toContain('chưa sang cổng thanh toán');
  });
});
