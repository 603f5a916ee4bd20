import { describe, expect, it } from 'vitest';
import {
  COUNTED_ORDER_STATES,
  computeSales,
  countedOrders,
  isCountedSale,
  type SalesLine,
  type SalesOrder,
} from '~/tradeoffice/sales';

const TODAY = '2026-11-22';
const order = (
  id: number,
  state: string,
  method: SalesOrder['method'],
  goodsVnd: number,
  createdAt: string,
): SalesOrder => ({ id, state, method, goodsVnd, createdAt });
const orders: SalesOrder[] = [
  order(1, 'paid', 'vietqr', 240_000, '2026-11-02T03:00:00Z'),
  order(2, 'cod_accepted', 'cod', 120_000, '2026-11-10T10:00:00Z'),
  order(3, 'completed', 'card', 500_000, '2026-10-31T18:30:00Z'), // 1 November in Vietnam
  order(4, 'delivered', 'cod', 90_000, '2026-09-15T02:00:00Z'),
  order(5, 'placed', 'vietqr', 300_000, '2026-11-20T02:00:00Z'), // awaiting the transfer: not counted
  order(6, 'cancelled', 'card', 150_000, '2026-11-01T02:00:00Z'), // expired unpaid: not counted
  order(7, 'refunded', 'vietqr', 80_000, '2026-10-01T02:00:00Z'), // refunded: not counted
  order(8, 'shipped', 'cod', 60_000, '2025-11-30T16:59:00Z'), // 30 Nov 2025 in Vietnam: before the 12-month window
  order(9, 'accepted', 'vietqr', 45_000, '2025-12-01T02:00:00Z'), // the window's first month
];
const lines: SalesLine[] = [
  { orderId: 1, group: 'beverage', lineVnd: 240_000 },
  { orderId: 2, group: 'food', lineVnd: 70_000 },
  { orderId: 2, group: 'beverage', lineVnd: 50_000 },
  { orderId: 3, group: 'herbal', lineVnd: 500_000 },
  { orderId: 4, group: 'food', lineVnd: 90_000 },
  { orderId: 5, group: 'food', lineVnd: 300_000 },
  { orderId: 6, group: 'food', lineVnd: 150_000 },
  { orderId: 7, group: 'food', lineVnd: 80_000 },
  { orderId: 8, group: 'food', lineVnd: 60_000 },
  { orderId: 9, group: 'textile', lineVnd: 45_000 },
];
const sales = computeSales(orders, lines, TODAY);

