import type { DB } from '~db/connection.server';
import { addToCart } from '~/orders/cart-changes.server';
import { loadCart, newGuestCartToken, type CartOwner } from '~/orders/cart.server';
import { placeCheckout, quoteCheckout, type CheckoutSettings } from '~/orders/checkout.server';
import { DEFAULT_DELIVERY_FEES } from '~/orders/delivery-fee';

export const SETTINGS: CheckoutSettings = {
  feeTable: DEFAULT_DELIVERY_FEES,
  methods: ['vietqr', 'card', 'cod'],
  cardPaymentMinutes: 30,
  bankTransferHours: 12,
};

/** A delivery address in Hà Nội (province 01) with one of its real communes. */
export async function hanoiAddress(db: DB) {
  const commune = await db
    .selectFrom('communes')
    .select('code')
    .where('province_code', '=', '01')
    .orderBy('code')
    .executeTakeFirstOrThrow();
  return {
    contactName: 'Nguyễn Văn Mua',
    contactPhone: '0912 345 678',
    contactEmail: 'mua@example.vn',
    provinceCode: '01',
    communeCode: commune.code,
    street: '12 Hàng Bạc',
    note: '',
  };
}

/** Published demo products of two different cooperatives, with stock. */
export async function productsOfTwoCooperatives(db: DB) {
  const rows = await db
    .selectFrom('products')
    .select(['id', 'organization_id', 'price_vnd', 'stock', 'name'])
    .where('status', '=', 'published')
    .where('stock', '>', 5)
    .orderBy('id')
    .execute();
  const first = rows[0];
  const second = rows.find((r) => r.organization_id !== first?.organization_id);
  if (!first || !second) throw new Error('the demo data has no two cooperatives with stock');
  return [first, second] as const;
}

/** A guest fills a cart and checks out as the review page would let them. */
export async function guestCheckout(
  db: DB,
  lines: Array<{ productId: number; quantity: number }>,
  method: 'vietqr' | 'card' | 'cod',
  now = new Date(),
) {
  const owner: CartOwner = { guestToken: newGuestCartToken() };
  for (const line of lines) await addToCart(db, owner, line.productId, line.quantity, now);
  const cart = await loadCart(db, owner);
  const address = await hanoiAddress(db);
  const quote = quoteCheckout(cart, address.provinceCode, SETTINGS.feeTable);
  const placed = await placeCheckout(
    db,
    owner,
    null,
    {
      ...address,
      paymentMethod: method,
      cartVersion: cart.version,
      expectedTotalVnd: quote.totalVnd,
    },
    SETTINGS,
    now,
  );
  return { owner, placed, quote };
}

export const stockOf = async (db: DB, id: number) =>
  (await db.selectFrom('products').select('stock').where('id', '=', id).executeTakeFirstOrThrow())
    .stock;

export const ordersOf = (db: DB, checkoutId: number) =>
  db.selectFrom('orders').selectAll().where('checkout_id', '=', checkoutId).orderBy('id').execute();

/** The first (or only) order of a checkout. */
export const firstOrderOf = (db: DB, checkoutId: number) =>
  db
    .selectFrom('orders')
    .selectAll()
    .where('checkout_id', '=', checkoutId)
    .orderBy('id')
    .executeTakeFirstOrThrow();

export const checkoutOf = (db: DB, id: number) =>
  db.selectFrom('checkouts').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
