import type { DB } from '~db/connection.server';
import { generateToken, hashToken } from '~/accounts/index.server';
import { ordersMessages as m } from '~/i18n/messages/orders';
import { formatMessage } from '~/i18n/messages';
import { invalid, notFound, UserError } from '~/lib/errors';

/** A cart belongs to a signed-in buyer or to a guest's browser (a random token in a cookie). */
export type CartOwner = { userId: number } | { guestToken: string };

import { MAX_LINE_QUANTITY } from './cart-limits';
import type { CartForm } from './order-forms';

export { MAX_LINE_QUANTITY };

export interface CartLine {
  productId: number;
  slug: string;
  name: string;
  unit: string;
  quantity: number;
  priceVnd: number;
  priceWhenAddedVnd: number;
  stock: number;
  weightG: number | null;
  available: boolean;
  lineVnd: number;
}

export interface CartGroup {
  organizationId: number;
  organizationName: string;
  organizationSlug: string;
  provinceCode: string;
  freeDeliveryFromVnd: number | null;
  lines: CartLine[];
  goodsVnd: number;
}

export interface Cart {
  groups: CartGroup[];
  itemCount: number;
  goodsVnd: number;
  /** Lines whose price changed since they were added, or that ask for more than is left. */
  changes: Array<{
    productId: number;
    name: string;
    kind: 'price' | 'stock' | 'unavailable';
    fromVnd?: number;
    toVnd?: number;
    stock?: number;
  }>;
  /** A digest of what the buyer sees (lines, quantities, prices); checkout refuses a stale one. */
  version: string;
}

async function findCartId(db: DB, owner: CartOwner): Promise<number | null> {
  const query = db.selectFrom('carts').select('id');
  const row =
    'userId' in owner
      ? await query.where('user_id', '=', owner.userId).executeTakeFirst()
      : await query.where('token_hash', '=', hashToken(owner.guestToken)).executeTakeFirst();
  return row?.id ?? null;
}

