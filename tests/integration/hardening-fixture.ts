import { afterAll, beforeAll, expect } from 'vitest';
import { FormClient } from '../helpers/browser-less';
import { guestCheckout } from '../helpers/checkout';
import { startTestServer, type TestServer } from '../helpers/server';
import { copyTemplateDatabase, type TestData } from '../helpers/test-db';

export interface HardeningWorld {
  data: TestData;
  server: TestServer;
  /** anonymous (a guest with a cart), producer (a Lai Châu cooperative owner), officer, admin. */
  clients: Record<string, FormClient>;
  /** Real rows of the demo data: id (product), orgId, batchId, reference, code, token. */
  params: Record<string, string>;
}

/** A server on a copy of the demo data with signed-in clients; set up once per test file. */
export function useHardeningWorld(): HardeningWorld {
  const world = { clients: {}, params: {} } as HardeningWorld;

  beforeAll(async () => {
    const data = copyTemplateDatabase();
    const { clients, params } = world;
    world.data = data;
    const { db } = data;
    const product = await db
      .selectFrom('products as p')
      .innerJoin('organizations as o', 'o.id', 'p.organization_id')
      .leftJoin('batches as b', 'b.product_id', 'p.id')
      .select(['p.id as productId', 'o.id as orgId', 'o.slug', 'b.id as batchId'])
      .where('o.province_code', '=', '12')
      .where('p.status', '=', 'published')
      .where('p.stock', '>', 5)
      .orderBy('p.id')
      .executeTakeFirstOrThrow();
    const checkout = await guestCheckout(
      db,
      [{ productId: product.productId, quantity: 1 }],
      'cod',
    );
    Object.assign(params, {
      id: String(product.productId),
      reference: checkout.placed.reference,
      code: checkout.placed.orderCodes[0] ?? 'X',
      token: 'a'.repeat(43),
    });
    params.batchId = String(product.batchId ?? 1);
    params.orgId = String(product.orgId);
    const server = await startTestServer({
      dataDir: data.dataDir,
      env: {
        BANK_WEBHOOK_SECRET: 'bank-secret-for-tests-0123456789',
        STRIPE_SECRET_KEY: 'sk_test_hardening',
        STRIPE_WEBHOOK_SECRET: 'whsec_hardening',
      },
    });
    // A guest with a cart, so the checkout reads the body instead of sending them to the empty cart.
    world.server = server;
    clients.anonymous = new FormClient(server.url);
    const added = await clients.anonymous.post('/gio-hang', {
      intent: 'add',
      productId: String(product.productId),
      quantity: '1',
    });
    expect(added.status).toBe(302);
    for (const [name, identifier, password] of [
      ['producer', `${product.slug}@chophien.test`, 'chophien-producer-demo'],
      ['officer', 'socongthuong.laichau@chophien.test', 'chophien-officer-demo'],
      ['admin', 'admin@chophien.test', 'chophien-admin-demo'],
    ] as const) {
      const client = new FormClient(server.url);
      expect((await client.post('/dang-nhap', { identifier, password })).status).toBe(302);
      clients[name] = client;
    }
  });
  afterAll(async () => {
    await world.server?.stop();
    await world.data?.cleanup();
  });

  /** A concrete URL for a route path: each parameter filled with a real row of the demo data. */
  return world;
}
