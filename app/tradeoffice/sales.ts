import { paymentShares, trendDays, vietnamDay, type PaymentTotal } from './kpi';

/**
 * Sales of the province's cooperatives, as plain arithmetic over arrays (tested without a database).
 *
 * Which orders count: those whose money is secured or whose cash-on-delivery was let through, and that
 * have not been undone since: states `paid`, `cod_accepted`, `accepted`, `shipped`, `delivered` and
 * `completed`. Not counted: `placed` (still awaiting a transfer or card payment), `cancelled` (which
 * includes unpaid orders that expired) and `refunded`. An order belongs to the Vietnamese calendar month
 * in which it was placed. Its value is the goods value (`goods_vnd`), without the delivery fee, so that
 * months, product groups and payment methods all add up to the same total.
 */
export const COUNTED_ORDER_STATES = [
  'paid',
  'cod_accepted',
  'accepted',
  'shipped',
  'delivered',
  'completed',
] as const;

/** Every way a buyer pays; all but `cod` are cashless (0012_wallet_payments added the gateways). */
export const SALES_METHODS = ['vietqr', 'card', 'vnpay', 'momo', 'zalopay', 'cod'] as const;
export type SalesMethod = (typeof SALES_METHODS)[number];

export const isCountedSale = (state: string) =>
  (COUNTED_ORDER_STATES as readonly string[]).includes(state);

export interface SalesOrder {
  id: number;
  state: string;
  method: SalesMethod;
  goodsVnd: number;
  /** ISO UTC timestamp the order was placed. */
  createdAt: string;
}

/** One order line: its product's OCOP group and the line's goods value (unit price × quantity). */
export interface SalesLine {
  orderId: number;
  group: string;
  lineVnd: number;
}

export interface SalesFilter {
  /** `YYYY-MM`, Vietnamese calendar month of placement. */
  month?: string;
  /** Orders with at least one line in this product group. */
  group?: string;
  /** One method, or `cashless` for every method but cash on delivery. */
  method?: SalesMethod | 'cashless';
  /** First Vietnamese day counted (a report period that starts mid-month). */
  from?: string;
}

export const orderMonth = (order: SalesOrder) => vietnamDay(order.createdAt).slice(0, 7);

/** The orders counted in the window of `months` months ending with today's, narrowed by the filter. */
export function countedOrders(
  orders: SalesOrder[],
  lines: SalesLine[],
  today: string,
  months: number,
  filter: SalesFilter = {},
): SalesOrder[] {
  const window = new Set(trendDays(today, months).map((d) => d.month));
  const groupsOf = filter.group === undefined ? null : groupsByOrder(lines);
  return orders.filter((o) => {
    if (!isCountedSale(o.state)) return false;
    const day = vietnamDay(o.createdAt);
    const month = day.slice(0, 7);
    return (
      window.has(month) &&
      day <= today &&
      (filter.from === undefined || day >= filter.from) &&
      (filter.month === undefined || month === filter.month) &&
      (filter.group === undefined || (groupsOf!.get(o.id)?.has(filter.group) ?? false)) &&
      (filter.method === undefined ||
        (filter.method === 'cashless' ? o.method !== 'cod' : o.method === filter.method))
    );
  });
}

function groupsByOrder(lines: SalesLine[]) {
  const map = new Map<number, Set<string>>();
  for (const l of lines) map.set(l.orderId, (map.get(l.orderId) ?? new Set()).add(l.group));
  return map;
}

export function computeSales(
  orders: SalesOrder[],
  lines: SalesLine[],
  today: string,
  months = 12,
  from?: string,
) {
  const counted = countedOrders(orders, lines, today, months, { from });
  const ids = new Set(counted.map((o) => o.id));
  const monthOf = new Map(counted.map((o) => [o.id, orderMonth(o)]));
  const monthTotals = new Map(
    trendDays(today, months).map(({ month }) => [month, { month, orders: 0, valueVnd: 0 }]),
  );
  for (const o of counted) {
    const m = monthTotals.get(monthOf.get(o.id)!)!;
    m.orders++;
    m.valueVnd += o.goodsVnd;
  }
  const byMonth = [...monthTotals.values()];
  // An order with lines in two groups counts once in each group; the values split by line, so they add up.
  const groups = new Map<string, { orders: Set<number>; valueVnd: number }>();
  for (const l of lines) {
    if (!ids.has(l.orderId)) continue;
    const g = groups.get(l.group) ?? { orders: new Set<number>(), valueVnd: 0 };
    g.orders.add(l.orderId);
    g.valueVnd += l.lineVnd;
    groups.set(l.group, g);
  }
  const cells = new Map<
    string,
    { month: string; group: string; orders: Set<number>; valueVnd: number }
  >();
  for (const l of lines) {
    const month = monthOf.get(l.orderId);
    if (month === undefined) continue;
    const key = `${month} ${l.group}`;
    const cell = cells.get(key) ?? {
      month,
      group: l.group,
      orders: new Set<number>(),
      valueVnd: 0,
    };
    cell.orders.add(l.orderId);
    cell.valueVnd += l.lineVnd;
    cells.set(key, cell);
  }
  /** Month by product group, for the monthly report's sales sheet. */
  const byMonthGroup = [...cells.values()]
    .map((c) => ({ month: c.month, group: c.group, orders: c.orders.size, valueVnd: c.valueVnd }))
    .sort((x, y) => x.month.localeCompare(y.month) || x.group.localeCompare(y.group));
  const byGroup = [...groups]
    .map(([group, g]) => ({ group, orders: g.orders.size, valueVnd: g.valueVnd }))
    .sort((a, b) => b.valueVnd - a.valueVnd || a.group.localeCompare(b.group));
  const methods: PaymentTotal[] = SALES_METHODS.map((method) => {
    const of = counted.filter((o) => o.method === method);
    return { method, orders: of.length, valueVnd: of.reduce((n, o) => n + o.goodsVnd, 0) };
    // The three original methods always show; a gateway once it has sold something.
  }).filter((t) => t.orders > 0 || ['vietqr', 'card', 'cod'].includes(t.method));
  const shares = paymentShares(methods);
  return {
    orders: counted.length,
    valueVnd: shares.valueVnd,
    byMonth,
    byGroup,
    byMonthGroup,
    methods,
    payments: shares,
    cashlessOrders: methods.filter((m) => m.method !== 'cod').reduce((n, m) => n + m.orders, 0),
    codOrders: methods.find((m) => m.method === 'cod')?.orders ?? 0,
  };
}

export type Sales = ReturnType<typeof computeSales>;
