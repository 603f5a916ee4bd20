import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getContactDetails, loadActor } from '~/accounts/index.server';
import { ordersMessages } from '~/i18n/messages/orders';
import { paymentsMessages } from '~/i18n/messages/payments';
import { isUserError } from '~/lib/errors';
import { changeCart } from '~/orders/cart-changes.server';
import { loadCart, newGuestCartToken } from '~/orders/cart.server';
import {
  actOnOrderAsBuyer,
  cancelCheckoutPart,
  getOrderPage,
  lookUpOrder,
  orderIdByCode,
} from '~/orders/buyer.server';
import {
  loadCheckoutPage,
  parseCheckoutForm,
  reviewCheckout,
  submitCheckout,
} from '~/orders/checkout-steps.server';
import { quoteCheckout } from '~/orders/checkout.server';
import { chosenOrganization, loadIncomingOrdersPage } from '~/orders/fulfilment.server';
import { loadBalancePage } from '~/orders/ledger.server';
import { listPayoutBalances } from '~/orders/payouts.server';
import { handleOperatorPayment } from '~/payments/operator.server';
import { createPaymentProviders } from '~/payments/providers.server';
import {
  firstOrderOf,
  guestCheckout,
  hanoiAddress,
  productsOfTwoCooperatives,
  SETTINGS,
} from '../helpers/checkout';
import { copyTemplateDatabase, type TestData } from '../helpers/test-db';

// The domain functions behind the order and payment pages, without HTTP.

let data: TestData;
beforeEach(() => {
  data = copyTemplateDatabase();
});
afterEach(async () => {
  await data.cleanup();
});

const userId = async (email: string) =>
  (
    await data.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', email)
      .executeTakeFirstOrThrow()
  ).id;
const actorOf = async (email: string) => {
  const actor = await loadActor(data.db, await userId(email));
  if (!actor) throw new Error(`no actor ${email}`);
  return actor;
};
const refusal = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    if (isUserError(error))
      return { status: error.status, field: error.field, vi: error.userMessage.vi };
    throw error;
  }
  throw new Error('expected a refusal');
};
const form = (entries: Record<string, string>) => {
  const values = new FormData();
  for (const [k, v] of Object.entries(entries)) values.append(k, v);
  return values;
};

describe('the checkout page', () => {
  it('opens only with a cart to check out, and fills in a signed-in buyer', async () => {
    const [a] = await productsOfTwoCooperatives(data.db);
    const owner = { guestToken: newGuestCartToken() };
    expect(await loadCheckoutPage(data.db, owner, null, '01')).toBeNull();
    await changeCart(data.db, owner, {
      intent: 'add',
      productId: a.id,
      quantity: 1,
      redirectTo: '',
    });
    const page = await loadCheckoutPage(data.db, owner, null, '01');
    expect(page?.prefill).toEqual({ name: '', phone: '', email: '' });
    expect(page?.communes.length).toBeGreaterThan(0);
    expect((await loadCheckoutPage(data.db, owner, null, '99'))?.communes).toEqual([]);
    const admin = await userId('admin@chophien.test');
    expect(await getContactDetails(data.db, admin)).toMatchObject({ email: 'admin@chophien.test' });
    const signedIn = { userId: admin };
    await changeCart(data.db, signedIn, {
      intent: 'add',
      productId: a.id,
      quantity: 1,
      redirectTo: '',
    });
    expect((await loadCheckoutPage(data.db, signedIn, admin, ''))?.prefill.email).toBe(
      'admin@chophien.test',
    );
  });

  it('reports the commune that is not in the province together with the other bad fields', async () => {
    const address = await hanoiAddress(data.db);
    const ok = await parseCheckoutForm(data.db, form({ intent: 'review', ...address }));
    expect(ok).toMatchObject({
      ok: true,
      value: { intent: 'review', communeCode: address.communeCode },
    });
    const bad = await parseCheckoutForm(
      data.db,
      form({ ...address, contactPhone: '12', provinceCode: '12' }),
    );
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.fieldErrors.contactPhone?.vi).toBe(ordersMessages.contactPhoneInvalid.vi);
    expect(bad.fieldErrors.communeCode?.vi).toBe(ordersMessages.deliveryCommuneRequired.vi);
    const unknownProvince = await parseCheckoutForm(
      data.db,
      form({ ...address, provinceCode: '77' }),
    );
    expect(unknownProvince.ok ? null : unknownProvince.fieldErrors.provinceCode?.vi).toBe(
      ordersMessages.deliveryProvinceRequired.vi,
    );
  });

  it('reviews the cart for the province, places it, and refuses a stale one with a fresh review', async () => {
    const [a, b] = await productsOfTwoCooperatives(data.db);
    const owner = { guestToken: newGuestCartToken() };
    for (const p of [a, b])
      await changeCart(data.db, owner, {
        intent: 'add',
        productId: p.id,
        quantity: 1,
        redirectTo: '',
      });
    const review = await reviewCheckout(data.db, owner, '01', SETTINGS.feeTable);
    const cart = await loadCart(data.db, owner);
    expect(review.totalVnd).toBe(quoteCheckout(cart, '01', SETTINGS.feeTable).totalVnd);
    expect(review.shipments).toHaveLength(2);
    const address = await hanoiAddress(data.db);
    const place = {
      intent: 'place' as const,
      ...address,
      paymentMethod: 'cod',
      cartVersion: review.cartVersion,
      expectedTotalVnd: review.totalVnd,
    };

    const stale = await submitCheckout(
      data.db,
      owner,
      null,
      { ...place, expectedTotalVnd: 1 },
      SETTINGS,
    );
    expect(stale).toMatchObject({ kind: 'refused', review: { totalVnd: review.totalVnd } });
    if (stale.kind === 'refused')
      expect(stale.error.userMessage.vi).toBe(ordersMessages.cartChanged.vi);

    const placed = await submitCheckout(data.db, owner, null, place, SETTINGS);
    expect(placed.kind).toBe('placed');
    expect(await submitCheckout(data.db, owner, null, place, SETTINGS)).toEqual({
      kind: 'cart_empty',
    });
  });
});

