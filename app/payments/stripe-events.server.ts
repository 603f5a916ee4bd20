import type { DB } from '~db/connection.server';
import { applyOrderEventIn } from '~/orders/index.server';
import { expireCheckoutIn, recordIncomingPayment, type PaymentResult } from './payments.server';
import type { StripePaymentUpdate } from './stripe-webhook.server';
import { paymentsMessages as m } from '~/i18n/messages/payments';

/**
 * Applies one verified Stripe event. Idempotent: a completed session is recorded once per session
 * (so `completed` and `async_payment_succeeded` for one session count once), other events once per
 * event id. Tolerates any order of arrival: an expiry after the payment changes nothing, a payment
 * after our own expiry is held for review, a refund we made ourselves is recognised.
 */
export async function applyStripeUpdate(
  db: DB,
  update: StripePaymentUpdate,
  now = new Date(),
): Promise<string> {
  switch (update.kind) {
    case 'session_completed': {
      if (!update.paid) return 'awaiting_async_payment';
      const result: PaymentResult = await recordIncomingPayment(
        db,
        {
          provider: 'stripe',
          externalId: `session:${update.sessionId}`,
          amountVnd: update.amountVnd ?? 0,
          description: `Stripe ${update.sessionId}`,
          occurredAt: now.toISOString(),
          reference: update.reference,
          stripePaymentIntentId: update.paymentIntentId,
        },
        now,
      );
      return result.duplicate ? 'duplicate' : result.outcome;
    }
    case 'session_expired': {
      if (!update.reference) return 'ignored';
      const checkout = await db
        .selectFrom('checkouts')
        .select(['id', 'payment_state'])
        .where('reference', '=', update.reference)
        .executeTakeFirst();
      if (!checkout || checkout.payment_state !== 'awaiting') return 'ignored';
      return (await db
        .transaction()
        .execute((trx) => expireCheckoutIn(trx, checkout.id, now, { evenBeforeDeadline: true })))
        ? 'expired'
        : 'ignored';
    }
    case 'charge_refunded':
      return db.transaction().execute(async (trx) => {
        const seen = await trx
          .selectFrom('payment_events')
          .select('id')
          .where('provider', '=', 'stripe')
          .where('external_id', '=', update.eventId)
          .executeTakeFirst();
        if (seen || !update.paymentIntentId) return 'duplicate';
        const checkout = await trx
          .selectFrom('checkouts')
          .select(['id', 'total_vnd'])
          .where('stripe_payment_intent_id', '=', update.paymentIntentId)
          .executeTakeFirst();
        let outcome: 'refund' | 'held_unmatched' = 'refund';
        let review: 'none' | 'open' = 'none';
        if (!checkout) {
          outcome = 'held_unmatched';
          review = 'open';
        } else {
          const recorded = await trx
            .selectFrom('refunds')
            .innerJoin('orders', 'orders.id', 'refunds.order_id')
            .select((eb) =>
              eb.fn.coalesce(eb.fn.sum<number>('refunds.amount_vnd'), eb.lit(0)).as('sum'),
            )
            .where('orders.checkout_id', '=', checkout.id)
            .executeTakeFirstOrThrow();
          if (Number(recorded.sum) < update.amountRefundedVnd) {
            // Refunded from Stripe's dashboard: every order still holding money is refunded in full, or a person decides.
            const orders = await trx
              .selectFrom('orders')
              .select(['id', 'state', 'paid_vnd'])
              .where('checkout_id', '=', checkout.id)
              .where('paid_vnd', '>', 0)
              .where('state', 'in', ['cancelled', 'delivered', 'completed'])
              .execute();
            const owed = orders.reduce((n, o) => n + o.paid_vnd, 0);
            if (owed > 0 && update.amountRefundedVnd - Number(recorded.sum) >= owed) {
              for (const order of orders) {
                await trx
                  .insertInto('refunds')
                  .values({
                    order_id: order.id,
                    amount_vnd: order.paid_vnd,
                    method: 'stripe',
                    stripe_refund_id: null,
                    reason: 'Stripe',
                    created_by: null,
                    created_at: now.toISOString(),
                  })
                  .execute();
                await applyOrderEventIn(
                  trx,
                  { role: 'system' },
                  order.id,
                  'refund',
                  // Both languages: the history is read by the buyer and the cooperative alike.
                  { reason: `${m.refundedInStripe.vi} / ${m.refundedInStripe.en}` },
                  { now },
                );
                await trx
                  .updateTable('orders')
                  .set({ refund_due: 0 })
                  .where('id', '=', order.id)
                  .execute();
              }
            } else review = 'open';
          }
        }
        await trx
          .insertInto('payment_events')
          .values({
            provider: 'stripe',
            external_id: update.eventId,
            checkout_id: checkout?.id ?? null,
            amount_vnd: -update.amountRefundedVnd,
            description: `charge.refunded ${update.paymentIntentId}`,
            occurred_at: now.toISOString(),
            received_at: now.toISOString(),
            outcome,
            review_state: review,
            resolved_by: null,
            resolved_at: null,
            resolution_note: null,
          })
          .execute();
        return outcome;
      });
    case 'ignored':
      return 'ignored';
  }
}
