import type { DB } from '~db/connection.server';
import { type Actor, isOrgOwner, isOrgTrader, requireOrgTrader } from '~/accounts';
import { freeDeliveryThreshold } from '~/catalogue/index.server';
import { ordersMessages as m } from '~/i18n/messages/orders';
import { formatMessage } from '~/i18n/messages';
import { invalid, notFound } from '~/lib/errors';
import {
  FULFILMENT_VIEWS,
  isFulfilmentView,
  parseLotCodes,
  type CooperativeEvent,
  type FulfilmentView,
} from './fulfilment';
import { getOrderDetail, orderIdByCode } from './buyer.server';
import { availableEvents, type PaymentMethod } from './order-state';
import { applyOrderEvent } from './orders.server';

/** The cooperatives whose orders and money the actor handles (not those they only help), for the picker. */
export async function memberOrganizations(db: DB, actor: Actor) {
  const ids = actor.memberships.map((m) => m.organizationId).filter((id) => isOrgTrader(actor, id));
  if (!ids.length) return [];
  return db
    .selectFrom('organizations')
    .select(['id', 'name'])
    .where('id', 'in', ids)
    .orderBy('name')
    .execute();
}

/**
 * The actor's cooperatives and the one a page shows: the one asked for (`?to-chuc=`) when the actor
 * belongs to it, else their first; null when they belong to none. Another cooperative's id is ignored.
 */
export async function chosenOrganization(db: DB, actor: Actor, requested: string | null) {
  const organizations = await memberOrganizations(db, actor);
  const wanted = Number(requested);
  const organizationId = organizations.some((o) => o.id === wanted)
    ? wanted
    : (organizations[0]?.id ?? null);
  return { organizations, organizationId };
}

/** The seller channel's incoming orders page: one cooperative's orders in one view, and its settings. */
export async function loadIncomingOrdersPage(
  db: DB,
  actor: Actor,
  query: { organization: string | null; view: string | null },
) {
  const { organizations, organizationId } = await chosenOrganization(db, actor, query.organization);
  const view: FulfilmentView = isFulfilmentView(query.view ?? '')
    ? (query.view as FulfilmentView)
    : 'todo';
  if (organizationId === null)
    return {
      organizations,
      organizationId,
      view,
      listing: null,
      isOwner: false,
      freeDeliveryFromVnd: null,
    };
  const [listing, freeDeliveryFromVnd] = await Promise.all([
    listIncomingOrders(db, actor, organizationId, view),
    freeDeliveryThreshold(db, organizationId),
  ]);
  const isOwner = isOrgOwner(actor, organizationId);
  return { organizations, organizationId, view, listing, isOwner, freeDeliveryFromVnd };
}

/** One cooperative's incoming orders in a view, oldest first for the to-do list, newest first otherwise. */
export async function listIncomingOrders(
  db: DB,
  actor: Actor,
  organizationId: number,
  view: FulfilmentView,
  limit = 200,
) {
  requireOrgTrader(actor, organizationId);
  const [orders, counts] = await Promise.all([
    db
      .selectFrom('orders')
      .innerJoin('checkouts', 'checkouts.id', 'orders.checkout_id')
      .innerJoin('provinces', 'provinces.code', 'checkouts.province_code')
      .select([
        'orders.id',
        'orders.code',
        'orders.state',
        'orders.payment_method',
        'orders.total_vnd',
        'orders.created_at',
        'orders.updated_at',
        'checkouts.contact_name',
        'provinces.name as province_name',
      ])
      .select((eb) =>
        eb
          .selectFrom('order_items')
          .select((e) => e.fn.sum<number>('quantity').as('n'))
          .whereRef('order_items.order_id', '=', 'orders.id')
          .as('units'),
      )
      .where('orders.organization_id', '=', organizationId)
      .where('orders.state', 'in', [...FULFILMENT_VIEWS[view]])
      .orderBy('orders.id', view === 'todo' ? 'asc' : 'desc')
      .limit(limit)
      .execute(),
    db
      .selectFrom('orders')
      .select(['state', (eb) => eb.fn.countAll<number>().as('n')])
      .where('organization_id', '=', organizationId)
      .groupBy('state')
      .execute(),
  ]);
  const byState = new Map(counts.map((c) => [c.state, Number(c.n)]));
  const viewCounts = Object.fromEntries(
    Object.entries(FULFILMENT_VIEWS).map(([name, states]) => [
      name,
      states.reduce((sum, s) => sum + (byState.get(s) ?? 0), 0),
    ]),
  ) as Record<FulfilmentView, number>;
  return { orders: orders.map((o) => ({ ...o, units: Number(o.units ?? 0) })), viewCounts };
}

/** An order as its cooperative sees it, with the steps it may take now. Someone else's order is a 404. */
export async function getIncomingOrder(db: DB, actor: Actor, code: string) {
  const detail = await getOrderDetail(db, { role: 'cooperative', actor }, code);
  const snapshot = {
    state: detail.order.state,
    paymentMethod: detail.order.payment_method as PaymentMethod,
    amountPaidVnd: detail.order.paid_vnd,
  };
  const lots = await shippableLots(
    db,
    detail.items.map((i) => i.product_id),
  );
  return { ...detail, actions: availableEvents(snapshot, 'cooperative'), lots };
}

/** The recorded batches of the order's products, newest first, offered as ticks on the ship form. */
async function shippableLots(
  db: DB,
  productIds: number[],
): Promise<Array<{ id: number; productId: number; lotCode: string }>> {
  if (!productIds.length) return [];
  const rows = await db
    .selectFrom('batches')
    .select(['id', 'product_id', 'lot_code'])
    .where('product_id', 'in', productIds)
    .orderBy('id', 'desc')
    .limit(50)
    .execute();
  return rows.map((r) => ({ id: r.id, productId: r.product_id, lotCode: r.lot_code }));
}

export interface FulfilmentInput {
  reason?: string;
  carrier?: string;
  trackingNumber?: string;
  lots?: string[];
}

const MAX_TEXT = 200;

/**
 * A cooperative member moves one of its orders on (accept, ship, deliver or cancel with a reason).
 * The lots of a shipment are split and checked here (`parseLotCodes`), before anything changes.
 */
export async function fulfilOrder(
  db: DB,
  actor: Actor,
  code: string,
  event: CooperativeEvent,
  input: FulfilmentInput,
  options: { commissionPercent: number; now?: Date },
) {
  for (const [field, value] of Object.entries({
    reason: input.reason,
    carrier: input.carrier,
    trackingNumber: input.trackingNumber,
  })) {
    if (value && value.length > MAX_TEXT)
      throw invalid(field, formatMessage(m.textTooLong, { max: MAX_TEXT }));
  }
  const lots = event === 'ship' ? parseLotCodes(input.lots ?? []) : [];
  // Only the id is needed here: applyOrderEvent loads the order for the cooperative and answers 404 for
  // another cooperative's order or an unknown code alike.
  const orderId = await orderIdByCode(db, code);
  if (orderId === null) throw notFound(m.orderNotFound);
  return applyOrderEvent(
    db,
    { role: 'cooperative', actor },
    orderId,
    event,
    {
      reason: input.reason?.trim() || undefined,
      carrier: input.carrier?.trim() || undefined,
      trackingNumber: input.trackingNumber?.trim() || undefined,
      lots,
    },
    options,
  );
}
