import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { OCOP_GROUP_NAMES_VI } from '~/catalogue/groups';
import { csvCell, toCsv } from '~/tradeoffice/csv-export.server';
import { computeKpi, paymentShares, type KpiEntry } from '~/tradeoffice/kpi';
import { monthlyReportXlsx, REPORT_SHEETS } from '~/tradeoffice/report-xlsx.server';

const entry = (
  id: number,
  productName: string,
  producer: string,
  communeCode: string | null,
  expiresOn: string,
  matchedProductId: number | null,
): KpiEntry => ({
  id,
  productName,
  producer,
  stars: 3 + (id % 3),
  group: id % 2 ? 'food' : 'beverage',
  communeCode,
  decisionDate: '2024-01-01',
  expiresOn,
  matchedProductId,
  certificateNo: `12${id}/QĐ-UBND`,
});
const kpi = computeKpi(
  [
    entry(1, 'Chè xanh Tam Đường', 'HTX Chè Tam Đường', '03390', '2028-01-01', 101),
    entry(2, 'Thảo quả khô', 'HTX Nông sản Sìn Hồ', '03478', '2028-01-01', null),
    entry(3, 'Mật ong bạc hà', 'HTX Nông sản Sìn Hồ', '03478', '2026-12-31', null),
    entry(4, 'Miến dong', 'HTX Nông nghiệp Tam Đường', '03390', '2026-01-01', 104),
  ],
  [
    {
      id: 101,
      name: 'Chè xanh',
      status: 'published',
      publishedAt: '2025-05-01T00:00:00Z',
      claimsOcop: true,
    },
    {
      id: 104,
      name: 'Miến dong',
      status: 'published',
      publishedAt: '2025-05-01T00:00:00Z',
      claimsOcop: true,
    },
    {
      id: 200,
      name: 'Măng khô "OCOP"',
      status: 'published',
      publishedAt: '2025-05-01T00:00:00Z',
      claimsOcop: true,
    },
  ],
  '2026-11-22',
  12,
);
const communeNames = { '03390': 'Xã Bình Lư', '03478': 'Xã Sìn Hồ' };

async function load(buffer: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}
const values = (ws: ExcelJS.Worksheet) => {
  const rows: unknown[][] = [];
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
};

describe('the monthly report workbook', () => {
  it('has every sheet, the KPI summary and the breakdowns with the right rows', async () => {
    const workbook = await load(
      await monthlyReportXlsx({
        provinceName: 'Lai Châu',
        month: '2026-11',
        kpi,
        communeNames,
        groupNames: OCOP_GROUP_NAMES_VI,
        sales: [
          { month: '2026-10', group: 'food', orders: 12, valueVnd: 2_400_000 },
          { month: '2026-11', group: 'beverage', orders: 3, valueVnd: 360_000 },
        ],
        payments: [
          { method: 'vietqr', orders: 9, valueVnd: 1_800_000 },
          { method: 'card', orders: 1, valueVnd: 200_000 },
          { method: 'cod', orders: 5, valueVnd: 760_000 },
        ],
        stamps: { issued: 20_000, scanned: 1_234, flaggedAsCopies: 2, buyerReports: 1 },
      }),
    );
    expect(workbook.worksheets.map((w) => w.name)).toEqual([...REPORT_SHEETS]);
    const summary = values(workbook.getWorksheet('Tổng hợp')!);
    expect(summary.slice(0, 7)).toEqual([
      ['Chỉ tiêu', 'Giá trị'],
      ['Tỉnh', 'Lai Châu'],
      ['Tháng báo cáo', '2026-11'],
      ['Sản phẩm OCOP còn hiệu lực trong sổ', 3],
      ['Đang bán trên Chợ Phiên', 1],
      ['Tỷ lệ trực tuyến (%)', 33.3],
      ['Mục tiêu (%)', 100],
    ]);
    expect(summary).toContainEqual(['Tỷ lệ đơn thanh toán không dùng tiền mặt (%)', 66.7]);
    expect(workbook.getWorksheet('Tổng hợp')!.getRow(1).font?.bold).toBe(true);
    expect(values(workbook.getWorksheet('Theo nhóm')!)).toEqual([
      ['Nhóm sản phẩm', 'Trong sổ', 'Trực tuyến', 'Tỷ lệ (%)'],
      ['Đồ uống', 1, 0, 0],
      ['Thực phẩm', 2, 1, 50],
    ]);
    expect(values(workbook.getWorksheet('Theo xã')!).slice(1)).toEqual([
      ['Xã Bình Lư', 1, 1, 100],
      ['Xã Sìn Hồ', 2, 0, 0],
    ]);
    expect(workbook.getWorksheet('Diễn biến')!.rowCount).toBe(1 + 12);
  });

  it('lists the to-do entries, the certificates to act on, sales, payments and stamps', async () => {
    const workbook = await load(
      await monthlyReportXlsx({
        provinceName: 'Lai Châu',
        month: '2026-11',
        kpi,
        communeNames,
        groupNames: OCOP_GROUP_NAMES_VI,
        sales: [{ month: '2026-10', group: 'food', orders: 12, valueVnd: 2_400_000 }],
        payments: [
          { method: 'vietqr', orders: 9, valueVnd: 1_800_000 },
          { method: 'cod', orders: 3, valueVnd: 600_000 },
        ],
        stamps: { issued: 20_000, scanned: 1_234, flaggedAsCopies: 2, buyerReports: 1 },
      }),
    );
    expect(values(workbook.getWorksheet('Việc cần làm')!).slice(1)).toEqual([
      ['Xã Sìn Hồ', 'HTX Nông sản Sìn Hồ', 'Thảo quả khô', 5, 'Đồ uống', '2028-01-01'],
      ['Xã Sìn Hồ', 'HTX Nông sản Sìn Hồ', 'Mật ong bạc hà', 3, 'Thực phẩm', '2026-12-31'],
    ]);
    expect(values(workbook.getWorksheet('Giấy chứng nhận')!).slice(1)).toEqual([
      ['Sắp hết hạn', 'Mật ong bạc hà', 'HTX Nông sản Sìn Hồ', '123/QĐ-UBND', '2026-12-31', 39],
      [
        'Đã hết hạn, vẫn đang bán',
        'Miến dong',
        'HTX Nông nghiệp Tam Đường',
        '124/QĐ-UBND',
        '2026-01-01',
      ],
      ['Nhận OCOP, chưa có trong sổ', 'Măng khô "OCOP"'],
    ]);
    const sales = workbook.getWorksheet('Doanh số')!;
    expect(values(sales)).toEqual([
      ['Tháng', 'Nhóm sản phẩm', 'Số đơn', 'Giá trị (đồng)'],
      ['2026-10', 'Thực phẩm', 12, 2_400_000],
    ]);
    expect(sales.getRow(2).getCell(4).numFmt).toBe('#,##0 "₫"');
    expect(values(workbook.getWorksheet('Thanh toán')!).slice(1)).toEqual([
      ['Chuyển khoản VietQR', 9, 75, 1_800_000, 75],
      ['Tiền mặt khi nhận hàng', 3, 25, 600_000, 25],
      ['Không dùng tiền mặt (VietQR + thẻ)', undefined, 75, undefined, 75],
    ]);
    expect(values(workbook.getWorksheet('Tem truy xuất')!)).toContainEqual([
      'Tem nghi bị sao chép',
      2,
    ]);
  });

  it('says there is no data for figures not gathered yet instead of showing zeros', async () => {
    const workbook = await load(
      await monthlyReportXlsx({
        provinceName: 'Lai Châu',
        month: '2026-11',
        kpi,
        communeNames,
        groupNames: OCOP_GROUP_NAMES_VI,
      }),
    );
    for (const name of ['Doanh số', 'Thanh toán', 'Tem truy xuất']) {
      expect(values(workbook.getWorksheet(name)!)[1]?.[0], name).toBe(
        'Chưa có dữ liệu trong kỳ này',
      );
    }
    expect(values(workbook.getWorksheet('Tổng hợp')!)).toContainEqual([
      'Tem truy xuất đã phát hành',
      'Chưa có dữ liệu trong kỳ này',
    ]);
  });
});

