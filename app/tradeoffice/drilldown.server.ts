import type { DB } from '~db/connection.server';
import { type Actor, requireOfficer, requireOfficerFor } from '~/accounts';
import { reviewQueue } from '~/catalogue/index.server';
import { isOcopGroup, OCOP_GROUP_NAMES_VI } from '~/catalogue';
import { todayInVietnam } from '~/lib/dates';
import { invalid, type Message } from '~/lib/errors';
import { loadKpiInputs, type ProvinceListing } from './dashboard.server';
import {
  computeKpi,
  drillDown,
  drillMonth,
  vietnamDay,
  type KpiEntry,
  type KpiListing,
} from './kpi';
import { foldKey } from './parse-helpers';
import { salesOrders } from './sales.server';
import type { SalesFilter } from './sales';
import { stampRows } from './stamps.server';
import { STAMP_FIGURES, type StampFigure } from './stamps';

/**
 * "Each figure drillable to the rows behind it": for every number on the dashboard, the rows that were
 * counted to make it, computed by the same functions as the number itself so the two cannot drift.
 */
export const DRILL_FIGURES = [
  'valid',
  'online',
  'todo',
  'month',
  'month-online',
  'expiring',
  'expired-listed',
  'not-in-register',
  'queue-organizations',
  'queue-listings',
  'queue-claims',
  'sales',
  ...STAMP_FIGURES,
] as const;
export type DrillFigure = (typeof DRILL_FIGURES)[number];

export interface DrillQuery {
  figure: DrillFigure;
  stars?: number;
  group?: string;
  /** '' for register entries without a commune. */
  commune?: string;
  /** Folded with `foldKey`, as the to-do groups are. */
  producer?: string;
  month?: string;
  method?: SalesFilter['method'];
}

export type Cell = string | number | null;
export interface DrillColumn {
  key: string;
  label: Message;
}
export interface DrillTable {
  columns: DrillColumn[];
  rows: Array<Record<string, Cell>>;
  /** Where each row's item can be looked at, when there is such a page. */
  links: Array<string | null>;
}

const col = (key: string, vi: string, en: string): DrillColumn => ({ key, label: { vi, en } });
const bad = (field: string, vi: string, en: string) => invalid(field, { vi, en });

/** Reads and checks the query string; every bad value is a 400 with a Vietnamese message. */
export function parseDrillQuery(params: URLSearchParams): DrillQuery {
  const figure = params.get('figure') ?? '';
  if (!(DRILL_FIGURES as readonly string[]).includes(figure))
    throw bad('figure', `Không có số liệu “${figure}”.`, `There is no figure “${figure}”.`);
  const query: DrillQuery = { figure: figure as DrillFigure };
  const stars = params.get('stars');
  if (stars !== null) {
    if (!/^[345]$/.test(stars))
      throw bad('stars', 'Hạng sao phải là 3, 4 hoặc 5.', 'Stars must be 3, 4 or 5.');
    query.stars = Number(stars);
  }
  const group = params.get('group');
  if (group !== null) {
    if (!isOcopGroup(group))
      throw bad('group', `Nhóm sản phẩm “${group}” không có.`, `Unknown product group “${group}”.`);
    query.group = group;
  }
  const commune = params.get('commune');
  if (commune !== null) {
    if (!/^\d{0,5}$/.test(commune))
      throw bad('commune', 'Mã xã không hợp lệ.', 'Invalid commune code.');
    query.commune = commune;
  }
  const producer = params.get('producer');
  if (producer !== null) query.producer = foldKey(producer);
  const month = params.get('month');
  if (month !== null) {
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month))
      throw bad('month', 'Tháng phải có dạng YYYY-MM.', 'The month must look like YYYY-MM.');
    query.month = month;
  }
  const method = params.get('method');
  if (method !== null) {
    if (!['vietqr', 'card', 'cod', 'cashless'].includes(method))
      throw bad('method', 'Hình thức thanh toán không hợp lệ.', 'Unknown payment method.');
    query.method = method as SalesFilter['method'];
  }
  if ((query.figure === 'month' || query.figure === 'month-online') && !query.month)
    throw bad('month', 'Hãy chọn tháng.', 'Choose a month.');
  return query;
}

