import type { DB } from '~db/connection.server';
import { formatMessage } from '~/i18n/messages';
import { ordersMessages as m } from '~/i18n/messages/orders';
import { invalid, notFound, UserError } from '~/lib/errors';
import { MAX_LINE_QUANTITY } from './cart-limits';
import { type CartOwner, ensureCartId, findCartId } from './cart.server';
import type { CartForm } from './order-forms';

// What buyers do to a cart: add, change, remove, accept the changes, and merge a guest cart at sign-in.
// Reading a cart (and emptying the ordered lines at checkout) is app/orders/cart.server.ts.

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
