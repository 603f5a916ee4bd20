import type { DB } from '~db/connection.server';
import { type Actor, isOrgTrader } from '~/accounts';
import { tokenMatchesHash } from '~/accounts/index.server';
import { notFound } from '~/lib/errors';
import { releaseStock as releaseProductStock } from '~/catalogue/index.server';
import { queueOrderEmails } from './order-emails.server';
import {
  transition,
  type OrderActorRole,
  type OrderEvent,
  type OrderState,
  type PaymentMethod,
  type TransitionInput,
} from './order-state';
import { ordersMessages as m } from '~/i18n/messages/orders';

/** How a buyer proves an order is theirs: their account, or the secret link of their checkout. */
export type BuyerAccess =
  | { userId: number }
  | { checkoutToken: string }
  /** A guest who typed the order code and phone number; the route proved it with a signed grant. */
  | { orderCode: string };

/** Who acts on an order. Cooperatives and the operator are checked here, in the domain. */
export type OrderParty =
  | { role: 'buyer'; access: BuyerAccess }
  | { role: 'cooperative'; actor: Actor }
  | { role: 'operator'; actor: Actor }
  | { role: 'system' };

export interface OrderRow {
  id: number;
  code: string;
  checkout_id: number;
  organization_id: number;
  state: OrderState;
  payment_method: PaymentMethod;
  total_vnd: number;
  goods_vnd: number;
  paid_vnd: number;
}

const orderNotFound = () => notFound(m.orderNotFound);

/** Loads an order the party may see, or throws 404 (never tells whether someone else's order exists). */
export async function orderForParty(db: DB, party: OrderParty, orderId: number): Promise<OrderRow> {
  const order = await db
    .selectFrom('orders')
    .innerJoin('checkouts', 'checkouts.id', 'orders.checkout_id')
    .select([
      'orders.id',
      'orders.code',
      'orders.checkout_id',
      'orders.organization_id',
      'orders.state',
      'orders.payment_method',
      'orders.total_vnd',
      'orders.goods_vnd',
      'orders.paid_vnd',
      'checkouts.buyer_user_id',
      'checkouts.access_token_hash',
    ])
    .where('orders.id', '=', orderId)
    .executeTakeFirst();
  if (!order || !mayAccess(party, order)) throw orderNotFound();
  return order;
}

export function mayAccess(
  party: OrderParty,
  order: {
    code: string;
    organization_id: number;
    buyer_user_id: number | null;
    access_token_hash: string;
  },
): boolean {
  switch (party.role) {
    case 'system':
      return true;
    case 'operator':
      return party.actor.isAdmin;
    case 'cooperative':
      return isOrgTrader(party.actor, order.organization_id);
    case 'buyer':
      if ('userId' in party.access) return order.buyer_user_id === party.access.userId;
      if ('orderCode' in party.access) return order.code === party.access.orderCode;
      return tokenMatchesHash(party.access.checkoutToken, order.access_token_hash);
  }
}

function actorUserId(party: OrderParty): number | null {
  if (party.role === 'cooperative' || party.role === 'operator') return party.actor.userId;
  if (party.role === 'buyer' && 'userId' in party.access) return party.access.userId;
  return null;
}

/**
 * Moves one order through the state machine in one transaction: the state, its history entry and
 * every effect (stock back on sale, COD money, ledger credit or reversal, refund flag, e-mails)
 * commit together or not at all. The state is re-checked inside the transaction, so two clicks or
 * a webhook racing a cooperative cannot both apply.
 */
export async function applyOrderEvent(
  db: DB,
  party: OrderParty,
  orderId: number,
  event: OrderEvent,
  input: TransitionInput = {},
  options: { commissionPercent?: number; now?: Date } = {},
): Promise<OrderState> {
  return db
    .transaction()
    .execute((trx) => applyOrderEventIn(trx, party, orderId, event, input, options));
}

/** applyOrderEvent inside the caller's transaction (payments apply several orders' events at once). */
export async function applyOrderEventIn(
  trx: DB,
  party: OrderParty,
  orderId: number,
  event: OrderEvent,
  input: TransitionInput = {},
  options: { commissionPercent?: number; now?: Date } = {},
): Promise<OrderState> {
  const now = options.now ?? new Date();
  {
    const order = await orderForParty(trx, party, orderId);
    const result = transition(
      { state: order.state, paymentMethod: order.payment_method, amountPaidVnd: order.paid_vnd },
      event,
      { role: party.role as OrderActorRole, userId: actorUserId(party) },
      { ...input, at: now },
    );
    const updated = await trx
      .updateTable('orders')
      .set({
        state: result.state,
        updated_at: now.toISOString(),
        ...(event === 'ship'
          ? {
              carrier: result.entry.carrier,
              tracking_number: result.entry.trackingNumber,
              shipped_lots: JSON.stringify(result.entry.lots),
            }
          : {}),
        ...(result.state === 'cancelled' ? { cancel_reason: result.entry.reason } : {}),
      })
      .where('id', '=', order.id)
      .where('state', '=', order.state)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw orderNotFound();
    await trx
      .insertInto('order_history')
      .values({
        order_id: order.id,
        from_state: result.entry.from,
        to_state: result.entry.to,
        event,
        actor_role: result.entry.actorRole,
        actor_user_id: result.entry.actorUserId,
        at: result.entry.at,
        reason: result.entry.reason,
        carrier: result.entry.carrier,
        tracking_number: result.entry.trackingNumber,
        lots: JSON.stringify(result.entry.lots),
      })
      .execute();
    await applyEffects(trx, order, result.effects, {
      now,
      event,
      userId: actorUserId(party),
      reason: result.entry.reason,
      commissionPercent: options.commissionPercent ?? 0,
    });
    await queueOrderEmails(trx, order.id, event, now);
    await settleCheckout(trx, order.checkout_id, now);
    return result.state;
  }
}

