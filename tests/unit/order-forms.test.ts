import { describe, expect, it } from 'vitest';
import {
  accountFormValues,
  newPasswordSchema,
  signInSchema,
  signOutSchema,
  signUpSchema,
} from '~/accounts';
import { accountsMessages } from '~/i18n/messages/accounts';
import { commonMessages } from '~/i18n/messages/common';
import { ordersMessages } from '~/i18n/messages/orders';
import { paymentsMessages } from '~/i18n/messages/payments';
import { parseSubmission } from '~/lib/form';
import {
  addressFields,
  buyerOrderSchema,
  cartSchema,
  checkoutSchema,
  cooperativeOrderSchema,
  deliveryAddress,
  freeDeliverySchema,
  orderLookupSchema,
  payoutSchema,
} from '~/orders';
import { operatorPaymentSchema } from '~/payments';

// The form schemas of accounts, orders and payments: what each accepts, and the message of each refusal.

function form(entries: Record<string, string | string[]>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(entries)) for (const one of [v].flat()) data.append(k, one);
  return data;
}

/** A message as the form helper gives it back: its two texts. */
const plain = (message: { vi: string; en: string }) => ({ vi: message.vi, en: message.en });

function refused(result: ReturnType<typeof parseSubmission>) {
  if (result.ok) throw new Error('expected the form to be refused');
  return result.fieldErrors;
}

const address = {
  contactName: '  Nguyễn   Văn Mua ',
  contactPhone: '0912 345 678',
  contactEmail: 'Mua@Example.VN',
  provinceCode: '01',
  communeCode: '00004',
  street: '12  Hàng Bạc',
  note: '',
};

describe('checkoutSchema', () => {
  it('takes a form without a known intent as the address step and keeps the text as typed', () => {
    const result = parseSubmission(checkoutSchema, form(address));
    expect(result).toMatchObject({ ok: true, value: { intent: 'review' } });
    if (!result.ok) return;
    expect(addressFields(result.value)).toEqual({ ...address, contactName: 'Nguyễn   Văn Mua' });
    expect(deliveryAddress(result.value)).toEqual({
      contactName: 'Nguyễn Văn Mua',
      contactPhone: '+84912345678',
      contactEmail: 'mua@example.vn',
      provinceCode: '01',
      communeCode: '00004',
      street: '12 Hàng Bạc',
      note: '',
    });
  });

  it('reads the place step: payment method, cart version and the total as a number', () => {
    const result = parseSubmission(
      checkoutSchema,
      form({
        ...address,
        intent: 'place',
        paymentMethod: 'cod',
        cartVersion: '1:2:3',
        expectedTotalVnd: '150000',
      }),
    );
    expect(result).toMatchObject({
      ok: true,
      value: { intent: 'place', paymentMethod: 'cod', expectedTotalVnd: 150_000 },
    });
  });

  it('names every bad field with its message', () => {
    const errors = refused(
      parseSubmission(
        checkoutSchema,
        form({
          ...address,
          contactName: 'A',
          contactPhone: '12',
          contactEmail: 'x@',
          provinceCode: '',
          street: '',
          note: 'x'.repeat(501),
        }),
      ),
    );
    expect(errors).toEqual({
      contactName: plain(ordersMessages.contactNameLength),
      contactPhone: plain(ordersMessages.contactPhoneInvalid),
      contactEmail: plain(ordersMessages.contactEmailInvalid),
      provinceCode: plain(ordersMessages.deliveryProvinceRequired),
      street: plain(ordersMessages.streetLength),
      note: plain(ordersMessages.noteTooLong),
    });
  });
});

