import type { DB } from '~db/connection.server';
import { paymentsMessages as m } from '~/i18n/messages/payments';
import { UserError } from '~/lib/errors';
import { type CheckoutViewer, getCheckoutForViewer } from '~/orders/index.server';
import type { PaymentProviders } from './providers.server';

// The buyer's checkout page (/dat-hang/:reference): what was ordered and how to pay for it.

/** The checkout with its orders and, while a bank transfer is awaited, the VietQR code to pay with. */
export async function loadCheckoutPaymentPage(
  db: DB,
  providers: PaymentProviders,
  reference: string,
  viewer: CheckoutViewer,
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
  return { ...found, step };
}

/** Opens the card payment of an awaiting card checkout: the Stripe Checkout page to send the buyer to. */
export async function startCardPayment(
  db: DB,
  providers: PaymentProviders,
  reference: string,
  viewer: CheckoutViewer,
  returnUrl: string,
): Promise<string> {
  const { checkout, orders } = await getCheckoutForViewer(db, reference, viewer);
  const card = providers.get('card');
  if (checkout.payment_method !== 'card' || checkout.payment_state !== 'awaiting' || !card)
    throw new UserError('not_awaiting', 409, m.notAwaitingCard);
  const step = await card.begin(
    {
      id: checkout.id,
      reference,
      totalVnd: checkout.total_vnd,
      payBy: checkout.pay_by,
      orders: orders.map((o) => ({
        code: o.code,
        organizationName: o.organization_name,
        totalVnd: o.total_vnd,
      })),
    },
    returnUrl,
  );
  if (step.kind !== 'redirect') throw new Error('card provider did not redirect');
  return step.url;
}