describe('payment shares', () => {
  it('splits orders and value by method and sums VietQR and card as cashless', () => {
    const shares = paymentShares([
      { method: 'vietqr', orders: 6, valueVnd: 600_000 },
      { method: 'card', orders: 1, valueVnd: 300_000 },
      { method: 'cod', orders: 3, valueVnd: 100_000 },
    ]);
    expect(shares).toMatchObject({
      orders: 10,
      valueVnd: 1_000_000,
      cashlessOrdersPercent: 70,
      cashlessValuePercent: 90,
    });
    expect(shares.methods.map((m) => m.ordersPercent)).toEqual([60, 10, 30]);
  });
  it('counts VNPay, MoMo and ZaloPay as cashless too', () => {
    const shares = paymentShares([
      { method: 'vietqr', orders: 1, valueVnd: 100_000 },
      { method: 'vnpay', orders: 1, valueVnd: 100_000 },
      { method: 'momo', orders: 2, valueVnd: 200_000 },
      { method: 'zalopay', orders: 1, valueVnd: 100_000 },
      { method: 'cod', orders: 5, valueVnd: 500_000 },
    ]);
    expect(shares).toMatchObject({ cashlessOrdersPercent: 50, cashlessValuePercent: 50 });
  });
  it('is 0 % without orders', () => {
    expect(paymentShares([])).toMatchObject({
      orders: 0,
      cashlessOrdersPercent: 0,
      cashlessValuePercent: 0,
      methods: [],
    });
  });
});

describe('CSV export', () => {
  const tricky = [
    ['Chè "Shan tuyết", cổ thụ', 'HTX Chè\nTả Lèng', 120000],
    ['=HYPERLINK("http://x","bấm")', '+84 912 345 678', -5],
    ['@SUM(A1)', '-1+1', null],
    ['Miến dong Bình Lư', '\tẩn', 0],
  ];
  const csv = toCsv(['product_name', 'producer', 'price_vnd'], tricky);

  it('starts with a UTF-8 BOM and ends lines with CRLF', () => {
    const bytes = Buffer.from(csv, 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.split('\r\n')[0]).toBe('\uFEFFproduct_name,producer,price_vnd');
  });
  it('reads back with csv-parse: quotes, commas, newlines and Vietnamese intact', () => {
    const rows = parse(csv, { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(4);
    expect(rows[0]).toEqual({
      product_name: 'Chè "Shan tuyết", cổ thụ',
      producer: 'HTX Chè\nTả Lèng',
      price_vnd: '120000',
    });
    expect(rows[3]).toEqual({
      product_name: 'Miến dong Bình Lư',
      producer: "'\tẩn",
      price_vnd: '0',
    });
  });
  it('defuses text that a spreadsheet would run as a formula, but not numbers', () => {
    const rows = parse(csv, { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(rows[1]).toEqual({
      product_name: `'=HYPERLINK("http://x","bấm")`,
      producer: "'+84 912 345 678",
      price_vnd: '-5',
    });
    expect(rows[2]).toEqual({ product_name: "'@SUM(A1)", producer: "'-1+1", price_vnd: '' });
  });
  it('writes single cells by the same rules', () => {
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('bình thường')).toBe('bình thường');
    expect(toCsv(['a'], [])).toBe('\uFEFFa\r\n');
  });
});
