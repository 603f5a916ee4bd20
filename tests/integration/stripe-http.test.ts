import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FormClient } from '../helpers/browser-less';
import { type PaymentsServer, startPaymentsServer } from '../helpers/payments-http';

// Card payments over HTTP: the Stripe Checkout Session, Stripe's signed webhook (once, in any order),
// expiry and refunds through Stripe (against the fake Stripe of tests/helpers/fake-stripe.ts).

let ctx: PaymentsServer;
beforeAll(async () => {
  ctx = await startPaymentsServer();
});
afterAll(async () => {
  await ctx?.stop();
});

describe('Stripe cards', () => {
  it('sends the buyer to a VND Checkout Session and applies the signed webhook once, in any order', async () => {
    const buyer = new FormClient(ctx.server.url);
    const order = await ctx.placed(buyer, 'card');
    const go = await buyer.post(`/dat-hang/${order.reference}`, { intent: 'card' });
    expect(go.status).toBe(302);
    expect(go.headers.get('location')).toMatch(/^https:\/\/checkout\.stripe\.test\//);
    const [sessionId, params] = [...ctx.stripe.sessions].at(-1)!;
    expect(params).toMatchObject({
      currency: 'vnd',
      client_reference_id: order.reference,
      mode: 'payment',
    });
    const completed = {
      id: 'evt_completed_1',
      object: 'event',
      type: 'checkout.session.completed',
      data: {
        object: {
          id: sessionId,
          object: 'checkout.session',
          client_reference_id: order.reference,
          amount_total: order.total_vnd,
          payment_status: 'paid',
          payment_intent: 'pi_test_1',
        },
      },
    };

    expect((await ctx.stripeNotify(completed, 'whsec_wrong')).status).toBe(400);
    expect(await ctx.stateOf(order.id)).toEqual(['placed', 'placed']);
    const first = await ctx.stripeNotify(completed);
    expect(first.status).toBe(200);
    expect(await ctx.stateOf(order.id)).toEqual(['paid', 'paid']);
    expect(await (await ctx.stripeNotify(completed)).json()).toMatchObject({ result: 'duplicate' });
    // An expiry that arrives late changes nothing.
    const expired = {
      id: 'evt_expired_1',
      object: 'event',
      type: 'checkout.session.expired',
      data: {
        object: { id: sessionId, object: 'checkout.session', client_reference_id: order.reference },
      },
    };
    expect(await (await ctx.stripeNotify(expired)).json()).toMatchObject({ result: 'ignored' });
    expect(await ctx.stateOf(order.id)).toEqual(['paid', 'paid']);
  });

  it('expires a session reported expired, giving the stock back; a payment after that is held', async () => {
    const order = await ctx.placed(new FormClient(ctx.server.url), 'card');
    const stock = (
      await ctx.data.db
        .selectFrom('products')
        .select('stock')
        .where('id', '=', ctx.products[0].id)
        .executeTakeFirstOrThrow()
    ).stock;
    const expired = {
      id: 'evt_expired_2',
      object: 'event',
      type: 'checkout.session.expired',
      data: {
        object: { id: 'cs_x', object: 'checkout.session', client_reference_id: order.reference },
      },
    };
    expect(await (await ctx.stripeNotify(expired)).json()).toMatchObject({ result: 'expired' });
    expect(await ctx.stateOf(order.id)).toEqual(['cancelled', 'cancelled']);
    expect(
      (
        await ctx.data.db
          .selectFrom('products')
          .select('stock')
          .where('id', '=', ctx.products[0].id)
          .executeTakeFirstOrThrow()
      ).stock,
    ).toBe(stock + 1);
    const late = {
      id: 'evt_completed_2',
      object: 'event',
      type: 'checkout.session.completed',
      data: {
        object: {
          id: 'cs_late',
          object: 'checkout.session',
          client_reference_id: order.reference,
          amount_total: order.total_vnd,
          payment_status: 'paid',
          payment_intent: 'pi_late',
        },
      },
    };
    expect(await (await ctx.stripeNotify(late)).json()).toMatchObject({ result: 'held_late' });
  });

  it('refunds a cancelled card order through Stripe, once', async () => {
    const buyer = new FormClient(ctx.server.url);
    const order = await ctx.placed(buyer, 'card');
    const completed = {
      id: 'evt_completed_3',
      object: 'event',
      type: 'checkout.session.completed',
      data: {
        object: {
          id: 'cs_refund',
          object: 'checkout.session',
          client_reference_id: order.reference,
          amount_total: order.total_vnd,
          payment_status: 'paid',
          payment_intent: 'pi_refund',
        },
      },
    };
    await ctx.stripeNotify(completed);
    const first = await ctx.data.db
      .selectFrom('orders')
      .select(['id', 'code', 'paid_vnd'])
      .where('checkout_id', '=', order.id)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    expect(
      (
        await buyer.post(`/dat-hang/${order.reference}`, {
          intent: 'cancel',
          orderId: String(first.id),
        })
      ).status,
    ).toBe(200);
    const admin = new FormClient(ctx.server.url);
    await admin.post('/dang-nhap', {
      identifier: 'admin@chophien.test',
      password: 'chophien-admin-demo',
    });
    expect(await (await admin.get('/quan-tri/thanh-toan')).text()).toContain(first.code);
    expect(
      (
        await admin.post('/quan-tri/thanh-toan', {
          intent: 'refund',
          code: first.code,
          reason: 'Người mua huỷ',
        })
      ).status,
    ).toBe(200);
    expect(ctx.stripe.refunds.at(-1)).toMatchObject({
      payment_intent: 'pi_refund',
      amount: String(first.paid_vnd),
    });
    const again = await admin.post('/quan-tri/thanh-toan', {
      intent: 'refund',
      code: first.code,
      reason: 'Người mua huỷ',
    });
    expect(again.status).toBe(409);
    expect(ctx.stripe.refunds).toHaveLength(1);
    const refunded = {
      id: 'evt_refunded_1',
      object: 'event',
      type: 'charge.refunded',
      data: {
        object: {
          id: 'ch_1',
          object: 'charge',
          payment_intent: 'pi_refund',
          amount_refunded: first.paid_vnd,
        },
      },
    };
    expect(await (await ctx.stripeNotify(refunded)).json()).toMatchObject({ result: 'refund' });
    expect(
      (
        await ctx.data.db
          .selectFrom('orders')
          .select('state')
          .where('id', '=', first.id)
          .executeTakeFirstOrThrow()
      ).state,
    ).toBe('refunded');
  });
});
