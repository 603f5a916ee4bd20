import type { DB } from '~db/connection.server';
import { ordersMessages as om } from '~/i18n/messages/orders';
import { reviewsMessages as m } from '~/i18n/messages/reviews';
import { invalid, UserError } from '~/lib/errors';
import { firstAllowed } from './buyer.server';
import type { OrderParty } from './orders.server';

/** Orders whose goods reached the buyer: only these may be reviewed, only these count as sold. */
export const RECEIVED_STATES = ['delivered', 'completed'] as const;

export interface ReviewableOrder {
  orderId: number;
  code: string;
  organizationId: number;
  received: boolean;
  /** The account that bought, or null for a guest's checkout. */
  buyerUserId: number | null;
  /** The recipient's given name (the last word of a Vietnamese name), shown on the review. */
  buyerGivenName: string;
  lines: Array<{ productId: number; productName: string; slug: string | null }>;
}

/**
 * The order as its buyer may review it: only the buyer (account, checkout key or lookup grant) gets
 * it; a cooperative member or the operator looking at the order does not.
 */
export async function reviewableOrder(
  db: DB,
  parties: OrderParty[],
  code: string,
): Promise<ReviewableOrder> {
  // Only the buyer's proofs count: an operator or a cooperative member who is also the buyer still
  // reviews as the buyer.
  const buyerProofs = parties.filter((p) => p.role === 'buyer');
  if (!buyerProofs.length) throw invalid('intent', om.buyerOnly);
  const { party, detail } = await firstAllowed(db, buyerProofs, code);
  if (party.role !== 'buyer') throw invalid('intent', om.buyerOnly);
  const buyer = await db
    .selectFrom('orders')
    .innerJoin('checkouts', 'checkouts.id', 'orders.checkout_id')
    .select('checkouts.buyer_user_id')
    .where('orders.id', '=', detail.order.id)
    .executeTakeFirstOrThrow();
  const words = detail.order.contact_name.trim().split(/\s+/);
  return {
    orderId: detail.order.id,
    code: detail.order.code,
    organizationId: detail.order.organization_id,
    received: (RECEIVED_STATES as readonly string[]).includes(detail.order.state),
    buyerUserId:
      'userId' in party.access && party.access.userId === buyer.buyer_user_id
        ? party.access.userId
        : null,
    buyerGivenName: words.at(-1) ?? '',
    lines: detail.items.map((i) => ({
      productId: i.product_id,
      productName: i.product_name,
      slug: i.slug ?? null,
    })),
  };
}

/** The one line a review is about: the buyer's, of a received order, of that product. */
export async function receivedOrderLine(
  db: DB,
  parties: OrderParty[],
  code: string,
  productId: number,
) {
  const order = await reviewableOrder(db, parties, code);
  if (!order.received) throw new UserError('not_delivered', 409, m.notDelivered, 'productId');
  const line = order.lines.find((l) => l.productId === productId);
  if (!line) throw invalid('productId', m.notInOrder);
  return { ...order, line };
}

/** Units sold of each product: the quantities of received orders. */
export async function soldCounts(db: DB, productIds: number[]): Promise<Map<number, number>> {
  if (!productIds.length) return new Map();
  const rows = await db
    .selectFrom('order_items')
    .innerJoin('orders', 'orders.id', 'order_items.order_id')
    .select((eb) => [
      'order_items.product_id',
      eb.fn.sum<number>('order_items.quantity').as('sold'),
    ])
    .where('order_items.product_id', 'in', [...new Set(productIds)])
    .where('orders.state', 'in', [...RECEIVED_STATES])
    .groupBy('order_items.product_id')
    .execute();
  return new Map(rows.map((r) => [r.product_id, Number(r.sold)]));
}
