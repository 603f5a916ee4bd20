import { addMonths } from '~/lib/dates';
import { foldKey } from './parse-helpers';

/**
 * The province's "100% of OCOP products online" KPI, as plain arithmetic over arrays so it is
 * tested without a database. All dates are calendar dates `YYYY-MM-DD` in Vietnam.
 */

export interface KpiEntry {
  id: number;
  productName: string;
  producer: string;
  stars: number;
  group: string;
  communeCode: string | null;
  decisionDate: string;
  /** Last day the certificate is valid. */
  expiresOn: string;
  matchedProductId: number | null;
  /** For the reports; the arithmetic does not need it. */
  certificateNo?: string;
}

export interface KpiListing {
  id: number;
  name: string;
  /** Only `published` is live. */
  status: string;
  /** ISO UTC timestamp (or date) of publication; null for never published. */
  publishedAt: string | null;
  /** The listing shows an OCOP badge; defaults to "has claimed stars". */
  claimsOcop?: boolean;
  ocopStars?: number | null;
  /** The link seen from the listing's side, when the caller has it there instead of on the entry. */
  matchedEntryId?: number | null;
}

export interface Breakdown {
  key: string;
  total: number;
  online: number;
  percent: number;
}

export interface TodoGroup {
  communeCode: string | null;
  producer: string;
  entries: KpiEntry[];
}

export const EXPIRY_WARNING_DAYS = 90;
const DAY_MS = 86_400_000;
const VIETNAM_OFFSET_MS = 7 * 3_600_000; // UTC+7 all year, no daylight saving

/** Percent with one decimal; 0 when there is nothing to count rather than a division by zero. */
export const percentOf = (part: number, total: number) =>
  total === 0 ? 0 : Math.round((1000 * part) / total) / 10;

/** The Vietnamese calendar day of a UTC timestamp: 2026-05-31T20:00Z was already 1 June in Lai Châu. */
export const vietnamDay = (isoTimestamp: string) =>
  new Date(Date.parse(isoTimestamp) + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);

export const isValidOn = (entry: KpiEntry, day: string) =>
  entry.decisionDate <= day && entry.expiresOn >= day;

const claims = (listing: KpiListing) =>
  listing.claimsOcop ?? (listing.ocopStars !== null && listing.ocopStars !== undefined);

/** Links entries to listings from whichever side holds the match. */
function linker(entries: KpiEntry[], listings: KpiListing[]) {
  const byId = new Map(listings.map((l) => [l.id, l]));
  const byEntry = new Map<number, KpiListing>();
  for (const l of listings) if (l.matchedEntryId != null) byEntry.set(l.matchedEntryId, l);
  const listingOf = (e: KpiEntry) =>
    (e.matchedProductId !== null ? byId.get(e.matchedProductId) : undefined) ?? byEntry.get(e.id);
  const linkedListingIds = new Set(
    entries.map((e) => listingOf(e)?.id).filter((id): id is number => id !== undefined),
  );
  return { listingOf, linkedListingIds };
}

/**
 * Live on `day`: published now and already published then. A listing published with no date is
 * counted live from `today` only; a listing archived since is not counted in earlier months either,
 * because the catalogue keeps its current status, not its history.
 */
const liveOn = (listing: KpiListing | undefined, day: string, today: string) =>
  listing?.status === 'published' &&
  (listing.publishedAt === null ? day >= today : vietnamDay(listing.publishedAt) <= day);

/** Which day each of the last `months` months is measured on: its last day, or `today` for the current one. */
export function trendDays(today: string, months: number): Array<{ month: string; day: string }> {
  const firstOfMonth = `${today.slice(0, 7)}-01`;
  return Array.from({ length: Math.max(0, months) }, (_, i) => {
    const start = addMonths(firstOfMonth, i - months + 1);
    const end = addMonths(start, 1);
    const last = new Date(Date.parse(end) - DAY_MS).toISOString().slice(0, 10);
    return { month: start.slice(0, 7), day: last < today ? last : today };
  });
}