describe('cartSchema', () => {
  it('adds one unit when no quantity is given, and updates to zero', () => {
    expect(parseSubmission(cartSchema, form({ intent: 'add', productId: '12' }))).toEqual({
      ok: true,
      value: { intent: 'add', productId: 12, quantity: 1, redirectTo: '' },
    });
    expect(
      parseSubmission(cartSchema, form({ intent: 'update', productId: '12', quantity: '0' })),
    ).toEqual({ ok: true, value: { intent: 'update', productId: 12, quantity: 0 } });
    expect(parseSubmission(cartSchema, form({ intent: 'acknowledge' }))).toEqual({
      ok: true,
      value: { intent: 'acknowledge' },
    });
  });

  it('refuses a bad product, a quantity out of range and an unknown intent', () => {
    expect(refused(parseSubmission(cartSchema, form({ intent: 'add', productId: 'x' })))).toEqual({
      productId: plain(ordersMessages.productUnknown),
    });
    const tooMany = refused(
      parseSubmission(cartSchema, form({ intent: 'add', productId: '1', quantity: '1000' })),
    );
    expect(tooMany.quantity?.vi).toBe('Số lượng phải là số nguyên từ 1 đến 999.');
    const negative = refused(
      parseSubmission(cartSchema, form({ intent: 'update', productId: '1', quantity: '-1' })),
    );
    expect(negative.quantity?.en).toBe('The quantity must be a whole number from 0 to 999.');
    expect(refused(parseSubmission(cartSchema, form({ intent: 'empty' })))).toEqual({
      intent: plain(ordersMessages.unknownAction),
    });
  });
});

describe('order pages', () => {
  it('buyer: cancel with an optional reason or confirm; nothing else', () => {
    expect(parseSubmission(buyerOrderSchema, form({ intent: 'cancel', reason: '' }))).toEqual({
      ok: true,
      value: { intent: 'cancel', reason: undefined },
    });
    expect(refused(parseSubmission(buyerOrderSchema, form({ intent: 'pay' })))).toEqual({
      intent: plain(ordersMessages.unknownAction),
    });
  });

  it('lookup: an order code as people type it and a Vietnamese phone', () => {
    expect(
      parseSubmission(orderLookupSchema, form({ code: 'cp-7kq2 mxhd', phone: '+84 912 345 678' })),
    ).toMatchObject({ ok: true });
    expect(refused(parseSubmission(orderLookupSchema, form({ code: 'CP1', phone: '12' })))).toEqual(
      {
        code: plain(ordersMessages.orderCodeFormat),
        phone: plain(ordersMessages.contactPhoneInvalid),
      },
    );
  });

  it('cooperative: its steps only, lots ticked and typed together, texts of at most 200', () => {
    expect(
      parseSubmission(
        cooperativeOrderSchema,
        form({
          intent: 'ship',
          carrier: 'Viettel Post',
          trackingNumber: 'V1',
          lots: ['A', 'B, C'],
        }),
      ),
    ).toEqual({
      ok: true,
      value: {
        intent: 'ship',
        reason: '',
        carrier: 'Viettel Post',
        trackingNumber: 'V1',
        lots: ['A', 'B, C'],
      },
    });
    const errors = refused(
      parseSubmission(cooperativeOrderSchema, form({ intent: 'pay', carrier: 'x'.repeat(201) })),
    );
    expect(errors.intent).toEqual(plain(ordersMessages.unknownAction));
    expect(errors.carrier?.vi).toBe('Tối đa 200 ký tự.');
  });

  it('free delivery: đồng as typed, empty for none', () => {
    expect(
      parseSubmission(
        freeDeliverySchema,
        form({ organizationId: '3', freeDeliveryFrom: '500.000' }),
      ),
    ).toEqual({ ok: true, value: { organizationId: 3, freeDeliveryFrom: 500_000 } });
    expect(
      parseSubmission(freeDeliverySchema, form({ organizationId: '3', freeDeliveryFrom: '' })),
    ).toEqual({ ok: true, value: { organizationId: 3, freeDeliveryFrom: null } });
    expect(
      refused(
        parseSubmission(freeDeliverySchema, form({ organizationId: '3', freeDeliveryFrom: 'một' })),
      ),
    ).toEqual({ freeDeliveryFrom: plain(ordersMessages.freeDeliveryThreshold) });
  });

  it('payout: an amount of đồng and a transaction reference', () => {
    expect(
      parseSubmission(
        payoutSchema,
        form({ organizationId: '3', amount: '1.200.000', reference: 'FT-1' }),
      ),
    ).toEqual({ ok: true, value: { organizationId: 3, amount: 1_200_000, reference: 'FT-1' } });
    expect(
      refused(
        parseSubmission(payoutSchema, form({ organizationId: '3', amount: 'mười', reference: '' })),
      ),
    ).toEqual({
      amount: plain(ordersMessages.payoutAmount),
      reference: plain(ordersMessages.payoutReference),
    });
  });
});