describe('sales of a fixture province', () => {
  it('counts paid and cash-on-delivery orders still standing, and no others', () => {
    expect(COUNTED_ORDER_STATES).toEqual([
      'paid',
      'cod_accepted',
      'accepted',
      'shipped',
      'delivered',
      'completed',
    ]);
    for (const state of ['placed', 'cancelled', 'refunded'])
      expect(isCountedSale(state)).toBe(false);
    expect(countedOrders(orders, lines, TODAY, 12).map((o) => o.id)).toEqual([1, 2, 3, 4, 9]);
    expect(sales.orders).toBe(5);
    expect(sales.valueVnd).toBe(240_000 + 120_000 + 500_000 + 90_000 + 45_000);
  });

  it('puts each order in the Vietnamese month it was placed, over 12 months', () => {
    expect(sales.byMonth).toHaveLength(12);
    expect(sales.byMonth[0]).toEqual({ month: '2025-12', orders: 1, valueVnd: 45_000 });
    expect(sales.byMonth.find((m) => m.month === '2026-11')).toEqual({
      month: '2026-11',
      orders: 3,
      valueVnd: 860_000,
    });
    expect(sales.byMonth.find((m) => m.month === '2026-10')).toEqual({
      month: '2026-10',
      orders: 0,
      valueVnd: 0,
    });
    expect(sales.byMonth.find((m) => m.month === '2026-09')).toEqual({
      month: '2026-09',
      orders: 1,
      valueVnd: 90_000,
    });
    expect(sales.byMonth.reduce((n, m) => n + m.valueVnd, 0)).toBe(sales.valueVnd);
  });

  it('splits value by product group line by line, counting a two-group order in both groups', () => {
    expect(sales.byGroup).toEqual([
      { group: 'herbal', orders: 1, valueVnd: 500_000 },
      { group: 'beverage', orders: 2, valueVnd: 290_000 },
      { group: 'food', orders: 2, valueVnd: 160_000 },
      { group: 'textile', orders: 1, valueVnd: 45_000 },
    ]);
    expect(sales.byGroup.reduce((n, g) => n + g.valueVnd, 0)).toBe(sales.valueVnd);
  });

  it('crosses months with product groups for the monthly report, adding up to the same total', () => {
    expect(sales.byMonthGroup).toEqual([
      { month: '2025-12', group: 'textile', orders: 1, valueVnd: 45_000 },
      { month: '2026-09', group: 'food', orders: 1, valueVnd: 90_000 },
      { month: '2026-11', group: 'beverage', orders: 2, valueVnd: 290_000 },
      { month: '2026-11', group: 'food', orders: 1, valueVnd: 70_000 },
      { month: '2026-11', group: 'herbal', orders: 1, valueVnd: 500_000 },
    ]);
    expect(sales.byMonthGroup.reduce((n, c) => n + c.valueVnd, 0)).toBe(sales.valueVnd);
  });

  it('gives the cashless share (VietQR and card) against cash on delivery, by orders and by value', () => {
    expect(sales.payments.methods).toEqual([
      { method: 'vietqr', orders: 2, valueVnd: 285_000, ordersPercent: 40, valuePercent: 28.6 },
      { method: 'card', orders: 1, valueVnd: 500_000, ordersPercent: 20, valuePercent: 50.3 },
      { method: 'cod', orders: 2, valueVnd: 210_000, ordersPercent: 40, valuePercent: 21.1 },
    ]);
    expect(sales.payments.cashlessOrdersPercent).toBe(60);
    expect(sales.payments.cashlessValuePercent).toBe(78.9);
    expect([sales.cashlessOrders, sales.codOrders]).toEqual([3, 2]);
  });

  it('counts VNPay, MoMo and ZaloPay orders as cashless, each as its own method', () => {
    const withWallets = [
      ...orders,
      order(20, 'paid', 'momo', 100_000, '2026-11-05T02:00:00Z'),
      order(21, 'delivered', 'vnpay', 60_000, '2026-11-06T02:00:00Z'),
      order(22, 'accepted', 'zalopay', 40_000, '2026-11-07T02:00:00Z'),
      order(23, 'placed', 'momo', 999_000, '2026-11-08T02:00:00Z'), // not paid: not counted
    ];
    const more = computeSales(withWallets, lines, TODAY);
    expect(more.payments.methods.map((m) => [m.method, m.orders, m.valueVnd])).toEqual([
      ['vietqr', 2, 285_000],
      ['card', 1, 500_000],
      ['vnpay', 1, 60_000],
      ['momo', 1, 100_000],
      ['zalopay', 1, 40_000],
      ['cod', 2, 210_000],
    ]);
    expect([more.cashlessOrders, more.codOrders]).toEqual([6, 2]);
    expect(more.payments.cashlessOrdersPercent).toBe(75);
    expect(
      countedOrders(withWallets, lines, TODAY, 12, { method: 'cashless' }).map((o) => o.id),
    ).toEqual([1, 3, 9, 20, 21, 22]);
  });

  it('filters the orders behind one figure the way the figure counts them', () => {
    const ids = (filter: Parameters<typeof countedOrders>[4]) =>
      countedOrders(orders, lines, TODAY, 12, filter).map((o) => o.id);
    expect(ids({ month: '2026-11' })).toEqual([1, 2, 3]);
    expect(ids({ group: 'beverage' })).toEqual([1, 2]);
    expect(ids({ method: 'cashless' })).toEqual([1, 3, 9]);
    expect(ids({ method: 'cod' })).toEqual([2, 4]);
    expect(ids({ month: '2026-11', group: 'food' })).toEqual([2]);
    for (const m of sales.byMonth) expect(ids({ month: m.month })).toHaveLength(m.orders);
    for (const g of sales.byGroup) expect(ids({ group: g.group })).toHaveLength(g.orders);
  });

  it('starts a report period on its first day, even mid-month', () => {
    const period = computeSales(orders, lines, TODAY, 3, '2026-11-05');
    expect(period.orders).toBe(1);
    expect(period.byMonth.map((m) => [m.month, m.orders])).toEqual([
      ['2026-09', 0],
      ['2026-10', 0],
      ['2026-11', 1],
    ]);
  });

  it('is all zeros, not a division by zero, for a province without sales', () => {
    const none = computeSales([], [], TODAY);
    expect([
      none.orders,
      none.valueVnd,
      none.payments.cashlessOrdersPercent,
      none.byGroup.length,
    ]).toEqual([0, 0, 0, 0]);
  });
});
