import Stripe from 'stripe';
import { expect } from 'vitest';
import { signBankBody } from '~/payments/bank-webhook';
import type { FormClient } from './browser-less';
import { startFakeStripe, type FakeStripe } from './fake-stripe';
import { startTestServer, type TestServer } from './server';
import { copyTemplateDatabase, type TestData } from './test-db';

// A real server with VietQR, the bank webhook and Stripe (against the fake Stripe) configured, and the
// steps the payments tests share: a guest's checkout over HTTP, the bank's and Stripe's notifications.

export const BANK_SECRET = 'bank-webhook-secret-for-tests';
export const STRIPE_WEBHOOK_SECRET = 'whsec_test_secret_for_webhooks';

export interface Product {
  id: number;
  organization_id: number;
  price_vnd: number;
}

export interface PaymentsServer {
  data: TestData;
  server: TestServer;
  stripe: FakeStripe;
  /** Published products of two different cooperatives, each with stock to spare. */
  products: [Product, Product];
  address(): Record<string, string>;
  /** A guest adds the products, asks for the review and places the order (fields may be tampered). */
  checkout(
    client: FormClient,
    method: Method,
    tamper?: (fields: Record<string, string>) => void,
  ): Promise<Response>;
  /** As `checkout`, expecting the redirect; the placed checkout's reference and row. */
  placed(
    client: FormClient,
    method: Method,
  ): Promise<{ reference: string; id: number; total_vnd: number; payment_state: string }>;
  bankNotify(body: object, secret?: string): Promise<Response>;
  stripeNotify(event: object, secret?: string): Promise<Response>;
  /** The states of a checkout's orders, in order. */
  stateOf(checkoutId: number): Promise<string[]>;
  stop(): Promise<void>;
}

const hidden = (html: string, name: string) =>
  new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? '';

type Method = 'vietqr' | 'card' | 'cod' | 'vnpay' | 'momo' | 'zalopay';

/** `env` adds to the payment variables (the wallets tests point VNPay, MoMo and ZaloPay at a fake). */
export async function startPaymentsServer(
  options: { env?: Record<string, string | undefined> } = {},
): Promise<PaymentsServer> {
  const data = copyTemplateDatabase();
  const stripe = await startFakeStripe();
  const server = await startTestServer({
    dataDir: data.dataDir,
    env: definedOnly({
      VIETQR_BANK_BIN: '970436',
      VIETQR_ACCOUNT_NUMBER: '0011004455667',
      VIETQR_ACCOUNT_NAME: 'CONG TY CHO PHIEN',
      BANK_WEBHOOK_SECRET: BANK_SECRET,
      STRIPE_SECRET_KEY: 'sk_test_fake',
      STRIPE_WEBHOOK_SECRET,
      STRIPE_API_URL: stripe.url,
      ...options.env,
    }),
  });
  const rows = await data.db
    .selectFrom('products')
    .select(['id', 'organization_id', 'price_vnd'])
    .where('status', '=', 'published')
    .where('stock', '>', 20)
    .orderBy('id')
    .execute();
  const first = rows[0];
  const second = rows.find((r) => r.organization_id !== first?.organization_id);
  if (!first || !second) throw new Error('the demo data has no two cooperatives with stock');
  const products: [Product, Product] = [first, second];
  const communeCode = (
    await data.db
      .selectFrom('communes')
      .select('code')
      .where('province_code', '=', '01')
      .orderBy('code')
      .executeTakeFirstOrThrow()
  ).code;

  const address = () => ({
    contactName: 'Trần Thị Hoa',
    contactPhone: '0987 654 321',
    contactEmail: '',
    provinceCode: '01',
    communeCode,
    street: '5 Phố Huế',
    note: 'Gọi trước khi giao',
  });

  const checkout: PaymentsServer['checkout'] = async (client, method, tamper) => {
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
  };

  const placed: PaymentsServer['placed'] = async (client, method) => {
    const response = await checkout(client, method);
    expect(response.status).toBe(302);
    const reference = response.headers.get('location')?.split('/').pop() ?? '';
    const row = await data.db
      .selectFrom('checkouts')
      .select(['id', 'total_vnd', 'payment_state'])
      .where('reference', '=', reference)
      .executeTakeFirstOrThrow();
    return { reference, ...row };
  };

  const bankNotify = (body: object, secret = BANK_SECRET) => {
    const raw = JSON.stringify(body);
    return fetch(`${server.url}/webhooks/bank-transfer`, {
      method: 'POST',
      body: raw,
      headers: { 'Content-Type': 'application/json', 'X-Signature': signBankBody(raw, secret) },
    });
  };

  const stripeNotify = (event: object, secret = STRIPE_WEBHOOK_SECRET) => {
    const payload = JSON.stringify(event);
    return fetch(`${server.url}/webhooks/stripe`, {
      method: 'POST',
      body: payload,
      headers: {
        'Content-Type': 'application/json',
        'Stripe-Signature': Stripe.webhooks.generateTestHeaderString({ payload, secret }),
      },
    });
  };

  const stateOf = async (checkoutId: number) =>
    (
      await data.db
        .selectFrom('orders')
        .select('state')
        .where('checkout_id', '=', checkoutId)
        .orderBy('id')
        .execute()
    ).map((o) => o.state);

  return {
    data,
    server,
    stripe,
    products,
    address,
    checkout,
    placed,
    bankNotify,
    stripeNotify,
    stateOf,
    async stop() {
      await server.stop();
      await stripe.close();
      await data.cleanup();
    },
  };
}

/** Drops the variables a test unset (`undefined`), so the server starts without them. */
function definedOnly(env: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}
