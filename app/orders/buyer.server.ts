import type { DB } from '~db/connection.server';
import { normalizeVietnamesePhone } from '~/accounts';
import { hashToken, LIMITS, rateLimiter, tokenMatchesHash } from '~/accounts/index.server';
import { formatMessage } from '~/i18n/messages';
import { ordersMessages as m } from '~/i18n/messages/orders';
import { invalid, notFound, UserError } from '~/lib/errors';
import { normalizeOrderCode, normalizePaymentReference } from './order-code';
import { availableEvents, type OrderState, type PaymentMethod } from './order-state';
import { applyOrderEvent, mayAccess, type BuyerAccess, type OrderParty } from './orders.server';

const checkoutNotFound = () => notFound(m.checkoutNotFound);

/** Who is looking at a checkout page: an account, the holder of its secret key, or the operator. */
export interface CheckoutViewer {
  userId: number | null;
  isAdmin: boolean;
  token: string | null;
}

export async function getCheckoutForViewer(db: DB, reference: string, viewer: CheckoutViewer) {
  const checkout = await db
    .selectFrom('checkouts')
    .selectAll()
    .where('reference', '=', reference)
    .executeTakeFirst();
  if (!checkout) throw checkoutNotFound();
  const allowed =
    viewer.isAdmin ||
    (viewer.userId !== null && checkout.buyer_user_id === viewer.userId) ||
    (viewer.token !== null && tokenMatchesHash(viewer.token, checkout.access_token_hash));
  if (!allowed) throw checkoutNotFound();
  const orders = await db
    .selectFrom('orders')
    .innerJoin('organizations', 'organizations.id', 'orders.organization_id')
    .select([
      'orders.id',
      'orders.code',
      'orders.state',
      'orders.goods_vnd',
      'orders.delivery_vnd',
      'orders.total_vnd',
      'orders.paid_vnd',
      'orders.payment_method',
      'organizations.name as organization_name',
    ])
    .where('checkout_id', '=', checkout.id)
    .orderBy('orders.id')
    .execute();
  const { access_token_hash: _hidden, ...visible } = checkout;
  void _hidden;
  return {
    checkout: visible,
    orders: orders.map((o) => ({
      ...o,
      buyerCanCancel: availableEvents(
        { state: o.state, paymentMethod: o.payment_method, amountPaidVnd: o.paid_vnd },
        'buyer',
      ).includes('buyer_cancel'),
    })),
  };
}

/**
 * The buyer cancels one cooperative's part of their checkout from the checkout page (before the
 * cooperative accepts it). Returns the cancelled order's code.
 */
export async function cancelCheckoutPart(
  db: DB,
  reference: string,
  viewer: CheckoutViewer,
  orderId: number,
  reason?: string,
): Promise<string> {
  const { checkout, orders } = await getCheckoutForViewer(db, reference, viewer);
  const order = orders.find((o) => o.id === orderId);
  if (!order) throw invalid('orderId', m.orderNotFound);
  const access: BuyerAccess =
    viewer.userId !== null && checkout.buyer_user_id === viewer.userId
      ? { userId: viewer.userId }
      : { checkoutToken: viewer.token ?? '' };
  await applyOrderEvent(db, { role: 'buyer', access }, order.id, 'buyer_cancel', { reason });
  return order.code;
}

