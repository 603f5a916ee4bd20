import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedDemoOrders } from '~/demo/orders.server';
import { getPublicProduct } from '~/catalogue/index.server';
import { ratingSummary } from '~/reviews/index.server';
import { copyTemplateDatabase, type TestData } from '../helpers/test-db';

let data: TestData;
beforeEach(() => {
  data = copyTemplateDatabase();
});
afterEach(async () => {
  await data.cleanup();
});

describe('demo orders and reviews', () => {
  it('past months of delivered orders, VietQR and cash, with verified-purchase reviews', async () => {
    const now = new Date('2026-12-01T03:00:00Z');
    const { orders } = await seedDemoOrders(data.db, now);
    expect(orders).toBeGreaterThanOrEqual(15);
    const rows = await data.db
      .selectFrom('orders')
      .select(['id', 'state', 'payment_method', 'created_at'])
      .execute();
    expect(rows).toHaveLength(orders);
    expect(rows.every((o) => o.state === 'delivered' || o.state === 'completed')).toBe(true);
    const months = new Set(rows.map((o) => o.created_at.slice(0, 7)));
    expect(months.size).toBeGreaterThanOrEqual(4);
    expect(rows.some((o) => o.payment_method === 'vietqr')).toBe(true);
    expect(rows.some((o) => o.payment_method === 'cod')).toBe(true);
    const paid = await data.db
      .selectFrom('checkouts')
      .select('payment_state')
      .where('payment_method', '=', 'vietqr')
      .execute();
    expect(paid.every((c) => c.payment_state === 'paid')).toBe(true);

    // Every review is of a product in its own delivered order.
    const reviews = await data.db
      .selectFrom('product_reviews as r')
      .innerJoin('order_items as i', (j) =>
        j.onRef('i.order_id', '=', 'r.order_id').onRef('i.product_id', '=', 'r.product_id'),
      )
      .select(['r.product_id', 'r.rating'])
      .execute();
    const all = await data.db.selectFrom('product_reviews').select('id').execute();
    expect(all.length).toBeGreaterThan(10);
    expect(reviews).toHaveLength(all.length);
    const first = reviews[0];
    if (!first) throw new Error('no review');
    const summary = await ratingSummary(data.db, first.product_id);
    expect(summary.count).toBeGreaterThan(0);
    expect(summary.sold).toBeGreaterThan(0);

    // The traceable showcase honey is in stock.
    const honey = await getPublicProduct(data.db, 'mat-ong-hoa-bac-ha-sin-ho');
    expect(honey?.stock).toBeGreaterThan(0);
  });
});
