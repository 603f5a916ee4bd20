import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { expect } from 'vitest';
import { applyOrderEvent } from '~/orders/orders.server';
import { recordIncomingPayment } from '~/payments/payments.server';
import { FormClient } from '../helpers/browser-less';
import { guestCheckout } from '../helpers/checkout';
import { startTestServer, type TestServer } from '../helpers/server';
import { copyTemplateDatabase, type TestData } from '../helpers/test-db';

/**
 * The world of the trade office drill-down tests (tradeoffice-drilldown and tradeoffice-activity): Lai
 * Châu's register imported with one match, sales that count and sales that do not, stamps, scans and a
 * report, and Lào Cai's own sale and stamps that must never show in Lai Châu.
 */
export interface TradeOfficeWorld {
  data: TestData;
  server: TestServer;
  laiChau: FormClient;
  laoCai: FormClient;
}

const REGISTER = fs.readFileSync(
  path.resolve(import.meta.dirname, '../fixtures/register/lai-chau.csv'),
  'utf8',
);
export const DAY = 86_400_000;

export const csvRows = async (client: FormClient, href: string) => {
  const response = await client.get(href.replace('/chi-tiet?', '/chi-tiet/csv?'));
  expect(response.status, href).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  return parse(Buffer.from(await response.arrayBuffer()).toString('utf8'), {
    bom: true,
    columns: true,
  }) as Array<Record<string, string>>;
};
export const decode = (html: string) =>
  html
    .replaceAll('&amp;', '&')
    .replaceAll('&#x27;', "'")
    .replaceAll('&quot;', '"')
    .replaceAll('<!-- -->', '');

/** Lai Châu's published products with stock, one or two per cooperative. */
async function laiChauProducts(data: TestData) {
  return data.db
    .selectFrom('products as p')
    .innerJoin('organizations as o', 'o.id', 'p.organization_id')
    .select(['p.id', 'p.organization_id', 'p.ocop_group'])
    .where('o.province_code', '=', '12')
    .where('p.status', '=', 'published')
    .where('o.verification_state', '=', 'approved')
    .where('p.stock', '>', 10)
    .orderBy('p.id')
    .execute();
}

