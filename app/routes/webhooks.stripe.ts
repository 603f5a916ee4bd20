import type { ActionFunctionArgs } from '@remix-run/node';
import { isUserError } from '~/lib/errors';
import { applyStripeUpdate, stripePaymentUpdate, verifyStripeEvent } from '~/payments/index.server';

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' },
  });

/** Stripe's webhook: signature checked on the raw body; every verified event answered 200 once applied (or seen before). */
export async function action({ request, context }: ActionFunctionArgs) {
  const { config, db, log } = context.services;
  if (request.method !== 'POST') return json({ error: 'method not allowed' }, 405);
  const secret = config.payments.stripe?.webhookSecret;
  if (!secret) return json({ error: 'stripe webhook not configured' }, 404);
  const raw = Buffer.from(await request.arrayBuffer());
  try {
    const event = verifyStripeEvent(raw, request.headers.get('stripe-signature'), secret);
    const result = await applyStripeUpdate(db, stripePaymentUpdate(event));
    return json({ received: true, result });
  } catch (error) {
    if (isUserError(error)) {
      log.warn('stripe webhook refused', { reason: error.userMessage.en });
      return json({ error: error.userMessage.en }, error.status);
    }
    throw error;
  }
}

export function loader() {
  return json({ error: 'method not allowed' }, 405);
}
