import { z } from 'zod';
import { normalizeVietnamesePhone } from '~/accounts';
import { defineMessages, formatMessage } from '~/i18n/messages';
import { ordersMessages as m } from '~/i18n/messages/orders';
import { formField, msg } from '~/lib/form';
import { parseVnd } from '~/lib/money';
import { MAX_LINE_QUANTITY } from './cart-limits';
import { COOPERATIVE_EVENTS } from './fulfilment';
import { normalizeOrderCode, normalizePaymentReference } from './order-code';

// The order forms other than checkout (app/orders/checkout-form.ts): the cart, the buyer's order page,
// the guest lookup, the cooperative's order page and free-delivery threshold, the operator's payouts.
// Each route parses its form with one of these; the domain functions check again what they rely on.

/** Messages with the form's numbers filled in, keyed so the schemas can carry them. */
const limits = defineMessages('orderFormLimits', {
  quantityFromOne: formatMessage(m.quantityRange, { min: 1, max: MAX_LINE_QUANTITY }),
  quantityFromZero: formatMessage(m.quantityRange, { min: 0, max: MAX_LINE_QUANTITY }),
  textTooLong: formatMessage(m.textTooLong, { max: 200 }),
});

/** A database id typed by no one (a hidden field): digits only. */
const id = (message = m.productUnknown) =>
  z.preprocess(
    (v) => (typeof v === 'string' && /^\d{1,12}$/.test(v) ? Number(v) : v),
    z.number(msg(message)).int(msg(message)).positive(msg(message)),
  );

/** An amount of đồng as people type it (`120.000`, `120000 ₫`); empty is null when `optional`. */
const vnd = (message: Parameters<typeof msg>[0]) =>
  z.string(msg(message)).transform((value, ctx) => {
    const amount = parseVnd(value);
    if (amount === null) ctx.addIssue({ code: 'custom', message: message.key });
    return amount ?? 0;
  });

/** The cart's buttons: add (from a product page), change a quantity, remove a line, accept changes. */
export const cartSchema = z.discriminatedUnion(
  'intent',
  [
    z.object({
      intent: z.literal('add'),
      productId: id(),
      quantity: z.preprocess(
        (v) => (v === '' || v === undefined ? '1' : v),
        formField.int({ min: 1, max: MAX_LINE_QUANTITY, message: limits.quantityFromOne }),
      ),
      redirectTo: z.string().default(''),
    }),
    z.object({
      intent: z.literal('update'),
      productId: id(),
      quantity: formField.int({ min: 0, max: MAX_LINE_QUANTITY, message: limits.quantityFromZero }),
    }),
    z.object({ intent: z.literal('remove'), productId: id() }),
    z.object({ intent: z.literal('acknowledge') }),
  ],
  msg(m.unknownAction),
);
export type CartForm = z.output<typeof cartSchema>;

const optionalReason = z
  .string()
  .max(300, msg(limits.textTooLong))
  .default('')
  .transform((v) => v || undefined);

/** The buyer's order page: cancel (before the cooperative accepts) or confirm receipt. */
export const buyerOrderSchema = z.object({
  intent: formField.choice(['cancel', 'confirm'], m.unknownAction),
  reason: optionalReason,
});

/** The checkout page: cancel one cooperative's part, or go on to pay by card. */
export const checkoutPageSchema = z.discriminatedUnion(
  'intent',
  [
    z.object({ intent: z.literal('card') }),
    z.object({ intent: z.literal('cancel'), orderId: id(m.orderNotFound), reason: optionalReason }),
  ],
  msg(m.unknownAction),
);

/** A guest finds an order by its code and the phone number given at checkout. */
export const orderLookupSchema = z.object({
  code: z
    .string(msg(m.orderCodeFormat))
    .refine(
      (v) => normalizeOrderCode(v) !== null || normalizePaymentReference(v) !== null,
      msg(m.orderCodeFormat),
    ),
  phone: z
    .string(msg(m.contactPhoneInvalid))
    .refine((v) => normalizeVietnamesePhone(v) !== null, msg(m.contactPhoneInvalid)),
});

const shortText = z.string().max(200, msg(limits.textTooLong)).default('');

/**
 * The cooperative's order page. What each step needs (a reason to cancel, carrier and tracking number
 * to ship) is the state machine's to say (app/orders/order-state.ts).
 */
export const cooperativeOrderSchema = z.object({
  intent: formField.choice(COOPERATIVE_EVENTS, m.unknownAction),
  reason: shortText,
  carrier: shortText,
  trackingNumber: shortText,
  /** Lot codes, ticked or typed (comma-separated); split and checked by fulfilOrder. */
  lots: z
    .union([z.string(), z.array(z.string())])
    .default([])
    .transform((value) => [value].flat()),
});
export type CooperativeOrderForm = z.output<typeof cooperativeOrderSchema>;

/** The owner's free-delivery threshold: an amount of đồng, or empty to have none. */
export const freeDeliverySchema = z.object({
  organizationId: id(m.organizationNotFound),
  freeDeliveryFrom: z
    .string()
    .default('')
    .transform((value, ctx) => {
      if (value === '') return null;
      const amount = parseVnd(value);
      if (amount === null) ctx.addIssue({ code: 'custom', message: m.freeDeliveryThreshold.key });
      return amount;
    }),
});

/** The operator records a payout made to a cooperative (app/orders/payouts.server.ts). */
export const payoutSchema = z.object({
  organizationId: id(m.organizationNotFound),
  amount: vnd(m.payoutAmount),
  reference: formField.text({ min: 3, max: 200, message: m.payoutReference }),
});
export type PayoutForm = z.output<typeof payoutSchema>;
