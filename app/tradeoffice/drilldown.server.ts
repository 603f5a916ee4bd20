import type { DB } from '~db/connection.server';
import { type Actor, requireOfficer, requireOfficerFor } from '~/accounts';
import { listCommunes, reviewQueue } from '~/catalogue/index.server';
import { isOcopGroup, OCOP_GROUP_NAMES_VI } from '~/catalogue';
import { formatMessage } from '~/i18n/messages';
import { drillColumnNames, tradeofficeMessages as m } from '~/i18n/messages/tradeoffice';
import { todayInVietnam } from '~/lib/dates';
import { invalid } from '~/lib/errors';
import { toCsv } from './csv-export.server';
import { loadKpiInputs, type ProvinceListing } from './dashboard.server';
import {
  col,
  parseDrillQuery,
  type Cell,
  type DrillColumn,
  type DrillQuery,
  type DrillTable,
} from './drill-query';
import { computeKpi, drillDown, drillMonth, vietnamDay, type KpiEntry } from './kpi';
import { foldKey } from './parse-helpers';
import { officerProvince, provinceName } from './province.server';
import { salesOrders } from './sales.server';
import { stampRows } from './stamps.server';
import { STAMP_FIGURES, type StampFigure } from './stamps';

/**
 * The rows behind each dashboard figure (drill-query.ts reads which one), made by the same functions
 * as the figure so the two cannot drift.
 */

const ENTRY_COLUMNS: DrillColumn[] = [
  col('certificate_no'),
  col('product_name'),
  col('producer'),
  col('stars'),
  { ...col('group'), ocopGroups: true },
  col('commune'),
  col('decision_date'),
  col('expires_on'),
  col('listing', drillColumnNames.listingOnSite),
  col('organization'),
  col('listing_status'),
];
const LISTING_COLUMNS = [
  col('listing'),
  col('organization'),
  col('listing_status'),
  col('published_at'),
];

/** An extra column of an entry table, with its value for each entry. */
interface Extra<E> {
  column: DrillColumn;
  value: (e: E) => Cell;
}

