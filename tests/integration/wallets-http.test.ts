import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expireUnpaidCheckouts } from '~/payments/index.server';
import { FormClient } from '../helpers/browser-less';
import { startFakeWallets, type FakeWallets, type WalletAttempt } from '../helpers/fake-wallets';
import { type PaymentsServer, startPaymentsServer } from '../helpers/payments-http';

// VNPay, MoMo and ZaloPay over HTTP against the local gateway of tests/helpers/fake-wallets.ts, which
// implements each one's documented shapes and checks our signatures with its own code: the buyer is
// sent to the gateway, the gateway's signed notification is applied once, and forged, replayed,
// short, over, late and out-of-order notifications change nothing they should not; refunds go back
// through each gateway's refund API. (Signing vectors: tests/unit/wallet-signing.test.ts.)

let ctx: PaymentsServer;
let wallets: FakeWallets;
beforeAll(async () => {
  wallets = await startFakeWallets();
  ctx = await startPaymentsServer({ env: wallets.env() });
  wallets.setAppUrl(ctx.server.url);
});
afterAll(async () => {
  await ctx?.stop();
  await wallets?.close();
});

type Provider = 'vnpay' | 'momo' | 'zalopay';

/** Places a checkout paid with `provider` and follows the "pay" button to the gateway. */
async function begin(provider: Provider) {
  const buyer = new FormClient(ctx.server.url);
  const order = await ctx.placed(buyer, provider);
  expect(order.payment_state).toBe('awaiting');
  const go = await buyer.post(`/dat-hang/${order.reference}`, { intent: 'card' });
  expect(go.status).toBe(302);
  const location = go.headers.get('location') ?? '';
  expect(location.startsWith(wallets.url)).toBe(true);
  // VNPay's payment page is where the attempt starts (its URL is signed, not created by an API call).
  const page = await fetch(location);
  expect(await page.text()).toContain('cổng thử nghiệm');
  const attempt = wallets.attempts.at(-1) as WalletAttempt;
  expect(attempt).toMatchObject({ provider, amount: order.total_vnd });
  expect(attempt.orderId).toContain(order.reference);
  return { buyer, order, attempt };
}

/** The gateway's answer, reduced to "ok" / "duplicate" / "refused" / "amount" / "not found" in its own terms. */
async function answer(provider: Provider, response: Response) {
  if (provider === 'vnpay') {
    expect(response.status).toBe(200);
    return ((await response.json()) as { RspCode: string }).RspCode;
  }
  if (provider === 'momo') return String(response.status);
  return String(((await response.json()) as { return_code: number }).return_code);
}

const ANSWERS: Record<Provider, Record<string, string>> = {
  // VNPay's documented RspCodes; MoMo's HTTP status (204 = received); ZaloPay's return_code.
  vnpay: { ok: '00', duplicate: '02', forged: '97', short: '04', over: '04', late: '02' },
  momo: { ok: '204', duplicate: '204', forged: '400', short: '204', over: '204', late: '204' },
  zalopay: { ok: '1', duplicate: '2', forged: '-1', short: '1', over: '1', late: '1' },
};

const checkoutRow = (id: number) =>
  ctx.data.db
    .selectFrom('checkouts')
    .select([
      'payment_state',
      'received_vnd',
      'gateway_order_id',
      'gateway_transaction_id',
      'gateway_paid_at',
    ])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
const eventsOf = (id: number) =>
  ctx.data.db
    .selectFrom('payment_events')
    .select(['provider', 'external_id', 'amount_vnd', 'outcome', 'review_state'])
    .where('checkout_id', '=', id)
    .orderBy('id')
    .execute();

/** A notification with one field changed after signing. */
function forged(attempt: WalletAttempt) {
  const sent = wallets.notification(attempt);
  if (attempt.provider === 'vnpay') {
    const url = new URL(sent.url);
    url.searchParams.set('vnp_Amount', String(attempt.amount * 10 * 100));
    return fetch(url, sent.init);
  }
  const body = JSON.parse(String(sent.init.body)) as Record<string, unknown>;
  if (attempt.provider === 'momo') body.amount = attempt.amount * 10;
  else body.data = String(body.data).replace(`"amount":${attempt.amount}`, '"amount":1');
  return fetch(sent.url, { ...sent.init, body: JSON.stringify(body) });
}

