import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { stripePaymentUpdate, verifyStripeEvent } from '~/payments/stripe-webhook.server';
import { isUserError } from '~/lib/errors';

const SECRET = 'whsec_test_cho_phien';

function eventBody(type: string, object: Record<string, unknown>, id = 'evt_test_1') {
  return JSON.stringify({
    id,
    object: 'event',
    type,
    api_version: '2025-10-29',
    created: 1_760_000_000,
    data: { object },
    livemode: false,
    pending_webhooks: 1,
    request: null,
  });
}
const completed = eventBody('checkout.session.completed', {
  id: 'cs_test_1',
  object: 'checkout.session',
  client_reference_id: 'TT4KX9PQ7M',
  amount_total: 245000,
  currency: 'vnd',
  payment_status: 'paid',
  payment_intent: 'pi_test_1',
});
const sign = (payload: string, secret = SECRET, timestamp?: number) =>
  Stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp });

function expect400(run: () => unknown) {
  try {
    run();
    expect.unreachable();
  } catch (error) {
    expect(isUserError(error) && error.status).toBe(400);
    expect(isUserError(error) && error.userMessage.vi).toMatch(/Chữ ký/);
  }
}

describe('verifyStripeEvent', () => {
  it('returns the event for a correctly signed raw body, string or bytes', () => {
    const header = sign(completed);
    expect(verifyStripeEvent(completed, header, SECRET).id).toBe('evt_test_1');
    expect(verifyStripeEvent(Buffer.from(completed), header, SECRET).type).toBe(
      'checkout.session.completed',
    );
  });

  it('refuses a signature made with another secret', () =>
    expect400(() => verifyStripeEvent(completed, sign(completed, 'whsec_other'), SECRET)));
  it('refuses a tampered body', () =>
    expect400(() =>
      verifyStripeEvent(completed.replace('245000', '1000'), sign(completed), SECRET),
    ));
  it('refuses a missing header', () => expect400(() => verifyStripeEvent(completed, null, SECRET)));
  it('refuses a garbage header', () =>
    expect400(() => verifyStripeEvent(completed, 't=1,v1=abc', SECRET)));
  it('refuses when no secret is configured', () =>
    expect400(() => verifyStripeEvent(completed, sign(completed), '')));
  it('refuses a delivery signed more than five minutes ago (replayed)', () => {
    const tenMinutesAgo = Math.floor(Date.now() / 1000) - 600;
    expect400(() => verifyStripeEvent(completed, sign(completed, SECRET, tenMinutesAgo), SECRET));
  });
  it('accepts an old signature when told the time it was received', () => {
    const then = 1_760_000_000;
    expect(verifyStripeEvent(completed, sign(completed, SECRET, then), SECRET, then + 10).id).toBe(
      'evt_test_1',
    );
  });
  it('refuses a signed body that is not JSON', () =>
    expect400(() => verifyStripeEvent('not json', sign('not json'), SECRET)));
});

describe('stripePaymentUpdate', () => {
  const read = (payload: string) =>
    stripePaymentUpdate(verifyStripeEvent(payload, sign(payload), SECRET));

  it('reads a completed session in whole đồng with our reference', () => {
    expect(read(completed)).toEqual({
      kind: 'session_completed',
      eventId: 'evt_test_1',
      sessionId: 'cs_test_1',
      paymentIntentId: 'pi_test_1',
      reference: 'TT4KX9PQ7M',
      amountVnd: 245000,
      paid: true,
    });
  });

  it('reads an expired session', () => {
    const expired = eventBody(
      'checkout.session.expired',
      { id: 'cs_test_2', object: 'checkout.session', client_reference_id: 'TT4KX9PQ7M' },
      'evt_test_2',
    );
    expect(read(expired)).toEqual({
      kind: 'session_expired',
      eventId: 'evt_test_2',
      sessionId: 'cs_test_2',
      reference: 'TT4KX9PQ7M',
    });
  });

  it('reads a refunded charge', () => {
    const refunded = eventBody(
      'charge.refunded',
      {
        id: 'ch_test_1',
        object: 'charge',
        payment_intent: { id: 'pi_test_1' },
        amount_refunded: 245000,
      },
      'evt_test_3',
    );
    expect(read(refunded)).toEqual({
      kind: 'charge_refunded',
      eventId: 'evt_test_3',
      paymentIntentId: 'pi_test_1',
      amountRefundedVnd: 245000,
    });
  });

  it('ignores other event types', () => {
    const other = eventBody('customer.created', { id: 'cus_1', object: 'customer' }, 'evt_test_4');
    expect(read(other)).toEqual({
      kind: 'ignored',
      eventId: 'evt_test_4',
      type: 'customer.created',
    });
  });
});
