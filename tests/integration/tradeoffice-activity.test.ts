import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInVietnam } from '~/lib/dates';
import {
  csvRows,
  DAY,
  decode,
  startTradeOfficeWorld,
  stopTradeOfficeWorld,
  type TradeOfficeWorld,
} from './tradeoffice-fixture';

// What the trade office counts as sales and stamps, in the drill-downs, the CSV, the XLSX report and the
// printable report (decision 008).
let world: TradeOfficeWorld;
let laiChau: TradeOfficeWorld['laiChau'];
let laoCai: TradeOfficeWorld['laoCai'];

beforeAll(async () => {
  world = await startTradeOfficeWorld();
  ({ laiChau, laoCai } = world);
});
afterAll(() => stopTradeOfficeWorld(world));

describe('sales and stamps of the province', () => {
  it('counts the sales the footnote defines and lists their orders without buyer data', async () => {
    const sales = await csvRows(laiChau, '/so-cong-thuong/chi-tiet?tinh=12&figure=sales');
    expect(sales).toHaveLength(4);
    expect(new Set(sales.map((r) => r.state))).toEqual(new Set(['cod_accepted', 'paid']));
    expect(sales.map((r) => r.method).sort()).toEqual(['card', 'cod', 'cod', 'vietqr']);
    expect(Object.keys(sales[0] ?? {})).toEqual([
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
});