describe.each(['vnpay', 'momo', 'zalopay'] as const)('%s', (provider) => {
  const codes = ANSWERS[provider];

  it('pays a checkout once from the signed notification; replays and late failures change nothing', async () => {
    const { order, attempt } = await begin(provider);
    if (provider !== 'zalopay') {
      // A failure report first (the buyer cancelled once): nothing recorded, still awaiting.
      const failed = await wallets.notify(attempt, { failed: true, transactionId: '0' });
      expect(await answer(provider, failed)).toBe(provider === 'vnpay' ? '00' : '204');
      expect(await eventsOf(order.id)).toEqual([]);
      expect((await checkoutRow(order.id)).payment_state).toBe('awaiting');
    }
    expect(await answer(provider, await wallets.notify(attempt))).toBe(codes.ok);
    expect(await checkoutRow(order.id)).toMatchObject({
      payment_state: 'paid',
      received_vnd: order.total_vnd,
      gateway_order_id: attempt.orderId,
    });
    expect((await checkoutRow(order.id)).gateway_transaction_id).toMatch(/^\d+$/);
    expect(await ctx.stateOf(order.id)).toEqual(['paid', 'paid']);
    // Replayed, and a failure report arriving after the success: both harmless.
    expect(await answer(provider, await wallets.notify(attempt))).toBe(codes.duplicate);
    if (provider !== 'zalopay') {
      const failed = await wallets.notify(attempt, { failed: true, transactionId: '0' });
      expect(await answer(provider, failed)).toBe(provider === 'vnpay' ? '02' : '204');
    }
    expect(await eventsOf(order.id)).toEqual([
      expect.objectContaining({ provider, amount_vnd: order.total_vnd, outcome: 'applied' }),
    ]);
    expect((await checkoutRow(order.id)).payment_state).toBe('paid');
    expect(wallets.badSignatures).toEqual([]);
  });

  it('refuses a notification changed after signing, and writes nothing', async () => {
    const { order, attempt } = await begin(provider);
    expect(await answer(provider, await forged(attempt))).toBe(codes.forged);
    expect(await eventsOf(order.id)).toEqual([]);
    expect(await checkoutRow(order.id)).toMatchObject({
      payment_state: 'awaiting',
      received_vnd: 0,
    });
  });

  it('holds a short payment for review and keeps waiting for the rest', async () => {
    const { order, attempt } = await begin(provider);
    const short = order.total_vnd - 10_000;
    const reply = await wallets.notify(attempt, { amount: short });
    expect(await answer(provider, reply)).toBe(codes.short);
    expect(await checkoutRow(order.id)).toMatchObject({
      payment_state: 'awaiting',
      received_vnd: short,
    });
    expect(await eventsOf(order.id)).toEqual([
      expect.objectContaining({ outcome: 'held_short', review_state: 'open', amount_vnd: short }),
    ]);
    expect(await ctx.stateOf(order.id)).toEqual(['placed', 'placed']);
  });

  it('applies an overpayment and flags it for review', async () => {
    const { order, attempt } = await begin(provider);
    const over = order.total_vnd + 50_000;
    expect(await answer(provider, await wallets.notify(attempt, { amount: over }))).toBe(
      codes.over,
    );
    expect((await checkoutRow(order.id)).payment_state).toBe('paid');
    expect(await eventsOf(order.id)).toEqual([
      expect.objectContaining({ outcome: 'applied_overpaid', review_state: 'open' }),
    ]);
  });

  it('holds money that arrives after the checkout expired, without reviving it', async () => {
    const { order, attempt } = await begin(provider);
    expect(
      await expireUnpaidCheckouts(ctx.data.db, new Date(Date.now() + 3 * 3_600_000)),
    ).toBeGreaterThanOrEqual(1);
    expect((await checkoutRow(order.id)).payment_state).toBe('expired');
    expect(await answer(provider, await wallets.notify(attempt))).toBe(codes.late);
    expect(await eventsOf(order.id)).toEqual([
      expect.objectContaining({ outcome: 'held_late', review_state: 'open' }),
    ]);
    expect(await ctx.stateOf(order.id)).toEqual(['cancelled', 'cancelled']);
  });

  it('refunds a cancelled order through the gateway, once', async () => {
    const { buyer, order, attempt } = await begin(provider);
    await wallets.notify(attempt);
    const first = await ctx.data.db
      .selectFrom('orders')
      .select(['id', 'code', 'paid_vnd'])
      .where('checkout_id', '=', order.id)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const cancel = await buyer.post(`/dat-hang/${order.reference}`, {
      intent: 'cancel',
      orderId: String(first.id),
    });
    expect(cancel.status).toBe(200);
    const admin = new FormClient(ctx.server.url);
    await admin.post('/dang-nhap', {
      identifier: 'admin@chophien.test',
      password: 'chophien-admin-demo',
    });
    const before = wallets.refunds.length;
    const refund = { intent: 'refund', code: first.code, reason: 'Người mua huỷ' };
    expect((await admin.post('/quan-tri/thanh-toan', refund)).status).toBe(200);
    expect(wallets.refunds).toHaveLength(before + 1);
    const sent = wallets.refunds.at(-1)!;
    expect(sent.provider).toBe(provider);
    const amount = provider === 'vnpay' ? String(first.paid_vnd * 100) : String(first.paid_vnd);
    expect(sent.body.amount ?? sent.body.vnp_Amount).toBe(amount);
    // Part of a two-cooperative checkout: VNPay's partial refund type.
    if (provider === 'vnpay') expect(sent.body.vnp_TransactionType).toBe('03');
    expect((await admin.post('/quan-tri/thanh-toan', refund)).status).toBe(409);
    expect(wallets.refunds).toHaveLength(before + 1);
    const row = await ctx.data.db
      .selectFrom('refunds')
      .select(['method', 'amount_vnd', 'gateway_refund_id'])
      .where('order_id', '=', first.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ method: provider, amount_vnd: first.paid_vnd });
    expect(row.gateway_refund_id).toMatch(new RegExp(`^${provider}:`));
    const state = await ctx.data.db
      .selectFrom('orders')
      .select('state')
      .where('id', '=', first.id)
      .executeTakeFirstOrThrow();
    expect(state.state).toBe('refunded');
    // The original notification replayed after the refund changes nothing.
    expect(await answer(provider, await wallets.notify(attempt))).toBe(codes.duplicate);
    expect(wallets.badSignatures).toEqual([]);
  });

  it('shows the buyer coming back what the gateway says, and only a verified result', async () => {
    const { buyer, order, attempt } = await begin(provider);
    const back = new URL(wallets.returnUrl(attempt));
    const page = await (await buyer.get(back.pathname + back.search)).text();
    expect(page).toContain('Cổng thanh toán báo giao dịch thành công');
    const failed = new URL(wallets.returnUrl(attempt, { failed: true }));
    expect(await (await buyer.get(failed.pathname + failed.search)).text()).toContain(
      'Giao dịch chưa thành công',
    );
    const tampered = new URL(back);
    tampered.searchParams.set(provider === 'vnpay' ? 'vnp_Amount' : 'amount', '100');
    expect(await (await buyer.get(tampered.pathname + tampered.search)).text()).toContain(
      'Không kiểm tra được kết quả',
    );
    // Returning does not pay: only the notification does.
    expect((await checkoutRow(order.id)).payment_state).toBe('awaiting');
  });
});

