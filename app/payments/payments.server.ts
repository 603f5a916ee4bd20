import type { DB } from '~db/connection.server';
import type { GatewayName, PaymentOutcome } from '~db/schema-orders';
import { recordAudit } from '~/audit/index.server';
import { applyOrderEventIn } from '~/orders/index.server';

/** Money that reached the operator's account or Stripe, as one provider reports it. */
export interface IncomingPayment {
  provider: 'bank' | 'stripe' | 'operator' | GatewayName;
  /** The provider's transaction or event id: a second report of it changes nothing. */
  externalId: string;
  amountVnd: number;
  description: string;
  occurredAt: string;
  /** Our checkout reference, when the report carries one. */
  reference: string | null;
  stripePaymentIntentId?: string | null;
  /** The gateway transaction (VNPay, MoMo, ZaloPay), kept on the checkout it pays to refund it later. */
  gateway?: { orderId: string; transactionId: string; paidAt: string } | null;
  /** The operator who marked a transfer received (provider "operator"). */
  operatorUserId?: number | null;
}

export interface PaymentResult {
  outcome: PaymentOutcome;
  duplicate: boolean;
  checkoutId: number | null;
}

/** Outcomes a person must look at: money we hold that paid nothing, or more than was due. */
const NEEDS_REVIEW: ReadonlySet<PaymentOutcome> = new Set([
  'held_unmatched',
  'held_short',
  'held_late',
  'held_already_paid',
  'applied_overpaid',
]);

/**
 * Records a payment once per provider transaction and applies it. A checkout is marked paid only
 * when everything received for it covers its total while it still holds its stock; money that is
 * short, late (after the stock was given back), unmatched or for an already paid checkout is kept
 * as a payment event for the operator to review — never dropped, never half-applied.
 */
export async function recordIncomingPayment(
  db: DB,
  payment: IncomingPayment,
  now = new Date(),
): Promise<PaymentResult> {
  return db.transaction().execute(async (trx) => {
    const seen = await trx
      .selectFrom('payment_events')
      .select(['outcome', 'checkout_id'])
      .where('provider', '=', payment.provider)
      .where('external_id', '=', payment.externalId)
      .executeTakeFirst();
    if (seen) return { outcome: seen.outcome, duplicate: true, checkoutId: seen.checkout_id };

    const checkout = payment.reference
      ? await trx
          .selectFrom('checkouts')
          .select(['id', 'payment_state', 'payment_method', 'total_vnd', 'received_vnd'])
          .where('reference', '=', payment.reference)
          .executeTakeFirst()
      : undefined;
    let outcome: PaymentOutcome;
    if (!checkout || checkout.payment_method === 'cod') outcome = 'held_unmatched';
    else if (checkout.payment_state === 'paid') outcome = 'held_already_paid';
    else if (checkout.payment_state !== 'awaiting') outcome = 'held_late';
    else {
      const received = checkout.received_vnd + payment.amountVnd;
      await trx
        .updateTable('checkouts')
        .set({ received_vnd: received })
        .where('id', '=', checkout.id)
        .execute();
      if (received < checkout.total_vnd) outcome = 'held_short';
      else {
        await markCheckoutPaid(trx, checkout.id, payment, now);
        outcome = received > checkout.total_vnd ? 'applied_overpaid' : 'applied';
      }
    }
    if (checkout && (outcome === 'held_late' || outcome === 'held_already_paid')) {
      await trx
        .updateTable('checkouts')
        .set((eb) => ({ received_vnd: eb('received_vnd', '+', payment.amountVnd) }))
        .where('id', '=', checkout.id)
        .execute();
    }
    const at = now.toISOString();
    await trx
      .insertInto('payment_events')
      .values({
        provider: payment.provider,
        external_id: payment.externalId,
        checkout_id: checkout?.id ?? null,
        amount_vnd: payment.amountVnd,
        description: payment.description.slice(0, 1000),
        occurred_at: payment.occurredAt,
        received_at: at,
        outcome,
        review_state: NEEDS_REVIEW.has(outcome) ? 'open' : 'none',
        resolved_by: null,
        resolved_at: null,
        resolution_note: null,
      })
      .execute();
    if (payment.provider === 'operator' && payment.operatorUserId) {
      await recordAudit(
        trx,
        {
          actorUserId: payment.operatorUserId,
          organizationId: null,
          provinceCode: null,
          action: 'payment.marked_received',
          entityType: 'payment',
          entityId: checkout?.id ?? 0,
          changes: {
            amountVnd: [null, payment.amountVnd],
            outcome: [null, outcome],
            reference: [null, payment.reference],
          },
        },
        now,
      );
    }
    return { outcome, duplicate: false, checkoutId: checkout?.id ?? null };
  });
}

