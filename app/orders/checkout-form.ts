import { z } from 'zod';
import { normalizeVietnamesePhone } from '~/accounts';
import { ordersMessages as m } from '~/i18n/messages/orders';
import { msg } from '~/lib/form';

// The checkout form (/thanh-toan) in two steps, switched by its `intent` field: `review` sends the
// recipient and address and gets the delivery fees back; `place` sends them again with the payment
// method and what the buyer saw (the cart's version and the total). The schemas keep the text as
// typed, so the form shows it again as it was; `deliveryAddress` gives the normalised address. Whether
// the commune lies in the province is a database fact: app/orders/checkout-steps.server.ts adds it.

const collapse = (value: string) => value.trim().replace(/\s+/g, ' ');
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function lengthBetween(min: number, max: number) {
  return (value: string) => collapse(value).length >= min && collapse(value).length <= max;
}

export const checkoutAddressSchema = z.object({
  contactName: z
    .string(msg(m.contactNameLength))
    .refine(lengthBetween(2, 100), msg(m.contactNameLength)),
  contactPhone: z
    .string(msg(m.contactPhoneInvalid))
    .refine((value) => normalizeVietnamesePhone(value) !== null, msg(m.contactPhoneInvalid)),
  contactEmail: z
    .string()
    .default('')
    .refine((value) => {
      const email = value.trim().toLowerCase();
      return !email || (email.length <= 200 && EMAIL.test(email));
    }, msg(m.contactEmailInvalid)),
  provinceCode: z.string(msg(m.deliveryProvinceRequired)).min(1, msg(m.deliveryProvinceRequired)),
  communeCode: z.string().default(''),
  street: z.string(msg(m.streetLength)).refine(lengthBetween(3, 200), msg(m.streetLength)),
  note: z
    .string()
    .default('')
    .refine((value) => value.trim().length <= 500, msg(m.noteTooLong)),
});
export type CheckoutAddressForm = z.output<typeof checkoutAddressSchema>;

/**
 * Placing the order. The payment method is checked against the methods the operator enabled, and the
 * cart version and total against the cart as it is now, by `placeCheckout`: a total that is not a
 * number simply does not match.
 */
export const placeOrderSchema = checkoutAddressSchema.extend({
  paymentMethod: z.string().default(''),
  cartVersion: z.string().default(''),
  expectedTotalVnd: z.string().default('').transform(Number),
});

/** Both steps; a form without a known intent (Enter pressed in a field) is the address step. */
export const checkoutSchema = z.preprocess(
  (values) =>
    values && typeof values === 'object'
      ? {
          ...values,
          intent: (values as { intent?: unknown }).intent === 'place' ? 'place' : 'review',
        }
      : values,
  z.discriminatedUnion('intent', [
    checkoutAddressSchema.extend({ intent: z.literal('review') }),
    placeOrderSchema.extend({ intent: z.literal('place') }),
  ]),
);
export type CheckoutForm = z.output<typeof checkoutSchema>;

/** The address fields of the form, as typed (for the page to show them again). */
export function addressFields(form: CheckoutAddressForm): CheckoutAddressForm {
  const { contactName, contactPhone, contactEmail, provinceCode, communeCode, street, note } = form;
  return { contactName, contactPhone, contactEmail, provinceCode, communeCode, street, note };
}

export interface DeliveryAddress {
  contactName: string;
  /** E.164 (`+84912345678`). */
  contactPhone: string;
  contactEmail: string | null;
  provinceCode: string;
  communeCode: string;
  street: string;
  note: string;
}

/** The address as stored: spaces collapsed, the phone in E.164, the e-mail lower-cased or null. */
export function deliveryAddress(form: CheckoutAddressForm): DeliveryAddress {
  const phone = normalizeVietnamesePhone(form.contactPhone);
  if (!phone) throw new Error('deliveryAddress: the form was not checked with its schema');
  return {
    contactName: collapse(form.contactName),
    contactPhone: phone,
    contactEmail: form.contactEmail.trim().toLowerCase() || null,
    provinceCode: form.provinceCode,
    communeCode: form.communeCode,
    street: collapse(form.street),
    note: form.note.trim(),
  };
}