async function ensureCartId(db: DB, owner: CartOwner, now: Date): Promise<number> {
  const existing = await findCartId(db, owner);
  if (existing) return existing;
  const at = now.toISOString();
  const row = await db
    .insertInto('carts')
    .values({
      user_id: 'userId' in owner ? owner.userId : null,
      token_hash: 'guestToken' in owner ? hashToken(owner.guestToken) : null,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function newGuestCartToken(): string {
  return generateToken();
}

export async function loadCart(db: DB, owner: CartOwner | null): Promise<Cart> {
  const cartId = owner ? await findCartId(db, owner) : null;
  const rows =
    cartId === null
      ? []
      : await db
          .selectFrom('cart_items')
          .innerJoin('products', 'products.id', 'cart_items.product_id')
          .innerJoin('organizations', 'organizations.id', 'products.organization_id')
          .select([
            'cart_items.product_id',
            'cart_items.quantity',
            'cart_items.price_vnd_when_added',
            'products.slug',
            'products.name',
            'products.unit',
            'products.price_vnd',
            'products.stock',
            'products.weight_g',
            'products.status',
            'organizations.id as organization_id',
            'organizations.name as organization_name',
            'organizations.slug as organization_slug',
            'organizations.province_code',
            'organizations.free_delivery_from_vnd',
            'organizations.verification_state',
          ])
          .where('cart_items.cart_id', '=', cartId)
          .orderBy('organizations.name')
          .orderBy('cart_items.added_at')
          .execute();
  const groups = new Map<number, CartGroup>();
  const changes: Cart['changes'] = [];
  for (const row of rows) {
    const available =
      row.status === 'published' && row.verification_state === 'approved' && row.stock > 0;
    const line: CartLine = {
      productId: row.product_id,
      slug: row.slug,
      name: row.name,
      unit: row.unit,
      quantity: row.quantity,
      priceVnd: row.price_vnd,
      priceWhenAddedVnd: row.price_vnd_when_added,
      stock: row.stock,
      weightG: row.weight_g,
      available,
      lineVnd: available ? row.price_vnd * row.quantity : 0,
    };
    if (!available)
      changes.push({ productId: line.productId, name: line.name, kind: 'unavailable' });
    else {
      if (row.price_vnd !== row.price_vnd_when_added)
        changes.push({
          productId: line.productId,
          name: line.name,
          kind: 'price',
          fromVnd: row.price_vnd_when_added,
          toVnd: row.price_vnd,
        });
      if (row.quantity > row.stock)
        changes.push({
          productId: line.productId,
          name: line.name,
          kind: 'stock',
          stock: row.stock,
        });
    }
    const group = groups.get(row.organization_id) ?? {
      organizationId: row.organization_id,
      organizationName: row.organization_name,
      organizationSlug: row.organization_slug,
      provinceCode: row.province_code,
      freeDeliveryFromVnd: row.free_delivery_from_vnd,
      lines: [],
      goodsVnd: 0,
    };
    group.lines.push(line);
    group.goodsVnd += line.lineVnd;
    groups.set(row.organization_id, group);
  }
  const list = [...groups.values()];
  return {
    groups: list,
    itemCount: rows.reduce((n, r) => n + r.quantity, 0),
    goodsVnd: list.reduce((n, g) => n + g.goodsVnd, 0),
    changes,
    version: rows.map((r) => `${r.product_id}:${r.quantity}:${r.price_vnd}`).join(','),
  };
}

const productGone = () => notFound(m.productGone);

function checkQuantity(quantity: number, allowZero: boolean): void {
  if (
    !Number.isSafeInteger(quantity) ||
    quantity < (allowZero ? 0 : 1) ||
    quantity > MAX_LINE_QUANTITY
  ) {
    throw invalid(
      'quantity',
      formatMessage(m.quantityRange, { min: allowZero ? 0 : 1, max: MAX_LINE_QUANTITY }),
    );
  }
}

/**
 * Adds units of a product, bounded by its stock. Returns the quantity now in the cart and whether
 * it had to be cut to what is left.
 */
export async function addToCart(
  db: DB,
  owner: CartOwner,
  productId: number,
  quantity: number,
  now = new Date(),
): Promise<{ quantity: number; capped: boolean }> {
  checkQuantity(quantity, false);
  return db.transaction().execute(async (trx) => {
    const product = await sellable(trx, productId);
    if (product.stock < 1)
      throw new UserError('sold_out', 409, formatMessage(m.soldOut, { name: product.name }));
    const cartId = await ensureCartId(trx, owner, now);
    const existing = await trx
      .selectFrom('cart_items')
      .select('quantity')
      .where('cart_id', '=', cartId)
      .where('product_id', '=', productId)
      .executeTakeFirst();
    const wanted = (existing?.quantity ?? 0) + quantity;
    const bounded = Math.min(wanted, product.stock, MAX_LINE_QUANTITY);
    await trx
      .insertInto('cart_items')
      .values({
        cart_id: cartId,
        product_id: productId,
        quantity: bounded,
        price_vnd_when_added: product.price_vnd,
        added_at: now.toISOString(),
      })
      .onConflict((oc) => oc.columns(['cart_id', 'product_id']).doUpdateSet({ quantity: bounded }))
      .execute();
    await trx
      .updateTable('carts')
      .set({ updated_at: now.toISOString() })
      .where('id', '=', cartId)
      .execute();
    return { quantity: bounded, capped: bounded < wanted };
  });
}

async function sellable(db: DB, productId: number) {
  const product = await db
    .selectFrom('products')
    .innerJoin('organizations', 'organizations.id', 'products.organization_id')
    .select(['products.name', 'products.price_vnd', 'products.stock'])
    .where('products.id', '=', productId)
    .where('products.status', '=', 'published')
    .where('organizations.verification_state', '=', 'approved')
    .executeTakeFirst();
  if (!product) throw productGone();
  return product;
}

/** Sets a line's quantity (0 removes it); more than the stock is cut to the stock. */
export async function setCartQuantity(
  db: DB,
  owner: CartOwner,
  productId: number,
  quantity: number,
): Promise<{ quantity: number; capped: boolean }> {
  checkQuantity(quantity, true);
  const cartId = await findCartId(db, owner);
  if (cartId === null) return { quantity: 0, capped: false };
  if (quantity === 0) {
    await db
      .deleteFrom('cart_items')
      .where('cart_id', '=', cartId)
      .where('product_id', '=', productId)
      .execute();
    return { quantity: 0, capped: false };
  }
  const product = await db
    .selectFrom('products')
    .select(['stock', 'price_vnd'])
    .where('id', '=', productId)
    .executeTakeFirst();
  const bounded = Math.min(quantity, Math.max(product?.stock ?? 0, 0));
  if (!product || bounded === 0) {
    await db
      .deleteFrom('cart_items')
      .where('cart_id', '=', cartId)
      .where('product_id', '=', productId)
      .execute();
    return { quantity: 0, capped: true };
  }
  // Changing the quantity is the buyer looking at the line again: the price they now see is the one to compare with.
  await db
    .updateTable('cart_items')
    .set({ quantity: bounded, price_vnd_when_added: product.price_vnd })
    .where('cart_id', '=', cartId)
    .where('product_id', '=', productId)
    .execute();
  return { quantity: bounded, capped: bounded < quantity };
}

/** The buyer has seen the new prices and stock: the cart stops flagging them. */
export async function acknowledgeCartChanges(db: DB, owner: CartOwner): Promise<void> {
  const cartId = await findCartId(db, owner);
  if (cartId === null) return;
  const lines = await db
    .selectFrom('cart_items')
    .innerJoin('products', 'products.id', 'cart_items.product_id')
    .select([
      'cart_items.product_id',
      'cart_items.quantity',
      'products.price_vnd',
      'products.stock',
    ])
    .where('cart_id', '=', cartId)
    .execute();
  for (const line of lines) {
    if (line.stock < 1)
      await db
        .deleteFrom('cart_items')
        .where('cart_id', '=', cartId)
        .where('product_id', '=', line.product_id)
        .execute();
    else
      await db
        .updateTable('cart_items')
        .set({
          price_vnd_when_added: line.price_vnd,
          quantity: Math.min(line.quantity, line.stock),
        })
        .where('cart_id', '=', cartId)
        .where('product_id', '=', line.product_id)
        .execute();
  }
}

/** At sign-in: the guest cart's lines join the account's cart (quantities added, bounded by stock). */
export async function mergeGuestCart(
  db: DB,
  guestToken: string,
  userId: number,
  now = new Date(),
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const guestCartId = await findCartId(trx, { guestToken });
    if (guestCartId === null) return;
    const lines = await trx
      .selectFrom('cart_items')
      .innerJoin('products', 'products.id', 'cart_items.product_id')
      .select([
        'cart_items.product_id',
        'cart_items.quantity',
        'cart_items.price_vnd_when_added',
        'cart_items.added_at',
        'products.stock',
      ])
      .where('cart_id', '=', guestCartId)
      .execute();
    const userCartId = await ensureCartId(trx, { userId }, now);
    for (const line of lines) {
      const existing = await trx
        .selectFrom('cart_items')
        .select('quantity')
        .where('cart_id', '=', userCartId)
        .where('product_id', '=', line.product_id)
        .executeTakeFirst();
      const quantity = Math.min(
        (existing?.quantity ?? 0) + line.quantity,
        Math.max(line.stock, 1),
        MAX_LINE_QUANTITY,
      );
      await trx
        .insertInto('cart_items')
        .values({
          cart_id: userCartId,
          product_id: line.product_id,
          quantity,
          price_vnd_when_added: line.price_vnd_when_added,
          added_at: line.added_at,
        })
        .onConflict((oc) => oc.columns(['cart_id', 'product_id']).doUpdateSet({ quantity }))
        .execute();
    }
    await trx.deleteFrom('carts').where('id', '=', guestCartId).execute();
  });
}

/** One press of a cart button (`cartSchema`): add, change a quantity, remove a line, accept changes. */
export async function changeCart(
  db: DB,
  owner: CartOwner,
  form: CartForm,
): Promise<{ quantity: number; capped: boolean }> {
  switch (form.intent) {
    case 'add':
      return addToCart(db, owner, form.productId, form.quantity);
    case 'update':
      return setCartQuantity(db, owner, form.productId, form.quantity);
    case 'remove':
      return setCartQuantity(db, owner, form.productId, 0);
    case 'acknowledge':
      await acknowledgeCartChanges(db, owner);
      return { quantity: 0, capped: false };
  }
}

/** Empties the cart lines that were just ordered (in the checkout's transaction). */
export async function removeOrderedLines(
  trx: DB,
  owner: CartOwner,
  productIds: number[],
): Promise<void> {
  const cartId = await findCartId(trx, owner);
  if (cartId === null || productIds.length === 0) return;
  await trx
    .deleteFrom('cart_items')
    .where('cart_id', '=', cartId)
    .where('product_id', 'in', productIds)
    .execute();
}