async function applyEffects(
  trx: DB,
  order: OrderRow,
  effects: string[],
  context: {
    now: Date;
    event: OrderEvent;
    userId: number | null;
    reason: string | null;
    commissionPercent: number;
  },
) {
  const at = context.now.toISOString();
  for (const effect of effects) {
    switch (effect) {
      case 'release_stock':
        await releaseStock(trx, order.id, at, context.event, context.userId);
        break;
      case 'record_cod_payment':
        await trx
          .updateTable('orders')
          .set({ paid_vnd: order.total_vnd })
          .where('id', '=', order.id)
          .execute();
        order.paid_vnd = order.total_vnd;
        break;
      case 'credit_cooperative': {
        const commission = Math.round((order.goods_vnd * context.commissionPercent) / 100);
        await trx
          .insertInto('ledger_entries')
          .values({
            organization_id: order.organization_id,
            order_id: order.id,
            kind: 'earning',
            gross_vnd: order.total_vnd,
            commission_vnd: commission,
            amount_vnd: order.total_vnd - commission,
            note: order.code,
            created_by: context.userId,
            created_at: at,
          })
          .onConflict((oc) => oc.doNothing())
          .execute();
        break;
      }
      case 'reverse_cooperative_credit': {
        const earning = await trx
          .selectFrom('ledger_entries')
          .select(['amount_vnd', 'gross_vnd', 'commission_vnd'])
          .where('order_id', '=', order.id)
          .where('kind', '=', 'earning')
          .executeTakeFirst();
        if (earning) {
          await trx
            .insertInto('ledger_entries')
            .values({
              organization_id: order.organization_id,
              order_id: order.id,
              kind: 'reversal',
              gross_vnd: -earning.gross_vnd,
              commission_vnd: -earning.commission_vnd,
              amount_vnd: -earning.amount_vnd,
              note: context.reason ?? order.code,
              created_by: context.userId,
              created_at: at,
            })
            .onConflict((oc) => oc.doNothing())
            .execute();
        }
        break;
      }
      case 'refund_due':
        await trx.updateTable('orders').set({ refund_due: 1 }).where('id', '=', order.id).execute();
        break;
    }
  }
}

/** Puts an order's units back on sale (cancellation or payment expiry) through the catalogue's stock. */
export async function releaseStock(
  trx: DB,
  orderId: number,
  at: string,
  event: OrderEvent,
  userId: number | null,
): Promise<void> {
  const items = await trx
    .selectFrom('order_items')
    .select(['product_id', 'quantity'])
    .where('order_id', '=', orderId)
    .execute();
  await releaseProductStock(
    trx,
    items.map((i) => ({ productId: i.product_id, quantity: i.quantity })),
    event === 'expire' ? 'expiry_release' : 'cancel_release',
    { orderId, userId, now: new Date(at) },
  );
}

/** A checkout whose every order is cancelled before payment is no longer awaiting money. */
async function settleCheckout(trx: DB, checkoutId: number, now: Date): Promise<void> {
  const states = await trx
    .selectFrom('orders')
    .select('state')
    .where('checkout_id', '=', checkoutId)
    .execute();
  if (states.every((s) => s.state === 'cancelled')) {
    await trx
      .updateTable('checkouts')
      .set({ payment_state: 'cancelled', pay_by: null })
      .where('id', '=', checkoutId)
      .where('payment_state', '=', 'awaiting')
      .execute();
  }
  void now;
}

/** Days after delivery during which the buyer may still report a problem; then the order completes. */
export const RETURN_WINDOW_DAYS = 7;

/**
 * Completes delivered orders whose return window has passed, as the system (the buyer may confirm
 * earlier). One transaction per order, so one failure does not hold back the others.
 */
export async function completeDeliveredOrders(
  db: DB,
  now = new Date(),
  windowDays = RETURN_WINDOW_DAYS,
): Promise<number> {
  const before = new Date(now.getTime() - windowDays * 86_400_000).toISOString();
  const due = await db
    .selectFrom('orders')
    .select('id')
    .where('state', '=', 'delivered')
    .where('updated_at', '<=', before)
    .orderBy('id')
    .limit(500)
    .execute();
  let completed = 0;
  for (const { id } of due) {
    try {
      await applyOrderEvent(db, { role: 'system' }, id, 'complete', {}, { now });
      completed++;
    } catch {
      // Changed meanwhile (the buyer confirmed, the operator refunded): nothing to do.
    }
  }
  return completed;
}
