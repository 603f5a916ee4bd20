import type { DB } from '~db/connection.server';
import { generateToken, hashToken } from '~/accounts/index.server';
import { invalid, UserError } from '~/lib/errors';
import { takeStock } from '~/catalogue/index.server';
import {
  loadCart,
  removeOrderedLines,
  type Cart,
  type CartGroup,
  type CartOwner,
} from './cart.server';
import { deliveryFee, type DeliveryFeeTable } from './delivery-fee';
import { queueOrderEmails } from './order-emails.server';
import { newOrderCode, newPaymentReference } from './order-code';
import type { PaymentMethod } from './order-state';
import { applyOrderEventIn } from './orders.server';
import { commonMessages } from '~/i18n/messages/common';
import { ordersMessages as m } from '~/i18n/messages/orders';
import { parseSubmission, type FieldMessages, type Submission } from '~/lib/form';
import { checkoutAddressSchema, deliveryAddress } from './checkout-form';

/** Parcels of products without a weight are priced as this much per unit. */
export const DEFAULT_UNIT_WEIGHT_G = 500;

export interface CheckoutSettings {
  feeTable: DeliveryFeeTable;
  methods: PaymentMethod[];
  cardPaymentMinutes: number;
  bankTransferHours: number;
}

export interface CheckoutInput {
  contactName: string;
  contactPhone: string;
  contactEmail: string;
  provinceCode: string;
  communeCode: string;
  street: string;
  note: string;
  paymentMethod: string;
  /** What the buyer saw: the cart's version and the total on the review page. */
  cartVersion: string;
  expectedTotalVnd: number;
}

export interface ShipmentQuote {
  group: CartGroup;
  weightG: number;
  deliveryVnd: number;
  freeDelivery: boolean;
  totalVnd: number;
}

export interface CheckoutQuote {
  shipments: ShipmentQuote[];
  goodsVnd: number;
  deliveryVnd: number;
  totalVnd: number;
}

/** Delivery fee per cooperative and the grand total for a cart shipped to a province. */
export function quoteCheckout(
  cart: Cart,
  toProvinceCode: string,
  feeTable: DeliveryFeeTable,
): CheckoutQuote {
  const shipments = cart.groups
    .map((group) => ({ ...group, lines: group.lines.filter((l) => l.available) }))
    .filter((group) => group.lines.length > 0)
    .map((group) => {
      const weightG = group.lines.reduce(
        (sum, line) => sum + (line.weightG ?? DEFAULT_UNIT_WEIGHT_G) * line.quantity,
        0,
      );
      const fee = deliveryFee(
        {
          fromProvinceCode: group.provinceCode,
          toProvinceCode,
          weightGrams: Math.max(weightG, 1),
          subtotalVnd: group.goodsVnd,
          freeDeliveryFromVnd: group.freeDeliveryFromVnd,
        },
        feeTable,
      );
      return {
        group,
        weightG,
        deliveryVnd: fee.feeVnd,
        freeDelivery: fee.free,
        totalVnd: group.goodsVnd + fee.feeVnd,
      };
    });
  const goodsVnd = shipments.reduce((n, s) => n + s.group.goodsVnd, 0);
  const deliveryVnd = shipments.reduce((n, s) => n + s.deliveryVnd, 0);
  return { shipments, goodsVnd, deliveryVnd, totalVnd: goodsVnd + deliveryVnd };
}

/**
 * Adds the database's word on the delivery place to a checked address form: the province must exist
 * and the commune lie in it. Reported with the form's other problems, so the buyer sees them at once.
 */
export async function withDeliveryPlace<T extends { provinceCode: string; communeCode: string }>(
  db: DB,
  submission: Submission<T>,
): Promise<Submission<T>> {
  const values: Record<string, unknown> = submission.ok ? submission.value : submission.values;
  const fieldErrors = submission.ok ? {} : submission.fieldErrors;
  // An empty province is the schema's to report.
  if (fieldErrors.provinceCode) return submission;
  const provinceCode = typeof values.provinceCode === 'string' ? values.provinceCode : '';
  const communeCode = typeof values.communeCode === 'string' ? values.communeCode : '';
  const province = await db
    .selectFrom('provinces')
    .select('code')
    .where('code', '=', provinceCode)
    .executeTakeFirst();
  const commune =
    province && communeCode
      ? await db
          .selectFrom('communes')
          .select('province_code')
          .where('code', '=', communeCode)
          .executeTakeFirst()
      : undefined;
  const problem: FieldMessages = !province
    ? { provinceCode: m.deliveryProvinceRequired }
    : commune?.province_code !== provinceCode
      ? { communeCode: m.deliveryCommuneRequired }
      : {};
  if (!Object.keys(problem).length) return submission;
  return { ok: false, fieldErrors: { ...fieldErrors, ...problem }, values };
}

export interface PlacedCheckout {
  checkoutId: number;
  reference: string;
  /** Secret link key for this checkout's pages (shown once; only its hash is stored). */
  accessToken: string;
  paymentMethod: PaymentMethod;
  totalVnd: number;
  orderCodes: string[];
}

const cartChanged = () => new UserError('cart_changed', 409, m.cartChanged);

/**
 * Places one checkout: one payment, one order per cooperative. In a single transaction the stock of
 * every line is taken with a conditional decrement (never below zero), so of many buyers racing for
 * the last units exactly the stock is sold; if any line cannot be served, nothing is written.
 * Prices come from the database, never from the form: the form only says which version of the cart
 * and which total the buyer agreed to, and a mismatch is refused.
 */