function entryTable<E extends KpiEntry>(
  entries: E[],
  listings: ProvinceListing[],
  communeNames: Record<string, string>,
  extras: Array<Extra<E>> = [],
): DrillTable {
  const byId = new Map(listings.map((l) => [l.id, l]));
  const listingOf = (e: KpiEntry) =>
    e.matchedProductId !== null ? byId.get(e.matchedProductId) : undefined;
  return {
    columns: [...ENTRY_COLUMNS, ...extras.map((x) => x.column)],
    rows: entries.map((e) => {
      const l = listingOf(e);
      const row: Record<string, Cell> = {
        certificate_no: e.certificateNo ?? '',
        product_name: e.productName,
        producer: e.producer,
        stars: e.stars,
        group: e.group,
        commune: communeNames[e.communeCode ?? ''] ?? '',
        decision_date: e.decisionDate,
        expires_on: e.expiresOn,
        listing: l?.name ?? '',
        organization: l?.organizationName ?? '',
        listing_status: l?.status ?? '',
      };
      for (const x of extras) row[x.column.key] = x.value(e);
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
        col('code'),
        col('placed_on'),
        col('organization'),
        col('goods_vnd'),
        col('total_vnd'),
        col('method'),
        col('state'),
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
          col('organization'),
          col('phone'),
          col('tax_code'),
          col('registered'),
          col('waiting_days'),
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
          col('listing'),
          col('organization'),
          col('price_vnd'),
          col('submitted'),
          col('waiting_days'),
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
        col('listing'),
        col('organization'),
        col('stars'),
        col('certificate_no'),
        col('expires_on'),
        col('waiting_days'),
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
  if (figure === 'month' || figure === 'month-online') {
    const drill = drillMonth(entries, listings, today, query.month ?? '');
    if (!drill) throw invalid('month', m.monthOutsideChart);
    const rows = drill.rows.filter((e) => figure === 'month' || e.onlineThen);
    const onlineThen = formatMessage(drillColumnNames.online_then, { day: drill.day });
    return entryTable(rows, listings, communeNames, [
      { column: col('online_then', onlineThen), value: (e) => (e.onlineThen ? 1 : 0) },
    ]);
  }
  const kpi = computeKpi(entries, listings, today);
  switch (figure) {
    case 'valid':
    case 'online':
    case 'todo': {
      let rows = drillDown(entries, listings, today, {
        stars: query.stars,
        group: query.group,
        communeCode: query.commune,
        online: figure === 'valid' ? undefined : figure === 'online',
      });
      if (query.producer !== undefined)
        rows = rows.filter((e) => foldKey(e.producer) === query.producer);
      const online = new Set(
        drillDown(entries, listings, today, { online: true }).map((e) => e.id),
      );
      return entryTable(rows, listings, communeNames, [
        { column: col('online'), value: (e) => (online.has(e.id) ? 1 : 0) },
      ]);
    }
    case 'expiring':
      return entryTable(kpi.expiringSoon, listings, communeNames, [
        { column: col('days_left'), value: (e) => e.daysLeft },
      ]);
    case 'expired-listed':
      return entryTable(kpi.expiredButListed, listings, communeNames);
    case 'not-in-register': {
      const listed = new Set(kpi.listedNotInRegister.map((l) => l.id));
      return listingTable(listings.filter((l) => listed.has(l.id)));
    }
    default:
      throw invalid('figure', m.figureNotFound);
  }
}

/** At most this many rows on the page; the CSV always has them all. */
export const DRILL_PAGE_ROWS = 1000;

/**
 * The drill-down page of a query string: `tinh` (the officer's first province by default), `figure`
 * and its filters; the province and commune names for its title, the first DRILL_PAGE_ROWS rows, and
 * the query string of the same rows as CSV.
 */
export async function drillPage(db: DB, actor: Actor, params: URLSearchParams) {
  const { provinceCode, query, table } = await drillTable(db, actor, params);
  const [province, communes] = await Promise.all([
    provinceName(db, provinceCode),
    query.commune ? listCommunes(db, provinceCode) : [],
  ]);
  const csvParams = new URLSearchParams(params);
  csvParams.set('tinh', provinceCode);
  return {
    province,
    query,
    communeName: communes.find((c) => c.code === query.commune)?.fullName ?? query.commune ?? null,
    producer: params.get('producer'),
    columns: table.columns,
    rows: table.rows.slice(0, DRILL_PAGE_ROWS),
    links: table.links.slice(0, DRILL_PAGE_ROWS),
    total: table.rows.length,
    csvQuery: csvParams.toString(),
  };
}

/** The same rows as CSV, every one of them: the column keys as the header. */
export async function drillCsv(db: DB, actor: Actor, params: URLSearchParams) {
  const { provinceCode, query, table } = await drillTable(db, actor, params);
  return {
    filename: `chi-tiet-${provinceCode}-${query.figure}.csv`,
    csv: toCsv(
      table.columns.map((c) => c.key),
      table.rows.map((r) => table.columns.map((c) => csvCellOf(c, r[c.key]))),
    ),
  };
}

/** A cell as the CSV writes it: OCOP groups by their Vietnamese name, as the register does. */
function csvCellOf(column: DrillColumn, value: Cell | undefined): Cell {
  if (column.ocopGroups && typeof value === 'string' && isOcopGroup(value))
    return OCOP_GROUP_NAMES_VI[value];
  return value ?? null;
}

async function drillTable(db: DB, actor: Actor, params: URLSearchParams) {
  requireOfficer(actor);
  const provinceCode = officerProvince(actor, params.get('tinh'));
  const query = parseDrillQuery(params);
  return { provinceCode, query, table: await drillRows(db, actor, provinceCode, query) };
}
