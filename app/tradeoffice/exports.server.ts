import type { DB } from '~db/connection.server';
import type { Actor } from '~/accounts';
import { OCOP_GROUP_NAMES_VI } from '~/catalogue';
import { todayInVietnam } from '~/lib/dates';
import { toCsv } from './csv-export.server';
import { provinceKpi } from './dashboard.server';
import { CASHLESS_METHODS } from './kpi';
import type { ExportTable } from './export-tables';
import { provinceName } from './province.server';
import { monthlyReportXlsx } from './report-xlsx.server';
import { provinceSales } from './sales.server';
import { provinceStamps } from './stamps.server';

/** A file to download: what the route sends, as it is. */
export interface ExportFile {
  filename: string;
  contentType: string;
  body: string | Uint8Array<ArrayBuffer>;
}

const CSV = 'text/csv; charset=utf-8';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * One of the dashboard's downloads for the province (officers of the province and admins only): the
 * same figures as the page, laid out for a spreadsheet. Column keys stay in English (they are data).
 */
export async function provinceExport(
  db: DB,
  actor: Actor,
  provinceCode: string,
  table: ExportTable,
  today = todayInVietnam(),
): Promise<ExportFile> {
  switch (table) {
    case 'ban-hang':
      return salesCsv(db, actor, provinceCode, today);
    case 'tem':
      return stampsCsv(db, actor, provinceCode, today);
    case 'bao-cao-thang':
      return monthlyReport(db, actor, provinceCode, today);
    default:
      return kpiCsv(db, actor, provinceCode, table, today);
  }
}

async function salesCsv(db: DB, actor: Actor, provinceCode: string, today: string) {
  const sales = await provinceSales(db, actor, provinceCode, today);
  const csv = toCsv(
    ['table', 'key', 'orders', 'value_vnd', 'orders_percent', 'value_percent'],
    [
      ['all', '', sales.orders, sales.valueVnd, '', ''],
      ...sales.byMonth.map((m) => ['month', m.month, m.orders, m.valueVnd, '', '']),
      ...sales.byGroup.map((g) => ['group', g.group, g.orders, g.valueVnd, '', '']),
      ...sales.payments.methods.map((m) => [
        'method',
        m.method,
        m.orders,
        m.valueVnd,
        m.ordersPercent,
        m.valuePercent,
      ]),
      [
        'cashless',
        CASHLESS_METHODS.join('+'),
        sales.cashlessOrders,
        '',
        sales.payments.cashlessOrdersPercent,
        sales.payments.cashlessValuePercent,
      ],
    ],
  );
  return { filename: `ban-hang-${provinceCode}.csv`, contentType: CSV, body: csv };
}

async function stampsCsv(db: DB, actor: Actor, provinceCode: string, today: string) {
  const stamps = await provinceStamps(db, actor, provinceCode, today);
  const csv = toCsv(
    ['figure', 'value', 'window_days'],
    [
      ['stamps_issued', stamps.issued, ''],
      ['issue_runs', stamps.issueRuns, ''],
      ['scans', stamps.scans, stamps.windowDays],
      ['possibly_copied_stamps', stamps.copied, stamps.windowDays],
      ['buyer_reports', stamps.reports, stamps.windowDays],
    ],
  );
  return { filename: `tem-${provinceCode}.csv`, contentType: CSV, body: csv };
}

async function monthlyReport(db: DB, actor: Actor, provinceCode: string, today: string) {
  const { kpi, communeNames } = await provinceKpi(db, actor, provinceCode, today);
  const [province, sales, stamps] = await Promise.all([
    provinceName(db, provinceCode),
    provinceSales(db, actor, provinceCode, today),
    provinceStamps(db, actor, provinceCode, today),
  ]);
  const month = today.slice(0, 7);
  const xlsx = await monthlyReportXlsx({
    provinceName: province.name,
    month,
    kpi,
    communeNames,
    groupNames: OCOP_GROUP_NAMES_VI,
    sales: sales.byMonthGroup,
    payments: sales.methods,
    stamps: {
      issued: stamps.issued,
      scanned: stamps.scans,
      flaggedAsCopies: stamps.copied,
      buyerReports: stamps.reports,
    },
  });
  return {
    filename: `bao-cao-ocop-${provinceCode}-${month}.xlsx`,
    contentType: XLSX,
    body: new Uint8Array(xlsx),
  };
}

async function kpiCsv(
  db: DB,
  actor: Actor,
  provinceCode: string,
  table: 'kpi' | 'todo' | 'chung-nhan',
  today: string,
) {
  const { kpi, communeNames } = await provinceKpi(db, actor, provinceCode, today);
  const commune = (code: string | null) => communeNames[code ?? ''] ?? '';
  const csv =
    table === 'chung-nhan'
      ? toCsv(
          ['table', 'product_name', 'producer', 'stars', 'expires_on'],
          [
            ...kpi.expiringSoon.map((e) => [
              'expiring_within_90_days',
              e.productName,
              e.producer,
              e.stars,
              e.expiresOn,
            ]),
            ...kpi.expiredButListed.map((e) => [
              'expired_but_listed',
              e.productName,
              e.producer,
              e.stars,
              e.expiresOn,
            ]),
            ...kpi.listedNotInRegister.map((l) => ['listed_not_in_register', l.name, '', '', '']),
          ],
        )
      : table === 'todo'
        ? toCsv(
            ['product_name', 'producer', 'commune', 'stars', 'expires_on'],
            kpi.todo.map((e) => [
              e.productName,
              e.producer,
              commune(e.communeCode),
              e.stars,
              e.expiresOn,
            ]),
          )
        : toCsv(
            ['breakdown', 'key', 'total', 'online', 'percent'],
            [
              ['all', '', kpi.total, kpi.online, kpi.percent],
              ...kpi.byStars.map((b) => ['stars', b.key, b.total, b.online, b.percent]),
              ...kpi.byGroup.map((b) => ['group', b.key, b.total, b.online, b.percent]),
              ...kpi.byCommune.map((b) => [
                'commune',
                communeNames[b.key] ?? b.key,
                b.total,
                b.online,
                b.percent,
              ]),
              ...kpi.trend.map((t) => ['month', t.month, t.total, t.online, t.percent]),
            ],
          );
  // The file names keep the words of the first version (ocop-12-certificates.csv).
  const name = table === 'chung-nhan' ? 'certificates' : table;
  return { filename: `ocop-${provinceCode}-${name}.csv`, contentType: CSV, body: csv };
}
