import type { DB } from '~db/connection.server';
import { getContactDetails } from '~/accounts/index.server';
import { listCommunes, listProvinces } from '~/catalogue/index.server';
import { isUserError, type UserError } from '~/lib/errors';
import { parseSubmission, type FormInput, type Submission } from '~/lib/form';
import { loadCart, type Cart, type CartOwner } from './cart.server';
import { checkoutSchema, type CheckoutForm } from './checkout-form';
import {
  placeCheckout,
  quoteCheckout,
  withDeliveryPlace,
  type CheckoutSettings,
  type PlacedCheckout,
} from './checkout.server';
import type { DeliveryFeeTable } from './delivery-fee';

// The checkout page's steps (/thanh-toan): open it, review the delivery fees, place the order.

/** What the review step shows: one shipment per cooperative with its fee, and the totals. */
export interface CheckoutReview {
  /** Sent back on placing: a cart that changed meanwhile is refused. */
  cartVersion: string;
  changes: number;
  shipments: Array<{
    organizationName: string;
    lines: Array<{ name: string; quantity: number; unit: string; lineVnd: number }>;
    goodsVnd: number;
    weightG: number;
    deliveryVnd: number;
    freeDelivery: boolean;
  }>;
  goodsVnd: number;
  deliveryVnd: number;
  totalVnd: number;
}

/**
 * The checkout page: the cart, the places to deliver to and the signed-in buyer's contact details.
 * Null when there is nothing to check out, or the cart changed and the buyer must look at it first.
 */
export async function loadCheckoutPage(
  db: DB,
  owner: CartOwner | null,
  buyerUserId: number | null,
  provinceCode: string,
) {
  const cart = await loadCart(db, owner);
  if (cart.itemCount === 0 || cart.changes.length > 0) return null;
  const [prefill, provinces] = await Promise.all([
    buyerUserId === null ? { name: '', phone: '', email: '' } : getContactDetails(db, buyerUserId),
    listProvinces(db),
  ]);
  const communes = provinces.some((p) => p.code === provinceCode)
    ? await listCommunes(db, provinceCode)
    : [];
  // Only what the pickers show: the page (and its inline data) is sent on every checkout step.
  return {
    cart,
    prefill,
    provinces: provinces.map((p) => ({ code: p.code, name: p.name })),
    communes: communes.map((c) => ({ code: c.code, fullName: c.fullName })),
    provinceCode,
  };
}

/** The checkout form checked with its schema and the delivery place with the database, together. */
export async function parseCheckoutForm(
  db: DB,
  input: FormInput,
): Promise<Submission<CheckoutForm>> {
  return withDeliveryPlace(db, parseSubmission(checkoutSchema, input));
}

function toReview(cart: Cart, provinceCode: string, feeTable: DeliveryFeeTable): CheckoutReview {
  const quote = quoteCheckout(cart, provinceCode, feeTable);
  return {
    cartVersion: cart.version,
    changes: cart.changes.length,
    shipments: quote.shipments.map((s) => ({
      organizationName: s.group.organizationName,
      lines: s.group.lines.map((l) => ({
        name: l.name,
        quantity: l.quantity,
        unit: l.unit,
        lineVnd: l.lineVnd,
      })),
      goodsVnd: s.group.goodsVnd,
      weightG: s.weightG,
      deliveryVnd: s.deliveryVnd,
      freeDelivery: s.freeDelivery,
    })),
    goodsVnd: quote.goodsVnd,
    deliveryVnd: quote.deliveryVnd,
    totalVnd: quote.totalVnd,
  };
}

/** The review step: the cart as it is now, priced for delivery to the province. */
export async function reviewCheckout(
  db: DB,
  owner: CartOwner,
  provinceCode: string,
  feeTable: DeliveryFeeTable,
): Promise<CheckoutReview> {
  return toReview(await loadCart(db, owner), provinceCode, feeTable);
}

export type CheckoutOutcome =
  | { kind: 'placed'; placed: PlacedCheckout }
  /** Nothing left to order (another tab placed it): back to the cart. */
  | { kind: 'cart_empty' }
  /** Refused and nothing written: why, and the review again from the cart as it is now (null when
   * it cannot be priced, e.g. for a province that does not exist). */
  | { kind: 'refused'; error: UserError; review: CheckoutReview | null };

/** The place step: places the order, or says why not with a fresh review to try again from. */
export async function submitCheckout(
  db: DB,
  owner: CartOwner,
  buyerUserId: number | null,
  form: Extract<CheckoutForm, { intent: 'place' }>,
  settings: CheckoutSettings,
  now = new Date(),
): Promise<CheckoutOutcome> {
  try {
    const placed = await placeCheckout(db, owner, buyerUserId, form, settings, now);
    return { kind: 'placed', placed };
  } catch (error) {
    if (!isUserError(error)) throw error;
    const cart = await loadCart(db, owner);
    if (cart.itemCount === 0) return { kind: 'cart_empty' };
    let review: CheckoutReview | null = null;
    try {
      review = toReview(cart, form.provinceCode, settings.feeTable);
    } catch {
      review = null;
    }
    return { kind: 'refused', error, review };
  }
}
