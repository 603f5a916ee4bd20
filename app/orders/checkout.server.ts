import type { DB } from '~db/connection.server';
import { normalizeVietnamesePhone } from '~/accounts';
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

export interface ValidAddress {
  contactName: string;
  contactPhone: string;
  contactEmail: string | null;
  provinceCode: string;
  communeCode: string;
  street: string;
  note: string;
}

/** Checks the contact and address fields; every problem is reported at once, field by field. */
export async function validateAddress(
  db: DB,
  input: Omit<CheckoutInput, 'paymentMethod' | 'cartVersion' | 'expectedTotalVnd'>,
): Promise<{ address: ValidAddress } | { errors: Record<string, { vi: string; en: string }> }> {
  const errors: Record<string, { vi: string; en: string }> = {};
  const contactName = input.contactName.trim().replace(/\s+/g, ' ');
  if (contactName.length < 2 || contactName.length > 100)
    errors.contactName = {
      vi: 'Nhập họ tên người nhận (2–100 ký tự).',
      en: 'Enter the recipient’s name (2–100 characters).',
    };
  const phone = normalizeVietnamesePhone(input.contactPhone);
  if (!phone)
    errors.contactPhone = {
      vi: 'Số điện thoại không đúng, ví dụ 0912 345 678.',
      en: 'That phone number is not valid, e.g. 0912 345 678.',
    };
  const email = input.contactEmail.trim().toLowerCase();
  if (email && (email.length > 200 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)))
    errors.contactEmail = {
      vi: 'Địa chỉ e-mail không đúng.',
      en: 'That e-mail address is not valid.',
    };
  const street = input.street.trim().replace(/\s+/g, ' ');
  if (street.length < 3 || street.length > 200)
    errors.street = {
      vi: 'Nhập số nhà, đường, thôn/bản (3–200 ký tự).',
      en: 'Enter the house number, street or village (3–200 characters).',
    };
  const note = input.note.trim();
  if (note.length > 500)
    errors.note = {
      vi: 'Ghi chú tối đa 500 ký tự.',
      en: 'The note can be at most 500 characters.',
    };
  const commune = input.communeCode
    ? await db
        .selectFrom('communes')
        .select(['code', 'province_code'])
        .where('code', '=', input.communeCode)
        .executeTakeFirst()
    : undefined;
  if (
    !input.provinceCode ||
    !(await db
      .selectFrom('provinces')
      .select('code')
      .where('code', '=', input.provinceCode)
      .executeTakeFirst())
  ) {
    errors.provinceCode = {
      vi: 'Chọn tỉnh, thành phố nhận hàng.',
      en: 'Choose the delivery province.',
    };
  } else if (!commune || commune.province_code !== input.provinceCode) {
    errors.communeCode = {
      vi: 'Chọn xã, phường thuộc tỉnh đã chọn.',
      en: 'Choose a commune or ward of the chosen province.',
    };
  }
  if (Object.keys(errors).length) return { errors };
  return {
    address: {
      contactName,
      contactPhone: phone!,
      contactEmail: email || null,
      provinceCode: input.provinceCode,
      communeCode: input.communeCode,
      street,
      note,
    },
  };
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

const cartChanged = () =>
  new UserError('cart_changed', 409, {
    vi: 'Giỏ hàng vừa thay đổi (giá hoặc số lượng còn lại). Vui lòng xem lại trước khi đặt hàng.',
    en: 'Your cart has just changed (price or stock). Please review it before ordering.',
  });

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
  const validated = await validateAddress(db, input);
  if ('errors' in validated) {
    const [field, message] = Object.entries(validated.errors)[0];
    throw invalid(field, message);
  }
  const address = validated.address;
  const method = input.paymentMethod as PaymentMethod;
  if (!settings.methods.includes(method))
    throw invalid('paymentMethod', {
      vi: 'Chọn một cách thanh toán có sẵn.',
      en: 'Choose an available payment method.',
    });

  return db.transaction().execute(async (trx) => {
    const cart = await loadCart(trx, owner);
    if (cart.itemCount === 0)
      throw new UserError('cart_empty', 409, {
        vi: 'Giỏ hàng đang trống.',
        en: 'Your cart is empty.',
      });
    if (cart.version !== input.cartVersion || cart.changes.length > 0) throw cartChanged();
    const quote = quoteCheckout(cart, address.provinceCode, settings.feeTable);
    if (quote.totalVnd !== input.expectedTotalVnd) throw cartChanged();

    const at = now.toISOString();
    const productIds = quote.shipments.flatMap((s) => s.group.lines.map((l) => l.productId));

    const accessToken = generateToken();
    const payBy =
      method === 'card'
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
      await trx
        .insertInto('order_history')
        .values({
          order_id: order.id,
          from_state: '',
          to_state: 'placed',
          event: 'place',
          actor_role: 'buyer',
          actor_user_id: buyerUserId,
          at,
          reason: null,
          carrier: null,
          tracking_number: null,
        })
        .execute();
      await queueOrderEmails(trx, order.id, 'placed', now);
      // Cash on delivery needs no money first: the order goes straight to the cooperative.
      if (method === 'cod')
        await applyOrderEventIn(trx, { role: 'system' }, order.id, 'accept_cod', {}, { now });
      orderCodes.push(code);
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