describe('operatorPaymentSchema', () => {
  it('reads each of the three actions', () => {
    expect(
      parseSubmission(
        operatorPaymentSchema,
        form({ intent: 'received', reference: 'TT1', amount: '250.000', transactionId: 'FT123' }),
      ),
    ).toEqual({
      ok: true,
      value: { intent: 'received', reference: 'TT1', amount: 250_000, transactionId: 'FT123' },
    });
    expect(
      parseSubmission(
        operatorPaymentSchema,
        form({ intent: 'resolve', paymentEventId: '7', note: 'Đã hoàn' }),
      ),
    ).toEqual({ ok: true, value: { intent: 'resolve', paymentEventId: 7, note: 'Đã hoàn' } });
    expect(
      parseSubmission(
        operatorPaymentSchema,
        form({ intent: 'refund', code: 'CP7KQ2MXHD', reason: 'Hỏng' }),
      ),
    ).toMatchObject({ ok: true, value: { intent: 'refund', code: 'CP7KQ2MXHD' } });
  });

  it('refuses bad amounts, ids, notes, codes and intents with their messages', () => {
    expect(
      refused(
        parseSubmission(
          operatorPaymentSchema,
          form({ intent: 'received', amount: '0', transactionId: 'F' }),
        ),
      ),
    ).toEqual({
      amount: plain(paymentsMessages.receivedAmount),
      transactionId: plain(paymentsMessages.transactionIdLength),
    });
    expect(
      refused(
        parseSubmission(operatorPaymentSchema, form({ intent: 'resolve', paymentEventId: '1' })),
      ),
    ).toEqual({ note: plain(paymentsMessages.resolutionNote) });
    expect(
      refused(parseSubmission(operatorPaymentSchema, form({ intent: 'refund', code: 'CP1' }))),
    ).toEqual({ code: plain(paymentsMessages.orderCodeInvalid) });
    expect(refused(parseSubmission(operatorPaymentSchema, form({ intent: 'pay' })))).toEqual({
      intent: plain(paymentsMessages.unknownAction),
    });
  });
});

describe('account forms', () => {
  it('keep the password exactly as typed and clean the other fields', () => {
    const values = accountFormValues(
      form({ identifier: ' mai@example.vn ', password: ' mật khẩu có dấu cách ' }),
    );
    expect(values).toEqual({ identifier: 'mai@example.vn', password: ' mật khẩu có dấu cách ' });
    expect(parseSubmission(signInSchema, values)).toEqual({
      ok: true,
      value: { identifier: 'mai@example.vn', password: ' mật khẩu có dấu cách ', redirectTo: '' },
    });
  });

  it('sign-up: a name, a phone or e-mail, and a password the policy accepts', () => {
    expect(
      parseSubmission(
        signUpSchema,
        accountFormValues(
          form({
            displayName: 'Lò Thị Mai',
            identifier: '0912 345 678',
            password: 'che-shan-2026',
          }),
        ),
      ),
    ).toMatchObject({ ok: true, value: { identifier: '0912 345 678' } });
    const errors = refused(
      parseSubmission(
        signUpSchema,
        accountFormValues(form({ displayName: 'A', identifier: 'hello', password: '12345678' })),
      ),
    );
    expect(errors).toEqual({
      displayName: plain(accountsMessages.displayNameLength),
      identifier: plain(accountsMessages.identifierInvalid),
      password: plain(accountsMessages.passwordTooCommon),
    });
    const short = refused(parseSubmission(newPasswordSchema, accountFormValues(form({}))));
    expect(short.password?.vi).toBe('Mật khẩu cần ít nhất 8 ký tự.');
  });

  it('sign-out: everywhere only when asked', () => {
    expect(parseSubmission(signOutSchema, form({ everywhere: '1' }))).toEqual({
      ok: true,
      value: { everywhere: true },
    });
    expect(parseSubmission(signOutSchema, form({}))).toEqual({
      ok: true,
      value: { everywhere: false },
    });
  });

  it('answer a missing identifier with the identifier message, not a generic one', () => {
    const errors = refused(parseSubmission(signInSchema, form({})));
    expect(errors.identifier).toEqual(plain(accountsMessages.identifierInvalid));
    expect(errors.identifier).not.toEqual(plain(commonMessages.required));
  });
});
