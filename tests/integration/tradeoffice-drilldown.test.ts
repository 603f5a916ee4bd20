import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInVietnam } from '~/lib/dates';
import { applyOrderEvent } from '~/orders/orders.server';
import { recordIncomingPayment } from '~/payments/payments.server';
import { FormClient } from '../helpers/browser-less';
import { guestCheckout } from '../helpers/checkout';
import { startTestServer, type TestServer } from '../helpers/server';
import { copyTemplateDatabase, type TestData } from '../helpers/test-db';

const REGISTER = fs.readFileSync(
  path.resolve(import.meta.dirname, '../fixtures/register/lai-chau.csv'),
  'utf8',
);
let data: TestData;
let server: TestServer;
let laiChau: FormClient;
let laoCai: FormClient;
const DAY = 86_400_000;

const csvRows = async (client: FormClient, href: string) => {
  const response = await client.get(href.replace('/chi-tiet?', '/chi-tiet/csv?'));
  expect(response.status, href).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  return parse(Buffer.from(await response.arrayBuffer()).toString('utf8'), {
    bom: true,
    columns: true,
  }) as Array<Record<string, string>>;
};
const decode = (html: string) =>
  html
    .replaceAll('&amp;', '&')
    .replaceAll('&#x27;', "'")
    .replaceAll('&quot;', '"')
    .replaceAll('<!-- -->', '');

