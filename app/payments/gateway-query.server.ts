import type { DB } from '~db/connection.server';
import type { GatewayName, PaymentOutcome } from '~db/schema-orders';
import { requireAdmin, type Actor } from '~/accounts';
import { recordAudit } from '~/audit/index.server';
import { formatMessage } from '~/i18n/messages';
import { gatewayQueryMessages as m } from '~/i18n/messages/gateway-query';
import { UserError } from '~/lib/errors';
import { recordGatewayPayment } from './gateway-notifications.server';
import type { GatewayQueryResult } from './gateways.server';
import { isForgedAnswer } from './providers/hmac';
import type { PaymentProviders } from './providers.server';

// "Check with the gateway": when a VNPay, MoMo or ZaloPay notification never arrived, the operator
// asks the gateway's query API about the checkout's latest attempt. A payment the gateway reports as
// done is recorded exactly as its notification would have been (recordIncomingPayment: once per
// gateway transaction, amount checked, late or short money held); anything else is only shown.

const NAMES: Record<GatewayName, string> = { vnpay: 'VNPay', momo: 'MoMo', zalopay: 'ZaloPay' };

export type GatewayCheck =
  | { kind: 'recorded'; gateway: GatewayName; outcome: PaymentOutcome; duplicate: boolean }
  | {
      kind: 'state';
      gateway: GatewayName;
      status: Exclude<GatewayQueryResult['status'], 'paid'>;
      code: string;
    };

export async function checkWithGateway(
  db: DB,
  providers: PaymentProviders,
  actor: Actor,
  reference: string,
  now = new Date(),
): Promise<GatewayCheck> {
  requireAdmin(actor);
  const checkout = await db
    .selectFrom('checkouts')
    .select(['id', 'payment_method', 'payment_state', 'gateway_order_id'])
    .where('reference', '=', reference)
    .executeTakeFirst();
  if (!checkout) throw new UserError('checkout_not_found', 404, m.checkoutNotFound, 'reference');
  const provider = providers.gateway(checkout.payment_method);
  if (!provider) throw new UserError('not_gateway', 409, m.notGateway, 'reference');
  if (!checkout.gateway_order_id) throw new UserError('never_sent', 409, m.neverSent, 'reference');
  const gateway = provider.method;
  const orderId = checkout.gateway_order_id;

  let answer: GatewayQueryResult;
  try {
    answer = await provider.queryPayment(orderId, now);
  } catch (error) {
    const forged = isForgedAnswer(error);
    await audit(
      db,
      actor,
      checkout.id,
      { gateway, orderId, answer: forged ? 'forged' : 'unreachable' },
      now,
    );
    const reason = error instanceof Error ? error.message.slice(0, 200) : String(error);
    throw forged
      ? new UserError('gateway_forged', 409, formatMessage(m.forged, { gateway: NAMES[gateway] }))
      : new UserError(
          'gateway_unreachable',
          409,
          formatMessage(m.unreachable, { gateway: NAMES[gateway], reason }),
        );
  }

  if (answer.status !== 'paid') {
    await audit(
      db,
      actor,
      checkout.id,
      { gateway, orderId, answer: answer.status, code: answer.code },
      now,
    );
    return { kind: 'state', gateway, status: answer.status, code: answer.code };
  }
  const verdict = await recordGatewayPayment(
    db,
    gateway,
    {
      orderId,
      transactionId: answer.transactionId,
      amountVnd: answer.amountVnd,
      paidAt: answer.paidAt,
      description: `${NAMES[gateway]} ${answer.transactionId} ${orderId} (hỏi cổng / query)`,
    },
    now,
  );
  if (verdict.kind !== 'recorded') throw new Error('recordGatewayPayment did not record');
  await audit(
    db,
    actor,
    checkout.id,
    {
      gateway,
      orderId,
      answer: 'paid',
      transactionId: answer.transactionId,
      outcome: verdict.outcome,
      duplicate: verdict.duplicate,
    },
    now,
  );
  return { kind: 'recorded', gateway, outcome: verdict.outcome, duplicate: verdict.duplicate };
}

async function audit(
  db: DB,
  actor: Actor,
  checkoutId: number,
  what: Record<string, unknown>,
  now: Date,
) {
  await recordAudit(
    db,
    {
      actorUserId: actor.userId,
      organizationId: null,
      provinceCode: null,
      entityType: 'payment',
      entityId: checkoutId,
      action: 'payment.gateway_queried',
      changes: Object.fromEntries(Object.entries(what).map(([k, v]) => [k, [null, v]])),
    },
    now,
  );
}

/** VNPay, MoMo and ZaloPay checkouts still awaiting money whose buyer went to the gateway. */
export async function listAwaitingGatewayCheckouts(db: DB, limit = 200) {
  return db
    .selectFrom('checkouts')
    .select([
      'id',
      'reference',
      'contact_name',
      'payment_method',
      'total_vnd',
      'received_vnd',
      'pay_by',
    ])
    .where('payment_state', '=', 'awaiting')
    .where('payment_method', 'in', ['vnpay', 'momo', 'zalopay'])
    .where('gateway_order_id', 'is not', null)
    .orderBy('created_at')
    .limit(limit)
    .execute();
}
