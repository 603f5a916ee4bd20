import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMeilisearchIndex } from '~/search/meilisearch/engine.server';
import { productsChanged } from '~/search/sync.server';
import { FormClient } from '../helpers/browser-less';
import { useTestMeilisearch } from '../helpers/meili';
import { startTestServer, type TestServer } from '../helpers/server';
import { copyTemplateDatabase, type TestData } from '../helpers/test-db';

// PostgreSQL project only: two app instances (both running the background jobs) on one PostgreSQL
// database and one Meilisearch, and 200 buyers racing for 50 units through both, alternately.
const meili = useTestMeilisearch();
let data: TestData;
const servers: TestServer[] = [];
const UNITS = 50;
const BUYERS = 200;
const hidden = (html: string, name: string) =>
  new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? '';

beforeAll(async () => {
  data = copyTemplateDatabase();
  const env = {
    SEARCH_ENGINE: 'meilisearch',
    MEILISEARCH_URL: meili.server.url,
    MEILISEARCH_API_KEY: meili.server.apiKey,
    VIETQR_BANK_BIN: '970436',
    VIETQR_ACCOUNT_NUMBER: '0011004455667',
    VIETQR_ACCOUNT_NAME: 'CHO PHIEN TEST',
    STAMP_KEYS: JSON.stringify({ '1': 'k'.repeat(43) }),
    STAMP_KEY_ID: '1',
  };
  // One after the other: the second finds the schema migrated and the index built by the first.
  servers.push(await startTestServer({ dataDir: data.dataDir, env }));
  servers.push(await startTestServer({ dataDir: data.dataDir, env }));
}, 180_000);
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await data?.cleanup();
});

async function buy(baseUrl: string, productId: number, i: number) {
  const client = new FormClient(baseUrl);
  await client.post('/gio-hang', { intent: 'add', productId: String(productId), quantity: '1' });
  const address = {
    contactName: `Người Mua ${i}`,
    contactPhone: '0912345678',
    contactEmail: `mua${i}@example.vn`,
    provinceCode: '01',
    communeCode: (
      await data.db
        .selectFrom('communes')
        .select('code')
        .where('province_code', '=', '01')
        .orderBy('code')
        .executeTakeFirstOrThrow()
    ).code,
    street: '1 Tràng Tiền',
    note: '',
  };
  const review = await (
    await client.post('/thanh-toan?tinh=01', { intent: 'review', ...address })
  ).text();
  const placed = await client.post('/thanh-toan', {
    intent: 'place',
    ...address,
    paymentMethod: 'vietqr',
    cartVersion: hidden(review, 'cartVersion'),
    expectedTotalVnd: hidden(review, 'expectedTotalVnd'),
  });
  await placed.body?.cancel();
  return placed.status === 302 && (placed.headers.get('location') ?? '').includes('/dat-hang/');
}

describe('two app instances on one PostgreSQL and one Meilisearch', () => {
  it('sells exactly the 50 units to 200 concurrent buyers, queues each e-mail once and keeps the index equal to the database', async () => {
    const product = await data.db
      .selectFrom('products')
      .select(['id', 'slug'])
      .where('status', '=', 'published')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    await data.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('products')
        .set({ stock: UNITS })
        .where('id', '=', product.id)
        .execute();
      await productsChanged(trx, [product.id]);
    });

    const results = await Promise.all(
      Array.from({ length: BUYERS }, (_, i) => buy(servers[i % 2]!.url, product.id, i)),
    );
    const placed = results.filter(Boolean).length;
    expect(placed).toBe(UNITS);

    const stock = await data.db
      .selectFrom('products')
      .select('stock')
      .where('id', '=', product.id)
      .executeTakeFirstOrThrow();
    expect(stock.stock).toBe(0);
    const sold = await data.db
      .selectFrom('order_items')
      .select((eb) => eb.fn.sum<number>('quantity').as('n'))
      .where('product_id', '=', product.id)
      .executeTakeFirstOrThrow();
    expect(sold.n).toBe(UNITS);
    const movements = await data.db
      .selectFrom('stock_movements')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('product_id', '=', product.id)
      .where('reason', '=', 'sale')
      .executeTakeFirstOrThrow();
    expect(movements.n).toBe(UNITS);

    // Every order's buyer e-mail is queued exactly once (and nothing is queued twice).
    const orders = await data.db
      .selectFrom('orders')
      .innerJoin('checkouts', 'checkouts.id', 'orders.checkout_id')
      .select(['orders.code', 'checkouts.contact_email'])
      .innerJoin('order_items', 'order_items.order_id', 'orders.id')
      .where('order_items.product_id', '=', product.id)
      .execute();
    expect(orders).toHaveLength(UNITS);
    const mail = await data.db
      .selectFrom('email_outbox')
      .select(['to_address', 'subject'])
      .execute();
    for (const order of orders)
      expect(
        mail.filter((m) => m.to_address === order.contact_email && m.subject.includes(order.code)),
      ).toHaveLength(1);
    const pairs = mail.map((m) => `${m.to_address}|${m.subject}`);
    expect(new Set(pairs).size).toBe(pairs.length);

    // Both instances drain the outbox; once it is empty Meilisearch holds what the database says.
    const deadline = Date.now() + 90_000;
    for (;;) {
      const pending = await data.db
        .selectFrom('search_outbox')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where((eb) => eb.or([eb('processed_at', 'is', null), eb('embedded_at', 'is', null)]))
        .executeTakeFirstOrThrow();
      if (pending.n === 0) break;
      if (Date.now() > deadline) throw new Error(`${pending.n} outbox rows still pending`);
      await new Promise((r) => setTimeout(r, 300));
    }
    const index = createMeilisearchIndex({ url: meili.server.url, apiKey: meili.server.apiKey });
    const visible = await data.db
      .selectFrom('products as p')
      .innerJoin('organizations as o', 'o.id', 'p.organization_id')
      .select(['p.id', 'p.stock', 'p.price_vnd'])
      .where('p.status', '=', 'published')
      .where('o.verification_state', 'not in', ['rejected', 'changes_requested'])
      .orderBy('p.id')
      .execute();
    // Marked processed means Meilisearch accepted the tasks; they may still be applying.
    let inIndex: Array<{ id: number; stock: number; price_vnd: number }> = [];
    for (let tries = 0; tries < 60; tries++) {
      const documents = await index.client
        .index(index.indexUid)
        .getDocuments<{ id: number; stock: number; priceVnd: number }>({
          limit: 1000,
          fields: ['id', 'stock', 'priceVnd'],
        });
      inIndex = [...documents.results]
        .sort((a, b) => a.id - b.id)
        .map((d) => ({ id: d.id, stock: d.stock, price_vnd: d.priceVnd }));
      if (JSON.stringify(inIndex) === JSON.stringify(visible)) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(inIndex).toEqual(visible);
    expect(inIndex.find((d) => d.id === product.id)?.stock).toBe(0);
  }, 300_000);
});
