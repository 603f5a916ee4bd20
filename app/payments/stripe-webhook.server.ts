import Stripe from 'stripe';
import { paymentsMessages as m } from '~/i18n/messages/payments';
import { UserError } from '~/lib/errors';

const badSignature = () => new UserError('bad_signature', 400, m.stripeSignatureInvalid);

/**
 * Verifies `Stripe-Signature` over the exact raw body (with Stripe's default 5-minute tolerance
 * against replays of old deliveries) and returns the event. Any failure is a 400 so Stripe
 * shows it as failed, and nothing is changed.
 */
export function verifyStripeEvent(
  rawBody: string | Buffer,
  signatureHeader: string | null | undefined,
  webhookSecret: string,
  nowSeconds?: number,
): Stripe.Event {
  if (!signatureHeader || !webhookSecret) throw badSignature();
  try {
    return Stripe.webhooks.constructEvent(
      rawBody,
      signatureHeader,
      webhookSecret,
      undefined,
      undefined,
      nowSeconds,
    );
  } catch (error) {
    if (error instanceof Stripe.errors.StripeSignatureVerificationError) throw badSignature();
    // A body that is not JSON fails after the signature check; still the sender's fault.
    if (error instanceof SyntaxError) throw badSignature();
    throw error;
  }
}

/** What an event means for us; everything else Stripe may send is acknowledged and ignored. */
export type StripePaymentUpdate =
  | {
      kind: 'session_completed';
      eventId: string;
      sessionId: string;
      paymentIntentId: string | null;
      reference: string | null;
      amountVnd: number | null;
      paid: boolean;
    }
  | { kind: 'session_expired'; eventId: string; sessionId: string; reference: string | null }
  | {
      kind: 'charge_refunded';
      eventId: string;
      paymentIntentId: string | null;
      amountRefundedVnd: number;
    }
  | { kind: 'ignored'; eventId: string; type: string };

/**
 * Reduces an event to the update we act on. VND is zero-decimal in Stripe, so amounts are already
 * whole đồng. Our payment reference travels as the session's `client_reference_id`.
 */
export function stripePaymentUpdate(event: Stripe.Event): StripePaymentUpdate {
  switch (event.type) {
    case 'checkout.session.completed':
    case 'checkout.session.async_payment_succeeded': {
      const session = event.data.object;
      return {
        kind: 'session_completed',
        eventId: event.id,
        sessionId: session.id,
        paymentIntentId: idOf(session.payment_intent),
        reference: session.client_reference_id ?? null,
        amountVnd: session.amount_total ?? null,
        paid: session.payment_status === 'paid',
      };
    }
    case 'checkout.session.expired': {
      const session = event.data.object;
      return {
        kind: 'session_expired',
        eventId: event.id,
        sessionId: session.id,
        reference: session.client_reference_id ?? null,
      };
    }
    case 'charge.refunded': {
      const charge = event.data.object;
      return {
        kind: 'charge_refunded',
        eventId: event.id,
        paymentIntentId: idOf(charge.payment_intent),
        amountRefundedVnd: charge.amount_refunded,
      };
    }
    default:
      return { kind: 'ignored', eventId: event.id, type: event.type };
  }
}

function idOf(value: string | { id: string } | null | undefined): string | null {
  if (!value) return null;
  return typeof value === 'string' ? value : value.id;
}
