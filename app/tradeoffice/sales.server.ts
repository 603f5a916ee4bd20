import type { DB } from '~db/connection.server';
import { type Actor, requireOfficerFor } from '~/accounts';
import { todayInVietnam } from '~/lib/dates';
import { trendDays } from './kpi';
import {
  COUNTED_ORDER_STATES,
  computeSales,
  countedOrders,
  type SalesFilter,
  type SalesLine,
  type SalesOrder,
} from './sales';

/**
 * The counted orders of the province's cooperatives and their lines. Reads the orders tables directly:
 * the trade office only counts, it never changes an order. No buyer data leaves this function.
 */
async function loadSales(db: DB, provinceCode: string, today: string, months: number) {
  // Midnight in Vietnam on the first day of the window, in UTC; the arithmetic checks the window again.
  const since = new Date(
    Date.parse(`${trendDays(today, months)[0]?.month ?? today.slice(0, 7)}-01T00:00:00+07:00`),
  ).toISOString();
  const rows = await db
    .selectFrom('orders as ord')
    .innerJoin('organizations as o', 'o.id', 'ord.organization_id')
    .select([
      'ord.id',
      'ord.code',
      'ord.state',
      'ord.payment_method',
      'ord.goods_vnd',
      'ord.total_vnd',
      'ord.created_at',
      'o.name as organization_name',
    ])
    .where('o.province_code', '=', provinceCode)
    .where('ord.state', 'in', [...COUNTED_ORDER_STATES])
    .where('ord.created_at', '>=', since)
    .orderBy('ord.created_at')
    .orderBy('ord.id')
    .execute();
  const lines =
    rows.length === 0
      ? []
      : await db
          .selectFrom('order_items as i')
          .innerJoin('orders as ord', 'ord.id', 'i.order_id')
          .innerJoin('organizations as o', 'o.id', 'ord.organization_id')
          .innerJoin('products as p', 'p.id', 'i.product_id')
          .select(['i.order_id', 'p.ocop_group', 'i.unit_price_vnd', 'i.quantity'])
          .where('o.province_code', '=', provinceCode)
          .where('ord.state', 'in', [...COUNTED_ORDER_STATES])
          .where('ord.created_at', '>=', since)
          .execute();
  const orders = rows.map(
    (r): SalesOrder & { code: string; totalVnd: number; organizationName: string } => ({
      id: r.id,
      code: r.code,
      state: r.state,
      method: r.payment_method,
      goodsVnd: r.goods_vnd,
      totalVnd: r.total_vnd,
      createdAt: r.created_at,
      organizationName: r.organization_name,
    }),
  );
  return {
    orders,
    lines: lines.map((l): SalesLine => ({
      orderId: l.order_id,
      group: l.ocop_group,
      lineVnd: l.unit_price_vnd * l.quantity,
    })),
  };
}

/** Sales of the `months` months ending with today's (from the day `from`, when a report period says so). */
export async function provinceSales(
  db: DB,
  actor: Actor,
  provinceCode: string,
  today = todayInVietnam(),
  months = 12,
  from?: string,
) {
  requireOfficerFor(actor, provinceCode);
  const { orders, lines } = await loadSales(db, provinceCode, today, months);
  return computeSales(orders, lines, today, months, from);
}

/** The orders behind one sales figure: code, date, cooperative, values, method and state; no buyer data. */
export async function salesOrders(
  db: DB,
  actor: Actor,
  provinceCode: string,
  filter: SalesFilter,
  today = todayInVietnam(),
  months = 12,
) {
  requireOfficerFor(actor, provinceCode);
  const { orders, lines } = await loadSales(db, provinceCode, today, months);
  return countedOrders(orders, lines, today, months, filter) as typeof orders;
}