/** Lai Châu's published products with stock, one or two per cooperative. */
async function laiChauProducts() {
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

beforeAll(async () => {
  data = copyTemplateDatabase();
  const now = Date.now();
  // Sales of Lai Châu: counted (COD let through, VietQR and card paid, one of them two months ago) and not
  // counted (a transfer still awaited, a COD order cancelled). One Lào Cai sale must never show in Lai Châu.
  const products = await laiChauProducts();
  // Two products of one cooperative in two product groups: an order with both is one order, counted in both groups.
  const a = products.find((p) =>
    products.some((q) => q.organization_id === p.organization_id && q.ocop_group !== p.ocop_group),
  )!;
  const b = products.find(
    (q) => q.organization_id === a.organization_id && q.ocop_group !== a.ocop_group,
  )!;
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
    .where('code', '=', cancelled.placed.orderCodes[0])
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

  server = await startTestServer({ dataDir: data.dataDir });
  laiChau = new FormClient(server.url);
  laoCai = new FormClient(server.url);
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
});
afterAll(async () => {
  await server?.stop();
  await data?.cleanup();
});

/** The number a drill-down link stands for, read from the link's own text the way an officer reads it. */
function figureOf(
  href: string,
  text: string,
  kpiCsv: Array<Record<string, string>>,
  salesCsv: Array<Record<string, string>>,
): number {
  const params = new URL(href, 'http://x').searchParams;
  const figure = params.get('figure')!;
  const number = (re: RegExp) => {
    const match = re.exec(text);
    if (!match) throw new Error(`no figure in “${text}” for ${href}`);
    return Number(match[1].replace(/\./g, ''));
  };
  switch (figure) {
    case 'valid':
      return /\(\d+\/(\d+)\)/.test(text) ? number(/\(\d+\/(\d+)\)/) : number(/^(\d+) còn hiệu lực/);
    case 'online':
      return number(/^(\d+) đang bán/);
    case 'todo':
      return params.has('producer') ? number(/^(\d+)$/) : number(/\((\d+)\)/);
    case 'month':
      return Number(
        kpiCsv.find((r) => r.breakdown === 'month' && r.key === params.get('month'))!.total,
      );
    case 'expiring':
    case 'expired-listed':
    case 'not-in-register':
      return number(/\((\d+)\):/);
    case 'queue-organizations':
    case 'queue-listings':
    case 'queue-claims':
      return number(/: (\d+)/);
    case 'sales':
      if (params.get('method') === 'cashless')
        return Number(salesCsv.find((r) => r.table === 'cashless')!.orders);
      return params.size === 2 ? number(/^(\d+) đơn/) : number(/\((\d+) đơn/);
    case 'stamps-issued':
      return number(/\((\d+) đợt\)/);
    default:
      return number(/: (\d+)$/);
  }
}

describe('every figure of the dashboard drills down to the rows behind it', () => {
  it('lists exactly as many rows as each figure counts, for every kind of figure', async () => {
    const html = decode(await (await laiChau.get('/so-cong-thuong?tinh=12')).text());
    const links = [
      ...html.matchAll(/<a href="(\/so-cong-thuong\/chi-tiet\?[^"]+)">([^<]*)<\/a>/g),
    ].map((m) => ({ href: m[1], text: m[2].trim() }));
    const kinds = new Set(links.map((l) => new URL(l.href, 'http://x').searchParams.get('figure')));
    expect([...kinds].sort()).toEqual(
      [
        'expired-listed',
        'expiring',
        'month',
        'not-in-register',
        'online',
        'queue-claims',
        'queue-listings',
        'queue-organizations',
        'sales',
        'stamp-reports',
        'stamps-copied',
        'stamps-issued',
        'stamps-scanned',
        'todo',
        'valid',
      ].sort(),
    );
    const kpiCsv = await csvRows(laiChau, '/so-cong-thuong/xuat?tinh=12&bang=kpi');
    const salesCsv = await csvRows(laiChau, '/so-cong-thuong/xuat?tinh=12&bang=ban-hang');
    expect(links.length).toBeGreaterThan(30);
    for (const link of links) {
      const rows = await csvRows(laiChau, link.href);
      expect(rows.length, `${link.text} → ${link.href}`).toBe(
        figureOf(link.href, link.text, kpiCsv, salesCsv),
      );
    }
  });

  it('shows the KPI figures on the page with the matched listing of each register entry', async () => {
    const online = await csvRows(laiChau, '/so-cong-thuong/chi-tiet?tinh=12&figure=online');
    expect(online).toHaveLength(1);
    expect(online[0]).toMatchObject({
      product_name: 'Thảo quả khô Sìn Hồ',
      certificate_no: '1202/QĐ-UBND',
      listing_status: 'published',
      online: '1',
    });
    const todo = await csvRows(laiChau, '/so-cong-thuong/chi-tiet?tinh=12&figure=todo');
    expect(todo.map((r) => r.product_name).sort()).toEqual([
      'Chè xanh Tam Đường',
      'Gạo tẻ râu Phong Thổ',
      'Mật ong bạc hà Sìn Hồ',
      'Sâm Lai Châu tươi',
    ]);
    const page = decode(
      await (await laiChau.get('/so-cong-thuong/chi-tiet?tinh=12&figure=valid&stars=4')).text(),
    );
    expect(page).toContain('Sản phẩm OCOP còn hiệu lực trong sổ — 4 sao');
    expect(page).toContain('<strong>2</strong> dòng');
    expect(page).toContain('Tải CSV các dòng này');
  });

  it('counts the sales the footnote defines and lists their orders without buyer data', async () => {
    const sales = await csvRows(laiChau, '/so-cong-thuong/chi-tiet?tinh=12&figure=sales');
    expect(sales).toHaveLength(4);
    expect(new Set(sales.map((r) => r.state))).toEqual(new Set(['cod_accepted', 'paid']));
    expect(sales.map((r) => r.method).sort()).toEqual(['card', 'cod', 'cod', 'vietqr']);
    expect(Object.keys(sales[0])).toEqual([
      'code',
      'placed_on',
      'organization',
      'goods_vnd',
      'total_vnd',
      'method',
      'state',
    ]);
    const text = await (
      await laiChau.get('/so-cong-thuong/chi-tiet/csv?tinh=12&figure=sales')
    ).text();
    expect(text).not.toMatch(/Nguyễn Văn Mua|0912 345 678|mua@example\.vn|Hàng Bạc/);
    const table = await csvRows(laiChau, '/so-cong-thuong/xuat?tinh=12&bang=ban-hang');
    const all = table.find((r) => r.table === 'all')!;
    const goods = sales.reduce((n, r) => n + Number(r.goods_vnd), 0);
    expect(Number(all.orders)).toBe(4);
    expect(Number(all.value_vnd)).toBe(goods);
    expect(
      table.filter((r) => r.table === 'month').reduce((n, r) => n + Number(r.value_vnd), 0),
    ).toBe(goods);
    expect(
      table.filter((r) => r.table === 'group').reduce((n, r) => n + Number(r.value_vnd), 0),
    ).toBe(goods);
    // The two-group order counts once in each group: 3 + 2 group orders for 4 orders.
    expect(
      table
        .filter((r) => r.table === 'group')
        .map((r) => Number(r.orders))
        .sort(),
    ).toEqual([2, 3]);
    expect(table.find((r) => r.table === 'cashless')).toMatchObject({
      orders: '2',
      orders_percent: '50',
    });
    expect((await csvRows(laoCai, '/so-cong-thuong/chi-tiet?tinh=15&figure=sales')).length).toBe(1);

    // The monthly XLSX report carries the same sales, payments and stamp figures.
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      await (await laiChau.get('/so-cong-thuong/xuat?tinh=12&bang=bao-cao-thang')).arrayBuffer(),
    );
    const sheetRows = (name: string) =>
      workbook
        .getWorksheet(name)!
        .getSheetValues()
        .slice(2)
        .map((r) => (r as unknown[]).slice(1));
    expect(sheetRows('Doanh số').reduce((n, r) => n + Number(r[3]), 0)).toBe(goods);
    const cashless = sheetRows('Thanh toán').at(-1)!;
    expect([cashless[0], cashless[2]]).toEqual(['Không dùng tiền mặt (VietQR + thẻ)', 50]);
    expect(sheetRows('Tem truy xuất')[0]).toEqual(['Tem đã phát hành', 150]);

    // The printable report counts the sales of its own period: the order of two months ago is outside the last 30 days.
    const from = todayInVietnam(new Date(Date.now() - 30 * DAY));
    const report = decode(
      await (
        await laiChau.get(`/so-cong-thuong/bao-cao?tinh=12&tu=${from}&den=${todayInVietnam()}`)
      ).text(),
    );
    expect(report).toContain('Bán hàng trong kỳ: 3 đơn');
    expect(report).toContain('Không dùng tiền mặt (VietQR và thẻ): 66.7% số đơn');
  });

  it('counts stamps of the province only: issued in finished runs, scans, flagged stamps and reports of the last 30 days', async () => {
    const table = Object.fromEntries(
      (await csvRows(laiChau, '/so-cong-thuong/xuat?tinh=12&bang=tem')).map((r) => [
        r.figure,
        Number(r.value),
      ]),
    );
    expect(table).toEqual({
      stamps_issued: 150,
      issue_runs: 2,
      scans: 4,
      possibly_copied_stamps: 1,
      buyer_reports: 1,
    });
    const issued = await csvRows(laiChau, '/so-cong-thuong/chi-tiet?tinh=12&figure=stamps-issued');
    expect(issued.reduce((n, r) => n + Number(r.count), 0)).toBe(150);
    const reports = await csvRows(laiChau, '/so-cong-thuong/chi-tiet?tinh=12&figure=stamp-reports');
    expect(reports[0]).not.toHaveProperty('contact');
    expect(JSON.stringify(reports)).not.toContain('0912000000');
    const laoCaiTable = Object.fromEntries(
      (await csvRows(laoCai, '/so-cong-thuong/xuat?tinh=15&bang=tem')).map((r) => [
        r.figure,
        Number(r.value),
      ]),
    );
    expect(laoCaiTable).toMatchObject({ stamps_issued: 7, possibly_copied_stamps: 1 });
  });

  it('refuses bad figures and other provinces, and sends visitors to sign in', async () => {
    const bogus = await laiChau.get('/so-cong-thuong/chi-tiet?tinh=12&figure=bogus');
    expect(bogus.status).toBe(400);
    expect(decode(await bogus.text())).toContain('Không có số liệu “bogus”.');
    const month = await laiChau.get('/so-cong-thuong/chi-tiet?tinh=12&figure=month&month=2026-13');
    expect(month.status).toBe(400);
    expect(decode(await month.text())).toContain('Tháng phải có dạng YYYY-MM.');
    expect(
      (await laiChau.get('/so-cong-thuong/chi-tiet?tinh=12&figure=valid&stars=7')).status,
    ).toBe(400);
    expect(
      (await laiChau.get('/so-cong-thuong/chi-tiet?tinh=12&figure=month&month=2001-01')).status,
    ).toBe(400);
    expect(
      (await laiChau.get('/so-cong-thuong/chi-tiet?tinh=12&figure=sales&method=cash')).status,
    ).toBe(400);
    for (const figure of ['valid', 'sales', 'queue-listings', 'stamps-scanned']) {
      expect((await laoCai.get(`/so-cong-thuong/chi-tiet?tinh=12&figure=${figure}`)).status).toBe(
        403,
      );
      expect(
        (await laoCai.get(`/so-cong-thuong/chi-tiet/csv?tinh=12&figure=${figure}`)).status,
      ).toBe(403);
    }
    expect((await laoCai.get('/so-cong-thuong/xuat?tinh=12&bang=ban-hang')).status).toBe(403);
    expect((await laoCai.get('/so-cong-thuong/xuat?tinh=12&bang=tem')).status).toBe(403);
    expect(
      (await new FormClient(server.url).get('/so-cong-thuong/chi-tiet?figure=valid')).status,
    ).toBe(302);
    expect(
      (await new FormClient(server.url).get('/so-cong-thuong/chi-tiet/csv?figure=valid')).status,
    ).toBe(302);
    expect((await laiChau.get('/so-cong-thuong/chi-tiet/csv?tinh=12&figure=bogus')).status).toBe(
      400,
    );
  });
});
