import ExcelJS from 'exceljs';
import { paymentShares, type Kpi, type PaymentTotal } from './kpi';

/** Orders and their value in one month for one OCOP group (money in whole VND). */
export interface SalesRow {
  month: string;
  group: string;
  orders: number;
  valueVnd: number;
}

export interface StampFigures {
  issued: number;
  scanned: number;
  flaggedAsCopies: number;
  buyerReports: number;
}

export interface MonthlyReportInput {
  provinceName: string;
  /** `YYYY-MM`, or any label of the period the report covers. */
  month: string;
  kpi: Kpi;
  communeNames: Record<string, string>;
  groupNames: Record<string, string>;
  /** Left out until orders exist: the sheet then says there is no data rather than showing zeros. */
  sales?: SalesRow[];
  payments?: PaymentTotal[];
  stamps?: StampFigures;
  paymentMethodNames?: Record<string, string>;
  generatedAt?: Date;
}

type Cell = string | number | null;

export const REPORT_SHEETS = [
  'Tổng hợp',
  'Theo hạng sao',
  'Theo nhóm',
  'Theo xã',
  'Diễn biến',
  'Việc cần làm',
  'Giấy chứng nhận',
  'Doanh số',
  'Thanh toán',
  'Tem truy xuất',
] as const;
const NO_DATA = 'Chưa có dữ liệu trong kỳ này';
const VND_FORMAT = '#,##0 "₫"';
const DEFAULT_PAYMENT_NAMES: Record<string, string> = {
  vietqr: 'Chuyển khoản VietQR',
  card: 'Thẻ',
  vnpay: 'VNPay',
  momo: 'Ví MoMo',
  zalopay: 'Ví ZaloPay',
  cod: 'Tiền mặt khi nhận hàng',
};

/**
 * The monthly report as an Excel workbook, one sheet per table of the dashboard, Vietnamese headers,
 * bold frozen header rows, VND columns formatted as money. Takes plain data: the caller gathers it.
 */