async function markCheckoutPaid(
  trx: DB,
  checkoutId: number,
  payment: IncomingPayment,
  now: Date,
): Promise<void> {
  await trx
    .updateTable('checkouts')
    .set({
      payment_state: 'paid',
      paid_at: now.toISOString(),
      pay_by: null,
      ...(payment.stripePaymentIntentId
        ? { stripe_payment_intent_id: payment.stripePaymentIntentId }
        : {}),
      ...(payment.gateway
        ? {
            gateway_order_id: payment.gateway.orderId,
            gateway_transaction_id: payment.gateway.transactionId,
            gateway_paid_at: payment.gateway.paidAt,
          }
        : {}),
    })
    .where('id', '=', checkoutId)
    .execute();
  const orders = await trx
    .selectFrom('orders')
    .select(['id', 'state', 'total_vnd'])
    .where('checkout_id', '=', checkoutId)
    .execute();
  for (const order of orders) {
    if (order.state !== 'placed') continue;
    await trx
      .updateTable('orders')
      .set({ paid_vnd: order.total_vnd })
      .where('id', '=', order.id)
      .execute();
    await applyOrderEventIn(trx, { role: 'system' }, order.id, 'pay', {}, { now });
  }
}

/**
 * Gives back the stock of card and bank-transfer checkouts not paid in time. Each checkout is its
 * own transaction, re-checked inside it, so a payment landing at the same moment wins or loses
 * cleanly. Returns how many checkouts expired.
 */
export async function expireUnpaidCheckouts(db: DB, now = new Date()): Promise<number> {
  const due = await db
    .selectFrom('checkouts')
    .select('id')
    .where('payment_state', '=', 'awaiting')
    .where('pay_by', '<=', now.toISOString())
    .limit(500)
    .execute();
  let expired = 0;
  for (const { id } of due) {
    if (await db.transaction().execute((trx) => expireCheckoutIn(trx, id, now))) expired++;
  }
  return expired;
}

/** Expires one awaiting checkout and its placed orders (stock back on sale); false if it was no longer awaiting. */
export async function expireCheckoutIn(
  trx: DB,
  checkoutId: number,
  now: Date,
  options: { evenBeforeDeadline?: boolean } = {},
): Promise<boolean> {
  let query = trx
    .updateTable('checkouts')
    .set({ payment_state: 'expired' })
    .where('id', '=', checkoutId)
    .where('payment_state', '=', 'awaiting');
  if (!options.evenBeforeDeadline) query = query.where('pay_by', '<=', now.toISOString());
  const changed = await query.executeTakeFirst();
  if (Number(changed.numUpdatedRows) !== 1) return false;
  const orders = await trx
    .selectFrom('orders')
    .select(['id', 'state'])
    .where('checkout_id', '=', checkoutId)
    .execute();
  for (const order of orders) {
    if (order.state === 'placed')
      await applyOrderEventIn(trx, { role: 'system' }, order.id, 'expire', {}, { now });
  }
  return true;
}

/** Payment events waiting for the operator. */
export async function listPaymentsToReview(db: DB) {
  return db
    .selectFrom('payment_events')
    .leftJoin('checkouts', 'checkouts.id', 'payment_events.checkout_id')
    .select([
      'payment_events.id',
      'payment_events.provider',
      'payment_events.external_id',
      'payment_events.amount_vnd',
      'payment_events.description',
      'payment_events.occurred_at',
      'payment_events.outcome',
      'checkouts.reference',
      'checkouts.total_vnd',
      'checkouts.received_vnd',
      'checkouts.payment_state',
    ])
    .where('payment_events.review_state', '=', 'open')
    .orderBy('payment_events.received_at')
    .execute();
}

/** The operator closes a held payment with what they did about it (returned it, applied it by hand…). */
export async function resolveHeldPayment(
  db: DB,
  operatorUserId: number,
  paymentEventId: number,
  note: string,
  now = new Date(),
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('payment_events')
      .set({
        review_state: 'resolved',
        resolved_by: operatorUserId,
        resolved_at: now.toISOString(),
        resolution_note: note,
      })
      .where('id', '=', paymentEventId)
      .where('review_state', '=', 'open')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) return;
    await recordAudit(
      trx,
      {
        actorUserId: operatorUserId,
        organizationId: null,
        provinceCode: null,
        action: 'payment.resolved',
        entityType: 'payment',
        entityId: paymentEventId,
        changes: { note: [null, note] },
      },
      now,
    );
  });
}

/** Bank-transfer checkouts still waiting for money, oldest first (the operator can mark them received). */
export async function listAwaitingTransfers(db: DB, limit = 200) {
  return db
    .selectFrom('checkouts')
    .select([
      'id',
      'reference',
      'contact_name',
      'contact_phone',
      'total_vnd',
      'received_vnd',
      'pay_by',
      'created_at',
    ])
    .where('payment_state', '=', 'awaiting')
    .where('payment_method', '=', 'vietqr')
    .orderBy('created_at')
    .limit(limit)
    .execute();
}