describe("the operator's payments by method and reconciliation export", () => {
  it('counts received and held money per method and exports one method and day as CSV', async () => {
    const admin = new FormClient(ctx.server.url);
    await admin.post('/dang-nhap', {
      identifier: 'admin@chophien.test',
      password: 'chophien-admin-demo',
    });
    const page = await (await admin.get('/quan-tri/thanh-toan')).text();
    for (const method of ['vnpay', 'momo', 'zalopay'])
      expect(page).toMatch(
        new RegExp(`data-method="${method}"><th scope="row">[^<]+</th><td>\\d+`),
      );
    expect(page).toContain('Chuyển thiếu'); // a held short payment, with its reason
    const events = await ctx.data.db
      .selectFrom('payment_events')
      .innerJoin('checkouts', 'checkouts.id', 'payment_events.checkout_id')
      .select([
        'payment_events.external_id',
        'payment_events.outcome',
        'payment_events.received_at',
      ])
      .where('checkouts.payment_method', '=', 'momo')
      .execute();
    expect(events.length).toBeGreaterThanOrEqual(5);
    // The day in Vietnam of the first MoMo event.
    const day = new Date(Date.parse(events[0]!.received_at) + 7 * 3_600_000)
      .toISOString()
      .slice(0, 10);
    const csv = await admin.get(`/quan-tri/thanh-toan/doi-soat?ngay=${day}&phuong-thuc=momo`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toContain(`doi-soat-momo-${day}.csv`);
    const text = await csv.text();
    const lines = text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'received_at,occurred_at,method,provider,transaction_id,reference,amount_vnd,outcome,review,gateway_transaction_id,description',
    );
    const sameDay = events.filter(
      (e) => new Date(Date.parse(e.received_at) + 7 * 3_600_000).toISOString().slice(0, 10) === day,
    );
    expect(lines).toHaveLength(sameDay.length + 1);
    for (const e of sameDay) expect(text).toContain(`,${e.external_id},`);
    expect(lines.slice(1).every((l) => l.split(',')[2] === 'momo')).toBe(true);
    // Another day has nothing; bad parameters are refused with a message.
    const empty = await (await admin.get('/quan-tri/thanh-toan/doi-soat?ngay=2020-01-01')).text();
    expect(
      empty
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n'),
    ).toHaveLength(1);
    const bad = await admin.get('/quan-tri/thanh-toan/doi-soat?ngay=02-12-2026');
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('YYYY-MM-DD');
    const badMethod = await admin.get(
      `/quan-tri/thanh-toan/doi-soat?ngay=${day}&phuong-thuc=bitcoin`,
    );
    expect(badMethod.status).toBe(400);
    // Not for buyers.
    const guest = await new FormClient(ctx.server.url).get(
      `/quan-tri/thanh-toan/doi-soat?ngay=${day}`,
    );
    expect(guest.status).not.toBe(200);
  });
});

