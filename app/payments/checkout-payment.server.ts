import type { DB } from '~db/connection.server';
import { paymentsMessages as m } from '~/i18n/messages/payments';
import { UserError } from '~/lib/errors';
import { type CheckoutViewer, getCheckoutForViewer } from '~/orders/index.server';
import type { GatewaysConfig } from '~/lib/gateway-config.server';
import { gatewayReturn } from './gateway-notifications.server';
import type { GatewayContext } from './gateways.server';
import type { PaymentProviders } from './providers.server';

// The buyer's checkout page (/dat-hang/:reference): what was ordered and how to pay for it.

/** The checkout with its orders and, while a bank transfer is awaited, the VietQR code to pay with. */
export async function loadCheckoutPaymentPage(
  db: DB,
  providers: PaymentProviders,
  reference: string,
  viewer: CheckoutViewer,
  /** The query string the buyer came back from a gateway with (`?cong=momo&…`), if any. */
  returned?: { gateways: GatewaysConfig; query: URLSearchParams },
) {
  const found = await getCheckoutForViewer(db, reference, viewer);
  const { checkout } = found;
  const provider = providers.get(checkout.payment_method);
  const step =
    checkout.payment_state === 'awaiting' && checkout.payment_method === 'vietqr' && provider
      ? await provider.begin(
          {
            id: checkout.id,
            reference,
            totalVnd: checkout.total_vnd - checkout.received_vnd,
            payBy: checkout.pay_by,
            orders: [],
          },
          '',
        )
      : null;
  const gatewayResult = returned ? gatewayReturn(returned.gateways, returned.query) : null;
  return { ...found, step, gatewayResult };
}

/**
 * Opens the online payment of an awaiting card, VNPay, MoMo or ZaloPay checkout: the Stripe Checkout
 * or gateway page to send the buyer to. Each call is a new attempt at the gateway.
 */
export async function startCardPayment(
  db: DB,
  providers: PaymentProviders,
  reference: string,
  viewer: CheckoutViewer,
  returnUrl: string,
  context?: GatewayContext,
): Promise<string> {
  const { checkout, orders } = await getCheckoutForViewer(db, reference, viewer);
  const gateway = providers.gateway(checkout.payment_method);
  const card = checkout.payment_method === 'card' ? providers.get('card') : null;
  if (checkout.payment_state !== 'awaiting' || !(gateway || card))
    throw new UserError('not_awaiting', 409, m.notAwaitingCard);
  const forPayment = {
    id: checkout.id,
    reference,
    // What is still due: a short payment already received counts.
    totalVnd: checkout.total_vnd - (gateway ? checkout.received_vnd : 0),
    payBy: checkout.pay_by,
    orders: orders.map((o) => ({
      code: o.code,
      organizationName: o.organization_name,
      totalVnd: o.total_vnd,
    })),
  };
  if (gateway) {
    if (!context) throw new Error('a gateway payment needs the buyer context');
    const attempt = await gateway.beginAt(forPayment, returnUrl, context);
    // The latest attempt, so the operator can ask the gateway about it if its notification is lost.
    await db
      .updateTable('checkouts')
      .set({ gateway_order_id: attempt.orderId })
      .where('id', '=', checkout.id)
      .where('payment_state', '=', 'awaiting')
      .execute();
    return attempt.url;
  }
  const step = await card!.begin(forPayment, returnUrl);
  if (step.kind !== 'redirect') throw new Error('card provider did not redirect');
  return step.url;
}