const ENTRY_COLUMNS = [
  col('certificate_no', 'Số chứng nhận', 'Certificate'),
  col('product_name', 'Sản phẩm', 'Product'),
  col('producer', 'Chủ thể', 'Producer'),
  col('stars', 'Sao', 'Stars'),
  col('group', 'Nhóm', 'Group'),
  col('commune', 'Xã, phường', 'Commune'),
  col('decision_date', 'Ngày quyết định', 'Decision date'),
  col('expires_on', 'Hết hạn', 'Expires'),
  col('listing', 'Sản phẩm trên Chợ Phiên', 'Listing on Chợ Phiên'),
  col('organization', 'Tổ chức', 'Organization'),
  col('listing_status', 'Trạng thái', 'Status'),
];
const LISTING_COLUMNS = [
  col('listing', 'Sản phẩm', 'Listing'),
  col('organization', 'Tổ chức', 'Organization'),
  col('listing_status', 'Trạng thái', 'Status'),
  col('published_at', 'Đăng bán', 'Published'),
];

function entryTable(
  entries: KpiEntry[],
  listings: ProvinceListing[],
  communeNames: Record<string, string>,
  extra: Array<(e: KpiEntry) => Cell> = [],
  extraColumns: DrillColumn[] = [],
): DrillTable {
  const byId = new Map(listings.map((l) => [l.id, l]));
  const listingOf = (e: KpiEntry) =>
    e.matchedProductId !== null ? byId.get(e.matchedProductId) : undefined;
  return {
    columns: [...ENTRY_COLUMNS, ...extraColumns],
    rows: entries.map((e) => {
      const l = listingOf(e);
      const row: Record<string, Cell> = {
        certificate_no: e.certificateNo ?? '',
        product_name: e.productName,
        producer: e.producer,
        stars: e.stars,
        group: isOcopGroup(e.group) ? OCOP_GROUP_NAMES_VI[e.group] : e.group,
        commune: communeNames[e.communeCode ?? ''] ?? '',
        decision_date: e.decisionDate,
        expires_on: e.expiresOn,
        listing: l?.name ?? '',
        organization: l?.organizationName ?? '',
        listing_status: l?.status ?? '',
      };
      extraColumns.forEach((c, i) => (row[c.key] = extra[i](e)));
      return row;
    }),
    links: entries.map((e) => listingLink(listingOf(e))),
  };
}

const listingLink = (l: ProvinceListing | undefined) =>
  l
    ? l.status === 'published'
      ? `/san-pham/${l.slug}`
      : `/kenh-nguoi-ban/to-chuc/${l.organizationId}`
    : null;

function listingTable(listings: ProvinceListing[]): DrillTable {
  return {
    columns: LISTING_COLUMNS,
    rows: listings.map((l) => ({
      listing: l.name,
      organization: l.organizationName,
      listing_status: l.status,
      published_at: l.publishedAt ? vietnamDay(l.publishedAt) : '',
    })),
    links: listings.map(listingLink),
  };
}

const waitedDays = (since: string | null, today: string) =>
  since
    ? Math.max(0, Math.round((Date.parse(today) - Date.parse(vietnamDay(since))) / 86_400_000))
    : null;