export async function startTradeOfficeWorld(): Promise<TradeOfficeWorld> {
  const data = copyTemplateDatabase();
  const now = Date.now();
  // Sales of Lai Châu: counted (COD let through, VietQR and card paid, one of them two months ago) and not
  // counted (a transfer still awaited, a COD order cancelled). One Lào Cai sale must never show in Lai Châu.
  const products = await laiChauProducts(data);
  // Two products of one cooperative in two product groups: an order with both is one order, counted in both groups.
  const a = products.find((p) =>
    products.some((q) => q.organization_id === p.organization_id && q.ocop_group !== p.ocop_group),
  );
  const b = products.find(
    (q) => q.organization_id === a?.organization_id && q.ocop_group !== a.ocop_group,
  );
  if (!a || !b) throw new Error('the demo data has no cooperative with products of two groups');
  await guestCheckout(data.db, [{ productId: a.id, quantity: 2 }], 'cod');
  await guestCheckout(
    data.db,
    [
      { productId: a.id, quantity: 1 },
      { productId: b.id, quantity: 1 },
    ],
    'cod',
    new Date(now - 62 * DAY),
  );
  const transfer = await guestCheckout(data.db, [{ productId: b.id, quantity: 1 }], 'vietqr');
  await recordIncomingPayment(data.db, {
    provider: 'bank',
    externalId: 'FT-1',
    amountVnd: transfer.placed.totalVnd,
    description: transfer.placed.reference,
    occurredAt: new Date().toISOString(),
    reference: transfer.placed.reference,
  });
  const card = await guestCheckout(data.db, [{ productId: a.id, quantity: 1 }], 'card');
  await recordIncomingPayment(data.db, {
    provider: 'stripe',
    externalId: 'pi_1',
    amountVnd: card.placed.totalVnd,
    description: '',
    occurredAt: new Date().toISOString(),
    reference: card.placed.reference,
  });
  await guestCheckout(data.db, [{ productId: b.id, quantity: 1 }], 'vietqr');
  const cancelled = await guestCheckout(data.db, [{ productId: a.id, quantity: 1 }], 'cod');
  const cancelledOrder = await data.db
    .selectFrom('orders')
    .select('id')
    .where('code', '=', cancelled.placed.orderCodes[0] ?? '')
    .executeTakeFirstOrThrow();
  const admin = await data.db
    .selectFrom('users')
    .select('id')
    .where('is_admin', '=', 1)
    .executeTakeFirstOrThrow();
  const operator = { userId: admin.id, isAdmin: true, memberships: [], officerProvinceCodes: [] };
  expect(
    await applyOrderEvent(
      data.db,
      { role: 'operator', actor: operator },
      cancelledOrder.id,
      'operator_cancel',
      { reason: 'Khách đổi ý' },
    ),
  ).toBe('cancelled');
  const laoCaiProduct = await data.db
    .selectFrom('products as p')
    .innerJoin('organizations as o', 'o.id', 'p.organization_id')
    .select('p.id')
    .where('o.province_code', '=', '15')
    .where('p.status', '=', 'published')
    .where('o.verification_state', '=', 'approved')
    .where('p.stock', '>', 5)
    .executeTakeFirstOrThrow();
  await guestCheckout(data.db, [{ productId: laoCaiProduct.id, quantity: 1 }], 'cod');

  // Stamps: two finished runs and one failed in Lai Châu (a queued one would be finished at server start), scans
  // (one stamp flagged), a report; and Lào Cai's own.
  const at = new Date().toISOString();
  const commune = await data.db
    .selectFrom('communes')
    .select('code')
    .where('province_code', '=', '12')
    .executeTakeFirstOrThrow();
  const batch = await data.db
    .insertInto('batches')
    .values({
      product_id: a.id,
      organization_id: a.organization_id,
      lot_code: 'L-2026-01',
      produced_on: '2026-01-10',
      expires_on: null,
      quantity: 500,
      quantity_unit: 'kg',
      commune_code: commune.code,
      latitude: null,
      longitude: null,
      created_by: null,
      created_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const issue = (serialStart: number, count: number, status: 'done' | 'failed') => ({
    batch_id: batch.id,
    serial_start: serialStart,
    count,
    status,
    key_id: 'k1',
    requested_by: null,
    requested_at: at,
    started_at: null,
    finished_at: at,
    error: status === 'failed' ? 'serial range overlaps another issue' : null,
  });
  await data.db
    .insertInto('stamp_issues')
    .values([issue(1, 100, 'done'), issue(101, 50, 'done'), issue(151, 1000, 'failed')])
    .execute();
  const scan = (serial: number, verdict: 'genuine' | 'possibly_copied', ago = 0) => ({
    batch_id: batch.id,
    serial,
    scanned_at: new Date(now - ago).toISOString(),
    network_prefix: '203.0.113.0/24',
    verdict,
  });
  await data.db
    .insertInto('stamp_scans')
    .values([
      scan(1, 'genuine'),
      scan(2, 'genuine'),
      scan(2, 'possibly_copied'),
      scan(2, 'possibly_copied'),
      scan(3, 'genuine', 40 * DAY),
    ])
    .execute();
  await data.db
    .insertInto('stamp_reports')
    .values({
      batch_id: batch.id,
      serial: 2,
      message: 'Tem giống hệt tem của hộp khác',
      contact: '0912000000',
      created_at: at,
    })
    .execute();
  const laoCaiOrg = await data.db
    .selectFrom('products')
    .select(['id', 'organization_id'])
    .where('id', '=', laoCaiProduct.id)
    .executeTakeFirstOrThrow();
  const laoCaiCommune = await data.db
    .selectFrom('communes')
    .select('code')
    .where('province_code', '=', '15')
    .executeTakeFirstOrThrow();
  const other = await data.db
    .insertInto('batches')
    .values({
      product_id: laoCaiOrg.id,
      organization_id: laoCaiOrg.organization_id,
      lot_code: 'LC-1',
      produced_on: '2026-01-10',
      expires_on: null,
      quantity: 5,
      quantity_unit: 'kg',
      commune_code: laoCaiCommune.code,
      latitude: null,
      longitude: null,
      created_by: null,
      created_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await data.db
    .insertInto('stamp_issues')
    .values({ ...issue(1, 7, 'done'), batch_id: other.id })
    .execute();
  await data.db
    .insertInto('stamp_scans')
    .values({ ...scan(1, 'possibly_copied'), batch_id: other.id })
    .execute();

  const server = await startTestServer({ dataDir: data.dataDir });
  const laiChau = new FormClient(server.url);
  const laoCai = new FormClient(server.url);
  await laiChau.post('/dang-nhap', {
    identifier: 'socongthuong.laichau@chophien.test',
    password: 'chophien-officer-demo',
  });
  await laoCai.post('/dang-nhap', {
    identifier: 'socongthuong.laocai@chophien.test',
    password: 'chophien-officer-demo',
  });
  const form = new FormData();
  form.set('intent', 'import');
  form.set('file', new Blob([REGISTER], { type: 'text/csv' }), 'so.csv');
  expect((await laiChau.post('/so-cong-thuong', form)).status).toBe(200);
  const entry = await data.db
    .selectFrom('ocop_register_entries')
    .select('id')
    .where('product_name', '=', 'Thảo quả khô Sìn Hồ')
    .executeTakeFirstOrThrow();
  const product = await data.db
    .selectFrom('products')
    .select('id')
    .where('slug', '=', 'thao-qua-kho-sin-ho')
    .executeTakeFirstOrThrow();
  await laiChau.post('/so-cong-thuong', {
    intent: 'match',
    entryId: String(entry.id),
    productId: String(product.id),
  });
  return { data, server, laiChau, laoCai };
}

export async function stopTradeOfficeWorld(world: TradeOfficeWorld | undefined) {
  await world?.server.stop();
  await world?.data.cleanup();
}