export function computeKpi(
  entries: KpiEntry[],
  listings: KpiListing[],
  today: string,
  months = 12,
) {
  const { listingOf, linkedListingIds } = linker(entries, listings);
  const isOnline = (e: KpiEntry, day = today) => liveOn(listingOf(e), day, today);
  const valid = entries.filter((e) => isValidOn(e, today));
  const online = valid.filter((e) => isOnline(e));
  const todo = valid.filter((e) => !isOnline(e));

  const breakdown = (key: (e: KpiEntry) => string): Breakdown[] => {
    const groups = new Map<string, { total: number; online: number }>();
    for (const e of valid) {
      const g = groups.get(key(e)) ?? { total: 0, online: 0 };
      g.total++;
      if (isOnline(e)) g.online++;
      groups.set(key(e), g);
    }
    return [...groups]
      .map(([k, g]) => ({ key: k, ...g, percent: percentOf(g.online, g.total) }))
      .sort((a, b) => a.key.localeCompare(b.key));
  };

  const trend = trendDays(today, months).map(({ month, day }) => {
    const validThen = entries.filter((e) => isValidOn(e, day));
    const onlineThen = validThen.filter((e) => isOnline(e, day)).length;
    return {
      month,
      day,
      total: validThen.length,
      online: onlineThen,
      percent: percentOf(onlineThen, validThen.length),
    };
  });

  // A renewed certificate is a new valid entry on the same listing: then the listing's claim stands.
  const coveredListingIds = new Set(valid.map((e) => listingOf(e)?.id));
  const expiredButListed = entries.filter((e) => {
    const listing = listingOf(e);
    return (
      e.expiresOn < today &&
      listing !== undefined &&
      liveOn(listing, today, today) &&
      claims(listing) &&
      !coveredListingIds.has(listing.id)
    );
  });

  return {
    total: valid.length,
    online: online.length,
    percent: percentOf(online.length, valid.length),
    byStars: breakdown((e) => String(e.stars)),
    byGroup: breakdown((e) => e.group),
    byCommune: breakdown((e) => e.communeCode ?? ''),
    trend,
    todo,
    todoGroups: groupTodo(todo),
    expiringSoon: valid
      .map((e) => ({ ...e, daysLeft: daysBetween(today, e.expiresOn) }))
      .filter((e) => e.daysLeft <= EXPIRY_WARNING_DAYS)
      .sort((a, b) => a.expiresOn.localeCompare(b.expiresOn) || a.id - b.id),
    expiredButListed,
    listedNotInRegister: listings.filter(
      (l) => liveOn(l, today, today) && claims(l) && !linkedListingIds.has(l.id),
    ),
  };
}

export type Kpi = ReturnType<typeof computeKpi>;

/** The to-do list as the commune teams use it: per commune, then per producer (spelling variants of one name together). */
export function groupTodo(todo: KpiEntry[]): TodoGroup[] {
  const groups = new Map<string, TodoGroup & { producerKey: string }>();
  for (const e of todo) {
    const producerKey = foldKey(e.producer);
    const key = JSON.stringify([e.communeCode, producerKey]);
    const group = groups.get(key) ?? {
      communeCode: e.communeCode,
      producer: e.producer,
      producerKey,
      entries: [],
    };
    group.entries.push(e);
    groups.set(key, group);
  }
  // Codes compare as plain strings; entries without a commune come last.
  const communeOrder = (code: string | null) => code ?? '\uffff';
  return [...groups.values()]
    .sort((a, b) =>
      communeOrder(a.communeCode) < communeOrder(b.communeCode)
        ? -1
        : communeOrder(a.communeCode) > communeOrder(b.communeCode)
          ? 1
          : a.producerKey.localeCompare(b.producerKey),
    )
    .map(({ producerKey: _, ...group }) => group);
}

export interface DrillFilter {
  stars?: number;
  group?: string;
  /** '' for entries without a commune, as in `byCommune`. */
  communeCode?: string;
  online?: boolean;
}

/** The valid entries behind one figure of the dashboard (a bar of a breakdown, online or not). */
export function drillDown(
  entries: KpiEntry[],
  listings: KpiListing[],
  today: string,
  filter: DrillFilter,
): KpiEntry[] {
  const { listingOf } = linker(entries, listings);
  return entries.filter(
    (e) =>
      isValidOn(e, today) &&
      (filter.stars === undefined || e.stars === filter.stars) &&
      (filter.group === undefined || e.group === filter.group) &&
      (filter.communeCode === undefined || (e.communeCode ?? '') === filter.communeCode) &&
      (filter.online === undefined || liveOn(listingOf(e), today, today) === filter.online),
  );
}

export interface PaymentTotal {
  /** Every method but `cod` (cash on delivery) is cashless: bank QR, cards, VNPay, MoMo, ZaloPay. */
  method: string;
  orders: number;
  valueVnd: number;
}

export const CASHLESS_METHODS = ['vietqr', 'card', 'vnpay', 'momo', 'zalopay'] as const;

/** Each payment method's share of orders and of value, and the cashless share the province reports. */
export function paymentShares(totals: PaymentTotal[]) {
  const orders = totals.reduce((n, t) => n + t.orders, 0);
  const valueVnd = totals.reduce((n, t) => n + t.valueVnd, 0);
  const cashless = totals.filter((t) => (CASHLESS_METHODS as readonly string[]).includes(t.method));
  const cashlessOrders = cashless.reduce((n, t) => n + t.orders, 0);
  const cashlessValueVnd = cashless.reduce((n, t) => n + t.valueVnd, 0);
  return {
    orders,
    valueVnd,
    methods: totals.map((t) => ({
      ...t,
      ordersPercent: percentOf(t.orders, orders),
      valuePercent: percentOf(t.valueVnd, valueVnd),
    })),
    cashlessOrdersPercent: percentOf(cashlessOrders, orders),
    cashlessValuePercent: percentOf(cashlessValueVnd, valueVnd),
  };
}

/**
 * The entries behind one month of the trend (valid on the day the month is measured), each with
 * whether it was online then, by the same rule as the trend; null when the month is not in the trend.
 */
export function drillMonth(
  entries: KpiEntry[],
  listings: KpiListing[],
  today: string,
  month: string,
  months = 12,
) {
  const point = trendDays(today, months).find((d) => d.month === month);
  if (!point) return null;
  const { listingOf } = linker(entries, listings);
  return {
    day: point.day,
    rows: entries
      .filter((e) => isValidOn(e, point.day))
      .map((e) => ({ ...e, onlineThen: liveOn(listingOf(e), point.day, today) })),
  };
}
