import type { DB } from '~db/connection.server';
import { queueEmail } from '~/email/index.server';
import { orderEmailText as mail } from '~/i18n/messages/orders';
import { formatVnd } from '~/lib/money';
import { orderStateName, type OrderEvent } from './order-state';

/** Events the buyer hears about by e-mail (when they gave an address). */
const BUYER_EVENTS: ReadonlySet<string> = new Set([
  'placed',
  'pay',
  'accept',
  'ship',
  'deliver',
  'cooperative_cancel',
  'operator_cancel',
  'expire',
  'refund',
]);
/** Events the cooperative's owners hear about: new work, and orders that go away. */
const COOPERATIVE_EVENTS: ReadonlySet<string> = new Set([
  'pay',
  'accept_cod',
  'buyer_cancel',
  'operator_cancel',
  'expire',
  'refund',
]);

/**
 * Queues the e-mails one order event causes, in the caller's transaction: the buyer's notice and,
 * when the cooperative has something to do or undo, its owners'. Vietnamese only (the texts are in
 * app/i18n/messages/orders.ts `orderEmailText`).
 */
export async function queueOrderEmails(
  trx: DB,
  orderId: number,
  event: OrderEvent | 'placed',
  now: Date,
): Promise<void> {
  const order = await trx
    .selectFrom('orders')
    .innerJoin('checkouts', 'checkouts.id', 'orders.checkout_id')
    .innerJoin('organizations', 'organizations.id', 'orders.organization_id')
    .select([
      'orders.code',
      'orders.state',
      'orders.total_vnd',
      'orders.organization_id',
      'orders.carrier',
      'orders.tracking_number',
      'orders.cancel_reason',
      'orders.payment_method',
      'checkouts.contact_email',
      'checkouts.contact_name',
      'organizations.name as organization_name',
    ])
    .where('orders.id', '=', orderId)
    .executeTakeFirstOrThrow();
  const state = orderStateName(order.state, order.payment_method).vi;
  const lines = [
    ...mail.summary({
      code: order.code,
      organization: order.organization_name,
      state,
      total: formatVnd(order.total_vnd),
    }),
    ...(order.carrier ? [mail.shipping(order.carrier, order.tracking_number ?? '')] : []),
    ...(order.cancel_reason ? [mail.reason(order.cancel_reason)] : []),
  ];
  const subject = mail.subject(order.code, state);
  if (order.contact_email && BUYER_EVENTS.has(event)) {
    await queueEmail(
      trx,
      {
        to: order.contact_email,
        subject,
        text: [mail.greeting(order.contact_name), '', ...lines, '', mail.buyerFooter].join('\n'),
      },
      now,
    );
  }
  if (COOPERATIVE_EVENTS.has(event)) {
    const owners = await trx
      .selectFrom('organization_members')
      .innerJoin('users', 'users.id', 'organization_members.user_id')
      .select('users.email')
      .where('organization_members.organization_id', '=', order.organization_id)
      .where('organization_members.role', '=', 'owner')
      .where('users.email', 'is not', null)
      .execute();
    for (const { email } of owners) {
      if (!email) continue;
      const text = [...lines, '', mail.cooperativeFooter].join('\n');
      await queueEmail(trx, { to: email, subject, text }, now);
    }
  }
}