export async function drillRows(
  db: DB,
  actor: Actor,
  provinceCode: string,
  query: DrillQuery,
  today = todayInVietnam(),
): Promise<DrillTable> {
  requireOfficerFor(actor, provinceCode);
  const { figure } = query;
  if (figure === 'sales') {
    const orders = await salesOrders(
      db,
      actor,
      provinceCode,
      { month: query.month, group: query.group, method: query.method },
      today,
    );
    return {
      columns: [
        col('code', 'Mã đơn', 'Order'),
        col('placed_on', 'Ngày đặt', 'Placed'),
        col('organization', 'Tổ chức', 'Organization'),
        col('goods_vnd', 'Tiền hàng (₫)', 'Goods (₫)'),
        col('total_vnd', 'Tổng (₫)', 'Total (₫)'),
        col('method', 'Thanh toán', 'Payment'),
        col('state', 'Trạng thái', 'State'),
      ],
      rows: orders.map((o) => ({
        code: o.code,
        placed_on: vietnamDay(o.createdAt),
        organization: o.organizationName,
        goods_vnd: o.goodsVnd,
        total_vnd: o.totalVnd,
        method: o.method,
        state: o.state,
      })),
      links: orders.map(() => null),
    };
  }
  if ((STAMP_FIGURES as readonly string[]).includes(figure))
    return stampRows(db, provinceCode, figure as StampFigure, today);
  if (
    figure === 'queue-organizations' ||
    figure === 'queue-listings' ||
    figure === 'queue-claims'
  ) {
    const queue = await reviewQueue(db, actor, provinceCode);
    if (figure === 'queue-organizations') {
      return {
        columns: [
          col('organization', 'Tổ chức', 'Organization'),
          col('phone', 'Điện thoại', 'Phone'),
          col('tax_code', 'Mã số thuế', 'Tax code'),
          col('registered', 'Đăng ký', 'Registered'),
          col('waiting_days', 'Số ngày chờ', 'Days waiting'),
        ],
        rows: queue.organizations.map((o) => ({
          organization: o.name,
          phone: o.phone,
          tax_code: o.tax_code,
          registered: vietnamDay(o.created_at),
          waiting_days: waitedDays(o.created_at, today),
        })),
        links: queue.organizations.map((o) => `/kenh-nguoi-ban/to-chuc/${o.id}`),
      };
    }
    if (figure === 'queue-listings') {
      return {
        columns: [
          col('listing', 'Sản phẩm', 'Listing'),
          col('organization', 'Tổ chức', 'Organization'),
          col('price_vnd', 'Giá (₫)', 'Price (₫)'),
          col('submitted', 'Gửi duyệt', 'Submitted'),
          col('waiting_days', 'Số ngày chờ', 'Days waiting'),
        ],
        rows: queue.listings.map((l) => ({
          listing: l.name,
          organization: l.org_name,
          price_vnd: l.price_vnd,
          submitted: l.submitted_at ? vietnamDay(l.submitted_at) : '',
          waiting_days: waitedDays(l.submitted_at, today),
        })),
        links: queue.listings.map(() => '/duyet'),
      };
    }
    return {
      columns: [
        col('listing', 'Sản phẩm', 'Listing'),
        col('organization', 'Tổ chức', 'Organization'),
        col('stars', 'Sao', 'Stars'),
        col('certificate_no', 'Số chứng nhận', 'Certificate'),
        col('expires_on', 'Hết hạn', 'Expires'),
        col('waiting_days', 'Số ngày chờ', 'Days waiting'),
      ],
      rows: queue.claims.map((c) => ({
        listing: c.name,
        organization: c.org_name,
        stars: c.stars,
        certificate_no: c.certificate_no,
        expires_on: c.expires_on,
        waiting_days: waitedDays(c.updated_at, today),
      })),
      links: queue.claims.map(() => '/duyet'),
    };
  }

  const { entries, listings, communeNames } = await loadKpiInputs(db, provinceCode);
  const kpiListings: KpiListing[] = listings;
  if (figure === 'month' || figure === 'month-online') {
    const drill = drillMonth(entries, kpiListings, today, query.month!);
    if (!drill)
      throw bad(
        'month',
        'Tháng này không nằm trong 12 tháng của biểu đồ.',
        'This month is not among the 12 months of the chart.',
      );
    const rows = drill.rows.filter((e) => figure === 'month' || e.onlineThen);
    return entryTable(
      rows,
      listings,
      communeNames,
      [(e) => (rows.find((r) => r.id === e.id)!.onlineThen ? 1 : 0)],
      [col('online_then', `Đang bán ngày ${drill.day}`, `Online on ${drill.day}`)],
    );
  }
  const kpi = computeKpi(entries, kpiListings, today);
  switch (figure) {
    case 'valid':
    case 'online':
    case 'todo': {
      let rows = drillDown(entries, kpiListings, today, {
        stars: query.stars,
        group: query.group,
        communeCode: query.commune,
        online: figure === 'valid' ? undefined : figure === 'online',
      });
      if (query.producer !== undefined)
        rows = rows.filter((e) => foldKey(e.producer) === query.producer);
      const online = new Set(
        drillDown(entries, kpiListings, today, { online: true }).map((e) => e.id),
      );
      return entryTable(
        rows,
        listings,
        communeNames,
        [(e) => (online.has(e.id) ? 1 : 0)],
        [col('online', 'Đang bán', 'Online')],
      );
    }
    case 'expiring':
      return entryTable(
        kpi.expiringSoon,
        listings,
        communeNames,
        [(e) => kpi.expiringSoon.find((x) => x.id === e.id)!.daysLeft],
        [col('days_left', 'Còn (ngày)', 'Days left')],
      );
    case 'expired-listed':
      return entryTable(kpi.expiredButListed, listings, communeNames);
    case 'not-in-register':
      return listingTable(kpi.listedNotInRegister.map((l) => listings.find((x) => x.id === l.id)!));
    default:
      throw bad('figure', 'Không có số liệu này.', 'There is no such figure.');
  }
}

/** The drill-down of a request's query string: `tinh` (the officer's first province by default), `figure` and its filters. */
export async function drillForRequest(db: DB, actor: Actor, url: URL) {
  requireOfficer(actor);
  const provinceCode =
    url.searchParams.get('tinh') ?? actor.officerProvinceCodes[0] ?? (actor.isAdmin ? '12' : '');
  const query = parseDrillQuery(url.searchParams);
  return { provinceCode, query, table: await drillRows(db, actor, provinceCode, query) };
}
