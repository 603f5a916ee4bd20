import { expect } from 'vitest';
import { DEMO_PRODUCER_PASSWORD } from '~/catalogue/seed.server';
import { signBankBody } from '~/payments/bank-webhook';
import { FormClient } from './browser-less';
import { startTestServer, type TestServer } from './server';
import { copyTemplateDatabase, type TestData } from './test-db';

// A real server (VietQR, the bank webhook, 5% commission) and the steps the fulfilment and ledger
// tests share: a guest buys from two cooperatives over HTTP, the bank pays, cooperatives sign in.

const BANK_SECRET = 'bank-webhook-secret-for-fulfilment';

export interface Product {
  id: number;
  organization_id: number;
  slug: string;
}

export const address = {
  contactName: 'Lò Thị Mai',
  contactPhone: '0987 111 222',
  contactEmail: '',
  provinceCode: '01',
  communeCode: '',
  street: '7 Lý Thái Tổ',
  note: 'Giao giờ hành chính',
};

const hidden = (html: string, name: string) =>
  new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? '';

export async function startFulfilmentServer() {
  const data: TestData = copyTemplateDatabase();
  const server: TestServer = await startTestServer({
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
    const reference = placed.headers.get('location')?.split('/').pop() ?? '';
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
    const byOrg = (orgId: number) => {
      const order = orders.find((o) => o.organization_id === orgId);
      if (!order) throw new Error(`no order for organization ${orgId}`);
      return order;
    };
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
      headers: {
        'Content-Type': 'application/json',
        'X-Signature': signBankBody(raw, BANK_SECRET),
      },
    });
    expect(response.status).toBe(200);
  }

  async function signIn(identifier: string, password: string) {
    const client = new FormClient(server.url);
    expect((await client.post('/dang-nhap', { identifier, password })).status).toBe(302);
    return client;
  }

  return {
    data,
    server,
    products,
    communeCode,
    buy,
    payByBank,
    signIn,
    /** Signs in as the owner of a demo cooperative. */
    owner: (slug: string) => signIn(`${slug}@chophien.test`, DEMO_PRODUCER_PASSWORD),
    stateOf: async (orderId: number) =>
      (
        await data.db
          .selectFrom('orders')
          .select('state')
          .where('id', '=', orderId)
          .executeTakeFirstOrThrow()
      ).state,
    async stop() {
      await server.stop();
      await data.cleanup();
    },
  };
}

export type FulfilmentServer = Awaited<ReturnType<typeof startFulfilmentServer>>;