describe('the cart', () => {
  it('adds, updates, removes and acknowledges through one function', async () => {
    const [a] = await productsOfTwoCooperatives(data.db);
    const owner = { guestToken: newGuestCartToken() };
    expect(
      await changeCart(data.db, owner, {
        intent: 'add',
        productId: a.id,
        quantity: 2,
        redirectTo: '',
      }),
    ).toEqual({ quantity: 2, capped: false });
    expect(
      await changeCart(data.db, owner, { intent: 'update', productId: a.id, quantity: 5 }),
    ).toEqual({ quantity: 5, capped: false });
    await changeCart(data.db, owner, { intent: 'acknowledge' });
    await changeCart(data.db, owner, { intent: 'remove', productId: a.id });
    expect((await loadCart(data.db, owner)).itemCount).toBe(0);
    expect(
      await refusal(
        changeCart(data.db, owner, {
          intent: 'add',
          productId: 999_999,
          quantity: 1,
          redirectTo: '',
        }),
      ),
    ).toMatchObject({ status: 404, vi: ordersMessages.productGone.vi });
  });
});

describe("the buyer's order pages", () => {
  it('finds an order by code and phone, refuses bad ones, and slows down guessing', async () => {
    const [a] = await productsOfTwoCooperatives(data.db);
    const { placed } = await guestCheckout(data.db, [{ productId: a.id, quantity: 1 }], 'cod');
    const [code] = placed.orderCodes;
    if (!code) throw new Error('no order code');
    const phone = (await hanoiAddress(data.db)).contactPhone;
    expect(await lookUpOrder(data.db, 'net-1', { code: code.toLowerCase(), phone })).toBe(code);
    expect(await refusal(lookUpOrder(data.db, 'net-1', { code: 'CP1', phone }))).toMatchObject({
      status: 400,
      field: 'code',
      vi: ordersMessages.orderCodeFormat.vi,
    });
    expect(
      await refusal(lookUpOrder(data.db, 'net-1', { code, phone: '0900 000 000' })),
    ).toMatchObject({ status: 404, vi: ordersMessages.lookUpNoMatch.vi });
    for (let i = 0; i < 8; i++) await lookUpOrder(data.db, 'net-1', { code, phone });
    expect(await refusal(lookUpOrder(data.db, 'net-1', { code, phone }))).toMatchObject({
      status: 429,
    });
    expect(await lookUpOrder(data.db, 'net-2', { code, phone })).toBe(code);
  });

  it('shows the order to whoever proves it is theirs, and lets only the buyer act on it', async () => {
    const [a] = await productsOfTwoCooperatives(data.db);
    const { placed } = await guestCheckout(data.db, [{ productId: a.id, quantity: 1 }], 'vietqr');
    const order = await firstOrderOf(data.db, placed.checkoutId);
    const buyer = { role: 'buyer' as const, access: { checkoutToken: placed.accessToken } };
    const stranger = { role: 'buyer' as const, access: { checkoutToken: 'x'.repeat(43) } };
    expect(await refusal(getOrderPage(data.db, [stranger], order.code))).toMatchObject({
      status: 404,
      vi: ordersMessages.orderNotFoundLookUp.vi,
    });
    const page = await getOrderPage(data.db, [stranger, buyer], order.code);
    expect(page).toMatchObject({ buyerView: true, canCancel: true, canConfirm: false });
    const admin = { role: 'operator' as const, actor: await actorOf('admin@chophien.test') };
    expect(await getOrderPage(data.db, [admin], order.code)).toMatchObject({ buyerView: false });
    expect(await refusal(actOnOrderAsBuyer(data.db, [admin], order.code, 'cancel'))).toMatchObject({
      status: 400,
      vi: ordersMessages.buyerOnly.vi,
    });
    await actOnOrderAsBuyer(data.db, [buyer], order.code, 'cancel', 'Đặt nhầm');
    expect((await firstOrderOf(data.db, placed.checkoutId)).state).toBe('cancelled');
    expect(await orderIdByCode(data.db, order.code.toLowerCase())).toBe(order.id);
    expect(await orderIdByCode(data.db, 'CP22222222')).toBeNull();
  });

  it('cancels one part of a checkout from the checkout page with its key', async () => {
    const [a, b] = await productsOfTwoCooperatives(data.db);
    const { placed } = await guestCheckout(
      data.db,
      [
        { productId: a.id, quantity: 1 },
        { productId: b.id, quantity: 1 },
      ],
      'vietqr',
    );
    const viewer = { userId: null, isAdmin: false, token: placed.accessToken };
    const order = await firstOrderOf(data.db, placed.checkoutId);
    expect(await refusal(cancelCheckoutPart(data.db, placed.reference, viewer, -1))).toMatchObject({
      status: 400,
      field: 'orderId',
      vi: ordersMessages.orderNotFound.vi,
    });
    expect(
      await refusal(
        cancelCheckoutPart(
          data.db,
          placed.reference,
          { ...viewer, token: 'y'.repeat(43) },
          order.id,
        ),
      ),
    ).toMatchObject({ status: 404 });
    expect(await cancelCheckoutPart(data.db, placed.reference, viewer, order.id)).toBe(order.code);
    expect((await firstOrderOf(data.db, placed.checkoutId)).state).toBe('cancelled');
  });
});