/** Full detail of one order for whoever may see it (buyer, its cooperative, the operator). */
export async function getOrderDetail(db: DB, party: OrderParty, code: string) {
  const normalized = normalizeOrderCode(code);
  const row = normalized
    ? await db
        .selectFrom('orders')
        .innerJoin('checkouts', 'checkouts.id', 'orders.checkout_id')
        .innerJoin('organizations', 'organizations.id', 'orders.organization_id')
        .innerJoin('communes', 'communes.code', 'checkouts.commune_code')
        .innerJoin('provinces', 'provinces.code', 'checkouts.province_code')
        .select([
          'orders.id',
          'orders.code',
          'orders.state',
          'orders.payment_method',
          'orders.goods_vnd',
          'orders.delivery_vnd',
          'orders.total_vnd',
          'orders.paid_vnd',
          'orders.carrier',
          'orders.tracking_number',
          'orders.shipped_lots',
          'orders.cancel_reason',
          'orders.created_at',
          'orders.organization_id',
          'checkouts.reference',
          'checkouts.buyer_user_id',
          'checkouts.access_token_hash',
          'checkouts.contact_name',
          'checkouts.contact_phone',
          'checkouts.street',
          'checkouts.note',
          'checkouts.payment_state',
          'communes.full_name as commune_name',
          'provinces.name as province_name',
          'organizations.name as organization_name',
          'organizations.slug as organization_slug',
          'organizations.phone as organization_phone',
        ])
        .where('orders.code', '=', normalized)
        .executeTakeFirst()
    : undefined;
  if (!row || !mayAccess(party, row)) throw notFound(m.orderNotFound);
  const [items, history] = await Promise.all([
    db
      .selectFrom('order_items')
      .leftJoin('products', 'products.id', 'order_items.product_id')
      .select([
        'order_items.product_id',
        'order_items.product_name',
        'order_items.unit',
        'order_items.unit_price_vnd',
        'order_items.quantity',
        'products.slug',
      ])
      .where('order_id', '=', row.id)
      .execute(),
    db
      .selectFrom('order_history')
      .leftJoin('users', 'users.id', 'order_history.actor_user_id')
      .select([
        'order_history.from_state',
        'order_history.to_state',
        'order_history.event',
        'order_history.actor_role',
        'order_history.at',
        'order_history.reason',
        'order_history.carrier',
        'order_history.tracking_number',
        'order_history.lots',
        'users.display_name',
      ])
      .where('order_id', '=', row.id)
      .orderBy('order_history.id')
      .execute(),
  ]);
  const lotLinks = await batchesOfLots(
    db,
    items.map((i) => i.product_id),
    history.flatMap((h) => JSON.parse(h.lots) as string[]),
  );
  const { access_token_hash: _hidden, buyer_user_id: _buyer, ...order } = row;
  void _hidden;
  void _buyer;
  return {
    order: {
      ...order,
      state: order.state as OrderState,
      payment_method: order.payment_method as PaymentMethod,
      shipped_lots: JSON.parse(order.shipped_lots) as string[],
    },
    items,
    history: history.map((h) => ({ ...h, lots: JSON.parse(h.lots) as string[] })),
    /** Lot code → batch id, for the lots shipped that are recorded batches of the order's products. */
    lotLinks,
  };
}

async function batchesOfLots(
  db: DB,
  productIds: number[],
  lotCodes: string[],
): Promise<Record<string, number>> {
  if (!productIds.length || !lotCodes.length) return {};
  const rows = await db
    .selectFrom('batches')
    .select(['id', 'lot_code'])
    .where('product_id', 'in', productIds)
    .where('lot_code', 'in', [...new Set(lotCodes)])
    .orderBy('id')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.lot_code, r.id]));
}

/** A signed-in buyer's orders, newest first. */
export async function listBuyerOrders(db: DB, userId: number, limit = 100) {
  return db
    .selectFrom('orders')
    .innerJoin('checkouts', 'checkouts.id', 'orders.checkout_id')
    .innerJoin('organizations', 'organizations.id', 'orders.organization_id')
    .select([
      'orders.code',
      'orders.state',
      'orders.total_vnd',
      'orders.created_at',
      'orders.payment_method',
      'checkouts.reference',
      'organizations.name as organization_name',
    ])
    .where('checkouts.buyer_user_id', '=', userId)
    .orderBy('orders.id', 'desc')
    .limit(limit)
    .execute();
}

/** Guest lookup: the order code and the phone given at checkout must both match. */
export async function findOrderByCodeAndPhone(
  db: DB,
  typedCode: string,
  phoneE164: string,
): Promise<string | null> {
  const code = normalizeOrderCode(typedCode);
  if (!code) return null;
  const row = await db
    .selectFrom('orders')
    .innerJoin('checkouts', 'checkouts.id', 'orders.checkout_id')
    .select(['orders.code', 'checkouts.contact_phone'])
    .where('orders.code', '=', code)
    .executeTakeFirst();
  return row && row.contact_phone === phoneE164 ? row.code : null;
}

/** An order's id by its code, or null when there is no such order (the operator's refund form). */
export async function orderIdByCode(db: DB, code: string): Promise<number | null> {
  const normalized = normalizeOrderCode(code);
  const row = normalized
    ? await db.selectFrom('orders').select('id').where('code', '=', normalized).executeTakeFirst()
    : undefined;
  return row?.id ?? null;
}

/** The checkout reference of an order, to find the checkout key a browser may hold for it. */
export async function checkoutReferenceOfOrder(db: DB, code: string): Promise<string | null> {
  const row = await db
    .selectFrom('orders')
    .innerJoin('checkouts', 'checkouts.id', 'orders.checkout_id')
    .select('checkouts.reference')
    .where('orders.code', '=', code)
    .executeTakeFirst();
  return row?.reference ?? null;
}

