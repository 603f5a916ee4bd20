import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ordersMessages } from '~/i18n/messages/orders';
import { isUserError } from '~/lib/errors';
import { parseSubmission } from '~/lib/form';
import { orderLookupSchema, orderStateName } from '~/orders';
import { lookUpOrders } from '~/orders/buyer.server';
import { guestCheckout, hanoiAddress, productsOfTwoCooperatives } from '../helpers/checkout';
import { copyTemplateDatabase, type TestData } from '../helpers/test-db';

let data: TestData;
beforeEach(() => {
  data = copyTemplateDatabase();
});
afterEach(async () => {
  await data.cleanup();
});

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!isUserError(error)) throw new Error(`expected a UserError, got ${String(error)}`);
  return { status: error.status, field: error.field, vi: error.userMessage.vi };
}

describe('the guest lookup by checkout code (TT…) or order code (CP…)', () => {
  it('lists every order of a checkout for its code and phone; one order for its own code', async () => {
    const [a, b] = await productsOfTwoCooperatives(data.db);
    const { placed } = await guestCheckout(
      data.db,
      [
        { productId: a.id, quantity: 1 },
        { productId: b.id, quantity: 1 },
      ],
      'cod',
    );
    const phone = (await hanoiAddress(data.db)).contactPhone;
    const typed = `${placed.reference.slice(0, 5).toLowerCase()} ${placed.reference.slice(5)}`;
    const found = await lookUpOrders(data.db, 'net-1', { code: typed, phone });
    expect(found.map((o) => o.code).sort()).toEqual([...placed.orderCodes].sort());
    expect(found.every((o) => o.state === 'cod_accepted')).toBe(true);

    const [one] = placed.orderCodes;
    const single = await lookUpOrders(data.db, 'net-1', { code: one ?? '', phone });
    expect(single.map((o) => o.code)).toEqual([one]);

    expect(
      await refusal(
        lookUpOrders(data.db, 'net-1', { code: placed.reference, phone: '0900000000' }),
      ),
    ).toMatchObject({ status: 404, vi: ordersMessages.lookUpNoMatch.vi });
    // A mistyped checkout code fails its check symbol: a format error, not a lookup.
    const broken = `${placed.reference.slice(0, -1)}${placed.reference.endsWith('2') ? '3' : '2'}`;
    expect(await refusal(lookUpOrders(data.db, 'net-1', { code: broken, phone }))).toMatchObject({
      status: 400,
      field: 'code',
    });
  });

  it('the lookup form accepts both kinds of code and refuses others', () => {
    const phone = '0912 345 678';
    expect(parseSubmission(orderLookupSchema, { code: 'CP7KQ2MXHD', phone }).ok).toBe(true);
    expect(parseSubmission(orderLookupSchema, { code: 'TT1', phone }).ok).toBe(false);
    expect(parseSubmission(orderLookupSchema, { code: 'XX7KQ2MXHD', phone }).ok).toBe(false);
  });
});

describe('order state names', () => {
  it('a cash-on-delivery order never reads "chờ thanh toán"; a VietQR order does until paid', () => {
    expect(orderStateName('placed', 'cod').vi).not.toMatch(/chờ thanh toán/i);
    expect(orderStateName('cod_accepted', 'cod').vi).not.toMatch(/chờ thanh toán/i);
    expect(orderStateName('placed', 'vietqr').vi).toMatch(/chờ thanh toán/i);
    expect(orderStateName('placed', 'card').en).toMatch(/awaiting payment/i);
    expect(orderStateName('placed').vi).toBe('Đã đặt hàng');
  });
});