describe("the seller channel's pages", () => {
  it("shows one's own cooperative, whatever id is asked for", async () => {
    const owner = await actorOf('htx-che-tam-duong@chophien.test');
    const [own] = owner.memberships;
    if (!own) throw new Error('the demo owner has no cooperative');
    const chosen = await chosenOrganization(data.db, owner, '999999');
    expect(chosen.organizationId).toBe(own.organizationId);
    const page = await loadIncomingOrdersPage(data.db, owner, { organization: null, view: 'nope' });
    expect(page).toMatchObject({ view: 'todo', isOwner: true, organizationId: own.organizationId });
    const buyer = await actorOf('admin@chophien.test');
    expect(
      await loadIncomingOrdersPage(
        data.db,
        { ...buyer, memberships: [] },
        { organization: null, view: null },
      ),
    ).toMatchObject({ organizationId: null, listing: null });
    const balance = await loadBalancePage(data.db, owner, String(own.organizationId));
    expect(balance.ledger?.organization.id).toBe(own.organizationId);
  });

  it('lists payout balances for the operator only', async () => {
    const owner = await actorOf('htx-che-tam-duong@chophien.test');
    expect(await refusal(listPayoutBalances(data.db, owner))).toMatchObject({ status: 403 });
    expect(
      Array.isArray(await listPayoutBalances(data.db, await actorOf('admin@chophien.test'))),
    ).toBe(true);
  });
});

describe("the operator's payment actions", () => {
  const providers = createPaymentProviders(
    {
      vietqr: null,
      bankWebhookSecret: null,
      stripe: null,
      gateways: { vnpay: null, momo: null, zalopay: null },
      cardPaymentMinutes: 30,
      bankTransferHours: 12,
      commissionPercent: 0,
      deliveryFeesJson: null,
    },
    async () => {},
  );

  it('marks a transfer received once, and refuses anyone but an admin', async () => {
    const [a] = await productsOfTwoCooperatives(data.db);
    const { placed } = await guestCheckout(data.db, [{ productId: a.id, quantity: 1 }], 'vietqr');
    const admin = await actorOf('admin@chophien.test');
    const received = {
      intent: 'received' as const,
      reference: placed.reference,
      amount: placed.totalVnd,
      transactionId: 'FT-OP-1',
    };
    const owner = await actorOf('htx-che-tam-duong@chophien.test');
    expect(await refusal(handleOperatorPayment(data.db, providers, owner, received))).toMatchObject(
      {
        status: 403,
      },
    );
    expect(await handleOperatorPayment(data.db, providers, admin, received)).toBe('applied');
    expect(await handleOperatorPayment(data.db, providers, admin, received)).toBe('duplicate');
    const event = await data.db
      .selectFrom('payment_events')
      .select('description')
      .where('external_id', '=', 'FT-OP-1')
      .executeTakeFirstOrThrow();
    expect(event.description).toBe(`Đánh dấu bởi quản trị viên #${admin.userId}`);
  });

  it('refunds by order code, naming an unknown code and an order that was never paid', async () => {
    const admin = await actorOf('admin@chophien.test');
    const refund = (code: string) =>
      handleOperatorPayment(data.db, providers, admin, { intent: 'refund', code, reason: 'Hỏng' });
    expect(await refusal(refund('CP22222222'))).toMatchObject({
      status: 400,
      field: 'code',
      vi: paymentsMessages.orderCodeUnknown.vi,
    });
    const [a] = await productsOfTwoCooperatives(data.db);
    const { placed } = await guestCheckout(data.db, [{ productId: a.id, quantity: 1 }], 'vietqr');
    const [code] = placed.orderCodes;
    if (!code) throw new Error('no order code');
    expect(await refusal(refund(code))).toMatchObject({
      status: 409,
      vi: paymentsMessages.nothingToRefund.vi,
    });
  });
});