/** The order for the first of the visitor's proofs that opens it, or a 404 pointing to the lookup. */
export async function firstAllowed(db: DB, parties: OrderParty[], code: string) {
  for (const party of parties) {
    try {
      return { party, detail: await getOrderDetail(db, party, code) };
    } catch {
      // not this one; try the next proof
    }
  }
  throw notFound(m.orderNotFoundLookUp);
}

/**
 * The order page (/don-hang/:code) for whoever proves it is theirs (`parties`, tried in turn: the
 * operator, the buyer's account, a cooperative member, a lookup grant, the checkout key), with the
 * buyer's buttons when it is the buyer looking.
 */
export async function getOrderPage(db: DB, parties: OrderParty[], code: string) {
  const { party, detail } = await firstAllowed(db, parties, code);
  const buyerView = party.role === 'buyer';
  const events = buyerView
    ? availableEvents(
        {
          state: detail.order.state,
          paymentMethod: detail.order.payment_method,
          amountPaidVnd: detail.order.paid_vnd,
        },
        'buyer',
      )
    : [];
  return {
    ...detail,
    buyerView,
    canCancel: events.includes('buyer_cancel'),
    canConfirm: events.includes('complete'),
  };
}

/** The buyer cancels the order (before acceptance) or confirms receiving it. */
export async function actOnOrderAsBuyer(
  db: DB,
  parties: OrderParty[],
  code: string,
  intent: 'cancel' | 'confirm',
  reason?: string,
): Promise<void> {
  const { party, detail } = await firstAllowed(db, parties, code);
  if (party.role !== 'buyer') throw invalid('intent', m.buyerOnly);
  const access: BuyerAccess = party.access;
  await applyOrderEvent(
    db,
    { role: 'buyer', access },
    detail.order.id,
    intent === 'cancel' ? 'buyer_cancel' : 'complete',
    { reason },
  );
}

/**
 * A guest's lookup by order code and phone (already checked by `orderLookupSchema`). Guessing pairs is
 * slow: a few tries per network per quarter hour. Returns the order code, or throws 429 / 404.
 */
export async function lookUpOrder(
  db: DB,
  network: string,
  input: { code: string; phone: string },
): Promise<string> {
  const code = normalizeOrderCode(input.code);
  if (!code) throw invalid('code', m.orderCodeFormat);
  const [found] = await lookUpOrders(db, network, input);
  return found?.code ?? '';
}

export interface LookedUpOrder {
  code: string;
  organizationName: string;
  state: OrderState;
}

/**
 * The guest lookup by an order code (CP…) or the checkout code (TT…) the confirmation page headlines,
 * with the phone given at checkout; a checkout code finds every order of that checkout. Rate-limited
 * like `lookUpOrder`; throws 400 / 429 / 404.
 */
export async function lookUpOrders(
  db: DB,
  network: string,
  input: { code: string; phone: string },
): Promise<LookedUpOrder[]> {
  const code = normalizeOrderCode(input.code);
  const reference = code ? null : normalizePaymentReference(input.code);
  if (!code && !reference) throw invalid('code', m.orderCodeFormat);
  const phone = normalizeVietnamesePhone(input.phone);
  if (!phone) throw invalid('phone', m.contactPhoneInvalid);
  const decision = await rateLimiter(db).consume(`order-lookup:${network}`, LIMITS.orderLookup);
  if (!decision.allowed) {
    const minutes = Math.ceil(decision.retryAfterSeconds / 60);
    throw new UserError('rate_limited', 429, formatMessage(m.lookUpRateLimited, { minutes }));
  }
  const rows = await db
    .selectFrom('orders')
    .innerJoin('checkouts', 'checkouts.id', 'orders.checkout_id')
    .innerJoin('organizations', 'organizations.id', 'orders.organization_id')
    .select(['orders.code', 'orders.state', 'organizations.name', 'checkouts.contact_phone'])
    .where(reference ? 'checkouts.reference' : 'orders.code', '=', reference ?? code ?? '')
    .orderBy('orders.id')
    .execute();
  const found = rows.filter((r) => r.contact_phone === phone);
  if (!found.length) throw new UserError('not_found', 404, m.lookUpNoMatch);
  return found.map((r) => ({ code: r.code, organizationName: r.name, state: r.state }));
}

export { hashToken };
