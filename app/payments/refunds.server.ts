import type { DB } from '~db/connection.server';
import { requireAdmin, type Actor } from '~/accounts';
import { recordAudit } from '~/audit/index.server';
import { formatMessage } from '~/i18n/messages';
import { paymentsMessages as m } from '~/i18n/messages/payments';
import { walletsMessages as w } from '~/i18n/messages/wallets';
import { invalid, UserError } from '~/lib/errors';
import { normalizeOrderCode } from '~/orders';
import { applyOrderEventIn, orderForParty, orderIdByCode } from '~/orders/index.server';
import { isGateway } from './gateways.server';
import type { PaymentProviders } from './providers.server';

/** Orders holding money that must go back: cancelled after payment, not refunded yet. */
export async function listRefundsDue(db: DB) {
  return db
    .selectFrom('orders')
    .innerJoin('checkouts', 'checkouts.id', 'orders.checkout_id')
    .innerJoin('organizations', 'organizations.id', 'orders.organization_id')
    .select([
      'orders.id',
      'orders.code',
      'orders.state',
      'orders.paid_vnd',
      'orders.payment_method',
      'orders.cancel_reason',
      'orders.updated_at',
      'checkouts.reference',
      'checkouts.contact_name',
      'checkouts.contact_phone',
      'organizations.name as organization_name',
    ])
    .where('orders.refund_due', '=', 1)
    .where('orders.state', '=', 'cancelled')
    .orderBy('orders.updated_at')
    .execute();
}

/**
 * The operator refunds an order in full. Card and VNPay / MoMo / ZaloPay payments go back through
 * their API first (with an
 * idempotency key, so a retried click cannot refund twice) and are recorded only once Stripe has
 * accepted; bank-transfer and cash refunds are the operator's own transfer, recorded here.
 */
export async function refundOrder(
  db: DB,
  providers: PaymentProviders,
  actor: Actor,
  orderId: number,
  reason: string,
  now = new Date(),
): Promise<void> {
  requireAdmin(actor);
  if (reason.trim().length < 3) throw invalid('reason', m.refundReasonRequired);
  const order = await orderForParty(db, { role: 'operator', actor }, orderId);
  if (order.paid_vnd <= 0) throw new UserError('nothing_to_refund', 409, m.nothingToRefund);
  const checkout = await db
    .selectFrom('checkouts')
    .select([
      'stripe_payment_intent_id',
      'total_vnd',
      'gateway_order_id',
      'gateway_transaction_id',
      'gateway_paid_at',
    ])
    .where('id', '=', order.checkout_id)
    .executeTakeFirstOrThrow();
  let stripeRefundId: string | null = null;
  let gatewayRefundId: string | null = null;
  const gateway = isGateway(order.payment_method) ? order.payment_method : null;
  if (gateway) {
    // The gateways have no idempotency keys: never ask twice for an order refunded already.
    const done = await db
      .selectFrom('refunds')
      .select('id')
      .where('order_id', '=', order.id)
      .executeTakeFirst();
    if (done || order.state === 'refunded')
      throw new UserError('nothing_to_refund', 409, m.nothingToRefund);
    // Back through the gateway's refund API first; recorded only once the gateway has accepted it.
    const provider = providers.gateway(gateway);
    if (!provider || !checkout.gateway_order_id || !checkout.gateway_transaction_id)
      throw new UserError('gateway_refund_unavailable', 409, w.gatewayRefundUnavailable);
    ({ refundId: gatewayRefundId } = await provider
      .refundPayment(
        {
          orderId: checkout.gateway_order_id,
          transactionId: checkout.gateway_transaction_id,
          paidAt: checkout.gateway_paid_at ?? '',
        },
        {
          amountVnd: order.paid_vnd,
          paidTotalVnd: checkout.total_vnd,
          key: `refund-order-${order.id}`,
          operator: `operator-${actor.userId}`,
          now,
        },
      )
      .catch((error: unknown) => {
        throw new UserError(
          'gateway_refund_failed',
          409,
          formatMessage(w.gatewayRefundFailed, {
            reason: error instanceof Error ? error.message : String(error),
          }),
        );
      }));
  }
  if (order.payment_method === 'card') {
    const card = providers.get('card');
    if (!card?.refund || !checkout.stripe_payment_intent_id) {
      throw new UserError('card_refund_unavailable', 409, m.cardRefundUnavailable);
    }
    ({ refundId: stripeRefundId } = await card.refund(
      checkout.stripe_payment_intent_id,
      order.paid_vnd,
      `refund-order-${order.id}`,
    ));
  }
  await db.transaction().execute(async (trx) => {
    await applyOrderEventIn(
      trx,
      { role: 'operator', actor },
      order.id,
      'refund',
      { reason },
      { now },
    );
    await trx
      .insertInto('refunds')
      .values({
        order_id: order.id,
        amount_vnd: order.paid_vnd,
        method: gateway ?? (order.payment_method === 'card' ? 'stripe' : 'bank_transfer'),
        stripe_refund_id: stripeRefundId,
        gateway_refund_id: gatewayRefundId,
        reason: reason.trim(),
        created_by: actor.userId,
        created_at: now.toISOString(),
      })
      .execute();
    await trx.updateTable('orders').set({ refund_due: 0 }).where('id', '=', order.id).execute();
    await recordAudit(
      trx,
      {
        actorUserId: actor.userId,
        organizationId: order.organization_id,
        provinceCode: null,
        entityType: 'refund',
        entityId: order.id,
        action: 'order.refunded',
        changes: { amountVnd: [null, order.paid_vnd], reason: [null, reason.trim()] },
      },
      now,
    );
  });
}

/** The operator refunds an order found by its code (typed on the payments page). */
export async function refundOrderByCode(
  db: DB,
  providers: PaymentProviders,
  actor: Actor,
  code: string,
  reason: string,
  now = new Date(),
): Promise<void> {
  requireAdmin(actor);
  const normalized = normalizeOrderCode(code);
  if (!normalized) throw invalid('code', m.orderCodeInvalid);
  const orderId = await orderIdByCode(db, normalized);
  if (orderId === null) throw invalid('code', m.orderCodeUnknown);
  await refundOrder(db, providers, actor, orderId, reason, now);
}
