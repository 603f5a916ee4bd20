import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_SHEETS } from '~/tradeoffice/report-xlsx.server';
import { FormClient } from '../helpers/browser-less';
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

beforeAll(async () => {
  data = copyTemplateDatabase();
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
});
afterAll(async () => {
  await server?.stop();
  await data?.cleanup();
});

const upload = (csv: string) => {
  const form = new FormData();
  form.set('intent', 'import');
  form.set('file', new Blob([csv], { type: 'text/csv' }), 'so-ocop.csv');
  return form;
};
const plain = async (response: Response) => (await response.text()).replaceAll('<!-- -->', '');
const entries = async () =>
  Number(
    (
      await data.db
        .selectFrom('ocop_register_entries')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('the OCOP register and the KPI', () => {
  it('rejects a bad register, listing every bad row, and writes nothing', async () => {
    const bad = `${REGISTER.split('\n')[0]}\nChè A,HTX A,6,X1,2025-01-01,,beverage,\nChè B,HTX B,4,X2,31/02/2025,,beverage,\nChè C,HTX C,4,X3,2025-01-01,,cars,Xã Không Có\nChè D,HTX D,4,X3,2025-01-01,,beverage,\n`;
    const html = await plain(await laiChau.post('/so-cong-thuong', upload(bad)));
    expect(html).toContain('Chưa nhập gì: 5 lỗi');
    expect(html).toContain('Dòng 2: Hạng sao “6” phải là 3, 4 hoặc 5.');
    expect(html).toContain('Dòng 3: Ngày quyết định “31/02/2025” không hợp lệ.');
    expect(html).toContain('Dòng 5: Số chứng nhận X3 trùng với dòng 4.');
    expect(await entries()).toBe(0);
  });

  it('imports the register, computes the KPI and lets the officer match a listing, which raises it', async () => {
    const imported = await plain(await laiChau.post('/so-cong-thuong', upload(REGISTER)));
    expect(imported).toContain('Đã nhập sổ: 6 mới, 0 cập nhật.');
    const herb = await data.db
      .selectFrom('ocop_register_entries')
      .selectAll()
      .where('certificate_no', '=', '1202/QĐ-UBND')
      .executeTakeFirstOrThrow();
    expect(herb).toMatchObject({
      commune_code: '03478',
      expires_on: '2028-01-20',
      ocop_group: 'food',
      stars: 3,
    });

    const before = await plain(await laiChau.get('/so-cong-thuong'));
    // 6 entries, one (Miến dong Tam Đường, 2022) expired: 5 valid, none matched yet.
    expect(before).toContain('0/5 sản phẩm OCOP còn hiệu lực');
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
    expect(before).toContain(`name="productId" value="${product.id}"`);
    expect(
      (
        await laiChau.post('/so-cong-thuong', {
          intent: 'match',
          entryId: String(entry.id),
          productId: String(product.id),
        })
      ).status,
    ).toBe(200);
    const after = await plain(await laiChau.get('/so-cong-thuong'));
    expect(after).toContain('1/5 sản phẩm OCOP còn hiệu lực');
    expect(after).toContain('<p class="kpi-headline">20%</p>');

    const again = await plain(await laiChau.post('/so-cong-thuong', upload(REGISTER)));
    expect(again).toContain('Đã nhập sổ: 0 mới, 6 cập nhật.');
    expect(await entries()).toBe(6);
  });

  it('exports the tables as CSV that opens with the right rows', async () => {
    const response = await laiChau.get('/so-cong-thuong/xuat?tinh=12&bang=todo');
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    const rows = parse(text, { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(4);
    expect(rows.map((r) => r.product_name)).not.toContain('Thảo quả khô Sìn Hồ');
    const kpi = parse(await (await laiChau.get('/so-cong-thuong/xuat?tinh=12&bang=kpi')).text(), {
      bom: true,
      columns: true,
    }) as Array<Record<string, string>>;
    expect(kpi[0]).toEqual({ breakdown: 'all', key: '', total: '5', online: '1', percent: '20' });
  });

  it('keeps each officer to their own province', async () => {
    expect((await laoCai.get('/so-cong-thuong?tinh=12')).status).toBe(403);
    expect((await laoCai.get('/so-cong-thuong/xuat?tinh=12&bang=todo')).status).toBe(403);
    const entry = await data.db
      .selectFrom('ocop_register_entries')
      .select('id')
      .where('product_name', '=', 'Chè xanh Tam Đường')
      .executeTakeFirstOrThrow();
    expect(
      (
        await laoCai.post('/so-cong-thuong?tinh=12', {
          intent: 'match',
          entryId: String(entry.id),
          productId: '1',
        })
      ).status,
    ).toBe(403);
    expect((await new FormClient(server.url).get('/so-cong-thuong')).status).toBe(302);
  });
});

describe('the monthly report', () => {
  it('downloads as an XLSX workbook with the KPI sheets and the right rows', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const response = await laiChau.get('/so-cong-thuong/xuat?tinh=12&bang=bao-cao-thang');
    expect(response.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    expect(workbook.worksheets.map((w) => w.name)).toEqual([...REPORT_SHEETS]);
    const summary = workbook.getWorksheet('Tổng hợp')!;
    expect(summary.getRow(1).getCell(1).value).toBe('Chỉ tiêu');
    expect(summary.getRow(2).getCell(2).value).toBe('Lai Châu');
    expect(summary.getRow(6).getCell(2).value).toBe(20);
    expect(workbook.getWorksheet('Việc cần làm')!.rowCount).toBe(1 + 4);
    expect(workbook.getWorksheet('Diễn biến')!.rowCount).toBe(1 + 12);
  });
});

describe('the printable report', () => {
  it('shows the KPI at the end of the chosen period and refuses a reversed period', async () => {
    const html = await plain(
      await laiChau.get('/so-cong-thuong/bao-cao?tinh=12&tu=2026-09-01&den=2026-11-30'),
    );
    expect(html).toContain('Kỳ báo cáo: 01/09/2026 – 30/11/2026');
    expect(html).toContain('<p class="kpi-headline">20%</p>');
    expect(html).toContain('2026-09 (');
    const bad = await laiChau.get('/so-cong-thuong/bao-cao?tinh=12&tu=2026-12-01&den=2026-11-01');
    expect(bad.status).toBe(400);
    expect(await plain(bad)).toContain('Khoảng thời gian không hợp lệ');
    expect((await laoCai.get('/so-cong-thuong/bao-cao?tinh=12')).status).toBe(403);
  });

  it('marks a product matched to a valid register entry as verified on its page', async () => {
    const html = await plain(await fetch(`${server.url}/san-pham/thao-qua-kho-sin-ho`));
    expect(html).toContain('Đã đối chiếu sổ OCOP của tỉnh');
    const other = await plain(await fetch(`${server.url}/san-pham/mat-ong-hoa-bac-ha-sin-ho`));
    expect(other).not.toContain('Đã đối chiếu sổ OCOP của tỉnh');
  });
});

describe('certificate tables export', () => {
  it('lists listings that claim OCOP but are not in the register', async () => {
    const text = Buffer.from(
      await (await laiChau.get('/so-cong-thuong/xuat?tinh=12&bang=chung-nhan')).arrayBuffer(),
    ).toString('utf8');
    const rows = parse(text, { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.table))).toContain('listed_not_in_register');
    expect(rows.map((r) => r.product_name)).not.toContain('Thảo quả khô Sìn Hồ');
  });
});