export async function monthlyReportXlsx(input: MonthlyReportInput): Promise<Buffer> {
  const { kpi } = input;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Chợ Phiên';
  workbook.created = input.generatedAt ?? new Date();
  const commune = (code: string | null) => (code ? (input.communeNames[code] ?? code) : '—');
  const group = (key: string) => input.groupNames[key] ?? key;
  const sheet = (
    name: (typeof REPORT_SHEETS)[number],
    header: string[],
    rows: Cell[][],
    moneyColumns: number[] = [],
  ) => {
    const ws = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.addRow(header).font = { bold: true };
    for (const row of rows) ws.addRow(row);
    header.forEach((title, i) => {
      const widest = Math.max(title.length, ...rows.map((r) => String(r[i] ?? '').length));
      ws.getColumn(i + 1).width = Math.min(60, Math.max(10, widest + 2));
    });
    for (const column of moneyColumns) ws.getColumn(column).numFmt = VND_FORMAT;
  };

  const shares = input.payments ? paymentShares(input.payments) : null;
  sheet(
    'Tổng hợp',
    ['Chỉ tiêu', 'Giá trị'],
    [
      ['Tỉnh', input.provinceName],
      ['Tháng báo cáo', input.month],
      ['Sản phẩm OCOP còn hiệu lực trong sổ', kpi.total],
      ['Đang bán trên Chợ Phiên', kpi.online],
      ['Tỷ lệ trực tuyến (%)', kpi.percent],
      ['Mục tiêu (%)', 100],
      ['Chưa lên sàn (việc cần làm)', kpi.todo.length],
      ['Sắp hết hạn trong 90 ngày', kpi.expiringSoon.length],
      ['Hết hạn nhưng vẫn đang bán', kpi.expiredButListed.length],
      ['Đang bán, nhận OCOP, chưa có trong sổ', kpi.listedNotInRegister.length],
      [
        'Tỷ lệ đơn thanh toán không dùng tiền mặt (%)',
        shares ? shares.cashlessOrdersPercent : NO_DATA,
      ],
      ['Tem truy xuất đã phát hành', input.stamps ? input.stamps.issued : NO_DATA],
    ],
  );

  const breakdownRows = (rows: Kpi['byStars'], name: (key: string) => string) =>
    rows.map((b) => [name(b.key), b.total, b.online, b.percent]);
  sheet(
    'Theo hạng sao',
    ['Hạng sao', 'Trong sổ', 'Trực tuyến', 'Tỷ lệ (%)'],
    breakdownRows(kpi.byStars, (k) => `${k} sao`),
  );
  sheet(
    'Theo nhóm',
    ['Nhóm sản phẩm', 'Trong sổ', 'Trực tuyến', 'Tỷ lệ (%)'],
    breakdownRows(kpi.byGroup, group),
  );
  sheet(
    'Theo xã',
    ['Xã, phường', 'Trong sổ', 'Trực tuyến', 'Tỷ lệ (%)'],
    breakdownRows(kpi.byCommune, (k) => commune(k || null)),
  );
  sheet(
    'Diễn biến',
    ['Tháng', 'Tính đến ngày', 'Trong sổ', 'Trực tuyến', 'Tỷ lệ (%)'],
    kpi.trend.map((t) => [t.month, t.day, t.total, t.online, t.percent]),
  );
  sheet(
    'Việc cần làm',
    ['Xã, phường', 'Chủ thể', 'Sản phẩm', 'Hạng sao', 'Nhóm', 'Hết hạn'],
    kpi.todoGroups.flatMap((g) =>
      g.entries.map((e) => [
        commune(g.communeCode),
        e.producer,
        e.productName,
        e.stars,
        group(e.group),
        e.expiresOn,
      ]),
    ),
  );
  sheet(
    'Giấy chứng nhận',
    ['Tình trạng', 'Sản phẩm', 'Chủ thể', 'Số chứng nhận', 'Hết hạn', 'Còn (ngày)'],
    [
      ...kpi.expiringSoon.map((e) => [
        'Sắp hết hạn',
        e.productName,
        e.producer,
        e.certificateNo ?? null,
        e.expiresOn,
        e.daysLeft,
      ]),
      ...kpi.expiredButListed.map((e) => [
        'Đã hết hạn, vẫn đang bán',
        e.productName,
        e.producer,
        e.certificateNo ?? null,
        e.expiresOn,
        null,
      ]),
      ...kpi.listedNotInRegister.map((l) => [
        'Nhận OCOP, chưa có trong sổ',
        l.name,
        null,
        null,
        null,
        null,
      ]),
    ],
  );

  sheet(
    'Doanh số',
    ['Tháng', 'Nhóm sản phẩm', 'Số đơn', 'Giá trị (đồng)'],
    input.sales
      ? input.sales.map((s) => [s.month, group(s.group), s.orders, s.valueVnd])
      : [[NO_DATA, null, null, null]],
    [4],
  );
  const methodName = (m: string) => input.paymentMethodNames?.[m] ?? DEFAULT_PAYMENT_NAMES[m] ?? m;
  sheet(
    'Thanh toán',
    ['Hình thức', 'Số đơn', 'Tỷ lệ đơn (%)', 'Giá trị (đồng)', 'Tỷ lệ giá trị (%)'],
    shares
      ? [
          ...shares.methods.map((m) => [
            methodName(m.method),
            m.orders,
            m.ordersPercent,
            m.valueVnd,
            m.valuePercent,
          ]),
          [
            'Không dùng tiền mặt (VietQR + thẻ)',
            null,
            shares.cashlessOrdersPercent,
            null,
            shares.cashlessValuePercent,
          ],
        ]
      : [[NO_DATA, null, null, null, null]],
    [4],
  );
  sheet(
    'Tem truy xuất',
    ['Chỉ tiêu', 'Số lượng'],
    input.stamps
      ? [
          ['Tem đã phát hành', input.stamps.issued],
          ['Lượt quét', input.stamps.scanned],
          ['Tem nghi bị sao chép', input.stamps.flaggedAsCopies],
          ['Phản ánh của người mua', input.stamps.buyerReports],
        ]
      : [[NO_DATA, null]],
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
