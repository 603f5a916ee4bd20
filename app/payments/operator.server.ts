import type { DB } from '~db/connection.server';
import { requireAdmin, type Actor } from '~/accounts';
import { formatMessage } from '~/i18n/messages';
import { paymentsMessages as m } from '~/i18n/messages/payments';
import type { PaymentOutcome } from '~db/schema-orders';
import type { OperatorPaymentForm } from './payment-forms';
import { recordIncomingPayment, resolveHeldPayment } from './payments.server';
import type { PaymentProviders } from './providers.server';
import { refundOrderByCode } from './refunds.server';

export type OperatorPaymentDone = PaymentOutcome | 'duplicate' | 'resolved' | 'refunded';

/**
 * One of the operator's payment actions (`operatorPaymentSchema`): mark a bank transfer received by
 * hand, close a held payment with what was done about it, or refund an order. Admins only.
 * (`query`, asking a gateway, is checkWithGateway in gateway-query.server.ts.)
 */
export async function handleOperatorPayment(
  db: DB,
  providers: PaymentProviders,
  actor: Actor,
  form: Exclude<OperatorPaymentForm, { intent: 'query' }>,
  now = new Date(),
): Promise<OperatorPaymentDone> {
  requireAdmin(actor);
  switch (form.intent) {
    case 'received': {
      const result = await recordIncomingPayment(
        db,
        {
          provider: 'operator',
          externalId: form.transactionId,
          amountVnd: form.amount,
          // Kept with the payment for the operators, who read Vietnamese.
          description: formatMessage(m.markedByOperator, { id: actor.userId }).vi,
          occurredAt: now.toISOString(),
          reference: form.reference,
          operatorUserId: actor.userId,
        },
        now,
      );
      return result.duplicate ? 'duplicate' : result.outcome;
    }
    case 'resolve':
      await resolveHeldPayment(db, actor.userId, form.paymentEventId, form.note, now);
      return 'resolved';
    case 'refund':
      await refundOrderByCode(db, providers, actor, form.code, form.reason, now);
      return 'refunded';
  }
}