export async function placeCheckout(
  db: DB,
  owner: CartOwner,
  buyerUserId: number | null,
  input: CheckoutInput,
  settings: CheckoutSettings,
  now = new Date(),
): Promise<PlacedCheckout> {
  const checked = await withDeliveryPlace(db, parseSubmission(checkoutAddressSchema, { ...input }));
  if (!checked.ok) {
    const [field, message] = Object.entries(checked.fieldErrors)[0] ?? [
      'form',
      commonMessages.invalidValue,
    ];
    throw invalid(field, message);
  }
  const address = deliveryAddress(checked.value);
  const method = input.paymentMethod as PaymentMethod;
  if (!settings.methods.includes(method))
    throw invalid('paymentMethod', m.paymentMethodUnavailable);

  return db.transaction().execute(async (trx) => {
    const cart = await loadCart(trx, owner);
    if (cart.itemCount === 0) throw new UserError('cart_empty', 409, m.cartEmpty);
    if (cart.version !== input.cartVersion || cart.changes.length > 0) throw cartChanged();
    const quote = quoteCheckout(cart, address.provinceCode, settings.feeTable);
    if (quote.totalVnd !== input.expectedTotalVnd) throw cartChanged();

    const at = now.toISOString();
    const productIds = quote.shipments.flatMap((s) => s.group.lines.map((l) => l.productId));

    const accessToken = generateToken();
    // Cards and the VNPay, MoMo and ZaloPay gateways are paid on the spot; transfers within hours.
    const payBy =
      method === 'card' || method === 'vnpay' || method === 'momo' || method === 'zalopay'
        ? new Date(now.getTime() + settings.cardPaymentMinutes * 60_000)
        : method === 'vietqr'
          ? new Date(now.getTime() + settings.bankTransferHours * 3_600_000)
          : null;
    const checkout = await trx
      .insertInto('checkouts')
      .values({
        reference: await unusedReference(trx),
        access_token_hash: hashToken(accessToken),
        buyer_user_id: buyerUserId,
        contact_name: address.contactName,
        contact_phone: address.contactPhone,
        contact_email: address.contactEmail,
        province_code: address.provinceCode,
        commune_code: address.communeCode,
        street: address.street,
        note: address.note,
        payment_method: method,
        goods_vnd: quote.goodsVnd,
        delivery_vnd: quote.deliveryVnd,
        total_vnd: quote.totalVnd,
        payment_state: method === 'cod' ? 'cash_on_delivery' : 'awaiting',
        pay_by: payBy?.toISOString() ?? null,
        paid_at: null,
        stripe_session_id: null,
        stripe_payment_intent_id: null,
        created_at: at,
      })
      .returning(['id', 'reference'])
      .executeTakeFirstOrThrow();

    const orderCodes: string[] = [];
    const orderIds: number[] = [];
    for (const shipment of quote.shipments) {
      const code = await unusedOrderCode(trx);
      const order = await trx
        .insertInto('orders')
        .values({
          code,
          checkout_id: checkout.id,
          organization_id: shipment.group.organizationId,
          state: 'placed',
          payment_method: method,
          goods_vnd: shipment.group.goodsVnd,
          delivery_vnd: shipment.deliveryVnd,
          total_vnd: shipment.totalVnd,
          weight_g: shipment.weightG,
          carrier: null,
          tracking_number: null,
          cancel_reason: null,
          created_at: at,
          updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('order_items')
        .values(
          shipment.group.lines.map((line) => ({
            order_id: order.id,
            product_id: line.productId,
            product_name: line.name,
            unit: line.unit,
            unit_price_vnd: line.priceVnd,
            quantity: line.quantity,
            weight_g: (line.weightG ?? DEFAULT_UNIT_WEIGHT_G) * line.quantity,
          })),
        )
        .execute();
      // The catalogue owns stock: one conditional UPDATE per line, refused (409) when too few are left.
      await takeStock(trx, shipment.group.lines, {
        orderId: order.id,
        checkoutId: checkout.id,
        userId: buyerUserId,
        now,
      });
      orderIds.push(order.id);
      orderCodes.push(code);
    }
    // One statement for every order's first history row (the hot path: issue 16).
    await trx
      .insertInto('order_history')
      .values(
        orderIds.map((orderId) => ({
          order_id: orderId,
          from_state: '',
          to_state: 'placed',
          event: 'place',
          actor_role: 'buyer',
          actor_user_id: buyerUserId,
          at,
          reason: null,
          carrier: null,
          tracking_number: null,
        })),
      )
      .execute();
    for (const orderId of orderIds) {
      // A placed order e-mails only the buyer, and only one who gave an address: skip the lookup otherwise.
      if (address.contactEmail) await queueOrderEmails(trx, orderId, 'placed', now);
      // Cash on delivery needs no money first: the order goes straight to the cooperative.
      if (method === 'cod')
        await applyOrderEventIn(trx, { role: 'system' }, orderId, 'accept_cod', {}, { now });
    }
    await removeOrderedLines(trx, owner, productIds);
    return {
      checkoutId: checkout.id,
      reference: checkout.reference,
      accessToken,
      paymentMethod: method,
      totalVnd: quote.totalVnd,
      orderCodes,
    };
  });
}

async function unusedReference(trx: DB): Promise<string> {
  for (;;) {
    const reference = newPaymentReference();
    if (
      !(await trx
        .selectFrom('checkouts')
        .select('id')
        .where('reference', '=', reference)
        .executeTakeFirst())
    )
      return reference;
  }
}

async function unusedOrderCode(trx: DB): Promise<string> {
  for (;;) {
    const code = newOrderCode();
    if (!(await trx.selectFrom('orders').select('id').where('code', '=', code).executeTakeFirst()))
      return code;
  }
}