describe('the demo: VietQR with a demo account, gateways off', () => {
  it('shows the demo banner on a VietQR checkout, which the operator marks received; off gateways refuse', async () => {
    const demo = await startPaymentsServer({
      env: {
        VIETQR_BANK_BIN: undefined,
        VIETQR_ACCOUNT_NUMBER: undefined,
        VIETQR_ACCOUNT_NAME: undefined,
        VIETQR_DEMO: 'true',
      },
    });
    try {
      const buyer = new FormClient(demo.server.url);
      const order = await demo.placed(buyer, 'vietqr');
      const page = await (await buyer.get(`/dat-hang/${order.reference}`)).text();
      expect(page).toContain('data-testid="demo-banner"');
      expect(page).toContain('Bản demo: tài khoản nhận tiền là tài khoản thử nghiệm');
      expect(page).toContain('CHO PHIEN DEMO');
      const admin = new FormClient(demo.server.url);
      await admin.post('/dang-nhap', {
        identifier: 'admin@chophien.test',
        password: 'chophien-admin-demo',
      });
      const marked = await admin.post('/quan-tri/thanh-toan', {
        intent: 'received',
        reference: order.reference,
        amount: String(order.total_vnd),
        transactionId: 'DEMO-0001',
      });
      expect(marked.status).toBe(200);
      expect(await (await buyer.get(`/dat-hang/${order.reference}`)).text()).toContain(
        'Đã nhận thanh toán',
      );
      // The gateways are off: not offered, and their notifications are refused.
      const refused = await demo.checkout(new FormClient(demo.server.url), 'momo');
      expect(refused.status).toBe(400);
      expect(await refused.text()).toContain('Chọn một cách thanh toán có sẵn');
      const ipn = await fetch(`${demo.server.url}/webhooks/momo`, { method: 'POST', body: '{}' });
      expect(ipn.status).toBe(404);
      const vnpay = await fetch(`${demo.server.url}/webhooks/vnpay?vnp_TxnRef=1`);
      expect(vnpay.status).toBe(404);
      const zalopay = await fetch(`${demo.server.url}/webhooks/zalopay`, {
        method: 'POST',
        body: '{}',
      });
      expect(zalopay.status).toBe(404);
    } finally {
      await demo.stop();
    }
  });
});
